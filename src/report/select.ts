/**
 * Which rows a table shows, and in what order (`--sort`, `--top`, `--min-avvikelse`). The
 * rows left out are not dropped: they are summed, exactly, into one row "Övriga (N …)" placed
 * last, so the table still adds up to the same Summa (each cell of that row is rounded once,
 * like any other, in present.ts). A table whose rows are not codes (the Resultat summary) is
 * left as it is.
 */
import { compareCodes } from '../core/codes.js';
import { Exact, type Ore } from '../core/money.js';
import { AvvikelseError } from '../errors.js';
import type { AmountColumn, Amounts, Display, ReportKind, ReportRow, ReportTable } from './model.js';
import { shownValue } from './present.js';

export const SORT_KEYS = ['avvikelse', 'kod', 'namn', 'utfall', 'budget', 'prognosavvikelse'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** What `--sort`, `--top` and `--min-avvikelse` ask for. */
export interface RowSelection {
  sort: SortKey | null;
  /** Show at most this many rows (the rest summed into Övriga). */
  top: number | null;
  /** Leave out rows whose deviation, in the shown unit and rounding, is smaller than this in absolute value (a decimal text). */
  minAvvikelse: string | null;
}

/**
 * The amount column a sort key (and `--min-avvikelse`, as `avvikelse`) compares in each report
 * kind: the deviation is the report's own (Avvikelse, Avvikelse ack, Nettoavvikelse).
 */
const SORT_COLUMN: Record<Exclude<SortKey, 'kod' | 'namn'>, Partial<Record<ReportKind, AmountColumn>>> = {
  avvikelse: { drift: 'avvikelse', manad: 'avvikelse_ack', analys: 'nettoavvikelse' },
  utfall: { drift: 'utfall', manad: 'utfall_ack' },
  budget: { drift: 'budget', manad: 'budget_helar' },
  prognosavvikelse: { manad: 'prognosavvikelse' },
};

/**
 * Whether a sort key can order a report kind's rows.
 * @example sortable('prognosavvikelse', 'drift') // false
 */
export function sortable(key: SortKey, kind: ReportKind): boolean {
  return key === 'kod' || key === 'namn' || SORT_COLUMN[key][kind] !== undefined;
}

/** An amount of a row (null: no value; sorted last). */
const amountOf = (r: ReportRow, column: AmountColumn): Ore | null => r.values[column] ?? null;

/** Orders rows: deviations smallest (largest underskott) first, utfall and budget largest first, codes and names ascending. */
function sorted(rows: ReportRow[], key: SortKey, kind: ReportKind): ReportRow[] {
  if (key === 'kod') return [...rows].sort((a, b) => compareCodes(a.kod, b.kod));
  if (key === 'namn') {
    return [...rows].sort((a, b) => (a.namn ?? a.kod).localeCompare(b.namn ?? b.kod, 'sv') || compareCodes(a.kod, b.kod));
  }
  const column = SORT_COLUMN[key][kind];
  if (column === undefined) throw new AvvikelseError('OPTION_INVALID', { option: '--sort', value: key, expected: 'sortKind' });
  const descending = key === 'utfall' || key === 'budget';
  return [...rows].sort((a, b) => {
    const x = amountOf(a, column);
    const y = amountOf(b, column);
    if (x === null || y === null) return x === null && y === null ? compareCodes(a.kod, b.kod) : x === null ? 1 : -1;
    const order = descending ? y.comparedTo(x) : x.comparedTo(y);
    return order !== 0 ? order : compareCodes(a.kod, b.kod);
  });
}

/** The exact sum of the rows' amounts, column by column; a column some row has no value in has none. */
function summed(rows: readonly ReportRow[]): Amounts {
  const out: Amounts = {};
  const columns = new Set(rows.flatMap((r) => Object.keys(r.values) as AmountColumn[]));
  for (const c of columns) {
    let total: Ore | null = new Exact(0);
    for (const r of rows) {
      const v = r.values[c];
      total = v === null || v === undefined || total === null ? null : total.plus(v);
    }
    out[c] = total;
  }
  return out;
}

/** Whether a row's deviation, as shown, is at least `min` in absolute value (a row without one is kept). */
function largeEnough(r: ReportRow, column: AmountColumn | undefined, min: InstanceType<typeof Exact>, display: Display): boolean {
  const v = column === undefined ? null : amountOf(r, column);
  if (v === null) return true;
  const shown = shownValue(v, display);
  return new Exact(shown.value.toString()).div(new Exact(10).pow(shown.decimals)).abs().gte(min);
}

/**
 * A table's rows in the asked order, the rows `--top`/`--min-avvikelse` leave out summed into
 * one row (its `others` the number of rows in it). Varav rows and tables of labelled rows stay.
 * @example selectRows(table, { sort: 'avvikelse', top: 5, minAvvikelse: null }, display)
 */
export function selectRows(table: ReportTable, selection: RowSelection, display: Display): ReportTable {
  if (table.showCodes === false || table.rows.some((r) => r.varav === true || r.label !== undefined)) return table;
  const sort = selection.sort ?? (selection.top !== null ? 'avvikelse' : null);
  let rows = sort === null ? table.rows : sorted(table.rows, sort, table.report);
  const hidden: ReportRow[] = [];
  if (selection.minAvvikelse !== null) {
    const min = new Exact(selection.minAvvikelse).abs();
    const column = SORT_COLUMN.avvikelse[table.report];
    hidden.push(...rows.filter((r) => !largeEnough(r, column, min, display)));
    rows = rows.filter((r) => largeEnough(r, column, min, display));
  }
  if (selection.top !== null && rows.length > selection.top) {
    hidden.push(...rows.slice(selection.top));
    rows = rows.slice(0, selection.top);
  }
  if (hidden.length === 0) return { ...table, rows };
  const others: ReportRow = { kod: 'ovriga', namn: null, values: summed(hidden), kommentar: null, others: hidden.length };
  return { ...table, rows: [...rows, others] };
}

/** Every table with its rows selected. */
export function selectReport(tables: ReportTable[], selection: RowSelection, display: Display): ReportTable[] {
  if (selection.sort === null && selection.top === null && selection.minAvvikelse === null) return tables;
  return tables.map((t) => selectRows(t, selection, display));
}
