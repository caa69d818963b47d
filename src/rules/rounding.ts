/**
 * Rounding: the one place an exact amount becomes a shown number. Each mode is a named
 * function on integers (n / d), as dinero.js keeps them; a cell is rounded once, from the
 * exact öre value, into a `Fixed` that the writers only format — amounts (`roundToUnit`) and
 * percentages (`percentOf`) alike, both in the report's `--rounding` mode.
 *
 * The öre policy: every amount is exact in öre from reading to showing. The only amounts that
 * are not sums of read amounts are derived ones — a periodised budget (rules/periodisation.ts)
 * and a computed forecast (rules/forecast.ts) — and they are rounded to the öre once, half away
 * from zero (`toOre`), whatever `--rounding` says: they are amounts of the model, like the
 * budget an economist would compute with Excel's ROUND, not shown cells; `--rounding` only
 * chooses how the shown cells are rounded from these exact öre values.
 */
import { pow10, UNIT_EXPONENT, type Fixed, type Ore, type Unit } from '../core/money.js';

export type RoundingMode = 'half-away-from-zero' | 'half-even';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-away-from-zero', 'half-even'];

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * n / d rounded to an integer, halves away from zero (Excel's ROUND, published reports). d ≠ 0, any sign.
 * @example halfAwayFromZero(-125n, 10n) // -13n
 */
export function halfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d < 0n) return halfAwayFromZero(-n, -d);
  const q = n / d;
  const r = n % d;
  if (2n * abs(r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/**
 * n / d rounded to an integer, halves to the even neighbour (banker's rounding). d ≠ 0, any sign.
 * @example halfEven(-125n, 10n) // -12n
 */
export function halfEven(n: bigint, d: bigint): bigint {
  if (d < 0n) return halfEven(-n, -d);
  const q = n / d;
  const r = n % d;
  const twice = 2n * abs(r);
  if (twice > d || (twice === d && q % 2n !== 0n)) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/**
 * A derived amount (n / d öre) to the whole öre, halves away from zero: the öre policy for
 * periodised budgets and computed forecasts, independent of `--rounding`.
 * @example toOre(1_000n * 8n, 12n) // 667n: eight twelfths of 10,00 kr is 6,67 kr
 */
export function toOre(n: bigint, d: bigint): Ore {
  return halfAwayFromZero(n, d);
}

const ROUNDERS: Record<RoundingMode, (n: bigint, d: bigint) => bigint> = {
  'half-away-from-zero': halfAwayFromZero,
  'half-even': halfEven,
};

/**
 * Rounds an exact amount in öre to `decimals` decimals of `unit` — the one rounding a cell
 * ever gets.
 * @example roundToUnit(4_250_000n, 'tkr', 0, 'half-even') // { value: 42n, decimals: 0 }: 42,5 tkr shows 42
 */
export function roundToUnit(ore: Ore, unit: Unit, decimals: number, mode: RoundingMode): Fixed {
  const exp = UNIT_EXPONENT[unit];
  if (decimals >= exp) return { value: ore * pow10(decimals - exp), decimals };
  return { value: ROUNDERS[mode](ore, pow10(exp - decimals)), decimals };
}

/**
 * The exact value of an amount in `unit`, with as few decimals as it needs (no rounding).
 * @example exactInUnit(123_400_000n, 'tkr') // { value: 1234n, decimals: 0 }
 */
export function exactInUnit(ore: Ore, unit: Unit): Fixed {
  let value = ore;
  let decimals = UNIT_EXPONENT[unit];
  while (decimals > 0 && value % 10n === 0n) {
    value /= 10n;
    decimals--;
  }
  return { value, decimals };
}

/** Decimals of a shown percentage. */
export const PERCENT_DECIMALS = 1;

/**
 * A deviation in percent of its budget: deviation / |budget| × 100, from the unrounded öre
 * amounts, rounded once to `decimals` decimals in the report's rounding mode. Dividing by the
 * budget's absolute value keeps the sign of the deviation (positive = better than budget) in
 * both perspectives. Null when the budget is zero (no percentage of nothing).
 * @example percentOf(-2_500n, 20_000n, 1, 'half-away-from-zero') // { value: -125n, decimals: 1 }: −12,5 %
 */
export function percentOf(deviation: Ore, budget: Ore, decimals: number, mode: RoundingMode): Fixed | null {
  if (budget === 0n) return null;
  const base = budget < 0n ? -budget : budget;
  return { value: ROUNDERS[mode](deviation * 100n * pow10(decimals), base), decimals };
}
