/** What every renderer needs besides the shown tables, and the small helpers they share. */
import type { Fixed, Unit } from '../core/money.js';
import type { RoundingMode } from '../rules/rounding.js';
import type { Texts } from '../i18n/messages.js';
import { SIGNED_COLUMNS, type ColumnId } from '../report/columns.js';
import { type Perspective } from '../rules/sign.js';
import type { ShownCell, ShownTable } from '../report/present.js';
import { formatFixed, type NumberStyle } from './number.js';

export type Format = 'table' | 'csv' | 'json' | 'md' | 'html';
export const FORMATS: readonly Format[] = ['table', 'csv', 'json', 'md', 'html'];

export type CsvDialect = 'sv' | 'en';
export const CSV_DIALECTS: readonly CsvDialect[] = ['sv', 'en'];

export interface RenderContext {
  texts: Texts;
  unit: Unit;
  perspective: Perspective;
  rounding: RoundingMode;
  exact: boolean;
  /** Colour the table (only on a TTY and without NO_COLOR; decided by the CLI). */
  colour: boolean;
  csvDialect: CsvDialect;
  /** The command line of the run, shown in the HTML report. */
  invocation?: string;
}

export type Renderer = (tables: ShownTable[], ctx: RenderContext) => string;

/** For colouring: −1 when a deviation cell is worse than budget, 1 when better, 0 otherwise. */
export function deviationSign(column: ColumnId, cell: ShownCell | undefined): -1 | 0 | 1 {
  if (!SIGNED_COLUMNS.has(column) || !cell || cell.kind === 'text') return 0;
  return cell.value.value < 0n ? -1 : cell.value.value > 0n ? 1 : 0;
}

/** The label of a row: code and name, or the code alone (the name alone where codes are ids). */
export function rowLabel(kod: string, namn: string | null, showCodes = true): string {
  if (!showCodes) return namn ?? kod;
  return namn === null ? kod : `${kod} ${namn}`;
}

/** The characters of a cell: a number in `style` (percentages with `percentSuffix`), a text, or '' for no value. */
export function cellText(cell: ShownCell | undefined, style: NumberStyle, percentSuffix = ''): string {
  if (!cell) return '';
  if (cell.kind === 'text') return cell.text;
  return formatFixed(cell.value, style) + (cell.kind === 'percent' ? percentSuffix : '');
}

/** One line per column whose rounded rows do not add up to the rounded Summa. */
export function roundingNotes(table: ShownTable, ctx: RenderContext, format: (f: Fixed) => string): string[] {
  return table.roundingDifferences.map((d) =>
    ctx.texts.roundingNote(format(d.rowsSum), format(d.summa), ctx.texts.columns[d.column]),
  );
}

/** The line that states the report's perspective and rounding rule. */
export function rulesLine(ctx: RenderContext): string {
  const perspective = ctx.texts.perspective[ctx.perspective];
  return ctx.exact ? perspective : `${perspective}; ${ctx.texts.rounding[ctx.rounding]}`;
}
