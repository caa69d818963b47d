/**
 * Dialect sniffing: which encoding and which delimiter a CSV export uses, detected from
 * its first bytes without being told, and decoders that turn a byte stream into text.
 *
 * Encodings: UTF-8 with or without BOM, Windows-1252 (what Swedish Excel writes as "CSV",
 * decoded with iconv-lite because Node's TextDecoder maps 0x80–0x9F as Latin-1, turning
 * the en dash `–` used as minus into a control character), and UTF-16 (Excel's "Unicode
 * text" is UTF-16LE with a BOM): LE or BE, with a BOM or recognised without one by the NUL
 * bytes of its ASCII characters, all on one side of each byte pair. A sample that is not valid UTF-8 is Windows-1252; a sample that is pure
 * ASCII is only tentatively UTF-8, and the reader starts over as Windows-1252 if a later
 * byte proves otherwise, so å, ä, ö are never silently garbled.
 */
import { iconv } from '../lazy.js';
import type { DecimalMark } from '../amount.js';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'cp437';

/** How a CSV file is written: each setting given, or 'auto' to sniff it. */
export interface Dialect {
  encoding: Encoding | 'auto';
  delimiter: Delimiter | 'auto';
  decimal: DecimalMark;
}
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be', 'cp437'];

/** Whether an encoding is one of the UTF-16 pair (two bytes per character: no byte-level fast path). */
export const isUtf16 = (e: Encoding): boolean => e === 'utf-16le' || e === 'utf-16be';

export interface EncodingGuess {
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** False when the sample was pure ASCII, so UTF-8 is only a guess. */
  certain: boolean;
}

/** Aliases users type for encodings. */
export function parseEncodingName(name: string): Encoding | null {
  const n = name.trim().toLowerCase().replace(/[_ ]/g, '-');
  if (['utf-8', 'utf8'].includes(n)) return 'utf-8';
  if (['windows-1252', 'cp1252', 'win1252', 'latin1', 'latin-1', 'iso-8859-1', 'ansi'].includes(n)) return 'windows-1252';
  if (['utf-16le', 'utf16le', 'utf-16', 'unicode'].includes(n)) return 'utf-16le';
  if (['utf-16be', 'utf16be'].includes(n)) return 'utf-16be';
  // IBM PC code page 437, what SIE files call PC8 (#FORMAT PC8); never sniffed for CSV.
  if (['cp437', 'pc8', 'ibm437', 'ibm-437', '437', 'dos'].includes(n)) return 'cp437';
  return null;
}

/**
 * Offset of the first byte in `buf[start, end)` that is not valid UTF-8, or -1. A
 * sequence cut off by `end` counts as valid when `truncatedOk` (the sample ends mid-file).
 */
export function firstInvalidUtf8(buf: Uint8Array, start = 0, end = buf.length, truncatedOk = false): number {
  let i = start;
  while (i < end) {
    const c = buf[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= end) {
      // The sequence runs past the end: valid only in a sample that was cut off there.
      if (!truncatedOk) return i;
      for (let k = i + 1; k < end; k++) if (((buf[k] as number) & 0xc0) !== 0x80) return i;
      return -1;
    }
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = buf[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Bytes of the first KiB that say whether text without a BOM is UTF-16. */
const UTF16_PROBE = 1024;

/**
 * The byte order of UTF-16 text from its first bytes: a byte-order mark (`FF FE` LE, `FE FF`
 * BE), else the NUL bytes of ASCII and Latin-1 characters — at least one pair in two with a
 * NUL, every NUL on the same side (odd offsets LE, even offsets BE); null for anything else.
 * refusals.ts asks the same, so text it does not refuse as binary is read here.
 * @example utf16ByteOrder(Buffer.from('V\0h\0t\0', 'latin1')) // 'utf-16le'
 */
export function utf16ByteOrder(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const head = sample.subarray(0, Math.min(sample.length, UTF16_PROBE) & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = head.length >> 1;
  if (pairs === 0) return null;
  if (even === 0 && odd >= pairs / 2) return 'utf-16le';
  if (odd === 0 && even >= pairs / 2) return 'utf-16be';
  return null;
}

/** Guesses the encoding from the first bytes of a file (`atEof`: the sample is the whole file). */
export function sniffEncoding(sample: Uint8Array, atEof: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, certain: true };
  }
  const utf16 = utf16ByteOrder(sample);
  if (utf16 !== null) return { encoding: utf16, bomLength: sample[0] === 0xff || sample[0] === 0xfe ? 2 : 0, certain: true };
  const bad = firstInvalidUtf8(sample, 0, sample.length, !atEof);
  if (bad >= 0) return { encoding: 'windows-1252', bomLength: 0, certain: true };
  const ascii = sample.every((b) => b < 0x80);
  return { encoding: 'utf-8', bomLength: 0, certain: !ascii };
}

/** Thrown by a UTF-8 decoder at the first invalid byte; the reader turns it into an error or a restart. */
export class InvalidUtf8 extends Error {
  constructor(
    readonly offset: number,
    readonly byte: number,
  ) {
    super(`invalid UTF-8 at byte ${offset}`);
  }
}

/** A streaming decoder: bytes in, text out, nothing lost between chunks. */
export interface Decoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function createDecoder(encoding: Encoding): Decoder {
  if (encoding === 'utf-8') {
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let seen = 0;
    const fail = (chunk: Uint8Array): never => {
      const off = firstInvalidUtf8(chunk, 0, chunk.length, true);
      const at = off >= 0 ? off : 0;
      throw new InvalidUtf8(seen + at, chunk[at] ?? 0);
    };
    return {
      write(chunk) {
        try {
          const s = td.decode(chunk, { stream: true });
          seen += chunk.length;
          return s;
        } catch {
          return fail(chunk);
        }
      },
      end() {
        try {
          return td.decode();
        } catch {
          throw new InvalidUtf8(seen, 0);
        }
      },
    };
  }
  const name = { 'windows-1252': 'win1252', cp437: 'cp437', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be' }[encoding];
  const dec = iconv().getDecoder(name, { stripBOM: false });
  return {
    write: (chunk) => dec.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => dec.end() ?? '',
  };
}

/**
 * The line ends every CSV reader splits records on, in any mix: CRLF, LF and a lone CR (a file
 * made by `cat jan.csv feb.csv` from a Windows and a Unix export has both). csv-parse otherwise
 * keeps the first line end it sees and leaves a `\r` at the end of the other lines' last field.
 */
export const LINE_ENDS = ['\r\n', '\n', '\r'];

/** Splits text into lines at any of LINE_ENDS. */
export const LINE_END = /\r\n|\n|\r/;

export type Delimiter = ';' | ',' | '\t';
export const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];

/** Aliases users type for delimiters. */
export function parseDelimiterName(name: string): Delimiter | null {
  const n = name.toLowerCase();
  if (n === ';' || n === 'semikolon' || n === 'semicolon') return ';';
  if (n === ',' || n === 'komma' || n === 'comma') return ',';
  if (n === '\t' || n === '\\t' || n === 'tab' || n === 'tabb') return '\t';
  return null;
}

/** Counts `delim` outside double quotes in one line. */
function countOutsideQuotes(line: string, delim: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === delim && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter that splits the first lines most consistently: for each candidate, the
 * number of lines that have its most common (non-zero) count; ties go to `;`, TAB, `,` in
 * that order, since a decimal comma makes `,` counts vary from line to line.
 */
export function sniffDelimiter(text: string): Delimiter {
  const lines = text.split(LINE_END, 30).filter((l) => l.trim() !== '');
  if (text.length > 0 && !/[\r\n]$/.test(text)) lines.pop(); // last line may be cut off
  if (lines.length === 0 && text.trim() !== '') lines.push(text);
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, d);
      if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const f of freq.values()) score = Math.max(score, f);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The delimiter of a file from its first bytes. Delimiters are ASCII, so any single-byte
 * view of the bytes will do (and a UTF-8 sequence cut off at the end of the sample
 * cannot fail); UTF-16 is decoded first.
 */
export function sniffDelimiterInBytes(sample: Uint8Array, encoding: Encoding): Delimiter {
  const view = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  return sniffDelimiter(
    isUtf16(encoding) ? iconv().decode(view, encoding === 'utf-16le' ? 'utf16le' : 'utf16be') : view.toString('latin1'),
  );
}
