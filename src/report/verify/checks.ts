/**
 * verify's checks on the published tables themselves: (a) each Summa row equals the rows it
 * closes (varav rows and sections excluded; a Summa right after other Summa rows is their
 * grand total; with an indented hierarchy, each parent equals its children); (b) each
 * deviation column equals budget − utfall or utfall − budget, the perspective detected from
 * the data or declared; (c) checks across tables are in cross.ts; (d) declared relations such as `Netto=Intäkt+Kostnad`. Each check says how many rounded
 * numbers it involves (`TERMS`), so the Checker can tell rounding from errors.
 */
import { normaliseHeader } from '../../core/text.js';
import { roundingTolerance, roundingToleranceOf, TERMS } from '../../rules/tolerance.js';
import type { Checker } from './checker.js';
import { columnsKey, type Equation } from './relations.js';
import { deviationTerms, roleOf, type ColumnLabels } from './headers.js';
import { valueOf, withoutFootnotes, type StructureOptions, type VerifyRow, type VerifyTable } from './structure.js';
import type { Relation } from './relation.js';

export { parseRelation, type Relation } from './relation.js';

export interface VerifyOptions extends StructureOptions {
  /** Declared deviation order for every detected deviation column, or null to detect. */
  deviation: 'budget-utfall' | 'utfall-budget' | null;
  /** Declared relations, `Netto=Intäkt+Kostnad`. */
  relations: Relation[];
  /** Declared sub-table → parent row label prefix. */
  parents: { table: string; row: string }[];
  strict: boolean;
  /** A table on which no check could be made passes (a text table); otherwise it is an error. */
  allowEmpty: boolean;
  /** Checks across tables (cross.ts, and cells shared between tables); false: only declared `parents`. */
  cross: boolean;
}

/**
 * (a) Each total row against the rows it sums (found from the data by `structure`), and
 * each parent of an indented hierarchy against its children.
 */
export function checkSums(t: VerifyTable, c: Checker): void {
  // A total found wrong stands for its rows' sum in the totals after it, so one wrong
  // subtotal in a chain of running subtotals is one error, at its own cell. A later total
  // is judged against the earlier one's published value too, and holds when either
  // explains it: when a row under the earlier total is the wrong cell, the totals after it
  // inherit the same difference (they were summed from the published, correct subtotal),
  // and that is one error, not one per subtotal.
  // Per column: row index → the sum it should have been.
  const corrected = new Map<number, Map<number, bigint>>(t.amountColumns.map((col) => [col, new Map<number, bigint>()]));
  // A total is checked after the totals it sums (a total placed first may sum subtotals below it).
  const order: number[] = [];
  t.rows.forEach((row, i) => {
    if (row.kind === 'summa' && row.sumOf !== null) order.push(i);
  });
  const reach = new Map<number, number>();
  for (const i of order) {
    let last = -1;
    for (const k of (t.rows[i] as VerifyRow).sumOf as number[]) if (k > last) last = k;
    reach.set(i, last);
  }
  order.sort((a, b) => (reach.get(a) as number) - (reach.get(b) as number) || a - b);
  for (const i of order) {
    const row = t.rows[i] as VerifyRow;
    const run = row.sumOf as number[];
    let totals = 0;
    const runRows: VerifyRow[] = new Array<VerifyRow>(run.length);
    for (let j = 0; j < run.length; j++) {
      const r = t.rows[run[j] as number] as VerifyRow;
      runRows[j] = r;
      if (r.sumOf !== null) totals++;
    }
    const basis = row.below ? 'rows-below' : totals === 0 ? 'rows' : totals === run.length ? 'summa-rows' : 'running';
    for (const col of t.amountColumns) {
      if (row.values[col] === null) continue;
      const fixedSums = corrected.get(col) as Map<number, bigint>;
      let sum = 0n;
      let published = 0n;
      // Only written numbers were rounded: an empty cell adds nothing to the rounding tolerance.
      let written = 0;
      for (let j = 0; j < run.length; j++) {
        const v = (runRows[j] as VerifyRow).values[col] ?? null;
        if (v !== null) written++;
        published += valueOf(v);
        sum += (fixedSums.size > 0 ? fixedSums.get(run[j] as number) : undefined) ?? valueOf(v);
      }
      const terms = TERMS.sumOf(written);
      const tolerance = t.exact[col] ? 0n : roundingTolerance(t.decimals[col] as number, terms);
      const within = (expected: bigint) => {
        const diff = valueOf(row.values[col] ?? null) - expected;
        return (diff < 0n ? -diff : diff) <= tolerance;
      };
      if (!within(sum) && within(published)) sum = published;
      if (!within(sum)) fixedSums.set(i, sum);
      c.compare(t, row, col, sum, 'summa', terms, basis, undefined, { rows: runRows, columns: [col] });
    }
  }
  if (!t.hierarchy) return;
  const children = new Map<number, number[]>();
  t.rows.forEach((r, k) => {
    if (r.parent === null || r.kind !== 'data') return;
    const kids = children.get(r.parent);
    if (kids) kids.push(k);
    else children.set(r.parent, [k]);
  });
  for (const [p, kids] of children) {
    const row = t.rows[p] as VerifyRow;
    for (const col of t.amountColumns) {
      if (row.values[col] === null) continue;
      let sum = 0n;
      for (const k of kids) sum += valueOf((t.rows[k] as VerifyRow).values[col] ?? null);
      c.compare(t, row, col, sum, 'hierarki', TERMS.sumOf(kids.length), 'children');
    }
  }
}

/** (b) Deviation columns against their budget and outcome columns. */
export function checkDeviations(
  t: VerifyTable,
  c: Checker,
  declared: VerifyOptions['deviation'],
  labels: ColumnLabels,
  inferred: readonly Equation[] = [],
): string[] {
  const checked: string[] = [];
  for (const dev of t.amountColumns.filter((col) => roleOf(t.header[col] ?? '', labels) === 'deviation')) {
    const terms = deviationTerms(t.header, t.amountColumns, dev, labels);
    if (!terms) continue;
    const rows = t.rows.filter((r) => r.values[dev] !== null && r.values[terms.budget] !== null && r.values[terms.outcome] !== null);
    const kostnad = (r: VerifyRow) => valueOf(r.values[terms.budget] ?? null) - valueOf(r.values[terms.outcome] ?? null);
    let order = declared;
    if (order === null) {
      // The perspective that explains more rows exactly; the cost perspective on a tie.
      const k = rows.filter((r) => valueOf(r.values[dev] ?? null) === kostnad(r)).length;
      const u = rows.filter((r) => valueOf(r.values[dev] ?? null) === -kostnad(r)).length;
      order = u > k ? 'utfall-budget' : 'budget-utfall';
    }
    const [first, second] = order === 'budget-utfall' ? [terms.budget, terms.outcome] : [terms.outcome, terms.budget];
    if (declared === null && inferred.some((e) => e.columns.includes(dev))) {
      // The headings paired it, but the data show another relation for it: trust the data
      // when the headings' pairing fails on most rows.
      const tol = roundingTolerance(t.decimals[dev] as number, TERMS.deviation);
      const holds = rows.filter((r) => {
        const d = valueOf(r.values[dev] ?? null) - valueOf(r.values[first] ?? null) + valueOf(r.values[second] ?? null);
        return (d < 0n ? -d : d) <= tol;
      }).length;
      if (holds * 2 < rows.length) continue;
    }
    checked.push(columnsKey([dev, first, second]));
    const basis = `${t.header[first]} − ${t.header[second]}`;
    for (const r of rows) {
      const expected = valueOf(r.values[first] ?? null) - valueOf(r.values[second] ?? null);
      c.compare(t, r, dev, expected, 'avvikelse', TERMS.deviation, basis, undefined, {
        rows: [r],
        columns: [dev, first, second],
        signs: [1n, -1n, 1n],
      });
    }
  }
  return checked;
}

function columnIndex(t: VerifyTable, name: string): number {
  const n = normaliseHeader(withoutFootnotes(name));
  return t.header.findIndex((h) => normaliseHeader(h) === n);
}

/** The columns of a declared relation in `t` (target first), or null when `t` lacks one of them. */
export function relationColumns(t: VerifyTable, rel: Relation): number[] | null {
  const cols = [rel.target, ...rel.terms.map((x) => x.column)].map((name) => columnIndex(t, name));
  return cols.some((c) => c < 0) ? null : cols;
}

/** (d) Declared relations; returns how many of them the table has all columns for. */
export function checkRelations(t: VerifyTable, c: Checker, relations: Relation[]): number {
  let applied = 0;
  for (const rel of relations) {
    const target = columnIndex(t, rel.target);
    const terms = rel.terms.map((term) => ({ ...term, index: columnIndex(t, term.column) }));
    if (target < 0 || terms.some((term) => term.index < 0)) continue;
    applied++;
    for (const r of t.rows) {
      if (r.values[target] === null || r.kind === 'section') continue;
      const expected = terms.reduce((a, term) => a + term.sign * valueOf(r.values[term.index] ?? null), 0n);
      c.compare(t, r, target, expected, 'relation', TERMS.relationOf(terms.length), rel.text, undefined, {
        rows: [r],
        columns: [target, ...terms.map((x) => x.index)],
        signs: [1n, ...terms.map((x) => -x.sign)],
      });
    }
  }
  return applied;
}

/**
 * (e) Tables verified together that show the same row (by label) under the same heading
 * must agree: a Resultat's total and the Driftredovisning's Summa, one table's row restated
 * in another. A pair of tables is linked only when at least 3 shared cells agree (equal
 * within the rounding of two numbers, or all opposite: the other sign convention) and at
 * most one disagrees (a tenth, when more than 10 are shared); each shared cell is then a
 * check, made at the later table's cell.
 */
export function checkShared(tables: readonly VerifyTable[], c: Checker): void {
  // Each heading normalised once per table, not once per cell.
  const headings = new Map<VerifyTable, string[]>(tables.map((t) => [t, t.header.map((h) => normaliseHeader(h))]));
  const keyOf = (t: VerifyTable, r: VerifyRow, col: number) => `${r.label.toLowerCase()}\u0000${headings.get(t)?.[col] ?? ''}`;
  // The last table has no later one to be compared with: its cells are not indexed.
  for (let i = 0; i < tables.length - 1; i++) {
    const a = tables[i] as VerifyTable;
    const cells = new Map<string, { row: VerifyRow; col: number } | null>();
    for (const r of a.rows) {
      if (r.kind === 'section' || r.label === '') continue;
      for (const col of a.amountColumns) {
        if (r.values[col] === null) continue;
        const k = keyOf(a, r, col);
        cells.set(k, cells.has(k) ? null : { row: r, col }); // a label shown twice is no key
      }
    }
    for (let j = i + 1; j < tables.length; j++) {
      const b = tables[j] as VerifyTable;
      const pairs: { ra: VerifyRow; ca: number; rb: VerifyRow; cb: number }[] = [];
      for (const r of b.rows) {
        if (r.kind === 'section' || r.label === '') continue;
        for (const col of b.amountColumns) {
          const hit = r.values[col] === null ? undefined : cells.get(keyOf(b, r, col));
          if (hit) pairs.push({ ra: hit.row, ca: hit.col, rb: r, cb: col });
        }
      }
      if (pairs.length < 3) continue;
      const agree = (sign: bigint) =>
        pairs.filter((p) => {
          const d = valueOf(p.rb.values[p.cb] ?? null) - sign * valueOf(p.ra.values[p.ca] ?? null);
          const own = b.decimals[p.cb] as number;
          const theirs = a.decimals[p.ca] as number;
          return (d < 0n ? -d : d) <= roundingToleranceOf([own, theirs]);
        }).length;
      const same = agree(1n);
      const opposite = agree(-1n);
      const sign = opposite > same ? -1n : 1n;
      const holds = Math.max(same, opposite);
      if (holds < 3 || pairs.length - holds > Math.max(1, Math.floor(pairs.length / 10))) continue;
      for (const p of pairs) {
        const own = b.decimals[p.cb] as number;
        const theirs = a.decimals[p.ca] as number;
        const basis = `${sign < 0n ? '−' : ''}${p.ra.label} ${a.header[p.ca] ?? ''} (${a.title}, ${a.file}:${p.ra.line})`;
        c.compare(
          b,
          p.rb,
          p.cb,
          sign * valueOf(p.ra.values[p.ca] ?? null),
          'parent',
          TERMS.parentRow,
          basis,
          own === theirs ? undefined : roundingToleranceOf([own, theirs]),
        );
      }
    }
  }
}
