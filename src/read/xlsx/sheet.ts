/**
 * A worksheet part read into rows of cells, each cell's value already as the text a CSV export
 * of it would hold (workbook.ts says what each kind of cell becomes).
 *
 * A sheet can hold millions of cells, so it has a scanner of its own (`SheetScanner`): it walks
 * the text with `indexOf` and `charCodeAt` and reads only what `<sheetData>` needs — `row r`,
 * `c r t s`, `v`, `f`, `is`/`t`, `rPh`, and `dimension ref` — without a regular expression and
 * without an object of attributes per tag. It reads exactly what the generic scanner (xml.ts,
 * which reads the small parts) reports for the same text, fed whole or in pieces cut anywhere:
 * the same tags (namespace prefixes dropped, attributes in either quote, whitespace as `\s`),
 * comments, processing instructions and `<!DOCTYPE>` skipped, CDATA as text, entity and character
 * references decoded; what the generic scanner cannot read is an XmlError here too
 * (test/xlsx-sheet.test.ts holds the two equal, against the old reading kept in
 * test/xlsx-reference.ts). Text no cell reads is not decoded at all, so a character reference
 * beyond U+10FFFF there no longer throws a RangeError.
 */
import { decodeXml, XmlError } from './xml.js';
import { WorkbookError } from './zip.js';

export type CellKind = 'number' | 'date' | 'text' | 'bool' | 'error' | 'uncached';

export interface Cell {
  /** 0-based column (A = 0). */
  col: number;
  kind: CellKind;
  /** The value as text (see workbook.ts); for `uncached`, ''. */
  text: string;
  /** The formula (without `=`), or null. */
  formula: string | null;
}

export interface SheetRow {
  /** 1-based row number, as the sheet shows it. */
  row: number;
  /** The cells that hold something, by column. */
  cells: Cell[];
}

/** What a sheet's stream reports: its stated used range, if it has one, then its rows in order. */
export interface SheetHandler {
  /** The `<dimension>` the writer stated (0-based columns), before the first row; not every writer states one. */
  dimension?(firstCol: number, lastCol: number): void;
  row(row: SheetRow): void;
}

/**
 * A column's letters.
 * @example columnLetters(0) // 'A'
 * @example columnLetters(27) // 'AB'
 */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The 0-based column of an A1 reference (`B12` → 1), or -1. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/** The 0-based first and last column of a range (`B2:M100` → 1, 12), or null. */
export function rangeColumns(ref: string): [number, number] | null {
  const [a, b = a] = ref.split(':') as [string, string?];
  const first = columnOf(a);
  const last = columnOf(b);
  return first < 0 || last < first ? null : [first, last];
}

/**
 * The shortest decimal text that round-trips to the double `n`, without an exponent.
 * @example plainDecimal(0.1 + 0.2) // '0.30000000000000004'
 * @example plainDecimal(1e-7) // '0.0000001'
 * @example plainDecimal(1.5e21) // '1500000000000000000000'
 */
export function plainDecimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const [, sign, int, frac = '', exp] = m as unknown as [string, string, string, string | undefined, string];
  const digits = int + frac;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * `numberText(v)` when `v` is plain decimal text of at most 15 digits (`-`, digits without a
 * leading zero, a point and decimals; not `-0`), else null (read the general way). Any decimal
 * of at most 15 significant digits is the only one of at most that many digits to become its
 * double (DBL_DIG is 15), so the shortest round-trip decimal of `Number(v)` is `v` itself
 * without the zeros that end its decimals — what Excel writes anyway — and no conversion is needed.
 * @example shortNumberText('-1234.50') // '-1234.5'
 * @example shortNumberText('12.345') // '12.3450'
 * @example shortNumberText('1e-7') // null
 */
export function shortNumberText(v: string): string | null {
  const n = v.length;
  const negative = v.charCodeAt(0) === 45;
  const intStart = negative ? 1 : 0;
  let i = intStart;
  let c = v.charCodeAt(i);
  if (c === 48) i++;
  else while (c >= 48 && c <= 57) c = v.charCodeAt(++i);
  const intEnd = i;
  if (intEnd === intStart) return null;
  let end = n;
  if (i < n) {
    if (v.charCodeAt(i) !== 46) return null;
    for (c = v.charCodeAt(++i); c >= 48 && c <= 57; c = v.charCodeAt(++i));
    if (i !== n || i === intEnd + 1) return null;
    while (v.charCodeAt(end - 1) === 48) end--;
    if (end === intEnd + 1) end = intEnd;
  }
  if (n - intStart - (n > intEnd ? 1 : 0) > 15) return null;
  if (negative && end === intEnd && intEnd - intStart === 1 && v.charCodeAt(intStart) === 48) return null;
  const text = end === n ? v : v.slice(0, end);
  // As numberText: exactly three decimals get a zero.
  return end - intEnd === 4 ? `${text}0` : text;
}

/**
 * A number cell's XML text as the shortest round-trip decimal; text that is no number stays as
 * it is (the amount parser refuses it). A number cell is never ambiguous, but its text goes to
 * the same parser as text cells, which reads `12.345` (a mark and exactly three decimals) as
 * possibly a thousands group: a trailing zero, which changes no value, says it is a decimal.
 * @example numberText('12.345') // '12.3450'
 */
export function numberText(v: string): string {
  const short = shortNumberText(v);
  if (short !== null) return short;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) return v;
  const text = plainDecimal(n);
  return /\.\d{3}$/.test(text) ? `${text}0` : text;
}

const DAY_MS = 86_400_000;
/** The serial after Excel's last date, 9999-12-31. */
const LAST_DATE_SERIAL = 2_958_466;

/**
 * A date serial as `YYYY-MM-DD` (the time of day left out). In the 1900 system serial 1 is
 * 1900-01-01 and serial 60 the 29 February 1900 that Lotus counted; from 61 on, a serial
 * counts days from 1899-12-30. In the 1904 system (old Mac workbooks) serial 0 is 1904-01-01.
 * @example dateText(45535, false) // '2024-08-31'
 */
export function dateText(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(base + days * DAY_MS).toISOString().slice(0, 10);
}

/** Excel's escape of characters XML cannot hold in a string: `_x000D_` (and `_x005F_` for `_`). */
export const unescapeX = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

// The elements a sheet's cells are read from (by local name); every other one is OTHER.
const OTHER = 0;
const ROW = 1;
const C = 2;
const V = 3;
const F = 4;
const IS = 5;
const T = 6;
const RPH = 7;
const DIMENSION = 8;

// Cell types (`c t`): anything else reads as a number, as `n` does.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const cellType = (t: string): number =>
  t === 's'
    ? T_SHARED
    : t === 'str'
      ? T_STR
      : t === 'inlineStr'
        ? T_INLINE
        : t === 'b'
          ? T_BOOL
          : t === 'e'
            ? T_ERROR
            : t === 'd'
              ? T_DATE
              : T_NUMBER;

/** Which characters (below 128) a name may start with (`[A-Za-z_]`, 1) and hold (`[\w:.-]`, 1 or 2). */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) NAME[c] = 1;
  else if ((c >= 48 && c <= 58) || c === 45 || c === 46) NAME[c] = 2;
}
const nameChar = (c: number): boolean => c < 128 && NAME[c] !== 0;

/** Whitespace as a regular expression's `\s`, which the generic scanner's tags allow. */
const space = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0xa0 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));

/** The element of a local name `s[a..b)`. */
function elementOf(s: string, a: number, b: number): number {
  const c = s.charCodeAt(a);
  switch (b - a) {
    case 1:
      return c === 99 ? C : c === 118 ? V : c === 102 ? F : c === 116 ? T : OTHER;
    case 2:
      return c === 105 && s.charCodeAt(a + 1) === 115 ? IS : OTHER;
    case 3:
      if (c !== 114) return OTHER;
      if (s.charCodeAt(a + 1) === 111 && s.charCodeAt(a + 2) === 119) return ROW;
      return s.charCodeAt(a + 1) === 80 && s.charCodeAt(a + 2) === 104 ? RPH : OTHER;
    case 9:
      return s.startsWith('dimension', a) ? DIMENSION : OTHER;
  }
  return OTHER;
}

/** The whole number `s[a..b)` of 1 to 15 digits, or -1 (other text, read the general way). */
function digitsAt(s: string, a: number, b: number): number {
  if (b <= a || b - a > 15) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Returned by the tag readers when the text ends before the tag does: it waits for the next piece. */
const MORE = -1;

/**
 * Scans a worksheet part fed as text in pieces (cut anywhere), reporting its rows that hold at
 * least one cell with something in it. Throws an XmlError on text it cannot scan and a
 * WorkbookError on a bad row number, cell reference or shared string.
 */
export class SheetScanner {
  /** Text not yet scanned (a tag, comment or text cut by the end of a piece) and the next piece. */
  private buf = '';
  private at = 0;
  /** Whether `buf` holds a `&` (else its text needs no decoding). */
  private amp = false;
  // The row being read.
  private row = 0;
  private cells: Cell[] = [];
  private nextCol = 0;
  // The cell being read.
  private col = 0;
  private type = T_NUMBER;
  private style = 0;
  private v = '';
  private f = '';
  private inline = '';
  private hasV = false;
  private hasF = false;
  /** Where text goes: V, F, T or OTHER (nowhere). */
  private where = OTHER;
  private inInline = false;
  private phonetic = 0;
  // Where the values of the attributes read of the tag being scanned are (-1: not there).
  private r0 = -1;
  private r1 = -1;
  private t0 = -1;
  private t1 = -1;
  private s0 = -1;
  private s1 = -1;
  private ref0 = -1;
  private ref1 = -1;

  constructor(
    private readonly path: string,
    private readonly strings: readonly string[],
    private readonly dates: readonly boolean[],
    private readonly date1904: boolean,
    private readonly h: SheetHandler,
  ) {}

  /** Scans the next piece of text, up to what the piece leaves incomplete. */
  push(text: string): void {
    this.buf = this.at < this.buf.length ? this.buf.slice(this.at) + text : text;
    this.at = 0;
    this.amp = this.buf.includes('&');
    this.scan(false);
  }

  /** Scans what is left at the end of the part. */
  end(): void {
    this.scan(true);
    this.buf = '';
    this.at = 0;
  }

  private scan(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let p = this.at;
    while (p < n) {
      const lt = s.indexOf('<', p);
      if (lt < 0) {
        // Text to the end: it may go on in the next piece.
        if (final) {
          if (this.where !== OTHER) this.text(this.amp ? decodeXml(s.slice(p)) : s.slice(p));
          p = n;
        }
        break;
      }
      if (lt > p && this.where !== OTHER) this.text(this.amp ? decodeXml(s.slice(p, lt)) : s.slice(p, lt));
      p = lt;
      const end = this.token(s, lt, final);
      if (end === MORE) break;
      p = end;
    }
    this.at = p;
  }

  /** Reads the markup at `s[lt]` (`<`): returns where it ends, or MORE. */
  private token(s: string, lt: number, final: boolean): number {
    const n = s.length;
    if (lt + 1 >= n) return final ? this.unreadable(s, lt) : MORE;
    const c1 = s.charCodeAt(lt + 1);
    // The most frequent tags, `<v>`, `</v>` and `</c>`, as the general reading below would read them.
    if (c1 === 118 && s.charCodeAt(lt + 2) === 62) {
      this.open(V, s);
      return lt + 3;
    }
    if (c1 === 47 && s.charCodeAt(lt + 3) === 62) {
      const c2 = s.charCodeAt(lt + 2);
      if (c2 === 118 || c2 === 99) {
        this.close(c2 === 118 ? V : C);
        return lt + 4;
      }
    }
    if (c1 === 33) return this.bang(s, lt, final);
    if (c1 === 63) {
      const e = s.indexOf('?>', lt + 2);
      return e >= 0 ? e + 2 : final ? this.unreadable(s, lt) : MORE;
    }
    const closing = c1 === 47;
    let i = closing ? lt + 2 : lt + 1;
    if (i >= n) return final ? this.unreadable(s, lt) : MORE;
    let c = s.charCodeAt(i);
    if (c >= 128 || NAME[c] !== 1) return this.unreadable(s, lt);
    // The name; its local part starts after the first colon.
    const start = i;
    let local = -1;
    for (i++; i < n; i++) {
      c = s.charCodeAt(i);
      if (c >= 128 || NAME[c] === 0) break;
      if (c === 58 && local < 0) local = i + 1;
    }
    if (i >= n) return final ? this.unreadable(s, lt) : MORE;
    if (local < 0) local = start;
    const el = elementOf(s, local, i);
    this.r0 = this.t0 = this.s0 = this.ref0 = -1;
    let selfClosing = false;
    // Attributes: whitespace, name, `=`, a quoted value; then `>` or `/>`.
    for (;;) {
      let k = i;
      while (k < n && space(s.charCodeAt(k))) k++;
      if (k >= n) return final ? this.unreadable(s, lt) : MORE;
      c = s.charCodeAt(k);
      if (c === 62) {
        i = k + 1;
        break;
      }
      if (c === 47) {
        if (k + 1 >= n) return final ? this.unreadable(s, lt) : MORE;
        if (s.charCodeAt(k + 1) !== 62) return this.unreadable(s, lt);
        selfClosing = true;
        i = k + 2;
        break;
      }
      if (k === i || !nameChar(c)) return this.unreadable(s, lt);
      let name = k;
      let colon = false;
      for (k++; k < n; k++) {
        c = s.charCodeAt(k);
        if (!nameChar(c)) break;
        if (c === 58 && !colon) {
          colon = true;
          name = k + 1;
        }
      }
      const nameEnd = k;
      while (k < n && space(s.charCodeAt(k))) k++;
      if (k >= n) return final ? this.unreadable(s, lt) : MORE;
      if (s.charCodeAt(k) !== 61) return this.unreadable(s, lt);
      for (k++; k < n && space(s.charCodeAt(k)); k++);
      if (k >= n) return final ? this.unreadable(s, lt) : MORE;
      const q = s.charCodeAt(k);
      if (q !== 34 && q !== 39) return this.unreadable(s, lt);
      let valueEnd = k + 1;
      while (valueEnd < n && s.charCodeAt(valueEnd) !== q) valueEnd++;
      if (valueEnd >= n) return final ? this.unreadable(s, lt) : MORE;
      if (el === C || el === ROW || el === DIMENSION) this.attribute(el, s, name, nameEnd, k + 1, valueEnd);
      i = valueEnd + 1;
    }
    if (closing) this.close(el);
    else {
      this.open(el, s);
      if (selfClosing) this.close(el);
      else if (el === C) return this.value(s, i);
    }
    return i;
  }

  /**
   * After a cell's start tag at `s[i]`: a cell that is only `<v>…</v></c>`, the most frequent,
   * read at once (as the tags one by one would read it); else `i`, where the tags are read on.
   */
  private value(s: string, i: number): number {
    if (s.charCodeAt(i) !== 60 || s.charCodeAt(i + 1) !== 118 || s.charCodeAt(i + 2) !== 62) return i;
    // Short values: a loop is faster than indexOf.
    const n = s.length;
    let lt = i + 3;
    while (lt < n && s.charCodeAt(lt) !== 60) lt++;
    if (
      s.charCodeAt(lt + 1) !== 47 ||
      s.charCodeAt(lt + 2) !== 118 ||
      s.charCodeAt(lt + 3) !== 62 ||
      s.charCodeAt(lt + 4) !== 60 ||
      s.charCodeAt(lt + 5) !== 47 ||
      s.charCodeAt(lt + 6) !== 99 ||
      s.charCodeAt(lt + 7) !== 62
    )
      return i;
    this.hasV = true;
    if (lt > i + 3) this.v = this.amp ? decodeXml(s.slice(i + 3, lt)) : s.slice(i + 3, lt);
    this.finishCell();
    return lt + 8;
  }

  /** Markup at `s[lt]` that starts `<!`: a comment, CDATA, a DOCTYPE; anything else is unexpected. */
  private bang(s: string, lt: number, final: boolean): number {
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      if (e >= 0) return e + 3;
      if (!final) return MORE;
    } else if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      if (e >= 0) {
        this.text(s.slice(lt + 9, e));
        return e + 3;
      }
      if (!final) return MORE;
    } else if (!final && s.length - lt < 9) {
      const rest = s.slice(lt);
      if ('<!--'.startsWith(rest) || '<![CDATA['.startsWith(rest)) return MORE;
    }
    // As the generic scanner: `<!` up to the next `>` (also an unclosed comment or CDATA section).
    const e = s.indexOf('>', lt + 2);
    if (e < 0) return final ? this.unreadable(s, lt) : MORE;
    const whole = s.slice(lt, e + 1);
    if (!whole.startsWith('<!--') && !/^<!DOCTYPE/i.test(whole)) throw new XmlError(`unexpected ${whole}`);
    return e + 1;
  }

  private unreadable(s: string, lt: number): never {
    const next = s.indexOf('<', lt + 1);
    throw new XmlError(`unreadable tag near ${JSON.stringify(s.slice(lt, Math.min(lt + 40, next < 0 ? s.length : next)))}`);
  }

  /** Notes where the value of an attribute the element is read by is (a later one of a name wins). */
  private attribute(el: number, s: string, a: number, b: number, v0: number, v1: number): void {
    if (b - a === 1) {
      const c = s.charCodeAt(a);
      if (c === 114 && (el === C || el === ROW)) {
        this.r0 = v0;
        this.r1 = v1;
      } else if (el === C && c === 116) {
        this.t0 = v0;
        this.t1 = v1;
      } else if (el === C && c === 115) {
        this.s0 = v0;
        this.s1 = v1;
      }
    } else if (el === DIMENSION && b - a === 3 && s.startsWith('ref', a)) {
      this.ref0 = v0;
      this.ref1 = v1;
    }
  }

  private bad(what: string): never {
    throw new WorkbookError(`${this.path}: ${columnLetters(this.col)}${this.row}: ${what}`);
  }

  private open(el: number, s: string): void {
    switch (el) {
      case DIMENSION: {
        const cols = this.ref0 < 0 ? null : rangeColumns(decodeXml(s.slice(this.ref0, this.ref1)));
        if (cols !== null) this.h.dimension?.(cols[0], cols[1]);
        break;
      }
      case ROW: {
        if (this.r0 < 0) this.row++;
        else {
          const r = digitsAt(s, this.r0, this.r1);
          this.row = r >= 0 ? r : Number(decodeXml(s.slice(this.r0, this.r1)));
        }
        if (!Number.isInteger(this.row) || this.row < 1) this.bad(`row number ${decodeXml(s.slice(this.r0, this.r1))}`);
        this.cells = [];
        this.nextCol = 0;
        break;
      }
      case C: {
        if (this.r0 < 0) this.col = this.nextCol;
        else {
          // The letters of the reference; the text decoded first if a reference is among them.
          let col = 0;
          let i = this.r0;
          for (; i < this.r1; i++) {
            const c = s.charCodeAt(i) & ~0x20;
            if (c < 65 || c > 90) break;
            col = col * 26 + (c - 64);
          }
          if (i === this.r0 || (i < this.r1 && s.charCodeAt(i) === 38)) {
            const ref = decodeXml(s.slice(this.r0, this.r1));
            this.col = columnOf(ref);
            if (this.col < 0) this.bad(`cell reference ${ref}`);
          } else this.col = col - 1;
        }
        this.nextCol = this.col + 1;
        if (this.t0 < 0) this.type = T_NUMBER;
        else if (this.t1 - this.t0 === 1 && s.charCodeAt(this.t0) === 115) this.type = T_SHARED;
        else this.type = cellType(decodeXml(s.slice(this.t0, this.t1)));
        if (this.s0 < 0) this.style = 0;
        else {
          const style = digitsAt(s, this.s0, this.s1);
          this.style = style >= 0 ? style : Number(decodeXml(s.slice(this.s0, this.s1)));
        }
        this.v = this.f = this.inline = '';
        this.hasV = this.hasF = this.inInline = false;
        this.phonetic = 0;
        break;
      }
      case V:
        this.hasV = true;
        this.where = V;
        break;
      case F:
        this.hasF = true;
        this.where = F;
        break;
      case IS:
        this.inInline = true;
        break;
      case RPH:
        this.phonetic++;
        break;
      case T:
        if (this.inInline && this.phonetic === 0) this.where = T;
        break;
    }
  }

  private close(el: number): void {
    switch (el) {
      case V:
      case F:
      case T:
        this.where = OTHER;
        break;
      case RPH:
        this.phonetic--;
        break;
      case IS:
        this.inInline = false;
        break;
      case C:
        this.finishCell();
        break;
      case ROW:
        if (this.cells.length > 0) this.h.row({ row: this.row, cells: this.cells });
        break;
    }
  }

  private text(t: string): void {
    if (this.where === V) this.v += t;
    else if (this.where === F) this.f += t;
    else if (this.where === T) this.inline += t;
  }

  private finishCell(): void {
    const { v, hasF } = this;
    if (hasF && !this.hasV) {
      this.cells.push({ col: this.col, kind: 'uncached', text: '', formula: this.f });
      return;
    }
    const formula = hasF ? this.f : null;
    let kind: CellKind = 'text';
    let text: string;
    switch (this.type) {
      case T_SHARED: {
        const s = this.strings[Number(v)];
        if (v.trim() === '' || s === undefined) this.bad(`shared string ${v} does not exist`);
        text = s;
        break;
      }
      case T_STR:
        text = unescapeX(v);
        break;
      case T_INLINE:
        text = unescapeX(this.inline);
        break;
      case T_BOOL:
        kind = 'bool';
        text = v.trim() === '1' || v.trim() === 'true' ? 'TRUE' : 'FALSE';
        break;
      case T_ERROR:
        kind = 'error';
        text = v.trim();
        break;
      case T_DATE:
        kind = 'date';
        text = v.trim().slice(0, 10);
        break;
      default: {
        const short = shortNumberText(v);
        if (short === null && v.trim() === '') return;
        const n = this.dates[this.style] === true ? Number(v) : NaN;
        // A date only within Excel's dates (serial 0 to 9999-12-31); any other number in a date format stays a number.
        if (n >= 0 && n < LAST_DATE_SERIAL) {
          kind = 'date';
          text = dateText(n, this.date1904);
        } else {
          kind = 'number';
          text = short ?? numberText(v);
        }
      }
    }
    if (text !== '' || formula !== null) this.cells.push({ col: this.col, kind, text, formula });
  }
}
