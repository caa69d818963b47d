/**
 * Exact money. Every amount in avvikelse is an exact decimal number of öre (1 kr = 100 öre),
 * a decimal.js value of the `Exact` constructor below, from the moment a reader hands its
 * totals on until a cell is shown. Amounts as ledgers write them are whole öre, and readers
 * sum those as integers (bigint, or float64 slots that never leave the safe integers on the
 * CSV fast path) because that is measurably faster (`npm run bench`); an amount with more
 * decimals than öre (Excel's General format `83333,3333333333`, a float tail
 * `800816.89000000003`, mnkr with nine decimals) is kept as the exact decimal it is and
 * summed beside the whole öre (`OreSum`). Beyond reading — sums, deviations, ratios,
 * percentages, periodisation weights, forecasts — amounts are `Exact` values.
 *
 * Rounding (rules/rounding.ts) happens once per shown cell, from the exact value, into a
 * `Fixed` (an integer count of 10^-decimals units) that the writers only format.
 */
import { Decimal } from 'decimal.js';

/**
 * The decimal.js constructor of every amount, configured here and nowhere else:
 * - `precision` 120 significant digits. A read amount has at most `MAX_AMOUNT_DIGITS` (40)
 *   digits in a unit of at most 10^8 öre (mnkr), so its digits lie between 10^-38 öre (40
 *   decimals of a krona) and 10^48 öre; a sum of any such amounts spans at most 86 digits
 *   plus the digits of the row count (15 at most), and is therefore exact. Divisions (ratios,
 *   percentages, weights, a linear forecast) are the only inexact operations; at 120 digits
 *   the one rounding that follows them (a shown cell, or a derived amount to the öre) sees the
 *   true quotient's side of every half: a quotient p/q that is not a half differs from one by
 *   at least 1/(2q) in p's and q's last digits, so with p and q of fewer than 60 digits each
 *   (any real ledger's amounts) the 120-digit quotient cannot be mistaken for a half.
 * - `rounding` ROUND_HALF_UP (halves away from zero) for that internal precision; shown cells
 *   name their mode explicitly (rules/rounding.ts).
 * - `toExpNeg`/`toExpPos` at their limits, so `toString()` never writes an exponent.
 */
export const Exact = Decimal.clone({
  precision: 120,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An exact amount in öre (a decimal.js value; may have a fraction of an öre). */
export type Ore = Decimal;

/** The longest amount a reader accepts, in digits (no real amount has more; the precision above relies on it). */
export const MAX_AMOUNT_DIGITS = 40;

/** Zero öre. Decimal values are immutable, so one shared zero is safe. */
export const ZERO: Ore = new Exact(0);

/**
 * An amount from an integer number of öre, or from exact decimal text (`'12.5'` öre).
 * @example ore(6309611n).toString() // '6309611'
 */
export function ore(n: bigint | number | string): Ore {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`ore(${n}): not a safe integer`);
  return new Exact(typeof n === 'bigint' ? n.toString() : n);
}

/** Whether two amounts are equal (amounts are objects: never compare them with ===). */
export function same(a: Ore, b: Ore): boolean {
  return a.eq(b);
}

export type Unit = 'kr' | 'tkr' | 'mnkr';
export const UNITS: readonly Unit[] = ['kr', 'tkr', 'mnkr'];

/** Öre per unit, as a power of ten: kr = 10^2, tkr = 10^5, mnkr = 10^8. */
export const UNIT_EXPONENT: Record<Unit, number> = { kr: 2, tkr: 5, mnkr: 8 };

/** Default number of shown decimals per unit (SPEC §4: 0 for kr and tkr, 1 for mnkr). */
export const DEFAULT_DECIMALS: Record<Unit, number> = { kr: 0, tkr: 0, mnkr: 1 };

/**
 * A shown value: `value / 10^decimals` in some unit. Produced only by rounding (or exact
 * conversion) here; the writers turn it into characters without arithmetic.
 */
export interface Fixed {
  readonly value: bigint;
  readonly decimals: number;
}

const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

/** 10^n as a bigint. */
export function pow10(n: number): bigint {
  const p = POW10[n];
  if (p === undefined) throw new RangeError(`pow10(${n}) out of range`);
  return p;
}

/** Sum of amounts. */
export function sum(amounts: Iterable<Ore>): Ore {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}

/**
 * An amount as readers parse and sum it: integer öre as a bigint (the common case, summed as
 * integers because that is measurably faster), or an exact decimal of öre when a file wrote a
 * fraction of an öre. The operations below keep integers integers, so a file of whole öre never
 * pays for decimal arithmetic, and a file that is not still sums exactly.
 */
export type ReadOre = bigint | Ore;

/** A `ReadOre` as an `Ore`. */
export function asOre(amount: ReadOre): Ore {
  return typeof amount === 'bigint' ? ore(amount) : amount;
}

/** a + b, exactly. */
export function plus(a: ReadOre, b: ReadOre): ReadOre {
  return typeof a === 'bigint' && typeof b === 'bigint' ? a + b : asOre(a).plus(asOre(b));
}

/** a − b, exactly. */
export function minus(a: ReadOre, b: ReadOre): ReadOre {
  return typeof a === 'bigint' && typeof b === 'bigint' ? a - b : asOre(a).minus(asOre(b));
}

/** −a. */
export function negated(a: ReadOre): ReadOre {
  return typeof a === 'bigint' ? -a : a.neg();
}

/** −1, 0 or 1. */
export function signOf(a: ReadOre): -1 | 0 | 1 {
  if (typeof a === 'bigint') return a > 0n ? 1 : a < 0n ? -1 : 0;
  return a.isZero() ? 0 : a.isNeg() ? -1 : 1;
}

/** Scale of published numbers in verify: every published cell is held as an integer count of 10^-4 units. */
export const PUBLISHED_SCALE = 4;
