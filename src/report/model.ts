/**
 * The table model every output format is drawn from (one model, many renderers).
 * A report holds tables of rows with exact amounts in öre, already in the report's
 * perspective; `present.ts` rounds each cell once for showing. A cell may be null: no
 * value (a forecast given for a larger whole that cannot be split, a comparison without
 * data) — shown empty, never as zero. The model holds no prose: titles, row labels and
 * messages are descriptors that i18n renders.
 */
import type { Ore, Unit } from '../core/money.js';
import type { ReportPeriod } from '../core/periods.js';
import type { Perspective } from '../rules/sign.js';
import type { Message } from './messages.js';

export type { Message, MessageCode, MessageLevel, MessageParams } from './messages.js';

export type { AmountColumn, ColumnId, ReportKind } from './columns.js';
import type { AmountColumn, ColumnId, ReportKind } from './columns.js';

export type Amounts = Partial<Record<AmountColumn, Ore | null>>;

/** The months (1..12) of the report's year that the utfall covers, when fewer than twelve. */
export interface MonthSpan {
  first: number;
  last: number;
}

/**
 * What a table's title says; i18n renders it. `year` is '' when the data has none;
 * `dimension` is a dimension id (verksamhet, ansvar, …), null in a monthly title for the
 * default dimension. `coverage`: a report over everything read whose utfall covers only
 * these months of the year. `period`: a Verksamhetsanalys or Resultat through that month
 * (a delårsrapport).
 */
export type Title =
  | { kind: 'drift' | 'investering'; year: string; unit: Unit; coverage?: MonthSpan }
  | { kind: 'analys' | 'resultat'; year: string; unit: Unit; coverage?: MonthSpan; period?: ReportPeriod }
  | { kind: 'grouped'; dimension: string; year: string; unit: Unit; coverage?: MonthSpan }
  | { kind: 'sub'; dimension: string; pattern: string }
  | { kind: 'manad'; dimension: string | null; period: ReportPeriod; unit: Unit };

/** The Resultat summary's rows, by id. */
export const RESULTAT_ROWS = ['intakter', 'kostnader', 'personalkostnader', 'kapitalkostnader'] as const;
export type ResultatRow = (typeof RESULTAT_ROWS)[number];
/** A row label that is an id i18n renders rather than a code and a name: the total rows and the Resultat rows. */
export type RowLabel = 'summa' | 'resultat' | ResultatRow;

export interface ReportRow {
  /** The code, or the row's id where `label` is set. */
  kod: string;
  /** null when no catalogue, names file or data column names the code. */
  namn: string | null;
  values: Amounts;
  kommentar: string | null;
  /** A "varav" row: part of another row, not added into the Summa. */
  varav?: boolean;
  /** Set where the row is labelled by an id (the Resultat rows) instead of its code and name. */
  label?: ResultatRow;
  /** The row "Övriga (N …)": the exact sum of the N rows `--top`/`--min-avvikelse` leave out (report/select.ts). */
  others?: number;
}

export interface ReportTable {
  /** 'drift' or 'manad' for the main table, 'sub:PATTERN' for a särredovisning. */
  id: string;
  /** The report kind the table belongs to (a sub-table that of its main table): decides what a percent column divides. */
  report: ReportKind;
  title: Title;
  /** The dimension whose codes the rows are (verksamhet, ansvar, projekt, …). */
  dimension: string;
  columns: ColumnId[];
  rows: ReportRow[];
  /** The exact total of the table (null in a column whose total cannot be formed). */
  summa: Amounts;
  /** The label of the total row when it is not 'summa' (the Resultat summary's 'resultat'). */
  summaLabel?: 'summa' | 'resultat';
  /** False when the rows' codes are ids, not codes to show (the Resultat summary). */
  showCodes?: boolean;
  /** 'unit' when the label column is headed by the unit, "(tkr)", instead of the dimension's name (the Resultat summary). */
  rowHeading?: 'dimension' | 'unit';
}

export interface Report {
  perspective: Perspective;
  tables: ReportTable[];
  /** Warnings (look at this) and notes (what the tool did: normalised a key, fell back to twelfths …), for stderr. */
  messages: Message[];
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
