/**
 * `avvikelse report` (alias `rapport`): flags and configuration → a ReportRequest, the
 * report → the chosen format on stdout or atomically in `--out`, and CI thresholds → exit 1.
 */
import { Command } from 'commander';
import { DEFAULT_DECIMALS, UNITS, type Unit } from '../core/money.js';
import { ROUNDING_MODES } from '../rules/rounding.js';
import { PROGNOS_METODER } from '../rules/forecast.js';
import { AvvikelseError } from '../errors.js';
import { bilingual, type Lang, type Texts } from '../i18n/messages.js';
import { DECIMAL_MARKS, type DecimalMark } from '../read/amount.js';
import { canonicalDimension } from '../read/columns.js';
import { DELIMITERS, ENCODINGS, parseDelimiterName, parseEncodingName } from '../read/csv/dialect.js';
import { INPUT_SIGNS } from '../rules/sign.js';
import { parsePeriod } from '../read/period.js';
import { COLUMN_IDS, isColumnId, onlyIn, type ColumnId } from '../report/columns.js';
import { PERSPECTIVES } from '../rules/sign.js';
import { presentReport } from '../report/present.js';
import { runReport, type MonthlyOptions, type ReportRequest } from '../app/run-report.js';
import { crossings, parseThreshold, type Threshold } from '../report/thresholds.js';
import { CSV_DIALECTS, FORMATS, rowLabel, cellText, type Format } from '../write/context.js';
import { formatForPath, RENDERERS } from '../write/index.js';
import { SWEDISH } from '../write/number.js';
import { writeAtomically } from '../write/output.js';
import type { Config } from './config.js';
import { progressReporter, useColour, type Io } from './io.js';
import { columnMap, filters, integer, oneOf } from './values.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export interface ReportFlags {
  utfall?: string[];
  budget?: string[];
  level?: string;
  sub: string[];
  subLevel?: string;
  by?: string;
  where: string[];
  names?: string;
  col: string[];
  perspective?: string;
  inputSign?: string;
  inputUnit?: string;
  unit?: string;
  decimals?: string;
  rounding?: string;
  exact?: boolean;
  format?: string;
  out?: string;
  csvDialect?: string;
  encoding?: string;
  delimiter?: string;
  decimal?: string;
  period?: string;
  columns?: string;
  periodisering?: string;
  prognosMetod?: string;
  prognos?: string;
  fgAr?: string[];
  analys?: boolean;
  resultat?: boolean;
  kategorier?: string;
  fgPrognos?: string;
  kommentarer?: string;
  failOn: string[];
  color: boolean;
}

const EXAMPLES: Record<Lang, string> = {
  sv: `
Exempel:
  avvikelse report --utfall utfall.csv --budget budget.csv
  avvikelse rapport --utfall jan-jun.csv jul-dec.csv --budget budget.csv --sub 51 --unit mnkr
  avvikelse rapport --utfall utfall.csv --budget budget.csv --period 2024-08 --prognos-metod linjar
  avvikelse rapport --utfall utfall.csv --budget budget.csv --period 2024-08 --fg-ar utfall-2023.csv \\
      --periodisering fg-ar --prognos prognos.csv --kommentarer kommentarer.csv --format md
  avvikelse report --utfall utfall.csv --budget budget.csv --period 2024-08 --fail-on 'prognosavvikelse<-5000'
  avvikelse report --utfall utfall.csv --budget budget.csv --by ansvar --where 'ansvar=41*' --level 4`,
  en: `
Examples:
  avvikelse report --utfall actual.csv --budget budget.csv --lang en
  avvikelse report --utfall jan-jun.csv jul-dec.csv --budget budget.csv --sub 51 --unit mnkr
  avvikelse report --utfall actual.csv --budget budget.csv --period 2024-08 --prognos-metod linjar
  avvikelse report --utfall actual.csv --budget budget.csv --period 2024-08 --fg-ar actual-2023.csv \\
      --periodisering fg-ar --prognos forecast.csv --kommentarer comments.csv --format md
  avvikelse report --utfall actual.csv --budget budget.csv --period 2024-08 --fail-on 'prognosavvikelse<-5000'
  avvikelse report --utfall actual.csv --budget budget.csv --by ansvar --where 'ansvar=41*' --level 4`,
};

/** The options that say which ledger amounts a report is made of (shared with `verify`). */
export function addLedgerOptions(cmd: Command, lang: Lang): Command {
  const d = bilingual(lang);
  return cmd
    .option('--utfall <filer...>', d('utfallsfiler (summeras)', 'actual (utfall) files, summed'))
    .option('--budget <filer...>', d('budgetfiler (summeras)', 'budget files, summed'))
    .option('--period <ÅÅÅÅ-MM>', d('månadsuppföljning t.o.m. månaden (utan: driftredovisning av allt utfall)', 'monthly follow-up through the month (without: statement of all utfall)'))
    .option('--periodisering <p>', d('jamn (standard), fg-ar eller en nyckelfil', 'jamn (default), fg-ar or a key file'))
    .option('--prognos-metod <m>', d('budget (standard), linjar eller fg-ar', 'budget (default), linjar or fg-ar'))
    .option('--prognos <fil>', d('manuella prognoser kod;prognos', 'manual forecasts code;forecast'))
    .option('--fg-ar <filer...>', d('föregående års utfall (summeras)', "last year's utfall files, summed"))
    .option('--fg-prognos <fil>', d('förra rapportens prognoser kod;prognos', "the previous report's forecasts code;forecast"))
    .option('--kommentarer <fil>', d('kommentarer kod;kommentar', 'comments code;comment'))
    .option('--analys', d('verksamhetsanalys: intäkt och kostnad per verksamhet', 'activity analysis: revenue and cost per code'))
    .option('--resultat', d('resultatsammanställning: intäkter, kostnader, varav personal- och kapitalkostnader', 'result summary: revenue, costs, of which personnel and capital costs'))
    .option('--kategorier <fil>', d('kontokategorier prefix;kategori (ersätter standardindelningen)', 'konto categories prefix;category (replaces the default map)'))
    .option('--level <n>', d('rulla upp koder till de n första tecknen (standard 2 för verksamhet)', 'roll codes up to their first n characters (default 2 for verksamhet)'))
    .option('--sub <mönster>', d("särredovisa koderna under ett prefix, t.ex. 51 eller '51*' (upprepbar)", "add a sub-table of the codes under a prefix, e.g. 51 or '51*' (repeatable)"), collect, [])
    .option('--sub-level <n>', d('nivå i deltabellerna (standard: finaste nivån i data)', 'level of the sub-tables (default: finest level in the data)'))
    .option('--by <dimension>', d('gruppera efter en annan kolumn: ansvar, projekt, konto …', 'group by another column: ansvar, projekt, konto …'))
    .option('--where <dim=mönster>', d("filtrera, t.ex. 'ansvar=41*' eller 'konto!=8*' (upprepbar)", "filter, e.g. 'ansvar=41*' or 'konto!=8*' (repeatable)"), collect, [])
    .option('--names <fil>', d('namnfil med kod;namn', 'names file with code;name'))
    .option('--col <roll=rubrik>', d('ange kolumn, t.ex. verksamhet=Vht eller belopp=Summa (upprepbar)', 'map a column, e.g. verksamhet=Vht or belopp=Sum (repeatable)'), collect, [])
    .option('--perspective <p>', d('kostnad (nettokostnad positiv) eller resultat (intäkter positiva)', 'kostnad (net cost positive) or resultat (revenue positive)'))
    .option('--input-sign <s>', d('tecken i indata: cost-positive (debet +, standard) eller revenue-positive', 'sign in the input: cost-positive (debit +, default) or revenue-positive'))
    .option('--input-unit <u>', d('enhet i indata: kr (standard), tkr, mnkr', 'unit of the input: kr (default), tkr, mnkr'))
    .option('--unit <u>', d('visad enhet: kr, tkr (standard), mnkr', 'shown unit: kr, tkr (default), mnkr'))
    .option('--rounding <r>', d('half-away-from-zero (standard) eller half-even', 'half-away-from-zero (default) or half-even'))
    .option('--encoding <e>', d('teckenkodning i indata: auto, utf-8, cp1252', 'input encoding: auto, utf-8, cp1252'))
    .option('--delimiter <d>', d('avgränsare i indata: auto, ; , tab', 'input delimiter: auto, ; , tab'))
    .option('--decimal <d>', d('decimaltecken i indata: auto , .', 'decimal mark of the input: auto , .'));
}

export function reportCommand(lang: Lang, run: (flags: ReportFlags) => Promise<void>): Command {
  const d = bilingual(lang);
  const cmd = new Command('report')
    .alias('rapport')
    .description(d('driftredovisning eller månadsuppföljning per verksamhet, med delsummor', 'operating statement or monthly follow-up per code, with sub-tables'));
  return addLedgerOptions(cmd, lang)
    .option('--columns <ids>', d('kolumner och ordning, t.ex. budget_helar,utfall_ack,prognos', 'columns and their order, e.g. budget_helar,utfall_ack,prognos'))
    .option('--fail-on <villkor>', d("avsluta med kod 1 om en rad uppfyller villkoret, t.ex. 'prognosavvikelse<-5000' (upprepbar)", "exit 1 when a row meets the condition, e.g. 'prognosavvikelse<-5000' (repeatable)"), collect, [])
    .option('--decimals <n>', d('antal decimaler (standard 0, för mnkr 1)', 'decimals shown (default 0, for mnkr 1)'))
    .option('--exact', d('visa exakta, oavrundade belopp', 'show exact, unrounded amounts'))
    .option('--format <f>', d('table (standard), csv, json, md, html', 'table (default), csv, json, md, html'))
    .option('--out <fil>', d('skriv till fil (formatet från filändelsen)', 'write to a file (format from its extension)'))
    .option('--csv-dialect <d>', d('sv (;, decimalkomma, standard) eller en (, och punkt)', 'sv (;, decimal comma, default) or en (, and point)'))
    .option('--no-color', d('inga färger', 'no colours'))
    .addHelpText('after', EXAMPLES[lang])
    .action(async (flags: ReportFlags) => {
      await run(flags);
    });
}

const monthlyOnly = (c: ColumnId) => onlyIn(c, 'manad', ['drift']);
const driftOnly = (c: ColumnId) => onlyIn(c, 'drift', ['manad']);

/** `--columns a,b,c`: known ids, all of one report kind, each with the input it needs. */
function parseColumns(text: string, needs: { fgAr: boolean; fgPrognos: boolean; kommentarer: boolean }): ColumnId[] {
  const ids = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const expected = COLUMN_IDS.join(', ');
  if (ids.length === 0) throw new AvvikelseError('OPTION_INVALID', { option: '--columns', value: text, expected });
  for (const id of ids) {
    if (!isColumnId(id)) throw new AvvikelseError('OPTION_INVALID', { option: '--columns', value: id, expected });
  }
  const cols = ids as ColumnId[];
  if (cols.some(monthlyOnly) && cols.some(driftOnly)) {
    throw new AvvikelseError('OPTION_INVALID', { option: '--columns', value: text, expected: 'columnsMixed' });
  }
  const requires: [ColumnId, boolean, string][] = [
    ['utfall_fg_ar', needs.fgAr, '--fg-ar'],
    ['prognosforandring', needs.fgPrognos, '--fg-prognos'],
    ['kommentar', needs.kommentarer, '--kommentarer'],
  ];
  for (const [col, given, option] of requires) {
    if (cols.includes(col) && !given) throw new AvvikelseError('OPTION_MISSING', { option: `${option} (${col})`, command: 'report' });
  }
  return cols;
}

export type ReportPlan = ReportRequest & { decimals: number; exact: boolean; format: Format; out: string | null; csvDialect: 'sv' | 'en'; failOn: Threshold[] };

/** Flags over configuration over defaults → a request; every value validated. */
export function reportRequest(flags: ReportFlags, config: Config): ReportPlan {
  const pick = <K extends keyof Config & keyof ReportFlags>(k: K) => (flags[k] ?? config[k]) as string | undefined;
  const utfall = flags.utfall ?? config.utfall;
  const budget = flags.budget ?? config.budget;
  if (!utfall || utfall.length === 0) throw new AvvikelseError('OPTION_MISSING', { option: '--utfall', command: 'report' });
  if (!budget || budget.length === 0) throw new AvvikelseError('OPTION_MISSING', { option: '--budget', command: 'report' });
  const by = canonicalDimension(pick('by') ?? 'verksamhet');
  const levelText = flags.level ?? config.level;
  const unit = oneOf('--unit', pick('unit') ?? 'tkr', UNITS) as Unit;
  const out = flags.out ?? null;
  const formatText = pick('format');
  const format: Format = formatText ? oneOf('--format', formatText, FORMATS) : (out && formatForPath(out)) || 'table';
  const encodingText = pick('encoding') ?? 'auto';
  const encoding = encodingText === 'auto' ? 'auto' : parseEncodingName(encodingText);
  if (encoding === null) throw new AvvikelseError('OPTION_INVALID', { option: '--encoding', value: encodingText, expected: `auto | ${ENCODINGS.join(' | ')} | cp1252` });
  const delimiterText = pick('delimiter') ?? 'auto';
  const delimiter = delimiterText === 'auto' ? 'auto' : parseDelimiterName(delimiterText);
  if (delimiter === null) throw new AvvikelseError('OPTION_INVALID', { option: '--delimiter', value: delimiterText, expected: `auto | ${DELIMITERS.join(' | ').replace('\t', 'tab')}` });
  const subLevelText = flags.subLevel ?? config.subLevel;

  const fgAr = flags.fgAr ?? (config.fgAr ? [config.fgAr].flat() : []);
  const analys = Boolean(flags.analys ?? config.analys);
  const resultat = Boolean(flags.resultat ?? config.resultat);
  const fgPrognos = pick('fgPrognos') ?? null;
  const kommentarer = pick('kommentarer') ?? null;
  const columnsText = pick('columns');
  const show = columnsText ? parseColumns(columnsText, { fgAr: fgAr.length > 0, fgPrognos: fgPrognos !== null, kommentarer: kommentarer !== null }) : null;
  const periodText = pick('period');
  let period: string | null = null;
  if (periodText !== undefined) {
    period = parsePeriod(periodText);
    if (period === null) throw new AvvikelseError('OPTION_INVALID', { option: '--period', value: periodText, expected: 'period' });
  }
  const periodiseringText = pick('periodisering');
  const prognosMetodText = pick('prognosMetod');
  const prognos = pick('prognos') ?? null;
  const monthlyOption = [
    ['--period', periodText],
    ['--periodisering', periodiseringText],
    ['--prognos-metod', prognosMetodText],
    ['--prognos', prognos],
    ['--fg-prognos', fgPrognos],
  ].find(([, v]) => v !== undefined && v !== null);
  if ((analys || resultat) && (monthlyOption || show)) {
    const [option, value] = monthlyOption ?? ['--columns', columnsText];
    throw new AvvikelseError('OPTION_INVALID', { option: option as string, value: value as string, expected: 'notWithAnalys' });
  }
  const isMonthly =
    !analys &&
    !resultat &&
    (monthlyOption !== undefined || (show !== null && show.some(monthlyOnly)) || fgAr.length > 0);
  let monthly: MonthlyOptions | null = null;
  if (isMonthly) {
    const p = periodiseringText ?? 'jamn';
    monthly = {
      period,
      periodisering: p === 'jamn' || p === 'fg-ar' ? p : { file: p },
      prognosMetod: oneOf('--prognos-metod', prognosMetodText ?? 'budget', PROGNOS_METODER, { linear: 'linjar', 'fg-år': 'fg-ar' }),
      prognos,
      fgPrognos,
    };
    if (monthly.periodisering === 'fg-ar' && fgAr.length === 0) throw new AvvikelseError('OPTION_MISSING', { option: '--fg-ar (--periodisering fg-ar)', command: 'report' });
    if (monthly.prognosMetod === 'fg-ar' && fgAr.length === 0) throw new AvvikelseError('OPTION_MISSING', { option: '--fg-ar (--prognos-metod fg-ar)', command: 'report' });
  } else if (show?.includes('utfall_fg_ar') || show?.includes('prognosforandring')) {
    throw new AvvikelseError('OPTION_MISSING', { option: '--period', command: 'report' });
  }

  return {
    utfall,
    budget,
    dialect: {
      encoding,
      delimiter,
      decimal: oneOf('--decimal', pick('decimal') ?? 'auto', DECIMAL_MARKS) as DecimalMark,
    },
    columns: {
      ...(config.col ? columnMap('col', Object.entries(config.col).map(([k, v]) => `${k}=${v}`)) : {}),
      ...columnMap('--col', flags.col),
    },
    inputUnit: oneOf('--input-unit', pick('inputUnit') ?? 'kr', UNITS),
    inputSign: oneOf('--input-sign', pick('inputSign') ?? 'cost-positive', INPUT_SIGNS, {
      'kostnad-positiv': 'cost-positive',
      debet: 'cost-positive',
      'intakt-positiv': 'revenue-positive',
      'intäkt-positiv': 'revenue-positive',
    }),
    by,
    where: filters('--where', flags.where.length > 0 ? flags.where : (config.where ?? [])),
    level: levelText !== undefined ? integer('--level', levelText, 1, 32) : by === 'verksamhet' ? 2 : null,
    sub: flags.sub.length > 0 ? flags.sub : (config.sub ?? []),
    subLevel: subLevelText !== undefined ? integer('--sub-level', subLevelText, 1, 32) : null,
    names: pick('names') ?? null,
    kommentarer,
    perspective: oneOf('--perspective', pick('perspective') ?? 'kostnad', PERSPECTIVES, { cost: 'kostnad', result: 'resultat' }),
    unit,
    decimals: integer('--decimals', flags.decimals ?? config.decimals ?? DEFAULT_DECIMALS[unit], 0, 8),
    rounding: oneOf('--rounding', pick('rounding') ?? 'half-away-from-zero', ROUNDING_MODES, { 'half-up': 'half-away-from-zero' }),
    exact: Boolean(flags.exact),
    format,
    out,
    csvDialect: oneOf('--csv-dialect', pick('csvDialect') ?? 'sv', CSV_DIALECTS),
    show,
    monthly,
    fgAr,
    analys,
    resultat,
    kategorier: pick('kategorier') ?? null,
    failOn: (flags.failOn.length > 0 ? flags.failOn : (config.failOn ?? [])).map(parseThreshold),
  };
}

export async function runReportCommand(flags: ReportFlags, config: Config, io: Io, texts: Texts, argv: string[] = []): Promise<number> {
  const req = reportRequest(flags, config);
  const progress = progressReporter(io, texts.reading);
  const report = await runReport({ ...req, progress: progress?.report }, texts);
  progress?.clear();
  for (const t of req.failOn) {
    if (!report.tables[0]?.columns.includes(t.column)) {
      throw new AvvikelseError('OPTION_INVALID', { option: '--fail-on', value: t.text, expected: report.tables[0]?.columns.join(', ') ?? '' });
    }
  }
  for (const w of report.warnings) io.stderr(`avvikelse: ${texts.warningLabel}: ${w}\n`);
  for (const n of report.notes) io.stderr(`avvikelse: ${texts.noteLabel}: ${n}\n`);
  if (io.env.AVVIKELSE_DEBUG === 'reader') for (const r of report.readers ?? []) io.stderr(`avvikelse: debug: ${r}\n`);
  const display = { unit: req.unit, decimals: req.decimals, rounding: req.rounding, exact: req.exact };
  const shown = presentReport(report.tables, display);
  const text = RENDERERS[req.format](shown, {
    texts,
    unit: req.unit,
    perspective: report.perspective,
    rounding: req.rounding,
    exact: req.exact,
    colour: req.out === null && req.format === 'table' && useColour(io, flags.color),
    csvDialect: req.csvDialect,
    invocation: ['avvikelse', ...argv].map((a) => (/^[\w./:=,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' '),
  });
  const key = typeof req.monthly?.periodisering === 'object' ? req.monthly.periodisering.file : null;
  const inputs = [...req.utfall, ...req.budget, ...req.fgAr, req.names, req.kommentarer, req.kategorier, req.monthly?.prognos, req.monthly?.fgPrognos, key];
  if (req.out === null) io.stdout(text);
  else await writeAtomically(req.out, text, inputs.filter((f): f is string => typeof f === 'string'));
  const crossed = crossings(shown, req.failOn);
  for (const c of crossed) {
    const row = c.kod === null ? texts.summa : rowLabel(c.kod, c.namn);
    io.stderr(`avvikelse: ${texts.errorLabel}: ${texts.note.thresholdCrossed(c.table.title, row, texts.columns[c.threshold.column], cellText(c.cell, SWEDISH, ' %'), c.threshold.text)}\n`);
  }
  return crossed.length > 0 ? 1 : 0;
}
