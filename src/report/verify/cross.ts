/**
 * verify's checks across tables, when several are verified together (one document with
 * several tables, or several files on one command line):
 *
 * - **Sub-table ↔ parent row.** A detail table's total equals the row it details in another
 *   table: titled `… 51*` (the row with code 51), titled with the name of a row elsewhere
 *   (`Särredovisning Äldreomsorg/LSS`), or with rows whose codes all extend one row's code
 *   (5101, 5102 … under 51). Compared column by column under the same heading.
 * - **Verksamhetsanalys ↔ Driftredovisning.** An analysis's net deviation per verksamhet
 *   (its one deviation column, on the verksamhet's Netto/Summa row or its only filled cell)
 *   equals the Driftredovisning's deviation on the row of the same code, or of the same
 *   name when the analysis shows no codes.
 * - **Resultat ↔ Driftredovisning.** A result statement's total (Verksamhetens
 *   nettokostnader, Nettokostnad, Resultat) equals the Driftredovisning's Summa, column by
 *   column (outcome, budget, deviation), in the sign convention the two tables show.
 *
 * A relation is claimed only when titles, headings and labels identify both ends
 * unambiguously (never from the values themselves, which would hide the errors sought);
 * each compared cell is one check, with the tolerance of two rounded numbers (`TERMS.parentRow`).
 */
import { normaliseHeader } from '../../core/text.js';
import { roundingTolerance, roundingToleranceOf, TERMS } from '../../rules/tolerance.js';
import type { Checker, CrossEnd } from './checker.js';
import type { VerifyOptions } from './checks.js';
import { deviationTerms, roleOf, type ColumnLabels, type Role } from './headers.js';
import { valueOf, withoutFootnotes, type VerifyRow, type VerifyTable } from './structure.js';

/** Runs every check across `tables` (a no-op for a single table); with `all` false (`--no-cross`), only the declared sub-tables. */
export function checkCross(
  tables: readonly VerifyTable[],
  c: Checker,
  declared: VerifyOptions['parents'],
  labels: ColumnLabels,
  all = true,
): void {
  if (tables.length < 2) return;
  const details = checkSubTables(tables, c, declared, !all);
  if (!all) return;
  const analyses = tables.filter((t) => isAnalys(t, labels));
  const resultat = tables.filter((t) => !analyses.includes(t) && resultTotal(t) !== null);
  const drift = tables.filter((t) => !analyses.includes(t) && !resultat.includes(t) && deviationColumns(t, labels).length > 0);
  for (const a of analyses) checkAnalys(a, drift, c, labels);
  for (const r of resultat)
    checkResultat(
      r,
      drift.filter((d) => !details.has(d)),
      c,
      labels,
    );
}

// ---------------------------------------------------------------------------------------
// Labels, codes, names, years and units

/** A label without Markdown footnote references (`Summa[^avrundning-1]`) and footnote marks. */
const cleanLabel = (s: string): string => withoutFootnotes(s.replace(/\[\^[^\]]*\]/g, '')).trim();

/** The code at the start of a label (`51 Äldreomsorg` → 51), and the name after it. */
function splitLabel(label: string): { code: string | null; name: string } {
  const clean = cleanLabel(label);
  const m = /^(\d{1,10})(?:\s+(.*))?$/.exec(clean);
  return m ? { code: m[1] as string, name: (m[2] ?? '').trim() } : { code: null, name: clean };
}

/** A name as words: lower case, punctuation as spaces (`Barn- och ungdomsvård` → `barn och ungdomsvård`). */
const words = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A line item of a verksamhet in an analysis (`Intäkt`, `Kostnad`, `Netto`), not a verksamhet. */
const LINE_ITEM = /^(intäkt(er)?|kostnad(er)?|netto|nettokostnad(er)?|summa|totalt|resultat)$/i;
/** Line items that carry a verksamhet's net. */
const NET_ITEM = /^(netto|nettokostnad(er)?|summa|totalt|resultat)$/i;
/** Names too general to tie a title to a row. */
const GENERIC = /^(intäkter?|kostnader?|netto|summa|totalt?|resultat|budget|utfall|avvikelse|övrigt|övriga)$/i;

const yearsOf = (s: string): string[] => [...s.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => m[0]);

/** Whether two tables may be of one period: years stated in both titles share one. */
function sameYear(a: VerifyTable, b: VerifyTable): boolean {
  const ya = yearsOf(a.title);
  const yb = yearsOf(b.title);
  return ya.length === 0 || yb.length === 0 || ya.some((y) => yb.includes(y));
}

function unitOf(t: VerifyTable): 'kr' | 'tkr' | 'mnkr' | null {
  const s = `${t.title} ${t.header[0] ?? ''}`.toLowerCase();
  if (/\b(mnkr|mkr|miljoner)\b/.test(s)) return 'mnkr';
  if (/\b(tkr|tusental)\b/.test(s)) return 'tkr';
  if (/\bkr\b|kronor/.test(s)) return 'kr';
  return null;
}

/** Whether two tables may be in one unit: units stated in both are the same. */
function sameUnit(a: VerifyTable, b: VerifyTable): boolean {
  const ua = unitOf(a);
  const ub = unitOf(b);
  return ua === null || ub === null || ua === ub;
}

/** Investments and operations are never each other's parts. */
const isInvestment = (t: VerifyTable) => /investering/i.test(t.title);
const sameDomain = (a: VerifyTable, b: VerifyTable) => isInvestment(a) === isInvestment(b);

/** The tolerance of two rounded numbers, each at its own decimals. */
function pairTolerance(a: VerifyTable, ca: number, b: VerifyTable, cb: number): bigint | undefined {
  const da = a.decimals[ca] as number;
  const db = b.decimals[cb] as number;
  return da === db ? undefined : roundingToleranceOf([da, db]);
}

const columnByHeading = (t: VerifyTable, heading: string): number => {
  const n = normaliseHeader(heading);
  return t.amountColumns.find((c) => normaliseHeader(t.header[c] ?? '') === n) ?? -1;
};

/** The table's total: the one total row no other total includes, else its last total row. */
function totalRow(t: VerifyTable): VerifyRow | null {
  const totals = t.rows.filter((r) => r.kind === 'summa');
  if (totals.length === 0) return null;
  const inner = new Set<number>();
  for (const r of totals) for (const k of r.sumOf ?? []) inner.add(k);
  const top = totals.filter((r) => !inner.has(t.rows.indexOf(r)));
  return top.length === 1 ? (top[0] as VerifyRow) : (totals[totals.length - 1] as VerifyRow);
}

const placeOf = (t: VerifyTable, r: VerifyRow) => `${t.title}, ${t.file}:${r.line}`;

// ---------------------------------------------------------------------------------------
// Sub-table ↔ parent row

/** Data rows of tables other than `sub` that the predicate picks, with their tables. */
function rowsElsewhere(
  tables: readonly VerifyTable[],
  sub: VerifyTable,
  pick: (r: VerifyRow) => boolean,
): { table: VerifyTable; row: VerifyRow }[] {
  const out: { table: VerifyTable; row: VerifyRow }[] = [];
  for (const t of tables) {
    if (t === sub || !sameDomain(t, sub) || !samePeriodAndUnit(t, sub)) continue;
    // A parent must show at least one of the sub-table's headings.
    if (!sub.amountColumns.some((col) => columnByHeading(t, sub.header[col] ?? '') >= 0)) continue;
    for (const r of t.rows) if (r.kind === 'data' && pick(r)) out.push({ table: t, row: r });
  }
  return out;
}

const samePeriodAndUnit = (a: VerifyTable, b: VerifyTable) => sameUnit(a, b) && sameYear(a, b);

/**
 * One parent among candidates: the only one, else the nearest one above the sub-table in
 * its own file; null when it cannot tell.
 */
function oneParent(sub: VerifyTable, found: { table: VerifyTable; row: VerifyRow }[]): { table: VerifyTable; row: VerifyRow } | null {
  if (found.length <= 1) return found[0] ?? null;
  const above = found
    .filter((p) => p.table.file === sub.file && p.table.sheet === sub.sheet && p.table.line < sub.line)
    .sort((x, y) => y.table.line - x.table.line);
  const first = above[0];
  if (!first || (above[1] && above[1].table === first.table)) return null;
  return first;
}

/** The parent row of a sub-table: declared, by a `51*` title, by a title naming a row, or by its rows' codes. */
function parentOf(
  tables: readonly VerifyTable[],
  sub: VerifyTable,
  declared: VerifyOptions['parents'],
  onlyDeclared: boolean,
): { table: VerifyTable; row: VerifyRow } | null {
  const byCode = (code: string) => (r: VerifyRow) => r.label === code || r.label.startsWith(`${code} `);
  const decl = declared.find((d) => normaliseHeader(d.table) === normaliseHeader(sub.title));
  if (onlyDeclared && decl === undefined) return null;
  const star = decl?.row ?? /(\S+)\*/.exec(sub.title)?.[1];
  if (star) return oneParent(sub, rowsElsewhere(tables, sub, byCode(star)));
  // A title that names a row elsewhere: the longest such name, when one row has it.
  const title = ` ${words(sub.title)} `;
  const named = rowsElsewhere(tables, sub, (r) => {
    const name = words(splitLabel(r.label).name);
    return name.length >= 6 && !GENERIC.test(name) && title.includes(` ${name} `);
  });
  if (named.length > 0) {
    const length = (p: { row: VerifyRow }) => words(splitLabel(p.row.label).name).length;
    const longest = Math.max(...named.map(length));
    return oneParent(
      sub,
      named.filter((p) => length(p) === longest),
    );
  }
  // Rows whose codes all extend one code: 5101, 5102 … under the row 51.
  const codes = sub.rows.filter((r) => r.kind === 'data').map((r) => splitLabel(r.label).code);
  if (codes.length < 2 || codes.some((k) => k === null)) return null;
  let prefix = codes[0] as string;
  for (const k of codes) while (!(k as string).startsWith(prefix)) prefix = prefix.slice(0, -1);
  for (let p = prefix; p.length > 0; p = p.slice(0, -1)) {
    if (codes.some((k) => k === p)) continue;
    const found = rowsElsewhere(tables, sub, (r) => splitLabel(r.label).code === p);
    if (found.length > 0) return oneParent(sub, found);
  }
  return null;
}

/**
 * A sub-table's total against its parent row, under each heading both show. The two may
 * be shown with different decimals (a one-decimal sub-table under a whole-tkr table): each
 * is then allowed half a unit of its own decimals. Returns the sub-tables that have a parent.
 */
export function checkSubTables(
  tables: readonly VerifyTable[],
  c: Checker,
  declared: VerifyOptions['parents'],
  onlyDeclared = false,
): Set<VerifyTable> {
  const details = new Set<VerifyTable>();
  for (const sub of tables) {
    const summa = totalRow(sub);
    const parent = summa ? parentOf(tables, sub, declared, onlyDeclared) : null;
    if (!summa || !parent) continue;
    details.add(sub);
    for (const col of sub.amountColumns) {
      const pc = columnByHeading(parent.table, sub.header[col] ?? '');
      if (pc < 0 || summa.values[col] === null || parent.row.values[pc] === null) continue;
      const basis = `${parent.row.label} (${placeOf(parent.table, parent.row)})`;
      c.compare(
        sub,
        summa,
        col,
        valueOf(parent.row.values[pc] ?? null),
        'parent',
        TERMS.parentRow,
        basis,
        pairTolerance(sub, col, parent.table, pc),
      );
    }
  }
  return details;
}

// ---------------------------------------------------------------------------------------
// Verksamhetsanalys ↔ Driftredovisning

/** The deviation columns of a table, by their headings (avvikelse's own `Nettoavvikelse` included). */
function deviationColumns(t: VerifyTable, labels: ColumnLabels): number[] {
  return t.amountColumns.filter((col) => {
    const h = t.header[col] ?? '';
    return roleOf(h, labels) === 'deviation' || /avvik|deviation|differens/i.test(h);
  });
}

/** An analysis: so titled, or split in intäkt and kostnad by its headings or its row labels, with a deviation column. */
function isAnalys(t: VerifyTable, labels: ColumnLabels): boolean {
  if (deviationColumns(t, labels).length === 0) return false;
  if (/analys/i.test(t.title)) return true;
  const headings = t.amountColumns.map((col) => t.header[col] ?? '');
  if (headings.some((h) => /intäkt/i.test(h)) && headings.some((h) => /kostnad/i.test(h))) return true;
  // Intäkt and Kostnad rows of at least two verksamheter (a result statement has one of each, of no verksamhet).
  const seen = new Map<string, Set<string>>();
  let current: string | null = null;
  for (const r of t.rows) {
    const { owner, item } = lineItem(cleanLabel(r.label));
    if (r.kind === 'section' || item === null) {
      current = owner;
      continue;
    }
    const key = owner ?? current;
    if (key === null) continue;
    const items = seen.get(key) ?? new Set<string>();
    seen.set(key, items);
    items.add(item.toLowerCase().slice(0, 6));
  }
  return [...seen.values()].filter((i) => i.has('intäkt') && i.has('kostna')).length >= 2;
}

/** `51 Äldreomsorg: Kostnad` → the verksamhet and the line item; a label that is only a line item has no verksamhet. */
function lineItem(label: string): { owner: string | null; item: string | null } {
  const colon = /^(.*\S)\s*:\s*(\S.*)$/.exec(label);
  if (colon && LINE_ITEM.test(colon[2] as string)) return { owner: colon[1] as string, item: colon[2] as string };
  if (LINE_ITEM.test(label)) return { owner: null, item: label };
  return { owner: label, item: null };
}

/** A verksamhet of an analysis: its code and name, and the cell holding its net deviation. */
interface Group {
  code: string | null;
  name: string;
  row: VerifyRow;
}

/**
 * The verksamheter of an analysis and each one's net deviation in column `dev`: rows are
 * grouped by verksamhet (`51 …: Intäkt`/`51 …: Kostnad`, or Intäkt/Kostnad/Netto rows under
 * a verksamhet's heading row); the net is the group's Netto/Summa row when it has one, else
 * the group's only filled cell. A group with two filled cells and no net row is left out.
 */
function groupsOf(t: VerifyTable, dev: number): Group[] {
  const groups = new Map<string, { owner: string; rows: VerifyRow[]; net: VerifyRow | null }>();
  let current: string | null = null;
  for (const r of t.rows) {
    if (r.kind === 'varav') continue;
    const label = cleanLabel(r.label);
    const { owner, item } = lineItem(label);
    if (r.kind === 'section') {
      current = owner;
      continue;
    }
    // A verksamhet named on its own row ends a heading's group; a total after no heading is a group of its own.
    if (owner !== null) current = null;
    const key = owner ?? current ?? (/^(summa|totalt)$/i.test(item ?? '') ? item : null);
    if (key === null) continue;
    const g = groups.get(key) ?? { owner: key, rows: [], net: null };
    groups.set(key, g);
    g.rows.push(r);
    if (item !== null && NET_ITEM.test(item) && r.values[dev] !== null) g.net = r;
  }
  const out: Group[] = [];
  for (const g of groups.values()) {
    const filled = g.rows.filter((r) => r.values[dev] !== null);
    const row = g.net ?? (filled.length === 1 ? filled[0] : null);
    if (!row) continue;
    const { code, name } = splitLabel(g.owner);
    out.push({ code, name, row });
  }
  return out;
}

const tokens = (s: string) =>
  new Set(
    words(s)
      .split(' ')
      .filter((w) => w.length > 1),
  );

/** Word overlap of two names: shared words over all words (Jaccard). */
function overlap(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const all = x.size + y.size - shared;
  return all === 0 ? 0 : shared / all;
}

/** Word overlap from which two names of verksamheter are taken for one (`Övr. insatser vuxna/Ekonomiskt bistånd` ~ `Övr. insatser /Ekonomiskt bistånd`). */
const SIMILAR = 0.6;

/**
 * Pairs the verksamheter of an analysis with rows of a Driftredovisning: by code when both
 * show codes, else by name; a name found in neither exactly is paired with the one row whose
 * name shares most of its words, when that row's best match is it too.
 */
function matchRows(groups: readonly Group[], d: VerifyTable): { group: Group; row: VerifyRow }[] {
  const rows = d.rows.filter((r) => r.kind !== 'section' && r.kind !== 'varav');
  const parts = rows.map((r) => ({ row: r, ...splitLabel(r.label) }));
  const unique = <K>(items: typeof parts, key: (p: (typeof parts)[number]) => K) => {
    const m = new Map<K, (typeof parts)[number] | null>();
    for (const p of items) m.set(key(p), m.has(key(p)) ? null : p);
    return m;
  };
  const byCode = unique(
    parts.filter((p) => p.code !== null),
    (p) => p.code,
  );
  const byName = unique(parts, (p) => words(p.name));
  const pairs: { group: Group; row: VerifyRow }[] = [];
  const used = new Set<VerifyRow>();
  const open: Group[] = [];
  const dCodes = byCode.size > 0;
  for (const g of groups) {
    const byItsCode = g.code !== null && dCodes;
    const hit = byItsCode ? byCode.get(g.code) : byName.get(words(g.name));
    if (hit) {
      pairs.push({ group: g, row: hit.row });
      used.add(hit.row);
    } else if (!byItsCode) open.push(g);
  }
  const rest = parts.filter((p) => !used.has(p.row));
  for (const g of open) {
    const scored = rest.map((p) => ({ p, s: overlap(g.name, p.name) })).sort((x, y) => y.s - x.s);
    const best = scored[0];
    if (!best || best.s < SIMILAR || (scored[1] && scored[1].s === best.s)) continue;
    // Mutual: no other open verksamhet matches that row as well.
    if (open.some((o) => o !== g && overlap(o.name, best.p.name) >= best.s)) continue;
    pairs.push({ group: g, row: best.p.row });
    used.add(best.p.row);
  }
  return pairs;
}

const isAck = (h: string) => /\back\b|ackumulerat|ytd/i.test(h);
const isPrognos = (h: string) => /prognos|forecast/i.test(h);

/** The one deviation column of `t` that goes with `heading` (the same kind: ack, prognos or neither). */
function matchingDeviation(t: VerifyTable, labels: ColumnLabels, heading: string): number | null {
  let devs = deviationColumns(t, labels);
  if (devs.length > 1)
    devs = devs.filter((c) => isAck(t.header[c] ?? '') === isAck(heading) && isPrognos(t.header[c] ?? '') === isPrognos(heading));
  return devs.length === 1 ? (devs[0] as number) : null;
}

/** The analysis's net deviation column: its one deviation column, else the one headed net/total. */
function netDeviation(a: VerifyTable, labels: ColumnLabels): number | null {
  const devs = deviationColumns(a, labels);
  if (devs.length === 1) return devs[0] as number;
  const net = devs.filter((c) => /netto|summa|total|\bnet\b/i.test(a.header[c] ?? ''));
  return net.length === 1 ? (net[0] as number) : null;
}

/**
 * A Verksamhetsanalys's net deviation per verksamhet against the Driftredovisning's
 * deviation on the same code (or name). The Driftredovisning is the one table of the same
 * year, unit and kind (operations, not investments) where most of the analysis's
 * verksamheter are found, and at least two; checked at the analysis's cells. Both state a
 * deviation as favourable-positive unless, on the rows, the opposite sign agrees more often.
 */
function checkAnalys(a: VerifyTable, drift: readonly VerifyTable[], c: Checker, labels: ColumnLabels): void {
  const dev = netDeviation(a, labels);
  if (dev === null) return;
  const groups = groupsOf(a, dev);
  const candidates = drift
    .filter((d) => d !== a && sameDomain(a, d) && sameYear(a, d) && sameUnit(a, d))
    .map((d) => ({ d, col: matchingDeviation(d, labels, a.header[dev] ?? ''), pairs: matchRows(groups, d) }))
    .filter((x) => x.col !== null && x.pairs.length >= 2 && x.pairs.length * 2 >= groups.length)
    .sort((x, y) => y.pairs.length - x.pairs.length);
  const best = candidates[0];
  if (!best || (candidates[1] && candidates[1].pairs.length === best.pairs.length)) return;
  const { d, pairs } = best;
  const dc = best.col as number;
  const tolerance = pairTolerance(a, dev, d, dc);
  const agrees = (sign: bigint) =>
    pairs.filter((p) => {
      const diff = valueOf(p.group.row.values[dev] ?? null) - sign * valueOf(p.row.values[dc] ?? null);
      return (diff < 0n ? -diff : diff) <= (tolerance ?? roundingTolerance(a.decimals[dev] as number, TERMS.parentRow));
    }).length;
  const sign = agrees(-1n) > agrees(1n) ? -1n : 1n;
  for (const p of pairs) compareAcross(c, 'analys', { t: a, row: p.group.row, col: dev }, { t: d, row: p.row, col: dc }, sign);
}

/** A cell of a table. */
interface Cell {
  t: VerifyTable;
  row: VerifyRow;
  col: number;
}

/**
 * One check across tables: `x` against `sign` × `y`, made at `x`'s cell, or at `y`'s when
 * only `y`'s cell has already failed a check of its own table (then that cell is the wrong one).
 */
function compareAcross(c: Checker, relation: CrossEnd['relation'], x: Cell, y: Cell, sign: bigint): void {
  if (x.row.values[x.col] === null || y.row.values[y.col] === null) return;
  const flagged = (e: Cell) =>
    c.errors.some(
      (f) =>
        f.file === e.t.file &&
        f.sheet === e.t.sheet &&
        f.table === e.t.title &&
        f.line === e.row.line &&
        f.column === (e.t.header[e.col] ?? ''),
    );
  const [at, from] = flagged(y) && !flagged(x) ? [y, x] : [x, y];
  const other: CrossEnd = {
    relation,
    table: from.t.title,
    file: from.t.file,
    line: from.row.line,
    row: cleanLabel(from.row.label),
    column: from.t.header[from.col] ?? '',
    negated: sign < 0n,
  };
  const expected = sign * valueOf(from.row.values[from.col] ?? null);
  c.compare(
    at.t,
    at.row,
    at.col,
    expected,
    'cross',
    TERMS.parentRow,
    'cross',
    pairTolerance(at.t, at.col, from.t, from.col),
    undefined,
    other,
  );
}

// ---------------------------------------------------------------------------------------
// Resultat ↔ Driftredovisning

/** Labels of a result statement's total that a Driftredovisning's Summa restates, strongest first. */
const RESULT_TOTALS = [/^verksamhetens nettokostnad(er)?$/i, /^nettokostnad(er)?$/i, /^verksamhetens (netto|resultat)$/i, /^resultat$/i];
/** A result statement's cost rows. */
const COST_ROW = /^(verksamhetens )?kostnader$/i;

/** A result statement's total row, when it is one: rows of intäkter and kostnader, or so titled, and a total so labelled. */
function resultTotal(t: VerifyTable): VerifyRow | null {
  const rows = t.rows.filter((r) => r.kind === 'data' || r.kind === 'summa');
  const labelsOf = rows.map((r) => cleanLabel(r.label));
  const statement =
    /resultat/i.test(t.title) || (labelsOf.some((l) => /^(verksamhetens )?intäkter$/i.test(l)) && labelsOf.some((l) => COST_ROW.test(l)));
  if (!statement) return null;
  for (const re of RESULT_TOTALS) {
    const hits = rows.filter((r) => re.test(cleanLabel(r.label)));
    if (hits.length === 1) return hits[0] as VerifyRow;
    if (hits.length > 1) return null;
  }
  return null;
}

/** The majority sign of the cells of `rows` in `cols` (+1, −1, or 0 when none or a tie). */
function majoritySign(rows: readonly VerifyRow[], cols: readonly number[]): bigint {
  let n = 0;
  for (const r of rows)
    for (const col of cols) {
      const v = valueOf(r.values[col] ?? null);
      if (v > 0n) n++;
      else if (v < 0n) n--;
    }
  return n > 0 ? 1n : n < 0 ? -1n : 0n;
}

/** How a table's deviation column `dev` is formed, from its rows: +1 outcome − budget, −1 budget − outcome, 0 unknown. */
function deviationOrder(t: VerifyTable, dev: number, outcome: number, budget: number): bigint {
  const tol = roundingTolerance(t.decimals[dev] as number, TERMS.deviation);
  let plus = 0;
  let minus = 0;
  for (const r of t.rows) {
    if (r.values[dev] === null || r.values[outcome] === null || r.values[budget] === null) continue;
    const d = valueOf(r.values[dev] ?? null);
    const u = valueOf(r.values[outcome] ?? null);
    const b = valueOf(r.values[budget] ?? null);
    const near = (x: bigint) => (x < 0n ? -x : x) <= tol;
    if (near(d - (u - b))) plus++;
    if (near(d - (b - u))) minus++;
  }
  return plus > minus ? 1n : minus > plus ? -1n : 0n;
}

/** The column of `t` with `role` that goes with the heading `like` (by year, ack and prognos), or null. */
function columnFor(t: VerifyTable, labels: ColumnLabels, role: Role, years: readonly string[], like: string): number | null {
  let cols = t.amountColumns.filter((col) => roleOf(t.header[col] ?? '', labels) === role);
  const exact = cols.filter((col) => normaliseHeader(t.header[col] ?? '') === normaliseHeader(like));
  if (exact.length === 1) return exact[0] as number;
  if (cols.length > 1)
    cols = cols.filter((col) => isAck(t.header[col] ?? '') === isAck(like) && isPrognos(t.header[col] ?? '') === isPrognos(like));
  if (cols.length > 1 && years.length > 0) cols = cols.filter((col) => yearsOf(t.header[col] ?? '').some((y) => years.includes(y)));
  return cols.length === 1 ? (cols[0] as number) : null;
}

/**
 * A result statement's total against the Driftredovisning's Summa: the one table of the
 * same year, unit and kind titled as a Driftredovisning (or net costs) that has a Summa and
 * no parent row. Outcome and budget columns pair by role (and year, when the statement
 * shows several years); the costs' sign in each table is read from its rows (the
 * statement's Kostnader row, the Driftredovisning's verksamheter), and the deviation's
 * sign follows from that and the way each table forms its deviation.
 */
function checkResultat(r: VerifyTable, drift: readonly VerifyTable[], c: Checker, labels: ColumnLabels): void {
  const total = resultTotal(r) as VerifyRow;
  const candidates = drift.filter(
    (d) => d !== r && sameDomain(r, d) && sameYear(r, d) && sameUnit(r, d) && /drift|nettokostnad/i.test(d.title) && totalRow(d) !== null,
  );
  if (candidates.length !== 1) return;
  const d = candidates[0] as VerifyTable;
  const summa = totalRow(d) as VerifyRow;
  const years = [...yearsOf(d.title), ...yearsOf(r.title)];
  const pairs: { role: Role; rc: number; dc: number }[] = [];
  for (const dc of d.amountColumns) {
    const role = roleOf(d.header[dc] ?? '', labels);
    if (role === null) continue;
    const rc = columnFor(r, labels, role, years, d.header[dc] ?? '');
    if (rc !== null && columnFor(d, labels, role, years, r.header[rc] ?? '') === dc) pairs.push({ role, rc, dc });
  }
  const outcome = pairs.find((p) => p.role === 'outcome');
  const budget = pairs.find((p) => p.role === 'budget');
  if (!outcome && !budget) return;
  // The costs' sign: the statement's Kostnader row, the Driftredovisning's verksamheter.
  const amounts = [outcome, budget].filter((p) => p !== undefined);
  const costsR = majoritySign(
    r.rows.filter((x) => x.kind === 'data' && COST_ROW.test(cleanLabel(x.label))),
    amounts.map((p) => p.rc),
  );
  const costsD = majoritySign(
    d.rows.filter((x) => x.kind === 'data'),
    amounts.map((p) => p.dc),
  );
  let sign =
    costsR !== 0n && costsD !== 0n
      ? costsR * costsD
      : majoritySign(
          [total],
          amounts.map((p) => p.rc),
        ) *
        majoritySign(
          [summa],
          amounts.map((p) => p.dc),
        );
  if (sign === 0n) sign = 1n;
  for (const p of pairs) {
    let s = sign;
    if (p.role === 'deviation') {
      const orderOf = (t: VerifyTable, col: number, side: 'rc' | 'dc') =>
        outcome && budget ? deviationOrder(t, col, outcome[side], budget[side]) : 0n;
      const terms = deviationTerms(d.header, d.amountColumns, p.dc, labels);
      const or = orderOf(r, p.rc, 'rc');
      const od = terms ? deviationOrder(d, p.dc, terms.outcome, terms.budget) : orderOf(d, p.dc, 'dc');
      // Unknown order: a deviation is favourable-positive in both.
      s = or !== 0n && od !== 0n ? sign * or * od : 1n;
    }
    compareAcross(c, 'resultat', { t: r, row: total, col: p.rc }, { t: d, row: summa, col: p.dc }, s);
  }
}
