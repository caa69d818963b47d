/**
 * `avvikelse report` (alias `rapport`): flags and configuration → a ReportRequest, the
 * report → the chosen format on stdout or atomically in `--out`.
 */
import { Command } from 'commander';
import { DEFAULT_DECIMALS, ROUNDING_MODES, UNITS, type Unit } from '../data/money.js';
import { AvvikelseError } from '../errors.js';
import { bilingual, type Lang, type Texts } from '../i18n/messages.js';
import { DECIMAL_MARKS, type DecimalMark } from '../read/amount.js';
import { canonicalDimension } from '../read/columns.js';
import { DELIMITERS, ENCODINGS, parseDelimiterName, parseEncodingName } from '../read/dialect.js';
import { INPUT_SIGNS } from '../read/ledger.js';
import { PERSPECTIVES } from '../report/model.js';
import { presentReport } from '../report/present.js';
import { runReport, type ReportRequest } from '../report/run.js';
import { CSV_DIALECTS, FORMATS, type Format } from '../write/context.js';
import { formatForPath, RENDERERS } from '../write/index.js';
import { writeAtomically } from '../write/output.js';
import type { Config } from './config.js';
import { useColour, type Io } from './io.js';
import { columnMap, filters, integer, oneOf } from './values.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface ReportFlags {
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
  color: boolean;
}

const EXAMPLES: Record<Lang, string> = {
  sv: `
Exempel:
  avvikelse report --utfall utfall.csv --budget budget.csv
  avvikelse rapport --utfall jan-jun.csv jul-dec.csv --budget budget.csv --sub 51 --unit mnkr
  avvikelse report --utfall utfall.csv --budget budget.csv --by ansvar --where 'ansvar=41*' --level 4
  avvikelse report --utfall utfall.csv --budget budget.csv --col verksamhet=Vht --col belopp=Summa --out drift.csv`,
  en: `
Examples:
  avvikelse report --utfall actual.csv --budget budget.csv
  avvikelse report --utfall jan-jun.csv jul-dec.csv --budget budget.csv --sub 51 --unit mnkr --lang en
  avvikelse report --utfall actual.csv --budget budget.csv --by ansvar --where 'ansvar=41*' --level 4
  avvikelse report --utfall actual.csv --budget budget.csv --col verksamhet=Vht --col belopp=Sum --out drift.csv`,
};

export function reportCommand(lang: Lang, run: (flags: ReportFlags) => Promise<void>): Command {
  const d = bilingual(lang);
  return new Command('report')
    .alias('rapport')
    .description(d('driftredovisning: utfall, budget och avvikelse per verksamhet, med delsummor', 'operating statement: actual, budget and deviation per code, with sub-tables'))
    .option('--utfall <filer...>', d('utfallsfiler (summeras)', 'actual (utfall) files, summed'))
    .option('--budget <filer...>', d('budgetfiler (summeras)', 'budget files, summed'))
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
    .option('--decimals <n>', d('antal decimaler (standard 0, för mnkr 1)', 'decimals shown (default 0, for mnkr 1)'))
    .option('--rounding <r>', d('half-away-from-zero (standard) eller half-even', 'half-away-from-zero (default) or half-even'))
    .option('--exact', d('visa exakta, oavrundade belopp', 'show exact, unrounded amounts'))
    .option('--format <f>', d('table (standard), csv, json, md', 'table (default), csv, json, md'))
    .option('--out <fil>', d('skriv till fil (formatet från filändelsen)', 'write to a file (format from its extension)'))
    .option('--csv-dialect <d>', d('sv (;, decimalkomma, standard) eller en (, och punkt)', 'sv (;, decimal comma, default) or en (, and point)'))
    .option('--encoding <e>', d('teckenkodning i indata: auto, utf-8, cp1252', 'input encoding: auto, utf-8, cp1252'))
    .option('--delimiter <d>', d('avgränsare i indata: auto, ; , tab', 'input delimiter: auto, ; , tab'))
    .option('--decimal <d>', d('decimaltecken i indata: auto , .', 'decimal mark of the input: auto , .'))
    .option('--no-color', d('inga färger', 'no colours'))
    .addHelpText('after', EXAMPLES[lang])
    .action(async (flags: ReportFlags) => {
      await run(flags);
    });
}

/** Flags over configuration over defaults → a request; every value validated. */
export function reportRequest(flags: ReportFlags, config: Config): ReportRequest & { decimals: number; exact: boolean; format: Format; out: string | null; csvDialect: 'sv' | 'en' } {
  const utfall = flags.utfall ?? config.utfall;
  const budget = flags.budget ?? config.budget;
  if (!utfall || utfall.length === 0) throw new AvvikelseError('OPTION_MISSING', { option: '--utfall', command: 'report' });
  if (!budget || budget.length === 0) throw new AvvikelseError('OPTION_MISSING', { option: '--budget', command: 'report' });
  const by = canonicalDimension(flags.by ?? config.by ?? 'verksamhet');
  const levelText = flags.level ?? config.level;
  const unit = oneOf('--unit', flags.unit ?? config.unit ?? 'tkr', UNITS) as Unit;
  const out = flags.out ?? null;
  let format: Format;
  if (flags.format ?? config.format) format = oneOf('--format', (flags.format ?? config.format) as string, FORMATS);
  else format = (out && formatForPath(out)) || 'table';
  const encodingText = flags.encoding ?? config.encoding ?? 'auto';
  const encoding = encodingText === 'auto' ? 'auto' : parseEncodingName(encodingText);
  if (encoding === null) throw new AvvikelseError('OPTION_INVALID', { option: '--encoding', value: encodingText, expected: `auto | ${ENCODINGS.join(' | ')} | cp1252` });
  const delimiterText = flags.delimiter ?? config.delimiter ?? 'auto';
  const delimiter = delimiterText === 'auto' ? 'auto' : parseDelimiterName(delimiterText);
  if (delimiter === null) throw new AvvikelseError('OPTION_INVALID', { option: '--delimiter', value: delimiterText, expected: `auto | ${DELIMITERS.join(' | ').replace('\t', 'tab')}` });
  const subLevelText = flags.subLevel ?? config.subLevel;
  return {
    utfall,
    budget,
    dialect: {
      encoding,
      delimiter,
      decimal: oneOf('--decimal', flags.decimal ?? config.decimal ?? 'auto', DECIMAL_MARKS) as DecimalMark,
    },
    columns: { ...(config.columns ? columnMap('columns', Object.entries(config.columns).map(([k, v]) => `${k}=${v}`)) : {}), ...columnMap('--col', flags.col) },
    inputUnit: oneOf('--input-unit', flags.inputUnit ?? config.inputUnit ?? 'kr', UNITS),
    inputSign: oneOf('--input-sign', flags.inputSign ?? config.inputSign ?? 'cost-positive', INPUT_SIGNS, {
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
    names: flags.names ?? config.names ?? null,
    perspective: oneOf('--perspective', flags.perspective ?? config.perspective ?? 'kostnad', PERSPECTIVES, { cost: 'kostnad', result: 'resultat' }),
    unit,
    decimals: integer('--decimals', flags.decimals ?? config.decimals ?? DEFAULT_DECIMALS[unit], 0, 8),
    rounding: oneOf('--rounding', flags.rounding ?? config.rounding ?? 'half-away-from-zero', ROUNDING_MODES, { 'half-up': 'half-away-from-zero' }),
    exact: Boolean(flags.exact),
    format,
    out,
    csvDialect: oneOf('--csv-dialect', flags.csvDialect ?? config.csvDialect ?? 'sv', CSV_DIALECTS),
  };
}

export async function runReportCommand(flags: ReportFlags, config: Config, io: Io, texts: Texts): Promise<number> {
  const req = reportRequest(flags, config);
  const report = await runReport(req, texts);
  for (const w of report.warnings) io.stderr(`avvikelse: ${texts.warningLabel}: ${w}\n`);
  const display = { unit: req.unit, decimals: req.decimals, rounding: req.rounding, exact: req.exact };
  const text = RENDERERS[req.format](presentReport(report, display), {
    texts,
    unit: req.unit,
    perspective: req.perspective,
    rounding: req.rounding,
    exact: req.exact,
    colour: req.out === null && req.format === 'table' && useColour(io, flags.color),
    csvDialect: req.csvDialect,
  });
  if (req.out === null) io.stdout(text);
  else await writeAtomically(req.out, text, [...req.utfall, ...req.budget, ...(req.names ? [req.names] : [])]);
  return 0;
}
