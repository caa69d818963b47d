/**
 * The Checker: where every verify check ends. It counts the checks, compares a published
 * cell with what the check expects, and files the difference as an error or, when rounding
 * can explain it (rules/tolerance.ts), as a rounding note.
 */
import type { Fixed } from '../../core/money.js';
import { isUnlikelyRounding, roundingTolerance } from '../../rules/tolerance.js';
import { fixed, valueOf, type VerifyRow, type VerifyTable } from './structure.js';

export type CheckType = 'summa' | 'hierarki' | 'avvikelse' | 'relation' | 'parent' | 'cross' | 'ledger' | 'rad' | 'empty';

/** The other end of a check across tables (`cross.ts`): the cell of another table the checked cell must equal. */
export interface CrossEnd {
  /** What ties the two: a Verksamhetsanalys's net deviation per code, or a Resultat's total. */
  relation: 'analys' | 'resultat';
  table: string;
  file: string;
  line: number;
  row: string;
  column: string;
  /** The other cell with its sign changed (the two tables show costs with opposite signs). */
  negated: boolean;
}

/** The file of a table's findings, and its sheet when it is on one. */
export const placeOf = (t: VerifyTable): { file: string; sheet?: string } =>
  t.sheet === undefined ? { file: t.file } : { file: t.file, sheet: t.sheet };

/** Whether two findings are of one table (file, sheet and title). */
export const sameTable = (a: Finding, b: Finding): boolean => a.file === b.file && a.sheet === b.sheet && a.table === b.table;

export interface Finding {
  type: CheckType;
  file: string;
  /** The sheet of a workbook the table is on (`line` is then its row). */
  sheet?: string;
  table: string;
  line: number;
  row: string;
  column: string;
  /** What the check computed, and what the cell holds (null for a missing row). */
  expected: Fixed | null;
  found: Fixed | null;
  /** How many rounded numbers the check involves, the checked cell included (`TERMS`). */
  terms: number;
  /** Decimals of the column, for showing the numbers as the table does. */
  decimals: number;
  /** What the expectation is, for the message: a formula or the other cell. */
  basis: string;
  /**
   * The cells the check involves besides the checked one (lines of its rows, headings of its
   * columns), to find the wrong cell when two checks disagree. For a row relation, `signs`
   * gives each column's coefficient in found − expected: a cell of that column too high by
   * δ makes the difference `signs[j]·δ` larger.
   */
  involves?: { lines: number[]; columns: string[]; signs?: bigint[] };
  /** For a check across tables: the other table's cell. */
  other?: CrossEnd;
}

export class Checker {
  readonly errors: Finding[] = [];
  readonly notes: Finding[] = [];
  /** Differences within the worst case of rounding but beyond what rounding makes except with very small probability. */
  readonly warnings: Finding[] = [];
  checks = 0;
  /** Checks made per table, so a table where nothing could be checked is reported (`emptyTables`). */
  private readonly perTable = new Map<VerifyTable, number>();
  constructor(private readonly strict: boolean) {}

  /**
   * Compares a cell with its expectation. `terms` counts every rounded number the check
   * involves, the checked cell included (`TERMS` in rules/tolerance.ts); a difference of at
   * most half a unit of the column's decimals per term is a rounding note (an error when
   * strict), anything more an error. With 0 terms the two must be equal. `tolerance`
   * overrides the allowance when the terms are shown with different decimals.
   */
  compare(
    t: VerifyTable,
    row: VerifyRow,
    column: number,
    expected: bigint,
    type: CheckType,
    terms: number,
    basis: string,
    tolerance?: bigint,
    involves?: { rows: readonly VerifyRow[]; columns: readonly number[]; signs?: readonly bigint[] },
    other?: CrossEnd,
  ): void {
    this.count(t);
    const found = valueOf(row.values[column] ?? null);
    const diff = found - expected;
    if (diff === 0n) return;
    const decimals = t.decimals[column] as number;
    const finding: Finding = {
      type,
      ...placeOf(t),
      table: t.title,
      line: row.line,
      row: row.label,
      column: t.header[column] ?? '',
      expected: fixed(expected),
      found: fixed(found),
      terms,
      basis,
      decimals,
    };
    if (other) finding.other = other;
    if (involves) {
      finding.involves = { lines: involves.rows.map((r) => r.line), columns: involves.columns.map((c) => t.header[c] ?? '') };
      if (involves.signs) finding.involves.signs = [...involves.signs];
    }
    const abs = diff < 0n ? -diff : diff;
    const withinRounding = abs <= (tolerance ?? (t.exact[column] ? 0n : roundingTolerance(decimals, terms)));
    if (!withinRounding || this.strict) this.errors.push(finding);
    else if (tolerance === undefined && isUnlikelyRounding(abs, decimals, terms)) this.warnings.push(finding);
    else this.notes.push(finding);
  }

  /** A check that held (decided by its own rule, e.g. `matchesLedger`). */
  passed(t: VerifyTable): void {
    this.count(t);
  }

  /** How many checks were made on `t`. */
  checksOf(t: VerifyTable): number {
    return this.perTable.get(t) ?? 0;
  }

  private count(t: VerifyTable): void {
    this.checks++;
    this.perTable.set(t, (this.perTable.get(t) ?? 0) + 1);
  }

  /** A table where no check could be made: an error naming it (a check that checked nothing is no pass). */
  empty(t: VerifyTable): void {
    this.errors.push({
      type: 'empty',
      ...placeOf(t),
      table: t.title,
      line: t.line,
      row: t.title,
      column: '',
      expected: null,
      found: null,
      terms: 0,
      basis: 'empty',
      decimals: 0,
    });
  }

  /** A row that is in one of the two and not in the other: always an error. */
  missing(t: VerifyTable, finding: Finding): void {
    this.count(t);
    this.errors.push(finding);
  }
}
