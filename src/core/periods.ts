/**
 * Periods in a report year. Totals carry periods as `YYYY-MM`, `YYYY` (a year: an annual
 * amount of that year), `Mmm` (a month column with no year, taken as the report year) or ''
 * (no period: an annual amount of the report year).
 * A monthly report through month m of year Y uses the utfall of Y's months 1..m.
 */
import { ZERO, type Ore } from './money.js';

export interface ReportPeriod {
  year: number;
  /** 1..12 */
  month: number;
}

/** `2024-08` → { year: 2024, month: 8 }. */
export function reportPeriod(p: string): ReportPeriod {
  return { year: Number(p.slice(0, 4)), month: Number(p.slice(5, 7)) };
}

/**
 * The month (1..12) of a period key in year `year`; 0 for an annual amount (`''`, or `YYYY`
 * of that year); -1 for another year.
 * @example monthIn('2024', 2024) // 0
 */
export function monthIn(key: string, year: number): number {
  if (key === '') return 0;
  if (key.charCodeAt(0) === 0x4d /* M */) return Number(key.slice(1));
  if (Number(key.slice(0, 4)) !== year) return -1;
  return key.length === 4 ? 0 : Number(key.slice(5, 7));
}

/** Per-code amounts split by month of one year: index 0 the annual (unperiodised) amount, 1..12 the months. */
export type MonthArray = Ore[];

/** The amounts of `year` per code, as 13-slot arrays (0 = annual, 1..12 = months); other years are left out. */
export function monthsOfYear(totals: ReadonlyMap<string, ReadonlyMap<string, Ore>>, year: number): Map<string, MonthArray> {
  const out = new Map<string, MonthArray>();
  for (const [code, periods] of totals) {
    let arr: MonthArray | undefined;
    for (const [key, amount] of periods) {
      const m = monthIn(key, year);
      if (m < 0) continue;
      arr ??= new Array<Ore>(13).fill(ZERO);
      arr[m] = (arr[m] as Ore).plus(amount);
    }
    if (arr) out.set(code, arr);
  }
  return out;
}

/** Sum of months 1..m (the annual slot excluded). */
export function ackThrough(months: MonthArray, m: number): Ore {
  let t = ZERO;
  for (let i = 1; i <= m; i++) t = t.plus(months[i] as Ore);
  return t;
}

/** Sum of every slot: the full year. */
export function fullYear(months: MonthArray): Ore {
  let t = ZERO;
  for (const a of months) t = t.plus(a);
  return t;
}

/** The first and last `YYYY-MM` period in the totals, or null when there is none. */
export function periodRange(totals: ReadonlyMap<string, ReadonlyMap<string, Ore>>): { first: string; last: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const periods of totals.values()) {
    for (const key of periods.keys()) {
      if (!/^\d{4}-\d{2}$/.test(key)) continue;
      if (first === null || key < first) first = key;
      if (last === null || key > last) last = key;
    }
  }
  return first === null || last === null ? null : { first, last };
}
