/**
 * The shape of every user-visible text (`Texts`), which each language (sv.ts, en.ts)
 * fills in as a `Dictionary`, and the renderers all languages share: a report's `Title`,
 * `Message` and row-label ids become prose here, never in the report layer. The compiler
 * checks that a dictionary has a text for every error code, title kind and message code.
 */
import type { ReportPeriod } from '../core/periods.js';
import type { ErrorCode } from '../errors.js';
import type { ColumnId, Message, MessageCode, MessageParams, ResultatRow, RowLabel, Title } from '../report/model.js';

export type Lang = 'sv' | 'en';

/** The parameters of an error (AvvikelseError.params). */
export type Params = Record<string, string | number>;
export type ErrorTexts = Record<ErrorCode, (p: Params) => string>;
/** One text per title kind, given the title's fields. */
export type TitleTexts = { [K in Title['kind']]: (t: Title & { kind: K }) => string };
/** One text per message code, given its parameters. */
export type MessageTexts = { [C in MessageCode]: (p: MessageParams[C]) => string };

/** What a language writes. */
export interface Dictionary {
  error: ErrorTexts;
  /** Prefix of every error line. */
  errorLabel: string;
  warningLabel: string;
  noteLabel: string;
  line: string;
  column: string;
  columns: Record<ColumnId | 'kod' | 'namn', string>;
  /** The label of a total row. */
  summa: string;
  /** Row labels of the Resultat summary, and its total row. */
  resultat: Record<ResultatRow | 'resultat', string>;
  /** Heading of the comments section under a terminal table. */
  comments: string;
  html: {
    lang: string;
    heading: (first: string) => string;
    madeBy: string;
    rules: string;
    signRule: string;
    run: string;
    chartCaption: (column: string, unit: string) => string;
    /** The unit of every amount (the rules of a workbook). */
    unit: (unit: string) => string;
    /** How a Summa is made (the rules of a workbook, which has no formulas). */
    summaRule: string;
  };
  reading: (file: string, percent: number) => string;
  /** Month names, January first. */
  months: readonly string[];
  dimension: (dim: string) => string;
  titles: TitleTexts;
  messages: MessageTexts;
  perspective: { kostnad: string; resultat: string };
  rounding: { 'half-away-from-zero': string; 'half-even': string };
  roundingNote: (shownSum: string, summa: string, column: string) => string;
  /** A `--fail-on` condition met by a cell. */
  thresholdCrossed: (table: string, row: string, column: string, value: string, condition: string) => string;
  codes: { kod: string; namn: string; niva: string; none: (prefix: string) => string };
  verify: {
    /** What an expectation rests on, by the check's basis. */
    basis: (basis: string) => string;
    error: (row: string, column: string, expected: string, basis: string, found: string, diff: string) => string;
    rounding: (row: string, column: string, found: string, expected: string, basis: string, diff: string, terms: number) => string;
    missingInTable: (row: string, table: string) => string;
    notInLedger: (row: string) => string;
    summary: (tables: number, checks: number, errors: number, notes: number) => string;
    ledger: string;
    unusedRelation: (relation: string) => string;
  };
}

/** A language's texts with the renderers of the report's descriptors. */
export interface Texts extends Dictionary {
  /** The text of a table title. */
  title(t: Title): string;
  /** The text of a warning or note (without the "varning:"/"not:" label). */
  message(m: Message): string;
  /** The text of a row-label id (Summa, Resultat, the Resultat rows). */
  label(id: RowLabel): string;
}

/**
 * A dictionary with its renderers.
 * @example withRenderers(svDictionary).title({ kind: 'sub', dimension: 'verksamhet', pattern: '51*' }) // 'Redovisning verksamhet 51*'
 */
export function withRenderers(d: Dictionary): Texts {
  return {
    ...d,
    title: (t) => (d.titles[t.kind] as (t: Title) => string)(t),
    message: (m) => (d.messages[m.code] as (p: Message['params']) => string)(m.params),
    label: (id) => (id === 'summa' ? d.summa : d.resultat[id]),
  };
}

/** The first letter in upper case. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A list of codes or accounts as the messages show it: `51, 52, 55`. */
export const list = (items: readonly string[]): string => items.join(', ');

/** The last day of the report month (31 for August): a monthly report is "per 31 augusti". */
export const lastDay = (p: ReportPeriod): number => new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();

/**
 * An exact amount in öre as kronor with two decimals, for a message: `1 234,50 kr` in
 * Swedish, `1,234.50 kr` in English.
 * @example kronor(-123450n, 'sv') // '−1 234,50 kr'
 */
export function kronor(ore: bigint, lang: Lang): string {
  const abs = ore < 0n ? -ore : ore;
  const int = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? ' ' : ',');
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${ore < 0n ? '\u2212' : ''}${int}${lang === 'sv' ? ',' : '.'}${frac} kr`;
}

/**
 * A system code explained in words, the code kept for searching: `det är en mapp, inte en fil
 * (EISDIR)`; an unknown code alone in parentheses.
 * @example explained({ EISDIR: 'a folder' }, 'EISDIR') // 'a folder (EISDIR)'
 */
export function explained(words: Readonly<Record<string, string>>, code: string | number | undefined): string {
  const text = code === undefined ? undefined : words[code];
  return text === undefined ? `(${String(code)})` : `${text} (${code})`;
}

/** ' 2024' after a title's name, or nothing when the data has no year. */
export const yearSuffix = (year: string): string => (year ? ` ${year}` : '');

/**
 * An exact amount of öre (a bigint as text) in a unit of 10^exp öre, with every decimal it
 * has and no trailing zeros, grouped in threes: for the amounts an error names.
 * @example amountText('-12345650', 5, ',', ' ') // '−123,4565'
 */
export function amountText(ore: string | number, exp: number, decimal: string, group: string): string {
  const o = BigInt(ore);
  const digits = (o < 0n ? -o : o).toString().padStart(exp + 1, '0');
  const int = digits.slice(0, digits.length - exp).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const frac = digits.slice(digits.length - exp).replace(/0+$/, '');
  return `${o < 0n ? '\u2212' : ''}${int}${frac ? decimal + frac : ''}`;
}

/**
 * Rows of a file with their labels, the first ten: `rad 12 'Summa 4100', rad 38 'Totalt'`
 * (and `och 3 till` after ten).
 */
export function rowList(lines: readonly number[], labels: readonly string[], line: string, and: string, more: string): string {
  const shown = lines.slice(0, 10).map((l, i) => `${line} ${l} '${labels[i] ?? ''}'`);
  return shown.join(', ') + (lines.length > 10 ? ` ${and} ${lines.length - 10} ${more}` : '');
}

/**
 * A span of months as a title or message names it: `januari–augusti`, or one month alone.
 * @example monthSpan(['januari', 'februari', 'mars'], 1, 3) // 'januari–mars'
 */
export const monthSpan = (names: readonly string[], first: number, last: number): string =>
  first === last ? (names[first - 1] as string) : `${names[first - 1]}–${names[last - 1]}`;
