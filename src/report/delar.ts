/**
 * The Verksamhetsanalys and the Resultat of a delårsrapport (`--analys`/`--resultat` with
 * `--period`), from the monthly machinery: per code and konto category, utfall ack, budget
 * helår and budget ack (annual amounts periodised per budget line, as in the monthly
 * report) and a helårsprognos by the chosen method. Both tables sum the same per-category
 * values, so the Resultat's rows equal the Verksamhetsanalys' Summa exactly.
 * - Verksamhetsanalys: the analysis' columns (report/columns.ts, kind `analys`) through the
 *   month — Intäkt and Kostnad of utfall ack and budget ack, and their net deviation;
 * - Resultat: the monthly report's columns (kind `manad`): Budget helår, Budget ack,
 *   Utfall ack, Avvikelse ack, Prognos helår, Prognosavvikelse, and Utfall fg år (through
 *   the same month) with `--fg-ar`.
 */
import { categoryOf, type Category, type CategoryMap } from '../rules/categories.js';
import { compareCodes } from '../core/codes.js';
import { ZERO, type Ore, type Unit } from '../core/money.js';
import { DETAIL_SEPARATOR, type PeriodTotals } from '../core/ledger.js';
import { ackThrough, fullYear, monthsOfYear, type ReportPeriod } from '../core/periods.js';
import { forecast, type PrognosMetod } from '../rules/forecast.js';
import type { Periodisering } from '../rules/periodisation.js';
import { ANALYS_PERSPECTIVE, analysValues } from './analys.js';
import { defaultColumns, type ColumnNeed } from './columns.js';
import { layoutTables, type Layout } from './drift.js';
import { message } from './messages.js';
import { budgetThrough, monthlyValues } from './monthly.js';
import type { Amounts, Message, Report, ReportRow, ReportTable, ResultatRow } from './model.js';

/** The base values of one code and category, in ledger sign. */
interface Base {
  utfall_ack: Ore;
  budget_helar: Ore;
  budget_ack: Ore;
  prognos: Ore;
  utfall_fg_ar: Ore;
}
const BASE_KEYS = ['utfall_ack', 'budget_helar', 'budget_ack', 'prognos', 'utfall_fg_ar'] as const;
const zero = (): Base => ({ utfall_ack: ZERO, budget_helar: ZERO, budget_ack: ZERO, prognos: ZERO, utfall_fg_ar: ZERO });
const COSTS: readonly Category[] = ['personalkostnad', 'kapitalkostnad', 'ovrig_kostnad'];

export interface DelarRequest extends Layout {
  /** Utfall, budget and last year's utfall per code + DETAIL_SEPARATOR + konto and period (ledger sign). */
  utfall: PeriodTotals;
  budget: PeriodTotals;
  fgAr: PeriodTotals | null;
  categories: CategoryMap;
  /** Accounts that match no category are added here (for a warning) and left out. */
  unknown: Set<string>;
  period: ReportPeriod;
  periodisering: Periodisering;
  prognosMetod: PrognosMetod;
  analys: boolean;
  resultat: boolean;
  unit: Unit;
}

type Split = Map<string, Map<Category, Ore>>;

/** Per code and category, one value of each key of `totals` (a month array reduced by `pick`). */
function split(totals: PeriodTotals, year: number, req: DelarRequest, pick: (months: Ore[]) => Ore): Split {
  const out: Split = new Map();
  for (const [key, months] of monthsOfYear(totals, year)) {
    const [code, konto = ''] = key.split(DETAIL_SEPARATOR) as [string, string?];
    const category = categoryOf(konto, req.categories);
    if (category === null) {
      req.unknown.add(konto);
      continue;
    }
    let c = out.get(code);
    if (!c) out.set(code, (c = new Map<Category, Ore>()));
    c.set(category, (c.get(category) ?? ZERO).plus(pick(months)));
  }
  return out;
}

const sumOf = (s: Split | null, code: string, category?: Category): Ore | undefined => {
  const c = s?.get(code);
  if (!c) return undefined;
  if (category !== undefined) return c.get(category);
  let t = ZERO;
  for (const v of c.values()) t = t.plus(v);
  return t;
};

/** The per code and category base values, and the notes of the methods' fallbacks. */
function baseValues(req: DelarRequest): { perCode: Map<string, Map<Category, Base>>; messages: Message[] } {
  const { year, month } = req.period;
  const utfallAck = split(req.utfall, year, req, (m) => ackThrough(m, month));
  const fgAck = req.fgAr ? split(req.fgAr, year - 1, req, (m) => ackThrough(m, month)) : null;
  const fgHelar = req.fgAr ? split(req.fgAr, year - 1, req, fullYear) : null;
  // Periodised per budget line (code and konto), with last year's profile of the whole code.
  const through = budgetThrough(
    req.budget,
    req.period,
    req.periodisering,
    (code) => sumOf(fgAck, code),
    (code) => sumOf(fgHelar, code),
  );
  const perCode = new Map<string, Map<Category, Base>>();
  const at = (code: string, category: Category): Base => {
    let c = perCode.get(code);
    if (!c) perCode.set(code, (c = new Map<Category, Base>()));
    let b = c.get(category);
    if (!b) c.set(category, (b = zero()));
    return b;
  };
  for (const [code, cats] of utfallAck)
    for (const [category, v] of cats) {
      const base = at(code, category);
      base.utfall_ack = base.utfall_ack.plus(v);
    }
  for (const [key, b] of through.perKey) {
    const [code, konto = ''] = key.split(DETAIL_SEPARATOR) as [string, string?];
    const category = categoryOf(konto, req.categories);
    if (category === null) {
      req.unknown.add(konto);
      continue;
    }
    const base = at(code, category);
    base.budget_helar = base.budget_helar.plus(b.helar);
    base.budget_ack = base.budget_ack.plus(b.ack);
  }
  const fellBack = new Set<string>();
  for (const [code, cats] of perCode) {
    for (const [category, base] of cats) {
      const fa = fgAck ? (sumOf(fgAck, code, category) ?? ZERO) : undefined;
      const fh = fgHelar ? (sumOf(fgHelar, code, category) ?? ZERO) : undefined;
      const { prognos, fellBack: fb } = forecast(req.prognosMetod, {
        utfallAck: base.utfall_ack,
        budgetHelar: base.budget_helar,
        budgetAck: base.budget_ack,
        month,
        fgAck: fa,
        fgHelar: fh,
      });
      if (fb) fellBack.add(code);
      base.prognos = prognos;
      base.utfall_fg_ar = fa ?? ZERO;
    }
  }
  const messages = [...through.messages];
  if (fellBack.size > 0) messages.push(message('prognosFgArFallback', { codes: [...fellBack].sort(compareCodes) }));
  return { perCode, messages };
}

function resultatTable(req: DelarRequest, perCode: Map<string, Map<Category, Base>>): ReportTable {
  const hasFg = req.fgAr !== null;
  const total = (cats: readonly Category[]): Record<string, Ore> => {
    const t: Record<string, Ore> = Object.fromEntries(BASE_KEYS.map((k) => [k, ZERO]));
    for (const c of perCode.values()) {
      for (const category of cats) {
        const b = c.get(category);
        if (b) for (const k of BASE_KEYS) t[k] = (t[k] as Ore).plus(b[k]);
      }
    }
    return t;
  };
  const values = (cats: readonly Category[]): Amounts => monthlyValues(total(cats), ANALYS_PERSPECTIVE, { fgAr: hasFg, fgPrognos: false });
  const row = (label: ResultatRow, cats: readonly Category[], varav = false): ReportRow => ({
    kod: label,
    namn: null,
    label,
    values: values(cats),
    kommentar: null,
    varav,
  });
  return {
    id: 'resultat',
    report: 'manad',
    title: { kind: 'resultat', year: String(req.period.year), unit: req.unit, period: req.period },
    dimension: req.dimension,
    columns: defaultColumns('manad', new Set<ColumnNeed>(hasFg ? ['fgAr'] : [])),
    rows: [
      row('intakter', ['intakt']),
      row('kostnader', COSTS),
      row('personalkostnader', ['personalkostnad'], true),
      row('kapitalkostnader', ['kapitalkostnad'], true),
    ],
    summa: values(['intakt', ...COSTS]),
    summaLabel: 'resultat',
    showCodes: false,
    rowHeading: 'unit',
  };
}

/** The Verksamhetsanalys and/or the Resultat through the report month. */
export function buildDelar(req: DelarRequest): Report {
  const { perCode, messages } = baseValues(req);
  const tables: ReportTable[] = [];
  if (req.analys) {
    const rows = new Map<string, Record<string, Ore>>();
    for (const [code, cats] of perCode) {
      const pick = (k: 'utfall_ack' | 'budget_ack', which: readonly Category[]) =>
        which.reduce((t, c) => t.plus(cats.get(c)?.[k] ?? ZERO), ZERO);
      rows.set(code, {
        iu: pick('utfall_ack', ['intakt']),
        ku: pick('utfall_ack', COSTS),
        ib: pick('budget_ack', ['intakt']),
        kb: pick('budget_ack', COSTS),
      });
    }
    const title = { kind: 'analys', year: String(req.period.year), unit: req.unit, period: req.period } as const;
    const laid = layoutTables(
      req,
      { report: 'analys', title, columns: defaultColumns('analys', new Set<ColumnNeed>(req.comments.size > 0 ? ['kommentarer'] : [])) },
      {
        perCode: rows,
        nodes: [],
        derive: (s) => analysValues(s, ANALYS_PERSPECTIVE),
        baseColumns: ['iu', 'ku', 'ib', 'kb'],
        names: req.names,
        comments: req.comments,
      },
    );
    tables.push(...laid.tables);
    messages.push(...laid.messages);
  }
  if (req.resultat) tables.push(resultatTable(req, perCode));
  return { perspective: ANALYS_PERSPECTIVE, tables, messages };
}
