/**
 * Rounding: the one place an exact amount becomes a shown number. Each mode is a named
 * decimal.js rounding mode (`DECIMAL_MODE`), applied explicitly; a cell is rounded once, from
 * the exact öre value, into a `Fixed` that the writers only format — amounts (`roundToUnit`) and
 * percentages (`percentOf`) alike, both in the report's `--rounding` mode.
 *
 * The öre policy: every amount is exact in öre from reading to showing. The only amounts that
 * are not sums of read amounts are derived ones — a periodised budget (rules/periodisation.ts)
 * and a computed forecast (rules/forecast.ts) — and they are rounded to the öre once, half away
 * from zero (`toOre`), whatever `--rounding` says: they are amounts of the model, like the
 * budget an economist would compute with Excel's ROUND, not shown cells; `--rounding` only
 * chooses how the shown cells are rounded from these exact öre values.
 */
import { Decimal } from 'decimal.js';
import { Exact, UNIT_EXPONENT, type Fixed, type Ore, type Unit } from '../core/money.js';

export type RoundingMode = 'half-away-from-zero' | 'half-even';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-away-from-zero', 'half-even'];

/**
 * Each mode as decimal.js names it: ROUND_HALF_UP rounds halves away from zero (Excel's ROUND,
 * published reports), ROUND_HALF_EVEN to the even neighbour (banker's rounding).
 */
const DECIMAL_MODE: Record<RoundingMode, Decimal.Rounding> = {
  'half-away-from-zero': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
};

/** 10^n as an exact decimal (n may be negative). */
const shift = (n: number): Decimal => new Exact(10).pow(n);

/**
 * An exact value rounded to a whole number in `mode`, as a bigint.
 * @example roundedInteger(new Exact('-12.5'), 'half-away-from-zero') // -13n
 * @example roundedInteger(new Exact('-12.5'), 'half-even') // -12n
 */
export function roundedInteger(value: Decimal, mode: RoundingMode): bigint {
  return BigInt(value.toDecimalPlaces(0, DECIMAL_MODE[mode]).toFixed(0));
}

/**
 * A derived amount to the whole öre, halves away from zero: the öre policy for periodised
 * budgets and computed forecasts, independent of `--rounding`.
 * @example toOre(ore(1_000n).times(8).div(12)) // 667 öre: eight twelfths of 10,00 kr is 6,67 kr
 */
export function toOre(amount: Ore): Ore {
  return amount.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/**
 * Rounds an exact amount in öre to `decimals` decimals of `unit` — the one rounding a cell
 * ever gets.
 * @example roundToUnit(ore(4_250_000n), 'tkr', 0, 'half-even') // { value: 42n, decimals: 0 }: 42,5 tkr shows 42
 */
export function roundToUnit(amount: Ore, unit: Unit, decimals: number, mode: RoundingMode): Fixed {
  return { value: roundedInteger(amount.times(shift(decimals - UNIT_EXPONENT[unit])), mode), decimals };
}

/**
 * The exact value of an amount in `unit`, with as few decimals as it needs (no rounding) —
 * more than the unit's öre when the amount has a fraction of an öre.
 * @example exactInUnit(ore(123_400_000n), 'tkr') // { value: 1234n, decimals: 0 }
 * @example exactInUnit(ore('12.5'), 'kr') // { value: 125n, decimals: 3 }: 0,125 kr
 */
export function exactInUnit(amount: Ore, unit: Unit): Fixed {
  const inUnit = amount.times(shift(-UNIT_EXPONENT[unit]));
  const decimals = inUnit.decimalPlaces();
  return { value: BigInt(inUnit.times(shift(decimals)).toFixed(0)), decimals };
}

/** Decimals of a shown percentage. */
export const PERCENT_DECIMALS = 1;

/**
 * A deviation in percent of its budget: deviation / |budget| × 100, from the unrounded öre
 * amounts, rounded once to `decimals` decimals in the report's rounding mode. Dividing by the
 * budget's absolute value keeps the sign of the deviation (positive = better than budget) in
 * both perspectives. Null when the budget is zero (no percentage of nothing).
 * @example percentOf(ore(-2_500n), ore(20_000n), 1, 'half-away-from-zero') // { value: -125n, decimals: 1 }: −12,5 %
 */
export function percentOf(deviation: Ore, budget: Ore, decimals: number, mode: RoundingMode): Fixed | null {
  if (budget.isZero()) return null;
  return { value: roundedInteger(deviation.times(100).div(budget.abs()).times(shift(decimals)), mode), decimals };
}
