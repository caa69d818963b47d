/**
 * A report table as it was published, with its cells already read: the values that
 * read/report-table.ts produces (it parses every cell once) and report/verify checks.
 * Pure values: numbers are integers at `PUBLISHED_SCALE` (core/money.ts), so a published
 * `1 234,5` and a ledger amount rounded to one decimal compare as bigints.
 */

/** An amount as published: `1 234`, `- 1 234`, `–1 234`, `1 234 tkr`, `(1 234)`, `12,5 %`, `-` (zero). */
export interface PublishedNumber {
  /** Value × 10^PUBLISHED_SCALE. */
  value: bigint;
  /** Decimals written in the cell (at most PUBLISHED_SCALE). */
  decimals: number;
  percent: boolean;
}

/** What a published cell holds: a number, nothing (an empty cell), or text. */
export type PublishedCell = PublishedNumber | null | 'text';

export interface PublishedRow {
  line: number;
  /** The cells as written. */
  cells: string[];
  /** What each cell holds, parsed by the reader; `numbers[i]` belongs to `cells[i]`. */
  numbers: PublishedCell[];
}

export interface PublishedTable {
  file: string;
  /** The sheet of a workbook the table is on (its lines are the sheet's rows). */
  sheet?: string;
  /** The title line, or the header's first cell; '' when there is neither. */
  title: string;
  /** Line of the header row. */
  line: number;
  header: string[];
  rows: PublishedRow[];
}
