/**
 * Helårsprognos per code, to the öre (half away from zero, rules/rounding.ts `toOre`), from
 * exact inputs:
 * - `budget`: utfall ack + the budget that remains (budget helår − budget ack);
 * - `linjar`: utfall ack × 12 / months;
 * - `fg-ar`: utfall ack × last year's full year / last year's ack for the same months, falling
 *   back to the `budget` method for a code where last year has nothing through this month.
 * `forecast` makes that choice. Rolled-up rows sum the forecasts of their codes; a manual
 * forecast replaces the computed ones of its subtree (rules/subtree.ts).
 */
import type { Ore } from '../core/money.js';
import { toOre } from './rounding.js';

export type PrognosMetod = 'budget' | 'linjar' | 'fg-ar';
export const PROGNOS_METODER: readonly PrognosMetod[] = ['budget', 'linjar', 'fg-ar'];

export interface PrognosInput {
  utfallAck: Ore;
  budgetHelar: Ore;
  budgetAck: Ore;
  /** Month of the report (1..12). */
  month: number;
  /** Last year's utfall through the same month and for the full year, when known. */
  fgAck?: Ore;
  fgHelar?: Ore;
}

/**
 * The `budget` method: utfall ack + the budget that remains for the rest of the year.
 * @example prognosBudget({ utfallAck: ore(500n), budgetHelar: ore(1_200n), budgetAck: ore(800n), month: 8 }) // 900 öre
 */
export function prognosBudget(p: PrognosInput): Ore {
  return p.utfallAck.plus(p.budgetHelar.minus(p.budgetAck));
}

/**
 * The `linjar` method: the year-to-date pace for twelve months.
 * @example prognosLinjar({ utfallAck: ore(800n), budgetHelar: ZERO, budgetAck: ZERO, month: 8 }) // 1 200 öre
 */
export function prognosLinjar(p: PrognosInput): Ore {
  return toOre(p.utfallAck.times(12).div(p.month));
}

/**
 * Last year's profile, or null when last year has nothing through this month to scale by.
 * @example prognosFgAr({ utfallAck: ore(500n), budgetHelar: ZERO, budgetAck: ZERO, month: 8, fgAck: ore(400n), fgHelar: ore(600n) }) // 750 öre
 */
export function prognosFgAr(p: PrognosInput): Ore | null {
  if (p.fgAck === undefined || p.fgHelar === undefined || p.fgAck.isZero()) return null;
  return toOre(p.utfallAck.times(p.fgHelar).div(p.fgAck));
}

/**
 * The forecast of one code by `method`, and whether it fell back: `fg-ar` falls back to the
 * `budget` method where last year has no utfall through this month to scale by (a note names
 * those codes); `budget` and `linjar` always apply.
 * @example forecast('fg-ar', { utfallAck: ore(500n), budgetHelar: ore(1_200n), budgetAck: ore(800n), month: 8 }) // { prognos: 900 öre, fellBack: true }
 */
export function forecast(method: PrognosMetod, input: PrognosInput): { prognos: Ore; fellBack: boolean } {
  if (method === 'linjar') return { prognos: prognosLinjar(input), fellBack: false };
  if (method === 'fg-ar') {
    const p = prognosFgAr(input);
    if (p === null) return { prognos: prognosBudget(input), fellBack: true };
    return { prognos: p, fellBack: false };
  }
  return { prognos: prognosBudget(input), fellBack: false };
}
