/**
 * Typed user errors. Every problem a user can cause (a bad file, a bad option) is an
 * AvvikelseError with a stable code, the parameters its message needs and, where there is
 * one, the place: file, line, column and the offending text. The messages themselves live
 * in src/i18n so that each error reads well in Swedish and English. The CLI turns these
 * into exit code 2; anything else that is thrown is a bug.
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
  | 'PERIOD_INVALID'
  | 'PERIOD_OUTSIDE_DATA'
  | 'PERIOD_MISSING'
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
  | 'OUTPUT_UNWRITABLE';

/** Where in an input the problem is. Lines are 1-based, as editors show them. */
export interface Location {
  file: string;
  line?: number;
  /** Column header as written in the file. */
  column?: string;
  /** 1-based field number within the record. */
  field?: number;
  /** The offending text, verbatim. */
  value?: string;
}

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
