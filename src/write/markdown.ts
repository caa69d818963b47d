/**
 * Markdown pipe tables to paste into a report: a heading per table, Kod and Namn left,
 * amounts right-aligned in Swedish format, the Summa row last, rounding differences and
 * the perspective and rounding rule as text under the tables.
 */
import type { ShownTable } from '../report/present.js';
import { cellText, roundingNotes, rulesLine, type RenderContext } from './context.js';
import { formatFixed, SWEDISH } from './number.js';

const escapeCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** A pipe table whose columns from `rightFrom` on are right-aligned, except the text column `textAt`. */
function pipeTable(head: string[], rows: string[][], rightFrom: number, textAt: number): string[] {
  const widths = head.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = (i: number) => i >= rightFrom && i !== textAt;
  const pad = (cells: string[]) =>
    `| ${cells.map((c, i) => (right(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right(i) ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [pad(head), rule, ...rows.map(pad)];
}

export function renderMarkdown(tables: ShownTable[], ctx: RenderContext): string {
  const fmt = (f: Parameters<typeof formatFixed>[0]) => formatFixed(f, SWEDISH);
  const out: string[] = [];
  for (const t of tables) {
    const head = [ctx.texts.columns.kod, ctx.texts.columns.namn, ...t.columns.map((c) => ctx.texts.columns[c])];
    const cell = (c: (typeof t.columns)[number], values: typeof t.summa) => escapeCell(cellText(values[c], SWEDISH, ' %'));
    const rows = t.rows.map((r) => [escapeCell(t.showCodes ? r.kod : ''), escapeCell(r.namn ?? ''), ...t.columns.map((c) => cell(c, r.cells))]);
    rows.push(['', t.summaLabel ?? ctx.texts.summa, ...t.columns.map((c) => cell(c, t.summa))]);
    const textFrom = t.columns.indexOf('kommentar');
    out.push(`### ${t.title}`, '', ...pipeTable(head, rows, 2, textFrom < 0 ? -1 : textFrom + 2), '');
    const notes = roundingNotes(t, ctx, fmt);
    if (notes.length > 0) out.push(...notes.map((n) => `*${n}*`), '');
  }
  out.push(`*${rulesLine(ctx)}*`);
  return `${out.join('\n')}\n`;
}
