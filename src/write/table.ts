/**
 * The terminal table: aligned columns (cli-table3), Swedish number format, deviations red
 * when negative and green when positive if colour is on, the Summa row last; under each
 * table its rounding differences and its comments (a terminal table with long text cells
 * is unreadable), and under all tables the perspective and rounding rule.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
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
  for (const s of doc.sheets) {
    const shown = s.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== 'text');
    const table = new Table({
      chars: BORDERLESS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      colAligns: ['left', ...shown.map(({ c }) => c.align)],
      head: [s.labelHeading, ...shown.map(({ c }) => c.heading)],
    });
    const cells = (values: SheetCell[]) =>
      shown.map(({ i }) => {
        const cell = values[i] as SheetCell;
        const text = cellText(cell, SWEDISH, ' %');
        const tone = cell.kind === 'amount' || cell.kind === 'percent' ? cell.tone : 0;
        return tone < 0 ? chalk.red(text) : tone > 0 ? chalk.green(text) : text;
      });
    for (const r of s.rows) table.push([r.emphasis === 'total' ? chalk.bold(r.label) : r.label, ...cells(r.cells)]);
    out.push(chalk.bold(s.title), table.toString());
    for (const line of s.notes) out.push(chalk.dim(line));
    if (s.comments.length > 0) {
      out.push('', chalk.bold(doc.prose.commentsHeading));
      for (const c of s.comments) {
        const text = c.text.split(/\r?\n/);
        out.push(`${chalk.bold(c.label)}: ${text[0] ?? ''}`, ...text.slice(1).map((l) => `  ${l}`));
      }
    }
    out.push('');
  }
  out.push(chalk.dim(doc.rules));
  return `${out.join('\n')}\n`;
}
