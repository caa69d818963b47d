/**
 * Verksamhetsanalys and the Resultat summary, from the same categorised amounts, in the
 * result perspective as published (intäkter +, kostnader −):
 * - Verksamhetsanalys: per code, intäkt and kostnad for utfall and budget, and the net
 *   avvikelse (utfall netto − budget netto);
 * - Resultat: Intäkter, Kostnader, varav personalkostnader, varav kapitalkostnader (varav
 *   rows are not summed), Resultat = Intäkter + Kostnader; Bokslut fg år with `--fg-ar`.
 * Both sum the same ledger amounts, so the Resultat's Intäkter and Kostnader equal the
 * Verksamhetsanalys' Summa row exactly before rounding.
 */
import { categoryOf, type Category, type CategoryMap } from '../rules/categories.js';
import { compareCodes } from '../core/codes.js';
import { ZERO, type Ore, type Unit } from '../core/money.js';
import { DETAIL_SEPARATOR, totalPerCode, type PeriodTotals } from '../core/ledger.js';
import { defaultColumns, type ColumnNeed } from './columns.js';
import { layoutTables, type Layout } from './drift.js';
import type { AmountColumn, Amounts, Message, MonthSpan, Report, ReportRow, ReportTable, ResultatRow } from './model.js';
import { deviation, inPerspective, type Perspective } from '../rules/sign.js';

/** Amounts per category, in ledger sign (costs +). */
export type ByCategory = Record<Category, Ore>;
const empty = (): ByCategory => ({ intakt: ZERO, personalkostnad: ZERO, kapitalkostnad: ZERO, ovrig_kostnad: ZERO, exkluderad: ZERO });

/** Per code, the amounts of each category; accounts that match no category are listed. */
export function categorise(totals: PeriodTotals, map: CategoryMap, unknown: Set<string>): Map<string, ByCategory> {
  const out = new Map<string, ByCategory>();
  for (const [key, amount] of totalPerCode(totals)) {
    const [code, konto = ''] = key.split(DETAIL_SEPARATOR) as [string, string?];
    const category = categoryOf(konto, map);
    if (category === null) {
      unknown.add(konto);
      continue;
    }
    let c = out.get(code);
    if (!c) out.set(code, (c = empty()));
    c[category] = c[category].plus(amount);
  }
  return out;
}

const costs = (c: ByCategory) => c.personalkostnad.plus(c.kapitalkostnad).plus(c.ovrig_kostnad);

/** The Verksamhetsanalys and the Resultat are published in the result perspective (intäkter +, kostnader −). */
export const ANALYS_PERSPECTIVE: Perspective = 'resultat';

const plus = (a: Ore | null | undefined, b: Ore | null | undefined): Ore | null => (a == null || b == null ? null : a.plus(b));

/**
 * A Verksamhetsanalys row from its ledger-sign sums (iu/ku: intäkt and kostnad utfall, ib/kb:
 * budget): the four amounts, and nettoavvikelse = deviation(budget netto, utfall netto).
 */
export function analysValues(s: Record<string, Ore | null>, perspective: Perspective): Amounts {
  const [iu, ku, ib, kb] = [s.iu ?? null, s.ku ?? null, s.ib ?? null, s.kb ?? null];
  return inPerspective<AmountColumn>(
    { intakt_utfall: iu, kostnad_utfall: ku, intakt_budget: ib, kostnad_budget: kb, nettoavvikelse: deviation(plus(ib, kb), plus(iu, ku)) },
    perspective,
  );
}

/** A Resultat row from ledger-sign amounts: utfall, budget, avvikelse = deviation(budget, utfall), and Bokslut fg år when given. */
export function resultatValues(utfall: Ore, budget: Ore, fgAr: Ore | null, perspective: Perspective): Amounts {
  const amounts: Amounts = { utfall, budget, avvikelse: deviation(budget, utfall) };
  if (fgAr !== null) amounts.utfall_fg_ar = fgAr;
  return inPerspective<AmountColumn>(amounts, perspective);
}

export interface AnalysRequest extends Layout {
  utfall: Map<string, ByCategory>;
  budget: Map<string, ByCategory>;
  /** Last year's utfall, for the Resultat's Bokslut fg år. */
  fgAr: Map<string, ByCategory> | null;
  analys: boolean;
  resultat: boolean;
  year: string;
  /** The months the utfall covers, when fewer than twelve (said in the titles). */
  coverage?: MonthSpan;
  unit: Unit;
}

function sumAll(m: Map<string, ByCategory>): ByCategory {
  const total = empty();
  for (const c of m.values()) for (const k of Object.keys(total) as Category[]) total[k] = total[k].plus(c[k]);
  return total;
}

function resultatTable(req: AnalysRequest): ReportTable {
  const u = sumAll(req.utfall);
  const b = sumAll(req.budget);
  const fg = req.fgAr ? sumAll(req.fgAr) : null;
  const columns = defaultColumns('resultat', new Set<ColumnNeed>(fg ? ['fgAr'] : []));
  const values = (pick: (c: ByCategory) => Ore): Amounts => resultatValues(pick(u), pick(b), fg ? pick(fg) : null, ANALYS_PERSPECTIVE);
  const row = (label: ResultatRow, pick: (c: ByCategory) => Ore, varav = false): ReportRow => ({
    kod: label,
    namn: null,
    label,
    values: values(pick),
    kommentar: null,
    varav,
  });
  return {
    id: 'resultat',
    report: 'resultat',
    title: { kind: 'resultat', year: req.year, unit: req.unit, ...(req.coverage ? { coverage: req.coverage } : {}) },
    dimension: req.dimension,
    columns,
    rows: [
      row('intakter', (c) => c.intakt),
      row('kostnader', costs),
      row('personalkostnader', (c) => c.personalkostnad, true),
      row('kapitalkostnader', (c) => c.kapitalkostnad, true),
    ],
    summa: values((c) => c.intakt.plus(costs(c))),
    summaLabel: 'resultat',
    showCodes: false,
    rowHeading: 'unit',
  };
}

export function buildAnalys(req: AnalysRequest): Report {
  const tables: ReportTable[] = [];
  const messages: Message[] = [];
  if (req.analys) {
    const perCode = new Map<string, Record<string, Ore>>();
    for (const code of new Set([...req.utfall.keys(), ...req.budget.keys()])) {
      const u = req.utfall.get(code) ?? empty();
      const b = req.budget.get(code) ?? empty();
      perCode.set(code, { iu: u.intakt, ku: costs(u), ib: b.intakt, kb: costs(b) });
    }
    const derive = (s: Record<string, Ore | null>): Amounts => analysValues(s, ANALYS_PERSPECTIVE);
    const laid = layoutTables(
      req,
      {
        report: 'analys',
        title: { kind: 'analys', year: req.year, unit: req.unit, ...(req.coverage ? { coverage: req.coverage } : {}) },
        columns: defaultColumns('analys', new Set<ColumnNeed>(req.comments.size > 0 ? ['kommentarer'] : [])),
      },
      { perCode, nodes: [], derive, baseColumns: ['iu', 'ku', 'ib', 'kb'], names: req.names, comments: req.comments },
    );
    tables.push(...laid.tables);
    messages.push(...laid.messages);
  }
  if (req.resultat) tables.push(resultatTable(req));
  return { perspective: ANALYS_PERSPECTIVE, tables, messages };
}

/** The accounts without a category, sorted, for a warning. */
export function listUnknown(unknown: Set<string>): string[] {
  return [...unknown].sort(compareCodes);
}
