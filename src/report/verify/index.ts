/**
 * `verify`: checks report tables as they were published, the way a careful controller
 * would, and tells real errors from the differences that correct rounding produces. The
 * reader (read/report-table.ts) hands over tables with parsed cells; `structure` finds
 * amount columns and row kinds, `headers` what each column means, `checks` runs the
 * checks on the tables themselves and `ledger` compares them with the exact report; every
 * check ends in the `Checker`, which applies verify's tolerance (rules/tolerance.ts).
 */
import type { PublishedTable } from '../../core/published.js';
import { Checker, sameTable, type Finding } from './checker.js';
import { PUBLISHED_SCALE } from '../../core/money.js';
import { roundingTolerance } from '../../rules/tolerance.js';
import { AvvikelseError } from '../../errors.js';
import { checkDeviations, checkShared, checkRelations, checkSums, relationColumns, type Relation, type VerifyOptions } from './checks.js';
import type { ColumnLabels } from './headers.js';
import { checkCross } from './cross.js';
import { checkInferred, columnsKey, inferRelations } from './relations.js';
import { structure, type VerifyRow, type VerifyTable } from './structure.js';

export { Checker, type CheckType, type Finding } from './checker.js';
export { parseRelation, type Relation, type VerifyOptions } from './checks.js';
export { columnLabels, type ColumnLabels } from './headers.js';
export { compareWithLedger, type LedgerDisplay } from './ledger.js';
export { structure, type RowKind, type StructureOptions, type VerifyRow, type VerifyTable } from './structure.js';

export interface VerifyResult {
  tables: VerifyTable[];
  errors: Finding[];
  notes: Finding[];
  /** Differences rounding explains only in its worst case (rules/tolerance.ts `isUnlikelyRounding`). */
  warnings: Finding[];
  checks: number;
}

/**
 * Runs checks (a)–(d) on every table. `labels` (from `columnLabels`) recognises avvikelse's
 * own column headings, whose roles come from the column registry.
 */
export function verifyTables(
  raw: PublishedTable[],
  opts: VerifyOptions,
  labels: ColumnLabels,
): VerifyResult & { unusedRelations: Relation[]; checker: Checker } {
  const tables = raw.map((r) => structure(r, opts));
  // A declared relation must name columns of some table: one that names none is a typo, not a pass.
  for (const rel of opts.relations) {
    if (tables.some((t) => relationColumns(t, rel) !== null)) continue;
    const names = [rel.target, ...rel.terms.map((x) => x.column)];
    const missing = names.find((n) => !tables.some((t) => relationColumns(t, { text: n, target: n, terms: [] }) !== null)) ?? rel.target;
    const headers = [...new Set(tables.flatMap((t) => t.header.filter((h) => h !== '')))].map((h) => `"${h}"`).join(', ');
    throw new AvvikelseError(
      'COLUMN_UNKNOWN',
      { name: missing, source: `--columns ${rel.text}`, headers },
      { file: tables[0]?.file ?? '' },
    );
  }
  const checker = new Checker(opts.strict);
  const used = new Set<Relation>();
  for (const t of tables) {
    checkSums(t, checker);
    const inferred = inferRelations(t);
    const checked = new Set(checkDeviations(t, checker, opts.deviation, labels, inferred));
    for (const rel of opts.relations) {
      const cols = relationColumns(t, rel);
      if (cols !== null) checked.add(columnsKey(cols));
      if (checkRelations(t, checker, [rel]) > 0) used.add(rel);
    }
    // Relations the data show, unless the headings or --columns already checked the same columns.
    for (const e of inferred) if (!checked.has(columnsKey(e.columns))) checkInferred(t, checker, e);
  }
  checkCross(tables, checker, opts.parents, labels, opts.cross);
  if (opts.cross) checkShared(tables, checker);
  localise(checker.errors, tables);
  return {
    tables,
    checker,
    errors: checker.errors,
    notes: checker.notes,
    warnings: checker.warnings,
    checks: checker.checks,
    unusedRelations: opts.relations.filter((r) => !used.has(r)),
  };
}

/**
 * Closes a run: every table on which no check could be made is an error naming it (a
 * check that checked nothing is no pass), unless `allowEmpty`. Call it after the last
 * check (the ledger's included); it brings `result.checks` up to date.
 */
export function closeVerify(result: VerifyResult & { checker: Checker }, allowEmpty: boolean): void {
  if (!allowEmpty) for (const t of result.tables) if (result.checker.checksOf(t) === 0) result.checker.empty(t);
  result.checks = result.checker.checks;
}

const diffOf = (f: Finding): bigint => (f.found?.value ?? 0n) - (f.expected?.value ?? 0n);
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * One wrong cell often fails two checks: its row's relation and its column's total. When a
 * relation of a row and a total of a column fail by the same amount and share a cell, that
 * cell is the wrong one, and only the check made at it is kept: a wrong total (the relation
 * on the total's row then fails too) is one error at the total, a wrong deviation on a
 * data row (the deviation column's Summa then fails too) is one error at the row, and a
 * wrong Utfall on a data row (its Avvikelse and the Utfall Summa fail) is one error at
 * that Utfall, expected as the total requires.
 */
function localise(errors: Finding[], tables: readonly VerifyTable[]): void {
  const drop = new Set<Finding>();
  const added: Finding[] = [];
  const sums = errors.filter((f) => (f.type === 'summa' || f.type === 'hierarki') && f.involves);
  for (const rel of errors) {
    if ((rel.type !== 'relation' && rel.type !== 'avvikelse') || !rel.involves) continue;
    for (const sum of sums) {
      if (!sameTable(sum, rel) || abs(diffOf(sum)) !== abs(diffOf(rel))) continue;
      if (!rel.involves.columns.includes(sum.column) || drop.has(sum) || drop.has(rel)) continue;
      if (sum.line === rel.line) {
        drop.add(rel); // the total's own cell is wrong
        continue;
      }
      if (!(sum.involves as { lines: number[] }).lines.includes(rel.line)) continue;
      if (sum.column === rel.column) {
        drop.add(sum); // the row's checked cell is wrong
        continue;
      }
      // Another cell of the row, in the total's column: the one error is there.
      const cell = cellAt(tables, rel, sum.column);
      if (cell === null) continue;
      drop.add(sum);
      drop.add(rel);
      added.push({
        ...rel,
        type: 'summa',
        column: sum.column,
        found: { value: cell, decimals: PUBLISHED_SCALE },
        expected: { value: cell + diffOf(sum), decimals: PUBLISHED_SCALE },
        decimals: sum.decimals,
        terms: sum.terms,
        basis: 'row-and-column',
      });
    }
  }
  const rest = errors.filter((f) => !drop.has(f));
  for (const f of added) rest.push(f);
  const blamed = blameRelations(rest, tables);
  errors.length = 0;
  for (const f of blamed) errors.push(f);
}

/** A finding's cell: file, table, line and column. */
const cellKey = (f: Finding): string => `${f.file}\u0000${f.sheet ?? ''}\u0000${f.table}\u0000${f.line}\u0000${f.column}`;

/** Whether `f` is a finding of table `t`. */
const ofTable = (t: VerifyTable, f: Finding): boolean => t.file === f.file && t.sheet === f.sheet && t.title === f.table;

/** The table and the row index of a finding (by its line), or null. */
function rowOf(tables: readonly VerifyTable[], f: Finding): { t: VerifyTable; i: number } | null {
  for (const t of tables) {
    if (!ofTable(t, f)) continue;
    const i = t.rows.findIndex((r) => r.line === f.line);
    if (i >= 0) return { t, i };
  }
  return null;
}

/** The published value at the row of `f` (by its line) in the column headed `column`, or null. */
function cellAt(tables: readonly VerifyTable[], f: Finding, column: string): bigint | null {
  const t = tables.find((x) => ofTable(x, f) && x.rows.some((r) => r.line === f.line));
  const c = t?.header.indexOf(column) ?? -1;
  const v = t && c >= 0 ? t.rows.find((r) => r.line === f.line)?.values[c] : null;
  return v ? v.value : null;
}

/** A row relation's difference, with each column's coefficient in it (`Finding.involves.signs`). */
const isRowRelation = (f: Finding): f is Finding & { involves: { lines: number[]; columns: string[]; signs: bigint[] } } =>
  (f.type === 'relation' || f.type === 'avvikelse') && f.involves?.signs !== undefined;

/** The change of the cell in column `column` that makes the row relation `f` hold (null: not one of its columns). */
function correction(f: Finding & { involves: { columns: string[]; signs: bigint[] } }, column: string): bigint | null {
  const j = f.involves.columns.indexOf(column);
  if (j < 0 || f.involves.columns.lastIndexOf(column) !== j) return null;
  return -(f.involves.signs[j] as bigint) * diffOf(f);
}

/** Per table: each row's total (the total whose run holds it, else its hierarchy parent) with its rows, and the differences found so far. */
interface Totals {
  of: Map<number, { total: number; run: readonly number[] }>;
  residuals: Map<string, { value: bigint; line: number } | null>;
}

/**
 * The published difference between the total that sums row `i` (the total whose run holds
 * it, else its parent in an indented hierarchy) and that total's rows, in column `c`; null
 * when no total sums the row or the total shows no value there; with the total's line.
 * Linear in the rows once per table, then once per total and column.
 */
function columnResidual(t: VerifyTable, i: number, c: number, cache: Map<VerifyTable, Totals>): { value: bigint; line: number } | null {
  let totals = cache.get(t);
  if (!totals) {
    const of = new Map<number, { total: number; run: readonly number[] }>();
    const kids = new Map<number, number[]>();
    t.rows.forEach((r, k) => {
      if (r.kind === 'summa' && r.sumOf !== null) {
        const entry = { total: k, run: r.sumOf };
        for (const m of r.sumOf) of.set(m, entry);
      }
      if (t.hierarchy && r.parent !== null && r.kind === 'data') {
        const list = kids.get(r.parent);
        if (list) list.push(k);
        else kids.set(r.parent, [k]);
      }
    });
    for (const [p, list] of kids) {
      const entry = { total: p, run: list };
      for (const m of list) if (!of.has(m)) of.set(m, entry);
    }
    totals = { of, residuals: new Map() };
    cache.set(t, totals);
  }
  const entry = totals.of.get(i);
  if (!entry) return null;
  const key = `${entry.total}:${c}`;
  let residual = totals.residuals.get(key);
  if (residual === undefined) {
    const row = t.rows[entry.total] as VerifyRow;
    const total = row.values[c];
    let sum = 0n;
    if (total) for (const k of entry.run) sum += (t.rows[k] as VerifyRow).values[c]?.value ?? 0n;
    residual = total ? { value: total.value - sum, line: row.line } : null;
    totals.residuals.set(key, residual);
  }
  return residual;
}

/**
 * Which cell of a row to blame when a row relation fails. A failing relation says only that
 * one of its cells is wrong; the error is made at its result column (a deviation, a net, a
 * result) unless another witness names the cell:
 * 1. Another relation of the same row that fails too: when exactly one column they share
 *    has a cell whose correction, as each relation requires it, is the same for both (within
 *    the two relations' rounding), that cell is the one error (Västervik: Nettokostnad =
 *    Intäkter + Kostnader and Avvikelse = Nettokostnad − Budget both fail by 0,4 → the
 *    Nettokostnad cell).
 * 2. The column totals: correcting the cell of column j as the relation requires changes
 *    the difference between j's total (the total that sums the row, or its hierarchy
 *    parent) and that total's rows by as much. When for exactly one of the relation's
 *    columns the correction brings that difference to less than half the relation's own —
 *    the total differed from its rows by about the same amount, even one rounding would
 *    allow (Malmö 2015: 3 off in a total of 16 whole numbers) — that column's cell is
 *    blamed, and the total's own error, if it failed beyond rounding, is dropped when the
 *    corrected cell brings it within rounding. A column without a total, or whose total
 *    agreed with its rows, is no witness for its cell; when no column or more than one
 *    qualifies, the result column keeps it.
 * A relation error moved to a cell that already has an error is not reported twice.
 */
function blameRelations(errors: readonly Finding[], tables: readonly VerifyTable[]): Finding[] {
  const moved = new Map<Finding, Finding | null>();
  const at = (f: Finding, column: string, delta: bigint, type: Finding['type'], basis: string): Finding | null => {
    const cell = cellAt(tables, f, column);
    const loc = rowOf(tables, f);
    if (cell === null || !loc) return null;
    const decimals = loc.t.decimals[loc.t.header.indexOf(column)] as number;
    return {
      ...f,
      type,
      column,
      found: { value: cell, decimals: PUBLISHED_SCALE },
      expected: { value: cell + delta, decimals: PUBLISHED_SCALE },
      decimals,
      basis,
    };
  };
  // 1. Two failing relations of a row that cross at one cell.
  const byRow = new Map<string, Finding[]>();
  for (const f of errors) {
    if (!isRowRelation(f)) continue;
    const k = `${f.file}\u0000${f.table}\u0000${f.line}`;
    const list = byRow.get(k);
    if (list) list.push(f);
    else byRow.set(k, [f]);
  }
  for (const group of byRow.values()) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const a = group[x] as Finding;
        const b = group[y] as Finding;
        if (!isRowRelation(a) || !isRowRelation(b) || moved.has(a) || moved.has(b)) continue;
        const allowed = roundingTolerance(a.decimals, a.terms) + roundingTolerance(b.decimals, b.terms);
        const fits = a.involves.columns.filter((col) => {
          const da = correction(a, col);
          const db = correction(b, col);
          return da !== null && db !== null && abs(da - db) <= allowed;
        });
        if (fits.length !== 1) continue;
        const col = fits[0] as string;
        if (a.column === col) moved.set(b, null);
        else if (b.column === col) moved.set(a, null);
        else {
          const one = at(a, col, correction(a, col) as bigint, a.type, 'row-relations');
          if (one === null) continue;
          moved.set(a, one);
          moved.set(b, null);
        }
      }
    }
  }
  // 2. The column totals as witnesses.
  const cache = new Map<VerifyTable, Totals>();
  for (const f of errors) {
    if (!isRowRelation(f) || moved.has(f)) continue;
    const loc = rowOf(tables, f);
    if (!loc) continue;
    const d = diffOf(f);
    const witnesses: { column: string; delta: bigint; line: number }[] = [];
    for (const column of f.involves.columns) {
      const c = loc.t.header.indexOf(column);
      const delta = correction(f, column);
      const before = c < 0 || delta === null ? null : columnResidual(loc.t, loc.i, c, cache);
      if (before !== null && delta !== null && 2n * abs(before.value - delta) < abs(d))
        witnesses.push({ column, delta, line: before.line });
    }
    const w = witnesses.length === 1 ? (witnesses[0] as (typeof witnesses)[number]) : null;
    if (w === null) continue;
    // The witness total's own error, if it failed beyond rounding, is this one: the corrected cell explains it.
    for (const sum of errors) {
      if (sum.type !== 'summa' || !sameTable(sum, f) || sum.line !== w.line || sum.column !== w.column) continue;
      if (abs(diffOf(sum) - w.delta) <= roundingTolerance(sum.decimals, sum.terms)) moved.set(sum, null);
    }
    if (w.column === f.column) continue;
    const one = at(f, w.column, w.delta, 'summa', 'row-and-column');
    if (one !== null) moved.set(f, one);
  }
  if (moved.size === 0) return [...errors];
  const out: Finding[] = [];
  const cells = new Set(errors.filter((f) => !moved.has(f)).map(cellKey));
  for (const f of errors) {
    const one = moved.has(f) ? moved.get(f) : f;
    if (!one || (one !== f && cells.has(cellKey(one)))) continue;
    cells.add(cellKey(one));
    out.push(one);
  }
  return out;
}
