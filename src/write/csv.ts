/**
 * CSV for Excel: by default the Swedish Excel dialect (`;`, decimal comma, UTF-8 BOM so
 * Excel reads å, ä, ö, CRLF, no grouping); `--csv-dialect en` gives `,` and decimal point.
 * Each table is a title line, a header line, its rows and the Summa row, followed by a
 * blank line. Empty cells mean "no value", never zero.
 */
import { stringify } from 'csv-stringify/sync';
import { cellText, type Document, type RenderStyle } from './document.js';
import { EXCEL_SV, PLAIN } from './number.js';

/** The document as CSV: code and name in two columns, every column of the sheet. */
export function renderCsv(doc: Document, style: RenderStyle): string {
  const sv = style.csvDialect === 'sv';
  const numbers = sv ? EXCEL_SV : PLAIN;
  const records: string[][] = [];
  doc.sheets.forEach((s, i) => {
    if (i > 0) records.push([]);
    records.push([s.title]);
    records.push([s.codeHeading, s.nameHeading, ...s.columns.map((c) => c.heading)]);
    for (const r of s.rows) records.push([r.kod ?? '', r.namn ?? '', ...r.cells.map((c) => cellText(c, numbers))]);
  });
  const body = stringify(records, { delimiter: sv ? ';' : ',', record_delimiter: sv ? 'windows' : 'unix' });
  return sv ? `\uFEFF${body}` : body;
}
