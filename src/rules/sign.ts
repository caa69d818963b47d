/**
 * The sign rule. Ledger systems and SIE export costs positive and revenues negative (debet +,
 * kredit −); `--input-sign revenue-positive` reads the opposite convention. Reports show
 * amounts in one of two perspectives: kostnad (net cost positive) or resultat (revenue
 * positive); a deviation is the same number in both: positive always means better than budget.
 */

/** Which sign the file uses: ledger (costs +, revenues −; debet +) or the opposite. */
export type InputSign = 'cost-positive' | 'revenue-positive';
export const INPUT_SIGNS: readonly InputSign[] = ['cost-positive', 'revenue-positive'];

/**
 * Whether amounts read with `sign` are negated into ledger sign (costs +). Every reader
 * applies this one rule to every amount it reads.
 * @example negatesInput('revenue-positive') // true: revenue 500 in the file is −500 in the ledger
 */
export function negatesInput(sign: InputSign): boolean {
  return sign === 'revenue-positive';
}

/** Which sign amounts are shown in: net cost positive, or revenue positive (SPEC §3). */
export type Perspective = 'kostnad' | 'resultat';
export const PERSPECTIVES: readonly Perspective[] = ['kostnad', 'resultat'];

/** Counts that reveal a reversed sign convention (only when the file has a konto column). */
export interface SignEvidence {
  /** Amounts on class-3 (revenue) accounts that are positive / negative, and on 4–7 (cost). */
  revenuePositive: number;
  revenueNegative: number;
  costPositive: number;
  costNegative: number;
}

/** Minimum number of konto-classified amounts before a reversed-sign warning is given. */
export const SIGN_EVIDENCE_MIN = 10;

/**
 * Whether a file's amounts look like the opposite sign convention to the one it was read
 * with: more revenue-positive and cost-negative amounts than the other way round, among at
 * least SIGN_EVIDENCE_MIN konto-classified amounts.
 */
export function looksReversed(s: SignEvidence): boolean {
  const reversed = s.revenuePositive + s.costNegative;
  const normal = s.revenueNegative + s.costPositive;
  return reversed + normal >= SIGN_EVIDENCE_MIN && reversed > normal;
}
