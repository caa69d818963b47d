/**
 * Markdown pipe tables to paste into a report: a heading per table, Kod and Namn left,
 * amounts right-aligned in Swedish format, the Summa row last with the rounding differences
 * as its footnote, and the perspective and rounding rule as text under the tables.
 */
import { visible } from '../core/text.js';
import { cellText, type Document } from './document.js';
import { SWEDISH } from './number.js';

/** `&`, `<` and `>` as entities (raw HTML in a name is shown, never rendered), control characters `visible`. */
const escapeText = (s: string): string => visible(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));

/**
 * A cell's text as Markdown that stays one cell and shows the text as it is: `escapeText`,
 * `|` as `\|`, and every line break (CRLF, LF or a bare CR) as `<br>`.
 * @example escapeCell('<b>A|B</b>\rC') // '&lt;b&gt;A\\|B&lt;/b&gt;<br>C'
 */
export const escapeCell = (s: string): string =>
  s
    .split(/\r\n|\r|\n/)
    .map((line) => escapeText(line).replace(/\|/g, '\\|'))
    .join('<br>');

/** A pipe table, each column aligned as `align` says. */
function pipeTable(head: string[], rows: string[][], align: ('left' | 'right')[]): string[] {
  const widths = head.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = (i: number) => align[i] === 'right';
  const pad = (cells: string[]) =>
    `| ${cells.map((c, i) => (right(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right(i) ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [pad(head), rule, ...rows.map(pad)];
}

/** The document as Markdown: code and name in two columns, rounding notes a footnote of the Summa. */
export function renderMarkdown(doc: Document): string {
  const out: string[] = [];
  const { organisation, rubrik } = doc.banner;
  if (rubrik !== null) out.push(`# ${escapeText(rubrik)}`, '');
  if (organisation !== null) out.push(`**${escapeText(organisation)}**`, '');
  doc.sheets.forEach((s, i) => {
    const head = [s.codeHeading, s.nameHeading, ...s.columns.map((c) => c.heading)].map(escapeCell);
    // The rounding notes are a footnote of the Summa row.
    const mark = s.notes.length > 0 ? `[^avrundning-${i + 1}]` : '';
    const rows = s.rows.map((r) => [
      escapeCell(r.kod ?? ''),
      escapeCell(r.namn ?? '') + (r.emphasis === 'total' ? mark : ''),
      ...r.cells.map((c) => escapeCell(cellText(c, SWEDISH, ' %'))),
    ]);
    const align = ['left' as const, 'left' as const, ...s.columns.map((c) => c.align)];
    out.push(`### ${escapeText(s.title)}`, '', ...pipeTable(head, rows, align), '');
    if (s.notes.length > 0) out.push(`${mark}: ${s.notes.map(escapeText).join('\n    ')}`, '');
  });
  out.push(`*${escapeText(doc.rules)}*`);
  return `${out.join('\n')}\n`;
}
