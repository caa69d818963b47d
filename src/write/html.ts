/**
 * A standalone HTML report: every table of the run, a chart of the deviation per row, the
 * sign and rounding rules, and the command that made it. One file with its styles inline —
 * no scripts, fonts or anything fetched from a network — that prints on A4.
 *
 * The chart is an SVG with one bar per row: underskott (negative) to the left of the axis in
 * red, överskott to the right in green, each labelled with its value in the report's unit.
 * Bar lengths are proportional to the shown values, scaled with integer arithmetic.
 */
import type { Fixed } from '../core/money.js';
import { cellText, type Document, type Sheet, type SheetCell } from './document.js';
import { formatFixed, SWEDISH } from './number.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
:root { color-scheme: light; --neg: #b3261e; --pos: #1b6e3a; --rule: #c8c8c8; --muted: #555; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 10.5pt; line-height: 1.35; color: #111; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; font-weight: 600; border-bottom: 2px solid #333; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
td.neg { color: var(--neg); } td.pos { color: var(--pos); }
td.text { white-space: pre-line; min-width: 12rem; }
tr.summa td { font-weight: 700; border-top: 2px solid #333; border-bottom: none; }
tr.varav td:first-child { padding-left: 1.5rem; font-style: italic; }
p.note, .meta, figcaption { color: var(--muted); font-size: .9em; }
p.org { margin: 0; font-weight: 600; }
figure { margin: 1rem 0 0; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; font-size: 11px; fill: #111; }
svg .bar.neg { fill: var(--neg); } svg .bar.pos { fill: var(--pos); } svg .axis { stroke: #333; stroke-width: 1; }
pre { white-space: pre-wrap; word-break: break-all; background: #f4f4f4; padding: .5rem; font-size: .85em; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  section.report-table { break-inside: auto; }
  tr, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;

const LABEL_WIDTH = 320;
/** Characters of a row label in the chart before it is shortened with an ellipsis. */
const LABEL_CHARS = 48;
const CHART_WIDTH = 420;
const ROW_HEIGHT = 22;
const HALF = (CHART_WIDTH - 120) / 2; // room for value labels on both sides

const shorten = (s: string): string => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

function chart(s: Sheet, chosen: NonNullable<Sheet['chart']>, unit: string): string {
  const items = s.rows.filter((r) => r.emphasis !== 'total');
  const values = items.map((r) => {
    const cell = r.cells[chosen.column];
    return cell && (cell.kind === 'amount' || cell.kind === 'percent') ? cell.value : null;
  });
  const abs = (f: Fixed | null) => (f === null ? 0n : f.value < 0n ? -f.value : f.value);
  const max = values.reduce((m, v) => (abs(v) > m ? abs(v) : m), 0n);
  const axis = LABEL_WIDTH + CHART_WIDTH / 2;
  const height = items.length * ROW_HEIGHT + 8;
  const bars = items.map((r, i) => {
    const v = values[i] ?? null;
    const length = max === 0n ? 0 : Number((abs(v) * BigInt(HALF)) / max);
    const negative = v !== null && v.value < 0n;
    const y = 4 + i * ROW_HEIGHT;
    const x = negative ? axis - length : axis;
    const label = v === null ? '' : `${formatFixed(v, SWEDISH)} ${unit}`;
    const textX = negative ? x - 4 : axis + length + 4;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${esc(shorten(r.label))}</text>`,
      `<rect class="bar ${negative ? 'neg' : 'pos'}" x="${x}" y="${y + 3}" width="${length}" height="${ROW_HEIGHT - 6}"><title>${esc(label)}</title></rect>`,
      label ? `<text x="${textX}" y="${y + 15}" text-anchor="${negative ? 'end' : 'start'}">${esc(label)}</text>` : '',
    ].join('');
  });
  const width = LABEL_WIDTH + CHART_WIDTH;
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(chosen.label)}">${bars.join('')}<line class="axis" x1="${axis}" y1="0" x2="${axis}" y2="${height}"/></svg><figcaption>${esc(chosen.caption)}</figcaption></figure>`;
}

function cell(value: SheetCell): string {
  if (value.kind === 'text') return `<td class="text">${esc(value.text)}</td>`;
  const tone = value.kind === 'empty' ? 0 : value.tone;
  const sign = tone < 0 ? ' neg' : tone > 0 ? ' pos' : '';
  return `<td class="num${sign}">${esc(cellText(value, SWEDISH, ' %'))}</td>`;
}

function table(s: Sheet, unit: string): string {
  const head = `<tr><th>${esc(s.labelHeading)}</th>${s.columns
    .map((c) => `<th class="${c.align === 'right' ? 'num' : ''}">${esc(c.heading)}</th>`)
    .join('')}</tr>`;
  const row = (r: Sheet['rows'][number]) => `<td>${esc(r.label)}</td>${r.cells.map(cell).join('')}`;
  const rows = s.rows
    .filter((r) => r.emphasis !== 'total')
    .map((r) => `<tr${r.emphasis === 'varav' ? ' class="varav"' : ''}>${row(r)}</tr>`)
    .join('\n');
  const summa = s.rows
    .filter((r) => r.emphasis === 'total')
    .map((r) => `<tr class="summa">${row(r)}</tr>`)
    .join('');
  const notes = s.notes.map((n) => `<p class="note">${esc(n)}</p>`);
  return [
    `<section class="report-table"><h2>${esc(s.title)}</h2>`,
    `<table><thead>${head}</thead><tbody>\n${rows}\n</tbody><tfoot>${summa}</tfoot></table>`,
    ...notes,
    s.chart ? chart(s, s.chart, unit) : '',
    '</section>',
  ].join('\n');
}

/** The document as one standalone HTML page. */
export function renderHtml(doc: Document): string {
  const title = doc.heading;
  const organisation = doc.banner.organisation;
  const pageTitle = organisation === null ? title : `${organisation}: ${title}`;
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(pageTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>${organisation === null ? '' : `<p class="org">${esc(organisation)}</p>`}<h1>${esc(title)}</h1><p class="meta">${esc(doc.prose.madeBy)}</p></header>
${doc.sheets.map((s) => table(s, doc.meta.unit)).join('\n')}
<section class="rules"><h2>${esc(doc.prose.rulesHeading)}</h2><p>${esc(doc.rules)}</p><p>${esc(doc.prose.signRule)}</p></section>
<section class="run"><h2>${esc(doc.prose.runHeading)}</h2><pre>${esc(doc.invocation)}</pre></section>
</body>
</html>
`;
}
