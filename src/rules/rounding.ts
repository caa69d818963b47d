/**
 * Rounding: the one place an exact amount becomes a shown number. Each mode is a named
 * function on integers (n / d), as dinero.js keeps them; a cell is rounded once, from the
 * exact öre value, into a `Fixed` that the writers only format.
 */
import { pow10, UNIT_EXPONENT, type Fixed, type Ore, type Unit } from '../core/money.js';

export type RoundingMode = 'half-away-from-zero' | 'half-even';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-away-from-zero', 'half-even'];

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

