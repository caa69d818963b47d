/**
 * Node values: amounts given for a code and everything under it — a manual forecast for 51
 * (`--prognos`), last report's forecast per code (`--fg-prognos`). A node covers its own code
 * and every code that starts with it. A node counts once, in the row that holds all of its
 * covered codes; a row that holds only part of a node's codes cannot show a value (null),
 * since a whole cannot be split. The Summa counts every node wholly inside the table once, and
 * is unknown when a node lies partly outside the table. A replacing node column (manual
 * forecasts) adds the computed values of the codes no node covers; a non-replacing one (last
 * report's forecasts) leaves rows without a node unknown, and then its Summa too.
 */
import { ZERO, type Ore } from '../core/money.js';

/** What the node rule needs to know about one table and one node column. */
export interface NodeInput {
  /** Node → amount, for the code and everything under it. */
  nodes: ReadonlyMap<string, Ore>;
  /** Every finest code of the report (in any table or none). */
  codes: readonly string[];
  /** The row a code belongs to in this table, or null when it is not in the table. */
  keyOf: (code: string) => string | null;
  /** True: the nodes replace the computed values of the codes they cover (manual forecasts). */
  replaces: boolean;
  /** The computed value of a code no node covers (used when `replaces`). */
  computed: (code: string) => Ore;
}

/**
 * Codes covered by a node: the code itself and every code that starts with it.
 * @example covered('51', ['5101', '5501', '51']) // ['5101', '51']
 */
export function covered(node: string, codes: Iterable<string>): string[] {
  const out: string[] = [];
  for (const c of codes) if (c.startsWith(node)) out.push(c);
  return out;
}

/**
 * The value of a node column in each row of a table (null: cannot be shown) and in its Summa.
 * @example placeNodes({ nodes: new Map([['56', ore(900n)]]), codes: ['5601', '5602'], keyOf: (c) => c, replaces: true, computed: () => ZERO })
 * // rows: 5601 → null, 5602 → null (56 cannot be split); summa: 900 öre
 */
export function placeNodes(input: NodeInput): { rows: Map<string, Ore | null>; summa: Ore | null } {
  const rowCodes = new Map<string, string[]>();
  for (const code of input.codes) {
    const key = input.keyOf(code);
    if (key === null) continue;
    let list = rowCodes.get(key);
    if (!list) rowCodes.set(key, (list = []));
    list.push(code);
  }
  const rows = new Map<string, Ore | null>([...rowCodes.keys()].map((k) => [k, ZERO]));
  let summa: Ore | null = ZERO;
  const takenOver = new Set<string>();
  const rowHasNode = new Set<string>();
  const splitRows = new Set<string>();
  let summaSplit = false;
  for (const [node, amount] of input.nodes) {
    const codes = covered(node, input.codes);
    if (codes.length === 0) continue;
    for (const c of codes) takenOver.add(c);
    const keys = new Set(codes.map((c) => input.keyOf(c)));
    const inTable = [...keys].filter((r): r is string => r !== null);
    if (inTable.length === 0) continue;
    if (keys.has(null))
      summaSplit = true; // part of the node is outside this table
    else summa = summa.plus(amount);
    if (keys.size === 1) {
      const key = inTable[0] as string;
      rows.set(key, (rows.get(key) as Ore).plus(amount));
      rowHasNode.add(key);
    } else {
      for (const r of inTable) splitRows.add(r);
    }
  }
  for (const key of rows.keys()) {
    if (splitRows.has(key)) rows.set(key, null);
    else if (!input.replaces && !rowHasNode.has(key)) rows.set(key, null); // no value given for this row
  }
  // A Summa that would leave out part of a node, or rows that have no value, is unknown.
  if (summaSplit || (!input.replaces && [...rows.values()].some((v) => v === null))) summa = null;
  if (input.replaces) {
    // Computed values of codes that no node covers.
    for (const [key, codes] of rowCodes) {
      for (const c of codes) {
        if (takenOver.has(c)) continue;
        const v = input.computed(c);
        const r = rows.get(key) as Ore | null;
        if (r !== null) rows.set(key, r.plus(v));
        if (summa !== null) summa = summa.plus(v);
      }
    }
  }
  return { rows, summa };
}
