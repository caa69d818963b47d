/**
 * Periodisering: how much of an annual budget belongs to months 1..m. Every method rounds
 * the *cumulative* share to the öre (half away from zero, rules/rounding.ts `toOre`), so the
 * ack through month m is round(A · share(1..m)) and the twelve monthly parts, as differences
 * of those, always sum to the annual amount exactly — for amounts not divisible by 12 and
 * negative ones alike. `budgetAck` chooses the method for one budget line (even twelfths,
 * last year's profile, or a periodiseringsnyckel by code or konto) and its fallback: even
 * twelfths when last year has nothing to scale by, or when no key matches.
 */
import type { Decimal } from 'decimal.js';
import { Exact, ZERO, type Ore } from '../core/money.js';
import { toOre } from './rounding.js';

/** Twelve non-negative weights, exact decimals at any common scale (their sum must be positive). */
export type Weights = readonly Decimal[];

/**
 * The part of an annual amount that a share `part / whole` gives, to the öre: round(A · part / whole).
 * The whole share is the annual amount itself, unrounded, so the parts always sum to it — also
 * when it has a fraction of an öre (Excel's General format).
 * @example ackByShare(ore(1_000n), new Exact(62), new Exact(100)) // 620 öre
 * @example ackByShare(ore('12.5'), new Exact(12), new Exact(12)) // 12,5 öre
 */
export function ackByShare(annual: Ore, part: Decimal, whole: Decimal): Ore {
  if (part.eq(whole)) return annual;
  return toOre(annual.times(part).div(whole));
}

/**
 * Budget through month m of an annual amount spread by weights: round(A · Σw[1..m] / Σw).
 * @example ackByWeights(ore(1_200n), [1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0].map((w) => new Exact(w)), 2) // 600 öre
 */
export function ackByWeights(annual: Ore, weights: Weights, m: number): Ore {
  let total: Decimal = ZERO;
  let upTo: Decimal = ZERO;
  weights.forEach((w, i) => {
    total = total.plus(w);
    if (i < m) upTo = upTo.plus(w);
  });
  return ackByShare(annual, upTo, total);
}

const EVEN: Weights = new Array<Decimal>(12).fill(new Exact(1));

/**
 * Budget through month m of an annual amount in even twelfths: round(A · m / 12).
 * @example ackEven(ore(100n), 1) // 8 öre
 */
export function ackEven(annual: Ore, m: number): Ore {
  return ackByWeights(annual, EVEN, m);
}

/**
 * The twelve monthly parts (differences of the cumulative amounts), which sum to `annual`.
 * @example monthlyParts(ore(100n)) // 8, 9, 8, 8, 9, 8, 8, 9, 8, 8, 9, 8 öre
 */
export function monthlyParts(annual: Ore, weights: Weights = EVEN): Ore[] {
  const parts: Ore[] = [];
  let previous = ZERO;
  for (let m = 1; m <= 12; m++) {
    const ack = ackByWeights(annual, weights, m);
    parts.push(ack.minus(previous));
    previous = ack;
  }
  return parts;
}

/**
 * The periodiseringsnyckel entry for a code: the most specific (longest) prefix that matches, or `*`.
 * @example keyFor(new Map([['5', 'a'], ['50', 'b']]), '5011') // 'b'
 */
export function keyFor<T>(keys: ReadonlyMap<string, T>, code: string): T | undefined {
  for (let n = code.length; n >= 1; n--) {
    const hit = keys.get(code.slice(0, n));
    if (hit !== undefined) return hit;
  }
  return keys.get('*');
}

/** How annual budget amounts are spread over the months (`--periodisering`). */
export type Periodisering =
  { kind: 'jamn' } | { kind: 'fg-ar' } | { kind: 'key'; by: 'kod' | 'konto'; weights: ReadonlyMap<string, Weights> };

/** Where a budget line sits: its code, its konto (when the key is by konto), last year's utfall. */
export interface BudgetLine {
  code: string;
  /** The konto of the line ('' when the budget is not read per konto). */
  konto: string;
  /** Last year's utfall for the code through the report month and for the full year, when known. */
  fgAck?: Ore;
  fgHelar?: Ore;
}

/**
 * The part of an annual budget amount that belongs to months 1..`month` under `method`, and
 * whether the method fell back to even twelfths: `fg-ar` does when last year has no full-year
 * utfall for the code to take the profile from (a note names those codes); a key without a
 * matching prefix (nor `*`) also gives twelfths, silently, as documented for keys. A zero
 * amount has nothing to periodise and never falls back.
 * @example budgetAck(ore(1_200n), { kind: 'fg-ar' }, 3, { code: '51', konto: '', fgAck: ore(10n), fgHelar: ore(40n) }) // { ack: 300 öre, fellBack: false }
 */
export function budgetAck(annual: Ore, method: Periodisering, month: number, line: BudgetLine): { ack: Ore; fellBack: boolean } {
  if (annual.isZero()) return { ack: ZERO, fellBack: false };
  if (method.kind === 'key') {
    const w = keyFor(method.weights, method.by === 'konto' ? line.konto : line.code);
    return { ack: w ? ackByWeights(annual, w, month) : ackEven(annual, month), fellBack: false };
  }
  if (method.kind === 'fg-ar') {
    const { fgAck, fgHelar } = line;
    if (fgAck === undefined || fgHelar === undefined || fgHelar.isZero()) return { ack: ackEven(annual, month), fellBack: true };
    return { ack: ackByShare(annual, fgAck, fgHelar), fellBack: false }; // last year's share of the full year through this month
  }
  return { ack: ackEven(annual, month), fellBack: false };
}

/**
 * The one period every dated amount of a budget carries, when there is exactly one: ledger
 * systems store the annual (KF) budget under one date, every row `2024-01-01`, so such a
 * budget is an annual budget, not a budget for that month. Null when the budget has no
 * dated amounts or more than one period (a monthly budget). Amounts without a period are
 * annual already and do not count.
 * @example singleBudgetPeriod(new Map([['51', new Map([['2024-01', ore(5n)]])], ['56', new Map([['2024-01', ore(7n)]])]])) // '2024-01'
 */
export function singleBudgetPeriod(budget: ReadonlyMap<string, ReadonlyMap<string, Ore>>): string | null {
  let only: string | null = null;
  for (const periods of budget.values()) {
    for (const key of periods.keys()) {
      if (!/^\d{4}-\d{2}$/.test(key)) {
        if (key === '') continue;
        return null;
      }
      if (only === null) only = key;
      else if (key !== only) return null;
    }
  }
  return only;
}

/**
 * The budget with the amounts of `period` moved to the annual slot (no period), to be
 * periodised like any annual budget.
 * @example asAnnual(new Map([['51', new Map([['2024-01', ore(5n)], ['', ore(1n)]])]]), '2024-01') // Map { '51' => Map { '' => 6 öre } }
 */
export function asAnnual(budget: ReadonlyMap<string, ReadonlyMap<string, Ore>>, period: string): Map<string, Map<string, Ore>> {
  const out = new Map<string, Map<string, Ore>>();
  for (const [code, periods] of budget) {
    const moved = new Map<string, Ore>();
    for (const [key, amount] of periods) {
      const k = key === period ? '' : key;
      moved.set(k, (moved.get(k) ?? ZERO).plus(amount));
    }
    out.set(code, moved);
  }
  return out;
}
