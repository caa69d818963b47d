/**
 * CSV for Excel: by default the Swedish Excel dialect (`;`, decimal comma, UTF-8 BOM so
 * Excel reads å, ä, ö, CRLF, no grouping); `--csv-dialect en` gives `,` and decimal point.
 * Each table is a title line, a header line, its rows and the Summa row, followed by a
 * blank line. Empty cells mean "no value", never zero.
 *
 * Two rules keep a cell one inert cell in Excel, whatever the data holds:
 * - a field with a CR or LF anywhere is quoted (a bare CR or LF would end the row in Excel,
 *   whichever record delimiter the dialect uses);
 * - a text cell (title, heading, code, name, comment) that starts with `=`, `+`, `-`, `@`, TAB
 *   or CR is a formula to Excel: it gets a leading `'` and is quoted (OWASP's rule for CSV
 *   injection). Numeric cells are never touched, so a negative amount stays a number.
 */
import { stringify } from 'csv-stringify/sync';
import { cellText, type Document, type RenderStyle, type SheetCell } from './document.js';
import { EXCEL_SV, PLAIN, type NumberStyle } from './number.js';

/** What Excel (and LibreOffice, Google Sheets) read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that Excel can never take for a formula: `'` before a formula's first character.
 * @example inertText('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 * @example inertText('Äldreomsorg') // 'Äldreomsorg'
 */
export function inertText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** A cell's field: numbers as the dialect writes them, text made inert. */
function field(c: SheetCell, numbers: NumberStyle): string {
  return c.kind === 'text' ? inertText(c.text) : cellText(c, numbers);
}

/** The document as CSV: code and name in two columns, every column of the sheet. */
export function renderCsv(doc: Document, style: RenderStyle): string {
  const sv = style.csvDialect === 'sv';
  const numbers = sv ? EXCEL_SV : PLAIN;
  const records: string[][] = [];
  const banner = [doc.banner.organisation, doc.banner.rubrik].filter((t): t is string => t !== null);
  for (const line of banner) records.push([inertText(line)]);
  if (banner.length > 0) records.push([]);
  doc.sheets.forEach((s, i) => {
    if (i > 0) records.push([]);
    records.push([inertText(s.title)]);
    records.push([s.codeHeading, s.nameHeading, ...s.columns.map((c) => c.heading)].map(inertText));
    for (const r of s.rows) records.push([inertText(r.kod ?? ''), inertText(r.namn ?? ''), ...r.cells.map((c) => field(c, numbers))]);
  });
  const body = stringify(records, {
    delimiter: sv ? ';' : ',',
    record_delimiter: sv ? 'windows' : 'unix',
    // A line break anywhere in a field, and a text made inert, is quoted.
    quoted_match: [/[\r\n]/, /^'[=+\-@\t\r]/],
  });
  return sv ? `\uFEFF${body}` : body;
}
