/**
 * Exact money. Every amount in avvikelse is a `bigint` number of öre (1 kr = 100 öre) from
 * the moment it is read until a cell is shown; sums are bigint sums and therefore exact.
 * Rounding happens once per shown cell, from the exact value, by a named rounding mode,
 * into a `Fixed` (an integer count of 10^-decimals units) that the writers only format.
 */

export type Ore = bigint;

export type Unit = 'kr' | 'tkr' | 'mnkr';
export const UNITS: readonly Unit[] = ['kr', 'tkr', 'mnkr'];

/** Öre per unit, as a power of ten: kr = 10^2, tkr = 10^5, mnkr = 10^8. */
export const UNIT_EXPONENT: Record<Unit, number> = { kr: 2, tkr: 5, mnkr: 8 };

/** Default number of shown decimals per unit (SPEC §4: 0 for kr and tkr, 1 for mnkr). */
export const DEFAULT_DECIMALS: Record<Unit, number> = { kr: 0, tkr: 0, mnkr: 1 };

export type RoundingMode = 'half-away-from-zero' | 'half-even';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-away-from-zero', 'half-even'];

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

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** n / d rounded to an integer, halves away from zero (Excel's ROUND, published reports). d ≠ 0, any sign. */
export function halfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d < 0n) return halfAwayFromZero(-n, -d);
  const q = n / d;
  const r = n % d;
  if (2n * abs(r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** n / d rounded to an integer, halves to the even neighbour (banker's rounding). d ≠ 0, any sign. */
export function halfEven(n: bigint, d: bigint): bigint {
  if (d < 0n) return halfEven(-n, -d);
  const q = n / d;
  const r = n % d;
  const twice = 2n * abs(r);
  if (twice > d || (twice === d && q % 2n !== 0n)) return n < 0n ? q - 1n : q + 1n;
  return q;
}

const ROUNDERS: Record<RoundingMode, (n: bigint, d: bigint) => bigint> = {
  'half-away-from-zero': halfAwayFromZero,
  'half-even': halfEven,
};

/**
 * Rounds an exact amount in öre to `decimals` decimals of `unit` — the one rounding a cell
 * ever gets.
 */
export function roundToUnit(ore: Ore, unit: Unit, decimals: number, mode: RoundingMode): Fixed {
  const exp = UNIT_EXPONENT[unit];
  if (decimals >= exp) return { value: ore * pow10(decimals - exp), decimals };
  return { value: ROUNDERS[mode](ore, pow10(exp - decimals)), decimals };
}

/** The exact value of an amount in `unit`, with as few decimals as it needs (no rounding). */
export function exactInUnit(ore: Ore, unit: Unit): Fixed {
  let value = ore;
  let decimals = UNIT_EXPONENT[unit];
  while (decimals > 0 && value % 10n === 0n) {
    value /= 10n;
    decimals--;
  }
  return { value, decimals };
}

/** Sum of amounts. */
export function sum(amounts: Iterable<Ore>): Ore {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}
