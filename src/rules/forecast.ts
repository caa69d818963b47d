/**
 * Helårsprognos per code, to the öre (half away from zero), from exact inputs:
 * - `budget`: utfall ack + the budget that remains (budget helår − budget ack);
 * - `linjar`: utfall ack × 12 / months;
 * - `fg-ar`: utfall ack × last year's full year / last year's ack for the same months.
 * Rolled-up rows sum the forecasts of their codes.
 */
import type { Ore } from '../core/money.js';
import { halfAwayFromZero } from './rounding.js';

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

export function prognosBudget(p: PrognosInput): Ore {
  return p.utfallAck + (p.budgetHelar - p.budgetAck);
}

export function prognosLinjar(p: PrognosInput): Ore {
  return halfAwayFromZero(p.utfallAck * 12n, BigInt(p.month));
}

/** Last year's profile, or null when last year has nothing through this month to scale by. */
export function prognosFgAr(p: PrognosInput): Ore | null {
  if (p.fgAck === undefined || p.fgHelar === undefined || p.fgAck === 0n) return null;
  return halfAwayFromZero(p.utfallAck * p.fgHelar, p.fgAck);
}
