/**
 * The SIE reader's fast path: the lines of a type 4 file that make up nearly all of it —
 * `#TRANS konto {objektlista} belopp [transdat] ["transtext"] …`, `#VER serie vernr verdatum …`
 * and a verification's `{` and `}` — read from their bytes, without a string or an array per
 * line. `SieLineBytes.scan` splits one line as `tokenize` (tokens.ts) would and says whether
 * it is in the subset this route reads; everything else (a quote with `\"`, a non-ASCII byte
 * in a field whose value is used, an object list anywhere but after the account, a stray
 * brace, an unclosed quote or list, any other label) is decoded and given to the tokenizer, so
 * the tokenizer decides every line the scanner is unsure of (reader.ts). The file's encodings
 * (CP437, Windows-1252, UTF-8) all write the bytes that delimit fields (space, TAB, `"`, `\`,
 * `{`, `}`) as those ASCII bytes, and nothing else as them, so a line splits the same on bytes
 * as on its decoded text. test/sie-fast.test.ts reads files through both routes and requires
 * the same totals, names, notes and errors.
 */
import { BACKSLASH, CLOSE, OPEN, QUOTE, SPACE, TAB } from './tokens.js';

export const NL = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

/** What a line is, as far as the fast path cares. */
export const OTHER = 0;
export const TRANS = 1;
export const VER = 2;
export const BRACE_OPEN = 3;
export const BRACE_CLOSE = 4;

/** A field's kind. */
export const BARE = 0;
export const QUOTED = 1;
export const LIST = 2;

/** Fields kept per line (a #TRANS has at most 7); later ones are only checked. */
const MAX_FIELDS = 8;
/** Object list pairs kept; a list with more goes to the tokenizer. */
const MAX_PAIRS = 16;

const TRANS_BYTES = [0x23, 0x54, 0x52, 0x41, 0x4e, 0x53]; // #TRANS
const VER_BYTES = [0x23, 0x56, 0x45, 0x52]; // #VER

const isBlank = (b: number): boolean => b === SPACE || b === TAB;

// Byte classes for the loops below: printable ASCII that is no delimiter, a blank, `"`, `\`,
// `{`, `}`, `\n`, `\r`, and every other byte (control bytes, non-ASCII).
const PLAIN = 0;
const BLANK = 1;
const OPEN_ = 2;
const CLOSE_ = 3;
const QUOTE_ = 4;
const BACKSLASH_ = 5;
const END = 6;
const CR_ = 7;
const ODD = 8;
const CLASS = new Uint8Array(256).map((_, b) =>
  b === SPACE || b === TAB
    ? BLANK
    : b === OPEN
      ? OPEN_
      : b === CLOSE
        ? CLOSE_
        : b === QUOTE
          ? QUOTE_
          : b === BACKSLASH
            ? BACKSLASH_
            : b === NL
              ? END
              : b === CR
                ? CR_
                : b > SPACE && b < 0x7f
                  ? PLAIN
                  : ODD,
);
/** The bytes a quoted field's plain text has: printable ASCII but `"` and `\`, and the space. */
const QUOTED_TEXT = CLASS.map((c, b) => (c === PLAIN || c === OPEN_ || c === CLOSE_ || b === SPACE ? 1 : 0));

/**
 * One line split on its bytes. After `scan`: `kind` (OTHER for a line the fast path leaves to
 * the tokenizer), and for TRANS and VER its fields: `count`, each one's kind and value range
 * [start, end) (a quoted field's inside the quotes), and whether that value is printable ASCII
 * with no backslash (`plain`), so its bytes are its text; the object list's (dimension, code)
 * pairs as trimmed ranges.
 */
export class SieLineBytes {
  kind = OTHER;
  count = 0;
  readonly fieldKind = new Uint8Array(MAX_FIELDS);
  readonly start = new Int32Array(MAX_FIELDS);
  readonly end = new Int32Array(MAX_FIELDS);
  readonly plain = new Uint8Array(MAX_FIELDS);
  pairs = 0;
  readonly dimStart = new Int32Array(MAX_PAIRS);
  readonly dimEnd = new Int32Array(MAX_PAIRS);
  readonly codeStart = new Int32Array(MAX_PAIRS);
  readonly codeEnd = new Int32Array(MAX_PAIRS);

  /**
   * Splits the line that starts at buf[s] and ends at the next `\n` (or at `upTo`, the end of
   * the last line), and returns the index of that end. A `\r` just before the end is no part of
   * the line, as for the text reader.
   */
  scan(buf: Uint8Array, s: number, upTo: number): number {
    this.kind = OTHER;
    let i = s;
    while (i < upTo && isBlank(buf[i] as number)) i++;
    const first = i < upTo ? (buf[i] as number) : NL;
    if (first === OPEN || first === CLOSE) {
      // `tokenize` reads a line that starts with a brace as that brace, whatever follows.
      this.kind = first === OPEN ? BRACE_OPEN : BRACE_CLOSE;
      return lineEnd(buf, i, upTo);
    }
    if (first !== HASH) return lineEnd(buf, i, upTo);
    let label = OTHER;
    if (buf[i + 1] === 0x54 && matches(buf, i, upTo, TRANS_BYTES)) label = TRANS;
    else if (buf[i + 1] === 0x56 && matches(buf, i, upTo, VER_BYTES)) label = VER;
    if (label === OTHER) return lineEnd(buf, i, upTo);
    i += label === TRANS ? 6 : 4;
    const b = i < upTo ? (buf[i] as number) : NL;
    // The label must end at a blank (or the line's end): `#TRANSX`, `#TRANS{` and the like go to the tokenizer.
    if (!isBlank(b) && !this.endsAt(buf, i, upTo)) return lineEnd(buf, i, upTo);
    const end = this.fields(buf, i, upTo);
    if (end >= 0) {
      this.kind = label;
      return end;
    }
    return lineEnd(buf, i, upTo);
  }

  /** Whether the line ends at buf[i]: a `\n`, the end, or a `\r` just before either. */
  private endsAt(buf: Uint8Array, i: number, upTo: number): boolean {
    if (i >= upTo) return true;
    const b = buf[i] as number;
    if (b === NL) return true;
    return b === CR && (i + 1 >= upTo || buf[i + 1] === NL);
  }

  /** Reads the fields from buf[i]; returns the line's end, or -1 when the line is outside the subset. */
  private fields(buf: Uint8Array, i: number, upTo: number): number {
    let count = 0;
    this.pairs = 0;
    for (;;) {
      let c = PLAIN;
      while (i < upTo && (c = CLASS[buf[i] as number] as number) === BLANK) i++;
      if (i >= upTo || c === END || (c === CR_ && (i + 1 >= upTo || buf[i + 1] === NL))) {
        this.count = count;
        return i < upTo && c === CR_ ? i + 1 : i;
      }
      const k = count < MAX_FIELDS ? count : MAX_FIELDS - 1;
      if (c === QUOTE_) {
        const from = i + 1;
        let plain = 1;
        let j = from;
        for (; j < upTo; j++) {
          if (QUOTED_TEXT[buf[j] as number] === 1) continue;
          const d = CLASS[buf[j] as number] as number;
          if (d === QUOTE_) break;
          if (d === BLANK) {
            if (buf[j] !== SPACE) plain = 0; // a TAB, which `trim` would take
            continue;
          }
          if (d === END || d === BACKSLASH_) return -1; // not closed on its line, or an escape: the tokenizer's
          plain = 0;
        }
        if (j >= upTo) return -1;
        if (count < MAX_FIELDS) {
          this.fieldKind[k] = QUOTED;
          this.start[k] = from;
          this.end[k] = j;
          this.plain[k] = plain;
        }
        i = j + 1;
      } else if (c === OPEN_) {
        // Only the object list after the account (#TRANS field 2) is read here.
        if (count !== 1) return -1;
        i = this.list(buf, i + 1, upTo);
        if (i < 0) return -1;
        this.fieldKind[k] = LIST;
      } else if (c === CLOSE_) {
        return -1;
      } else {
        const from = i;
        let plain = 1;
        for (; i < upTo; i++) {
          const d = CLASS[buf[i] as number] as number;
          if (d === PLAIN) continue;
          if (d === BLANK || d === OPEN_ || d === CLOSE_ || d === END) break;
          if (d === CR_ && (i + 1 >= upTo || buf[i + 1] === NL)) break;
          plain = 0;
        }
        if (count < MAX_FIELDS) {
          this.fieldKind[k] = BARE;
          this.start[k] = from;
          this.end[k] = i;
          this.plain[k] = plain;
        }
      }
      count++;
    }
  }

  /** The items of an object list from buf[i] (after its `{`) to its `}`: returns the index after it, or -1. */
  private list(buf: Uint8Array, i: number, upTo: number): number {
    let items = 0;
    for (;;) {
      let c = PLAIN;
      while (i < upTo && (c = CLASS[buf[i] as number] as number) === BLANK) i++;
      if (i >= upTo) return -1;
      if (c === CLOSE_) {
        if (items % 2 !== 0) return -1; // an odd number of items: the tokenizer's error
        this.pairs = items >> 1;
        return i + 1;
      }
      let from: number;
      let to: number;
      if (c === QUOTE_) {
        from = i + 1;
        let j = from;
        while (j < upTo && QUOTED_TEXT[buf[j] as number] === 1) j++;
        if (j < upTo && buf[j] !== QUOTE) return -1;
        if (j >= upTo) return -1;
        to = j;
        i = j + 1;
      } else {
        if (c !== PLAIN) return -1;
        from = i;
        while (i < upTo && CLASS[buf[i] as number] === PLAIN) i++;
        to = i;
        if (i < upTo) {
          const d = CLASS[buf[i] as number] as number;
          if (d !== BLANK && d !== OPEN_ && d !== CLOSE_) return -1;
        }
      }
      // Trimmed, as the tokenizer trims each item (only spaces can be at its ends here).
      while (from < to && buf[from] === SPACE) from++;
      while (to > from && buf[to - 1] === SPACE) to--;
      const pair = items >> 1;
      if (pair >= MAX_PAIRS) return -1;
      if (items % 2 === 0) {
        this.dimStart[pair] = from;
        this.dimEnd[pair] = to;
      } else {
        this.codeStart[pair] = from;
        this.codeEnd[pair] = to;
      }
      items++;
    }
  }
}

/** Whether buf[i…] starts with `bytes`. */
function matches(buf: Uint8Array, i: number, upTo: number, bytes: readonly number[]): boolean {
  if (i + bytes.length > upTo) return false;
  for (let k = 0; k < bytes.length; k++) if (buf[i + k] !== bytes[k]) return false;
  return true;
}

/** The index of the `\n` that ends the line at buf[i], or `upTo`. */
function lineEnd(buf: Uint8Array, i: number, upTo: number): number {
  const nl = buf.indexOf(NL, i);
  return nl < 0 || nl > upTo ? upTo : nl;
}

/**
 * A date `YYYYMMDD` of eight ASCII digits at buf[s, e) with a month 1–12 and a day 1–31 (what
 * the reader's DATE pattern and its checks accept), as year·12 + month − 1; -1 for anything else.
 */
export function dateIndex(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 8) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = (buf[i] as number) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  const day = v % 100;
  const month = Math.floor(v / 100) % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return Math.floor(v / 10000) * 12 + month - 1;
}
