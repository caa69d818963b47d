/**
 * The one table builder behind the driftredovisning and the monthly report. Amounts are
 * known per finest code (as in the ledger); a table groups codes into rows (`keyOf`), sums
 * the base columns per row, and derives the deviation columns from the row's sums, so a
 * row's deviation is exactly its own budget minus its own utfall.
 *
 * "Node values" are amounts given for a code and everything under it (a manual prognos for
 * 51, last report's forecast per code): a node counts once, in the row that holds all of
 * its codes; a row that holds only part of a node's codes cannot show it (null), since a
 * whole cannot be split. The Summa counts every node wholly inside the table once.
 */
import { compareCodes } from '../core/codes.js';
import type { NameBook } from '../core/names.js';
import type { Ore } from '../core/money.js';
import type { Amounts, AmountColumn, ColumnId, ReportRow, ReportTable, Title } from './model.js';
import type { Perspective } from '../rules/sign.js';
import { DEVIATION_COLUMNS } from './columns.js';

/** Base values per finest code, in ledger sign (costs +). Absent means zero. */
export type BaseValues = Partial<Record<string, Ore>>;

/** Values attached to a code and its subtree. */
export interface NodeColumn {
  /** The base column the nodes feed. */
  column: string;
  values: ReadonlyMap<string, Ore>;
  /** True: the nodes replace the computed values of the codes they cover (manual prognos). */
  replaces: boolean;
}

export interface TableSpec {
  id: string;
  title: Title;
  dimension: string;
  columns: ColumnId[];
  /** The row a code belongs to in this table, or null when the code is not in the table. */
  keyOf: (code: string) => string | null;
}

export interface BuildInput {
  perCode: ReadonlyMap<string, BaseValues>;
  nodes: NodeColumn[];
  /** Derives the shown amounts of a row (or the Summa) from its summed base values (null = unknown). */
  derive: (base: Record<string, Ore | null>) => Amounts;
  baseColumns: readonly string[];
  names: NameBook;
  comments: ReadonlyMap<string, string>;
}

/** Codes covered by a node: the code itself and every code that starts with it. */
function covered(node: string, codes: Iterable<string>): string[] {
  const out: string[] = [];
  for (const c of codes) if (c.startsWith(node)) out.push(c);
  return out;
}

export function buildTable(spec: TableSpec, input: BuildInput): ReportTable {
  const allCodes = [...input.perCode.keys()];
  const rowCodes = new Map<string, string[]>();
  for (const code of allCodes) {
    const key = spec.keyOf(code);
    if (key === null) continue;
    let list = rowCodes.get(key);
    if (!list) rowCodes.set(key, (list = []));
    list.push(code);
  }
  const keys = [...rowCodes.keys()].sort(compareCodes);

  // Base sums per row and for the Summa.
  const allColumns = [...new Set([...input.baseColumns, ...input.nodes.map((n) => n.column)])];
  const zeros = (): Record<string, Ore | null> => Object.fromEntries(allColumns.map((c) => [c, 0n]));
  const sums = new Map<string, Record<string, Ore | null>>(keys.map((key) => [key, zeros()]));
  const summa = zeros();

  for (const nodeCol of input.nodes) {
    const col = nodeCol.column;
    const takenOver = new Set<string>();
    const rowHasNode = new Set<string>();
    const splitRows = new Set<string>();
    let summaSplit = false;
    for (const [node, amount] of nodeCol.values) {
      const codes = covered(node, allCodes);
      if (codes.length === 0) continue;
      for (const c of codes) takenOver.add(c);
      const rows = new Set(codes.map((c) => spec.keyOf(c)));
      const inTable = [...rows].filter((r): r is string => r !== null);
      if (inTable.length === 0) continue;
      if (rows.has(null)) summaSplit = true; // part of the node is outside this table
      else summa[col] = (summa[col] as Ore) + amount;
      if (rows.size === 1) {
        const key = inTable[0] as string;
        const s = sums.get(key) as Record<string, Ore | null>;
        s[col] = (s[col] as Ore) + amount;
        rowHasNode.add(key);
      } else {
        for (const r of inTable) splitRows.add(r);
      }
    }
    for (const key of keys) {
      const s = sums.get(key) as Record<string, Ore | null>;
      if (splitRows.has(key)) s[col] = null;
      else if (!nodeCol.replaces && !rowHasNode.has(key)) s[col] = null; // no value given for this row
    }
    // A Summa that would leave out part of a node, or rows that have no value, is unknown.
    if (summaSplit || (!nodeCol.replaces && keys.some((k) => (sums.get(k) as Record<string, Ore | null>)[col] === null))) {
      summa[col] = null;
    }
    if (nodeCol.replaces) {
      // Computed values of codes that no node covers.
      for (const key of keys) {
        const s = sums.get(key) as Record<string, Ore | null>;
        for (const c of rowCodes.get(key) as string[]) {
          if (takenOver.has(c)) continue;
          const v = input.perCode.get(c)?.[col] ?? 0n;
          if (s[col] !== null) s[col] = (s[col] as Ore) + v;
          if (summa[col] !== null) summa[col] = (summa[col] as Ore) + v;
        }
      }
    }
  }

  const nodeColumns = new Set(input.nodes.map((n) => n.column));
  for (const key of keys) {
    const s = sums.get(key) as Record<string, Ore | null>;
    for (const c of rowCodes.get(key) as string[]) {
      const values = input.perCode.get(c) as BaseValues;
      for (const col of input.baseColumns) {
        if (nodeColumns.has(col)) continue;
        const v = values[col] ?? 0n;
        s[col] = (s[col] as Ore) + v;
        summa[col] = (summa[col] as Ore) + v;
      }
    }
  }

  const rows: ReportRow[] = keys.map((kod) => ({
    kod,
    namn: input.names.name(kod),
    values: input.derive(sums.get(kod) as Record<string, Ore | null>),
    kommentar: input.comments.get(kod) ?? null,
  }));
  return { id: spec.id, title: spec.title, dimension: spec.dimension, columns: spec.columns, rows, summa: input.derive(summa) };
}

/** `a − b`, or null when either is unknown. */
export function minus(a: Ore | null | undefined, b: Ore | null | undefined): Ore | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

/** Amounts in the report's perspective: the result perspective negates all but the deviations. */
export function inPerspective(amounts: Amounts, perspective: Perspective): Amounts {
  if (perspective === 'kostnad') return amounts;
  const out: Amounts = {};
  for (const [col, v] of Object.entries(amounts) as [AmountColumn, Ore | null][]) {
    out[col] = v === null || DEVIATION_COLUMNS.has(col) ? v : -v;
  }
  return out;
}
