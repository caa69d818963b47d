/**
 * The Checker: where every verify check ends. It counts the checks, compares a published
 * cell with what the check expects, and files the difference as an error or, when rounding
 * can explain it (rules/tolerance.ts), as a rounding note.
 */
import type { Fixed } from '../../core/money.js';
import { roundingTolerance } from '../../rules/tolerance.js';
import { fixed, valueOf, type VerifyRow, type VerifyTable } from './structure.js';

export type CheckType = 'summa' | 'hierarki' | 'avvikelse' | 'relation' | 'parent' | 'ledger' | 'rad';

export interface Finding {
  type: CheckType;
  file: string;
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
}

export class Checker {
  readonly errors: Finding[] = [];
  readonly notes: Finding[] = [];
  checks = 0;
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
  ): void {
    this.checks++;
    const found = valueOf(row.values[column] ?? null);
    const diff = found - expected;
    if (diff === 0n) return;
    const decimals = t.decimals[column] as number;
    const finding: Finding = {
      type,
      file: t.file,
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
    const withinRounding = (diff < 0n ? -diff : diff) <= (tolerance ?? roundingTolerance(decimals, terms));
    (withinRounding && !this.strict ? this.notes : this.errors).push(finding);
  }

  /** A check that held (decided by its own rule, e.g. `matchesLedger`). */
  passed(): void {
    this.checks++;
  }

  /** A row that is in one of the two and not in the other: always an error. */
  missing(finding: Finding): void {
    this.checks++;
    this.errors.push(finding);
  }
}
