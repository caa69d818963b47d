/**
 * verify (e): every cell of the published tables against the exact amounts `avvikelse
 * report` computes from the ledger with the same options. Tables are paired in the order the
 * report prints them (main table, then each `--sub`), rows by their leading code (or, for
 * tables that show names only, by name), columns by their heading in Swedish or English or
 * their JSON id. Each published cell is compared with the exact amount rounded to that
 * cell's own decimals with the report's rounding mode (`matchesLedger`), so a whole-tkr
 * table and a one-decimal table in the same file are each held to their own precision;
 * both are rounded once from the same exact amount, so they must be equal: no tolerance.
 */
import type { Unit } from '../../core/money.js';
import type { RoundingMode } from '../../rules/rounding.js';
import { ledgerAsPublished, matchesLedger, TERMS } from '../../rules/tolerance.js';
import { AMOUNT_COLUMNS, type AmountColumn } from '../columns.js';
import type { Amounts, ReportRow, ReportTable } from '../model.js';
import { placeOf, type Checker } from './checker.js';
import { columnIdOf, type ColumnLabels } from './headers.js';
import type { VerifyRow, VerifyTable } from './structure.js';

/** How the report shows its amounts: the unit, and how each cell is rounded. */
export interface LedgerDisplay {
  unit: Unit;
  rounding: RoundingMode;
}

const isAmountColumn = (id: string): id is AmountColumn => (AMOUNT_COLUMNS as readonly string[]).includes(id);

/** The report row a published row stands for: by leading code, else by name. */
function match(row: VerifyRow, rows: ReportRow[]): ReportRow | null {
  const code = /^(\S+)(\s|$)/.exec(row.label)?.[1];
  const byCode = code ? rows.find((s) => s.kod === code) : undefined;
  if (byCode) return byCode;
  const name = row.label.toLowerCase();
  return rows.find((s) => s.namn?.toLowerCase() === name) ?? null;
}

/**
 * Compares every published amount cell with the exact report (`runReport`'s unrounded
 * tables): findings go to `checker`, `basis` names the ledger in the messages.
 */
export function compareWithLedger(
  published: VerifyTable[],
  report: ReportTable[],
  display: LedgerDisplay,
  checker: Checker,
  labels: ColumnLabels,
  basis: string,
): void {
  published.forEach((t, i) => {
    const exact = report[i];
    if (!exact) return;
    const columns: { c: number; id: AmountColumn }[] = [];
    for (const c of t.amountColumns) {
      const id = columnIdOf(t.header[c] ?? '', labels);
      if (id !== null && isAmountColumn(id) && exact.columns.includes(id)) columns.push({ c, id });
    }
    const seen = new Set<ReportRow>();
    for (const row of t.rows) {
      let values: Amounts | null = null;
      if (row.kind === 'summa') values = exact.summa;
      else if (row.kind === 'data') {
        const m = match(row, exact.rows);
        if (m) {
          seen.add(m);
          values = m.values;
        } else {
          checker.missing(t, {
            type: 'rad',
            ...placeOf(t),
            table: t.title,
            line: row.line,
            row: row.label,
            column: '',
            expected: null,
            found: null,
            terms: 0,
            basis: 'not-in-ledger',
            decimals: 0,
          });
        }
      }
      if (!values) continue;
      for (const { c, id } of columns) {
        const ore = values[id];
        const cell = row.values[c];
        if (ore === null || ore === undefined || cell === null || cell === undefined) continue;
        const amount = { ore, unit: display.unit };
        if (matchesLedger(amount, cell, display.rounding)) checker.passed(t);
        else checker.compare(t, row, c, ledgerAsPublished(amount, cell.decimals, display.rounding), 'ledger', TERMS.ledgerCell, basis);
      }
    }
    for (const s of exact.rows) {
      if (seen.has(s)) continue;
      const label = s.namn ? `${s.kod} ${s.namn}` : s.kod;
      checker.missing(t, {
        type: 'rad',
        ...placeOf(t),
        table: t.title,
        line: t.line,
        row: label,
        column: '',
        expected: null,
        found: null,
        terms: 0,
        basis: 'missing-in-table',
        decimals: 0,
      });
    }
  });
}
