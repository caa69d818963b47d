/**
 * Small CSV files (names `kod;namn`, comments, forecasts, keys, categories, published tables),
 * read whole with the same dialect sniffing as ledgers: any delimiter, UTF-8 or Windows-1252.
 * Each record keeps its 1-based line number for error messages; csv-parse's errors are
 * translated by the one translation in errors.ts.
 */
import { promises as fsp } from 'node:fs';
import { AvvikelseError } from '../../errors.js';
import { fileError } from '../files.js';
import { LineRecord } from '../line-record.js';
import { RECORD_MAX_CHARS } from '../limits.js';
import type { PlaceOf, SourceRecord } from '../source.js';
import { createDecoder, InvalidUtf8, LINE_ENDS, sniffDelimiter, sniffEncoding } from './dialect.js';
import { csvParseError } from './errors.js';

interface NumberedRecord {
  line: number;
  fields: string[];
}

/**
 * The records of a text without a quote character, split on line ends (LINE_ENDS) and the
 * delimiter, empty lines skipped: exactly what csv-parse makes of it with the options below,
 * without its cost per record (csv-parse builds an error object, stack trace included, for
 * every record whose length differs from the first one's, as every row after a one-cell
 * title line does). Null when the text has a quote or a line over RECORD_MAX_CHARS: csv-parse
 * reads it (and reports what is wrong with it).
 */
export function plainRecords(text: string, delimiter: string): NumberedRecord[] | null {
  if (text.includes('"')) return null;
  const records: NumberedRecord[] = [];
  let line = 0;
  let start = 0;
  const n = text.length;
  while (start < n) {
    line++;
    let end = start;
    let c = 0;
    for (; end < n; end++) {
      c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
    }
    if (end - start > RECORD_MAX_CHARS) return null;
    if (end > start) records.push({ line, fields: text.slice(start, end).split(delimiter) });
    start = end + (c === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return records;
}

/** Every non-empty record of a small CSV file with its line. Throws FILE_NOT_FOUND, FILE_EMPTY, CSV_SYNTAX. */
async function readSmallCsv(file: string): Promise<NumberedRecord[]> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    throw fileError(e, file);
  }
  if (bytes.length === 0) throw new AvvikelseError('FILE_EMPTY', {}, { file });
  const guess = sniffEncoding(bytes, true);
  let text: string;
  try {
    const d = createDecoder(guess.encoding);
    text = d.write(bytes.subarray(guess.bomLength)) + d.end();
  } catch (e) {
    if (!(e instanceof InvalidUtf8)) throw e;
    const d = createDecoder('windows-1252');
    text = d.write(bytes) + d.end();
  }
  const delimiter = sniffDelimiter(text);
  const plain = plainRecords(text, delimiter);
  if (plain !== null) return plain;
  const records: NumberedRecord[] = [];
  // Loaded when a file first needs it, not at start-up.
  const { parse } = await import('csv-parse/sync');
  try {
    parse(text, {
      delimiter,
      record_delimiter: LINE_ENDS,
      max_record_size: RECORD_MAX_CHARS,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], ctx) => {
        records.push({ line: ctx.lines, fields });
        return null;
      },
    });
  } catch (e) {
    throw await csvParseError(e, file);
  }
  return records;
}

/**
 * Places in a CSV file: `file:line`, and a field by its 1-based number with its header and text.
 * @example csvPlace('u.csv')(3, { index: 1, column: 'Belopp', value: '1,2x' }) // { file: 'u.csv', line: 3, column: 'Belopp', field: 2, value: '1,2x' }
 */
export function csvPlace(file: string): PlaceOf {
  return (line, f) => (f === undefined ? { file, line } : { file, line, column: f.column, field: f.index + 1, value: f.value });
}

/** The records of a small CSV file as a record source gives them: each with its line and the places of its fields. */
export async function csvRecords(file: string): Promise<SourceRecord[]> {
  return (await readSmallCsv(file)).map(({ line, fields }) => new LineRecord(file, line, fields));
}
