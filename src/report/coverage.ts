/**
 * What a report covers: the report's year, the months of it the utfall holds, and the
 * amounts of other years that are left out. A report sums one year; rows dated in another
 * year are never summed in silently — they are taken out here and counted per year for a
 * warning. Periods without a year (`''`, an annual amount; `Mmm`, a month column of no
 * stated year) belong to every year and are always kept.
 */
import { ZERO, type Ore } from '../core/money.js';
import { DETAIL_SEPARATOR, type PeriodTotals } from '../core/ledger.js';
import { monthIn } from '../core/periods.js';
import { message } from './messages.js';
import type { Message } from './model.js';

/** The amounts of one other year that a file holds: how many rows and codes, which months, their net sum (ledger sign). */
export interface OtherYear {
  year: number;
  rows: number;
  codes: number;
  first: number;
  last: number;
  amount: Ore;
}

/**
 * The totals of `year` (and those of no year), and per other year what was left out.
 * @example inYear(new Map([['51', new Map([['2023-12', ore(5n)], ['2024-01', ore(7n)]])]]), 2024).kept // Map { '51' => Map { '2024-01' => 7 öre } }
 */
export function inYear(
  totals: PeriodTotals,
  year: number,
  rowsByPeriod: ReadonlyMap<string, number> = new Map(),
): { kept: PeriodTotals; others: OtherYear[] } {
  const kept: PeriodTotals = new Map();
  const others = new Map<number, OtherYear & { codeSet: Set<string> }>();
  for (const [code, periods] of totals) {
    const mine = new Map<string, Ore>();
    for (const [key, amount] of periods) {
      if (monthIn(key, year) >= 0) {
        mine.set(key, amount);
        continue;
      }
      const y = Number(key.slice(0, 4));
      const m = Number(key.slice(5, 7));
      let o = others.get(y);
      if (!o) others.set(y, (o = { year: y, codes: 0, first: m, last: m, amount: ZERO, rows: 0, codeSet: new Set() }));
      o.codeSet.add(code.split(DETAIL_SEPARATOR)[0] as string);
      o.first = Math.min(o.first, m);
      o.last = Math.max(o.last, m);
      o.amount = o.amount.plus(amount);
    }
    if (mine.size > 0) kept.set(code, mine);
  }
  for (const [key, n] of rowsByPeriod) {
    const o = monthIn(key, year) < 0 ? others.get(Number(key.slice(0, 4))) : undefined;
    if (o) o.rows += n;
  }
  const list = [...others.values()].map(({ codeSet, ...o }) => ({ ...o, codes: codeSet.size })).sort((a, b) => a.year - b.year);
  return { kept, others: list };
}

/**
 * The totals of several files restricted to `year`, summed, with a warning per file and other
 * year that names the codes counted, the months and the amount left out.
 */
export function keepYear(
  files: readonly { file: string; totals: PeriodTotals; rowsByPeriod?: ReadonlyMap<string, number> }[],
  year: number,
  messages: Message[],
): PeriodTotals {
  const out: PeriodTotals = new Map();
  for (const f of files) {
    const { kept, others } = inYear(f.totals, year, f.rowsByPeriod);
    for (const o of others) {
      messages.push(
        message('otherYears', {
          file: f.file,
          year: o.year,
          reportYear: year,
          rows: o.rows,
          codes: o.codes,
          first: o.first,
          last: o.last,
          amount: o.amount,
        }),
      );
    }
    for (const [code, periods] of kept) {
      let target = out.get(code);
      if (!target) out.set(code, (target = new Map<string, Ore>()));
      for (const [p, a] of periods) target.set(p, (target.get(p) ?? ZERO).plus(a));
    }
  }
  return out;
}

/** The first and last month (1..12) of `year` with an amount in the totals, or null when none is dated. */
export function monthsCovered(totals: PeriodTotals, year: number): { first: number; last: number } | null {
  let first = 13;
  let last = 0;
  for (const periods of totals.values()) {
    for (const key of periods.keys()) {
      const m = monthIn(key, year);
      if (m < 1) continue;
      first = Math.min(first, m);
      last = Math.max(last, m);
    }
  }
  return last === 0 ? null : { first, last };
}

/**
 * Whether a budget holds amounts outside months `first`..`last` of its year: an annual
 * amount (no period) or another month. Such a budget compared with utfall of those months
 * sets a full year against part of one.
 * @example reachesBeyond(new Map([['51', new Map([['', ore(1200n)]])]]), 2024, { first: 1, last: 8 }) // true
 */
export function reachesBeyond(budget: PeriodTotals, year: number, span: { first: number; last: number }): boolean {
  for (const periods of budget.values()) {
    for (const [key, amount] of periods) {
      const m = monthIn(key, year);
      if (!amount.isZero() && m >= 0 && (m < span.first || m > span.last)) return true;
    }
  }
  return false;
}

/** Whether a budget holds an annual amount (no period) to periodise. */
export function hasAnnual(budget: PeriodTotals): boolean {
  for (const periods of budget.values()) if (!(periods.get('') ?? ZERO).isZero()) return true;
  return false;
}
