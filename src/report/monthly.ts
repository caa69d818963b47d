/**
 * Månadsuppföljning "per 31 augusti": per code, the year-to-date utfall against the
 * periodised budget, a helårsprognos and its deviation, optionally last year's utfall for
 * the same months and the change since the previous forecast; rolled up and laid out like
 * the driftredovisning (main table and sub-tables), every amount exact to the öre.
 */
import { compareCodes } from '../core/codes.js';
import { ZERO, type Ore, type Unit } from '../core/money.js';
import { budgetAck as periodisedAck, type Periodisering } from '../rules/periodisation.js';
import { ackThrough, fullYear, monthsOfYear, type MonthArray, type ReportPeriod } from '../core/periods.js';
import { forecast, type PrognosInput, type PrognosMetod } from '../rules/forecast.js';
import type { PeriodTotals } from '../core/ledger.js';
import { DETAIL_SEPARATOR } from '../core/ledger.js';
import { layoutTables, type Layout } from './drift.js';
import { message } from './messages.js';
import type { AmountColumn, Amounts, ColumnId, Message, Report, Title } from './model.js';
import { deviation, forecastFromDeviation, inPerspective, type Perspective } from '../rules/sign.js';
import type { BaseValues, NodeColumn } from './tables.js';

export type { Periodisering };

export interface MonthlyRequest extends Layout {
  /** Utfall per code and period (ledger sign). */
  utfall: PeriodTotals;
  /** Budget per code (or code + DETAIL_SEPARATOR + konto when the key is by konto) and period. */
  budget: PeriodTotals;
  /** Last year's utfall per code and period, when given. */
  fgAr: PeriodTotals | null;
  period: ReportPeriod;
  periodisering: Periodisering;
  prognosMetod: PrognosMetod;
  /** Manual forecasts per code (ledger sign), valid for the code and everything under it. */
  manualPrognos: ReadonlyMap<string, Ore>;
  manualPrognosFile: string | null;
  /** True when `manualPrognos` holds forecast deviations (a `Prognosavvikelse` column): each becomes budget helår − deviation. */
  manualPrognosDeviation?: boolean;
  /** The previous report's forecasts per code, when given. */
  fgPrognos: ReadonlyMap<string, Ore> | null;
  /** True when `fgPrognos` holds forecast deviations; they are turned into forecasts against this report's budget helår. */
  fgPrognosDeviation?: boolean;
  columns: ColumnId[];
  unit: Unit;
}

/**
 * Forecasts from forecast deviations per code: budget helår of the code and everything under
 * it − the deviation (`forecastFromDeviation`); forecasts as they are.
 */
function asForecasts(
  values: ReadonlyMap<string, Ore>,
  deviations: boolean,
  budgetHelar: ReadonlyMap<string, Ore>,
): ReadonlyMap<string, Ore> {
  if (!deviations) return values;
  const out = new Map<string, Ore>();
  for (const [node, avvikelse] of values) {
    let budget = ZERO;
    for (const [code, b] of budgetHelar) if (code.startsWith(node)) budget = budget.plus(b);
    out.set(node, forecastFromDeviation(budget, avvikelse));
  }
  return out;
}

/** Manual forecasts that can be placed: known codes, outermost of nested ones. */
function placeableForecasts(manual: ReadonlyMap<string, Ore>, codes: string[], file: string, messages: Message[]) {
  const known = [...manual].filter(([m]) => codes.some((c) => c.startsWith(m)));
  const unknown = [...manual.keys()].filter((m) => !codes.some((c) => c.startsWith(m)));
  if (unknown.length > 0) messages.push(message('prognosUnknown', { file, codes: unknown.sort(compareCodes) }));
  const out = new Map<string, Ore>();
  for (const [m, v] of known) {
    const outer = known.find(([o]) => o !== m && m.startsWith(o));
    if (outer) messages.push(message('prognosNested', { file, inner: m, outer: outer[0] }));
    else out.set(m, v);
  }
  return out;
}

/** Utfall − Utfall fg år (ledger sign), or null without either. */
export const change = (utfall: Ore | null, fgAr: Ore | null): Ore | null => (utfall === null || fgAr === null ? null : utfall.minus(fgAr));

/**
 * The monthly columns of a row from its ledger-sign sums (utfall_ack, budget_helar,
 * budget_ack, prognos, fg_prognos, utfall_fg_ar), in `perspective`: the deviations by
 * rules/sign.ts; Prognosförändring and Utfall fg år only when their input was given.
 */
export function monthlyValues(
  s: Record<string, Ore | null>,
  perspective: Perspective,
  given: { fgAr: boolean; fgPrognos: boolean },
): Amounts {
  const prognos = s.prognos ?? null;
  const amounts: Amounts = {
    budget_helar: s.budget_helar ?? null,
    budget_ack: s.budget_ack ?? null,
    utfall_ack: s.utfall_ack ?? null,
    avvikelse_ack: deviation(s.budget_ack, s.utfall_ack),
    prognos,
    prognosavvikelse: deviation(s.budget_helar, prognos),
    prognosforandring: given.fgPrognos ? deviation(s.fg_prognos, prognos) : null,
    utfall_fg_ar: given.fgAr ? (s.utfall_fg_ar ?? null) : null,
    forandring: given.fgAr ? change(s.utfall_ack ?? null, s.utfall_fg_ar ?? null) : null,
  };
  return inPerspective<AmountColumn>(amounts, perspective);
}

/**
 * Budget helår and budget ack through the report month per budget key (a code, or code +
 * DETAIL_SEPARATOR + konto): amounts per month as given, annual amounts periodised by
 * `periodisering` (last year's profile per code from `fgAck`/`fgHelar`), with a note naming
 * the codes that fell back to even twelfths.
 */
export function budgetThrough(
  budget: PeriodTotals,
  period: ReportPeriod,
  periodisering: Periodisering,
  fgAck: (code: string) => Ore | undefined,
  fgHelar: (code: string) => Ore | undefined,
): { perKey: Map<string, { helar: Ore; ack: Ore }>; messages: Message[] } {
  const perKey = new Map<string, { helar: Ore; ack: Ore }>();
  const evenFallback = new Set<string>();
  const beyond = new Set<string>();
  for (const [key, months] of monthsOfYear(budget, period.year)) {
    const [code, konto = ''] = key.split(DETAIL_SEPARATOR) as [string, string?];
    const annual = months[0] as Ore;
    const periodised = periodisedAck(annual, periodisering, period.month, { code, konto, fgAck: fgAck(code), fgHelar: fgHelar(code) });
    if (periodised.fellBack) evenFallback.add(code);
    if (periodisering.kind === 'fg-ar' && !periodised.fellBack && periodised.ack.abs().gt(annual.abs())) beyond.add(code);
    perKey.set(key, { helar: fullYear(months), ack: ackThrough(months, period.month).plus(periodised.ack) });
  }
  const messages: Message[] = [];
  if (evenFallback.size > 0) messages.push(message('fgArFallback', { codes: [...evenFallback].sort(compareCodes) }));
  if (beyond.size > 0) messages.push(message('fgArBeyondHelar', { codes: [...beyond].sort(compareCodes) }));
  return { perKey, messages };
}

export function buildMonthly(req: MonthlyRequest): Report {
  const { year, month } = req.period;
  const messages: Message[] = [];

  const utfall = monthsOfYear(req.utfall, year);
  const fg = req.fgAr ? monthsOfYear(req.fgAr, year - 1) : null;
  const fgAck = (code: string) => (fg?.get(code) ? ackThrough(fg.get(code) as MonthArray, month) : undefined);
  const fgHelar = (code: string) => (fg?.get(code) ? fullYear(fg.get(code) as MonthArray) : undefined);

  // Budget helår and budget ack per code; annual amounts are periodised here.
  const budgetHelar = new Map<string, Ore>();
  const budgetAck = new Map<string, Ore>();
  const through = budgetThrough(req.budget, req.period, req.periodisering, fgAck, fgHelar);
  for (const [key, b] of through.perKey) {
    const code = key.split(DETAIL_SEPARATOR)[0] as string;
    budgetHelar.set(code, (budgetHelar.get(code) ?? ZERO).plus(b.helar));
    budgetAck.set(code, (budgetAck.get(code) ?? ZERO).plus(b.ack));
  }
  messages.push(...through.messages);

  // Per code: ack, forecast, last year.
  const codes = [...new Set([...utfall.keys(), ...budgetHelar.keys()])];
  const perCode = new Map<string, BaseValues>();
  const budgetMethod = new Set<string>();
  for (const code of codes) {
    const input: PrognosInput = {
      utfallAck: utfall.get(code) ? ackThrough(utfall.get(code) as MonthArray, month) : ZERO,
      budgetHelar: budgetHelar.get(code) ?? ZERO,
      budgetAck: budgetAck.get(code) ?? ZERO,
      month,
      fgAck: fgAck(code),
      fgHelar: fgHelar(code),
    };
    const { prognos, fellBack } = forecast(req.prognosMetod, input);
    if (fellBack) budgetMethod.add(code);
    perCode.set(code, {
      utfall_ack: input.utfallAck,
      budget_helar: input.budgetHelar,
      budget_ack: input.budgetAck,
      prognos,
      utfall_fg_ar: input.fgAck ?? ZERO,
    });
  }
  if (budgetMethod.size > 0) messages.push(message('prognosFgArFallback', { codes: [...budgetMethod].sort(compareCodes) }));

  const nodes: NodeColumn[] = [];
  if (req.manualPrognos.size > 0) {
    const manual = asForecasts(req.manualPrognos, req.manualPrognosDeviation === true, budgetHelar);
    const values = placeableForecasts(manual, codes, req.manualPrognosFile ?? '', messages);
    nodes.push({ column: 'prognos', values, replaces: true });
  }
  if (req.fgPrognos) {
    const values = asForecasts(req.fgPrognos, req.fgPrognosDeviation === true, budgetHelar);
    nodes.push({ column: 'fg_prognos', values, replaces: false });
  }

  const derive = (s: Record<string, Ore | null>): Amounts =>
    monthlyValues(s, req.perspective, { fgAr: req.fgAr !== null, fgPrognos: req.fgPrognos !== null });
  const title: Title = {
    kind: 'manad',
    dimension: req.dimension === 'verksamhet' ? null : req.dimension,
    period: req.period,
    unit: req.unit,
  };
  const laid = layoutTables(
    req,
    { report: 'manad', title, columns: req.columns },
    {
      perCode,
      nodes,
      derive,
      baseColumns: ['utfall_ack', 'budget_helar', 'budget_ack', 'prognos', 'utfall_fg_ar'],
      names: req.names,
      comments: req.comments,
    },
  );
  return { perspective: req.perspective, tables: laid.tables, messages: [...messages, ...laid.messages] };
}
