/**
 * CSV for Excel: by default the Swedish Excel dialect (`;`, decimal comma, UTF-8 BOM so
 * Excel reads å, ä, ö, CRLF, no grouping); `--csv-dialect en` gives `,` and decimal point.
 * Each table is a title line, a header line, its rows and the Summa row, followed by a
 * blank line. Empty cells mean "no value", never zero.
 */
import { stringify } from 'csv-stringify/sync';
import type { ShownTable } from '../report/present.js';
import { cellText, type RenderContext } from './context.js';
import { EXCEL_SV, PLAIN } from './number.js';

export function renderCsv(tables: ShownTable[], ctx: RenderContext): string {
  const sv = ctx.csvDialect === 'sv';
  const style = sv ? EXCEL_SV : PLAIN;
  const records: string[][] = [];
  tables.forEach((t, i) => {
    if (i > 0) records.push([]);
    records.push([t.title]);
    records.push([ctx.texts.columns.kod, ctx.texts.columns.namn, ...t.columns.map((c) => ctx.texts.columns[c])]);
    for (const r of t.rows) records.push([t.showCodes ? r.kod : '', r.namn ?? '', ...t.columns.map((c) => cellText(r.cells[c], style))]);
    records.push(['', t.summaLabel ?? ctx.texts.summa, ...t.columns.map((c) => cellText(t.summa[c], style))]);
  });
  const body = stringify(records, { delimiter: sv ? ';' : ',', record_delimiter: sv ? 'windows' : 'unix' });
  return sv ? `\uFEFF${body}` : body;
}
