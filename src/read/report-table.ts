/**
 * Reads report tables as they were published or exported, for `verify`, from whichever
 * record source reads the file (read/index.ts: CSV in any dialect the ledger reader
 * supports, Markdown pipe tables, and any format registered later). A file may hold several
 * tables. A format that marks its tables (Markdown: each pipe table, titled by the heading
 * above it) gives them as marked; otherwise a table starts at a header row (optionally after
 * a one-cell title line, else the header's first cell is the title). Each cell is kept as
 * text with its line and parsed once here into a number, an empty cell or text
 * (core/published.ts); what the numbers mean is decided in report/verify/.
 */
import { PUBLISHED_SCALE } from '../core/money.js';
import type { PublishedCell, PublishedRow, PublishedTable } from '../core/published.js';
import { AvvikelseError, type Place } from '../errors.js';
import { parseAmount } from './amount.js';
import { readRecords } from './index.js';
import { promises as fsp } from 'node:fs';
import { htmlRecords } from './html-tables.js';
import { isHtml } from './refusals.js';
import type { SourceRecord } from './source.js';

const DASHES = /^[-–−]$/;
/** A whole number of at most 15 digits, grouped in threes by a space or NBSP or not at all, with a hyphen minus: read as parseAmount reads it. */
const PLAIN_INTEGER = /^-?(?:[1-9]\d{0,2}(?: \d{3}){1,4}|[1-9]\d{0,2}(?:\u00a0\d{3}){1,4}|[1-9]\d{0,14})$|^0$/;
const SCALE = 10n ** BigInt(PUBLISHED_SCALE);

/**
 * The number a published cell holds, null for an empty cell, or 'text'. Decimals beyond
 * PUBLISHED_SCALE can only be zeros (anything else is not an amount at that scale), so a
 * cell counts as showing at most PUBLISHED_SCALE decimals.
 */
export function publishedNumber(text: string): PublishedCell {
  let t = text.trim();
  if (t === '') return null;
  // The commonest cell, a whole number (`1 234`, `-56`), without the general scanner.
  if (PLAIN_INTEGER.test(t)) return { value: BigInt(t.replace(/[ \u00a0]/g, '')) * SCALE, decimals: 0, percent: false };
  if (DASHES.test(t)) return { value: 0n, decimals: 0, percent: false };
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  // Footnote marks after the number: `1 234 1)`, `1 234*`, `1 234¹` (not the `)` of `(1 234)`).
  t = t.replace(/[*¹²³⁴⁵⁶⁷⁸⁹]+$/, '').trim();
  if (!t.includes('(')) t = t.replace(/\s+\d\)$/, '');
  t = t.replace(/\s*(mnkr|tkr|kr)\.?$/i, '');
  // A unit alone (`tkr`, `mnkr`) is a heading, not the number 0.
  if (t === '' || !/\d/.test(t)) return 'text';
  const value = parseAmount(t, 'auto', PUBLISHED_SCALE);
  if (typeof value !== 'bigint') return 'text';
  const m = /[,.](\d+)\)?\s*[-–−]?$/.exec(t);
  return { value, decimals: m ? Math.min((m[1] as string).length, PUBLISHED_SCALE) : 0, percent };
}

/** The line a published table shows for a place (a record format's record number, a sheet's row number). */
const lineOf = (place: Place): number => place.line ?? place.record ?? Number(/\d+$/.exec(place.cell ?? '')?.[0] ?? 0);

/** A row of a published table: its cells as written and as parsed. */
function row(r: SourceRecord, numbers: PublishedCell[] = r.cells.map(publishedNumber)): PublishedRow {
  return { line: lineOf(r.place), cells: r.cells, numbers };
}

/** Each record's cells parsed once, on first use (a record is looked at as a header candidate and as a row). */
function parsedCells(records: readonly SourceRecord[]): (i: number) => PublishedCell[] {
  const parsed: (PublishedCell[] | undefined)[] = new Array<PublishedCell[] | undefined>(records.length);
  return (i) => (parsed[i] ??= (records[i] as SourceRecord).cells.map(publishedNumber));
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
const filled = (cells: string[]) => cells.filter((c) => c.trim() !== '').length;
const isNumeric = (c: string) => {
  const n = publishedNumber(c);
  return n !== null && n !== 'text';
};

/** Words of column headings: a row of text inside a table is a new header only when it has some. */
const HEADING_WORDS =
  /budget|utfall|bokslut|prognos|avvik|differens|återstår|intäkt|kostnad|netto|helår|ack|period|delår|resultat|antal|(^|\D)(19|20)\d\d(\D|$)|jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|tkr|mnkr/i;

/**
 * A header: at least two filled cells, none of them a number (a year heading `2024` is a
 * heading), and a row with numbers soon after. Inside a table (`inTable`: a table is open
 * and no blank line came since its header) a row is a new header only when it has no
 * number at all (a data row of four-digit amounts is data; a row of years right under the
 * header is a second header row) and its cells hold heading words (a text-only data row
 * such as `Ej aktuellt` is data).
 */
function isHeader(
  records: readonly SourceRecord[],
  i: number,
  inTable = false,
  firstRow = false,
  numbersOf: (i: number) => PublishedCell[] = parsedCells(records),
): boolean {
  const cells = (records[i] as SourceRecord).cells;
  const numbers = numbersOf(i);
  const numeric = (k: number) => {
    const n = numbers[k];
    return n !== null && n !== undefined && n !== 'text';
  };
  if (filled(cells) < 2 || cells.some((c, k) => numeric(k) && !/^\d{4}$/.test(c.trim()))) return false;
  if (inTable) {
    // Right under a header, a row of years is a second header row (`;2023;2024` under a group row); further down, data.
    const years = firstRow && cells.slice(1).every((c) => c.trim() === '' || /^(19|20)\d{2}$/.test(c.trim()));
    if (!years && (cells.some((_, k) => numeric(k)) || !cells.slice(1).some((c) => HEADING_WORDS.test(c)))) return false;
  }
  for (let j = i + 1; j < Math.min(records.length, i + 6); j++) {
    const next = (records[j] as SourceRecord).cells;
    if (next.slice(1).some((c) => isNumeric(c) && !DASHES.test(c.trim()))) return true;
  }
  return false;
}

/**
 * The tables of a format that marks them: each marked record is a header, and the records
 * after it its rows. A first row of headings under it (no numbers, heading words) is a
 * second header row: the marked one is then a group row over it.
 */
function markedTables(file: string, records: readonly SourceRecord[]): PublishedTable[] {
  const tables: PublishedTable[] = [];
  let current: PublishedTable | null = null;
  for (const r of records) {
    if (r.table !== undefined) {
      current = { file, title: r.table.title, line: lineOf(r.place), header: r.cells.map((h) => h.trim()), rows: [] };
      tables.push(current);
    } else if (
      current &&
      current.rows.length === 0 &&
      filled(r.cells) >= 2 &&
      !r.cells.some(isNumeric) &&
      r.cells.slice(1).some((c) => HEADING_WORDS.test(c)) &&
      current.header.slice(1).some((h) => h === '')
    ) {
      current.header = mergedHeader(current.header, r.cells);
    } else if (current) current.rows.push(row(r));
  }
  return tables;
}

/**
 * Two header rows, a group row over sub-headings (`;Jan–aug;;Helår;` over
 * `Verksamhet;Budget;Utfall;Budget;Prognos`), as one: each group heading carried right over
 * the empty cells after it and put before the sub-heading (`Jan–aug Budget`).
 */
function mergedHeader(group: readonly string[], sub: readonly string[]): string[] {
  let carried = '';
  const width = Math.max(group.length, sub.length);
  return Array.from({ length: width }, (_, c) => {
    const g = (group[c] ?? '').trim();
    if (g !== '') carried = g;
    const h = (sub[c] ?? '').trim();
    if (c === 0) return h || g;
    return [carried, h].filter((x) => x !== '').join(' ');
  });
}

/** The tables among unmarked records: each starts at a header row, after an optional one-cell title line. */
function foundTables(file: string, records: readonly SourceRecord[]): PublishedTable[] {
  const tables: PublishedTable[] = [];
  let current: PublishedTable | null = null;
  let pendingTitle = '';
  let afterBlank = true;
  let previousWasHeader = false;
  let sheet: string | undefined;
  const numbersOf = parsedCells(records);
  records.forEach((r, i) => {
    if (r.place.sheet !== sheet) {
      // A workbook's next sheet: its tables are its own.
      sheet = r.place.sheet;
      current = null;
      pendingTitle = '';
      afterBlank = true;
      previousWasHeader = false;
    }
    const blank = isBlank(r.cells);
    const inTable = current !== null && !afterBlank && pendingTitle === ''; // a title line starts a new table
    if (!blank && isHeader(records, i, inTable, current !== null && current.rows.length === 0, numbersOf)) {
      if (previousWasHeader && current !== null && current.rows.length === 0) {
        // A group row over sub-headings: one header.
        current.header = mergedHeader(current.header, r.cells);
        previousWasHeader = false;
        return;
      }
      const first = (r.cells[0] ?? '').trim();
      current = {
        file,
        ...(sheet === undefined ? {} : { sheet }),
        title: pendingTitle || first,
        line: lineOf(r.place),
        header: r.cells.map((h) => h.trim()),
        rows: [],
      };
      tables.push(current);
      pendingTitle = '';
      afterBlank = false;
      previousWasHeader = true;
      return;
    }
    previousWasHeader = false;
    afterBlank = blank;
    if (
      filled(r.cells) === 1 &&
      (r.cells[0] ?? '').trim() !== '' &&
      i + 1 < records.length &&
      isHeader(records, i + 1, false, false, numbersOf)
    ) {
      pendingTitle = (r.cells[0] as string).trim();
      return;
    }
    if (current && !blank) current.rows.push(row(r, numbersOf(i)));
  });
  return tables;
}

/**
 * Splits a file's records into published tables: as the format marks them (`SourceRecord.table`), else by finding header rows.
 * @example tablesFromRecords('r.md', markdownRecords('r.md', '# Drift\n| A | B |\n|--|--|\n| x | 1 |\n'))[0]?.title // 'Drift'
 */
export function tablesFromRecords(file: string, records: readonly SourceRecord[]): PublishedTable[] {
  return records.some((r) => r.table !== undefined) ? markedTables(file, records) : foundTables(file, records);
}

/**
 * The records of the `<table>`s of an HTML page (a report page saved from the web), or null
 * when the file is no HTML page (by extension `.html`/`.htm`, or by its first bytes). Only
 * verify reads HTML; as any other input it is refused (read/refusals.ts).
 */
async function htmlPage(file: string): Promise<SourceRecord[] | null> {
  try {
    // A regular file only: a pipe is read once, by its record source.
    if (!(await fsp.stat(file)).isFile()) return null;
    if (!/\.html?$/i.test(file)) {
      const handle = await fsp.open(file, 'r');
      try {
        const head = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        if (!isHtml(head.subarray(0, bytesRead))) return null;
      } finally {
        await handle.close();
      }
    }
    const text = await fsp.readFile(file, 'utf8');
    return htmlRecords(file, text.replace(/^\uFEFF/, ''));
  } catch {
    return null; // the record source reports the file's error
  }
}

/** Reads every table in a file (on every visible sheet of a workbook), through the record source that reads it (CSV, Markdown, …). Throws TABLE_NOT_FOUND when there is none. */
export async function readReportTables(file: string): Promise<PublishedTable[]> {
  const tables = tablesFromRecords(file, (await htmlPage(file)) ?? (await readRecords(file, 'all')));
  if (tables.length === 0) throw new AvvikelseError('TABLE_NOT_FOUND', {}, { file });
  return tables;
}
