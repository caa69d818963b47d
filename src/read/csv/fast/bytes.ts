/**
 * The fast path's byte parsers: amounts, periods and amount characters read straight from
 * the bytes of a field. Each has a twin on text that decides for every other route and
 * format, and each returns "not mine" (NaN, -1) for anything it is not sure of, so the twin
 * decides those:
 * - `plainAmount` ↔ `parseAmount`/`scanAmount` in read/amount.ts (the scanner falls back to
 *   `scanAmount` on the character codes `fieldCodes` gives);
 * - `periodIndex` ↔ `parsePeriod` in read/period.ts (a field it rejects goes to the general
 *   consumer with its line);
 * - `maybeTotalsLabel` ↔ `isTotalsLabel` in read/columns.ts: it accepts at least every field
 *   the twin accepts (a line it accepts makes the scanner fall back to the general route).
 * test/fast-path.test.ts reads generated ledgers through both routes and requires the same
 * totals and errors, which holds each pair to the same answers.
 */
import { MONTH_NAMES } from '../../period.js';

/**
 * Character codes of one field, for the amount scanner, or -1 when a byte has no mapping
 * here: NBSP, U+202F, U+2009, `−` and `–` are mapped per encoding (UTF-8 or Windows-1252).
 */
export function fieldCodes(buf: Uint8Array, s: number, e: number, utf8: boolean, out: Uint16Array): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const b = buf[i] as number;
    if (b < 0x80) out[n++] = b;
    else if (!utf8) {
      if (b === 0xa0)
        out[n++] = 0xa0; // NBSP
      else if (b === 0x96)
        out[n++] = 0x2013; // en dash
      else return -1;
    } else if (b === 0xc2 && buf[i + 1] === 0xa0) {
      out[n++] = 0xa0;
      i++;
    } else if (b === 0xe2 && i + 2 < e) {
      const cp = ((b & 0x0f) << 12) | (((buf[i + 1] as number) & 0x3f) << 6) | ((buf[i + 2] as number) & 0x3f);
      if (cp !== 0x2212 && cp !== 0x2013 && cp !== 0x202f && cp !== 0x2009) return -1;
      out[n++] = cp;
      i += 2;
    } else return -1;
    if (n >= out.length) return -1;
  }
  return n;
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

/**
 * The most common amount, read straight from bytes: an optional `-`, digits, and at most one
 * decimal mark followed by at most `unitExp` digits (`-12345,67`), whose value in öre has at
 * most 15 digits (so it is an exact integer in float64). Anything else returns NaN and goes through the shared scanner, which gives the same
 * value for these inputs (the differential test holds the two to that).
 */
export function plainAmount(buf: Uint8Array, s: number, e: number, decimal: string, unitExp: number): number {
  let i = s;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  if (i >= e) return NaN;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < e; i++) {
    const b = buf[i] as number;
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if ((b === 0x2c && decimal !== '.') || (b === 0x2e && decimal !== ',')) {
      if (fraction >= 0 || digits === 0) return NaN;
      fraction = 0;
    } else return NaN;
  }
  if (digits === 0 || fraction === 0 || fraction > unitExp) return NaN;
  // The öre value must stay an exact integer of at most 15 digits (below 2^53) after scaling:
  // `999999999999999` kr is 17 digits of öre, and float64 would round it.
  const shift = unitExp - Math.max(fraction, 0);
  if (digits + shift > 15) return NaN;
  const ore = mantissa * (POW10[shift] as number);
  return negative ? -ore : ore;
}

const digit = (b: number | undefined) => (b !== undefined && b >= 0x30 && b <= 0x39 ? b - 0x30 : -1);
/** The lower-case ASCII letter of a byte as 1..26, or 0. */
const letter = (b: number | undefined) => (b !== undefined && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a ? (b | 0x20) - 0x60 : 0);
/** A name of 3..9 letters packed in base 32 (at most 45 bits): no string per row. */
const packName = (name: string) => [...name].reduce((code, c) => code * 32 + c.charCodeAt(0) - 0x60, 0);
/** Packed month name → month, from the table parsePeriod uses. */
const NAMED = new Map(Object.entries(MONTH_NAMES).map(([name, month]) => [packName(name), month]));

/** Four digits at buf[i..i+4) as a year, or -1. */
function year4(buf: Uint8Array, i: number): number {
  let y = 0;
  for (let k = i; k < i + 4; k++) {
    const d = digit(buf[k]);
    if (d < 0) return -1;
    y = y * 10 + d;
  }
  return y;
}

/**
 * A month name and a year in parsePeriod's forms, ASCII only and untrimmed: `jan 2024`,
 * `jan-2024`, `jan2024`, `jan.-24`, `jan-24`, `2024 jan`, `2024-jan.`; -1 for anything else.
 */
function namedIndex(buf: Uint8Array, s: number, e: number): number {
  let y = -1;
  let i = s;
  if (digit(buf[s]) >= 0) {
    // 2024 januari, 2024-jan
    y = year4(buf, s);
    if (y < 0 || (buf[s + 4] !== 0x20 && buf[s + 4] !== 0x2d)) return -1;
    i = s + 5;
  }
  let code = 0;
  const from = i;
  while (i < e && letter(buf[i]) > 0) code = code * 32 + letter(buf[i++]);
  if (i - from < 3 || i - from > 9) return -1;
  const month = NAMED.get(code);
  if (month === undefined) return -1;
  if (buf[i] === 0x2e && i < e) i++;
  if (y < 0) {
    const rest = e - i;
    if (rest === 3 && buf[i] === 0x2d) {
      // jan-24: Excel's mmm-yy, always 20yy
      const d1 = digit(buf[i + 1]);
      const d2 = digit(buf[i + 2]);
      if (d1 < 0 || d2 < 0) return -1;
      y = 2000 + d1 * 10 + d2;
    } else if (rest === 5 && (buf[i] === 0x20 || buf[i] === 0x2d)) y = year4(buf, i + 1);
    else if (rest === 4) y = year4(buf, i);
    if (y < 0) return -1;
  } else if (i !== e) return -1;
  return y < 1000 ? -1 : y * 12 + month - 1;
}

/**
 * The month of a period field in the forms parsePeriod accepts most often — `202408`,
 * `2024-08`, `2024M08`, `20240831`, `2024-08-31`, and month names with a year (`jan 2024`,
 * `jan-24`, `2024-jan`) — as year·12 + month − 1; -1 for anything else, years, periods 00
 * and 13–15 included (the general path then decides, and counts those for its notes).
 */
export function periodIndex(buf: Uint8Array, s: number, e: number): number {
  const n = numericIndex(buf, s, e);
  // Month names only when the digits did not read (a name is at s, or after `2024-` at s + 5).
  if (n >= 0 || e - s <= 5 || (letter(buf[s]) === 0 && letter(buf[s + 5]) === 0)) return n;
  return namedIndex(buf, s, e);
}

/** `202408`, `2024-08`, `2024M08`, `20240831`, `2024-08-31` as year·12 + month − 1, or -1. */
function numericIndex(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digit(buf[s + i]);
    if (d < 0) return -1;
    y = y * 10 + d;
  }
  let m: number;
  let dayAt = -1;
  if (len === 6 || len === 8) {
    m = digit(buf[s + 4]) * 10 + digit(buf[s + 5]);
    if (digit(buf[s + 4]) < 0 || digit(buf[s + 5]) < 0) return -1;
    if (len === 8) dayAt = s + 6;
  } else if (len === 7 && (buf[s + 4] === 0x4d || buf[s + 4] === 0x6d)) {
    // 2024M08
    if (digit(buf[s + 5]) < 0 || digit(buf[s + 6]) < 0) return -1;
    m = digit(buf[s + 5]) * 10 + digit(buf[s + 6]);
  } else if ((len === 7 || len === 10) && buf[s + 4] === 0x2d) {
    if (digit(buf[s + 5]) < 0 || digit(buf[s + 6]) < 0) return -1;
    m = digit(buf[s + 5]) * 10 + digit(buf[s + 6]);
    if (len === 10) {
      if (buf[s + 7] !== 0x2d) return -1;
      dayAt = s + 8;
    }
  } else return -1;
  if (m < 1 || m > 12) return -1;
  if (dayAt >= 0) {
    const d1 = digit(buf[dayAt]);
    const d2 = digit(buf[dayAt + 1]);
    if (d1 < 0 || d2 < 0) return -1;
    const day = d1 * 10 + d2;
    if (day < 1 || day > 31) return -1;
  }
  return y * 12 + m - 1;
}

/**
 * The period index of a month of no stated year (a month column `Jan` … `Dec` without a year
 * column, period key `Mmm`): −(month + 1), so −2 … −13 (−1 is no period).
 */
export const monthOnlyIndex = (month: number): number => -(month + 1);

/**
 * The period key of a period index: `YYYY-MM` for year·12 + month − 1 (a year before 1000
 * keeps its four digits, `0999-05`, as readPeriod writes it), `Mmm` for a month of no stated
 * year (`monthOnlyIndex`), '' for none (−1).
 */
export const periodKey = (idx: number): string =>
  idx >= 0
    ? `${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`
    : idx < -1
      ? `M${String(-idx - 1).padStart(2, '0')}`
      : '';

/**
 * A year column's field as combinePeriod and readPeriod read a year: exactly four ASCII digits
 * from 1900 to 2099 (untrimmed here), or -1 (the general consumer decides the rest).
 */
export function yearField(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 4) return -1;
  const y = year4(buf, s);
  return y >= 1900 && y <= 2099 ? y : -1;
}

/**
 * The month of an `År` + `Månad` pair as combinePeriod reads it, for the forms exports write —
 * the month as `1`..`12` or `01`..`12`, a month name (`jan`, `Januari`, `okt.`), or a whole
 * month of the same year (`2024-08`) — as year·12 + month − 1; -1 for anything else (periods
 * 00 and 13–15, other years, blanks around: the general consumer decides those).
 */
export function yearMonthIndex(buf: Uint8Array, ys: number, ye: number, ms: number, me: number): number {
  const y = yearField(buf, ys, ye);
  if (y < 0 || me <= ms) return -1;
  const len = me - ms;
  const d1 = digit(buf[ms]);
  if (len <= 2 && d1 >= 0) {
    const m = len === 1 ? d1 : d1 * 10 + digit(buf[ms + 1]);
    if (len === 2 && digit(buf[ms + 1]) < 0) return -1;
    return m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
  }
  if (d1 < 0) {
    // A month name: 3..9 ASCII letters and an optional final `.`.
    const end = buf[me - 1] === 0x2e ? me - 1 : me;
    let code = 0;
    let i = ms;
    while (i < end && letter(buf[i]) > 0) code = code * 32 + letter(buf[i++]);
    const month = i === end && end - ms >= 3 && end - ms <= 9 ? NAMED.get(code) : undefined;
    if (month !== undefined) return y * 12 + month - 1;
  }
  const whole = periodIndex(buf, ms, me);
  return whole >= 0 && Math.floor(whole / 12) === y ? whole : -1;
}

/** Bytes a field's text may start with before its first letter, as `trim()` sees it: ASCII blanks, and every non-ASCII byte (NBSP, BOM …). */
const skippable = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c || b >= 0x80;

/** Whether buf[s, e) holds only what `trim()` could remove (so the text may be empty). */
export function blankField(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!skippable(buf[i] as number)) return false;
  return true;
}

const LABELS = ['summa', 'total', 'delsumma', 'subtotal'].map((w) => Buffer.from(w, 'latin1'));

/**
 * Whether buf[s, e) may be a totals row's label (`Summa 4100`, `Totalt`): it starts, after
 * skippable bytes, with `summa`, `total`, `delsumma` or `subtotal` in any case. A superset of
 * `isTotalsLabel` (read/columns.ts), which also wants a word boundary after the word.
 */
export function maybeTotalsLabel(buf: Uint8Array, s: number, e: number): boolean {
  while (s < e && skippable(buf[s] as number)) s++;
  if (s >= e) return false;
  const first = (buf[s] as number) | 0x20;
  if (first !== 0x73 && first !== 0x74 && first !== 0x64) return false; // s, t, d
  for (const w of LABELS) {
    if (e - s < w.length) continue;
    let i = 0;
    while (i < w.length && ((buf[s + i] as number) | 0x20) === w[i]) i++;
    if (i === w.length) return true;
  }
  return false;
}
