/**
 * verify (e): every cell of the published tables against what `avvikelse report` computes
 * from the ledger with the same options. Tables are paired in the order the report prints
 * them (main table, then each `--sub`), rows by their leading code (or, for tables that
 * show names only, by name), columns by their heading in Swedish or English or their JSON
 * id. Both sides are rounded once from exact amounts, so they must be equal: no tolerance.
 */
import type { Fixed } from '../core/money.js';
import type { Texts } from '../i18n/texts.js';
import { normaliseHeader } from '../core/text.js';
import { PUBLISHED_SCALE } from '../core/money.js';
import type { ColumnId } from './model.js';
import type { ShownCell, ShownRow, ShownTable } from './present.js';
import type { Checker, VerifyRow, VerifyTable } from './verify.js';

const toScale = (f: Fixed): bigint => f.value * 10n ** BigInt(PUBLISHED_SCALE - f.decimals);

function columnFor(header: string, columns: ColumnId[], all: Texts[]): ColumnId | null {
  const h = normaliseHeader(header);
  return columns.find((id) => normaliseHeader(id) === h || all.some((t) => normaliseHeader(t.columns[id]) === h)) ?? null;
}

/** The report row a published row stands for: by leading code, else by name. */
function match(row: VerifyRow, shown: ShownRow[]): ShownRow | null {
  const code = /^(\S+)(\s|$)/.exec(row.label)?.[1];
  const byCode = code ? shown.find((s) => s.kod === code) : undefined;
  if (byCode) return byCode;
  const name = row.label.toLowerCase();
  return shown.find((s) => s.namn?.toLowerCase() === name) ?? null;
}

export function compareWithLedger(published: VerifyTable[], report: ShownTable[], checker: Checker, all: Texts[], ledgerLabel: string): void {
  published.forEach((t, i) => {
    const shown = report[i];
    if (!shown) return;
    const columns = t.amountColumns.map((c) => ({ c, id: columnFor(t.header[c] ?? '', shown.columns, all) })).filter((x) => x.id !== null);
    const seen = new Set<ShownRow>();
    for (const row of t.rows) {
      let cells: Partial<Record<ColumnId, ShownCell>> | null = null;
      if (row.kind === 'summa') cells = shown.summa;
      else if (row.kind === 'data') {
        const m = match(row, shown.rows);
        if (m) {
          seen.add(m);
          cells = m.cells;
        } else {
          checker.missing({ type: 'rad', file: t.file, table: t.title, line: row.line, row: row.label, column: '', expected: null, found: null, terms: 0, basis: 'not-in-ledger', decimals: 0 });
        }
      }
      if (!cells) continue;
      for (const { c, id } of columns) {
        const cell = cells[id as ColumnId];
        if (!cell || cell.kind === 'text' || row.values[c] === null) continue;
        checker.compare(t, row, c, toScale(cell.value), 'ledger', 1, ledgerLabel);
      }
    }
    for (const s of shown.rows) {
      if (seen.has(s)) continue;
      const label = s.namn ? `${s.kod} ${s.namn}` : s.kod;
      checker.missing({ type: 'rad', file: t.file, table: t.title, line: t.line, row: label, column: '', expected: null, found: null, terms: 0, basis: 'missing-in-table', decimals: 0 });
    }
  });
}
