/**
 * The Markdown source: pipe tables, as reports are published in wikis and READMEs, read as
 * records for `verify` (and for any small file given as Markdown). Each pipe table is a
 * table: its header row is a record marked as the start of a table (`SourceRecord.table`),
 * titled by the nearest heading (or bold line) above it, and each of its rows follows as a
 * record (a row of empty cells included, as CSV keeps `;;`). Everything outside the tables
 * is left out. `\|` is a literal bar in a cell, `<br>` a line break, and `&amp;`, `&lt;` and
 * `&gt;` are `&`, `<` and `>` (as avvikelse writes them). Places are
 * `file:line`, a cell by its 1-based number.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import type { Place } from '../errors.js';
import { lineExcerpt } from './excerpt.js';
import { fileError } from './files.js';
import { LineRecord } from './line-record.js';
import type { RecordSource, SourceRecord } from './source.js';

/** The entities avvikelse's Markdown writes (`&` last, so `&amp;lt;` stays `&lt;`). */
const unescapeEntities = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Splits a Markdown pipe-table line into cells (`\|` is a literal bar; one space of padding is removed). */
function pipeCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // Without a `\|`, the cells are what lies between the bars.
  const cells: string[] = body.includes('\\|') ? [] : body.split('|');
  if (cells.length > 0) return cells.map(cellText);
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
  return cells.map(cellText);
}

/** A cell's text: one space of padding removed, `<br>` a line break, entities unescaped. */
const cellText = (c: string): string => unescapeEntities(c.replace(/^ /, '').replace(/\s+$/, '').replace(/<br>/g, '\n'));

/** The row under a Markdown table's header: `|:--|--:|`. */
const ALIGNMENT_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** A line of a pipe table: it has a bar (a leading one is optional, as GitHub renders `a | b`). */
const isPipeLine = (line: string): boolean => line.trim() !== '' && line.includes('|');

/** Whether lines[i] is the header row of a pipe table (a pipe line with an alignment row under it). */
const isTableHeader = (lines: readonly string[], i: number): boolean => {
  const next = lines[i + 1] ?? '';
  return isPipeLine(lines[i] as string) && ALIGNMENT_ROW.test(next) && next.includes('|') === true && /-/.test(next);
};

/**
 * The records of the pipe tables in a Markdown text: each header row marked with its table's
 * title, then the table's rows, each placed at its 1-based line.
 * @example markdownRecords('r.md', '# Drift\n| A | B |\n|--|--|\n| x | 1 |\n').map((r) => [r.place.line, r.cells, r.table]) // [[2, ['A', 'B'], { title: 'Drift' }], [4, ['x', '1'], undefined]]
 */
export function markdownRecords(file: string, text: string): SourceRecord[] {
  const lines = text.split(/\r?\n/);
  const records: SourceRecord[] = [];
  const record = (i: number, table?: { title: string }): SourceRecord => {
    const r = new LineRecord(file, i + 1, pipeCells(lines[i] as string));
    if (table) r.table = table;
    return r;
  };
  let title = '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line) ?? /^\s*\*\*(.+)\*\*\s*$/.exec(line);
    if (heading) title = unescapeEntities(heading[1] as string);
    if (isTableHeader(lines, i)) {
      records.push(record(i, { title }));
      i += 2;
      while (i < lines.length && isPipeLine(lines[i] as string)) records.push(record(i++));
      title = '';
      continue;
    }
    i++;
  }
  return records;
}

/** Every record of the pipe tables of a Markdown file (UTF-8). Throws FILE_NOT_FOUND / FILE_UNREADABLE. */
async function readMarkdown(file: string): Promise<SourceRecord[]> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (e) {
    throw fileError(e, file);
  }
  return markdownRecords(file, text.replace(/^\uFEFF/, ''));
}

/** Markdown sniffs as a text whose first 64 KiB hold a pipe table (a pipe line over an alignment row). */
function holdsPipeTable(sample: Uint8Array): boolean {
  if (sample.indexOf(0) >= 0) return false;
  const lines = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('utf8').split(/\r?\n/);
  for (let i = 0; i + 1 < lines.length; i++) if (isTableHeader(lines, i)) return true;
  return false;
}

/** Where each cell of a pipe-table line starts (after its bar and one space of padding). */
function cellStarts(text: string): number[] {
  const starts: number[] = [];
  // After the leading bar, or at the first character when the row has none.
  let i = text.trimStart().startsWith('|') ? text.indexOf('|') + 1 : text.length - text.trimStart().length;
  starts.push(i);
  for (; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '|') i++;
    else if (text[i] === '|') starts.push(i + 1);
  }
  return starts.map((s) => (text[s] === ' ' ? s + 1 : s));
}

/** The line of a Markdown file under an error at `place`, with a caret under the cell's text when the place names a cell. */
function markdownExcerpt(place: Place): string[] {
  const { file, line, field, value } = place;
  if (line === undefined) return [];
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[line - 1];
  } catch {
    return [];
  }
  if (text === undefined) return [];
  const at = field === undefined ? undefined : cellStarts(text)[field - 1];
  if (at === undefined) return lineExcerpt(line, text);
  const inner = value === undefined || value === '' ? -1 : text.indexOf(value, at);
  return lineExcerpt(line, text, inner >= 0 ? inner : at, value?.length ?? 1);
}

/** The Markdown source (records: published tables and small files). */
export const markdownSource: RecordSource = {
  format: 'markdown',
  extensions: ['.md', '.markdown'],
  sniff: holdsPipeTable,
  records: readMarkdown,
  excerpt: markdownExcerpt,
};
