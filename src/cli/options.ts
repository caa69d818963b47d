/**
 * The option schema: every command-line option and configuration key of avvikelse, each
 * declared once in `OPTIONS` — its commander flag, its kind, its Swedish and English help,
 * the commands that take it, whether `avvikelse.config.json` may set it, the one function
 * that validates it (OPTION_INVALID naming the flag), its fallback, and the README text.
 * Everything else derives from it: the commander declarations (`declare`), the flags a
 * command was given (`fromCommander`), the configuration file's validation (`fromConfig`),
 * the TypeScript types (`Options`, `RawOptions`), flags > configuration > fallback
 * (`resolve`), the files `--out` may not overwrite (`inputFiles`) and the README's option
 * tables (`cli/options-doc.ts`). Rules that tie several options together live in
 * `cli/plan.ts`; this file validates one option at a time.
 *
 * Per-input settings: an entry marked `perInput` (`col`, `inputUnit`, `inputSign`, `where`,
 * `encoding`, `delimiter`, `decimal`, `sheet`) is a setting each input may override; an entry marked
 * `input` names input files and lists the settings its files take. From those two entries
 * alone follow the flag `--<input>-<setting>` (`--budget-col`, `--fg-ar-unit`) with its help,
 * the configuration section `inputs.<input>` (`files` and the settings, checked with the
 * setting's kind), and the resolved `Options.inputs` (`resolveInputs`: the input's own value
 * wins over the plain option, per key for `col` and per dimension for `where`), each parsed by
 * the setting's one `parse`.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { dirname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { AvvikelseError } from '../errors.js';
import { UNITS, type Unit } from '../core/money.js';
import type { Filter } from '../core/codes.js';
import { ROUNDING_MODES, type RoundingMode } from '../rules/rounding.js';
import { PROGNOS_METODER, type PrognosMetod } from '../rules/forecast.js';
import { INPUT_SIGNS, PERSPECTIVES, type InputSign, type Perspective } from '../rules/sign.js';
import { bilingual, LANGS, type Lang } from '../i18n/index.js';
import { DECIMAL_MARKS, type DecimalMark } from '../read/amount.js';
import { canonicalDimension } from '../read/columns.js';
import { DELIMITERS, ENCODINGS, parseDelimiterName, parseEncodingName, type Delimiter, type Encoding } from '../read/csv/dialect.js';
import { parsePeriod } from '../read/period.js';
import { COLUMN_IDS, isColumnId, onlyIn, type ColumnId } from '../report/columns.js';
import type { Threshold } from '../report/thresholds.js';
import type { MonthlyOptions, SettingsInput } from '../app/run-report.js';
import { parseRelation, type Relation } from '../report/verify/relation.js';
import { CSV_DIALECTS, FORMATS, LAYOUTS, ROUNDING_NOTES, type Format, type Layout, type RoundingNotes } from '../write/document.js';
import { VERIFY_FORMATS } from '../write/verify.js';
import { columnMap, filters, integer, minAmount, oneOf, sieDims, threshold } from './values.js';
import { SORT_KEYS, type SortKey } from '../report/select.js';

/**
 * What an option's value looks like before it is parsed, by kind. The kind drives commander
 * (variadic for `paths`, repeatable for `strings` and `record`, a switch for `boolean`) and
 * the configuration file's type check; the kind's name is the `type` of CONFIG_INVALID.
 * `path`/`paths` name input files: relative to the configuration file when set there, and
 * listed by `inputFiles`. `number` is an integer (a string on the command line). A `record`
 * is `key=value` pairs on the command line and an object of strings in the file.
 */
export interface Raw {
  path: string;
  paths: string[];
  string: string;
  strings: string[];
  number: string | number;
  boolean: boolean;
  record: string[];
}
export type Kind = keyof Raw;
export type CommandName = 'report' | 'verify' | 'codes' | 'init';

export interface OptionDef<K extends Kind, T, F extends T | undefined> {
  /** Commander syntax, e.g. `--fg-ar <filer...>`; the entry's key is the configuration key. */
  readonly flag: string;
  readonly kind: K;
  /** The `--help` line; Swedish is the default language. */
  readonly help: { readonly sv: string; readonly en: string };
  /** The commands that take the flag, or `global` for the program's own options. */
  readonly commands: readonly CommandName[] | 'global';
  /** Commands that read the value from the configuration file without taking the flag. */
  readonly readBy?: readonly CommandName[];
  /** Not allowed in the configuration file (output, switches of one run, debugging). */
  readonly config?: false;
  /** The only place the option is validated: OPTION_INVALID naming the flag. */
  parse(raw: Raw[K]): T;
  /** The value when neither the flag nor the file gives one (already parsed). */
  readonly fallback?: F;
  /** The input files a value names, for kinds other than path/paths (`--periodisering KEYFILE`). */
  files?(value: T): string[];
  /** The README row (English, like the rest of the manual): placeholder, meaning, example. */
  readonly doc: { readonly arg?: string; readonly text: string; readonly example?: string };
  /** A setting each input may override: its name in `--<input>-<name>` and `inputs.<input>.<name>`. */
  readonly perInput?: PerInputName;
  /** An option that names input files: the settings its files may override (`inputs.<key>`). */
  readonly input?: readonly PerInputName[];
}

/** The name of a per-input setting: the flag's suffix (`--budget-col`) and its key in `inputs.<input>`. */
export type PerInputName = 'col' | 'unit' | 'sign' | 'where' | 'encoding' | 'delimiter' | 'decimal' | 'sieDim' | 'sheet';
/** What a ledger's files may override (utfall, budget, last year's utfall). */
const LEDGER_SETTINGS: readonly PerInputName[] = ['col', 'unit', 'sign', 'where', 'encoding', 'delimiter', 'decimal', 'sieDim', 'sheet'];
/** What a `kod;belopp` file may override (forecasts). */
const AMOUNT_SETTINGS: readonly PerInputName[] = ['unit', 'sign'];

/** One schema entry, typed by its kind, its parsed value and its fallback. */
function option<K extends Kind, T, F extends T | undefined = undefined>(o: OptionDef<K, T, F>): OptionDef<K, T, F> {
  return o;
}

const REPORT = ['report'] as const;
const LEDGER = ['report', 'verify'] as const;
/** The ledgers' files: `init` reads samples of them too. */
const LEDGER_FILES = ['report', 'verify', 'init'] as const;
const VERIFY = ['verify'] as const;
const asIs = <V>(v: V): V => v;

const monthlyOnly = (c: ColumnId) => onlyIn(c, 'manad', ['drift']);
const driftOnly = (c: ColumnId) => onlyIn(c, 'drift', ['manad']);

/** `--columns a,b,c`: known ids, all of one report kind (the inputs they need are checked in cli/plan.ts). */
function columnIds(text: string): ColumnId[] {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const expected = COLUMN_IDS.join(', ');
  if (ids.length === 0) throw new AvvikelseError('OPTION_INVALID', { option: '--columns', value: text, expected });
  for (const id of ids) {
    if (!isColumnId(id)) throw new AvvikelseError('OPTION_INVALID', { option: '--columns', value: id, expected });
  }
  const cols = ids as ColumnId[];
  if (cols.some(monthlyOnly) && cols.some(driftOnly)) {
    throw new AvvikelseError('OPTION_INVALID', { option: '--columns', value: text, expected: 'columnsMixed' });
  }
  return cols;
}

/** `--avvikelse 'Budget-Utfall'`: the declared order of verify's deviation columns. */
function deviationOrder(text: string): 'budget-utfall' | 'utfall-budget' {
  const order = text.toLowerCase().replace(/\s|−/g, (c) => (c === '−' ? '-' : ''));
  if (/^(budget)-(utfall|bokslut|prognos|actual)/.test(order)) return 'budget-utfall';
  if (/^(utfall|bokslut|prognos|actual)-(budget)/.test(order)) return 'utfall-budget';
  throw new AvvikelseError('OPTION_INVALID', { option: '--avvikelse', value: text, expected: 'Budget-Utfall | Utfall-Budget' });
}

function relation(text: string): Relation {
  const r = parseRelation(text);
  if (!r) throw new AvvikelseError('OPTION_INVALID', { option: '--columns', value: text, expected: 'relation' });
  return r;
}

function parentRow(text: string): { table: string; row: string } {
  const eq = text.lastIndexOf('=');
  if (eq <= 0 || eq === text.length - 1)
    throw new AvvikelseError('OPTION_INVALID', { option: '--parent', value: text, expected: 'parent' });
  return { table: text.slice(0, eq).trim(), row: text.slice(eq + 1).trim() };
}

function encoding(text: string): 'auto' | Encoding {
  const e = text === 'auto' ? 'auto' : parseEncodingName(text);
  if (e === null)
    throw new AvvikelseError('OPTION_INVALID', { option: '--encoding', value: text, expected: `auto | ${ENCODINGS.join(' | ')} | cp1252` });
  return e;
}

function delimiter(text: string): 'auto' | Delimiter {
  const d = text === 'auto' ? 'auto' : parseDelimiterName(text);
  if (d === null)
    throw new AvvikelseError('OPTION_INVALID', {
      option: '--delimiter',
      value: text,
      expected: `auto | ${DELIMITERS.join(' | ').replace('\t', 'tab')}`,
    });
  return d;
}

function period(text: string): string {
  const p = parsePeriod(text);
  if (p === null) throw new AvvikelseError('OPTION_INVALID', { option: '--period', value: text, expected: 'period' });
  return p;
}

/**
 * Every option, once. The order is the order of `--help`, of the README tables and of the
 * configuration keys listed by CONFIG_INVALID; add new entries at the end of their group.
 */
export const OPTIONS = {
  // verify's own options (flag only).
  summa: option({
    flag: '--summa <etikett>',
    kind: 'strings',
    commands: VERIFY,
    config: false,
    parse: asIs<string[]>,
    fallback: [],
    help: {
      sv: "fler summarader än Summa/Totalt, t.ex. 'Resultat' (upprepbar)",
      en: "total rows besides Summa/Totalt, e.g. 'Resultat' (repeatable)",
    },
    doc: { arg: 'LABEL', text: 'more total rows besides `Summa`/`Totalt`/`Total` (repeatable)', example: "--summa 'ÅRETS RESULTAT'" },
  }),
  ignore: option({
    flag: '--ignore <kolumn>',
    kind: 'strings',
    commands: VERIFY,
    config: false,
    parse: asIs<string[]>,
    fallback: [],
    help: { sv: 'kolumn som inte ska kontrolleras (upprepbar)', en: 'a column to leave out of the checks (repeatable)' },
    doc: { arg: 'COLUMN', text: 'leave a column out of every check (repeatable)', example: "--ignore 'Budget fg år'" },
  }),
  avvikelse: option({
    flag: '--avvikelse <ordning>',
    kind: 'string',
    commands: VERIFY,
    config: false,
    parse: deviationOrder,
    help: {
      sv: "avvikelsens ordning: 'Budget-Utfall' eller 'Utfall-Budget' (standard: ur data)",
      en: "the deviation's order: 'Budget-Utfall' or 'Utfall-Budget' (default: from the data)",
    },
    doc: {
      arg: 'ORDER',
      text: 'the order of every deviation column: `Budget-Utfall` or `Utfall-Budget` (default: from the data)',
      example: "--avvikelse 'Utfall-Budget'",
    },
  }),
  /** verify's `--columns` (relations); report's `--columns` (column ids) is `columns` below. */
  relations: option({
    flag: '--columns <relation>',
    kind: 'strings',
    commands: VERIFY,
    config: false,
    parse: (v) => v.map(relation),
    fallback: [],
    help: {
      sv: "samband mellan kolumner, t.ex. 'Netto=Intäkt+Kostnad' (upprepbar)",
      en: "a relation between columns, e.g. 'Net=Revenue+Cost' (repeatable)",
    },
    doc: {
      arg: 'RELATION',
      text: 'a relation between columns that must hold on every row (repeatable)',
      example: "--columns 'Netto=Intäkt+Kostnad'",
    },
  }),
  parent: option({
    flag: '--parent <tabell=rad>',
    kind: 'strings',
    commands: VERIFY,
    config: false,
    parse: (v) => v.map(parentRow),
    fallback: [],
    help: {
      sv: "deltabellens summa ska vara raden, t.ex. 'Redovisning verksamhet 51*=51' (upprepbar)",
      en: "the sub-table's total must equal the row, e.g. 'Redovisning verksamhet 51*=51' (repeatable)",
    },
    doc: {
      arg: 'TABLE=ROW',
      text: "a sub-table's Summa must equal the row starting with ROW in another table (repeatable)",
      example: "--parent 'Redovisning verksamhet 51*=51'",
    },
  }),
  strict: option({
    flag: '--strict',
    kind: 'boolean',
    commands: VERIFY,
    config: false,
    parse: asIs<boolean>,
    fallback: false,
    help: { sv: 'avrundningsskillnader räknas som fel', en: 'rounding differences count as errors' },
    doc: { text: 'rounding differences are errors too' },
  }),
  /** verify's `--format`; report's is `format` below. */
  verifyFormat: option({
    flag: '--format <f>',
    kind: 'string',
    commands: VERIFY,
    config: false,
    parse: (v) => oneOf('--format', v, VERIFY_FORMATS),
    fallback: 'text',
    help: { sv: 'text (standard), json, github', en: 'text (default), json, github' },
    doc: {
      arg: 'F',
      text: '`text` (default), `json`, `github` (annotations on the changed lines of a pull request)',
      example: '--format github',
    },
  }),

  allowEmpty: option({
    flag: '--allow-empty',
    kind: 'boolean',
    commands: VERIFY,
    config: false,
    parse: asIs<boolean>,
    fallback: false,
    help: {
      sv: 'en tabell där inga kontroller kunde göras godkänns (en texttabell)',
      en: 'a table on which no check could be made passes (a text table)',
    },
    doc: { text: 'a table on which no check could be made passes (for a text table); without it such a table is an error' },
  }),

  cross: option({
    flag: '--no-cross',
    kind: 'boolean',
    commands: VERIFY,
    config: false,
    parse: asIs<boolean>,
    fallback: true,
    help: {
      sv: 'inga kontroller mellan tabellerna, var tabell för sig (utom --parent)',
      en: 'no checks across tables, each table on its own (except --parent)',
    },
    doc: {
      text: 'no checks across tables: each table is checked on its own, except a sub-table declared with `--parent` (for a resultaträkning whose net costs include items the Driftredovisning leaves out)',
      example: '--no-cross',
    },
  }),

  // The ledger options (report, and verify against the ledger), then report's own, in the
  // order of the configuration keys.
  utfall: option({
    flag: '--utfall <filer...>',
    kind: 'paths',
    input: LEDGER_SETTINGS,
    commands: LEDGER_FILES,
    parse: asIs<string[]>,
    help: { sv: 'utfallsfiler (summeras)', en: 'actual (utfall) files, summed' },
    doc: { arg: 'FILE…', text: 'utfall files; several are summed', example: '--utfall jan-jun.csv jul-aug.csv' },
  }),
  budget: option({
    flag: '--budget <filer...>',
    kind: 'paths',
    input: LEDGER_SETTINGS,
    commands: LEDGER_FILES,
    parse: asIs<string[]>,
    help: { sv: 'budgetfiler (summeras)', en: 'budget files, summed' },
    doc: { arg: 'FILE…', text: 'budget files; several are summed', example: '--budget budget.csv tillagg.csv' },
  }),
  names: option({
    flag: '--names <fil>',
    kind: 'path',
    input: [],
    commands: LEDGER,
    parse: asIs<string>,
    help: { sv: 'namnfil med kod;namn', en: 'names file with code;name' },
    doc: {
      arg: 'FILE',
      text: 'names file `kod;namn` (any delimiter, UTF-8 or cp1252, header optional)',
      example: '--names verksamheter.csv',
    },
  }),
  col: option({
    flag: '--col <roll=rubrik>',
    kind: 'record',
    perInput: 'col',
    commands: LEDGER_FILES,
    parse: (v) => columnMap('--col', v),
    fallback: {},
    help: {
      sv: 'ange kolumn, t.ex. verksamhet=Vht eller belopp=Summa (upprepbar)',
      en: 'map a column, e.g. verksamhet=Vht or belopp=Sum (repeatable)',
    },
    doc: {
      arg: 'ROLE=HEADER',
      text: 'map a column explicitly (repeatable); roles: `verksamhet`, `konto`, `ansvar`, `projekt`, `aktivitet`, `objekt`, `period`, `belopp`, `namn`, `debet` and `kredit` (amount = debet − kredit); the name of an input as the role (`utfall=Utfall ack`, `budget=Budget år`, `fg-ar=…`) is the amount column of that input, as `--utfall-col belopp=…` is',
      example: '--col verksamhet=Vht --col belopp="Summa kr"',
    },
  }),
  inputSign: option({
    flag: '--input-sign <s>',
    kind: 'string',
    perInput: 'sign',
    commands: LEDGER_FILES,
    fallback: 'cost-positive',
    parse: (v): InputSign =>
      oneOf('--input-sign', v, INPUT_SIGNS, {
        'kostnad-positiv': 'cost-positive',
        debet: 'cost-positive',
        'intakt-positiv': 'revenue-positive',
        'intäkt-positiv': 'revenue-positive',
      }),
    help: {
      sv: 'tecken i indata: cost-positive (debet +, standard) eller revenue-positive',
      en: 'sign in the input: cost-positive (debit +, default) or revenue-positive',
    },
    doc: {
      arg: 'S',
      text: 'sign of the input: `cost-positive` (default; debet +, as ledgers and SIE export) or `revenue-positive`',
      example: '--input-sign revenue-positive',
    },
  }),
  inputUnit: option({
    flag: '--input-unit <u>',
    kind: 'string',
    perInput: 'unit',
    commands: LEDGER_FILES,
    parse: (v): Unit => oneOf('--input-unit', v, UNITS),
    fallback: 'kr',
    help: { sv: 'enhet i indata: kr (standard), tkr, mnkr', en: 'unit of the input: kr (default), tkr, mnkr' },
    doc: { arg: 'U', text: 'unit of the input amounts: `kr` (default), `tkr`, `mnkr`, converted exactly', example: '--input-unit tkr' },
  }),
  perspective: option({
    flag: '--perspective <p>',
    kind: 'string',
    commands: LEDGER,
    fallback: 'kostnad',
    parse: (v): Perspective => oneOf('--perspective', v, PERSPECTIVES, { cost: 'kostnad', result: 'resultat' }),
    help: {
      sv: 'kostnad (nettokostnad positiv) eller resultat (intäkter positiva)',
      en: 'kostnad (net cost positive) or resultat (revenue positive)',
    },
    doc: {
      arg: 'P',
      text: '`kostnad` (default: net cost positive, avvikelse = budget − utfall) or `resultat` (revenue +, cost −, avvikelse = utfall − budget)',
      example: '--perspective resultat',
    },
  }),
  rounding: option({
    flag: '--rounding <r>',
    kind: 'string',
    commands: LEDGER,
    fallback: 'half-away-from-zero',
    parse: (v): RoundingMode => oneOf('--rounding', v, ROUNDING_MODES, { 'half-up': 'half-away-from-zero' }),
    help: { sv: 'half-away-from-zero (standard) eller half-even', en: 'half-away-from-zero (default) or half-even' },
    doc: { arg: 'R', text: "`half-away-from-zero` (default, Excel's ROUND) or `half-even`", example: '--rounding half-even' },
  }),
  unit: option({
    flag: '--unit <u>',
    kind: 'string',
    commands: LEDGER,
    parse: (v): Unit => oneOf('--unit', v, UNITS),
    fallback: 'tkr',
    help: { sv: 'visad enhet: kr, tkr (standard), mnkr', en: 'shown unit: kr, tkr (default), mnkr' },
    doc: { arg: 'U', text: 'shown unit: `kr`, `tkr` (default), `mnkr`', example: '--unit mnkr' },
  }),
  decimals: option({
    flag: '--decimals <n>',
    kind: 'number',
    commands: REPORT,
    parse: (v) => integer('--decimals', v, 0, 8),
    help: { sv: 'antal decimaler (standard 0, för mnkr 1)', en: 'decimals shown (default 0, for mnkr 1)' },
    doc: { arg: 'N', text: 'shown decimals (default 0; 1 for mnkr)', example: '--unit kr --decimals 2' },
  }),
  exact: option({
    flag: '--exact',
    kind: 'boolean',
    commands: REPORT,
    config: false,
    parse: asIs<boolean>,
    fallback: false,
    help: { sv: 'visa exakta, oavrundade belopp', en: 'show exact, unrounded amounts' },
    doc: { text: 'unrounded values, with the decimals they need', example: '--format json --exact' },
  }),
  level: option({
    flag: '--level <n>',
    kind: 'number',
    commands: LEDGER,
    parse: (v) => integer('--level', v, 1, 32),
    help: {
      sv: 'rulla upp koder till de n första tecknen (standard 2 för verksamhet)',
      en: 'roll codes up to their first n characters (default 2 for verksamhet)',
    },
    doc: {
      arg: 'N',
      text: 'roll codes up to their first N characters; default 2 for verksamhet, no roll-up for other dimensions',
      example: '--level 3',
    },
  }),
  subLevel: option({
    flag: '--sub-level <n>',
    kind: 'number',
    commands: LEDGER,
    parse: (v) => integer('--sub-level', v, 1, 32),
    help: {
      sv: 'nivå i deltabellerna (standard: finaste nivån i data)',
      en: 'level of the sub-tables (default: finest level in the data)',
    },
    doc: { arg: 'N', text: 'roll the sub-tables up to N characters', example: '--sub 5 --sub-level 3' },
  }),
  sub: option({
    flag: '--sub <mönster>',
    kind: 'strings',
    commands: LEDGER,
    parse: asIs<string[]>,
    fallback: [],
    help: {
      sv: "särredovisa koderna under ett prefix, t.ex. 51 eller '51*' (upprepbar)",
      en: "add a sub-table of the codes under a prefix, e.g. 51 or '51*' (repeatable)",
    },
    doc: {
      arg: 'PATTERN',
      text: 'add a sub-table of the codes matching a pattern at the finest level present (repeatable); a bare code or `P*` is a prefix, `?`/`*` are globs',
      example: "--sub 51 --sub '56*'",
    },
  }),
  by: option({
    flag: '--by <dimension>',
    kind: 'string',
    commands: LEDGER,
    parse: canonicalDimension,
    fallback: 'verksamhet',
    help: { sv: 'gruppera efter en annan kolumn: ansvar, projekt, konto …', en: 'group by another column: ansvar, projekt, konto …' },
    doc: {
      arg: 'DIMENSION',
      text: 'group by another column: `ansvar`, `projekt`, `konto`, or any header in the file; `konto` rows are named by the Kommun-Bas kontoklasser and kontogrupper (`data/kontoklasser.csv`) unless the ledger names them',
      example: '--by ansvar',
    },
  }),
  where: option({
    flag: '--where <dim=mönster>',
    kind: 'strings',
    perInput: 'where',
    commands: LEDGER_FILES,
    parse: (v): Filter[] => filters('--where', v),
    fallback: [],
    help: { sv: "filtrera, t.ex. 'ansvar=41*' eller 'konto!=8*' (upprepbar)", en: "filter, e.g. 'ansvar=41*' or 'konto!=8*' (repeatable)" },
    doc: {
      arg: 'DIM=GLOB',
      text: 'keep only matching rows; `DIM!=GLOB` excludes; repeatable (all must hold)',
      example: "--where 'ansvar=41*' --where 'konto!=8*'",
    },
  }),
  encoding: option({
    flag: '--encoding <e>',
    kind: 'string',
    perInput: 'encoding',
    commands: LEDGER_FILES,
    parse: encoding,
    fallback: 'auto',
    help: { sv: 'teckenkodning i indata: auto, utf-8, cp1252, cp437', en: 'input encoding: auto, utf-8, cp1252, cp437' },
    doc: {
      arg: 'E',
      text: 'input encoding: `auto` (default), `utf-8`, `cp1252` (`windows-1252`), `utf-16le`, `utf-16be` (UTF-16 is detected with or without a BOM), `cp437` (`pc8`, what SIE files are written in)',
      example: '--encoding cp1252',
    },
  }),
  delimiter: option({
    flag: '--delimiter <d>',
    kind: 'string',
    perInput: 'delimiter',
    commands: LEDGER_FILES,
    parse: delimiter,
    fallback: 'auto',
    help: { sv: 'avgränsare i indata: auto, ; , tab', en: 'input delimiter: auto, ; , tab' },
    doc: { arg: 'D', text: 'input delimiter: `auto` (default), `;`, `,`, `tab`', example: '--delimiter tab' },
  }),
  decimal: option({
    flag: '--decimal <d>',
    kind: 'string',
    perInput: 'decimal',
    commands: LEDGER_FILES,
    parse: (v): DecimalMark => oneOf('--decimal', v, DECIMAL_MARKS),
    fallback: 'auto',
    help: { sv: 'decimaltecken i indata: auto , .', en: 'decimal mark of the input: auto , .' },
    doc: { arg: 'D', text: 'input decimal mark: `auto` (default), `,`, `.`', example: '--decimal .' },
  }),
  sieDim: option({
    flag: '--sie-dim <roll=dimension>',
    kind: 'record',
    perInput: 'sieDim',
    commands: LEDGER_FILES,
    parse: (v) => sieDims('--sie-dim', v),
    fallback: {},
    help: {
      sv: 'SIE: vilken dimension som är en roll, t.ex. verksamhet=20 (upprepbar)',
      en: 'SIE: which dimension holds a role, e.g. verksamhet=20 (repeatable)',
    },
    doc: {
      arg: 'ROLE=DIM',
      text: "SIE files: the dimension (`#DIM` number or name) that holds a role, where the dimensions' names do not say it (repeatable)",
      example: '--sie-dim verksamhet=20 --sie-dim ansvar=1',
    },
  }),
  sheet: option({
    flag: '--sheet <namn>',
    kind: 'string',
    perInput: 'sheet',
    commands: LEDGER_FILES,
    parse: asIs<string>,
    help: {
      sv: 'bladet att läsa i en Excel-arbetsbok (standard: det första)',
      en: 'the sheet to read in an Excel workbook (default: the first)',
    },
    doc: {
      arg: 'NAME',
      text: 'the sheet to read in an `.xlsx` workbook (default: the first visible sheet)',
      example: "--sheet 'Budget 2024'",
    },
  }),
  csvDialect: option({
    flag: '--csv-dialect <d>',
    kind: 'string',
    commands: REPORT,
    parse: (v) => oneOf('--csv-dialect', v, CSV_DIALECTS),
    fallback: 'sv',
    help: { sv: 'sv (;, decimalkomma, standard) eller en (, och punkt)', en: 'sv (;, decimal comma, default) or en (, and point)' },
    doc: { arg: 'D', text: '`sv` (default: `;`, decimal comma, BOM, CRLF) or `en` (`,`, decimal point)', example: '--csv-dialect en' },
  }),
  /** report's `--format`; verify's is `verifyFormat` above. Without it: from `--out`'s extension, else table. */
  format: option({
    flag: '--format <f>',
    kind: 'string',
    commands: REPORT,
    parse: (v): Format => oneOf('--format', v, FORMATS),
    help: { sv: 'table (standard), csv, json, md, html, xlsx', en: 'table (default), csv, json, md, html, xlsx' },
    doc: { arg: 'F', text: '`table` (default), `csv`, `json`, `md`, `html`, `xlsx` (with `--out`)', example: '--format md' },
  }),
  /** An output file: never resolved against the configuration file, never an input. */
  out: option({
    flag: '--out <fil>',
    kind: 'string',
    commands: REPORT,
    config: false,
    parse: asIs<string>,
    help: { sv: 'skriv till fil (formatet från filändelsen)', en: 'write to a file (format from its extension)' },
    doc: {
      arg: 'FILE',
      text: 'write to a file, atomically (through a symbolic link to its file; a device or FIFO such as `/dev/stdout` in place); the extension picks the format (`.csv`, `.json`, `.md`, `.html`, `.xlsx`, `.txt`); any other extension, or none without `--format`, is an error; never one of the input files or the configuration file',
      example: '--out rapport.html',
    },
  }),
  color: option({
    flag: '--no-color',
    kind: 'boolean',
    commands: REPORT,
    config: false,
    parse: asIs<boolean>,
    fallback: true,
    help: { sv: 'inga färger', en: 'no colours' },
    doc: { text: 'no colours even on a terminal' },
  }),
  lang: option({
    flag: '--lang <sv|en>',
    kind: 'string',
    commands: 'global',
    parse: (v): Lang => oneOf('--lang', v, LANGS),
    fallback: 'sv',
    help: { sv: 'språk för rubriker och meddelanden', en: 'language of headings and messages' },
    doc: { arg: 'sv|en', text: 'language of headings and messages (`--help` follows the flag only)', example: '--lang en' },
  }),
  period: option({
    flag: '--period <ÅÅÅÅ-MM>',
    kind: 'string',
    commands: LEDGER,
    parse: period,
    help: {
      sv: 'månadsuppföljning t.o.m. månaden (utan: driftredovisning av allt utfall)',
      en: 'monthly follow-up through the month (without: statement of all utfall)',
    },
    doc: {
      arg: 'YYYY-MM',
      text: "monthly follow-up through that month (must lie within the utfall's months)",
      example: '--period 2024-08',
    },
  }),
  /** report's `--columns` (column ids); verify's is `relations` above. */
  columns: option({
    flag: '--columns <ids>',
    kind: 'string',
    commands: REPORT,
    // verify rebuilds the report with the configuration's columns (its own --columns is `relations`).
    readBy: VERIFY,
    parse: columnIds,
    help: {
      sv: 'kolumner och ordning, t.ex. budget_helar,utfall_ack,prognos',
      en: 'columns and their order, e.g. budget_helar,utfall_ack,prognos',
    },
    doc: {
      arg: 'IDS',
      text: 'columns and their order, by JSON id (below); in the configuration file a comma-separated string',
      example: '--columns budget_helar,utfall_ack,prognos,avvikelse_procent',
    },
  }),
  periodisering: option({
    flag: '--periodisering <p>',
    kind: 'string',
    commands: LEDGER,
    parse: (v): MonthlyOptions['periodisering'] => (v === 'jamn' || v === 'fg-ar' ? v : { file: v }),
    files: (v) => (typeof v === 'object' ? [v.file] : []),
    help: { sv: 'jamn (standard), fg-ar eller en nyckelfil', en: 'jamn (default), fg-ar or a key file' },
    doc: {
      arg: 'P',
      text: "spreading of annual budgets: `jamn` (default, twelfths), `fg-ar` (last year's profile, needs `--fg-ar`), or a key file",
      example: '--periodisering nyckel.csv',
    },
  }),
  prognosMetod: option({
    flag: '--prognos-metod <m>',
    kind: 'string',
    commands: LEDGER,
    parse: (v): PrognosMetod => oneOf('--prognos-metod', v, PROGNOS_METODER, { linear: 'linjar', 'fg-år': 'fg-ar' }),
    help: { sv: 'budget (standard), linjar eller fg-ar', en: 'budget (default), linjar or fg-ar' },
    doc: {
      arg: 'M',
      text: "helårsprognos: `budget` (default: utfall ack + remaining budget), `linjar` (utfall ack × 12 / months), `fg-ar` (utfall ack × last year's full year / last year's ack)",
      example: '--prognos-metod linjar',
    },
  }),
  prognos: option({
    flag: '--prognos <fil>',
    kind: 'path',
    input: AMOUNT_SETTINGS,
    commands: LEDGER,
    parse: asIs<string>,
    help: { sv: 'manuella prognoser kod;prognos', en: 'manual forecasts code;forecast' },
    doc: { arg: 'FILE', text: 'manual forecasts `kod;prognos` that replace the computed ones', example: '--prognos prognos-aug.csv' },
  }),
  fgAr: option({
    flag: '--fg-ar <filer...>',
    kind: 'paths',
    input: LEDGER_SETTINGS,
    commands: LEDGER,
    parse: asIs<string[]>,
    fallback: [],
    help: { sv: 'föregående års utfall (summeras)', en: "last year's utfall files, summed" },
    doc: {
      arg: 'FILE…',
      text: "last year's utfall (several files are summed): Utfall fg år for the same months, the profile for `fg-ar`, Bokslut fg år in `--resultat`",
      example: '--fg-ar utfall-2023.csv kapital-2023.csv',
    },
  }),
  analys: option({
    flag: '--analys',
    kind: 'boolean',
    commands: LEDGER,
    parse: asIs<boolean>,
    fallback: false,
    help: { sv: 'verksamhetsanalys: intäkt och kostnad per verksamhet', en: 'activity analysis: revenue and cost per code' },
    doc: {
      text: 'Verksamhetsanalys: Intäkt and Kostnad per code, utfall and budget, and the net deviation (needs a konto column)',
      example: '--analys --sub 51',
    },
  }),
  resultat: option({
    flag: '--resultat',
    kind: 'boolean',
    commands: LEDGER,
    parse: asIs<boolean>,
    fallback: false,
    help: {
      sv: 'resultatsammanställning: intäkter, kostnader, varav personal- och kapitalkostnader',
      en: 'result summary: revenue, costs, of which personnel and capital costs',
    },
    doc: {
      text: 'the Resultat summary: Intäkter, Kostnader, varav personal- and kapitalkostnader, Resultat; with `--fg-ar`, Bokslut fg år',
      example: '--resultat --fg-ar utfall-2023.csv',
    },
  }),
  kategorier: option({
    flag: '--kategorier <fil>',
    kind: 'path',
    input: [],
    commands: LEDGER,
    parse: asIs<string>,
    help: {
      sv: 'kontokategorier prefix;kategori (ersätter standardindelningen)',
      en: 'konto categories prefix;category (replaces the default map)',
    },
    doc: { arg: 'FILE', text: 'konto categories `prefix;kategori` replacing the built-in map', example: '--kategorier kategorier.csv' },
  }),
  fgPrognos: option({
    flag: '--fg-prognos <fil>',
    kind: 'path',
    input: AMOUNT_SETTINGS,
    commands: LEDGER,
    parse: asIs<string>,
    help: { sv: 'förra rapportens prognoser kod;prognos', en: "the previous report's forecasts code;forecast" },
    doc: { arg: 'FILE', text: "the previous report's forecasts `kod;prognos`: Prognosförändring", example: '--fg-prognos prognos-jul.csv' },
  }),
  kommentarer: option({
    flag: '--kommentarer <fil>',
    kind: 'path',
    input: [],
    commands: LEDGER,
    parse: asIs<string>,
    help: { sv: 'kommentarer kod;kommentar', en: 'comments code;comment' },
    doc: { arg: 'FILE', text: 'comments `kod;kommentar`', example: '--kommentarer kommentarer.csv' },
  }),
  failOn: option({
    flag: '--fail-on <villkor>',
    kind: 'strings',
    commands: REPORT,
    parse: (v): Threshold[] => v.map(threshold),
    fallback: [],
    help: {
      sv: "avsluta med kod 1 om en rad uppfyller villkoret, t.ex. 'prognosavvikelse<-5000' (upprepbar)",
      en: "exit 1 when a row meets the condition, e.g. 'prognosavvikelse<-5000' (repeatable)",
    },
    doc: {
      arg: 'COND',
      text: 'exit 1 when a shown cell meets the condition, in the shown unit (repeatable; `<` `<=` `>` `>=` `=` `!=`)',
      example: "--fail-on 'prognosavvikelse<-5000'",
    },
  }),
  sort: option({
    flag: '--sort <ordning>',
    kind: 'string',
    commands: REPORT,
    parse: (v): SortKey => oneOf('--sort', v, SORT_KEYS),
    help: {
      sv: 'radordning: avvikelse (störst underskott först), kod, namn, utfall, budget, prognosavvikelse',
      en: 'row order: avvikelse (largest underskott first), kod, namn, utfall, budget, prognosavvikelse',
    },
    doc: {
      arg: 'KEY',
      text: 'order the rows: `avvikelse` (largest underskott first; Avvikelse ack in a monthly report), `kod`, `namn`, `utfall`, `budget` (largest first), `prognosavvikelse` (monthly)',
      example: '--sort avvikelse',
    },
  }),
  top: option({
    flag: '--top <n>',
    kind: 'number',
    commands: REPORT,
    parse: (v) => integer('--top', v, 1, 100000),
    help: {
      sv: 'visa bara de N första raderna (efter --sort, standard avvikelse); resten summeras i raden Övriga',
      en: 'show only the first N rows (by --sort, default avvikelse); the rest are summed in one row Övriga',
    },
    doc: {
      arg: 'N',
      text: 'show the first N rows (ordered by `--sort`, default `avvikelse`); the rows left out are summed exactly into one row `Övriga (N verksamheter)`, so the Summa is unchanged',
      example: '--top 5',
    },
  }),
  minAvvikelse: option({
    flag: '--min-avvikelse <belopp>',
    kind: 'string',
    commands: REPORT,
    parse: (v) => minAmount('--min-avvikelse', v),
    help: {
      sv: 'dölj rader vars avvikelse (i visad enhet) är mindre än beloppet; de summeras i raden Övriga',
      en: 'hide rows whose deviation (in the shown unit) is smaller than the amount; they are summed in one row Övriga',
    },
    doc: {
      arg: 'X',
      text: 'leave out rows whose deviation, as shown (unit and rounding), is smaller than X in absolute value; they are summed into the row `Övriga`',
      example: '--min-avvikelse 500',
    },
  }),
  avrundningsnoter: option({
    flag: '--avrundningsnoter <läge>',
    kind: 'string',
    commands: REPORT,
    fallback: 'kort',
    parse: (v): RoundingNotes =>
      oneOf('--avrundningsnoter', v, ROUNDING_NOTES, { på: 'kort', pa: 'kort', short: 'kort', off: 'av', none: 'av' }),
    help: {
      sv: 'avrundningsnoter under tabellerna: kort (standard, en fotnot per tabell), full (en rad per kolumn), av',
      en: 'rounding notes under the tables: kort (default, one footnote per table), full (a line per column), av (none)',
    },
    doc: {
      arg: 'MODE',
      text: 'where the rounded rows do not add up to the Summa: `kort` (default) one footnote per table naming the columns (a real footnote in Markdown), `full` a line per column with both sums, `av` none',
      example: '--avrundningsnoter av',
    },
  }),
  rubrik: option({
    flag: '--rubrik <text>',
    kind: 'string',
    commands: REPORT,
    parse: asIs<string>,
    help: {
      sv: 'rapportens rubrik i alla format (i HTML i stället för "Avvikelserapport")',
      en: 'the report\'s heading in every format (in HTML instead of "Avvikelserapport")',
    },
    doc: {
      arg: 'TEXT',
      text: 'the report\'s heading, above the tables in every format (the HTML heading instead of "Avvikelserapport"; a key `rubrik` in JSON)',
      example: "--rubrik 'Månadsrapport augusti'",
    },
  }),
  organisation: option({
    flag: '--organisation <text>',
    kind: 'string',
    commands: REPORT,
    parse: asIs<string>,
    help: { sv: 'organisationens namn överst i rapporten, t.ex. kommun och nämnd', en: 'the organisation named at the top of the report' },
    doc: {
      arg: 'TEXT',
      text: 'the organisation (kommun, nämnd) named at the top of the report in every format (a key `organisation` in JSON)',
      example: "--organisation 'Sjöviks kommun, socialnämnden'",
    },
  }),
  bred: option({
    flag: '--bred',
    kind: 'boolean',
    commands: REPORT,
    config: false,
    parse: asIs<boolean>,
    fallback: false,
    help: {
      sv: 'skriv tabellen i full bredd i terminalen (annars anpassas den till fönstret)',
      en: 'print the table at full width on a terminal (otherwise it fits the window)',
    },
    doc: {
      text: 'on a terminal, print the table at its full width; without it a table wider than the terminal gets two-line headings and shortened names (output to a file or pipe is never fitted)',
    },
  }),
  splitBy: option({
    flag: '--split-by <dimension>',
    kind: 'string',
    commands: REPORT,
    config: false,
    parse: (v) => canonicalDimension(v),
    help: {
      sv: 'en rapport per värde av dimensionen, t.ex. ansvar, i var sin fil (med --out-dir eller --out rapport-{ansvar}.html) och en indexfil',
      en: 'one report per value of the dimension, e.g. ansvar, each in its own file (with --out-dir or --out rapport-{ansvar}.html), plus an index file',
    },
    doc: {
      arg: 'DIM',
      text: 'one report per value of a dimension (one per chef: `ansvar`), each the report of the inputs filtered to that value and titled with the dimension, code and name, written atomically to `--out-dir` (`rapport-CODE.EXT`) or to an `--out` pattern with `{DIM}`; an index file (`index.EXT`) lists them; any format',
      example: '--split-by ansvar --out-dir rapporter --format html',
    },
  }),
  outDir: option({
    flag: '--out-dir <mapp>',
    kind: 'string',
    commands: REPORT,
    config: false,
    parse: asIs<string>,
    help: { sv: 'mapp för --split-by:s filer (skapas vid behov)', en: "folder for --split-by's files (created when missing)" },
    doc: { arg: 'DIR', text: "the folder of `--split-by`'s files, created when missing", example: '--out-dir rapporter' },
  }),
  layout: option({
    flag: '--layout <l>',
    kind: 'string',
    commands: REPORT,
    fallback: 'kolumner',
    parse: (v): Layout => oneOf('--layout', v, LAYOUTS),
    help: {
      sv: 'verksamhetsanalysens uppställning: kolumner (standard, en rad per kod) eller rader (Intäkt och Kostnad på var sin rad)',
      en: 'the Verksamhetsanalys layout: kolumner (default, one row per code) or rader (Intäkt and Kostnad on rows of their own)',
    },
    doc: {
      arg: 'L',
      text: "the Verksamhetsanalys' layout: `kolumner` (default: one row per code, four amount columns) or `rader` (as published: an Intäkt row and a Kostnad row per code, each with Utfall and Budget, the Nettoavvikelse on the Kostnad row)",
      example: '--analys --layout rader',
    },
  }),

  // The program's own options, and codes'.
  /** The configuration file actually loaded (explicit, or ./avvikelse.config.json): an input. */
  config: option({
    flag: '--config <fil>',
    kind: 'path',
    commands: 'global',
    config: false,
    parse: asIs<string>,
    help: { sv: 'konfigurationsfil (standard avvikelse.config.json)', en: 'configuration file (default avvikelse.config.json)' },
    doc: { arg: 'FILE', text: 'configuration file instead of `./avvikelse.config.json`', example: '--config ../sn.json' },
  }),
  debug: option({
    flag: '--debug',
    kind: 'boolean',
    commands: 'global',
    config: false,
    parse: asIs<boolean>,
    fallback: false,
    help: { sv: 'visa stackspår vid interna fel', en: 'show stack traces for internal errors' },
    doc: { text: 'a stack trace for internal errors (never needed for user errors)' },
  }),
  search: option({
    flag: '--search <text>',
    kind: 'string',
    commands: ['codes'],
    config: false,
    parse: asIs<string>,
    help: { sv: 'sök i namnen', en: 'search the names' },
    doc: { arg: 'TEXT', text: 'only the codes whose name contains the text (any case)', example: '--search omsorg' },
  }),
  force: option({
    flag: '--force',
    kind: 'boolean',
    commands: ['init'],
    config: false,
    parse: asIs<boolean>,
    fallback: false,
    help: { sv: 'skriv över en befintlig konfigurationsfil', en: 'overwrite an existing configuration file' },
    doc: { text: 'overwrite an existing configuration file' },
  }),
} as const;

export type OptionKey = keyof typeof OPTIONS;
type AnyDef = OptionDef<Kind, unknown, unknown>;
const entries = Object.entries(OPTIONS) as [OptionKey, AnyDef][];

// F is inferred with the optional property's `undefined`; only F = undefined means no fallback.
type ValueOf<D> = D extends OptionDef<Kind, infer T, infer F> ? ([Exclude<F, undefined>] extends [never] ? T | undefined : T) : never;
type PlainOptions = { -readonly [K in OptionKey]: ValueOf<(typeof OPTIONS)[K]> };

/** The entries marked `perInput`, by schema key (a test checks that the marks are exactly these). */
export const SETTING_KEYS = ['col', 'inputSign', 'inputUnit', 'where', 'encoding', 'delimiter', 'decimal', 'sieDim', 'sheet'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** How one input's files are read: the plain options, each overridden by the input's own setting. */
export type InputOptions = Pick<PlainOptions, SettingKey> & {
  /** Whether an option (the plain one or the input's own, flag or file) set the unit, rather than the fallback. */
  inputUnitGiven: boolean;
};

/** The parsed options of a run: one field per entry, `undefined` where neither flag, file nor fallback gives one; and the settings of each input. */
export type Options = PlainOptions & { inputs: Record<SettingsInput, InputOptions> };
/** One input's own settings before parsing, by the setting's schema key. */
export type RawInput = { -readonly [K in SettingKey]?: Raw[(typeof OPTIONS)[K]['kind']] };
/** Option values before parsing, as commander or the configuration file gives them. */
export type RawOptions = { -readonly [K in OptionKey]?: Raw[(typeof OPTIONS)[K]['kind']] } & {
  inputs?: Partial<Record<OptionKey, RawInput>>;
};

const takes = (def: AnyDef, command: CommandName | 'global'): boolean =>
  def.commands === 'global' ? command === 'global' : command !== 'global' && def.commands.includes(command);

/** `--sub-level <n>` → `subLevel`, `--no-color` → `color`: commander's attribute name. */
const attribute = (flag: string): string => new Option(flag).attributeName();

/** `--fg-ar <filer...>` → `--fg-ar`. */
const longFlag = (flag: string): string => flag.split(/[ ,]+/).find((p) => p.startsWith('--')) as string;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** A flag derived from two entries: `--budget-col` from `budget` (its `input`) and `col` (its `perInput`). */
export interface PerInputFlag {
  /** The input's schema key (`budget`, `fgAr`). */
  readonly input: OptionKey;
  /** The setting's schema key (`col`, `inputUnit`). */
  readonly setting: SettingKey;
  /** The setting's name in the flag and the configuration section (`col`, `unit`). */
  readonly name: PerInputName;
  /** `--budget-col`. */
  readonly long: string;
  /** Commander syntax: `--budget-col <roll=rubrik>`. */
  readonly flag: string;
  readonly help: { readonly sv: string; readonly en: string };
}

const settingEntry = (name: PerInputName): [SettingKey, AnyDef] => {
  const hit = entries.find(([, def]) => def.perInput === name);
  if (hit === undefined) throw new Error(`no option is marked perInput: '${name}'`);
  return hit as [SettingKey, AnyDef];
};

/** Every per-input flag, in schema order of the inputs, each input's in the order of its `input` list. */
export const PER_INPUT_FLAGS: readonly PerInputFlag[] = entries.flatMap(([input, def]) =>
  (def.input ?? []).map((name): PerInputFlag => {
    const [setting, s] = settingEntry(name);
    const inputLong = longFlag(def.flag);
    const settingLong = longFlag(s.flag);
    const long = `${inputLong}-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return {
      input,
      setting,
      name,
      long,
      flag: long + s.flag.slice(s.flag.indexOf(settingLong) + settingLong.length),
      help: { sv: `som ${settingLong}, men bara för ${inputLong}`, en: `like ${settingLong}, for ${inputLong} only` },
    };
  }),
);

/**
 * Declares on `cmd` every flag of `command` (or the program's own for `global`), with its
 * help in `lang`, in schema order, then the per-input flags. Repeatable kinds collect;
 * nothing gets a commander default, so a flag that was not given is `undefined` and the
 * configuration can fill it.
 */
export function declare(cmd: Command, command: CommandName | 'global', lang: Lang): Command {
  const d = bilingual(lang);
  const add = (flag: string, help: { sv: string; en: string }, kind: Kind) => {
    const o = new Option(flag, d(help.sv, help.en));
    if (kind === 'strings' || kind === 'record') o.argParser(collect);
    cmd.addOption(o);
  };
  for (const [, def] of entries) if (takes(def, command)) add(def.flag, def.help, def.kind);
  for (const p of PER_INPUT_FLAGS) {
    const def = OPTIONS[p.setting] as AnyDef;
    if (takes(OPTIONS[p.input], command) && takes(def, command)) add(p.flag, p.help, def.kind);
  }
  return cmd;
}

/** The flags given to `command` (and the program's own), keyed by schema key; absent flags are left out. */
export function fromCommander(cmd: Command, command: CommandName): RawOptions {
  const given = cmd.optsWithGlobals<Record<string, unknown>>();
  const out: Record<string, unknown> = {};
  for (const [key, def] of entries) {
    if (!takes(def, command) && !takes(def, 'global')) continue;
    const value = given[attribute(def.flag)];
    // `--no-color` is true unless given; only a given switch counts as a flag.
    if (value === undefined || (def.flag.startsWith('--no-') && value === true)) continue;
    out[key] = value;
  }
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const p of PER_INPUT_FLAGS) {
    const value = given[attribute(p.flag)];
    if (value !== undefined) (inputs[p.input] ??= {})[p.setting] = value;
  }
  if (Object.keys(inputs).length > 0) out.inputs = inputs;
  return out;
}

function configInvalid(file: string, reason: 'object' | 'unknownKey' | 'type' | 'twice', params: Record<string, string> = {}): never {
  throw new AvvikelseError('CONFIG_INVALID', { reason, ...params }, { file });
}

/** The keys the configuration file may set, in schema order (and `inputs`, the per-input sections). */
export const CONFIG_KEYS: readonly OptionKey[] = entries.filter(([, def]) => def.config !== false).map(([key]) => key);

/** The inputs that have a section `inputs.<key>` in the configuration file. */
export const INPUT_KEYS: readonly OptionKey[] = entries.filter(([, def]) => def.input !== undefined).map(([key]) => key);

/** Every key of the per-input sections, dotted: `inputs.budget.files`, `inputs.budget.col` … */
export const INPUT_CONFIG_KEYS: readonly string[] = INPUT_KEYS.flatMap((key) =>
  ['files', ...((OPTIONS[key] as AnyDef).input ?? [])].map((name) => `inputs.${key}.${name}`),
);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks a parsed configuration file against the schema — an object, known keys, each value
 * of its entry's kind (CONFIG_INVALID naming the key otherwise), the sections `inputs.<input>`
 * with `files` (the input option itself) and the settings that input takes — and makes its
 * paths relative to the file. Values are not parsed here: `resolve` parses them, once, like the flags.
 */
export function fromConfig(json: unknown, file: string): RawOptions {
  if (!isObject(json)) configInvalid(file, 'object');
  const base = dirname(resolvePath(file));
  // A backslash separates folders on every system (`fixtures\utfall.csv` written on Windows reads on Linux and macOS too).
  const rel = (p: string) => {
    const slashed = p.replace(/\\/g, '/');
    return isAbsolute(slashed) ? slashed : join(base, slashed);
  };
  const isString = (v: unknown) => typeof v === 'string';

  /** One value of `def`'s kind, as the flag would give it, or CONFIG_INVALID naming `key`. */
  const checked = (def: AnyDef, key: string, value: unknown): unknown => {
    const bad = () => configInvalid(file, 'type', { key, type: def.kind });
    switch (def.kind) {
      case 'paths':
      case 'strings':
        if (!Array.isArray(value) || !value.every(isString)) bad();
        return def.kind === 'paths' ? (value as string[]).map(rel) : value;
      case 'path':
        if (!isString(value)) bad();
        return rel(value as string);
      case 'record':
        if (!isObject(value) || !Object.values(value).every(isString)) bad();
        return Object.entries(value as Record<string, string>).map(([k, v]) => `${k}=${v}`);
      case 'number':
        if (typeof value !== 'number' || !Number.isInteger(value)) bad();
        return value;
      case 'boolean':
        if (typeof value !== 'boolean') bad();
        return value;
      case 'string':
        if (!isString(value)) bad();
        return value;
    }
  };

  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === 'inputs') continue;
    const def = (OPTIONS as Record<string, AnyDef>)[key];
    if (def === undefined || def.config === false || !Object.hasOwn(OPTIONS, key))
      configInvalid(file, 'unknownKey', { key, known: [...CONFIG_KEYS, 'inputs'].join(', ') });
    out[key] = checked(def, key, value);
  }
  if (Object.hasOwn(json, 'inputs')) {
    const sections = json.inputs;
    if (!isObject(sections)) configInvalid(file, 'type', { key: 'inputs', type: 'sections' });
    const inputs: Record<string, Record<string, unknown>> = {};
    for (const [input, section] of Object.entries(sections)) {
      const def = Object.hasOwn(OPTIONS, input) ? (OPTIONS as Record<string, AnyDef>)[input] : undefined;
      if (def?.input === undefined) configInvalid(file, 'unknownKey', { key: `inputs.${input}`, known: INPUT_KEYS.join(', ') });
      if (!isObject(section)) configInvalid(file, 'type', { key: `inputs.${input}`, type: 'section' });
      for (const [name, value] of Object.entries(section)) {
        const key = `inputs.${input}.${name}`;
        if (name === 'files') {
          if (Object.hasOwn(json, input)) configInvalid(file, 'twice', { key, other: input });
          out[input] = checked(def, key, value);
          continue;
        }
        if (!def.input.includes(name as PerInputName))
          configInvalid(file, 'unknownKey', { key, known: ['files', ...def.input].join(', ') });
        const [setting, s] = settingEntry(name as PerInputName);
        (inputs[input] ??= {})[setting] = checked(s, key, value);
      }
    }
    if (Object.keys(inputs).length > 0) out.inputs = inputs;
  }
  return out;
}

/** Whether `command` reads an option: the program's own, its flags, and those it reads from the file (`readBy`). */
const reads = (def: AnyDef, command: CommandName): boolean =>
  takes(def, 'global') || takes(def, command) || (def.readBy?.includes(command) ?? false);

/**
 * Flags over configuration over fallback, each value parsed once by its entry, for the
 * options `command` reads, or for every option without a command. An option the command
 * does not read keeps its fallback, so a configuration key meant for another command never
 * stops this one. A `record` merges key by key (the flag's pairs win). Then the settings of
 * each input (`resolveInputs`).
 */
export function resolve(flags: RawOptions, config: RawOptions, command?: CommandName): Options {
  const out: Record<string, unknown> = {};
  for (const [key, def] of entries) {
    out[key] = command === undefined || reads(def, command) ? resolveOne(key, flags, config) : def.fallback;
  }
  const plain = out as PlainOptions;
  return { ...plain, inputs: resolveInputs(plain, flags, config, command) };
}

/** Parses a value with `def`; an error about a value that only the configuration file gave is reported at the file. */
function parseAt(def: AnyDef, raw: unknown, fromFileOnly: boolean, config: RawOptions, option?: string): unknown {
  try {
    return def.parse(raw as never);
  } catch (e) {
    if (!(e instanceof AvvikelseError)) throw e;
    // A per-input setting is refused under its own flag (`--budget-unit`), not the plain one.
    const params = option !== undefined && e.code === 'OPTION_INVALID' ? { ...e.params, option } : e.params;
    // Only the file's value was there to refuse: say where it came from.
    if (fromFileOnly && config.config !== undefined && e.location === undefined)
      throw new AvvikelseError(e.code, params, { file: config.config });
    if (params !== e.params) throw new AvvikelseError(e.code, params, e.location);
    throw e;
  }
}

/**
 * One option, resolved as `resolve` does (the CLI resolves `lang` first, so later errors are
 * in it). A value from the configuration file that its entry refuses is reported at the file.
 */
export function resolveOne<K extends OptionKey>(key: K, flags: RawOptions, config: RawOptions): Options[K] {
  const def = OPTIONS[key] as AnyDef;
  const f = flags[key] as unknown;
  const c = config[key] as unknown;
  const raw =
    def.kind === 'record' && (c !== undefined || f !== undefined) ? [...((c as string[]) ?? []), ...((f as string[]) ?? [])] : (f ?? c);
  if (raw === undefined) return def.fallback as Options[K];
  return parseAt(def, raw, f === undefined, config) as Options[K];
}

/**
 * The settings each input's files are read with. An input's own setting (its flag, else its
 * section in the configuration file) wins over the plain option (its flag, else the file, else
 * the fallback): `col` role by role (both merged, the input's pairs winning), `where`
 * dimension by dimension (a plain filter on a dimension the input filters itself is dropped
 * for that input), every other setting as a whole. A command that does not read an input
 * gets the plain options.
 */
/** The inputs' names as `--col` roles: `--col utfall=Utfall --col budget=Budget` names each input's amount column. */
const INPUT_ROLES: Readonly<Record<string, string>> = { utfall: 'utfall', budget: 'budget', fgAr: 'fgar' };

/**
 * The plain `--col` pairs as one input sees them: a pair whose role is an input's name
 * (`utfall=Utfall ack`, `budget=Budget år`, `fg-ar=…`) is that input's `belopp`, as if given
 * with `--utfall-col belopp=…`, and no other input's; every other pair is everyone's.
 */
function plainColFor(col: Record<string, string>, input: string): Record<string, string> {
  const out: Record<string, string> = {};
  let mine: string | undefined;
  for (const [role, header] of Object.entries(col)) {
    const asInput = role.replace(/[-_\s]/g, '').replace('å', 'a');
    if (!Object.values(INPUT_ROLES).includes(asInput)) out[role] = header;
    else if (asInput === INPUT_ROLES[input]) mine = header;
  }
  if (mine !== undefined) out.belopp = mine;
  return out;
}

function resolveInputs(
  plain: PlainOptions,
  flags: RawOptions,
  config: RawOptions,
  command: CommandName | undefined,
): Record<SettingsInput, InputOptions> {
  const out: Record<string, InputOptions> = {};
  const plainUnitGiven = flags.inputUnit !== undefined || config.inputUnit !== undefined;
  for (const input of INPUT_KEYS) {
    const def = OPTIONS[input] as AnyDef;
    if ((def.input ?? []).length === 0) continue;
    const readsIt = command === undefined || reads(def, command);
    const f = (readsIt ? flags.inputs?.[input] : undefined) ?? {};
    const c = (readsIt ? config.inputs?.[input] : undefined) ?? {};
    const settings: Record<string, unknown> = {};
    for (const setting of SETTING_KEYS) {
      const p = PER_INPUT_FLAGS.find((x) => x.input === input && x.setting === setting);
      const own = f[setting] ?? c[setting];
      if (p === undefined || own === undefined) {
        settings[setting] = setting === 'col' ? plainColFor(plain.col, input) : plain[setting];
        continue;
      }
      const s = OPTIONS[setting] as AnyDef;
      if (setting === 'col') {
        const pairs = [...(c.col ?? []), ...(f.col ?? [])];
        settings.col = {
          ...plainColFor(plain.col, input),
          ...(parseAt(s, pairs, f.col === undefined, config, p.long) as Record<string, string>),
        };
      } else if (setting === 'where') {
        const mine = parseAt(s, own, f.where === undefined, config, p.long) as Filter[];
        const dims = new Set(mine.map((m) => m.dimension));
        settings.where = [...plain.where.filter((w) => !dims.has(w.dimension)), ...mine];
      } else {
        settings[setting] = parseAt(s, own, f[setting] === undefined, config, p.long);
      }
    }
    settings.inputUnitGiven = readsIt && (plainUnitGiven || f.inputUnit !== undefined || c.inputUnit !== undefined);
    out[input] = settings as InputOptions;
  }
  return out;
}

/**
 * Every input file a run reads, for OUTPUT_IS_INPUT: the values of the path kinds, the files
 * an entry names otherwise (a periodisation key), and the configuration file that was loaded.
 */
export function inputFiles(options: Options): string[] {
  const out: string[] = [];
  const o = options as unknown as Record<string, unknown>;
  for (const [key, def] of entries) {
    const value = o[key];
    if (value === undefined) continue;
    if (def.kind === 'path') out.push(value as string);
    else if (def.kind === 'paths') out.push(...(value as string[]));
    else if (def.files) out.push(...def.files(value));
  }
  return out;
}

/** The entries of the schema, for the README generator and tests. */
export function optionEntries(): readonly (readonly [OptionKey, AnyDef])[] {
  return entries;
}
