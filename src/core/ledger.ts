/**
 * Totals as the reader produces them — code → period → öre, in ledger sign (costs +) — and
 * the exact operations reports need on them: summing several files and collapsing
 * periods into one total per code.
 */
import { ZERO, type Ore } from './money.js';

/** Code → period (`YYYY-MM`; `YYYY` for a whole year; `Mmm` for a month of no stated year; '' for none) → öre. */
export type PeriodTotals = Map<string, Map<string, Ore>>;

/** Adds `from` into `into` (exact). */
export function addInto(into: PeriodTotals, from: ReadonlyMap<string, ReadonlyMap<string, Ore>>): PeriodTotals {
  for (const [code, periods] of from) {
    let target = into.get(code);
    if (target === undefined) {
      target = new Map();
      into.set(code, target);
    }
    for (const [period, amount] of periods) target.set(period, (target.get(period) ?? ZERO).plus(amount));
  }
  return into;
}

/** One total per code, all periods together. */
export function totalPerCode(totals: ReadonlyMap<string, ReadonlyMap<string, Ore>>): Map<string, Ore> {
  const out = new Map<string, Ore>();
  for (const [code, periods] of totals) {
    let t = ZERO;
    for (const amount of periods.values()) t = t.plus(amount);
    out.set(code, t);
  }
  return out;
}

/** The latest calendar year among the periods (`YYYY-MM` or `YYYY`), or '' when none has a year. */
export function latestYear(totals: ReadonlyMap<string, ReadonlyMap<string, Ore>>): string {
  let year = '';
  for (const periods of totals.values()) {
    for (const p of periods.keys()) {
      if (/^\d{4}/.test(p) && p.slice(0, 4) > year) year = p.slice(0, 4);
    }
  }
  return year;
}

/** Separates the code from the detail value (konto) in the keys of a read with `detail`. */
export const DETAIL_SEPARATOR = '\u0001';
