/**
 * The one table builder behind the driftredovisning and the monthly report. Amounts are
 * known per finest code (as in the ledger); a table groups codes into rows (`keyOf`), sums
 * the base columns per row, and derives the deviation columns from the row's sums, so a
 * row's deviation is exactly its own budget minus its own utfall.
 *
 * "Node values" are amounts given for a code and everything under it (a manual prognos for
 * 51, last report's forecast per code); which rows and which Summa can show them is the
 * rule in rules/subtree.ts. Signs are not decided here: `derive` returns the shown amounts.
 */
import { compareCodes } from '../core/codes.js';
import type { NameBook } from '../core/names.js';
import { ZERO, type Ore } from '../core/money.js';
import type { Amounts, ColumnId, ReportKind, ReportRow, ReportTable, Title } from './model.js';
import { placeNodes } from '../rules/subtree.js';

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
  report: ReportKind;
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
  const zeros = (): Record<string, Ore | null> => Object.fromEntries(allColumns.map((c) => [c, ZERO]));
  const sums = new Map<string, Record<string, Ore | null>>(keys.map((key) => [key, zeros()]));
  const summa = zeros();

  for (const nodeCol of input.nodes) {
    const col = nodeCol.column;
    const placed = placeNodes({
      nodes: nodeCol.values,
      codes: allCodes,
      keyOf: spec.keyOf,
      replaces: nodeCol.replaces,
      computed: (c) => input.perCode.get(c)?.[col] ?? ZERO,
    });
    for (const key of keys) (sums.get(key) as Record<string, Ore | null>)[col] = placed.rows.get(key) ?? null;
    summa[col] = placed.summa;
  }

  const nodeColumns = new Set(input.nodes.map((n) => n.column));
  for (const key of keys) {
    const s = sums.get(key) as Record<string, Ore | null>;
    for (const c of rowCodes.get(key) as string[]) {
      const values = input.perCode.get(c) as BaseValues;
      for (const col of input.baseColumns) {
        if (nodeColumns.has(col)) continue;
        const v = values[col] ?? ZERO;
        s[col] = (s[col] as Ore).plus(v);
        summa[col] = (summa[col] as Ore).plus(v);
      }
    }
  }

  const rows: ReportRow[] = keys.map((kod) => ({
    kod,
    namn: input.names.name(kod),
    values: input.derive(sums.get(kod) as Record<string, Ore | null>),
    kommentar: input.comments.get(kod) ?? null,
  }));
  return {
    id: spec.id,
    report: spec.report,
    title: spec.title,
    dimension: spec.dimension,
    columns: spec.columns,
    rows,
    summa: input.derive(summa),
  };
}
