/**
 * The structure of a published table, as verify sees it: which columns hold amounts (and
 * with how many decimals), what each row is (a data row, a Summa, a varav row, a section
 * heading), and whether an indented layout is a hierarchy of parents and children. The
 * cells arrive already parsed by the reader (core/published.ts); nothing here reads files.
 */
import type { Fixed } from '../../core/money.js';
import { pow10, PUBLISHED_SCALE } from '../../core/money.js';
import type { PublishedNumber, PublishedRow, PublishedTable } from '../../core/published.js';
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
  /** For a total row: the rows (indices) it sums, found from the data (`findTotals`). */
  sumOf: number[] | null;
  /** For a total row: whether its rows are below it (a total placed first). */
  below: boolean;
}

export interface VerifyTable {
  file: string;
  /** The sheet of a workbook the table is on. */
  sheet?: string;
  title: string;
  line: number;
  header: string[];
  /** Indices of the columns that hold amounts and are checked. */
  amountColumns: number[];
  /** Decimals per column (the most any of its cells shows). */
  decimals: number[];
  /** Per column: a count (`Antal`), exact integers, no rounding tolerance. */
  exact: boolean[];
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

/** Labels that name a total (a strong hint): Summa, Totalt, Netto, Nettokostnader, Årets resultat, … */
const TOTAL_LABEL =
  /^(summa|s:a|totalt?|sum|summering|netto|nettokostnad(er)?|nettointäkt(er)?|årets resultat|resultat|verksamhetens (netto|resultat|nettokostnad(er)?)|resultat (efter|före))(\b|$)|\b(summa|totalt|total)$/i;
/** A total of one line item: `Summa: Intäkt`, `Totalt: Kostnad` (the item in group 1). */
const LINE_ITEM_TOTAL = /^(?:summa|s:a|totalt?)\s*:\s*(\S.*)$/i;
/** The line item a row label ends with: `51 Äldreomsorg: Intäkt` (group 1). */
const LINE_ITEM_OF = /:\s*([^:]+)$/;
/** The classic total labels: a row so labelled is a total even when no run explains any of its cells. */
const CLASSIC_TOTAL = /^(summa|s:a|totalt?|sum|summering)(\b|$)|\b(summa|totalt|total)$/i;
/** Specification rows, left out of sums: `varav`, `därav`, `- varav`, `- därav`. */
const VARAV = /^[-–−]?\s*(varav|därav)\b/i;
/** A section heading whose rows restate items above them (`Jämförelsestörande poster:`, `Varav:`). */
const RESTATING_SECTION = /(jämförelsestörande|^varav|^därav|^specifikation)/i;
/** Percent columns by heading: `%`, `procent`, `Utfall_proc`, `andel`. */
const PERCENT_HEADER = /%|procent|(^|[\s_\-.])proc($|[\s_\-.])|andel|\bgrad\b/i;
/** Count columns by heading: exact integers. */
const COUNT_HEADER = /^antal\b|\bantal$/i;
/** Footnote marks after a heading or label: `1)`, `2)`, `*`, `¹`, a Markdown footnote reference `[^avrundning-1]`. */
const FOOTNOTE = /(\s+\d\)|\s*\*+|[¹²³⁴⁵⁶⁷⁸⁹]|\[\^[^\]\s]*\])+$/;

/** A heading or label without its footnote marks (a label that is only `*` keeps it). */
export const withoutFootnotes = (s: string): string => {
  const t = s.trim().replace(FOOTNOTE, '').trim();
  return t === '' ? s.trim() : t;
};

const cleanLabel = (s: string) => withoutFootnotes(s.trim().replace(/:$/, '').trim()).replace(/:$/, '').trim();

/** A published-scale value as a `Fixed`. */
export const fixed = (value: bigint): Fixed => ({ value, decimals: PUBLISHED_SCALE });
/** The value of a cell, an empty cell counting as zero. */
export const valueOf = (v: PublishedNumber | null) => v?.value ?? 0n;

/**
 * Structures a published table: label and amount columns, row kinds, decimals, totals, hierarchy.
 * `totalsBlock`: rows per block in the search for totals (`RunSums`, at least 2; 0: every run is added
 * up, as a test compares), a speed setting that never changes the result.
 */
export function structure(raw: PublishedTable, opts: StructureOptions, totalsBlock = TOTALS_BLOCK): VerifyTable {
  let width = raw.header.length;
  for (const r of raw.rows) if (r.cells.length > width) width = r.cells.length;
  const header = Array.from({ length: width }, (_, c) => withoutFootnotes(raw.header[c] ?? ''));
  const ignore = new Set(opts.ignore.map(normaliseHeader));
  const amountColumns: number[] = [];
  const isAmount = new Array<boolean>(width).fill(false);
  const decimals = new Array<number>(width).fill(0);
  const exact = new Array<boolean>(width).fill(false);
  for (let c = 1; c < width; c++) {
    const h = header[c] as string;
    // The first column holds labels; so do code and name columns; percentages, note numbers
    // and columns with text are not amounts.
    if (ignore.has(normaliseHeader(h)) || ignore.has(normaliseHeader(raw.header[c] ?? ''))) continue;
    if (isLabelHeader(h) || PERCENT_HEADER.test(h) || /^(not|note|nr)$/i.test(h.trim())) continue;
    let numbers = 0;
    let texts = 0;
    let percents = 0;
    let dec = 0;
    let integers = true;
    for (const r of raw.rows) {
      const v = r.numbers[c];
      if (v === null || v === undefined) continue;
      if (v === 'text') texts++;
      else {
        numbers++;
        if (v.percent) percents++;
        if (v.decimals > dec) dec = v.decimals;
        if (v.decimals > 0) integers = false;
      }
    }
    // A column of amounts may hold a few words (`Ej aktuellt`); a column of words is labels.
    if (numbers === 0 || texts > numbers || percents > 0) continue;
    amountColumns.push(c);
    isAmount[c] = true;
    decimals[c] = dec;
    exact[c] = COUNT_HEADER.test(h) && integers;
  }
  // A column whose values are the ratio of two others (Utfall/Budget in percent) is a percentage, never summed.
  // p = 100·a/b is also b = 100·a/p: the rightmost column of such a triple is taken for the percentage.
  const keep = new Set<number>();
  for (const p of [...amountColumns].reverse()) {
    if (keep.has(p)) continue;
    const pair = ratioOf(raw, p, amountColumns);
    if (pair === null) continue;
    amountColumns.splice(amountColumns.indexOf(p), 1);
    for (const c of pair) keep.add(c);
  }
  const firstAmount = amountColumns[0] ?? width;
  const summaLabels = new Set(opts.summaLabels.map((l) => cleanLabel(l).toLowerCase()));
  let restating = false;
  const rows: VerifyRow[] = raw.rows.map((r) => {
    // The label cells (those before the first amount column): the first filled one, and all filled ones joined.
    let firstFilled = '';
    let label = '';
    for (let c = 0; c < Math.max(1, firstAmount) && c < r.cells.length; c++) {
      const cell = r.cells[c] as string;
      const trimmed = cell.trim();
      if (trimmed === '') continue;
      if (label === '') {
        firstFilled = cell;
        label = trimmed;
      } else label += ` ${trimmed}`;
    }
    const values: (PublishedNumber | null)[] = new Array<PublishedNumber | null>(width).fill(null);
    let any = false;
    for (const c of amountColumns) {
      const v = r.numbers[c];
      if (v !== null && v !== undefined && v !== 'text') {
        values[c] = v;
        any = true;
      }
    }
    const clean = cleanLabel(label);
    let kind: RowKind = 'data';
    if (summaLabels.has(clean.toLowerCase())) kind = 'summa';
    else if (VARAV.test(clean)) kind = 'varav';
    else if (!any) {
      kind = 'section';
      restating = RESTATING_SECTION.test(clean);
    } else if (restating && !TOTAL_LABEL.test(clean)) kind = 'varav';
    else restating = false;
    const indent = firstFilled.length - firstFilled.trimStart().length;
    return { line: r.line, label: clean, indent, kind, values, parent: null, sumOf: null, below: false };
  });
  const table: VerifyTable = {
    file: raw.file,
    ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }),
    title: raw.title,
    line: raw.line,
    header,
    amountColumns,
    decimals,
    exact,
    rows,
    hierarchy: false,
  };
  applyHierarchy(table);
  findTotals(table, summaLabels, totalsBlock);
  return table;
}

/** How many rows a percent column is recognised on. */
const RATIO_SAMPLE = 200;

/**
 * The columns `[a, b]` when column `p` holds, on the rows, `a / b` or `100 · a / b` of two other amount
 * columns, to within one unit of its shown decimals: on at least 3 rows where `b` is not 0,
 * failing on at most one of them (the rule relations are accepted by, relations.ts).
 */
function ratioOf(raw: PublishedTable, p: number, columns: readonly number[]): [number, number] | null {
  const rows = raw.rows.slice(0, RATIO_SAMPLE);
  const num = (r: PublishedRow, c: number): PublishedNumber | null => {
    const v = r.numbers[c];
    return v === null || v === undefined || v === 'text' ? null : v;
  };
  for (const a of columns) {
    for (const b of columns) {
      if (a === p || b === p || a === b) continue;
      for (const factor of [100n, 1n]) {
        let shown = 0;
        let holds = 0;
        let restates = 0;
        for (const r of rows) {
          const pv = num(r, p);
          const av = num(r, a);
          const bv = num(r, b);
          if (!pv || !av || !bv || bv.value === 0n || av.value === 0n) continue;
          shown++;
          if (pv.value === av.value) restates++;
          // |P·B − f·A| ≤ unit·|B|, at the published scale on both sides.
          const lhs = pv.value * bv.value - factor * av.value * pow10(PUBLISHED_SCALE);
          const bound = pow10(PUBLISHED_SCALE - pv.decimals) * (bv.value < 0n ? -bv.value : bv.value);
          if ((lhs < 0n ? -lhs : lhs) <= bound) holds++;
        }
        // (A column equal to `a` over a column of ones is a copy, not a ratio.)
        if (holds >= 3 && restates < holds && shown - holds <= Math.max(1, Math.floor(shown / 10))) return [a, b];
      }
    }
  }
  return null;
}

/** Whether `total` equals the sum of `sums` in column `c` within rounding of `terms` numbers (exactly for a count column). */
function near(t: VerifyTable, c: number, total: bigint, sum: bigint, terms: number): boolean {
  const diff = total - sum;
  const abs = diff < 0n ? -diff : diff;
  return abs <= (t.exact[c] ? 0n : roundingTolerance(t.decimals[c] as number, terms));
}

/**
 * An indented layout (a parent row before its indented children) is taken as a hierarchy
 * only when it explains the table: when at least half of the would-be parents equal the
 * sum of their children within rounding. Otherwise indentation is typography (as in a
 * published table where one row happens to carry an extra space). Linear in the rows.
 */
function applyHierarchy(t: VerifyTable): void {
  const indents = new Set<number>();
  for (const r of t.rows) if (r.kind === 'data' || r.kind === 'varav') indents.add(r.indent);
  if (indents.size < 2) return;
  const parentOf = new Map<number, number>();
  const children = new Map<number, number[]>();
  const stack: number[] = [];
  t.rows.forEach((r, i) => {
    if (r.kind !== 'data' && r.kind !== 'varav') return;
    while (stack.length > 0 && (t.rows[stack[stack.length - 1] as number] as VerifyRow).indent >= r.indent) stack.pop();
    const p = stack[stack.length - 1];
    if (p !== undefined) {
      parentOf.set(i, p);
      const kids = children.get(p);
      if (kids) kids.push(i);
      else children.set(p, [i]);
    }
    stack.push(i);
  });
  let explained = 0;
  for (const [p, kids] of children) {
    const ok = t.amountColumns.every((c) => {
      let sum = 0n;
      for (const k of kids) sum += valueOf((t.rows[k] as VerifyRow).values[c] ?? null);
      return near(t, c, valueOf((t.rows[p] as VerifyRow).values[c] ?? null), sum, TERMS.sumOf(kids.length));
    });
    if (ok) explained++;
  }
  if (children.size === 0 || explained * 2 < children.size) return;
  t.hierarchy = true;
  for (const [child, parent] of parentOf) (t.rows[child] as VerifyRow).parent = parent;
}

/** Rows per block of `RunSums`, and blocks per block of the next level. */
export const TOTALS_BLOCK = 16;

/** What `RunSums` keeps of a block of rows, per amount column: its sum and the least and greatest of its partial sums. */
interface BlockSum {
  sum: bigint[];
  least: bigint[];
  greatest: bigint[];
}

/**
 * The rows a total may sum (`items` of `findTotals`: a stack, rows pushed, runs cut from its
 * end), summed in blocks, so that the longest run at its end that a total equals is found
 * without adding up every run. Level 0 sums blocks of `size` rows, level 1 blocks of `size`
 * level-0 blocks, and so on; each full block keeps, per amount column, its sum and the least
 * and greatest of its partial sums (the sums of its first 0, 1, … rows). A run that starts in
 * a block sums to (the rows from the block on) − (one of its partial sums), so when in some
 * column all of those lie further from the total's cell than the rounding of the longest run
 * starting in the block allows, no run starting there fits and the block is passed over;
 * otherwise its smaller blocks are looked at, and at level 0 its rows. Runs far from the
 * total's own rows are so passed over a large block at a time, and the run found is the one
 * adding up every run finds (a test holds them equal).
 */
class RunSums {
  /** Per level, the full blocks summed so far, from the start of the list. */
  private readonly levels: BlockSum[][] = [];
  constructor(
    private readonly t: VerifyTable,
    private readonly size: number,
  ) {}

  /** Rows in a block of `level`. */
  private span(level: number): number {
    return this.size ** (level + 1);
  }

  /** The list was cut to `length` rows (0: replaced): the blocks beyond it are forgotten. */
  cut(length: number): void {
    this.levels.forEach((blocks, level) => {
      const keep = Math.floor(length / this.span(level));
      if (blocks.length > keep) blocks.length = keep;
    });
  }

  private value(row: number, j: number): bigint {
    return valueOf((this.t.rows[row] as VerifyRow).values[this.t.amountColumns[j] as number] ?? null);
  }

  /** Sums the full blocks of `items` not summed yet, level by level. */
  private summarise(items: readonly number[]): void {
    const w = this.t.amountColumns.length;
    const part = (count: number, at: (o: number, j: number) => { sum: bigint; least: bigint; greatest: bigint }): BlockSum => {
      const sum = new Array<bigint>(w).fill(0n);
      const least = new Array<bigint>(w).fill(0n);
      const greatest = new Array<bigint>(w).fill(0n);
      for (let o = 0; o < count; o++) {
        for (let j = 0; j < w; j++) {
          const s = sum[j] as bigint;
          const x = at(o, j);
          if (s + x.least < (least[j] as bigint)) least[j] = s + x.least;
          if (s + x.greatest > (greatest[j] as bigint)) greatest[j] = s + x.greatest;
          sum[j] = s + x.sum;
        }
      }
      return { sum, least, greatest };
    };
    for (let level = 0; ; level++) {
      const below = level === 0 ? items.length : (this.levels[level - 1] as BlockSum[]).length;
      if (below < this.size) return;
      const blocks = (this.levels[level] ??= []);
      for (let b = blocks.length; (b + 1) * this.size <= below; b++) {
        const start = b * this.size;
        blocks.push(
          level === 0
            ? part(this.size, (o, j) => ({ sum: this.value(items[start + o] as number, j), least: 0n, greatest: 0n }))
            : part(this.size, (o, j) => {
                const child = (this.levels[level - 1] as BlockSum[])[start + o] as BlockSum;
                return { sum: child.sum[j] as bigint, least: child.least[j] as bigint, greatest: child.greatest[j] as bigint };
              }),
        );
      }
    }
  }

  /** The largest full block that starts at row `p`: [level, index], or null when only a row does. */
  private blockAt(p: number): [number, number] | null {
    for (let level = this.levels.length - 1; level >= 0; level--) {
      const span = this.span(level);
      if (p % span === 0 && p / span < (this.levels[level] as BlockSum[]).length) return [level, p / span];
    }
    return null;
  }

  /**
   * The length of the longest run at the end of `items`, of `min` to `n` rows, that `r`
   * equals within rounding in every amount column where it shows a number (`near`); 0 when
   * there is none.
   */
  longestFull(r: VerifyRow, items: readonly number[], n: number, min: number): number {
    const t = this.t;
    const cols = t.amountColumns;
    const w = cols.length;
    const shown: number[] = [];
    const cell: bigint[] = new Array<bigint>(w).fill(0n);
    for (let j = 0; j < w; j++) {
      const v = r.values[cols[j] as number];
      if (v === null || v === undefined) continue;
      shown.push(j);
      cell[j] = v.value;
    }
    const m = items.length;
    // Runs start at p (the run is items[p..m), of m − p rows), from m − n to m − min.
    const first = m - n;
    const last = m - min;
    if (shown.length === 0 || last < first) return 0;
    this.summarise(items);
    const total = new Array<bigint>(w).fill(0n);
    for (let p = 0; p < m;) {
      const at = this.blockAt(p);
      if (at === null) {
        for (const j of shown) total[j] = (total[j] as bigint) + this.value(items[p] as number, j);
        p++;
      } else {
        const block = (this.levels[at[0]] as BlockSum[])[at[1]] as BlockSum;
        for (const j of shown) total[j] = (total[j] as bigint) + (block.sum[j] as bigint);
        p += this.span(at[0]);
      }
    }
    /** The sum of the rows before the one looked at. */
    const before = new Array<bigint>(w).fill(0n);
    const addRow = (p: number) => {
      for (const j of shown) before[j] = (before[j] as bigint) + this.value(items[p] as number, j);
    };
    /** Whether the run from `p` fits: `before` holds the rows before it. */
    const fits = (p: number): boolean => {
      for (const j of shown) {
        const c = cols[j] as number;
        if (!near(t, c, cell[j] as bigint, (total[j] as bigint) - (before[j] as bigint), TERMS.sumOf(m - p))) return false;
      }
      return true;
    };
    /** Looks for the first fitting start in a block (level, index) that starts at `start`: the run's length, or 0 (then `before` has the block added). */
    const visit = (level: number, index: number, start: number): number => {
      const block = (this.levels[level] as BlockSum[])[index] as BlockSum;
      const span = this.span(level);
      let passed = start + span - 1 < first;
      if (!passed) {
        // The longest run starting in this block has the most rounding.
        const terms = TERMS.sumOf(m - Math.max(start, first));
        for (const j of shown) {
          const c = cols[j] as number;
          const tol = t.exact[c] ? 0n : roundingTolerance(t.decimals[c] as number, terms);
          // A run from start + o sums to total − before − partial(o): it fits when partial(o) is within tol of `mid`.
          const mid = (total[j] as bigint) - (before[j] as bigint) - (cell[j] as bigint);
          if ((block.greatest[j] as bigint) < mid - tol || (block.least[j] as bigint) > mid + tol) {
            passed = true;
            break;
          }
        }
      }
      if (passed) {
        for (const j of shown) before[j] = (before[j] as bigint) + (block.sum[j] as bigint);
        return 0;
      }
      const child = span / this.size;
      for (let o = 0; o < this.size; o++) {
        const p = start + o * child;
        if (p > last) return 0; // `before` is not needed any more
        if (level > 0) {
          const k = visit(level - 1, index * this.size + o, p);
          if (k > 0) return k;
        } else {
          if (p >= first && fits(p)) return m - p;
          addRow(p);
        }
      }
      return 0;
    };
    for (let p = 0; p <= last;) {
      const at = this.blockAt(p);
      if (at === null) {
        if (p >= first && fits(p)) return m - p;
        addRow(p);
        p++;
      } else {
        const k = visit(at[0], at[1], p);
        if (k > 0) return k;
        p += this.span(at[0]);
      }
    }
    return 0;
  }
}

/** How far back (or forward) a row without a total's label is compared with runs of rows. */
const WEAK_REACH = 500;

/**
 * Finds the total rows from the data, with labels as hints. A row is a total when every
 * amount it shows equals, within rounding, the sum of a contiguous run of the rows above
 * it — where a total found earlier stands for the rows it sums, so a running subtotal
 * (the previous subtotal plus the rows since) and a grand total of subtotals are sums too
 * — or, failing that, of a run of rows below it (a total placed first). The longest run
 * that matches is taken. Which rows are candidates:
 * - a row labelled as a total (`TOTAL_LABEL`, `--summa`) is a total even when no run
 *   matches: it is then compared with the run that matches the most columns, else with the
 *   rows since the previous total (the previous totals when there are none, the rows
 *   below when it comes first), so a wrong total is an error at its cell;
 * - an upper-case label, and the first and last data rows, are totals only when a run of
 *   at least two rows matches (one row when the run is a total).
 * Varav rows, restating rows and sections are never summed; children in a hierarchy are
 * summed by their parent instead. When a labelled total matches only if rows taken for
 * totals without a label are data again, they are made data again.
 */
function findTotals(t: VerifyTable, summaLabels: ReadonlySet<string>, block: number): void {
  const rows = t.rows;
  const cols = t.amountColumns;
  const candidates: number[] = [];
  rows.forEach((r, i) => {
    if ((r.kind === 'data' && r.parent === null) || r.kind === 'summa') candidates.push(i);
  });
  if (candidates.length === 0 || cols.length === 0) return;
  const strongOf = (r: VerifyRow) => r.kind === 'summa' || TOTAL_LABEL.test(r.label) || summaLabels.has(r.label.toLowerCase());
  // An upper-case label of words (`VERKSAMHETENS NETTOKOSTNADER`), not a code (`KS01`).
  const upper = (r: VerifyRow) => /\p{Lu}{4}/u.test(r.label) && !/[\p{Ll}\d]/u.test(r.label);
  const first = candidates[0] as number;
  const last = candidates[candidates.length - 1] as number;
  const consumed = new Set<number>();
  /** Inferred totals without a label: rows that may be made data again. */
  const weakTotals = new Set<number>();
  const items: number[] = [];
  /** Labelled totals no run explained in every column (looked at again once the table is read), with how many columns their run explained. */
  const unexplained: number[] = [];
  const hitsOf = new Map<number, number>();
  /** `items` summed in blocks (null: every run added up). */
  const itemSums = block > 1 ? new RunSums(t, block) : null;

  /** Columns of `r` that equal the sum of `run` (in how many of those with a value), and whether all do. */
  const score = (r: VerifyRow, sums: bigint[], n: number): { hits: number; all: boolean; nonzero: boolean } => {
    let hits = 0;
    let shown = 0;
    let nonzero = false;
    cols.forEach((c, j) => {
      const v = r.values[c];
      if (v === null || v === undefined) return;
      shown++;
      if (v.value !== 0n) nonzero = true;
      if (near(t, c, v.value, sums[j] as bigint, TERMS.sumOf(n))) hits++;
    });
    return { hits, all: shown > 0 && hits === shown, nonzero };
  };
  const add = (sums: bigint[], k: number) => {
    const r = rows[k] as VerifyRow;
    cols.forEach((c, j) => (sums[j] = (sums[j] as bigint) + valueOf(r.values[c] ?? null)));
  };

  interface Run {
    run: number[];
    hits: number;
    all: boolean;
  }
  /** The runs of `list` ending at its end (`fromEnd`) or starting at its start, longest full match first, else most hits. */
  const bestRun = (
    r: VerifyRow,
    list: readonly number[],
    fromEnd: boolean,
    reach: number,
    minLength: (nearest: number) => number,
  ): Run | null => {
    const sums = cols.map(() => 0n);
    let full = 0;
    let partial = 0;
    let partialHits = 0;
    const n = Math.min(list.length, reach);
    const min = n > 0 ? minLength(list[fromEnd ? list.length - 1 : 0] as number) : 1;
    const lenient = r.kind === 'summa' || strongOf(r);
    if (fromEnd && list === items && itemSums !== null && (lenient || cols.some((c) => (r.values[c]?.value ?? 0n) !== 0n))) {
      const k = itemSums.longestFull(r, list, n, min);
      if (k > 0) return { run: list.slice(list.length - k), hits: -1, all: true };
    }
    for (let k = 1; k <= n; k++) {
      add(sums, list[fromEnd ? list.length - k : k - 1] as number);
      if (k < min) continue;
      const sc = score(r, sums, k);
      if (sc.all && (sc.nonzero || lenient)) full = k;
      else if (sc.hits > 0 && sc.hits >= partialHits) {
        // The longest run with the most columns right (the whole run since the previous total, as a rule).
        partial = k;
        partialHits = sc.hits;
      }
    }
    const k = full || partial;
    if (k === 0) return null;
    return { run: fromEnd ? list.slice(list.length - k) : list.slice(0, k), hits: full ? -1 : partialHits, all: full > 0 };
  };
  /** The data rows below `i` that a total placed first may sum: up to the next section or labelled total. */
  const rowsBelow = (i: number, reach: number): number[] => {
    const out: number[] = [];
    for (let k = i + 1; k < rows.length && out.length < reach; k++) {
      const r = rows[k] as VerifyRow;
      if (r.kind === 'section' || r.kind === 'summa' || (r.kind === 'data' && strongOf(r))) break;
      if (r.kind === 'data' && r.parent === null) out.push(k);
    }
    return out;
  };
  const isTotal = (k: number) => (rows[k] as VerifyRow).sumOf !== null;
  const oneIfTotal = (nearest: number) => (isTotal(nearest) ? 1 : 2);
  /** The rows of `items` of one line item (`…: Intäkt`), for a total that names it (`Summa: Intäkt`); [] when fewer than two. */
  const lineItemRows = (r: VerifyRow): number[] => {
    const item = LINE_ITEM_TOTAL.exec(r.label)?.[1]?.toLowerCase();
    if (item === undefined) return [];
    const run = items.filter((k) => LINE_ITEM_OF.exec((rows[k] as VerifyRow).label)?.[1]?.toLowerCase() === item);
    return run.length >= 2 ? run : [];
  };

  for (const i of candidates) {
    if (consumed.has(i)) continue;
    const r = rows[i] as VerifyRow;
    const strong = strongOf(r);
    const weak = !strong && (i === first || i === last || upper(r));
    if (!strong && !weak) {
      items.push(i);
      continue;
    }
    // A total of one line item over rows of several (`Summa: Intäkt` under `10 …: Intäkt`,
    // `10 …: Kostnad`, …, as a Verksamhetsanalys in rows shows it): its label names its rows.
    const lineItem = strong ? lineItemRows(r) : [];
    if (lineItem.length > 0) {
      r.kind = 'summa';
      r.sumOf = lineItem;
      r.below = false;
      const summed = new Set(lineItem);
      const rest = items.filter((k) => !summed.has(k));
      items.length = 0;
      itemSums?.cut(0);
      for (const k of rest) items.push(k);
      items.push(i);
      continue;
    }
    const reach = strong || i === last ? Number.MAX_SAFE_INTEGER : WEAK_REACH;
    const minLength = strong ? () => 1 : oneIfTotal;
    // hits is -1 for a full match (it beats any partial one).
    let found = bestRun(r, items, true, reach, minLength);
    let below = false;
    if (!found?.all) {
      const under = bestRun(r, rowsBelow(i, reach), false, reach, strong ? () => 1 : () => 2);
      if (under?.all || (under && (!found || under.hits > found.hits) && found?.all !== true)) {
        found = under;
        below = true;
      }
    }
    if (!found?.all && strong && weakTotals.size > 0) {
      // Rows taken for totals without a label, made data again: does the labelled total match then?
      const expanded: number[] = [];
      for (const k of items) {
        if (weakTotals.has(k)) for (const j of (rows[k] as VerifyRow).sumOf as number[]) expanded.push(j);
        expanded.push(k);
      }
      const again = bestRun(r, expanded, true, reach, () => 1);
      if (again?.all) {
        for (const k of again.run)
          if (weakTotals.has(k)) {
            const w = rows[k] as VerifyRow;
            w.kind = 'data';
            w.sumOf = null;
            weakTotals.delete(k);
          }
        items.length = 0;
        itemSums?.cut(0);
        for (const k of expanded) items.push(k);
        found = again;
        below = false;
      }
    }
    // A label such as Netto or Resultat that matches no run in any column is data (a key
    // figure, `Nettokostnad per invånare`), unless it says Summa/Totalt, was declared with
    // --summa, or the table has one amount column (where a wrong total matches nothing).
    const only = found === null && strong && r.kind !== 'summa' && !CLASSIC_TOTAL.test(r.label) && cols.length > 1;
    if ((!found?.all && !strong) || only) {
      items.push(i);
      continue;
    }
    let run: number[];
    if (found) run = found.run;
    else {
      // A labelled total that no run explains: the rows since the previous total, else the previous totals, else the rows below.
      below = false;
      let k = items.length;
      while (k > 0 && !isTotal(items[k - 1] as number)) k--;
      run = items.slice(k);
      if (run.length === 0) {
        while (k > 0 && isTotal(items[k - 1] as number)) k--;
        run = items.slice(k);
      }
      if (run.length === 0) {
        run = rowsBelow(i, Number.MAX_SAFE_INTEGER);
        below = true;
      }
    }
    r.kind = 'summa';
    r.sumOf = run;
    r.below = below;
    if (!strong) weakTotals.add(i);
    if (!found?.all) {
      unexplained.push(i);
      hitsOf.set(i, found?.hits ?? 0);
    }
    if (below) for (const k of run) consumed.add(k);
    else {
      items.length -= run.length;
      itemSums?.cut(items.length);
    }
    items.push(i);
  }

  // A total placed first above sections may sum what is below only as a whole: its rows
  // lie beyond a section heading, or are subtotals found after it (`Summa skatte- och
  // avgiftsfinansierat` above `Nämnder` … `Summa skattefinansierat`, `Summa
  // avgiftsfinansierat`). Once the table is read, a labelled total no run explained, and
  // the first row and an upper-case row left as data, are compared with the runs of the
  // items below them (a total found below standing for its rows); a full match — of at
  // least two items for a row without a total's label — makes them a total of those
  // items (a labelled total also to a run that explains more of its columns than its own,
  // so that a wrong total first is compared with its rows). Bottom-up, so a total first
  // inside a total first is found first (and the items above keep their positions); a row
  // without a total's label looks as far as it did above (`WEAK_REACH`).
  for (const k of candidates) {
    const r = rows[k] as VerifyRow;
    if (r.kind === 'data' && (k === first || upper(r))) unexplained.push(k);
  }
  if (unexplained.length === 0) return;
  unexplained.sort((a, b) => b - a);
  const position = new Map<number, number>();
  items.forEach((k, at) => position.set(k, at));
  for (const i of unexplained) {
    const at = position.get(i);
    if (at === undefined) continue; // summed by another total: the structure explains it
    const r = rows[i] as VerifyRow;
    const strong = r.kind === 'summa';
    const reach = strong ? items.length : WEAK_REACH;
    const under = bestRun(r, items.slice(at + 1, at + 1 + reach), false, reach, strong ? () => 1 : () => 2);
    if (!under || !(under.all || (strong && under.hits > (hitsOf.get(i) ?? 0)))) continue;
    r.kind = 'summa';
    r.sumOf = under.run;
    r.below = true;
    items.splice(at + 1, under.run.length);
  }
}
