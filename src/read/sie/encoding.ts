/**
 * The encoding of a SIE file. The standard allows one, `#FORMAT PC8`: IBM PC code page 437
 * (CP437), where å ä ö are bytes 0x86 0x84 0x94. Files in the wild say PC8 and are something
 * else: UTF-8 (newer programs), Latin-1 / Windows-1252 (programs that wrote Windows text), or
 * CP437 with a few Latin-1 letters mixed in (the BL Administration sample's object `┼1`, byte
 * 0xC5, is a Latin-1 `Å`). We detect them as BL's own reader (Sie4j `SieParser.read`,
 * `FaultyCharacters`) does, but from the bytes rather than from decoded text:
 *
 * - a UTF-8 byte-order mark, or bytes that are valid UTF-8 with at least one multi-byte
 *   sequence: UTF-8 (in CP437 such bytes would read as box-drawing characters);
 * - otherwise, more Latin-1 letter bytes (0xC0–0xFF, where Latin-1 has À…ÿ and CP437 has
 *   box drawing and Greek) than CP437 letter bytes (0x80–0xA5): Windows-1252;
 * - otherwise PC8: CP437, except that a byte 0xC0–0xFF (a box-drawing or Greek character
 *   in CP437, which no accounting program writes) is read as its Latin-1 letter, as BL's
 *   `FaultyCharacters` maps `┼` to `Å` and `σ` to `å`.
 *
 * A sample of pure ASCII decides nothing: the reader starts as PC8 and, at the first line
 * with other bytes, decides again from that line (and starts over if it was wrong).
 * `--encoding` overrides all of it (`utf-8`, `cp1252`, `cp437`).
 */
import { iconv } from '../lazy.js';
import { firstInvalidUtf8 } from '../csv/dialect.js';

/** How a SIE file is decoded: `pc8` is CP437 with Latin-1 letters for 0xC0–0xFF (see the module comment). */
export type SieEncoding = 'pc8' | 'cp437' | 'utf-8' | 'windows-1252';

export interface SieEncodingGuess {
  encoding: SieEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** False when the sample had no byte above 0x7F, so nothing was decided. */
  certain: boolean;
}

/** Whether `bytes` hold a UTF-8 multi-byte sequence and nothing that is not UTF-8 (a sequence cut off at the end counts when `truncated`). */
function isMultiByteUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  let high = false;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) >= 0x80) {
      high = true;
      break;
    }
  }
  return high && firstInvalidUtf8(bytes, 0, bytes.length, truncated) < 0;
}

/**
 * The encoding of a SIE file from bytes of it (the first 64 KiB, or one line).
 * @example sniffSieEncoding(iconv.encode('#FNAMN "Sjöviks kommun"', 'cp437'), true).encoding // 'pc8'
 */
export function sniffSieEncoding(sample: Uint8Array, atEof: boolean): SieEncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, certain: true };
  let cp437 = 0;
  let latin1 = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b >= 0xc0) latin1++;
    else if (b >= 0x80 && b <= 0xa5) cp437++;
  }
  if (cp437 === 0 && latin1 === 0 && sample.every((b) => b < 0x80)) return { encoding: 'pc8', bomLength: 0, certain: false };
  if (isMultiByteUtf8(sample, !atEof)) return { encoding: 'utf-8', bomLength: 0, certain: true };
  return { encoding: latin1 > cp437 ? 'windows-1252' : 'pc8', bomLength: 0, certain: true };
}

/** The encoding `--encoding` names, if a SIE file can be in it (`utf-8`, `windows-1252`, `cp437`), else null. */
export function sieEncodingOf(given: string): SieEncoding | null {
  return given === 'utf-8' || given === 'windows-1252' || given === 'cp437' ? given : null;
}

let pc8Table: Uint16Array | null = null;

/** Byte → UTF-16 code unit for `pc8`: CP437 (from iconv-lite) below 0xC0, Latin-1 from 0xC0. */
function pc8(): Uint16Array {
  if (pc8Table !== null) return pc8Table;
  const table = new Uint16Array(256);
  const all = Buffer.alloc(256);
  for (let b = 0; b < 256; b++) all[b] = b;
  const text = iconv().decode(all, 'cp437');
  for (let b = 0; b < 256; b++) table[b] = b >= 0xc0 ? b : text.charCodeAt(b);
  pc8Table = table;
  return table;
}

/**
 * Decodes whole lines of a SIE file (the caller splits at line ends, so no character is cut).
 * UTF-8 is decoded fatally: the reader turns an invalid byte into ENCODING_INVALID.
 */
export function sieDecoder(encoding: SieEncoding): (bytes: Uint8Array) => string {
  if (encoding === 'utf-8') {
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return (bytes) => td.decode(bytes);
  }
  if (encoding === 'pc8') {
    // Latin-1 from 0xC0 up: decode as Latin-1 (native), then map the CP437 bytes 0x80–0xBF.
    const table = pc8();
    const cp437 = (c: string) => String.fromCharCode(table[c.charCodeAt(0)] as number);
    return (bytes) =>
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        .toString('latin1')
        .replace(/[\x80-\xbf]/g, cp437);
  }
  const name = encoding === 'cp437' ? 'cp437' : 'win1252';
  return (bytes) => iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
}
