/**
 * The tables of an HTML page, for `verify`: a report page saved from the web holds its
 * published tables as `<table>`, several per page. Each table becomes records as the
 * Markdown source gives them: its first row marked as the start of a table
 * (`SourceRecord.table`), titled by its `<caption>` or the nearest heading (`<h1>`–`<h6>`)
 * above it, then its rows. A cell is its text: tags removed, entities decoded, white space
 * collapsed; a cell spanning columns (`colspan`) is followed by empty cells, so a group row
 * over sub-headings reads as in a CSV file. Each record is placed at the line of its `<tr>`.
 * Only verify reads HTML this way; as a ledger or any other input an HTML file is refused
 * (read/refusals.ts).
 */
import type { SourceRecord } from './source.js';

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  minus: '−',
  ndash: '–',
  mdash: '—',
  shy: '',
  aring: 'å',
  Aring: 'Å',
  auml: 'ä',
  Auml: 'Ä',
  ouml: 'ö',
  Ouml: 'Ö',
  eacute: 'é',
};

/** The text of an HTML fragment: tags removed, entities decoded, white space collapsed. */
export function htmlText(fragment: string): string {
  return fragment
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e] ?? m;
    })
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * The records of the tables in an HTML text.
 * @example htmlRecords('r.html', '<h2>Drift</h2><table><tr><th>A</th><th>B</th></tr><tr><td>x</td><td>1</td></tr></table>').map((r) => r.cells) // [['A', 'B'], ['x', '1']]
 */
export function htmlRecords(file: string, text: string): SourceRecord[] {
  const records: SourceRecord[] = [];
  // Line numbers by offset: the offsets asked for only grow, so one pass over the text.
  let lineAt = 0;
  let line = 1;
  const lineOf = (offset: number): number => {
    for (; lineAt < offset; lineAt++) if (text.charCodeAt(lineAt) === 10) line++;
    return line;
  };
  const tag = /<(\/?)(table|tr|td|th|caption|h[1-6])\b([^>]*)>/gi;
  let title = '';
  let inTable = 0;
  let first = false;
  let caption = '';
  let row: { line: number; cells: string[] } | null = null;
  let cell: { start: number; span: number } | null = null;
  let heading: number | null = null;
  let captionStart: number | null = null;
  const closeCell = (end: number) => {
    if (!cell || !row) return;
    row.cells.push(htmlText(text.slice(cell.start, end)));
    for (let k = 1; k < cell.span; k++) row.cells.push('');
    cell = null;
  };
  const closeRow = (end: number) => {
    closeCell(end);
    if (!row) return;
    const r = row;
    if (r.cells.some((c) => c !== '') || !first) {
      const rec: SourceRecord = {
        place: { file, line: r.line },
        cells: r.cells,
        at: (index, column, value) => ({ file, line: r.line, column, field: index + 1, value }),
      };
      if (first) rec.table = { title: caption || title };
      first = false;
      records.push(rec);
    }
    row = null;
  };
  let m: RegExpExecArray | null;
  while ((m = tag.exec(text)) !== null) {
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    const attrs = m[3] ?? '';
    if (name[0] === 'h' && name !== 'h') {
      if (!closing) heading = tag.lastIndex;
      else if (heading !== null) {
        if (inTable === 0) title = htmlText(text.slice(heading, m.index));
        heading = null;
      }
      continue;
    }
    if (name === 'caption') {
      if (!closing) captionStart = tag.lastIndex;
      else if (captionStart !== null) {
        caption = htmlText(text.slice(captionStart, m.index));
        captionStart = null;
      }
      continue;
    }
    if (name === 'table') {
      if (!closing) {
        inTable++;
        if (inTable === 1) {
          first = true;
          caption = '';
        }
      } else if (inTable > 0) {
        if (inTable === 1) closeRow(m.index);
        inTable--;
        if (inTable === 0) title = '';
      }
      continue;
    }
    if (inTable !== 1) continue;
    if (name === 'tr') {
      closeRow(m.index);
      if (!closing) row = { line: lineOf(m.index), cells: [] };
      continue;
    }
    // td / th
    closeCell(m.index);
    if (!closing) {
      if (!row) row = { line: lineOf(m.index), cells: [] };
      const span = /colspan\s*=\s*["']?(\d+)/i.exec(attrs);
      cell = { start: tag.lastIndex, span: span ? Math.min(Number(span[1]), 100) : 1 };
    }
  }
  return records;
}
