/**
 * `verify`: checks report tables as they were published, the way a careful controller
 * would, and tells real errors from the differences that correct rounding produces. The
 * reader (read/report-table.ts) hands over tables with parsed cells; `structure` finds
 * amount columns and row kinds, `headers` what each column means, `checks` runs the
 * checks on the tables themselves and `ledger` compares them with the exact report; every
 * check ends in the `Checker`, which applies verify's tolerance (rules/tolerance.ts).
 */
import type { PublishedTable } from '../../core/published.js';
import { Checker, type Finding } from './checker.js';
import { PUBLISHED_SCALE } from '../../core/money.js';
import { AvvikelseError } from '../../errors.js';
import { checkDeviations, checkShared, checkRelations, checkSums, relationColumns, type Relation, type VerifyOptions } from './checks.js';
import type { ColumnLabels } from './headers.js';
import { checkCross } from './cross.js';
import { checkInferred, columnsKey, inferRelations } from './relations.js';
import { structure, type VerifyTable } from './structure.js';

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
  checkCross(tables, checker, opts.parents, labels);
  checkShared(tables, checker);
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
      if (sum.file !== rel.file || sum.table !== rel.table || abs(diffOf(sum)) !== abs(diffOf(rel))) continue;
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
  if (drop.size === 0) return;
  const kept = errors.filter((f) => !drop.has(f));
  errors.length = 0;
  for (const f of kept) errors.push(f);
  for (const f of added) errors.push(f);
}

/** The published value at the row of `f` (by its line) in the column headed `column`, or null. */
function cellAt(tables: readonly VerifyTable[], f: Finding, column: string): bigint | null {
  const t = tables.find((x) => x.file === f.file && x.title === f.table && x.rows.some((r) => r.line === f.line));
  const c = t?.header.indexOf(column) ?? -1;
  const v = t && c >= 0 ? t.rows.find((r) => r.line === f.line)?.values[c] : null;
  return v ? v.value : null;
}
