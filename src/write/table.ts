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

/** Characters a row label keeps at least when the table is fitted to a terminal. */
const MIN_LABEL = 12;

/** Compound headings without a space split after their first part: `Prognos-` / `avvikelse`. */
const COMPOUND = /^(Prognos|Netto|Forecast)(\p{L}{4,})$/u;

/**
 * A heading on two lines, split at the space nearest its middle (one line when it has no space).
 * @example twoLines('Prognos helår') // 'Prognos\nhelår'
 * @example twoLines('Prognosavvikelse') // 'Prognos-\navvikelse'
 */
export function twoLines(heading: string): string {
  let best = -1;
  for (let i = heading.indexOf(' '); i >= 0; i = heading.indexOf(' ', i + 1)) {
    if (best < 0 || Math.abs(i - heading.length / 2) < Math.abs(best - heading.length / 2)) best = i;
  }
  if (best >= 0) return `${heading.slice(0, best)}\n${heading.slice(best + 1)}`;
  const compound = COMPOUND.exec(heading);
  return compound ? `${compound[1]}-\n${compound[2]}` : heading;
}

/**
 * A line of prose wrapped at spaces to `width` characters (as it is without a width).
 * @example wrap('a b c', 3) // ['a b', 'c']
 */
export function wrap(text: string, width: number | undefined): string[] {
  if (width === undefined || text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/** A text cut to `width` characters with an ellipsis. */
const shorten = (text: string, width: number): string => (text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1))}…`);

/**
 * How one table fits `width` characters: its headings (on two lines when one line is too
 * wide) and the room for its row labels (names shortened with … when still too wide).
 * Without a width, or when it fits, the table is left as it is.
 */
export function fitTable(labels: string[], headings: string[], cells: string[][], width: number | undefined) {
  const wide = (texts: string[]) => Math.max(0, ...texts.flatMap((t) => t.split('\n').map((l) => l.length)));
  const total = (heads: string[], labelWidth: number) =>
    labelWidth + heads.reduce((sum, h, i) => sum + 2 + Math.max(wide([h]), wide(cells.map((r) => r[i] ?? ''))), 0);
  const labelWidth = wide(labels);
  if (width === undefined || total(headings, labelWidth) <= width) return { headings, labelWidth: null };
  const split = headings.map(twoLines);
  const over = total(split, labelWidth) - width;
  return { headings: split, labelWidth: over > 0 ? Math.max(MIN_LABEL, labelWidth - over) : null };
}

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
    const fit = fitTable(
      [s.labelHeading, ...s.rows.map((r) => r.label)].map(visible),
      shown.map(({ c }) => visible(c.heading)),
      s.rows.map((r) => shown.map(({ i }) => cellText(r.cells[i] as SheetCell, SWEDISH, ' %'))),
      style.width,
    );
    const fitLabel = (label: string) => (fit.labelWidth === null ? label : shorten(label, fit.labelWidth));
    const table = new Table({
      chars: BORDERLESS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      colAligns: ['left', ...shown.map(({ c }) => c.align)],
      head: [fitLabel(visible(s.labelHeading)), ...fit.headings],
    });
    const cells = (values: SheetCell[]) =>
      shown.map(({ i }) => {
        const cell = values[i] as SheetCell;
        const text = cellText(cell, SWEDISH, ' %');
        const tone = cell.kind === 'amount' || cell.kind === 'percent' ? cell.tone : 0;
        return tone < 0 ? chalk.red(text) : tone > 0 ? chalk.green(text) : text;
      });
    for (const r of s.rows) {
      const label = fitLabel(visible(r.label));
      table.push([r.emphasis === 'total' ? chalk.bold(label) : label, ...cells(r.cells)]);
    }
    out.push(chalk.bold(visible(s.title)), table.toString());
    for (const line of s.notes) out.push(...wrap(visible(line), style.width).map((l) => chalk.dim(l)));
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
  out.push(...wrap(visible(doc.rules), style.width).map((l) => chalk.dim(l)));
  return `${out.join('\n')}\n`;
}
