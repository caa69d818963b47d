/**
 * Relations between columns found from the data: for the amount columns of a table, every
 * equation Σ ±column = 0 over three to five columns (a column and two to four others with
 * coefficients ±1 — Avvikelse = Bokslut − Delårsrapport, Nettokostnad = Kostnader −
 * Intäkter, Årets resultat = Kommunbidrag + Intäkter + Kostnader − Disposition) that holds
 * on the rows within rounding. The rule that tells a relation from a coincidence
 * (`acceptable`): it is looked for on the first `SAMPLE` rows that show all its columns and
 * some number beyond 20 times what rounding allows (rows of small numbers fit too much);
 * it must hold on at least 3 of them and fail on at most one (at most a tenth of them when
 * there are more than 10); and it must be minimal — no equation over a
 * subset of its columns (two columns equal or opposite included) holds by the same rule, so
 * a zero column, two equal columns or a column that restates another never make one. An
 * accepted relation is then checked on every row; a row where it fails is an error at the
 * cell of the column the headings name as the result (a deviation, a net, a result; else
 * the rightmost), with the sign the data give.
 */
import { pow10, PUBLISHED_SCALE } from '../../core/money.js';
import { roundingTolerance, roundingToleranceOf, TERMS } from '../../rules/tolerance.js';
import type { Checker } from './checker.js';
import { valueOf, type VerifyRow, type VerifyTable } from './structure.js';

/** An equation Σ sign·column = 0 over `columns` (ascending), the first sign +1. */
export interface Equation {
  columns: number[];
  signs: (1n | -1n)[];
}

/** How many rows relations are looked for on (they are checked on every row). */
const SAMPLE = 200;

/** The key of a set of columns, to tell equations already checked (by heading or declared). */
export const columnsKey = (columns: readonly number[]): string => [...columns].sort((a, b) => a - b).join(',');

/** Rows a relation is looked for and checked on: data, totals and varav rows (a relation holds on each). */
const relationRows = (t: VerifyTable): VerifyRow[] => t.rows.filter((r) => r.kind !== 'section');

/** What rounding explains for an equation: half a unit of each column's decimals (each cell is rounded). */
function toleranceOf(t: VerifyTable, columns: readonly number[]): bigint {
  if (columns.every((c) => t.exact[c])) return 0n;
  const decimals = columns.map((c) => t.decimals[c] as number);
  return decimals.every((d) => d === decimals[0])
    ? roundingTolerance(decimals[0] as number, columns.length)
    : roundingToleranceOf(decimals);
}

/** On `rows`: how many show the equation's columns and are not all zero, and on how many of those it holds. */
function tally(t: VerifyTable, rows: readonly VerifyRow[], e: Equation, tol: bigint, informative = 0n): { shown: number; holds: number } {
  let shown = 0;
  let holds = 0;
  for (const r of rows) {
    let sum = 0n;
    let zero = true;
    let large = false;
    let complete = true;
    for (let j = 0; j < e.columns.length; j++) {
      const v = r.values[e.columns[j] as number];
      if (v === null || v === undefined) {
        complete = false;
        break;
      }
      if (v.value !== 0n) zero = false;
      if (v.value > informative || -v.value > informative) large = true;
      sum += (e.signs[j] as bigint) * v.value;
    }
    if (!complete || zero || (informative > 0n && !large)) continue;
    shown++;
    if ((sum < 0n ? -sum : sum) <= tol) holds++;
  }
  return { shown, holds };
}

/** The acceptance rule: holds on at least 3 rows, fails on at most one (a tenth when more than 10 show it). */
export function acceptable(shown: number, holds: number): boolean {
  const fails = shown - holds;
  return holds >= 3 && fails <= Math.max(1, Math.floor(shown / 10));
}

/** The equations found so far as vectors over the columns, in echelon form: tells whether a new one follows from them. */
class Basis {
  private readonly rows: bigint[][] = [];
  constructor(private readonly width: number) {}

  /** Adds `e` unless it is a combination of the equations added before; returns whether it was added. */
  add(e: Equation): boolean {
    let v: bigint[] = new Array<bigint>(this.width).fill(0n);
    e.columns.forEach((c, j) => (v[c] = e.signs[j] as bigint));
    for (const b of this.rows) {
      const p = b.findIndex((x) => x !== 0n);
      const f = v[p] as bigint;
      if (f === 0n) continue;
      const bp = b[p] as bigint;
      v = v.map((x, i) => x * bp - (b[i] as bigint) * f);
    }
    if (v.every((x) => x === 0n)) return false;
    this.rows.push(v);
    this.rows.sort((a, b) => a.findIndex((x) => x !== 0n) - b.findIndex((x) => x !== 0n));
    return true;
  }
}

/** Every subset of `n` indices of size `k`, ascending. */
function* subsets(items: readonly number[], k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let i = start; i <= items.length - (k - acc.length); i++) {
    acc.push(items[i] as number);
    yield* subsets(items, k, i + 1, acc);
    acc.pop();
  }
}

/**
 * The relations the data show among the amount columns of `t` (see the module comment),
 * smallest first. Columns are few, so every equation is tried on the sample; the rows are
 * read once per equation, so the cost is linear in the rows.
 */
export function inferRelations(t: VerifyTable): Equation[] {
  const cols = t.amountColumns;
  const sample: VerifyRow[] = [];
  for (const r of t.rows) {
    if (r.kind === 'section') continue;
    sample.push(r);
    if (sample.length >= SAMPLE) break;
  }
  if (cols.length < 3 || sample.length < 3) return [];
  const maxSize = cols.length > 12 ? 3 : cols.length > 9 ? 4 : 5;
  const held: number[][] = [];
  const accepted: Equation[] = [];
  const basis = new Basis(t.header.length);
  const containsHeld = (set: readonly number[]) => held.some((h) => h.every((c) => set.includes(c)));
  for (let size = 2; size <= Math.min(maxSize, cols.length); size++) {
    for (const set of subsets(cols, size)) {
      if (containsHeld(set)) continue;
      const tol = toleranceOf(t, set);
      for (let mask = 0; mask < 1 << (size - 1); mask++) {
        const signs = set.map((_, j) => (j > 0 && mask & (1 << (j - 1)) ? -1n : 1n)) as (1n | -1n)[];
        const e = { columns: set, signs };
        // Rows of small numbers (none beyond 20 times what rounding allows) say little: they are not counted.
        const { shown, holds } = tally(t, sample, e, tol, tol > 0n ? 20n * tol : 20n * pow10(PUBLISHED_SCALE));
        if (!acceptable(shown, holds)) continue;
        held.push(set);
        // One that follows from those found (their sum or difference) is no new relation.
        if (basis.add(e) && size >= 3) accepted.push(e);
        break;
      }
    }
  }
  return accepted;
}

/** How a heading names a column's part in a relation: the result (deviation, net, result) first. */
function resultRank(header: string): number {
  const h = header.toLowerCase();
  if (/avvik|differens|återstår|aterstar|deviation|diff\b/.test(h)) return 3;
  if (/netto|resultat|summa|totalt|total|net\b/.test(h)) return 2;
  return 0;
}

/** The column an equation is checked at: the one its heading names as the result, else the rightmost. */
export function targetOf(t: VerifyTable, e: Equation): number {
  let best = e.columns[e.columns.length - 1] as number;
  let rank = resultRank(t.header[best] ?? '');
  for (const c of e.columns) {
    const r = resultRank(t.header[c] ?? '');
    if (r > rank) {
      best = c;
      rank = r;
    }
  }
  return best;
}

/** `Budget − Utfall`: the terms of an equation solved for `target`, by their headings. */
function basisOf(t: VerifyTable, e: Equation, target: number): { terms: { c: number; sign: bigint }[]; text: string } {
  const ts = e.signs[e.columns.indexOf(target)] as bigint;
  const terms = e.columns.filter((c) => c !== target).map((c) => ({ c, sign: -(e.signs[e.columns.indexOf(c)] as bigint) * ts }));
  const ordered = [...terms.filter((x) => x.sign > 0n), ...terms.filter((x) => x.sign < 0n)];
  const text = ordered.map((x, i) => `${i === 0 ? (x.sign > 0n ? '' : '−') : x.sign > 0n ? ' + ' : ' − '}${t.header[x.c] ?? ''}`).join('');
  return { terms: ordered, text };
}

/** How many of the rows an equation holds on, and on how many it can be checked. */
export function support(t: VerifyTable, e: Equation): { shown: number; holds: number } {
  return tally(t, relationRows(t), e, toleranceOf(t, e.columns));
}

/** Checks an inferred relation on every row that shows all its columns, at its result column. */
export function checkInferred(t: VerifyTable, c: Checker, e: Equation): void {
  const target = targetOf(t, e);
  const { terms, text } = basisOf(t, e, target);
  // found − expected = ts·Σ sign·column: each column's coefficient in the difference.
  const ts = e.signs[e.columns.indexOf(target)] as bigint;
  const decimals = e.columns.map((col) => t.decimals[col] as number);
  const mixed = !decimals.every((d) => d === decimals[0]);
  for (const r of relationRows(t)) {
    if (e.columns.some((col) => r.values[col] === null)) continue;
    let expected = 0n;
    for (const x of terms) expected += x.sign * valueOf(r.values[x.c] ?? null);
    c.compare(t, r, target, expected, 'relation', TERMS.relationOf(terms.length), text, mixed ? roundingToleranceOf(decimals) : undefined, {
      rows: [r],
      columns: e.columns,
      signs: e.signs.map((s) => s * ts),
    });
  }
}
