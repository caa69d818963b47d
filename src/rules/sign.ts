/**
 * The sign rule. Ledger systems and SIE export costs positive and revenues negative (debet +,
 * kredit −); `--input-sign revenue-positive` reads the opposite convention. Reports show
 * amounts in one of two perspectives: kostnad (net cost positive) or resultat (revenue
 * positive); a deviation is the same number in both: positive always means better than budget.
 */

/** Which sign the file uses: ledger (costs +, revenues −; debet +) or the opposite. */
export type InputSign = 'cost-positive' | 'revenue-positive';
export const INPUT_SIGNS: readonly InputSign[] = ['cost-positive', 'revenue-positive'];

/** Which sign amounts are shown in: net cost positive, or revenue positive (SPEC §3). */
export type Perspective = 'kostnad' | 'resultat';
export const PERSPECTIVES: readonly Perspective[] = ['kostnad', 'resultat'];
