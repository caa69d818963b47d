/**
 * The column registry: every column a report can show, declared once — its id (the JSON
 * contract's key and the `--columns` name), what kind of cell it holds, which report kinds
 * show it, which input it needs, whether it is shown by default (and first), what verify
 * takes it for, and what a percentage divides. Everything that lists or treats columns (the
 * model's id types, the default columns of each report and their order, `--columns`
 * validation, the cells of each kind, the deviation colouring, verify's pairing) derives
 * from it; the labels are in i18n.
 */
import type { DeviationColumn } from '../rules/sign.js';

/** The report kinds a column can belong to. */
export type ReportKind = 'drift' | 'manad' | 'analys' | 'resultat';

/** An input a column needs besides utfall and budget. */
export type ColumnNeed = 'fgAr' | 'fgPrognos' | 'kommentarer';

export interface ColumnDef {
  readonly id: string;
  /**
   * amount: an exact amount; deviation: an amount that is the same number in both
   * perspectives (positive = better than budget), coloured and charted; percent: a ratio
   * computed from unrounded amounts; text: a comment.
   */
  readonly kind: 'amount' | 'deviation' | 'percent' | 'text';
  readonly reports: readonly ReportKind[];
  readonly needs?: ColumnNeed;
  /** Shown without `--columns`: always, never, or when the input it needs is given. */
  readonly byDefault: boolean | 'when-given';
  /** What verify takes a published column of this kind for. */
  readonly verifyRole?: 'budget' | 'outcome' | { readonly deviationOf: readonly [budget: string, outcome: string] };
  /** Drawn as the table's chart (HTML report): of a table's columns, the one with the lowest rank. */
  readonly chart?: number;
  /** Report kinds whose default columns show this column first, before the others in registry order (the Resultat's Bokslut fg år). */
  readonly leads?: readonly ReportKind[];
  /**
   * A percent column: per report kind, the deviation it expresses as a share of which budget
   * (deviation / |budget| × 100, rules/rounding.ts `percentOf`). Both name amount columns of that kind.
   */
  readonly percentOf?: { readonly [K in ReportKind]?: PercentBasis };
}

/** What a percent column divides: a deviation column by a budget column. */
export interface PercentBasis {
  readonly deviation: string;
  readonly budget: string;
}

export const COLUMNS = [
  { id: 'utfall', kind: 'amount', reports: ['drift', 'resultat'], byDefault: true, verifyRole: 'outcome' },
  { id: 'budget', kind: 'amount', reports: ['drift', 'resultat'], byDefault: true, verifyRole: 'budget' },
  {
    id: 'avvikelse',
    kind: 'deviation',
    reports: ['drift', 'resultat'],
    byDefault: true,
    verifyRole: { deviationOf: ['budget', 'utfall'] },
    chart: 3,
  },
  { id: 'budget_helar', kind: 'amount', reports: ['manad'], byDefault: true, verifyRole: 'budget' },
  { id: 'budget_ack', kind: 'amount', reports: ['manad'], byDefault: true, verifyRole: 'budget' },
  { id: 'utfall_ack', kind: 'amount', reports: ['manad'], byDefault: true, verifyRole: 'outcome' },
  {
    id: 'avvikelse_ack',
    kind: 'deviation',
    reports: ['manad'],
    byDefault: true,
    verifyRole: { deviationOf: ['budget_ack', 'utfall_ack'] },
    chart: 2,
  },
  { id: 'prognos', kind: 'amount', reports: ['manad'], byDefault: true, verifyRole: 'outcome' },
  {
    id: 'prognosavvikelse',
    kind: 'deviation',
    reports: ['manad'],
    byDefault: true,
    verifyRole: { deviationOf: ['budget_helar', 'prognos'] },
    chart: 1,
  },
  { id: 'prognosforandring', kind: 'deviation', reports: ['manad'], needs: 'fgPrognos', byDefault: 'when-given' },
  {
    id: 'utfall_fg_ar',
    kind: 'amount',
    reports: ['manad', 'resultat'],
    needs: 'fgAr',
    byDefault: 'when-given',
    verifyRole: 'outcome',
    leads: ['resultat'],
  },
  { id: 'intakt_utfall', kind: 'amount', reports: ['analys'], byDefault: true, verifyRole: 'outcome' },
  { id: 'kostnad_utfall', kind: 'amount', reports: ['analys'], byDefault: true, verifyRole: 'outcome' },
  { id: 'intakt_budget', kind: 'amount', reports: ['analys'], byDefault: true, verifyRole: 'budget' },
  { id: 'kostnad_budget', kind: 'amount', reports: ['analys'], byDefault: true, verifyRole: 'budget' },
  { id: 'nettoavvikelse', kind: 'deviation', reports: ['analys'], byDefault: true, chart: 4 },
  {
    id: 'avvikelse_procent',
    kind: 'percent',
    reports: ['drift', 'manad'],
    byDefault: false,
    percentOf: { drift: { deviation: 'avvikelse', budget: 'budget' }, manad: { deviation: 'prognosavvikelse', budget: 'budget_helar' } },
  },
  /** Utfall − Utfall fg år, the same months: a plain amount (more cost is no worse than budget), not coloured. */
  { id: 'forandring', kind: 'amount', reports: ['drift', 'manad'], needs: 'fgAr', byDefault: false },
  {
    id: 'forandring_procent',
    kind: 'percent',
    reports: ['drift', 'manad'],
    needs: 'fgAr',
    byDefault: false,
    percentOf: { drift: { deviation: 'forandring', budget: 'utfall_fg_ar' }, manad: { deviation: 'forandring', budget: 'utfall_fg_ar' } },
  },
  { id: 'kommentar', kind: 'text', reports: ['drift', 'manad', 'analys'], needs: 'kommentarer', byDefault: 'when-given' },
] as const satisfies readonly ColumnDef[];

type Def = (typeof COLUMNS)[number];
export type ColumnId = Def['id'];
/** Columns that hold amounts (plain or deviation). */
export type AmountColumn = Extract<Def, { kind: 'amount' | 'deviation' }>['id'];

export const COLUMN_IDS: readonly ColumnId[] = COLUMNS.map((c) => c.id);
export const AMOUNT_COLUMNS: readonly AmountColumn[] = COLUMNS.filter(
  (c): c is Extract<Def, { kind: 'amount' | 'deviation' }> => c.kind === 'amount' || c.kind === 'deviation',
).map((c) => c.id);

const BY_ID = new Map<string, ColumnDef>(COLUMNS.map((c) => [c.id, c]));

/** The registry entry of a column. */
export function columnDef(id: ColumnId): ColumnDef {
  return BY_ID.get(id) as ColumnDef;
}

export function isColumnId(text: string): text is ColumnId {
  return BY_ID.has(text);
}

// The sign rule (rules/sign.ts DEVIATIONS) must name exactly the registry's deviation columns; this fails to compile otherwise.
const deviationsAgree: [Extract<Def, { kind: 'deviation' }>['id']] extends [DeviationColumn]
  ? [DeviationColumn] extends [Extract<Def, { kind: 'deviation' }>['id']]
    ? true
    : false
  : false = true;
void deviationsAgree;
// A percentage divides an amount column (a deviation, or a change) by an amount column of the registry; this fails to compile otherwise.
type Percent = Extract<Def, { kind: 'percent' }>['percentOf'];
type Basis = Percent[keyof Percent];
const basesAgree: [Basis['deviation']] extends [AmountColumn] ? ([Basis['budget']] extends [AmountColumn] ? true : false) : false = true;
void basesAgree;

/** Columns whose sign says better (+) or worse (−) than budget: the deviations and the percentages of a deviation (not Förändring %). */
export const SIGNED_COLUMNS: ReadonlySet<ColumnId> = new Set(
  COLUMNS.filter((c) => {
    const def: ColumnDef = c;
    if (def.kind === 'deviation') return true;
    if (def.kind !== 'percent') return false;
    return Object.values(def.percentOf ?? {}).every((b) => BY_ID.get(b.deviation)?.kind === 'deviation');
  }).map((c) => c.id),
);

/** How a column's cells align: text left, numbers right. */
export function columnAlign(id: ColumnId): 'left' | 'right' {
  return columnDef(id).kind === 'text' ? 'left' : 'right';
}

/** The column a table's chart draws: the charted column of lowest rank among `columns`, or null. */
export function chartColumn(columns: readonly ColumnId[]): ColumnId | null {
  let best: ColumnId | null = null;
  for (const id of columns) {
    const rank = columnDef(id).chart;
    if (rank !== undefined && (best === null || rank < (columnDef(best).chart as number))) best = id;
  }
  return best;
}

/** Whether a column belongs to `kind` and to none of `others` (e.g. monthly-only columns). */
export function onlyIn(id: ColumnId, kind: ReportKind, others: readonly ReportKind[]): boolean {
  const reports = columnDef(id).reports;
  return reports.includes(kind) && !others.some((o) => reports.includes(o));
}

/**
 * The default columns of a report kind: those shown always, and those whose input was given;
 * the columns that lead in `kind` first, then the others, each in registry order.
 * @example defaultColumns('resultat', new Set(['fgAr'])) // ['utfall_fg_ar', 'utfall', 'budget', 'avvikelse']
 */
export function defaultColumns(kind: ReportKind, given: ReadonlySet<ColumnNeed>): ColumnId[] {
  const shown = COLUMNS.filter((c) => {
    const def: ColumnDef = c;
    if (!def.reports.includes(kind)) return false;
    if (def.byDefault === 'when-given') return def.needs !== undefined && given.has(def.needs);
    return def.byDefault;
  }).map((c) => c.id);
  const leads = (id: ColumnId) => columnDef(id).leads?.includes(kind) ?? false;
  return [...shown.filter(leads), ...shown.filter((id) => !leads(id))];
}

/**
 * What a percent column divides in a report kind: its deviation and budget columns, or null
 * when the column is no percentage or has no basis in that kind.
 * @example percentBasis('avvikelse_procent', 'manad') // { deviation: 'prognosavvikelse', budget: 'budget_helar' }
 */
export function percentBasis(id: ColumnId, kind: ReportKind): { deviation: AmountColumn; budget: AmountColumn } | null {
  const basis = columnDef(id).percentOf?.[kind];
  return basis ? { deviation: basis.deviation as AmountColumn, budget: basis.budget as AmountColumn } : null;
}
