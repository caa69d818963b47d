/**
 * The terminal table: aligned columns (cli-table3), Swedish number format, deviations red
 * when negative and green when positive if colour is on, the Summa row last; under each
 * table its rounding differences and its comments (a terminal table with long text cells
 * is unreadable), and under all tables the perspective and rounding rule.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ShownCell, ShownTable } from '../report/present.js';
import { cellText, deviationSign, roundingNotes, rowLabel, rulesLine, type RenderContext } from './context.js';
import { formatFixed, SWEDISH } from './number.js';

const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '  ',
};

export function renderTable(tables: ShownTable[], ctx: RenderContext): string {
  const chalk = new Chalk({ level: ctx.colour ? 1 : 0 });
  const out: string[] = [];
  for (const t of tables) {
    const columns = t.columns.filter((c) => c !== 'kommentar');
    const table = new Table({
      chars: BORDERLESS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      colAligns: ['left', ...columns.map(() => 'right' as const)],
      head: [t.rowHeading ?? ctx.texts.dimension(t.dimension), ...columns.map((c) => ctx.texts.columns[c])],
    });
    const cells = (values: Partial<Record<string, ShownCell>>) =>
      columns.map((c) => {
        const text = cellText(values[c], SWEDISH, ' %');
        const sign = deviationSign(c, values[c]);
        return sign < 0 ? chalk.red(text) : sign > 0 ? chalk.green(text) : text;
      });
    for (const r of t.rows) table.push([rowLabel(r.kod, r.namn, t.showCodes), ...cells(r.cells)]);
    table.push([chalk.bold(t.summaLabel ?? ctx.texts.summa), ...cells(t.summa)]);
    out.push(chalk.bold(t.title), table.toString());
    for (const line of roundingNotes(t, ctx, (f) => formatFixed(f, SWEDISH))) out.push(chalk.dim(line));
    const commented = t.columns.includes('kommentar') ? t.rows.filter((r) => r.cells.kommentar) : [];
    if (commented.length > 0) {
      out.push('', chalk.bold(ctx.texts.comments));
      for (const r of commented) {
        const text = cellText(r.cells.kommentar, SWEDISH).split(/\r?\n/);
        out.push(`${chalk.bold(rowLabel(r.kod, r.namn))}: ${text[0] ?? ''}`, ...text.slice(1).map((l) => `  ${l}`));
      }
    }
    out.push('');
  }
  out.push(chalk.dim(rulesLine(ctx)));
  return `${out.join('\n')}\n`;
}
