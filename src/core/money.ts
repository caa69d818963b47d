/**
 * Exact money. Every amount in avvikelse is a `bigint` number of öre (1 kr = 100 öre) from
 * the moment it is read until a cell is shown; sums are bigint sums and therefore exact.
 * Rounding (rules/rounding.ts) happens once per shown cell, from the exact value, into a
 * `Fixed` (an integer count of 10^-decimals units) that the writers only format.
 */

export type Ore = bigint;

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
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}

/** Scale of published numbers in verify: every published cell is held as an integer count of 10^-4 units. */
export const PUBLISHED_SCALE = 4;
