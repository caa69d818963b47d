/**
 * Parses amounts as ledger systems and Swedish Excel write them into exact öre (bigint).
 *
 * Accepted: decimal comma or point; thousands grouped by space, NBSP (U+00A0), thin space
 * (U+202F), or the other punctuation mark (`1.234,50`, `1,234.50`), always in groups of
 * three; minus as `-`, `−` (U+2212) or `–` (U+2013), leading (optionally followed by a
 * space) or trailing; parentheses `(1 234)` for negatives; a leading `+`. An empty cell is
 * zero, as Excel's SUM treats it. More decimals than whole öre in the input unit is an
 * error unless the extra digits are zeros. It is a hand-written scanner rather than a
 * regular expression because it runs once per ledger row.
 */

export type DecimalMark = 'auto' | ',' | '.';
export const DECIMAL_MARKS: readonly DecimalMark[] = ['auto', ',', '.'];

/** Why a text is not an amount: not a number at all, or finer than one öre. */
export type AmountProblem = 'invalid' | 'precision';

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

const SCALE = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * The amount `text` in öre, given that the input is in a unit of 10^unitExponent öre
 * (kr: 2, tkr: 5, mnkr: 8), or the reason it is not an amount.
 */
export function parseAmount(text: string, decimal: DecimalMark, unitExponent: number): bigint | AmountProblem {
  const n = text.length;
  const codes = n <= SCRATCH.length ? SCRATCH : new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
  const r = scanAmount(codes, n, decimal, unitExponent);
  return typeof r === 'number' ? BigInt(r) : r;
}

/** Reused buffer of character codes for the common, short amounts. */
const SCRATCH = new Uint16Array(64);

/**
 * The scanner itself, on `n` character codes: the amount in öre as a number when it has at
 * most 15 significant digits (so it is an exact integer), as a bigint when it is longer, or
 * the reason it is not an amount. Shared by the text reader and the byte-level fast path
 * (read/csv/fast/), which maps bytes to the same character codes (its `plainAmount` in
 * bytes.ts is this scanner's byte-level twin for the plainest amounts).
 */
export function scanAmount(text: Uint16Array, length: number, decimal: DecimalMark, unitExponent: number): number | bigint | AmountProblem {
  let b = 0;
  let e = length;
  while (b < e && isSpace(text[b] as number)) b++;
  while (e > b && isSpace(text[e - 1] as number)) e--;
  if (b === e) return 0;

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
    // Trailing zeros beyond whole öre carry no value.
    while (fe - fb > unitExponent && (text[fe - 1] as number) === D0) fe--;
    fraction = fe - fb;
    if (fraction > unitExponent) return 'precision';
    for (let i = fb; i < fe; i++) {
      c = text[i] as number;
      if (digits < 15) mantissa = mantissa * 10 + (c - D0);
      else big = (big ?? String(mantissa)) + String.fromCharCode(c);
      digits++;
    }
  }

  const shift = unitExponent - fraction;
  if (big === null && digits + shift <= 15) {
    const ore = mantissa * (SCALE[shift] as number);
    return negative ? -ore : ore;
  }
  const ore = BigInt(big ?? String(mantissa)) * 10n ** BigInt(shift);
  return negative ? -ore : ore;
}
