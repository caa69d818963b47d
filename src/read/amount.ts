/**
 * Parses amounts as ledger systems and Swedish Excel write them into exact öre (bigint).
 *
 * Accepted: decimal comma or point; thousands grouped by space, NBSP (U+00A0), thin space
 * (U+202F), or the other punctuation mark (`1.234,50`, `1,234.50`), always in groups of
 * three; minus as `-`, `−` (U+2212) or `–` (U+2013), leading (optionally followed by a
 * space) or trailing; parentheses `(1 234)` for negatives; a leading `+`; a currency or
 * unit suffix as Excel's currency format and report exports write it (`623 783,43 kr`,
 * `-1 234,50 kr`, `1234kr`, `1 234 SEK`, `12,5 tkr`, `3,2 mnkr`), which must state the
 * input unit (`kr`, `kr.`, `sek`; `tkr`, `tsek`, `ksek`; `mnkr`, `mkr`, `msek`; any case):
 * a suffix that names another unit is the problem `'unit'`, never a silent factor of 1 000.
 *
 * No amount (`null`): an empty cell, and the null markers of database exports — `NULL`,
 * `(null)`, `[NULL]`, in any case (SQL Server Management Studio, Toad, DBeaver). A ledger
 * reader adds nothing for such a cell (records-to-ledger.ts); the small files read by
 * code (forecasts) count it as zero, as Excel's SUM does. Excel's error values (`#N/A`,
 * `#VALUE!`, `#REF!`) are not null markers: a lookup that failed is not an empty cell, so
 * they stay invalid.
 *
 * Any number of decimals is read exactly: whole öre (the common case) as an integer, an
 * amount with a fraction of an öre (Excel's General format `83333,3333333333`, a float tail
 * `800816.89000000003`, mnkr with nine decimals) as the exact decimal it is (core/money.ts).
 * Two things are refused: more than `MAX_AMOUNT_DIGITS` digits (no real amount has them;
 * the problem `'precision'`), and — when the decimal mark is not given — one mark followed by
 * exactly three digits where three decimals would be finer than öre (`1,234` or `1.234` in
 * kr): that is a thousands separator in one convention and a decimal mark in the other, so the
 * problem `'ambiguous'` asks for `--decimal`, never a guess. It is a hand-written scanner
 * rather than a regular expression because it runs once per ledger row.
 */

import { Exact, MAX_AMOUNT_DIGITS, type Ore } from '../core/money.js';
import { AvvikelseError, type Place } from '../errors.js';

export type DecimalMark = 'auto' | ',' | '.';
export const DECIMAL_MARKS: readonly DecimalMark[] = ['auto', ',', '.'];

/**
 * Why a text is not an amount: not a number at all, more digits than any amount has, a unit
 * suffix that is not the input unit, or `1,234` in kr without a decimal mark given.
 */
export type AmountProblem = 'invalid' | 'precision' | 'unit' | 'ambiguous';

const SPACE = 0x20;
const TAB = 0x09;
const NBSP = 0xa0;
const THIN = 0x202f;
const NNBSP = 0x2009; // THIN SPACE, also seen in exports
const COMMA = 0x2c;
const DOT = 0x2e;
const HYPHEN = 0x2d;
const MINUS = 0x2212;
const EN_DASH = 0x2013;
const PLUS = 0x2b;
const LPAREN = 0x28;
const RPAREN = 0x29;
const D0 = 0x30;
const D9 = 0x39;

const isSpace = (c: number): boolean => c === SPACE || c === NBSP || c === THIN || c === NNBSP || c === TAB;
const isMinus = (c: number): boolean => c === HYPHEN || c === MINUS || c === EN_DASH;
const isDigit = (c: number): boolean => c >= D0 && c <= D9;
/** The lower-case ASCII letter of c, or 0 when c is no ASCII letter. */
const lower = (c: number): number => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? c | 0x20 : 0);

/** Unit suffixes of amount cells (lower case) → the unit's exponent (öre per unit as a power of ten). */
const SUFFIX_EXPONENT: ReadonlyMap<string, number> = new Map([
  ['kr', 2],
  ['sek', 2],
  ['tkr', 5],
  ['tsek', 5],
  ['ksek', 5],
  ['mnkr', 8],
  ['mkr', 8],
  ['msek', 8],
]);
/** The longest suffix, in letters. */
const SUFFIX_MAX = 4;
/** The unit an exponent stands for, for messages. */
const SUFFIX_UNIT: Readonly<Record<number, string>> = { 2: 'kr', 5: 'tkr', 8: 'mnkr' };

/** Null markers of database exports, lower case: no amount. */
const NULL_MARKERS = ['null', '(null)', '[null]'];

/** Whether text[b, e) is a null marker (`NULL`, `(null)`, `[NULL]`, any case). */
function isNullMarker(text: Uint16Array, b: number, e: number): boolean {
  const n = e - b;
  if (n < 4 || n > 6) return false;
  for (const m of NULL_MARKERS) {
    if (m.length !== n) continue;
    let i = 0;
    while (i < n && ((text[b + i] as number) | (m.charCodeAt(i) >= 0x61 ? 0x20 : 0)) === m.charCodeAt(i)) i++;
    if (i === n) return true;
  }
  return false;
}

const SCALE = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * The amount `text` in öre (an integer, or the exact decimal when it has a fraction of an öre), given that the input is in a unit of 10^unitExponent öre
 * (kr: 2, tkr: 5, mnkr: 8), null for no amount (an empty cell, `NULL`), or the reason it is
 * not an amount.
 * @example parseAmount('-63 096,11 kr', 'auto', 2) // -6309611n
 * @example parseAmount('83333,3333333333', 'auto', 2).toString() // '8333333.33333333' (öre)
 * @example parseAmount('1,234', 'auto', 2) // 'ambiguous'
 * @example parseAmount('NULL', 'auto', 2) // null
 * @example parseAmount('12 tkr', 'auto', 2) // 'unit'
 */
export function parseAmount(text: string, decimal: DecimalMark, unitExponent: number): bigint | Ore | AmountProblem | null {
  const n = text.length;
  const codes = n <= SCRATCH.length ? SCRATCH : new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
  const r = scanAmount(codes, n, decimal, unitExponent);
  return typeof r === 'number' ? BigInt(r) : r;
}

const PROBLEM_CODE = {
  invalid: 'AMOUNT_INVALID',
  precision: 'AMOUNT_PRECISION',
  unit: 'AMOUNT_INVALID',
  ambiguous: 'AMOUNT_AMBIGUOUS',
} as const;

/**
 * The error for a cell that is no amount, at its place: AMOUNT_INVALID (naming the stated
 * unit when a suffix contradicts the input unit), AMOUNT_PRECISION (more digits than any
 * amount has) or AMOUNT_AMBIGUOUS (`1,234` in kr: give --decimal).
 */
export function amountError(problem: AmountProblem, raw: string, unit: string, at: Place): AvvikelseError {
  const params: Record<string, string | number> = { value: raw, unit, max: MAX_AMOUNT_DIGITS };
  if (problem === 'unit') params.stated = statedUnit(raw) ?? '';
  return new AvvikelseError(PROBLEM_CODE[problem], params, at);
}

/**
 * The unit a cell's suffix states (`kr`, `tkr`, `mnkr`), or null when it states none.
 * @example statedUnit('12,5 tSEK') // 'tkr'
 */
export function statedUnit(text: string): string | null {
  const t = text.trim();
  const codes = new Uint16Array(t.length);
  for (let i = 0; i < t.length; i++) codes[i] = t.charCodeAt(i);
  const s = suffixAt(codes, 0, t.length);
  return s === null ? null : (SUFFIX_UNIT[s.exponent] ?? null);
}

/**
 * The unit suffix at the end of text[b, e) (`kr`, `tkr`, `SEK` …, optionally with a dot), as
 * the position where it starts and its exponent, or null when the text ends in no letter.
 * A word of letters that is no unit gives exponent -1.
 */
function suffixAt(text: Uint16Array, b: number, e: number): { at: number; exponent: number } | null {
  let end = e;
  if (end > b && (text[end - 1] as number) === DOT && end - 1 > b && lower(text[end - 2] as number) !== 0) end--;
  let at = end;
  while (at > b && lower(text[at - 1] as number) !== 0) at--;
  if (at === end) return null;
  if (end - at > SUFFIX_MAX) return { at, exponent: -1 };
  let word = '';
  for (let i = at; i < end; i++) word += String.fromCharCode(lower(text[i] as number));
  return { at, exponent: SUFFIX_EXPONENT.get(word) ?? -1 };
}

/**
 * Whether text[b, e) — the part before a lone decimal mark — could be the first group of a
 * thousands-grouped number: one to three digits, not a lone leading zero (`0,125` is no group).
 */
function groupable(text: Uint16Array, b: number, e: number): boolean {
  const n = e - b;
  if (n < 1 || n > 3) return false;
  for (let i = b; i < e; i++) if (!isDigit(text[i] as number)) return false;
  return (text[b] as number) !== D0;
}

/** Reused buffer of character codes for the common, short amounts. */
const SCRATCH = new Uint16Array(64);

/**
 * The scanner itself, on `n` character codes: the amount in öre as a number when it is a
 * whole number of öre of at most 15 digits (so it is an exact integer below 2^53), as a
 * bigint when it is longer, as an exact decimal (`Ore`) when it has a fraction of an öre, or
 * the reason it is not an amount. Shared by the text reader and the byte-level fast path
 * (read/csv/fast/), which maps bytes to the same character codes (its `plainAmount` in
 * bytes.ts is this scanner's byte-level twin for the plainest amounts); null for no amount.
 */
export function scanAmount(
  text: Uint16Array,
  length: number,
  decimal: DecimalMark,
  unitExponent: number,
): number | bigint | Ore | AmountProblem | null {
  let b = 0;
  let e = length;
  while (b < e && isSpace(text[b] as number)) b++;
  while (e > b && isSpace(text[e - 1] as number)) e--;
  if (b === e) return null;
  const last = text[e - 1] as number;
  if (lower(last) !== 0 || last === DOT || last === RPAREN || last === 0x5d) {
    if (isNullMarker(text, b, e)) return null;
    // A unit suffix: `623 783,43 kr`, `1234kr`, `12,5 tkr`; it must be the input unit.
    const suffix = suffixAt(text, b, e);
    if (suffix !== null) {
      if (suffix.exponent < 0 || suffix.at === b) return 'invalid';
      const before = text[suffix.at - 1] as number;
      if (!isDigit(before) && !isSpace(before) && before !== RPAREN && !isMinus(before)) return 'invalid';
      if (suffix.exponent !== unitExponent) return 'unit';
      e = suffix.at;
      while (e > b && isSpace(text[e - 1] as number)) e--;
      if (b === e) return 'invalid';
    }
  }

  let negative = false;
  if ((text[b] as number) === LPAREN) {
    if ((text[e - 1] as number) !== RPAREN) return 'invalid';
    negative = true;
    b++;
    e--;
    while (b < e && isSpace(text[b] as number)) b++;
    while (e > b && isSpace(text[e - 1] as number)) e--;
  }
  let c = text[b] as number;
  if (isMinus(c) || c === PLUS) {
    if (negative && c !== PLUS) return 'invalid';
    negative = negative || c !== PLUS;
    b++;
    while (b < e && isSpace(text[b] as number)) b++;
  } else if (e - b > 1 && isMinus(text[e - 1] as number)) {
    if (negative) return 'invalid';
    negative = true;
    e--;
    while (e > b && isSpace(text[e - 1] as number)) e--;
  }
  if (b === e) return 'invalid';

  // Which mark (if any) separates the decimals.
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  for (let i = b; i < e; i++) {
    c = text[i] as number;
    if (c === COMMA) {
      commas++;
      lastComma = i;
    } else if (c === DOT) {
      dots++;
      lastDot = i;
    }
  }
  let decimalAt = -1;
  let groupMark = -1;
  if (decimal === ',') {
    if (commas > 1) return 'invalid';
    decimalAt = lastComma;
    groupMark = DOT;
  } else if (decimal === '.') {
    if (dots > 1) return 'invalid';
    decimalAt = lastDot;
    groupMark = COMMA;
  } else if (commas > 0 && dots > 0) {
    const commaLast = lastComma > lastDot;
    if ((commaLast ? commas : dots) > 1) return 'invalid';
    decimalAt = commaLast ? lastComma : lastDot;
    groupMark = commaLast ? DOT : COMMA;
  } else if (commas === 1) {
    decimalAt = lastComma;
  } else if (dots === 1) {
    decimalAt = lastDot;
  } else if (commas > 1) {
    groupMark = COMMA;
  } else if (dots > 1) {
    groupMark = DOT;
  }

  // Integer part: digits, optionally in groups of three.
  const intEnd = decimalAt >= 0 ? decimalAt : e;
  let mantissa = 0;
  let digits = 0;
  let big: string | null = null;
  let groupLen = 0;
  let groups = 0;
  let sawSeparator = false;
  for (let i = b; i < intEnd; i++) {
    c = text[i] as number;
    if (isDigit(c)) {
      groupLen++;
      if (digits < 15) mantissa = mantissa * 10 + (c - D0);
      else big = (big ?? String(mantissa)) + String.fromCharCode(c);
      digits++;
    } else if (isSpace(c) || c === groupMark) {
      // A separator must follow a group of 1–3 digits (the first) or exactly 3.
      if (groupLen === 0 || groupLen > 3 || (groups > 0 && groupLen !== 3)) return 'invalid';
      groups++;
      groupLen = 0;
      sawSeparator = true;
    } else {
      return 'invalid';
    }
  }
  if (sawSeparator && groupLen !== 3) return 'invalid';
  if (digits === 0 && decimalAt < 0) return 'invalid';

  // Fraction part: digits only.
  let fraction = 0;
  if (decimalAt >= 0) {
    let fe = e;
    const fb = decimalAt + 1;
    if (fb === fe) return 'invalid';
    for (let i = fb; i < fe; i++) if (!isDigit(text[i] as number)) return 'invalid';
    // `1,234` in kr: a thousands group or three decimals finer than öre? Only --decimal can say.
    if (decimal === 'auto' && fe - fb === 3 && unitExponent < 3 && commas + dots === 1 && !sawSeparator && groupable(text, b, decimalAt)) {
      return 'ambiguous';
    }
    // Trailing zeros beyond whole öre carry no value.
    while (fe - fb > unitExponent && (text[fe - 1] as number) === D0) fe--;
    fraction = fe - fb;
    for (let i = fb; i < fe; i++) {
      c = text[i] as number;
      if (digits < 15) mantissa = mantissa * 10 + (c - D0);
      else big = (big ?? String(mantissa)) + String.fromCharCode(c);
      digits++;
    }
  }

  if (digits > MAX_AMOUNT_DIGITS) return 'precision';
  const shift = unitExponent - fraction;
  if (shift < 0) {
    // A fraction of an öre: the exact decimal, digits × 10^shift öre.
    const fine = new Exact(`${big ?? String(mantissa)}e${shift}`);
    return negative ? fine.neg() : fine;
  }
  if (big === null && digits + shift <= 15) {
    const ore = mantissa * (SCALE[shift] as number);
    return negative ? -ore : ore;
  }
  const ore = BigInt(big ?? String(mantissa)) * 10n ** BigInt(shift);
  return negative ? -ore : ore;
}
