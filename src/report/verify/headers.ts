/**
 * What a published column heading means to verify: a label column (code, name …), a budget,
 * an outcome or a deviation, and which budget and outcome a deviation compares. A heading
 * that is one of avvikelse's own column labels (in Swedish or English, or the JSON id) takes
 * its role from the column registry's `verifyRole` (report/columns.ts); any other heading —
 * a table someone else published — is read by its words (ack, helår, prognos, a year).
 * The labels come from the caller (`columnLabels`), as report/ does not import i18n/.
 */
import { normaliseHeader } from '../../core/text.js';
import { COLUMN_IDS, columnDef, type ColumnId } from '../columns.js';

/** Headings of columns that hold labels, not amounts (normalised). */
const LABEL_HEADERS = new Set([
  'kod',
  'code',
  'namn',
  'name',
  'verksamhet',
  'verksamhetskod',
  'vht',
  'konto',
  'ansvar',
  'projekt',
  'text',
  'benämning',
  'åtgärd',
]);

/** Whether a heading names a label column (code, name, verksamhet …), never an amount. */
export function isLabelHeader(header: string): boolean {
  return LABEL_HEADERS.has(normaliseHeader(header));
}

/** Normalised heading → the column id it labels. Build it with `columnLabels`. */
export type ColumnLabels = ReadonlyMap<string, ColumnId>;

/**
 * The headings of avvikelse's own columns: each id, and its label in every given language
 * (pass the `columns` of the Swedish and the English texts). The first language wins a clash.
 */
export function columnLabels(...languages: Readonly<Partial<Record<ColumnId, string>>>[]): ColumnLabels {
  const out = new Map<string, ColumnId>();
  for (const id of COLUMN_IDS) if (!out.has(normaliseHeader(id))) out.set(normaliseHeader(id), id);
  for (const labels of languages) {
    for (const id of COLUMN_IDS) {
      const label = labels[id];
      if (label !== undefined && !out.has(normaliseHeader(label))) out.set(normaliseHeader(label), id);
    }
  }
  return out;
}

/** The column id a heading labels (avvikelse's own column), or null. */
export function columnIdOf(header: string, labels: ColumnLabels): ColumnId | null {
  return labels.get(normaliseHeader(header)) ?? null;
}

export type Role = 'budget' | 'outcome' | 'deviation';

/** The role of an amount column: from the registry for avvikelse's own headings, else from its words. */
export function roleOf(header: string, labels: ColumnLabels): Role | null {
  const id = columnIdOf(header, labels);
  if (id !== null) {
    const role = columnDef(id).verifyRole;
    if (role === undefined) return null;
    return typeof role === 'string' ? role : 'deviation';
  }
  const h = header.toLowerCase();
  if (/avvik|deviation|differens/.test(h)) return 'deviation';
  if (/förändr|forandr|change/.test(h)) return null;
  if (/budget/.test(h)) return 'budget';
  if (/utfall|bokslut|actual|prognos|forecast|resultat/.test(h)) return 'outcome';
  return null;
}

const isAck = (h: string) => /\back\b|ackumulerat|ytd/i.test(h);
const isHelar = (h: string) => /helår|helar|full year/i.test(h);
const isPrognos = (h: string) => /prognos|forecast/i.test(h);
const yearOf = (h: string) => /\b(19|20)\d{2}\b/.exec(h)?.[0] ?? null;

/**
 * The budget and outcome columns (indices into `header`) that the deviation column `dev`
 * compares, among the amount columns `columns`; null when it cannot tell. A deviation of
 * avvikelse's own is paired by the registry (`verifyRole.deviationOf`) when both of its
 * columns are in the table; otherwise by the words of the headings.
 */
export function deviationTerms(
  header: readonly string[],
  columns: readonly number[],
  dev: number,
  labels: ColumnLabels,
): { budget: number; outcome: number } | null {
  const h = header[dev] ?? '';
  const cols = columns.filter((c) => c !== dev);
  const own = columnIdOf(h, labels);
  const role = own === null ? undefined : columnDef(own).verifyRole;
  if (role !== undefined && typeof role !== 'string') {
    const [budgetId, outcomeId] = role.deviationOf;
    const b = cols.filter((c) => columnIdOf(header[c] ?? '', labels) === budgetId);
    const u = cols.filter((c) => columnIdOf(header[c] ?? '', labels) === outcomeId);
    if (b.length === 1 && u.length === 1) return { budget: b[0] as number, outcome: u[0] as number };
  }
  const budgets = cols.filter((c) => roleOf(header[c] ?? '', labels) === 'budget');
  const outcomes = cols.filter((c) => roleOf(header[c] ?? '', labels) === 'outcome');
  let b: number[];
  let u: number[];
  if (isPrognos(h)) {
    u = outcomes.filter((c) => isPrognos(header[c] ?? ''));
    b = budgets.filter((c) => isHelar(header[c] ?? ''));
    if (b.length === 0) b = budgets.filter((c) => !isAck(header[c] ?? ''));
  } else if (isAck(h)) {
    u = outcomes.filter((c) => isAck(header[c] ?? '') && !isPrognos(header[c] ?? ''));
    b = budgets.filter((c) => isAck(header[c] ?? ''));
  } else {
    u = outcomes.filter((c) => !isAck(header[c] ?? '') && !isPrognos(header[c] ?? ''));
    b = budgets.filter((c) => !isAck(header[c] ?? ''));
    if (b.length > 1) b = b.filter((c) => !isHelar(header[c] ?? ''));
  }
  const year = yearOf(h) ?? (b.length === 1 ? yearOf(header[b[0] as number] ?? '') : null);
  if (year && u.length > 1) u = u.filter((c) => yearOf(header[c] ?? '') === year);
  if (year && b.length > 1) b = b.filter((c) => yearOf(header[c] ?? '') === year);
  return b.length === 1 && u.length === 1 ? { budget: b[0] as number, outcome: u[0] as number } : null;
}
