/**
 * The terminal table: aligned columns (cli-table3), Swedish number format, deviations red
 * when negative and green when positive if colour is on, the Summa row last; under each
 * table its rounding differences and its comments (a terminal table with long text cells
 * is unreadable), and under all tables the perspective and rounding rule. Every text is
 * passed through `visible`, so no control character from the data reaches the terminal.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { visible } from '../core/text.js';
import { cellText, type Document, type RenderStyle, type SheetCell } from './document.js';
import { SWEDISH } from './number.js';

const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

/** The document as terminal text: one label column, text columns shown as comments beneath. */
export function renderTable(doc: Document, style: RenderStyle): string {
  const chalk = new Chalk({ level: style.colour ? 1 : 0 });
  const out: string[] = [];
  const { organisation, rubrik } = doc.banner;
  if (organisation !== null) out.push(visible(organisation));
  if (rubrik !== null) out.push(chalk.bold(visible(rubrik)));
  if (organisation !== null || rubrik !== null) out.push('');
  for (const s of doc.sheets) {
    const shown = s.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== 'text');
    const table = new Table({
      chars: BORDERLESS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      colAligns: ['left', ...shown.map(({ c }) => c.align)],
      head: [visible(s.labelHeading), ...shown.map(({ c }) => visible(c.heading))],
    });
    const cells = (values: SheetCell[]) =>
      shown.map(({ i }) => {
        const cell = values[i] as SheetCell;
        const text = cellText(cell, SWEDISH, ' %');
        const tone = cell.kind === 'amount' || cell.kind === 'percent' ? cell.tone : 0;
        return tone < 0 ? chalk.red(text) : tone > 0 ? chalk.green(text) : text;
      });
    for (const r of s.rows) {
      const label = visible(r.label);
      table.push([r.emphasis === 'total' ? chalk.bold(label) : label, ...cells(r.cells)]);
    }
    out.push(chalk.bold(visible(s.title)), table.toString());
    for (const line of s.notes) out.push(chalk.dim(visible(line)));
    if (s.comments.length > 0) {
      out.push('', chalk.bold(visible(doc.prose.commentsHeading)));
      for (const c of s.comments) {
        // A line break (CRLF or LF) starts an indented line; a bare CR is shown as `\r`.
        const text = c.text.split(/\r?\n/).map(visible);
        out.push(`${chalk.bold(visible(c.label))}: ${text[0] ?? ''}`, ...text.slice(1).map((l) => `  ${l}`));
      }
    }
    out.push('');
  }
  out.push(chalk.dim(visible(doc.rules)));
  return `${out.join('\n')}\n`;
}
