/**
 * A names file: `kod;namn` per line (any delimiter, UTF-8 or Windows-1252), with or
 * without a header row. Later lines win over earlier ones for the same code.
 */
import { AvvikelseError } from '../errors.js';
import { normaliseHeader } from './columns.js';
import { readSmallCsv } from './small-csv.js';

const HEADER_WORDS = new Set(['kod', 'code', 'verksamhet', 'vht', 'konto', 'ansvar', 'projekt', 'id']);

export async function readNamesFile(file: string): Promise<Map<string, string>> {
  const records = await readSmallCsv(file);
  const names = new Map<string, string>();
  records.forEach(({ line, fields }, i) => {
    if (i === 0 && HEADER_WORDS.has(normaliseHeader(fields[0] ?? ''))) return;
    if (fields.length < 2) throw new AvvikelseError('FIELD_COUNT', { found: fields.length, expected: 2 }, { file, line });
    const code = (fields[0] as string).trim();
    if (code === '') throw new AvvikelseError('CODE_EMPTY', {}, { file, line, column: fields[0], field: 1, value: '' });
    names.set(code, (fields[1] as string).trim());
  });
  return names;
}
