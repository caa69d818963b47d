/**
 * One layout model for every writer (after hledger's Write/Spreadsheet.hs): `toDocument`
 * turns the shown tables into a `Document` of sheets, rows and typed cells, and is the one
 * place that decides the texts around the numbers — titles, column and row labels, the
 * Summa label, the code/name layout, each cell's tone (better or worse than budget), the
 * rounding notes, the comments, the chart and the rules line. A renderer (table, csv, json,
 * md, html, xlsx) only maps the document to its syntax and number style, and may
 * return text or bytes.
 */
import type { Fixed, Unit } from '../core/money.js';
import type { RoundingMode } from '../rules/rounding.js';
import type { Perspective } from '../rules/sign.js';
import type { Texts } from '../i18n/index.js';
import { chartColumn, columnAlign, columnDef, SIGNED_COLUMNS, type ColumnId } from '../report/columns.js';
import type { ShownCell, ShownRow, ShownTable } from '../report/present.js';
import type { Crossing } from '../report/thresholds.js';
import type { ResultatRow } from '../report/model.js';
import { formatFixed, SWEDISH, type NumberStyle } from './number.js';

export type Format = 'table' | 'csv' | 'json' | 'md' | 'html' | 'xlsx';
export const FORMATS: readonly Format[] = ['table', 'csv', 'json', 'md', 'html', 'xlsx'];

export type CsvDialect = 'sv' | 'en';
export const CSV_DIALECTS: readonly CsvDialect[] = ['sv', 'en'];

/** What a run adds to the shown tables. */
export interface DocumentMeta {
  unit: Unit;
  perspective: Perspective;
  rounding: RoundingMode;
  /** Unrounded values (`--exact`): no rounding rule and no rounding notes. */
  exact: boolean;
  /** The command line of the run, shown in the HTML report. */
  invocation?: string;
  /** `--avrundningsnoter`: one compact footnote per table (default), a line per column, or none. */
  roundingNotes?: RoundingNotes;
  /** `--rubrik`: the report's own heading, in every format (the HTML heading instead of "Avvikelserapport"). */
  rubrik?: string;
  /** `--organisation`: the organisation the report is for (a kommun, a nämnd), above the heading. */
  organisation?: string;
  /** `--layout rader`: the Verksamhetsanalys with two rows per code (Intäkt, Kostnad), as the published one. */
  layout?: Layout;
}

export const LAYOUTS = ['kolumner', 'rader'] as const;
/** The Verksamhetsanalys' layout: one row per code with four amount columns, or two rows (Intäkt, Kostnad). */
export type Layout = (typeof LAYOUTS)[number];

const EMPTY: SheetCell = { kind: 'empty' };

/**
 * A Verksamhetsanalys sheet with two rows per code, as published: Intäkt with its utfall and
 * budget, then Kostnad with its utfall and budget and the code's Nettoavvikelse (and comment)
 * on it, beneath; the Summa likewise. A sheet of another kind is returned as it is.
 */
function twoRows(s: Sheet, texts: Texts): Sheet {
  const at = (id: ColumnId) => s.columns.findIndex((c) => c.id === id);
  const [iu, ku, ib, kb, netto] = (['intakt_utfall', 'kostnad_utfall', 'intakt_budget', 'kostnad_budget', 'nettoavvikelse'] as const).map(
    at,
  );
  if ([iu, ku, ib, kb, netto].some((i) => i === undefined || i < 0)) return s;
  const comment = s.columns.findIndex((c) => c.kind === 'text');
  const column = (id: ColumnId): SheetColumn => ({ id, heading: texts.columns[id], kind: columnDef(id).kind, align: columnAlign(id) });
  const columns = [
    column('utfall'),
    column('budget'),
    column('nettoavvikelse'),
    ...(comment >= 0 ? [s.columns[comment] as SheetColumn] : []),
  ];
  const cell = (r: SheetRow, i: number | undefined) => (i === undefined ? EMPTY : (r.cells[i] ?? EMPTY));
  const typed = (r: SheetRow, type: string): Pick<SheetRow, 'namn' | 'label'> => ({
    namn: `${r.namn ?? r.label}: ${type}`,
    label: `${r.label}: ${type}`,
  });
  const rows = s.rows.flatMap((r): SheetRow[] => {
    const tail = comment >= 0 ? [cell(r, comment)] : [];
    return [
      {
        ...r,
        ...typed(r, texts.report.intakt),
        emphasis: r.emphasis === 'total' ? 'item' : r.emphasis,
        cells: [cell(r, iu), cell(r, ib), EMPTY, ...tail.map(() => EMPTY)],
      },
      { ...r, ...typed(r, texts.report.kostnad), cells: [cell(r, ku), cell(r, kb), cell(r, netto), ...tail] },
    ];
  });
  return { ...s, columns, rows, chart: null };
}

export const ROUNDING_NOTES = ['kort', 'full', 'av'] as const;
/** How the rounding differences under a table are told: `kort` one footnote naming the columns, `full` a line per column with the sums, `av` not at all. */
export type RoundingNotes = (typeof ROUNDING_NOTES)[number];

/** A cell: an amount or percentage with its tone (−1 worse than budget, 1 better, 0 neither), a text, or no value. */
export type SheetCell = { kind: 'amount' | 'percent'; value: Fixed; tone: -1 | 0 | 1 } | { kind: 'text'; text: string } | { kind: 'empty' };

export interface SheetRow {
  /** item: a row of the table; varav: part of another row, not summed; total: the Summa (last). */
  emphasis: 'item' | 'varav' | 'total';
  /** The row's key as the JSON contract gives it: its code, or its label id (`intakter`, `summa`). */
  id: string;
  /** The code as shown in a code column, or null (Resultat rows, the total row). */
  kod: string | null;
  /** The text of a name column: the name, the label of a labelled row or the total, or null. */
  namn: string | null;
  /** Code and name in one column: `51 Äldreomsorg`, `77`, `Intäkter`, `Summa`. */
  label: string;
  /** One cell per column of the sheet. */
  cells: SheetCell[];
}

export interface SheetColumn {
  id: ColumnId;
  heading: string;
  kind: 'amount' | 'deviation' | 'percent' | 'text';
  align: 'left' | 'right';
}

export interface Sheet {
  id: string;
  title: string;
  /** The dimension id of the rows' codes. */
  dimension: string;
  /** Heading of a single label column (the dimension's name, or "(tkr)"). */
  labelHeading: string;
  /** Headings of separate code and name columns. */
  codeHeading: string;
  nameHeading: string;
  columns: SheetColumn[];
  /** The rows, the total row last. */
  rows: SheetRow[];
  /**
   * Rounding differences between the rounded rows and the rounded Summa: by default one
   * compact note naming the columns, one line per column with `full`, none with `av`. A
   * renderer with footnotes (Markdown) marks the Summa row and writes them as its footnote.
   */
  notes: string[];
  /** The comment column's texts, by row label, for writers that show comments beneath the table. */
  comments: { label: string; text: string }[];
  /** The deviation column to chart, with its accessible label and caption; null without one. */
  chart: { column: number; label: string; caption: string } | null;
}

export interface Document {
  meta: { unit: Unit; perspective: Perspective; rounding: RoundingMode | 'exact' };
  /** The document's language tag (`sv`, `en`). */
  lang: string;
  /** The heading of a whole-document format: `--rubrik`, else the report name and the first title. */
  heading: string;
  /** `--rubrik` and `--organisation` as given (null when not): every format shows them above the tables. */
  banner: { rubrik: string | null; organisation: string | null };
  sheets: Sheet[];
  /** The sentence that states the perspective and the rounding rule. */
  rules: string;
  /** Fixed sentences and headings of a whole-document format. */
  prose: {
    madeBy: string;
    rulesHeading: string;
    signRule: string;
    runHeading: string;
    commentsHeading: string;
    /** The unit every amount is shown in. */
    unit: string;
    /** That each Summa is the exact total rounded once, not a sum of the rounded rows. */
    summaRule: string;
  };
  invocation: string;
}

/** How a renderer may vary besides the document: colour (terminal), the CSV dialect. */
export interface RenderStyle {
  /** Colour the table (only on a TTY and without NO_COLOR; decided by the CLI). */
  colour: boolean;
  csvDialect: CsvDialect;
  /** The terminal table's width to fit (shortened names, two-line headings); undefined: as wide as it needs (`--bred`, not a terminal). */
  width?: number;
}

/** What a renderer returns: text, or bytes for a binary format. */
export type Output = string | Uint8Array;
export type Renderer = (doc: Document, style: RenderStyle) => Output;

/**
 * For colouring: −1 when a deviation or percentage cell is worse than budget, 1 when better, 0 otherwise.
 * @example tone('avvikelse', { kind: 'amount', value: { value: -5n, decimals: 0 } }) // -1
 */
export function tone(column: ColumnId, cell: ShownCell | undefined): -1 | 0 | 1 {
  if (!SIGNED_COLUMNS.has(column) || !cell || cell.kind === 'text') return 0;
  return cell.value.value < 0n ? -1 : cell.value.value > 0n ? 1 : 0;
}

/** A shown cell as a sheet cell, with its tone. */
export function sheetCell(column: ColumnId, cell: ShownCell | undefined): SheetCell {
  if (!cell) return { kind: 'empty' };
  if (cell.kind === 'text') return { kind: 'text', text: cell.text };
  return { kind: cell.kind, value: cell.value, tone: tone(column, cell) };
}

/**
 * The characters of a cell: a number in `style` (percentages with `percentSuffix`), a text, or '' for no value.
 * @example cellText({ kind: 'percent', value: { value: -125n, decimals: 1 }, tone: -1 }, SWEDISH, ' %') // '−12,5 %'
 */
export function cellText(cell: SheetCell, style: NumberStyle, percentSuffix = ''): string {
  if (cell.kind === 'empty') return '';
  if (cell.kind === 'text') return cell.text;
  return formatFixed(cell.value, style) + (cell.kind === 'percent' ? percentSuffix : '');
}

/** The label of a row: code and name, or the code alone; the label text where the row has a label id. */
function rowLabel(row: Pick<ShownRow, 'kod' | 'namn' | 'label'> & { others?: number | null }, texts: Texts, dimension = ''): string {
  if (row.label !== null) return texts.label(row.label);
  if (row.others !== undefined && row.others !== null) return texts.report.others(row.others, dimension);
  return row.namn === null ? row.kod : `${row.kod} ${row.namn}`;
}

function sheetRow(r: ShownRow, table: ShownTable, texts: Texts): SheetRow {
  const label = rowLabel(r, texts, table.dimension);
  const labelled = r.label !== null || r.others !== null;
  return {
    emphasis: r.varav ? 'varav' : 'item',
    id: r.kod,
    kod: table.showCodes && !labelled ? r.kod : null,
    namn: labelled ? label : r.namn,
    label,
    cells: table.columns.map((c) => sheetCell(c, r.cells[c])),
  };
}

function sheet(t: ShownTable, texts: Texts, meta: DocumentMeta): Sheet {
  const summa = texts.label(t.summaLabel);
  const rows = t.rows.map((r) => sheetRow(r, t, texts));
  rows.push({
    emphasis: 'total',
    id: t.summaLabel,
    kod: null,
    namn: summa,
    label: summa,
    cells: t.columns.map((c) => sheetCell(c, t.summa[c])),
  });
  const format = (f: Fixed) => formatFixed(f, SWEDISH);
  const mode = meta.roundingNotes ?? 'kort';
  const differences = mode === 'av' ? [] : t.roundingDifferences;
  const notes =
    mode === 'full'
      ? differences.map((d) => texts.roundingNote(format(d.rowsSum), format(d.summa), texts.columns[d.column]))
      : differences.length > 0
        ? [texts.report.roundingFootnote(differences.map((d) => texts.columns[d.column]))]
        : [];
  const commentAt = t.columns.findIndex((c) => columnDef(c).kind === 'text');
  const comments: Sheet['comments'] = [];
  if (commentAt >= 0) {
    for (const r of rows) {
      const cell = r.cells[commentAt];
      if (r.emphasis !== 'total' && cell?.kind === 'text') comments.push({ label: r.label, text: cell.text });
    }
  }
  const charted = chartColumn(t.columns);
  const heading = charted === null ? '' : texts.columns[charted];
  return {
    id: t.id,
    title: texts.title(t.title),
    dimension: t.dimension,
    labelHeading: t.rowHeading === 'unit' ? `(${meta.unit})` : texts.dimension(t.dimension),
    codeHeading: texts.columns.kod,
    nameHeading: texts.columns.namn,
    columns: t.columns.map((id) => ({ id, heading: texts.columns[id], kind: columnDef(id).kind, align: columnAlign(id) })),
    rows,
    notes,
    comments,
    chart:
      charted === null
        ? null
        : { column: t.columns.indexOf(charted), label: `${heading}, ${meta.unit}`, caption: texts.html.chartCaption(heading, meta.unit) },
  };
}

/**
 * The document of a run: one sheet per shown table, in the user's language.
 * @example toDocument(presentReport(report.tables, display), texts('sv'), { unit: 'tkr', perspective: 'kostnad', rounding: 'half-away-from-zero', exact: false })
 */
export function toDocument(tables: ShownTable[], texts: Texts, meta: DocumentMeta): Document {
  const sheets = tables.map((t) => sheet(t, texts, meta)).map((s) => (meta.layout === 'rader' ? twoRows(s, texts) : s));
  const perspective = texts.perspective[meta.perspective];
  return {
    meta: { unit: meta.unit, perspective: meta.perspective, rounding: meta.exact ? 'exact' : meta.rounding },
    lang: texts.html.lang,
    heading: meta.rubrik ?? texts.html.heading(sheets[0]?.title ?? ''),
    banner: { rubrik: meta.rubrik ?? null, organisation: meta.organisation ?? null },
    sheets,
    rules: meta.exact ? perspective : `${perspective}; ${texts.rounding[meta.rounding]}`,
    prose: {
      madeBy: texts.html.madeBy,
      rulesHeading: texts.html.rules,
      signRule: texts.html.signRule,
      runHeading: texts.html.run,
      commentsHeading: texts.comments,
      unit: texts.html.unit(meta.unit),
      summaRule: texts.html.summaRule,
    },
    invocation: meta.invocation ?? '',
  };
}

/** The line that reports a `--fail-on` condition met by a cell (without the "fel:" label). */
export function crossingText(c: Crossing, texts: Texts): string {
  const row =
    c.kod === null
      ? texts.label(c.table.summaLabel)
      : rowLabel(c.table.rows.find((r) => r.kod === c.kod) ?? { kod: c.kod, namn: c.namn, label: null }, texts, c.table.dimension);
  return texts.thresholdCrossed(
    texts.title(c.table.title),
    row,
    texts.columns[c.threshold.column],
    cellText(sheetCell(c.threshold.column, c.cell), SWEDISH, ' %'),
    c.threshold.text,
  );
}

/** The shown tables with the name of each labelled row (the Resultat rows) filled in from its label, for matching published tables by name. */
export function withLabelNames<R extends { label?: ResultatRow | null; namn: string | null }, T extends { rows: R[] }>(
  tables: T[],
  texts: Texts,
): T[] {
  return tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) => (r.label === null || r.label === undefined ? r : { ...r, namn: texts.label(r.label) })),
  }));
}
