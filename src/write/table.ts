/**
 * The terminal table: aligned columns (cli-table3), Swedish number format, negative
 * deviations red and positive green when colour is on, the Summa row last, and under each
 * table the rounding differences; under all tables the perspective and rounding rule.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ShownTable } from '../report/present.js';
import { roundingNotes, rowLabel, rulesLine, type RenderContext } from './context.js';
import { formatFixed, SWEDISH } from './number.js';
import type { Fixed } from '../data/money.js';

const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '  ',
};

export function renderTable(tables: ShownTable[], ctx: RenderContext): string {
  const chalk = new Chalk({ level: ctx.colour ? 1 : 0 });
  const fmt = (f: Fixed) => formatFixed(f, SWEDISH);
  const deviation = (f: Fixed) => {
    const s = fmt(f);
    return f.value < 0n ? chalk.red(s) : f.value > 0n ? chalk.green(s) : s;
  };
  const out: string[] = [];
  for (const t of tables) {
    const table = new Table({
      chars: BORDERLESS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      colAligns: ['left', ...t.columns.map(() => 'right' as const)],
      head: [ctx.texts.dimension(t.dimension), ...t.columns.map((c) => ctx.texts.columns[c])],
    });
    const cells = (values: ShownTable['summa']) =>
      t.columns.map((c) => (c === 'avvikelse' ? deviation(values[c]) : fmt(values[c])));
    for (const r of t.rows) table.push([rowLabel(r.kod, r.namn), ...cells(r.values)]);
    table.push([chalk.bold(ctx.texts.summa), ...cells(t.summa)]);
    out.push(chalk.bold(t.title), table.toString());
    for (const line of roundingNotes(t, ctx, fmt)) out.push(chalk.dim(line));
    out.push('');
  }
  out.push(chalk.dim(rulesLine(ctx)));
  return `${out.join('\n')}\n`;
}
