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
import { checkDeviations, checkParents, checkRelations, checkSums, type Relation, type VerifyOptions } from './checks.js';
import type { ColumnLabels } from './headers.js';
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
  const checker = new Checker(opts.strict);
  const used = new Set<Relation>();
  for (const t of tables) {
    checkSums(t, checker);
    checkDeviations(t, checker, opts.deviation, labels);
    for (const rel of opts.relations) if (checkRelations(t, checker, [rel]) > 0) used.add(rel);
  }
  checkParents(tables, checker, opts.parents);
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
