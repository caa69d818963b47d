/**
 * Small auxiliary CSV files (a names file `kod;namn`, later comments and keys), read
 * whole with the same dialect sniffing as ledgers: any delimiter, UTF-8 or Windows-1252.
 * Each record keeps its 1-based line number for error messages.
 */
import { promises as fsp } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { AvvikelseError } from '../errors.js';
import { fileError } from './files.js';
import { createDecoder, InvalidUtf8, sniffDelimiter, sniffEncoding } from './dialect.js';

export interface NumberedRecord {
  line: number;
  fields: string[];
}

export async function readSmallCsv(file: string): Promise<NumberedRecord[]> {
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
  try {
    parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], ctx) => {
        records.push({ line: ctx.lines, fields });
        return null;
      },
    });
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    throw new AvvikelseError('CSV_SYNTAX', { reason: err.code ?? err.message }, { file, line: err.lines });
  }
  return records;
}
