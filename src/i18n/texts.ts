/**
 * The shape of every user-visible text (`Texts`), which each language (sv.ts, en.ts)
 * fills in as a `Dictionary`, and the renderers all languages share: a report's `Title`,
 * `Message` and row-label ids become prose here, never in the report layer. The compiler
 * checks that a dictionary has a text for every error code, title kind and message code.
 */
import { Exact, type Ore } from '../core/money.js';
import type { ReportPeriod } from '../core/periods.js';
import type { ErrorCode } from '../errors.js';
import type { CrossEnd } from '../report/verify/checker.js';
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
  /** The length of a value cut short in a message (`clip`): `50000000 tecken`. */
  characters: (n: number) => string;
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
  codes: {
    kod: string;
    namn: string;
    niva: string;
    none: (prefix: string) => string;
    /** `--search TEXT` matched no name (under `prefix`, '' for all codes). */
    noHits: (search: string, prefix: string) => string;
  };
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
    /** A table on which no check could be made. */
    empty: (table: string) => string;
    warning: (row: string, column: string, found: string, expected: string, basis: string, diff: string, terms: number) => string;
    /** Appended to the summary when there are warnings. */
    warnings: (count: number) => string;
    /** What a check across tables rests on: the checked cell's table and the other table's cell. */
    cross: (table: string, other: CrossEnd) => string;
  };
  /** `avvikelse init`: what it found in each sample file, and what to run next. */
  init: {
    input: (input: 'utfall' | 'budget', file: string) => string;
    format: (format: string, encoding: string | undefined, delimiter: string | undefined) => string;
    columns: (code: string | undefined, amounts: readonly string[]) => string;
    unit: (unit: string, fromHeading: string | undefined) => string;
    periods: (kind: 'months' | 'year' | 'yearless' | 'none', first: string, last: string, rows: number) => string;
    wrote: (file: string) => string;
    thisMonth: string;
    nextMonth: string;
    /** `--period ÅÅÅÅ-MM` when the utfall has no months to name one. */
    periodPlaceholder: string;
  };
  /** The controller's report: the Övriga row, the compact rounding footnote, titles. */
  report: {
    /** The row of the N rows `--top`/`--min-avvikelse` leave out: `Övriga (3 verksamheter)`. */
    others: (n: number, dimension: string) => string;
    /** The compact rounding note under a table: the columns whose rounded rows do not add up to the Summa. */
    roundingFootnote: (columns: string[]) => string;
    /** The title of one part of `--split-by`: `Ansvar 4230 Särskilt boende Björken`. */
    splitTitle: (dimension: string, code: string, name: string | null) => string;
    /** The heading of the index of `--split-by`'s files. */
    splitIndex: (dimension: string) => string;
    /** The two rows of a code in `--layout rader`. */
    intakt: string;
    kostnad: string;
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

/** Digits of a non-negative plain decimal text grouped in threes, with the decimal mark given. */
function grouped(plain: string, decimal: string, group: string): string {
  const [int = '', frac] = plain.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (frac ? decimal + frac : '');
}

/**
 * An exact amount in öre as kronor with two decimals (more when it has a fraction of an öre),
 * for a message: `1 234,50 kr` in Swedish, `1,234.50 kr` in English.
 * @example kronor(ore(-123450n), 'sv') // '−1 234,50 kr'
 */
export function kronor(amount: Ore, lang: Lang): string {
  const kr = amount.abs().div(100);
  const plain = kr.toFixed(Math.max(2, kr.decimalPlaces()));
  return `${amount.isNeg() && !amount.isZero() ? '\u2212' : ''}${grouped(plain, lang === 'sv' ? ',' : '.', lang === 'sv' ? ' ' : ',')} kr`;
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
 * An exact amount of öre (as decimal text) in a unit of 10^exp öre, with every decimal it
 * has and no trailing zeros, grouped in threes: for the amounts an error names.
 * @example amountText('-12345650', 5, ',', ' ') // '−123,4565'
 */
export function amountText(ore: string | number, exp: number, decimal: string, group: string): string {
  const value = new Exact(ore).div(new Exact(10).pow(exp));
  return `${value.isNeg() && !value.isZero() ? '\u2212' : ''}${grouped(value.abs().toFixed(), decimal, group)}`;
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

/** Characters of one quoted value from the data (a cell, a header) that a message shows. */
export const QUOTED_MAX = 80;
/** Characters of a list of such values (`headers`, `candidates`), and of any other parameter, that a message shows. */
export const LIST_MAX = 400;
/** Parameters the program writes itself (the known keys of the configuration file), never cut. */
const OWN_PARAMS = new Set(['known']);
/** Parameters that quote one value from the data. */
const QUOTED_PARAMS = new Set(['value', 'name', 'column', 'heading', 'first', 'second', 'label', 'code']);

/**
 * `text` cut to `max` characters (never inside a surrogate pair) with an ellipsis and its
 * whole length, so a 50 MB field never makes 50 MB of message.
 * @example clip('1234567890', 4, (n) => `${n} tecken`) // '1234…[10 tecken]'
 */
export function clip(text: string, max: number, characters: (n: number) => string): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…[${characters(text.length)}]`;
}

/** An error's parameters with every value from the data cut by `clip` (QUOTED_MAX for one value, LIST_MAX for the rest). */
export function clipParams(params: Params, characters: (n: number) => string): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] =
      typeof value !== 'string' || OWN_PARAMS.has(key) ? value : clip(value, QUOTED_PARAMS.has(key) ? QUOTED_MAX : LIST_MAX, characters);
  }
  return out;
}
