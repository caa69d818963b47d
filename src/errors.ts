/**
 * Typed user errors. Every problem a user can cause (a bad file, a bad option) is an
 * AvvikelseError with a stable code, the parameters its message needs and, where there is
 * one, the place: file, line, column and the offending text. The messages themselves live
 * in src/i18n so that each error reads well in Swedish and English. The CLI turns these
 * into exit code 2 (74 for a failed write: cli/main.ts, `exitCodeOf`); anything else that is
 * thrown is a bug.
 */

export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'NO_DATA_ROWS'
  | 'COLUMN_MISSING'
  | 'COLUMN_AMBIGUOUS'
  | 'COLUMN_UNKNOWN'
  | 'AMOUNT_INVALID'
  | 'AMOUNT_PRECISION'
  | 'AMOUNT_AMBIGUOUS'
  | 'PERIOD_INVALID'
  | 'PERIOD_OUTSIDE_DATA'
  | 'PERIOD_MISSING'
  | 'PERIOD_YEAR_MISSING'
  | 'WEIGHT_INVALID'
  | 'TABLE_NOT_FOUND'
  | 'CATEGORY_INVALID'
  | 'CODE_EMPTY'
  | 'FIELD_COUNT'
  | 'CSV_SYNTAX'
  | 'ENCODING_INVALID'
  | 'OPTION_INVALID'
  | 'OPTION_UNKNOWN'
  | 'OPTION_MISSING'
  | 'USAGE'
  | 'COMMAND_UNKNOWN'
  | 'CONFIG_INVALID'
  | 'OUTPUT_IS_INPUT'
  | 'OUTPUT_UNWRITABLE'
  | 'STDOUT_UNWRITABLE'
  | 'SAME_AMOUNT_COLUMN'
  | 'FORMAT_UNSUPPORTED'
  | 'OUTPUT_FORMAT'
  | 'COLUMN_ROLE'
  | 'TOTALS_ROW_MISMATCH'
  | 'SIE_SYNTAX'
  | 'SIE_DIMENSION'
  | 'SIE_NO_OBJECTS'
  | 'SIE_NO_AMOUNTS'
  | 'SHEET_NOT_FOUND'
  | 'FORMULA_UNCACHED'
  | 'WORKBOOK_INVALID'
  | 'CONFIG_EXISTS';

/**
 * Where in an input the problem is: a line of a text file (CSV, and the `file:line` of any
 * line-based format), a cell of a sheet (.xlsx), or a record of a record-based format (SIE).
 * A place with only `file` names the whole file. Lines, records and fields are 1-based, as
 * editors show them. The three kinds exclude each other's fields, so `place.line` reads as
 * `number | undefined` on any place.
 */
export type Place = LinePlace | CellPlace | RecordPlace;

interface Offending {
  /** Column header as written in the file. */
  column?: string;
  /** The offending text, verbatim. */
  value?: string;
}

/** A line of a text file (`file:line`), optionally one field of it. */
export interface LinePlace extends Offending {
  file: string;
  line?: number;
  /** 1-based field number within the record. */
  field?: number;
  sheet?: never;
  cell?: never;
  record?: never;
}

/** A cell of a sheet (`file:Sheet!B12`). */
export interface CellPlace extends Offending {
  file: string;
  sheet: string;
  /** A1-style cell reference. */
  cell: string;
  line?: never;
  field?: never;
  record?: never;
}

/** A record of a record-based format (`file:#N`). */
export interface RecordPlace extends Offending {
  file: string;
  /** 1-based record number. */
  record: number;
  line?: never;
  field?: never;
  sheet?: never;
  cell?: never;
}

/** The place of an error (the name the error class has always used). */
export type Location = Place;

export class AvvikelseError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly location: Location | undefined;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, location?: Location) {
    super(`${code} ${JSON.stringify(params)}${location ? ` at ${location.file}:${location.line ?? ''}` : ''}`);
    this.name = 'AvvikelseError';
    this.code = code;
    this.params = params;
    this.location = location;
  }
}

export function isAvvikelseError(e: unknown): e is AvvikelseError {
  return e instanceof AvvikelseError;
}
