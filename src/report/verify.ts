/**
 * `verify`: checks report tables as they were published, the way a careful controller
 * would, and tells real errors from the ±1 differences that correct rounding produces.
 *
 * Checks: (a) each Summa row equals the rows it closes (varav rows and sections excluded;
 * a Summa right after other Summa rows is their grand total; with an indented hierarchy,
 * each parent equals its children and the Summa its top-level rows); (b) each deviation
 * column equals budget − utfall or utfall − budget, the perspective detected from the data
 * or declared; (c) a sub-table's Summa equals its parent row in another table;
 * (d) declared relations such as `Netto=Intäkt+Kostnad`; (e) every cell against the ledger
 * (compared in cli/verify.ts, which owns the report run).
 *
 * Rounding: a difference that rounding can explain — at most half a unit of the column's
 * decimals for each rounded term, the checked cell included — is a `rounding` note, not an
 * error (unless strict).
 */
import type { Fixed } from '../core/money.js';
import { normaliseHeader } from '../core/text.js';
import { publishedNumber, type PublishedNumber, type RawTable } from '../read/report-table.js';
import { PUBLISHED_SCALE } from '../core/money.js';

export type RowKind = 'data' | 'summa' | 'varav' | 'section';

export interface VerifyRow {
  line: number;
  label: string;
  indent: number;
  kind: RowKind;
  /** Per column of the table (null: empty cell or not an amount column). */
  values: (PublishedNumber | null)[];
  /** Index of the parent row in an indented hierarchy. */
  parent: number | null;
}

export interface VerifyTable {
  file: string;
  title: string;
  line: number;
  header: string[];
  /** Indices of the columns that hold amounts and are checked. */
  amountColumns: number[];
  /** Decimals per column (the most any of its cells shows). */
  decimals: number[];
  rows: VerifyRow[];
  hierarchy: boolean;
}

export type CheckType = 'summa' | 'hierarki' | 'avvikelse' | 'relation' | 'parent' | 'ledger' | 'rad';

export interface Finding {
  type: CheckType;
  file: string;
  table: string;
  line: number;
  row: string;
  column: string;
  /** What the check computed, and what the cell holds (null for a missing row). */
  expected: Fixed | null;
  found: Fixed | null;
  /** How many rounded terms the check involves (for a rounding note). */
  terms: number;
  /** Decimals of the column, for showing the numbers as the table does. */
  decimals: number;
  /** What the expectation is, for the message: a formula or the other cell. */
  basis: string;
}

export interface VerifyOptions {
  /** Extra labels of total rows (`--summa 'ÅRETS RESULTAT'`). */
  summaLabels: string[];
  /** Columns to leave out of every check. */
  ignore: string[];
  /** Declared deviation order for every detected deviation column, or null to detect. */
  deviation: 'budget-utfall' | 'utfall-budget' | null;
  /** Declared relations, `Netto=Intäkt+Kostnad`. */
  relations: Relation[];
  /** Declared sub-table → parent row label prefix. */
  parents: { table: string; row: string }[];
  strict: boolean;
}

export interface Relation {
  text: string;
  target: string;
  terms: { sign: 1n | -1n; column: string }[];
}

export interface VerifyResult {
  tables: VerifyTable[];
  errors: Finding[];
  notes: Finding[];
  checks: number;
}

const SUMMA = /^(summa|totalt|total|sum|s:a|summering)\b/i;
const VARAV = /^varav\b/i;
const LABEL_HEADERS = new Set(['kod', 'code', 'namn', 'name', 'verksamhet', 'verksamhetskod', 'vht', 'konto', 'ansvar', 'projekt', 'text', 'benämning', 'åtgärd']);

const cleanLabel = (s: string) => s.trim().replace(/:$/, '').trim();

/** Parses `Netto=Intäkt+Kostnad` or `Avvikelse=Budget-Utfall`. */
export function parseRelation(text: string): Relation | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const target = text.slice(0, eq).trim();
  const rhs = text.slice(eq + 1).trim();
  const terms: Relation['terms'] = [];
  const re = /([+-]?)\s*([^+-]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rhs)) !== null) {
    const column = (m[2] as string).trim();
    if (column === '') return null;
    terms.push({ sign: m[1] === '-' ? -1n : 1n, column });
  }
  return terms.length === 0 || target === '' ? null : { text, target, terms };
}

/** Structures a raw table: label and amount columns, row kinds, decimals, hierarchy. */
export function structure(raw: RawTable, opts: VerifyOptions): VerifyTable {
  const width = Math.max(raw.header.length, ...raw.rows.map((r) => r.cells.length));
  const parsed = raw.rows.map((r) => Array.from({ length: width }, (_, i) => publishedNumber(r.cells[i] ?? '')));
  const ignore = new Set(opts.ignore.map(normaliseHeader));
  const amountColumns: number[] = [];
  const decimals = new Array<number>(width).fill(0);
  for (let c = 0; c < width; c++) {
    const h = raw.header[c] ?? '';
    const nh = normaliseHeader(h);
    // The first column holds labels; so do code and name columns; percentages, note numbers
    // and columns with text are not amounts.
    if (c === 0 || ignore.has(nh) || LABEL_HEADERS.has(nh) || /%|procent/i.test(h) || /^(not|note|nr)$/i.test(h.trim())) continue;
    const cells = parsed.map((p) => p[c]).filter((v) => v !== null && v !== undefined);
    if (cells.length === 0 || cells.some((v) => v === 'text' || (v as PublishedNumber).percent)) continue;
    amountColumns.push(c);
    decimals[c] = Math.max(0, ...cells.map((v) => (v as PublishedNumber).decimals));
  }
  const firstAmount = amountColumns[0] ?? width;
  const summaLabels = new Set(opts.summaLabels.map((l) => cleanLabel(l).toLowerCase()));
  const rows: VerifyRow[] = raw.rows.map((r, i) => {
    const labelCells = r.cells.slice(0, Math.max(1, firstAmount));
    const firstFilled = labelCells.find((c) => c.trim() !== '') ?? '';
    const label = labelCells.map((c) => c.trim()).filter((c) => c !== '').join(' ');
    const values = Array.from({ length: width }, (_, c) => {
      const v = (parsed[i] as (PublishedNumber | null | 'text')[])[c];
      return amountColumns.includes(c) && v !== 'text' ? (v ?? null) : null;
    });
    const clean = cleanLabel(label);
    let kind: RowKind = 'data';
    if (SUMMA.test(clean) || summaLabels.has(clean.toLowerCase())) kind = 'summa';
    else if (VARAV.test(clean)) kind = 'varav';
    else if (values.every((v) => v === null)) kind = 'section';
    return { line: r.line, label: clean, indent: firstFilled.length - firstFilled.trimStart().length, kind, values, parent: null };
  });
  const table: VerifyTable = { file: raw.file, title: raw.title, line: raw.line, header: raw.header, amountColumns, decimals, rows, hierarchy: false };
  applyHierarchy(table);
  return table;
}

/** Half a unit of `decimals` at the published scale, times `terms`: what rounding can explain. */
function tolerance(decimals: number, terms: number): bigint {
  return (BigInt(terms) * 10n ** BigInt(PUBLISHED_SCALE - decimals)) / 2n;
}

const fixed = (value: bigint): Fixed => ({ value, decimals: PUBLISHED_SCALE });
const valueOf = (v: PublishedNumber | null) => v?.value ?? 0n;

/**
 * An indented layout (a parent row before its indented children) is taken as a hierarchy
 * only when it explains the table: when at least half of the would-be parents equal the
 * sum of their children within rounding. Otherwise indentation is typography (as in a
 * published table where one row happens to carry an extra space).
 */
function applyHierarchy(t: VerifyTable): void {
  const data = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'data' || r.kind === 'varav');
  if (new Set(data.map(({ r }) => r.indent)).size < 2) return;
  const parentOf = new Map<number, number>();
  const stack: number[] = [];
  for (const { r, i } of data) {
    while (stack.length > 0 && (t.rows[stack[stack.length - 1] as number] as VerifyRow).indent >= r.indent) stack.pop();
    if (stack.length > 0) parentOf.set(i, stack[stack.length - 1] as number);
    stack.push(i);
  }
  const parents = [...new Set(parentOf.values())];
  const explained = parents.filter((p) => {
    const kids = [...parentOf].filter(([, q]) => q === p).map(([k]) => k);
    return t.amountColumns.every((c) => {
      const sum = kids.reduce((a, k) => a + valueOf((t.rows[k] as VerifyRow).values[c] ?? null), 0n);
      const diff = valueOf((t.rows[p] as VerifyRow).values[c] ?? null) - sum;
      return (diff < 0n ? -diff : diff) <= tolerance(t.decimals[c] as number, kids.length + 1);
    });
  });
  if (parents.length === 0 || explained.length * 2 < parents.length) return;
  t.hierarchy = true;
  for (const [child, parent] of parentOf) (t.rows[child] as VerifyRow).parent = parent;
}

type Word = 'budget' | 'outcome' | 'deviation';
function roleOf(header: string): Word | null {
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

/** The budget and outcome columns a deviation column compares, or null when it cannot tell. */
export function deviationTerms(t: VerifyTable, dev: number): { budget: number; outcome: number } | null {
  const h = t.header[dev] ?? '';
  const cols = t.amountColumns.filter((c) => c !== dev);
  const budgets = cols.filter((c) => roleOf(t.header[c] ?? '') === 'budget');
  const outcomes = cols.filter((c) => roleOf(t.header[c] ?? '') === 'outcome');
  let b: number[];
  let u: number[];
  if (isPrognos(h)) {
    u = outcomes.filter((c) => isPrognos(t.header[c] ?? ''));
    b = budgets.filter((c) => isHelar(t.header[c] ?? ''));
    if (b.length === 0) b = budgets.filter((c) => !isAck(t.header[c] ?? ''));
  } else if (isAck(h)) {
    u = outcomes.filter((c) => isAck(t.header[c] ?? '') && !isPrognos(t.header[c] ?? ''));
    b = budgets.filter((c) => isAck(t.header[c] ?? ''));
  } else {
    u = outcomes.filter((c) => !isAck(t.header[c] ?? '') && !isPrognos(t.header[c] ?? ''));
    b = budgets.filter((c) => !isAck(t.header[c] ?? ''));
    if (b.length > 1) b = b.filter((c) => !isHelar(t.header[c] ?? ''));
  }
  const year = yearOf(h) ?? (b.length === 1 ? yearOf(t.header[b[0] as number] ?? '') : null);
  if (year && u.length > 1) u = u.filter((c) => yearOf(t.header[c] ?? '') === year);
  if (year && b.length > 1) b = b.filter((c) => yearOf(t.header[c] ?? '') === year);
  return b.length === 1 && u.length === 1 ? { budget: b[0] as number, outcome: u[0] as number } : null;
}

export class Checker {
  readonly errors: Finding[] = [];
  readonly notes: Finding[] = [];
  checks = 0;
  constructor(private readonly strict: boolean) {}

  /** Compares a cell with its expectation; `terms` rounded terms may explain a small difference. */
  compare(t: VerifyTable, row: VerifyRow, column: number, expected: bigint, type: CheckType, terms: number, basis: string): void {
    this.checks++;
    const found = valueOf(row.values[column] ?? null);
    const diff = found - expected;
    if (diff === 0n) return;
    const finding: Finding = {
      type,
      file: t.file,
      table: t.title,
      line: row.line,
      row: row.label,
      column: t.header[column] ?? '',
      expected: fixed(expected),
      found: fixed(found),
      terms,
      basis,
      decimals: t.decimals[column] as number,
    };
    const withinRounding = (diff < 0n ? -diff : diff) <= tolerance(t.decimals[column] as number, terms);
    (withinRounding && !this.strict ? this.notes : this.errors).push(finding);
  }

  missing(finding: Finding): void {
    this.checks++;
    this.errors.push(finding);
  }
}

function checkSums(t: VerifyTable, c: Checker): void {
  let open: number[] = [];
  let closed: number[] = [];
  t.rows.forEach((row, i) => {
    if (row.kind === 'data' && row.parent === null) open.push(i);
    if (row.kind !== 'summa') return;
    const terms = open.length > 0 ? open : closed;
    for (const col of t.amountColumns) {
      if (row.values[col] === null) continue;
      const sum = terms.reduce((a, k) => a + valueOf((t.rows[k] as VerifyRow).values[col] ?? null), 0n);
      c.compare(t, row, col, sum, 'summa', terms.length + 1, open.length > 0 ? 'rows' : 'summa-rows');
    }
    if (open.length > 0) {
      closed.push(i);
      open = [];
    } else closed = [i];
  });
  if (!t.hierarchy) return;
  t.rows.forEach((row, p) => {
    const kids = t.rows.map((r, k) => ({ r, k })).filter(({ r }) => r.parent === p && r.kind === 'data');
    if (kids.length === 0) return;
    for (const col of t.amountColumns) {
      if (row.values[col] === null) continue;
      const sum = kids.reduce((a, { r }) => a + valueOf(r.values[col] ?? null), 0n);
      c.compare(t, row, col, sum, 'hierarki', kids.length + 1, 'children');
    }
  });
}

function checkDeviations(t: VerifyTable, c: Checker, declared: VerifyOptions['deviation']): void {
  for (const dev of t.amountColumns.filter((col) => roleOf(t.header[col] ?? '') === 'deviation')) {
    const terms = deviationTerms(t, dev);
    if (!terms) continue;
    const rows = t.rows.filter((r) => r.values[dev] !== null && r.values[terms.budget] !== null && r.values[terms.outcome] !== null);
    const kostnad = (r: VerifyRow) => valueOf(r.values[terms.budget] ?? null) - valueOf(r.values[terms.outcome] ?? null);
    let order = declared;
    if (order === null) {
      // The perspective that explains more rows exactly; the cost perspective on a tie.
      const k = rows.filter((r) => valueOf(r.values[dev] ?? null) === kostnad(r)).length;
      const u = rows.filter((r) => valueOf(r.values[dev] ?? null) === -kostnad(r)).length;
      order = u > k ? 'utfall-budget' : 'budget-utfall';
    }
    const [first, second] = order === 'budget-utfall' ? [terms.budget, terms.outcome] : [terms.outcome, terms.budget];
    const basis = `${t.header[first]} − ${t.header[second]}`;
    for (const r of rows) {
      const expected = valueOf(r.values[first] ?? null) - valueOf(r.values[second] ?? null);
      c.compare(t, r, dev, expected, 'avvikelse', 3, basis);
    }
  }
}

function columnIndex(t: VerifyTable, name: string): number {
  const n = normaliseHeader(name);
  return t.header.findIndex((h) => normaliseHeader(h) === n);
}

function checkRelations(t: VerifyTable, c: Checker, relations: Relation[]): number {
  let applied = 0;
  for (const rel of relations) {
    const target = columnIndex(t, rel.target);
    const terms = rel.terms.map((term) => ({ ...term, index: columnIndex(t, term.column) }));
    if (target < 0 || terms.some((term) => term.index < 0)) continue;
    applied++;
    for (const r of t.rows) {
      if (r.values[target] === null || r.kind === 'section') continue;
      const expected = terms.reduce((a, term) => a + term.sign * valueOf(r.values[term.index] ?? null), 0n);
      c.compare(t, r, target, expected, 'relation', terms.length + 1, rel.text);
    }
  }
  return applied;
}

/** The code a title names as `51*` (or the declared parent label), and the row that carries it. */
function parentRow(tables: VerifyTable[], sub: VerifyTable, declared: VerifyOptions['parents']): { table: VerifyTable; row: VerifyRow } | null {
  const decl = declared.find((d) => normaliseHeader(d.table) === normaliseHeader(sub.title));
  const code = decl?.row ?? /(\S+)\*/.exec(sub.title)?.[1];
  if (!code) return null;
  for (const t of tables) {
    if (t === sub) continue;
    const row = t.rows.find((r) => r.kind === 'data' && (r.label === code || r.label.startsWith(`${code} `)));
    if (row) return { table: t, row };
  }
  return null;
}

function checkParents(tables: VerifyTable[], c: Checker, declared: VerifyOptions['parents']): void {
  for (const sub of tables) {
    const summa = [...sub.rows].reverse().find((r) => r.kind === 'summa');
    const parent = summa ? parentRow(tables, sub, declared) : null;
    if (!summa || !parent) continue;
    for (const col of sub.amountColumns) {
      const pc = columnIndex(parent.table, sub.header[col] ?? '');
      if (pc < 0 || summa.values[col] === null || parent.row.values[pc] === null) continue;
      const basis = `${parent.row.label} (${parent.table.title}, ${parent.table.file}:${parent.row.line})`;
      c.compare(sub, summa, col, valueOf(parent.row.values[pc] ?? null), 'parent', 2, basis);
    }
  }
}

/** Runs checks (a)–(d) on every table. */
export function verifyTables(raw: RawTable[], opts: VerifyOptions): VerifyResult & { unusedRelations: Relation[] } {
  const tables = raw.map((r) => structure(r, opts));
  const checker = new Checker(opts.strict);
  const used = new Set<Relation>();
  for (const t of tables) {
    checkSums(t, checker);
    checkDeviations(t, checker, opts.deviation);
    for (const rel of opts.relations) if (checkRelations(t, checker, [rel]) > 0) used.add(rel);
  }
  checkParents(tables, checker, opts.parents);
  return {
    tables,
    errors: checker.errors,
    notes: checker.notes,
    checks: checker.checks,
    unusedRelations: opts.relations.filter((r) => !used.has(r)),
  };
}

