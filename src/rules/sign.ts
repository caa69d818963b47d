/**
 * The sign rule, in one place. Ledger systems and SIE export costs positive and revenues
 * negative (debet +, kredit −); `--input-sign revenue-positive` reads the opposite convention
 * and every reader negates it into ledger sign (`negatesInput`). Everything between reading
 * and showing is in ledger sign. Reports show amounts in one of two perspectives: kostnad (net
 * cost positive, the ledger sign) or resultat (revenue positive, every plain amount negated);
 * `inPerspective` is the only place that negation happens. A deviation is computed once, in
 * ledger sign, as planned − actual (`deviation`), and is never negated: it is the same number
 * in both perspectives, and positive always means better than planned (less cost, more revenue).
 * Every deviation column of every report kind — drift's avvikelse, the monthly avvikelse_ack,
 * prognosavvikelse and prognosförändring, the analysis' nettoavvikelse and the Resultat's
 * avvikelse — is `deviation(planned, actual)` of two ledger-sign amounts. The reversed-sign
 * evidence (`looksReversed`) is the heuristic that warns when a file seems to be read with the
 * wrong input sign.
 */
import type { Ore } from '../core/money.js';

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

/**
 * The deviation columns of every report kind: the columns `inPerspective` never negates.
 * The column registry (report/columns.ts) checks that its `deviation` kind names exactly these.
 */
export const DEVIATIONS = ['avvikelse', 'avvikelse_ack', 'prognosavvikelse', 'prognosforandring', 'nettoavvikelse'] as const;
export type DeviationColumn = (typeof DEVIATIONS)[number];
const DEVIATION_SET: ReadonlySet<string> = new Set(DEVIATIONS);

/**
 * Whether a column holds a deviation (the same number in both perspectives).
 * @example isDeviation('prognosavvikelse') // true
 */
export function isDeviation(column: string): column is DeviationColumn {
  return DEVIATION_SET.has(column);
}

/**
 * The deviation of an actual amount from a planned one, both in ledger sign (costs +):
 * planned − actual, so positive means better than planned (spent less, or earned more).
 * It is the same number in both perspectives: in the result perspective it reads as
 * actual − planned of the negated amounts. Null when either amount is unknown.
 * @example deviation(ore(1_000n), ore(800n)) // 200 öre: 800 spent of a budget of 1 000 is 200 better
 */
export function deviation(planned: Ore | null | undefined, actual: Ore | null | undefined): Ore | null {
  return planned === null || planned === undefined || actual === null || actual === undefined ? null : planned.minus(actual);
}

/**
 * Ledger-sign amounts in a report's perspective: the kostnad perspective shows them as they
 * are; the resultat perspective negates every amount except the deviations (`DEVIATIONS`),
 * which are the same number in both. Unknown (null) amounts stay null.
 * @example inPerspective({ utfall: ore(800n), avvikelse: ore(200n) }, 'resultat') // { utfall: −800 öre, avvikelse: 200 öre }
 */
export function inPerspective<C extends string>(
  amounts: Partial<Record<C, Ore | null>>,
  perspective: Perspective,
): Partial<Record<C, Ore | null>> {
  if (perspective === 'kostnad') return amounts;
  const out: Partial<Record<C, Ore | null>> = {};
  for (const [col, v] of Object.entries(amounts) as [C, Ore | null | undefined][]) {
    out[col] = v === null || v === undefined || isDeviation(col) ? v : v.neg();
  }
  return out;
}

/** Counts that reveal a reversed sign convention (only when the file has a konto column). */
export interface SignEvidence {
  /** Amounts on class-3 (revenue) accounts that are positive / negative, and on 4–7 (cost): see `kontoClass`. */
  revenuePositive: number;
  revenueNegative: number;
  costPositive: number;
  costNegative: number;
}

/** What the first character of an account number says about its amounts, for the sign evidence. */
export type KontoClass = 'revenue' | 'cost';

const DIGIT_3 = 0x33;
const DIGIT_4 = 0x34;
const DIGIT_7 = 0x37;

/**
 * The konto class that sign evidence counts, from the char code of an account's first
 * character (after leading blanks): class 3 holds revenues, classes 4–7 costs (Kommun-Bas);
 * any other first character (1, 2, 8, 9, a letter, none: NaN or 0) is neither. Takes a
 * char code, not a string, so that the byte-level fast path can call it on a byte in its
 * hot loop without creating a string; it returns one of two constant strings or null.
 * @example kontoClass('3110'.charCodeAt(0)) // 'revenue'
 */
export function kontoClass(firstChar: number): KontoClass | null {
  if (firstChar === DIGIT_3) return 'revenue';
  return firstChar >= DIGIT_4 && firstChar <= DIGIT_7 ? 'cost' : null;
}

/** Minimum number of konto-classified amounts before a reversed-sign warning is given. */
export const SIGN_EVIDENCE_MIN = 10;

/**
 * Whether a file's amounts look like the opposite sign convention to the one it was read
 * with: more revenue-positive and cost-negative amounts than the other way round, among at
 * least SIGN_EVIDENCE_MIN konto-classified amounts.
 * @example looksReversed({ revenuePositive: 8, revenueNegative: 0, costPositive: 1, costNegative: 6 }) // true
 */
export function looksReversed(s: SignEvidence): boolean {
  const reversed = s.revenuePositive + s.costNegative;
  const normal = s.revenueNegative + s.costPositive;
  return reversed + normal >= SIGN_EVIDENCE_MIN && reversed > normal;
}

/**
 * The forecast a forecast deviation stands for (a `Prognosavvikelse` column where a forecast
 * was asked for): budget helår − deviation, in ledger sign. It is the inverse of `deviation`,
 * so `deviation(budget, forecastFromDeviation(budget, a)) === a` — and, like every deviation,
 * `a` reads the same in both perspectives (positive = better than budget): shown in the
 * resultat perspective, the forecast is the (negated) budget + the deviation.
 * @example forecastFromDeviation(ore(1_000n), ore(-200n)) // 1 200 öre: 200 worse than a cost budget of 1 000
 */
export function forecastFromDeviation(budgetHelar: Ore, avvikelse: Ore): Ore {
  return budgetHelar.minus(avvikelse);
}
