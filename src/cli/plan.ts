/**
 * From parsed options to what a command does: the rules that tie several options together
 * (a monthly follow-up or not, which monthly options --analys/--resultat take, the inputs a
 * chosen column needs — from the column registry —, `--fg-ar` for the fg-ar methods, the
 * default level and decimals), each stated once, with the errors users already know. Each
 * option on its own is validated by its schema entry in cli/options.ts before it gets here.
 * The writer's choices (format, output file, CSV dialect, colour) stay in the commands.
 */
import { DEFAULT_DECIMALS } from '../core/money.js';
import { AvvikelseError } from '../errors.js';
import { columnDef, onlyIn, type ColumnId, type ColumnNeed } from '../report/columns.js';
import type { Display } from '../report/model.js';
import type { Threshold } from '../report/thresholds.js';
import { SORT_KEYS, sortable, type RowSelection } from '../report/select.js';
import type { VerifyOptions } from '../report/verify/index.js';
import { mainColumns, type InputSettings, type MonthlyOptions, type ReportRequest, type SettingsInput } from '../app/run-report.js';
import type { InputOptions, Options } from './options.js';

export interface ReportPlan {
  request: ReportRequest;
  /** How the report's exact values are shown. */
  display: Display;
  /** `--fail-on` thresholds, each on a column of the report's first table. */
  failOn: Threshold[];
  /** `--sort`, `--top`, `--min-avvikelse`: which rows each table shows, in what order. */
  selection: RowSelection;
}

/** The flag that gives each input a column may need, in the order they are asked for. */
const NEED_FLAG: Record<ColumnNeed, string> = { fgAr: '--fg-ar', fgPrognos: '--fg-prognos', kommentarer: '--kommentarer' };

const monthlyOnly = (c: ColumnId) => onlyIn(c, 'manad', ['drift']);
const driftOnly = (c: ColumnId) => onlyIn(c, 'drift', ['manad']);

/** The periodisering as the option gives it, for an error message. */
const shownValue = (v: string | { file: string } | undefined): string | undefined => (typeof v === 'object' ? v.file : v);

/** The request's settings of one input, from its resolved options. */
export const inputSettings = (i: InputOptions): InputSettings => ({
  columns: i.col,
  where: i.where,
  inputUnit: i.inputUnit,
  inputUnitGiven: i.inputUnitGiven,
  inputSign: i.inputSign,
  dialect: { encoding: i.encoding, delimiter: i.delimiter, decimal: i.decimal },
  sieDim: i.sieDim,
  sheet: i.sheet,
});

/** A filter list as a comparable text, in any order. */
/**
 * The report a run makes: every cross-option rule, once. Throws OPTION_MISSING for a missing
 * input (naming `command` in the hint, as `report` does today) and OPTION_INVALID for
 * options that cannot go together.
 */
export function planReport(o: Options): ReportPlan {
  const { utfall, budget } = o;
  if (!utfall || utfall.length === 0) throw new AvvikelseError('OPTION_MISSING', { option: '--utfall', command: 'report' });
  if (!budget || budget.length === 0) throw new AvvikelseError('OPTION_MISSING', { option: '--budget', command: 'report' });
  const show = o.columns ?? null;
  const given = new Set<ColumnNeed>();
  if (o.fgAr.length > 0) given.add('fgAr');
  if (o.fgPrognos !== undefined) given.add('fgPrognos');
  if (o.kommentarer !== undefined) given.add('kommentarer');
  for (const [need, flag] of Object.entries(NEED_FLAG) as [ColumnNeed, string][]) {
    const col = show?.find((c) => columnDef(c).needs === need);
    if (col !== undefined && !given.has(need))
      throw new AvvikelseError('OPTION_MISSING', { option: `${flag} (${col})`, command: 'report' });
  }
  const monthlyOption = (
    [
      ['--period', o.period],
      ['--periodisering', shownValue(o.periodisering)],
      ['--prognos-metod', o.prognosMetod],
      ['--prognos', o.prognos],
      ['--fg-prognos', o.fgPrognos],
    ] as const
  ).find(([, v]) => v !== undefined);
  // A delårsrapport's Verksamhetsanalys and Resultat take the period, the periodisering and the
  // forecast method; a manual forecast per code cannot be split into intäkter and kostnader,
  // and their columns are their own.
  const notWithAnalys = (
    [
      ['--prognos', o.prognos],
      ['--fg-prognos', o.fgPrognos],
      ['--columns', show?.join(',')],
    ] as const
  ).find(([, v]) => v !== undefined);
  if ((o.analys || o.resultat) && notWithAnalys) {
    const [option, value] = notWithAnalys;
    throw new AvvikelseError('OPTION_INVALID', { option, value: value as string, expected: 'notWithAnalys' });
  }
  const isMonthly =
    o.analys || o.resultat
      ? monthlyOption !== undefined
      : monthlyOption !== undefined ||
        (show !== null && show.some(monthlyOnly)) ||
        // --fg-ar makes a monthly report, unless the chosen columns are the driftredovisning's (Förändring over the year).
        (o.fgAr.length > 0 && !(show !== null && show.some(driftOnly)));
  let monthly: MonthlyOptions | null = null;
  if (isMonthly) {
    monthly = {
      period: o.period ?? null,
      periodisering: o.periodisering ?? 'jamn',
      periodiseringGiven: o.periodisering !== undefined,
      prognosMetod: o.prognosMetod ?? 'budget',
      prognos: o.prognos ?? null,
      fgPrognos: o.fgPrognos ?? null,
    };
    if (monthly.periodisering === 'fg-ar' && o.fgAr.length === 0)
      throw new AvvikelseError('OPTION_MISSING', { option: '--fg-ar (--periodisering fg-ar)', command: 'report' });
    if (monthly.prognosMetod === 'fg-ar' && o.fgAr.length === 0)
      throw new AvvikelseError('OPTION_MISSING', { option: '--fg-ar (--prognos-metod fg-ar)', command: 'report' });
  } else if (
    show?.some((c) => (columnDef(c).needs === 'fgAr' || columnDef(c).needs === 'fgPrognos') && !columnDef(c).reports.includes('drift'))
  ) {
    // Last year's and the previous forecast's columns compare months: a monthly report only.
    throw new AvvikelseError('OPTION_MISSING', { option: '--period', command: 'report' });
  }
  const inputs = Object.fromEntries(Object.entries(o.inputs).map(([input, i]) => [input, inputSettings(i)])) as Record<
    SettingsInput,
    InputSettings
  >;
  const request: ReportRequest = {
    utfall,
    budget,
    inputs,
    by: o.by,
    level: o.level ?? (o.by === 'verksamhet' ? 2 : null),
    sub: o.sub,
    subLevel: o.subLevel ?? null,
    names: o.names ?? null,
    kommentarer: o.kommentarer ?? null,
    perspective: o.perspective,
    unit: o.unit,
    rounding: o.rounding,
    show,
    monthly,
    fgAr: o.fgAr,
    analys: o.analys,
    resultat: o.resultat,
    kategorier: o.kategorier ?? null,
  };
  const columns = mainColumns(request);
  for (const t of o.failOn) {
    if (!columns.includes(t.column))
      throw new AvvikelseError('OPTION_INVALID', { option: '--fail-on', value: t.text, expected: columns.join(', ') });
  }
  const display: Display = { unit: o.unit, decimals: o.decimals ?? DEFAULT_DECIMALS[o.unit], rounding: o.rounding, exact: o.exact };
  // A sort key must name a column of the report's rows (prognosavvikelse: a monthly report only).
  const kind = o.analys ? 'analys' : monthly ? 'manad' : 'drift';
  if (o.sort !== undefined && !sortable(o.sort, kind)) {
    const expected = SORT_KEYS.filter((k) => sortable(k, kind)).join(' | ');
    throw new AvvikelseError('OPTION_INVALID', { option: '--sort', value: o.sort, expected });
  }
  const selection: RowSelection = { sort: o.sort ?? null, top: o.top ?? null, minAvvikelse: o.minAvvikelse ?? null };
  return { request, display, failOn: o.failOn, selection };
}

/**
 * What verify checks. The report to compare the tables with, when `--utfall` or `--budget`
 * is given on the command line (the configuration file's inputs alone do not turn the
 * ledger check on), is `planReport` of the same options, made after the tables are read.
 */
export function planVerify(o: Options): VerifyOptions {
  return {
    summaLabels: o.summa,
    ignore: o.ignore,
    deviation: o.avvikelse ?? null,
    relations: o.relations,
    parents: o.parent,
    strict: o.strict,
    allowEmpty: o.allowEmpty,
    cross: o.cross,
  };
}
