/**
 * Reads report tables as they were published or exported — a CSV (any dialect the ledger
 * reader supports) or Markdown pipe tables — for `verify`. A file may hold several tables:
 * in CSV a table starts at a header row (optionally after a one-cell title line, else the
 * header's first cell is the title); in Markdown each pipe table is a table and the heading
 * above it its title. Each cell is kept as text with its line and parsed once here into a
 * number, an empty cell or text (core/published.ts); what the numbers mean is decided in
 * report/verify/.
 */
import { promises as fsp } from 'node:fs';
import { PUBLISHED_SCALE } from '../core/money.js';
import type { PublishedCell, PublishedRow, PublishedTable } from '../core/published.js';
import { AvvikelseError } from '../errors.js';
import { parseAmount } from './amount.js';
import { fileError } from './files.js';
import { readSmallCsv, type NumberedRecord } from './csv/records.js';

const DASHES = /^[-–−]$/;

/**
 * The number a published cell holds, null for an empty cell, or 'text'. Decimals beyond
 * PUBLISHED_SCALE can only be zeros (anything else is not an amount at that scale), so a
 * cell counts as showing at most PUBLISHED_SCALE decimals.
 */
export function publishedNumber(text: string): PublishedCell {
  let t = text.trim();
  if (t === '') return null;
  if (DASHES.test(t)) return { value: 0n, decimals: 0, percent: false };
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  t = t.replace(/\s*(mnkr|tkr|kr)\.?$/i, '');
  const value = parseAmount(t, 'auto', PUBLISHED_SCALE);
  if (typeof value !== 'bigint') return 'text';
  const m = /[,.](\d+)\)?\s*[-–−]?$/.exec(t);
  return { value, decimals: m ? Math.min((m[1] as string).length, PUBLISHED_SCALE) : 0, percent };
}

/** A row of a published table: its cells as written and as parsed. */
function row(line: number, cells: string[]): PublishedRow {
  return { line, cells, numbers: cells.map(publishedNumber) };
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
const filled = (cells: string[]) => cells.filter((c) => c.trim() !== '').length;
const isNumeric = (c: string) => {
  const n = publishedNumber(c);
  return n !== null && n !== 'text';
};

/** A header: at least two filled cells, none of them a number, and a row with numbers soon after. */
function isHeader(records: NumberedRecord[], i: number): boolean {
  const cells = (records[i] as NumberedRecord).fields;
  if (filled(cells) < 2 || cells.some((c) => c.trim() !== '' && isNumeric(c) && !/^\d{4}$/.test(c.trim()))) return false;
  for (let j = i + 1; j < Math.min(records.length, i + 6); j++) {
    const next = (records[j] as NumberedRecord).fields;
    if (next.slice(1).some((c) => isNumeric(c) && !DASHES.test(c.trim()))) return true;
  }
  return false;
}

/** Splits CSV records into tables. */
export function tablesFromRecords(file: string, records: NumberedRecord[]): PublishedTable[] {
  const tables: PublishedTable[] = [];
  let current: PublishedTable | null = null;
  let pendingTitle = '';
  records.forEach((r, i) => {
    if (isHeader(records, i)) {
      const first = (r.fields[0] ?? '').trim();
      current = { file, title: pendingTitle || first, line: r.line, header: r.fields.map((h) => h.trim()), rows: [] };
      tables.push(current);
      pendingTitle = '';
      return;
    }
    if (filled(r.fields) === 1 && (r.fields[0] ?? '').trim() !== '' && i + 1 < records.length && isHeader(records, i + 1)) {
      pendingTitle = (r.fields[0] as string).trim();
      return;
    }
    if (current && !isBlank(r.fields)) current.rows.push(row(r.line, r.fields));
  });
  return tables;
}

/** Splits a Markdown pipe-table line into cells (`\|` is a literal bar; one space of padding is removed). */
function pipeCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cur);
      cur = '';
    } else cur += body[i];
  }
  cells.push(cur);
  return cells.map((c) => c.replace(/^ /, '').replace(/\s+$/, '').replace(/<br>/g, '\n'));
}

/** The row under a Markdown table's header: `|:--|--:|`. */
const ALIGNMENT_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Markdown: every pipe table, titled by the nearest heading (or bold/emphasised line) above it. */
export function tablesFromMarkdown(file: string, text: string): PublishedTable[] {
  const lines = text.split(/\r?\n/);
  const tables: PublishedTable[] = [];
  let title = '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line) ?? /^\s*\*\*(.+)\*\*\s*$/.exec(line);
    if (heading) title = heading[1] as string;
    if (line.trim().startsWith('|') && ALIGNMENT_ROW.test(lines[i + 1] ?? '')) {
      const table: PublishedTable = { file, title, line: i + 1, header: pipeCells(line).map((h) => h.trim()), rows: [] };
      i += 2;
      while (i < lines.length && (lines[i] as string).trim().startsWith('|')) {
        table.rows.push(row(i + 1, pipeCells(lines[i] as string)));
        i++;
      }
      tables.push(table);
      title = '';
      continue;
    }
    i++;
  }
  return tables;
}

/** Reads every table in a CSV or Markdown file (by extension: `.md`/`.markdown`, else CSV). */
export async function readReportTables(file: string): Promise<PublishedTable[]> {
  let tables: PublishedTable[];
  if (/\.(md|markdown)$/i.test(file)) {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (e) {
      throw fileError(e, file);
    }
    tables = tablesFromMarkdown(file, text.replace(/^\uFEFF/, ''));
  } else {
    tables = tablesFromRecords(file, await readSmallCsv(file));
  }
  if (tables.length === 0) throw new AvvikelseError('TABLE_NOT_FOUND', {}, { file });
  return tables;
}
