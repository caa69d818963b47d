/**
 * The one translation of csv-parse's errors into user errors, used by every CSV reader
 * (ledgers through the stream, small files, published tables). csv-parse throws a `CsvError`
 * whose code names the problem — most start with `CSV_`, but a quote inside an unquoted field
 * is `INVALID_OPENING_QUOTE` — and whose `lines` is the line where it was found. Every such
 * error about the data becomes CSV_SYNTAX at that file and line, with csv-parse's code as the
 * reason (src/i18n explains each code); errors about our own parser options stay bugs.
 */
import type { CsvError } from 'csv-parse';
import { AvvikelseError } from '../../errors.js';

/** csv-parse codes that are about how we configured it, not about the file. */
const OPTION_PROBLEM = /^CSV_(INVALID_OPTION|INVALID_COLUMN|OPTION_|IGNORE_LAST_DELIMITERS)/;

/** Codes whose `column` is the index of the field holding the bad quote (a caret under it helps). */
const IN_FIELD = new Set(['INVALID_OPENING_QUOTE', 'CSV_INVALID_CLOSING_QUOTE', 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE']);

/**
 * `e` as a CSV_SYNTAX error at `file` and the line csv-parse reports, when it is csv-parse's
 * error about the data; anything else is returned as it is.
 * Async because csv-parse is loaded on first use (it is loaded by then: only its parsers throw its errors).
 * @example await csvParseError(new CsvError('INVALID_OPENING_QUOTE', 'x', undefined, { lines: 3 }), 'a.csv') // CSV_SYNTAX at a.csv:3
 */
export async function csvParseError(e: unknown, file: string): Promise<unknown> {
  const { CsvError } = await import('csv-parse');
  if (!(e instanceof CsvError) || OPTION_PROBLEM.test(e.code)) return e;
  const info = e as CsvError & { lines?: number; column?: number };
  if (!IN_FIELD.has(e.code) || typeof info.column !== 'number')
    return new AvvikelseError('CSV_SYNTAX', { reason: e.code }, { file, line: info.lines });
  // The stray quote itself is the offending text: the excerpt's caret goes under it.
  const value = e.code === 'INVALID_OPENING_QUOTE' ? '"' : undefined;
  return new AvvikelseError(
    'CSV_SYNTAX',
    { reason: e.code },
    { file, line: info.lines, field: info.column + 1, ...(value ? { value } : {}) },
  );
}
