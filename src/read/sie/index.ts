/**
 * The SIE source: SIE 4 files (types 1–4, `.se`/`.si`, SIE filformat utgåva 4B) as ledgers —
 * utfall, budget and last year's utfall from one file (reader.ts) — in CP437 as the standard
 * says, or in the UTF-8 or Latin-1 that files saying `#FORMAT PC8` also come in
 * (encoding.ts). It is recognised by its first bytes (`#FLAGGA`/`#SIETYP`), whatever the
 * file's name. A SIE file holds no small tables (names, comments, forecasts): given as one,
 * it is refused with FORMAT_UNSUPPORTED.
 */
import { readFileSync } from 'node:fs';
import { AvvikelseError, type Place } from '../../errors.js';
import { lineExcerpt, EXCERPT_MAX_WIDTH } from '../excerpt.js';
import { readSample, SAMPLE_BYTES } from '../files.js';
import { isSie } from '../refusals.js';
import type { LedgerBuilder, LedgerSource, ReadInfo, ReadSpec, RecordSource } from '../source.js';
import { sieDecoder, sieEncodingOf, sniffSieEncoding, type SieEncodingGuess } from './encoding.js';
import { readSie, SieReencode } from './reader.js';
import { tokenize } from './tokens.js';

export { UNALLOCATED } from './reader.js';

/** The encoding a file is read in: `--encoding`'s, else the one its bytes show (encoding.ts). */
function encodingOf(sample: Uint8Array, size: number, given: string): SieEncodingGuess {
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  if (given === 'auto') return sniffSieEncoding(sample, sample.length === size);
  const encoding = sieEncodingOf(given);
  if (encoding === null)
    throw new AvvikelseError('OPTION_INVALID', { option: '--encoding', value: given, expected: 'auto | utf-8 | cp1252 | cp437' });
  return { encoding, bomLength: encoding === 'utf-8' ? bom : 0, certain: true };
}

async function readSieLedger(file: string, spec: ReadSpec, into: LedgerBuilder): Promise<ReadInfo> {
  const { sample, size } = await readSample(file);
  if (size === 0) throw new AvvikelseError('FILE_EMPTY', {}, { file });
  let guess = encodingOf(sample, size, spec.dialect.encoding);
  for (;;) {
    try {
      const fastRows = readSie(file, spec, into, guess, size);
      return { format: 'sie', reader: fastRows > 0 ? 'sie-fast' : 'sie', encoding: guess.encoding, encodingFallback: false };
    } catch (e) {
      if (!(e instanceof SieReencode)) throw e;
      into.restart();
      guess = { encoding: e.encoding, bomLength: 0, certain: true };
    }
  }
}

/** The line under an error in a SIE file, with a caret under the field. */
function sieExcerpt(place: Place): string[] {
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
  const guess = sniffSieEncoding(bytes.subarray(0, SAMPLE_BYTES), bytes.length <= SAMPLE_BYTES);
  const from = start === 0 ? guess.bomLength : start;
  let text: string;
  try {
    text = sieDecoder(guess.encoding)(bytes.subarray(from, end)).replace(/\r$/, '');
  } catch {
    text = sieDecoder('pc8')(bytes.subarray(from, end)).replace(/\r$/, '');
  }
  if (text.length > EXCERPT_MAX_WIDTH) return [];
  if (field === undefined) return lineExcerpt(line, text);
  let at: number | undefined;
  try {
    at = tokenize(text)?.starts[field - 1];
  } catch {
    at = undefined;
  }
  if (at === undefined) {
    const inner = value === undefined || value === '' ? -1 : text.indexOf(value);
    return inner >= 0 ? lineExcerpt(line, text, inner, value?.length ?? 1) : lineExcerpt(line, text);
  }
  const inner = value === undefined || value === '' ? -1 : text.indexOf(value, at);
  return lineExcerpt(line, text, inner >= 0 ? inner : at, Math.max(1, value?.length ?? 1));
}

export const sieSource: LedgerSource & RecordSource = {
  format: 'sie',
  // `.sie` is SIE 5 (XML), which this source does not read.
  extensions: ['.se', '.si'],
  byContent: true,
  sniff: isSie,
  excerpt: sieExcerpt,
  read: readSieLedger,
  records: (file) => Promise.reject(new AvvikelseError('FORMAT_UNSUPPORTED', { kind: 'sie' }, { file })),
};
