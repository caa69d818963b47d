/**
 * From exact tables to shown tables: every amount cell is rounded once, from its exact
 * value, in the chosen unit, decimals and rounding mode (or converted exactly with
 * `--exact`). The Summa is the rounded exact total, as published reports show it, so it
 * may differ from the sum of the rounded rows; each such difference becomes a note.
 * The deviation in percent is computed here from unrounded amounts, rounded in the same mode.
 * What a cell holds follows its column's kind in the registry (report/columns.ts).
 */
import { exactInUnit, PERCENT_DECIMALS, percentOf, roundToUnit, type RoundingMode } from '../rules/rounding.js';
import { type Fixed, type Ore } from '../core/money.js';
import { columnDef, percentBasis } from './columns.js';
import type { AmountColumn, Amounts, ColumnId, Display, ReportKind, ReportTable, ResultatRow, Title } from './model.js';

/** A shown cell: an amount or a percentage (already rounded), a text, or nothing. */
export type ShownCell = { kind: 'amount' | 'percent'; value: Fixed } | { kind: 'text'; text: string } | null;

export interface ShownRow {
  kod: string;
  namn: string | null;
  /** The row's label id where it has one instead of a code and name (the Resultat rows). */
  label: ResultatRow | null;
  varav: boolean;
  /** The number of rows summed into an "Övriga" row, or null for any other row. */
  others: number | null;
  cells: Partial<Record<ColumnId, ShownCell>>;
}

/** An amount column whose shown rows do not add up to its shown Summa. */
export interface RoundingDifference {
  column: AmountColumn;
  /** The sum of the shown (rounded) rows. */
  rowsSum: Fixed;
  summa: Fixed;
}

export interface ShownTable {
  id: string;
  title: Title;
  dimension: string;
  columns: ColumnId[];
  rows: ShownRow[];
  summa: Partial<Record<ColumnId, ShownCell>>;
  summaLabel: 'summa' | 'resultat';
  showCodes: boolean;
  rowHeading: 'dimension' | 'unit';
  roundingDifferences: RoundingDifference[];
}

export function shownValue(ore: Ore, display: Display): Fixed {
  return display.exact ? exactInUnit(ore, display.unit) : roundToUnit(ore, display.unit, display.decimals, display.rounding);
}

/**
 * A percent cell: the deviation the column divides in this report kind as a share of its
 * budget (registry `percentOf`, e.g. prognosavvikelse / |budget helår| in a monthly report),
 * by rules/rounding.ts `percentOf`, one decimal in the report's rounding mode. Null without
 * a basis in this report kind, a deviation or a budget.
 * @example deviationPercent('avvikelse_procent', 'drift', { budget: 80n, avvikelse: 1n }, 'half-even') // { value: 12n, decimals: 1 }
 */
export function deviationPercent(column: ColumnId, report: ReportKind, values: Amounts, rounding: RoundingMode): Fixed | null {
  const basis = percentBasis(column, report);
  if (basis === null) return null;
  const deviation = values[basis.deviation];
  const budget = values[basis.budget];
  if (deviation === null || deviation === undefined || budget === null || budget === undefined) return null;
  return percentOf(deviation, budget, PERCENT_DECIMALS, rounding);
}

/** A line's cells by column kind: amounts rounded, percentages computed, the text column the row's comment. */
function cells(
  values: Amounts,
  kommentar: string | null,
  report: ReportKind,
  columns: ColumnId[],
  display: Display,
): Partial<Record<ColumnId, ShownCell>> {
  const out: Partial<Record<ColumnId, ShownCell>> = {};
  for (const c of columns) {
    switch (columnDef(c).kind) {
      case 'text':
        out[c] = kommentar === null ? null : { kind: 'text', text: kommentar };
        break;
      case 'percent': {
        const p = deviationPercent(c, report, values, display.rounding);
        out[c] = p === null ? null : { kind: 'percent', value: p };
        break;
      }
      case 'amount':
      case 'deviation': {
        const v = values[c as AmountColumn];
        out[c] = v === null || v === undefined ? null : { kind: 'amount', value: shownValue(v, display) };
        break;
      }
    }
  }
  return out;
}

/** Whether a column holds amounts (plain or deviation), whose rounded rows may not add up to the rounded Summa. */
const holdsAmounts = (c: ColumnId): c is AmountColumn => {
  const kind = columnDef(c).kind;
  return kind === 'amount' || kind === 'deviation';
};

export function presentTable(table: ReportTable, display: Display): ShownTable {
  const rows = table.rows.map((r) => ({
    kod: r.kod,
    namn: r.namn,
    label: r.label ?? null,
    varav: r.varav ?? false,
    others: r.others ?? null,
    cells: cells(r.values, r.kommentar, table.report, table.columns, display),
  }));
  const summa = cells(table.summa, null, table.report, table.columns, display);
  const roundingDifferences: RoundingDifference[] = [];
  if (!display.exact) {
    for (const column of table.columns) {
      if (!holdsAmounts(column)) continue;
      const s = summa[column];
      if (!s || s.kind !== 'amount') continue;
      let total = 0n;
      let complete = true;
      for (const r of rows) {
        if (r.varav) continue;
        const cell = r.cells[column];
        if (!cell || cell.kind !== 'amount') complete = false;
        else total += cell.value.value;
      }
      if (complete && total !== s.value.value) {
        roundingDifferences.push({ column, rowsSum: { value: total, decimals: display.decimals }, summa: s.value });
      }
    }
  }
  return {
    id: table.id,
    title: table.title,
    dimension: table.dimension,
    columns: table.columns,
    rows,
    summa,
    summaLabel: table.summaLabel ?? 'summa',
    showCodes: table.showCodes ?? true,
    rowHeading: table.rowHeading ?? 'dimension',
    roundingDifferences,
  };
}

export function presentReport(tables: ReportTable[], display: Display): ShownTable[] {
  return tables.map((t) => presentTable(t, display));
}
