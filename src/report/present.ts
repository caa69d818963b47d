/**
 * From exact tables to shown tables: every cell is rounded once, from its exact value, in
 * the chosen unit, decimals and rounding mode (or converted exactly with `--exact`). The
 * Summa is the rounded exact total, as published reports show it, so it may differ from
 * the sum of the rounded rows; each such difference becomes a note naming the column.
 */
import { exactInUnit, roundToUnit, type Fixed, type Ore } from '../data/money.js';
import type { ColumnId, Display, Report, ReportTable } from './model.js';

export interface ShownRow {
  kod: string;
  namn: string | null;
  values: Record<ColumnId, Fixed>;
}

/** A column whose shown rows do not add up to its shown Summa. */
export interface RoundingDifference {
  column: ColumnId;
  /** The sum of the shown (rounded) rows. */
  rowsSum: Fixed;
  summa: Fixed;
}

export interface ShownTable {
  id: string;
  title: string;
  dimension: string;
  columns: ColumnId[];
  rows: ShownRow[];
  summa: Record<ColumnId, Fixed>;
  roundingDifferences: RoundingDifference[];
}

export function shownValue(ore: Ore, display: Display): Fixed {
  return display.exact ? exactInUnit(ore, display.unit) : roundToUnit(ore, display.unit, display.decimals, display.rounding);
}

function shownValues(values: Record<ColumnId, Ore>, columns: ColumnId[], display: Display): Record<ColumnId, Fixed> {
  const out = {} as Record<ColumnId, Fixed>;
  for (const c of columns) out[c] = shownValue(values[c], display);
  return out;
}

export function presentTable(table: ReportTable, display: Display): ShownTable {
  const rows = table.rows.map((r) => ({ kod: r.kod, namn: r.namn, values: shownValues(r.values, table.columns, display) }));
  const summa = shownValues(table.summa, table.columns, display);
  const roundingDifferences: RoundingDifference[] = [];
  if (!display.exact) {
    for (const column of table.columns) {
      let total = 0n;
      for (const r of rows) total += r.values[column].value;
      if (total !== summa[column].value) {
        roundingDifferences.push({ column, rowsSum: { value: total, decimals: display.decimals }, summa: summa[column] });
      }
    }
  }
  return { id: table.id, title: table.title, dimension: table.dimension, columns: table.columns, rows, summa, roundingDifferences };
}

export function presentReport(report: Report, display: Display): ShownTable[] {
  return report.tables.map((t) => presentTable(t, display));
}
