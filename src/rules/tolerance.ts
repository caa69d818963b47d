/**
 * verify's tolerance: how far a published number may be from what a check computes before
 * it is an error. Every published number was rounded once from an exact amount, so it is
 * off by at most half a unit of its decimals; a check that adds or subtracts rounded
 * numbers may therefore be off by half a unit for each of them. `TERMS` names how many
 * rounded numbers each check involves — always counting the checked cell itself. A
 * published cell compared with the ledger is different: the ledger's exact amount is
 * rounded here, to that cell's own decimals and with the report's rounding mode, and the
 * two must then be equal (`matchesLedger`, no tolerance).
 */
import { pow10, PUBLISHED_SCALE, type Ore, type Unit } from '../core/money.js';
import type { PublishedNumber } from '../core/published.js';
import { roundToUnit, type RoundingMode } from './rounding.js';

/**
 * How many rounded numbers each check involves, the checked cell included. Each one may be
 * off by half a unit, so the check may be off by half a unit per term.
 */
export const TERMS = {
  /** A cell against the ledger: the exact amount is rounded as the cell is, so they must be equal. */
  ledgerCell: 0,
  /** Parent row of a sub-table against the sub-table's Summa: the two totals. */
  parentRow: 2,
  /** A deviation against budget and outcome: the budget, the outcome and the deviation. */
  deviation: 3,
  /** A Summa (or a parent row in an indented hierarchy) against its `rows` rows: the rows and the total. */
  sumOf: (rows: number): number => rows + 1,
  /** A relation `Target = ±A ± B …` of `terms` terms: the terms and the target. */
  relationOf: (terms: number): number => terms + 1,
} as const;

/**
 * What rounding can explain: half a unit of `decimals` for each of `terms` rounded numbers,
 * at the published scale (value × 10^PUBLISHED_SCALE). Published values are integers at that
 * scale, so the result is floored (at four decimals, one term explains nothing). `decimals`
 * is 0…PUBLISHED_SCALE; `terms` ≥ 0 (0: the numbers must be equal).
 *
 * @example
 * // A Summa of two whole-tkr rows (3 rounded numbers) may be off by 1.5 tkr:
 * roundingTolerance(0, TERMS.sumOf(2)); // 15000n (1.5 at scale 4)
 * roundingTolerance(1, TERMS.deviation); // 1500n (0.15)
 * roundingTolerance(1, TERMS.ledgerCell); // 0n
 */
export function roundingTolerance(decimals: number, terms: number): bigint {
  if (!Number.isInteger(terms) || terms < 0) throw new RangeError(`roundingTolerance: terms ${terms}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > PUBLISHED_SCALE)
    throw new RangeError(`roundingTolerance: decimals ${decimals}`);
  return (BigInt(terms) * pow10(PUBLISHED_SCALE - decimals)) / 2n;
}

/**
 * Whether a difference that rounding can explain (within `roundingTolerance`) is still one
 * rounding makes only with very small probability: beyond 3.3 standard deviations of a sum
 * of `terms` independent roundings, each uniform on ±half a unit (σ = unit·√(terms/12)),
 * that is a probability below about 1 in 1 000 (two-sided, normal approximation). Exact:
 * |diff| > 3.3·u·√(n/12) ⇔ 1200·diff² > 1089·n·u². With three terms or fewer the worst case
 * (n·u/2) is inside the bound, so only longer sums can give such a warning.
 *
 * @example
 * // A Summa of 15 whole-tkr rows (16 rounded numbers) off by 4 tkr: within the worst case (8), beyond 3.3σ (3,81).
 * isUnlikelyRounding(40_000n, 0, 16); // true
 * isUnlikelyRounding(30_000n, 0, 16); // false
 */
export function isUnlikelyRounding(diff: bigint, decimals: number, terms: number): boolean {
  const u = pow10(PUBLISHED_SCALE - decimals);
  return 1200n * diff * diff > 1089n * BigInt(terms) * u * u;
}

/**
 * What rounding can explain when the rounded numbers are shown with different decimals
 * (a sub-table with one decimal against its parent row in whole tkr): half a unit of each
 * term's own decimals, summed, at the published scale. Equal decimals give
 * `roundingTolerance(d, n)`.
 *
 * @example
 * roundingToleranceOf([1, 0]); // 5500n: 0,05 + 0,5
 */
export function roundingToleranceOf(decimalsPerTerm: readonly number[]): bigint {
  let units = 0n;
  for (const d of decimalsPerTerm) {
    if (!Number.isInteger(d) || d < 0 || d > PUBLISHED_SCALE) throw new RangeError(`roundingToleranceOf: decimals ${d}`);
    units += pow10(PUBLISHED_SCALE - d);
  }
  return units / 2n;
}

/** An exact ledger amount and the unit the report shows it in. */
export interface LedgerAmount {
  ore: Ore;
  unit: Unit;
}

/**
 * The exact ledger amount as a cell with `decimals` decimals shows it: rounded once, with
 * `mode`, by the same function `report` rounds its cells with — at the published scale.
 *
 * @example
 * ledgerAsPublished({ ore: ore(6_551_770_000n), unit: 'tkr' }, 1, 'half-away-from-zero'); // 655_177_000n (65 517,7 at scale 4)
 */
export function ledgerAsPublished(exact: LedgerAmount, decimals: number, mode: RoundingMode): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > PUBLISHED_SCALE)
    throw new RangeError(`ledgerAsPublished: decimals ${decimals}`);
  const shown = roundToUnit(exact.ore, exact.unit, decimals, mode);
  return shown.value * pow10(PUBLISHED_SCALE - shown.decimals);
}

/**
 * Whether a published cell shows the exact ledger amount: the amount rounded to the cell's
 * own decimals with the report's rounding `mode` must equal the cell (no tolerance). So a
 * whole-tkr table and a one-decimal table in the same file are each held to their own
 * precision.
 *
 * @example
 * const exact = { ore: ore(6_551_770_000n), unit: 'tkr' } as const; // 65 517,70 tkr
 * matchesLedger(exact, { value: 655_177_000n, decimals: 1, percent: false }, 'half-away-from-zero'); // true  (65 517,7)
 * matchesLedger(exact, { value: 655_180_000n, decimals: 0, percent: false }, 'half-away-from-zero'); // true  (65 518)
 * matchesLedger(exact, { value: 655_180_000n, decimals: 1, percent: false }, 'half-away-from-zero'); // false (65 518,0)
 */
export function matchesLedger(exact: LedgerAmount, published: PublishedNumber, mode: RoundingMode): boolean {
  return published.value === ledgerAsPublished(exact, published.decimals, mode);
}
