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
import { isRegularFile } from '../files.js';
import { createDecoder, isUtf16, LINE_END, sniffDelimiterInBytes, sniffEncoding, type Encoding } from './dialect.js';

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

/**
 * The bytes [start, end) of line `line` (1-based), counting CRLF, LF and a lone CR as one line
 * end each, as the readers do (LINE_ENDS); null when the file has fewer lines.
 */
function lineBounds(bytes: Uint8Array, line: number): [number, number] | null {
  let start = 0;
  let n = 1;
  for (let i = 0; i < bytes.length && n < line; i++) {
    const b = bytes[i];
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    else if (b !== 0x0a && b !== 0x0d) continue;
    n++;
    start = i + 1;
  }
  if (n < line) return null;
  let end = start;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  return [start, end];
}

/** The text of line `line` of a file's bytes in `encoding`, or null when it has fewer lines. */
function lineText(bytes: Buffer, line: number, encoding: Encoding, bom: number): string | null {
  if (isUtf16(encoding)) {
    // Two bytes a character: decoded whole, then split (an error path, so the cost is fine).
    const d = createDecoder(encoding);
    return (d.write(bytes.subarray(bom)) + d.end()).split(LINE_END)[line - 1] ?? null;
  }
  const bounds = lineBounds(bytes, line);
  if (bounds === null) return null;
  const [start, end] = bounds;
  const from = start === 0 ? bom : start;
  try {
    return createDecoder(encoding).write(bytes.subarray(from, end));
  } catch {
    return createDecoder('windows-1252').write(bytes.subarray(from, end));
  }
}

/** The excerpt lines under an error at `place`, or [] when it has no line or the line cannot be shown. */
export function csvExcerpt(place: Place): string[] {
  const { file, line, field, value } = place;
  if (line === undefined) return [];
  // A pipe was read once and is gone (and a FIFO would block): no excerpt.
  if (!isRegularFile(file)) return [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return [];
  }
  const guess = sniffEncoding(bytes.subarray(0, 65536), bytes.length <= 65536);
  const text = lineText(bytes, line, guess.encoding, guess.bomLength);
  if (text === null || text.length > EXCERPT_MAX_WIDTH) return [];
  if (field === undefined) return lineExcerpt(line, text);
  const delim = sniffDelimiterInBytes(bytes.subarray(guess.bomLength, 65536), guess.encoding);
  const at = fieldStarts(text, delim)[field - 1];
  if (at === undefined) return lineExcerpt(line, text);
  const inner = value === undefined || value === '' ? -1 : text.indexOf(value, at);
  return lineExcerpt(line, text, inner >= 0 ? inner : at, value?.length ?? 1);
}
