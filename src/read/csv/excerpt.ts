/**
 * The offending line of an input under an error message, with a caret under the bad
 * field, as hledger shows errors:
 *
 *     1043 | 202408;4110;5101;5011;12 345,6x
 *          |                       ^^^^^^^^^
 *
 * The CSV source's `excerpt`, for any place with a line (any text file is shown by its lines);
 * ../excerpt.ts draws it.
 * Only used on the error path, so it simply reads the file again.
 */
import { readFileSync } from 'node:fs';
import type { Place } from '../../errors.js';
import { EXCERPT_MAX_WIDTH, lineExcerpt } from '../excerpt.js';
import { createDecoder, sniffDelimiterInBytes, sniffEncoding } from './dialect.js';

function fieldStarts(line: string, delim: string): number[] {
  const starts = [0];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === delim && !quoted) starts.push(i + 1);
  }
  return starts;
}

/** The excerpt lines under an error at `place`, or [] when it has no line or the line cannot be shown. */
export function csvExcerpt(place: Place): string[] {
  const { file, line, field, value } = place;
  if (line === undefined) return [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return [];
  }
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0) return [];
    start = nl + 1;
  }
  let end = bytes.indexOf(0x0a, start);
  if (end < 0) end = bytes.length;
  const guess = sniffEncoding(bytes.subarray(0, 65536), bytes.length <= 65536);
  const from = start === 0 ? guess.bomLength : start;
  let text: string;
  try {
    text = createDecoder(guess.encoding).write(bytes.subarray(from, end)).replace(/\r$/, '');
  } catch {
    text = createDecoder('windows-1252').write(bytes.subarray(from, end)).replace(/\r$/, '');
  }
  if (text.length > EXCERPT_MAX_WIDTH) return [];
  if (field === undefined) return lineExcerpt(line, text);
  const delim = sniffDelimiterInBytes(bytes.subarray(guess.bomLength, 65536), guess.encoding);
  const at = fieldStarts(text, delim)[field - 1];
  if (at === undefined) return lineExcerpt(line, text);
  const inner = value === undefined || value === '' ? -1 : text.indexOf(value, at);
  return lineExcerpt(line, text, inner >= 0 ? inner : at, value?.length ?? 1);
}
