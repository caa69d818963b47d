/**
 * The table model every output format is drawn from (one model, many renderers).
 * A report holds tables of rows with exact amounts in öre, already in the report's
 * perspective; `present.ts` rounds each cell once for showing. A cell may be null: no
 * value (a forecast given for a larger whole that cannot be split, a comparison without
 * data) — shown empty, never as zero.
 */
import type { Ore } from '../core/money.js';
import type { Perspective } from '../rules/sign.js';

export type { AmountColumn, ColumnId } from './columns.js';
import type { AmountColumn, ColumnId } from './columns.js';

export type Amounts = Partial<Record<AmountColumn, Ore | null>>;

export interface ReportRow {
  kod: string;
  /** null when no catalogue, names file or data column names the code. */
  namn: string | null;
  values: Amounts;
  kommentar: string | null;
  /** A "varav" row: part of another row, not added into the Summa. */
  varav?: boolean;
}

export interface ReportTable {
  /** 'drift' or 'manad' for the main table, 'sub:PATTERN' for a särredovisning. */
  id: string;
  title: string;
  /** The dimension whose codes the rows are (verksamhet, ansvar, projekt, …). */
  dimension: string;
  columns: ColumnId[];
  rows: ReportRow[];
  /** The exact total of the table (null in a column whose total cannot be formed). */
  summa: Amounts;
  /** The label of the total row when it is not "Summa" (the Resultat summary's "Resultat"). */
  summaLabel?: string;
  /** False when the rows' codes are ids, not codes to show (the Resultat summary). */
  showCodes?: boolean;
  /** Heading of the label column when it is not the dimension's name (the Resultat's "(tkr)"). */
  rowHeading?: string;
}

export interface Report {
  perspective: Perspective;
  tables: ReportTable[];
  /** Warnings for stderr (already in the user's language). */
  warnings: string[];
  /** Statements of what the tool did (normalised a key, fell back to twelfths …), for stderr. */
  notes: string[];
  /** Which reader read each ledger file (`file: reader`), for AVVIKELSE_DEBUG=reader. */
  readers?: string[];
}

/** How cells are shown. */
export interface Display {
  unit: import('../core/money.js').Unit;
  decimals: number;
  rounding: import('../rules/rounding.js').RoundingMode;
  /** Unrounded values (`--exact`). */
  exact: boolean;
}
