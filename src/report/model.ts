/**
 * The table model every output format is drawn from (one model, many renderers).
 * A report holds tables of rows with exact amounts in öre, already in the report's
 * perspective; `present.ts` rounds each cell once for showing.
 */
import type { Ore, RoundingMode, Unit } from '../data/money.js';

/** Column ids, as in the JSON contract. */
export type ColumnId = 'utfall' | 'budget' | 'avvikelse';

/** Which sign amounts are shown in: net cost positive, or revenue positive (SPEC §3). */
export type Perspective = 'kostnad' | 'resultat';
export const PERSPECTIVES: readonly Perspective[] = ['kostnad', 'resultat'];

export interface ReportRow {
  kod: string;
  /** null when no catalogue, names file or data column names the code. */
  namn: string | null;
  values: Record<ColumnId, Ore>;
}

export interface ReportTable {
  /** 'drift' for the main table, 'sub:PATTERN' for a särredovisning. */
  id: string;
  title: string;
  /** The dimension whose codes the rows are (verksamhet, ansvar, projekt, …). */
  dimension: string;
  columns: ColumnId[];
  rows: ReportRow[];
  /** The exact total of the table's rows. */
  summa: Record<ColumnId, Ore>;
}

export interface Report {
  perspective: Perspective;
  tables: ReportTable[];
  /** Warnings for stderr (already in the user's language). */
  warnings: string[];
}

/** How cells are shown. */
export interface Display {
  unit: Unit;
  decimals: number;
  rounding: RoundingMode;
  /** Unrounded values (`--exact`). */
  exact: boolean;
}
