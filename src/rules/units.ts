/**
 * The unit plausibility rule. A budget template in tkr read as kr (or an utfall in kr read as
 * tkr) gives a report whose every number is wrong by a factor of 1 000 — and it looks like a
 * report. Utfall and budget of one report are of the same order of magnitude (a part of the
 * year against a whole year, over- or underspent), so when the size of one is `MIXED_FACTOR`
 * (300) times the other or more, the units are probably mixed. The size of a ledger is the
 * sum of the absolute totals of its keys (codes, or code and konto), over the whole report, so
 * revenues and costs do not cancel. The rule suggests the unit that brings the smaller input
 * next to the larger one: its unit raised by the nearest power of 1 000 of the factor.
 */
import type { PeriodTotals } from '../core/ledger.js';
import { UNITS, ZERO, type Ore, type Unit } from '../core/money.js';

/** From this factor on, utfall and budget are taken to be in different units. */
export const MIXED_FACTOR = 300n;

/**
 * The size of a ledger: the sum of the absolute totals of its keys, all periods together.
 * @example ledgerSize(new Map([['51', new Map([['2024-01', ore(300n)]])], ['52', new Map([['', ore(-200n)]])]])) // 500 öre
 */
export function ledgerSize(totals: ReadonlyMap<string, ReadonlyMap<string, Ore>> | PeriodTotals): Ore {
  let size = ZERO;
  for (const periods of totals.values()) {
    let t = ZERO;
    for (const a of periods.values()) t = t.plus(a);
    size = size.plus(t.abs());
  }
  return size;
}

/** Which input looks to be in the wrong unit, by what factor, and the unit that would fix it (null beyond mnkr). */
export interface MixedUnits {
  larger: 'utfall' | 'budget';
  smaller: 'utfall' | 'budget';
  /** The larger size over the smaller, rounded down. */
  factor: bigint;
  /** The smaller input's unit raised by the nearest power of 1 000 of the factor, or null when there is none. */
  suggested: Unit | null;
}

/**
 * Whether utfall and budget sizes (`ledgerSize`) differ by `MIXED_FACTOR` or more; null when
 * they do not, or when either is zero (nothing to compare).
 * @example mixedUnits(ore(123_456_700n), ore(123_400n), 'kr') // { larger: 'utfall', smaller: 'budget', factor: 1000n, suggested: 'tkr' }
 * @example mixedUnits(ore(100n), ore(90n), 'kr') // null
 */
export function mixedUnits(utfall: Ore, budget: Ore, smallerUnit: Unit): MixedUnits | null {
  if (!utfall.gt(0) || !budget.gt(0)) return null;
  const [larger, smaller, big, small] = utfall.gte(budget)
    ? (['utfall', 'budget', utfall, budget] as const)
    : (['budget', 'utfall', budget, utfall] as const);
  if (big.lt(small.times(MIXED_FACTOR.toString()))) return null;
  const factor = BigInt(big.div(small).floor().toFixed(0));
  // The nearest power of 1 000: 300 … 299 999 → one step (kr → tkr), 300 000 … → two.
  let steps = 0;
  for (let f = factor * 10n; f >= 3000n; f /= 1000n) steps++;
  const index = UNITS.indexOf(smallerUnit) + steps;
  return { larger, smaller, factor, suggested: UNITS[index] ?? null };
}
