/**
 * The structure of a published table, as verify sees it: which columns hold amounts (and
 * with how many decimals), what each row is (a data row, a Summa, a varav row, a section
 * heading), and whether an indented layout is a hierarchy of parents and children. The
 * cells arrive already parsed by the reader (core/published.ts); nothing here reads files.
 */
import type { Fixed } from '../../core/money.js';
import { PUBLISHED_SCALE } from '../../core/money.js';
import type { PublishedCell, PublishedNumber, PublishedTable } from '../../core/published.js';
import { normaliseHeader } from '../../core/text.js';
import { roundingTolerance, TERMS } from '../../rules/tolerance.js';
import { isLabelHeader } from './headers.js';

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

/** What the structure step needs to know besides the table. */
export interface StructureOptions {
  /** Extra labels of total rows (`--summa 'ÅRETS RESULTAT'`). */
  summaLabels: string[];
  /** Columns to leave out of every check. */
  ignore: string[];
}

const SUMMA = /^(summa|totalt|total|sum|s:a|summering)\b/i;
const VARAV = /^varav\b/i;

const cleanLabel = (s: string) => s.trim().replace(/:$/, '').trim();

/** A published-scale value as a `Fixed`. */
export const fixed = (value: bigint): Fixed => ({ value, decimals: PUBLISHED_SCALE });
/** The value of a cell, an empty cell counting as zero. */
export const valueOf = (v: PublishedNumber | null) => v?.value ?? 0n;

/** Structures a published table: label and amount columns, row kinds, decimals, hierarchy. */
export function structure(raw: PublishedTable, opts: StructureOptions): VerifyTable {
  const width = Math.max(raw.header.length, ...raw.rows.map((r) => r.cells.length));
  const parsed: PublishedCell[][] = raw.rows.map((r) => Array.from({ length: width }, (_, i) => r.numbers[i] ?? null));
  const ignore = new Set(opts.ignore.map(normaliseHeader));
  const amountColumns: number[] = [];
  const decimals = new Array<number>(width).fill(0);
  for (let c = 0; c < width; c++) {
    const h = raw.header[c] ?? '';
    const nh = normaliseHeader(h);
    // The first column holds labels; so do code and name columns; percentages, note numbers
    // and columns with text are not amounts.
    if (c === 0 || ignore.has(nh) || isLabelHeader(h) || /%|procent/i.test(h) || /^(not|note|nr)$/i.test(h.trim())) continue;
    const cells = parsed.map((p) => p[c]).filter((v) => v !== null && v !== undefined);
    if (cells.length === 0 || cells.some((v) => v === 'text' || v.percent)) continue;
    amountColumns.push(c);
    decimals[c] = Math.max(0, ...cells.map((v) => (v as PublishedNumber).decimals));
  }
  const firstAmount = amountColumns[0] ?? width;
  const summaLabels = new Set(opts.summaLabels.map((l) => cleanLabel(l).toLowerCase()));
  const rows: VerifyRow[] = raw.rows.map((r, i) => {
    const labelCells = r.cells.slice(0, Math.max(1, firstAmount));
    const firstFilled = labelCells.find((c) => c.trim() !== '') ?? '';
    const label = labelCells
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .join(' ');
    const values = Array.from({ length: width }, (_, c) => {
      const v = (parsed[i] as PublishedCell[])[c];
      return amountColumns.includes(c) && v !== 'text' ? (v ?? null) : null;
    });
    const clean = cleanLabel(label);
    let kind: RowKind = 'data';
    if (SUMMA.test(clean) || summaLabels.has(clean.toLowerCase())) kind = 'summa';
    else if (VARAV.test(clean)) kind = 'varav';
    else if (values.every((v) => v === null)) kind = 'section';
    return { line: r.line, label: clean, indent: firstFilled.length - firstFilled.trimStart().length, kind, values, parent: null };
  });
  const table: VerifyTable = {
    file: raw.file,
    title: raw.title,
    line: raw.line,
    header: raw.header,
    amountColumns,
    decimals,
    rows,
    hierarchy: false,
  };
  applyHierarchy(table);
  return table;
}

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
      return (diff < 0n ? -diff : diff) <= roundingTolerance(t.decimals[c] as number, TERMS.sumOf(kids.length));
    });
  });
  if (parents.length === 0 || explained.length * 2 < parents.length) return;
  t.hierarchy = true;
  for (const [child, parent] of parentOf) (t.rows[child] as VerifyRow).parent = parent;
}
