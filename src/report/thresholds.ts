/**
 * CI thresholds (`--fail-on 'prognosavvikelse<-5000'`): conditions on a column, in the
 * shown unit, checked against the shown (rounded) cells of every row and Summa — the
 * numbers the reader of the report sees. A cell without a value never crosses a threshold.
 * Parsing `--fail-on` is the option's business (cli/values.ts `threshold`).
 */
import type { ColumnId } from './columns.js';
import type { ShownCell, ShownTable } from './present.js';

export type Operator = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface Threshold {
  text: string;
  column: ColumnId;
  op: Operator;
  /** The limit, scaled by 10^LIMIT_DECIMALS. */
  limit: bigint;
}

/** The decimals of a threshold's limit; the option parser (cli/values.ts) scales it so. */
export const LIMIT_DECIMALS = 8;

function crosses(cell: ShownCell | undefined, t: Threshold): boolean {
  if (!cell || cell.kind === 'text') return false;
  const v = cell.value.value * 10n ** BigInt(Math.max(0, LIMIT_DECIMALS - cell.value.decimals));
  switch (t.op) {
    case '<':
      return v < t.limit;
    case '<=':
      return v <= t.limit;
    case '>':
      return v > t.limit;
    case '>=':
      return v >= t.limit;
    case '=':
      return v === t.limit;
    case '!=':
      return v !== t.limit;
  }
}

export interface Crossing {
  table: ShownTable;
  /** The row's code, or null for the Summa row. */
  kod: string | null;
  namn: string | null;
  threshold: Threshold;
  cell: ShownCell;
}

/** Every row and Summa cell that crosses one of the thresholds. */
export function crossings(tables: ShownTable[], thresholds: Threshold[]): Crossing[] {
  const out: Crossing[] = [];
  for (const table of tables) {
    for (const t of thresholds) {
      if (!table.columns.includes(t.column)) continue;
      for (const r of table.rows) {
        const cell = r.cells[t.column];
        if (crosses(cell, t)) out.push({ table, kod: r.kod, namn: r.namn, threshold: t, cell: cell as ShownCell });
      }
      const s = table.summa[t.column];
      if (crosses(s, t)) out.push({ table, kod: null, namn: null, threshold: t, cell: s as ShownCell });
    }
  }
  return out;
}
