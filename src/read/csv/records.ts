/**
 * Small CSV files (names `kod;namn`, comments, forecasts, keys, categories, published tables),
 * read whole with the same dialect sniffing as ledgers: any delimiter, UTF-8 or Windows-1252.
 * Each record keeps its 1-based line number for error messages; csv-parse's errors are
 * translated by the one translation in errors.ts.
 */
import { promises as fsp } from 'node:fs';
import { AvvikelseError } from '../../errors.js';
import { fileError } from '../files.js';
import { RECORD_MAX_CHARS } from '../limits.js';
import type { PlaceOf, SourceRecord } from '../source.js';
import { createDecoder, InvalidUtf8, LINE_ENDS, sniffDelimiter, sniffEncoding } from './dialect.js';
import { csvParseError } from './errors.js';

interface NumberedRecord {
  line: number;
  fields: string[];
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
  const records: NumberedRecord[] = [];
  // Loaded when a file first needs it, not at start-up.
  const { parse } = await import('csv-parse/sync');
  try {
    parse(text, {
      delimiter: sniffDelimiter(text),
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
  const placeOf = csvPlace(file);
  return (await readSmallCsv(file)).map(({ line, fields }) => ({
    place: placeOf(line),
    cells: fields,
    at: (index, column, value) => placeOf(line, { index, column, value }),
  }));
}
