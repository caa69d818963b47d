/**
 * Orchestration of a report run without a process: read every input (read/), sum exactly,
 * look names up, and build the driftredovisning, the monthly follow-up or the analysis
 * (report/). The CLI turns flags into a `ReportRequest`; tests call `runReport` directly.
 */
import { builtInNames, kontoGroupNames } from '../read/catalogue.js';
import { NameBook } from '../core/names.js';
import type { RoundingMode } from '../rules/rounding.js';
import { ZERO, type Ore, type Unit } from '../core/money.js';
import { monthsOfYear, periodRange, reportPeriod, type ReportPeriod } from '../core/periods.js';
import type { PrognosMetod } from '../rules/forecast.js';
import { addInto, latestYear, totalPerCode, type PeriodTotals } from '../core/ledger.js';
import { AvvikelseError } from '../errors.js';
import { normaliseHeader } from '../core/text.js';
import { resolve as resolvePath } from 'node:path';
import { looksReversed, type InputSign, type Perspective } from '../rules/sign.js';
import { ledgerSize, mixedUnits } from '../rules/units.js';
import { readCategoryMap, readCodeAmounts, readCodeTexts, readPeriodisationKey, type ForecastRole } from '../read/code-files.js';
import { readLedger, tuningFromEnv, type Dialect, type LedgerTotals, type ReadTuning } from '../read/index.js';
import type { ReadNote } from '../read/source.js';
import { type Filter } from '../core/codes.js';
import { DEFAULT_CATEGORIES } from '../rules/categories.js';
import { buildAnalys, categorise, listUnknown } from '../report/analys.js';
import { defaultColumns, type ColumnId, type ColumnNeed, type ReportKind } from '../report/columns.js';
import { buildDrift, type Layout } from '../report/drift.js';
import { buildDelar } from '../report/delar.js';
import { inPrintOrder, message } from '../report/messages.js';
import type { Message, MonthSpan, Report } from '../report/model.js';
import { buildMonthly, type Periodisering } from '../report/monthly.js';
import { hasAnnual, keepYear, monthsCovered, reachesBeyond } from '../report/coverage.js';
import { asAnnual, singleBudgetPeriod } from '../rules/periodisation.js';

export interface MonthlyOptions {
  /** `YYYY-MM`, or null for the last month with utfall. */
  period: string | null;
  /** `jamn`, `fg-ar`, or a periodiseringsnyckel file. */
  periodisering: 'jamn' | 'fg-ar' | { file: string };
  prognosMetod: PrognosMetod;
  prognos: string | null;
  fgPrognos: string | null;
  /** Whether `periodisering` was given (flag or configuration file) rather than the default: then it is never ignored silently. */
  periodiseringGiven?: boolean;
}

/** How one input's files are read: the plain options (`--col`, `--input-unit` …), each overridden by the input's own (`--budget-col`, `inputs.budget.unit` …). */
export interface InputSettings {
  /** Explicit role → header. */
  columns: Record<string, string>;
  where: Filter[];
  inputUnit: Unit;
  /** Whether an option set the unit, rather than the default `kr`. */
  inputUnitGiven: boolean;
  inputSign: InputSign;
  dialect: Dialect;
  /** SIE: dimension role → dimension number or name (`--sie-dim`). */
  sieDim: Record<string, string>;
  /** The sheet of a workbook to read; undefined: the first. */
  sheet?: string;
}

/** The inputs that take settings of their own: the ledgers (every setting) and the forecast files (unit and sign). */
export type SettingsInput = 'utfall' | 'budget' | 'fgAr' | 'prognos' | 'fgPrognos';

export interface ReportRequest {
  utfall: string[];
  budget: string[];
  /** The settings each input's files are read with. */
  inputs: Record<SettingsInput, InputSettings>;
  by: string;
  level: number | null;
  sub: string[];
  subLevel: number | null;
  names: string | null;
  kommentarer: string | null;
  perspective: Perspective;
  unit: Unit;
  rounding: RoundingMode;
  /** Chosen columns, or null for the defaults of the report kind. */
  show: ColumnId[] | null;
  /** Last year's utfall files (Utfall fg år, profiles, Bokslut fg år). */
  fgAr: string[];
  /** A monthly follow-up, or null for a driftredovisning over everything read. */
  monthly: MonthlyOptions | null;
  /** Called now and then while a large file is read (the CLI shows it on a terminal). */
  progress?: (file: string, done: number, total: number) => void;
  /** How the readers may read (fast path, threads): the CLI derives it from its environment (`tuningFromEnv`); default: the fast path on every core. */
  tuning?: ReadTuning;
  /** Verksamhetsanalys and/or Resultat summary instead of the driftredovisning. */
  analys: boolean;
  resultat: boolean;
  /** A konto category map file, or null for the built-in one. */
  kategorier: string | null;
}

/**
 * The columns of the report's first table, known before any file is read: the chosen ones,
 * or the registry's defaults for the report kind and the optional inputs given. (`--fail-on`
 * may name only these.) The Verksamhetsanalys and the Resultat lay out their own columns
 * from the same registry.
 */
export function mainColumns(req: ReportRequest): ColumnId[] {
  // The Resultat of a delårsrapport shows the monthly columns.
  const kind: ReportKind = req.analys ? 'analys' : req.monthly ? 'manad' : req.resultat ? 'resultat' : 'drift';
  const given = new Set<ColumnNeed>();
  if (req.fgAr.length > 0) given.add('fgAr');
  if (req.monthly?.fgPrognos) given.add('fgPrognos');
  if (req.kommentarer !== null) given.add('kommentarer');
  return req.show ?? defaultColumns(kind, given);
}

function signWarning(ledger: LedgerTotals): Message | null {
  const s = ledger.signs;
  if (s === null || !looksReversed(s)) return null;
  return message('signsLookReversed', { file: ledger.file, positive: s.revenuePositive, total: s.revenuePositive + s.revenueNegative });
}

/** The option each input's files are given with, in messages about a file read for more than one input. */
const OPTION_OF = { utfall: '--utfall', budget: '--budget', fgAr: '--fg-ar' } as const;

/**
 * The name messages use for a file: the file, and the option it was given with when it is
 * read for several inputs (`raindance.txt (--budget)`), since each read has its own notes.
 */
function fileLabel(file: string, role: keyof typeof OPTION_OF, req: ReportRequest): string {
  const inputs = [req.utfall, req.budget, req.fgAr].filter((files) => files.includes(file)).length;
  return inputs > 1 ? `${file} (${OPTION_OF[role]})` : file;
}

/**
 * Reads the files of one input. `role` is the input (a SIE file gives each its own records);
 * last year's utfall is read as `utfall` with `year`, the year before the report's, when known.
 */
async function readAll(
  files: string[],
  role: 'utfall' | 'budget' | 'fgAr',
  input: InputSettings,
  req: ReportRequest,
  log: RunLog,
  detail?: string,
  year?: number,
) {
  const kind = role === 'budget' ? 'budget' : 'utfall';
  const totals: PeriodTotals = new Map();
  const names = new Map<string, string>();
  const perFile: FileTotals[] = [];
  const tuning = req.tuning ?? tuningFromEnv({});
  for (const file of files) {
    const ledger = await readLedger(file, {
      kind,
      dialect: input.dialect,
      sheet: input.sheet,
      columns: input.columns,
      inputUnit: input.inputUnit,
      inputUnitGiven: input.inputUnitGiven,
      inputSign: input.inputSign,
      groupBy: req.by,
      detail,
      where: input.where,
      role,
      year,
      sieDim: input.sieDim,
      tuning,
      progress: req.progress ? (done, total) => req.progress?.(file, done, total) : undefined,
    });
    log.readers.push(`${file}: ${ledger.reader}`);
    const label = fileLabel(file, role, req);
    if (ledger.encodingFallback) log.messages.push(message('encodingFallback', { file: label }));
    const w = signWarning({ ...ledger, file: label });
    if (w) log.messages.push(w);
    const { opening, adjustment } = ledger.asides;
    if (opening.rows > 0) log.messages.push(message('openingLeftOut', { file: label, ...opening }));
    if (adjustment.rows > 0) log.messages.push(message('adjustmentInDecember', { file: label, ...adjustment }));
    log.messages.push(...ledger.notes.map((n) => readNote(label, n)));
    for (const n of ledger.notes) if (n.kind === 'headingUnit' && n.applied) log.units.set(kind, n.unit);
    addInto(totals, ledger.totals);
    perFile.push({ file, label, totals: ledger.totals, rowsByPeriod: ledger.rowsByPeriod, amountColumns: ledger.amountColumns });
    for (const [k, v] of ledger.names) names.set(k, v);
  }
  return { totals, names, perFile };
}

/** The report month: the one asked for (which must lie within the utfall), or the last with utfall. */
function resolvePeriod(asked: string | null, utfall: readonly { file: string; totals: PeriodTotals }[]): ReportPeriod {
  const all: PeriodTotals = new Map();
  for (const f of utfall) addInto(all, f.totals);
  const range = periodRange(all);
  if (range === null) {
    // Month columns with no year (`jan … dec`) are months of the report year: --period names it.
    const yearless = [...all.values()].some((ps) => [...ps.keys()].some((k) => k.startsWith('M')));
    if (!yearless) throw new AvvikelseError('PERIOD_MISSING', {}, { file: utfall[0]?.file ?? '' });
    if (asked === null) throw new AvvikelseError('PERIOD_YEAR_MISSING', {}, { file: utfall[0]?.file ?? '' });
    return reportPeriod(asked);
  }
  if (asked === null) return reportPeriod(range.last);
  if (asked < range.first || asked > range.last) {
    throw new AvvikelseError('PERIOD_OUTSIDE_DATA', { period: asked, ...range }, { file: utfall[0]?.file ?? '' });
  }
  return reportPeriod(asked);
}

/** One file's totals: its name, the name messages give it (`fileLabel`), and its data rows per period. */
interface FileTotals {
  file: string;
  label: string;
  totals: PeriodTotals;
  rowsByPeriod: ReadonlyMap<string, number>;
  /** The headings of the amount columns read (`Ledger.amountColumns`). */
  amountColumns: readonly string[];
}
type PerFile = readonly FileTotals[];

/** The files as the coverage rules name them in warnings: by their labels. */
const labelled = (files: PerFile) => files.map((f) => ({ file: f.label, totals: f.totals, rowsByPeriod: f.rowsByPeriod }));

/** The filters of an input, in one comparable text. */
const filterKey = (s: InputSettings): string =>
  s.where
    .map((w) => `${w.dimension}${w.negate ? '!=' : '='}${w.glob}`)
    .sort()
    .join('\n');

/**
 * The one rule against reading the same amounts twice: the same file read as utfall and as
 * budget from the same amount column(s) — as the reader found or was told them — with the
 * same filters gives every deviation 0. Refused (SAME_AMOUNT_COLUMN), naming the column.
 * A file whose `Utfall` and `Budget` columns the reader tells apart, or that each input
 * filters its own way (`--utfall-where Version=Utfall`), is read as asked.
 */
function checkSameAmounts(utfall: PerFile, budget: PerFile, req: ReportRequest): void {
  if (filterKey(req.inputs.utfall) !== filterKey(req.inputs.budget)) return;
  for (const u of utfall) {
    const b = budget.find((f) => resolvePath(f.file) === resolvePath(u.file));
    if (b === undefined || u.amountColumns.length === 0) continue;
    const columns = (f: FileTotals) => f.amountColumns.map(normaliseHeader).join('\n');
    if (columns(u) === columns(b)) {
      const column = u.amountColumns.join(' − ');
      throw new AvvikelseError('SAME_AMOUNT_COLUMN', { column, first: '--utfall', second: '--budget' }, { file: u.file });
    }
  }
}

/** The files' totals summed. */
const combined = (files: PerFile): PeriodTotals => files.reduce((all, f) => addInto(all, f.totals), new Map() as PeriodTotals);

/**
 * The budget a report of `year` uses. A budget whose dated rows all carry one period of that
 * year (every row `2024-01-01`, as ledger systems store the KF budget) is that year's annual
 * budget: a note says so, and its amounts become annual amounts (periodised in a monthly
 * report). Rows of other years — a whole budget of another year too — are left out with a
 * warning per file and year. With no `year` (undated utfall) nothing is left out.
 */
function budgetOfYear(files: PerFile, year: number | null, log: RunLog, periodised: boolean): PeriodTotals {
  const single = singleBudgetPeriod(combined(files));
  let budget = files;
  if (single !== null && (year === null || Number(single.slice(0, 4)) === year)) {
    log.messages.push(message('annualBudget', { period: single, periodised }));
    budget = files.map((f) => ({ ...f, totals: asAnnual(f.totals, single) }));
  }
  return year === null ? combined(budget) : keepYear(labelled(budget), year, log.messages);
}

/**
 * A report over everything read (no `--period`): its year is the latest in the utfall, rows
 * of other years are left out with a warning, and when the utfall covers fewer than twelve
 * months the title says which; when they end before December and the budget reaches beyond
 * them (an annual amount, later months), a warning says a full-year budget is set against
 * part of a year and suggests `--period`.
 */
function wholeYear(utfall: PerFile, budgetFiles: PerFile, log: RunLog) {
  const latest = latestYear(combined(utfall));
  const year = latest === '' ? null : Number(latest);
  const u = year === null ? combined(utfall) : keepYear(labelled(utfall), year, log.messages);
  const budget = budgetOfYear(budgetFiles, year, log, false);
  const span = year === null ? null : monthsCovered(u, year);
  let coverage: MonthSpan | undefined;
  if (year !== null && span !== null && (span.first > 1 || span.last < 12)) {
    coverage = span;
    if (span.last < 12 && reachesBeyond(budget, year, span)) {
      const period = `${year}-${String(span.last).padStart(2, '0')}`;
      log.messages.push(message('partYear', { year, first: span.first, last: span.last, period }));
    }
  }
  return { utfall: u, budget, year: latest, coverage };
}

/**
 * Last year's totals per code over the months this year's utfall covers (`coverage`, or the
 * whole year), for Förändring in a driftredovisning: amounts of other years left out; an
 * annual amount only when the whole year is compared.
 */
function sameMonths(fg: PeriodTotals, year: number | undefined, coverage: MonthSpan | undefined): Map<string, Ore> {
  if (year === undefined) return totalPerCode(fg);
  const out = new Map<string, Ore>();
  for (const [code, months] of monthsOfYear(fg, year)) {
    const first = coverage?.first ?? 1;
    const last = coverage?.last ?? 12;
    let total = coverage === undefined ? (months[0] ?? ZERO) : ZERO;
    for (let m = first; m <= last; m++) total = total.plus(months[m] ?? ZERO);
    out.set(code, total);
  }
  return out;
}

/** The periodisering asked for, with a periodiseringsnyckel read (and its normalisations noted). */
async function periodiseringOf(m: MonthlyOptions, log: RunLog): Promise<Periodisering> {
  if (m.periodisering === 'fg-ar') return { kind: 'fg-ar' };
  if (typeof m.periodisering !== 'object') return { kind: 'jamn' };
  const key = await readPeriodisationKey(m.periodisering.file);
  for (const n of key.normalised) log.messages.push(message('keyNormalised', { key: n.prefix, sum: n.sum }));
  return { kind: 'key', by: key.by, weights: key.weights };
}

/**
 * A report through a month: the month, the utfall and the budget of its year (other years
 * left out with a warning, a budget dated once taken as the annual budget), and a warning
 * when `--periodisering` was given for a budget with nothing annual to spread.
 */
function throughMonth(m: MonthlyOptions, utfall: PerFile, budget: PerFile, log: RunLog) {
  const period = resolvePeriod(m.period, utfall);
  const utfallOfYear = keepYear(labelled(utfall), period.year, log.messages);
  const budgetOfReport = budgetOfYear(budget, period.year, log, true);
  if (m.periodiseringGiven && !hasAnnual(budgetOfReport)) {
    const value = typeof m.periodisering === 'object' ? m.periodisering.file : m.periodisering;
    log.messages.push(message('periodiseringUnused', { value }));
  }
  return { period, utfallOfYear, budgetOfReport };
}

/** The Verksamhetsanalys and/or Resultat of a delårsrapport: every input read per konto, through the report month. */
async function buildDelarsrapport(req: ReportRequest, m: MonthlyOptions, layout: Layout, names: NameBook, log: RunLog): Promise<Report> {
  const map = req.kategorier ? await readCategoryMap(req.kategorier) : DEFAULT_CATEGORIES;
  const periodisering = await periodiseringOf(m, log);
  const { utfall, budget } = await readUtfallAndBudget(req, log, names, 'konto', 'konto');
  const { period, utfallOfYear, budgetOfReport } = throughMonth(m, utfall.perFile, budget.perFile, log);
  const fg = req.fgAr.length > 0 ? await readAll(req.fgAr, 'fgAr', req.inputs.fgAr, req, log, 'konto', period.year - 1) : null;
  const unknown = new Set<string>();
  const report = buildDelar({
    ...layout,
    utfall: utfallOfYear,
    budget: budgetOfReport,
    fgAr: fg?.totals ?? null,
    categories: map,
    unknown,
    period,
    periodisering,
    prognosMetod: m.prognosMetod,
    analys: req.analys,
    resultat: req.resultat,
    unit: req.unit,
  });
  if (unknown.size > 0) log.messages.push(message('uncategorised', { accounts: listUnknown(unknown) }));
  return report;
}

/**
 * The utfall and the budget read (each with its `detail` dimension kept apart), their names
 * added to `names`, and the checks that need both: one column read twice (SAME_AMOUNT_COLUMN)
 * and units that look mixed (a warning).
 */
async function readUtfallAndBudget(req: ReportRequest, log: RunLog, names: NameBook, utfallDetail?: string, budgetDetail?: string) {
  const utfall = await readAll(req.utfall, 'utfall', req.inputs.utfall, req, log, utfallDetail);
  const budget = await readAll(req.budget, 'budget', req.inputs.budget, req, log, budgetDetail);
  names.add(budget.names).add(utfall.names);
  checkSameAmounts(utfall.perFile, budget.perFile, req);
  log.messages.push(...unitsWarning(utfall.totals, budget.totals, req, log));
  return { utfall, budget };
}

/** What reading the inputs says: messages for the user, which reader read each file, and an input's unit when a heading set it. */
interface RunLog {
  messages: Message[];
  readers: string[];
  units: Map<'utfall' | 'budget', Unit>;
}

/** A reader's note as a message for the user. */
export function readNote(file: string, n: ReadNote): Message {
  if (n.kind === 'totalsRows') return message('totalsRows', { file, lines: n.positions, labels: n.labels });
  if (n.kind === 'headingUnit') {
    return n.applied
      ? message('headingUnit', { file, heading: n.heading, unit: n.unit })
      : message('headingUnitConflict', { file, heading: n.heading, unit: n.unit, given: n.given });
  }
  if (n.kind === 'sieRead') return message('sieRead', { file, record: n.record, year: n.year, dates: n.dates, dimensions: n.dimensions });
  if (n.kind === 'sieBalanceAccounts') return message('sieBalanceAccounts', { file, accounts: n.accounts, rows: n.rows });
  if (n.kind === 'sieUnallocated') {
    const { role, dim, code, rows, amount, record } = n;
    return message('sieUnallocated', { file, role, dim, code, rows, amount, record });
  }
  return n.differing === 0
    ? message('totalsColumn', { file, column: n.column, rows: n.rows })
    : message('totalsColumnDiffers', { file, column: n.column, rows: n.rows, differing: n.differing, lines: n.differs });
}

/** The warning when utfall and budget look to be in different units (rules/units.ts), with the option that fixes it. */
function unitsWarning(utfall: PeriodTotals, budget: PeriodTotals, req: ReportRequest, log: RunLog): Message[] {
  const u = ledgerSize(utfall);
  const b = ledgerSize(budget);
  const smaller = u.lt(b) ? 'utfall' : 'budget';
  const mixed = mixedUnits(u, b, log.units.get(smaller) ?? req.inputs[smaller].inputUnit);
  if (mixed === null) return [];
  const option = `--${mixed.smaller}-unit${mixed.suggested ? ` ${mixed.suggested}` : ''}`;
  return [message('unitsLookMixed', { larger: mixed.larger, smaller: mixed.smaller, factor: Number(mixed.factor), option })];
}

/** Reads the inputs and builds the report; its messages come warnings first, then notes, as the CLI prints them. */
export async function runReport(req: ReportRequest): Promise<Report> {
  const log: RunLog = { messages: [], readers: [], units: new Map() };
  const report = await buildReport(req, log);
  return { ...report, messages: inPrintOrder([...log.messages, ...report.messages]), readers: log.readers };
}

async function buildReport(req: ReportRequest, log: RunLog): Promise<Report> {
  const names = new NameBook();
  if (req.by === 'verksamhet') names.add(builtInNames());
  // Kommun-Bas' kontoklasser and kontogrupper name konto codes rolled up to their level (`--by konto --level 2`).
  if (req.by === 'konto') names.add(kontoGroupNames());
  if (req.names) names.add(await readCodeTexts(req.names, '--names'));
  const comments = req.kommentarer ? await readCodeTexts(req.kommentarer, '--kommentarer') : new Map<string, string>();
  const layout = {
    dimension: req.by,
    level: req.level,
    subs: req.sub,
    subLevel: req.subLevel,
    perspective: req.perspective,
    names,
    comments,
  };
  if ((req.analys || req.resultat) && req.monthly !== null) return buildDelarsrapport(req, req.monthly, layout, names, log);
  if (req.analys || req.resultat) {
    const map = req.kategorier ? await readCategoryMap(req.kategorier) : DEFAULT_CATEGORIES;
    const { utfall, budget } = await readUtfallAndBudget(req, log, names, 'konto', 'konto');
    const whole = wholeYear(utfall.perFile, budget.perFile, log);
    const fgYear = whole.year === '' ? undefined : Number(whole.year) - 1;
    const fg = req.fgAr.length > 0 && req.resultat ? await readAll(req.fgAr, 'fgAr', req.inputs.fgAr, req, log, 'konto', fgYear) : null;
    const unknown = new Set<string>();
    const report = buildAnalys({
      ...layout,
      utfall: categorise(whole.utfall, map, unknown),
      budget: categorise(whole.budget, map, unknown),
      fgAr: fg ? categorise(fg.totals, map, unknown) : null,
      analys: req.analys,
      resultat: req.resultat,
      year: whole.year,
      coverage: whole.coverage,
      unit: req.unit,
    });
    if (unknown.size > 0) log.messages.push(message('uncategorised', { accounts: listUnknown(unknown) }));
    return report;
  }
  const m = req.monthly;
  if (m === null) {
    const { utfall, budget } = await readUtfallAndBudget(req, log, names);
    const whole = wholeYear(utfall.perFile, budget.perFile, log);
    // Förändring: last year's utfall over the same months as this year's (all of it when undated).
    const fgYear = whole.year === '' ? undefined : Number(whole.year) - 1;
    const fg = req.fgAr.length > 0 ? await readAll(req.fgAr, 'fgAr', req.inputs.fgAr, req, log, undefined, fgYear) : null;
    const report = buildDrift({
      fgAr: fg === null ? null : sameMonths(fg.totals, fgYear, whole.coverage),
      ...layout,
      utfall: totalPerCode(whole.utfall),
      budget: totalPerCode(whole.budget),
      year: whole.year,
      coverage: whole.coverage,
      unit: req.unit,
      columns: mainColumns(req),
    });
    return report;
  }

  const periodisering = await periodiseringOf(m, log);
  const detail = periodisering.kind === 'key' && periodisering.by === 'konto' ? 'konto' : undefined;
  const { utfall, budget } = await readUtfallAndBudget(req, log, names, undefined, detail);
  const { period, utfallOfYear, budgetOfReport } = throughMonth(m, utfall.perFile, budget.perFile, log);
  const fgAr = req.fgAr.length > 0 ? await readAll(req.fgAr, 'fgAr', req.inputs.fgAr, req, log, undefined, period.year - 1) : null;
  const forecasts = async (file: string | null, role: ForecastRole, input: InputSettings) => {
    if (file === null) return null;
    const read = await readCodeAmounts(file, { unit: input.inputUnit, sign: input.inputSign, role });
    if (read.deviation) log.messages.push(message('prognosFromDeviation', { file, column: read.column ?? '' }));
    return read;
  };
  const manual = await forecasts(m.prognos, '--prognos', req.inputs.prognos);
  const fgPrognos = await forecasts(m.fgPrognos, '--fg-prognos', req.inputs.fgPrognos);
  const report = buildMonthly({
    ...layout,
    utfall: utfallOfYear,
    budget: budgetOfReport,
    fgAr: fgAr?.totals ?? null,
    period,
    periodisering,
    prognosMetod: m.prognosMetod,
    manualPrognos: manual?.values ?? new Map(),
    manualPrognosFile: m.prognos,
    manualPrognosDeviation: manual?.deviation ?? false,
    fgPrognos: fgPrognos?.values ?? null,
    fgPrognosDeviation: fgPrognos?.deviation ?? false,
    columns: mainColumns(req),
    unit: req.unit,
  });
  return report;
}
