/**
 * An Excel workbook (.xlsx, Office Open XML) of the document: one sheet per table, then a
 * sheet with the rules (perspective, rounding, unit, how the Summa is made) and the command
 * line. It only maps the document: titles, labels, notes and tones are `toDocument`'s.
 *
 * - Amounts and percentages are number cells whose XML text is the shown, rounded value
 *   itself (`formatFixed` with a decimal point, the JSON output's string), so the file holds
 *   no hidden decimals and no float arithmetic happens on the way; the number format shows
 *   them with grouping (`#,##0`: a space in a Swedish Excel or LibreOffice) and the unit's
 *   decimals, a percentage with ` %`, and a cell with a tone (a deviation) shows negatives
 *   in red with a minus sign.
 * - Codes, names, headings and comments are inline string cells: `0410` keeps its zero, and a
 *   text that starts with `=` is text, never a formula. There are no formulas at all: a SUM of
 *   the rounded rows would differ from the exact Summa; where they differ, the document's
 *   rounding note is a cell under the table, as the other formats print it.
 * - The title row and the header row are frozen, the header and the Summa row bold, a `varav`
 *   row italic, column widths fit their longest cell, comment cells wrap.
 * - Sheet names are the tables' titles, made valid (≤ 31 characters, none of `[]:*?/\`) and
 *   unique. The zip entries carry a fixed time, so the same report gives the same bytes.
 */
import { strToU8, zipSync } from 'fflate';
import type { Document, Sheet, SheetCell, SheetColumn, SheetRow } from './document.js';
import { formatFixed, PLAIN, SWEDISH } from './number.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot hold; Excel writes them as `_x0001_`. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as XML character data: markup escaped, characters XML cannot hold as Excel escapes them (`_x0001_`), and `_xHHHH_` itself escaped. */
export function xmlText(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/**
 * A column's letters.
 * @example letters(27) // 'AB'
 */
function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** How a cell looks; each distinct look is one `<xf>` of the styles part. */
interface Look {
  font: 'normal' | 'bold' | 'italic';
  /** A number format code, or null for General. */
  format: string | null;
  wrap: boolean;
}

const MINUS = '"\u2212"';

/**
 * The number format of an amount or percentage: grouping, its decimals, ` %` for a
 * percentage, and, for a cell with a tone, negatives in red.
 * @example numberFormat('amount', 0, true) // '#,##0;[Red]"−"#,##0'
 */
export function numberFormat(kind: 'amount' | 'percent', decimals: number, signed: boolean): string {
  const body = `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${kind === 'percent' ? '" %"' : ''}`;
  return `${body};${signed ? '[Red]' : ''}${MINUS}${body}`;
}

/** The styles of a workbook: looks registered as cells use them. */
class Styles {
  private readonly looks: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly formats: string[] = [];

  constructor() {
    this.id({ font: 'normal', format: null, wrap: false });
  }

  /** The style index of a look. */
  id(look: Look): number {
    const key = `${look.font}|${look.format ?? ''}|${look.wrap ? 1 : 0}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    let numFmt = 0;
    if (look.format !== null) {
      let i = this.formats.indexOf(look.format);
      if (i < 0) i = this.formats.push(look.format) - 1;
      numFmt = 164 + i;
    }
    const font = { normal: 0, bold: 1, italic: 2 }[look.font];
    const align = look.wrap ? '<alignment wrapText="1" vertical="top"/>' : '';
    this.looks.push(
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${align ? ` applyAlignment="1">${align}</xf>` : '/>'}`,
    );
    this.byKey.set(key, this.looks.length - 1);
    return this.looks.length - 1;
  }

  xml(): string {
    const numFmts = this.formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`).join('');
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts ? `<numFmts count="${this.formats.length}">${numFmts}</numFmts>` : '') +
      '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.looks.length}">${this.looks.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/** One cell to write: text or a number (its XML text), with its style. */
type Out = { text: string; style: number } | { number: string; style: number } | null;

/** Sheet rows being built, with the widest text per column for the widths. */
class Grid {
  readonly rows: Out[][] = [];
  readonly widths: number[] = [];

  /** Adds a row; `shown` are the texts as a reader sees them, for the widths (null: does not count). */
  add(cells: Out[], shown: (string | null)[]): void {
    this.rows.push(cells);
    shown.forEach((t, i) => {
      if (t !== null) this.widths[i] = Math.max(this.widths[i] ?? 0, ...t.split('\n').map((l) => l.length));
    });
  }

  xml(opts: { freezeRows: number; selected: boolean; wrapWidths: ReadonlyMap<number, number> }): string {
    const cols = this.widths
      .map((w, i) => {
        const width = opts.wrapWidths.get(i) ?? Math.min(Math.max(w + 2, 8), 80);
        return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
      })
      .join('');
    const rows = this.rows
      .map((cells, r) => {
        const body = cells
          .map((c, i) => {
            if (c === null) return '';
            const ref = `${letters(i)}${r + 1}`;
            const s = c.style ? ` s="${c.style}"` : '';
            if ('number' in c) return `<c r="${ref}"${s}><v>${c.number}</v></c>`;
            return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(c.text)}</t></is></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${body}</row>`;
      })
      .join('');
    const pane =
      opts.freezeRows > 0
        ? `<pane ySplit="${opts.freezeRows}" topLeftCell="A${opts.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${opts.freezeRows + 1}" sqref="A${opts.freezeRows + 1}"/>`
        : '';
    return (
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<sheetViews><sheetView${opts.selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      `<sheetData>${rows}</sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '</worksheet>'
    );
  }
}

/** Whether any row of a sheet has a code of its own: then code and name are two columns. */
const hasCodes = (s: Sheet): boolean => s.rows.some((r) => r.kod !== null);

/** The width of a comment column, whose cells wrap. */
const COMMENT_WIDTH = 50;

/** The grid of one table: the banner (organisation and rubrik, if given), title, header, rows, Summa, then the rounding notes. */
function tableGrid(s: Sheet, styles: Styles, banner: string | null): { grid: Grid; wrapWidths: Map<number, number> } {
  const grid = new Grid();
  const bold = styles.id({ font: 'bold', format: null, wrap: false });
  const codes = hasCodes(s);
  const lead = codes ? 2 : 1;
  if (banner !== null) grid.add([{ text: banner, style: bold }], [null]);
  grid.add([{ text: s.title, style: bold }], [null]);
  const headings = codes ? [s.codeHeading, s.nameHeading] : [s.labelHeading];
  grid.add(
    [...headings, ...s.columns.map((c) => c.heading)].map((text) => ({ text, style: bold })),
    [...headings, ...s.columns.map((c) => c.heading)],
  );
  const wrapWidths = new Map<number, number>();
  s.columns.forEach((c, i) => {
    if (c.kind === 'text') wrapWidths.set(lead + i, COMMENT_WIDTH);
  });
  for (const row of s.rows) {
    const font: Look['font'] = row.emphasis === 'total' ? 'bold' : row.emphasis === 'varav' ? 'italic' : 'normal';
    const textStyle = styles.id({ font, format: null, wrap: false });
    const labels: Out[] = codes
      ? [row.kod === null ? null : { text: row.kod, style: textStyle }, row.namn === null ? null : { text: row.namn, style: textStyle }]
      : [{ text: row.label, style: textStyle }];
    const shownLabels = codes ? [row.kod, row.namn] : [row.label];
    const cells = row.cells.map((c, i) => cell(c, s.columns[i] as SheetColumn, row, styles));
    const shown = row.cells.map((c, i) => ((s.columns[i] as SheetColumn).kind === 'text' ? null : shownText(c)));
    grid.add([...labels, ...cells], [...shownLabels, ...shown]);
  }
  if (s.notes.length > 0) {
    grid.add([], []);
    const italic = styles.id({ font: 'italic', format: null, wrap: false });
    for (const note of s.notes) grid.add([{ text: note, style: italic }], [null]);
  }
  return { grid, wrapWidths };
}

/** A cell as a reader sees it (for the column width): the Swedish number with a percent sign. */
function shownText(c: SheetCell): string | null {
  if (c.kind === 'empty') return null;
  if (c.kind === 'text') return c.text;
  return formatFixed(c.value, SWEDISH) + (c.kind === 'percent' ? ' %' : '');
}

function cell(c: SheetCell, column: SheetColumn, row: SheetRow, styles: Styles): Out {
  const font: Look['font'] = row.emphasis === 'total' ? 'bold' : row.emphasis === 'varav' ? 'italic' : 'normal';
  if (c.kind === 'empty') return null;
  if (c.kind === 'text') return { text: c.text, style: styles.id({ font, format: null, wrap: column.kind === 'text' }) };
  const format = numberFormat(c.kind, c.value.decimals, c.tone !== 0);
  return { number: formatFixed(c.value, PLAIN), style: styles.id({ font, format, wrap: false }) };
}

/** The rules sheet: what the numbers mean, and the command that made them. */
function rulesGrid(doc: Document, styles: Styles): Grid {
  const grid = new Grid();
  const bold = styles.id({ font: 'bold', format: null, wrap: false });
  const line = (text: string, style = 0) => grid.add([{ text, style }], [null]);
  line(doc.prose.rulesHeading, bold);
  line(doc.rules);
  line(doc.prose.signRule);
  line(doc.prose.unit);
  line(doc.prose.summaRule);
  grid.add([], []);
  line(doc.prose.runHeading, bold);
  line(doc.invocation);
  grid.add([], []);
  line(doc.prose.madeBy);
  grid.widths[0] = 100;
  return grid;
}

/**
 * Valid, unique sheet names: the characters Excel forbids replaced, at most 31 characters,
 * a number added to a name already taken (case does not make names differ).
 * @example sheetNames(['Redovisning verksamhet 51*', 'Redovisning verksamhet 51*']) // ['Redovisning verksamhet 51', 'Redovisning verksamhet 51 (2)']
 */
export function sheetNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title, i) => {
    const base =
      title
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '') || `Tabell ${i + 1}`;
    // A title too long is cut with an ellipsis, so the name does not end in half a word unmarked.
    const cut = (max: number) => (base.length <= max ? base : `${base.slice(0, max - 1).trimEnd()}…`);
    let name = cut(31);
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = cut(31 - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The document as an .xlsx workbook. */
export function renderXlsx(doc: Document): Uint8Array {
  const styles = new Styles();
  // `--organisation` and `--rubrik` head every table sheet, in one row above its title.
  const parts = [doc.banner.organisation, doc.banner.rubrik].filter((t): t is string => t !== null);
  const banner = parts.length > 0 ? parts.join(': ') : null;
  const sheets = doc.sheets.map((s) => {
    const { grid, wrapWidths } = tableGrid(s, styles, banner);
    return { grid, wrapWidths, freezeRows: banner === null ? 2 : 3 };
  });
  const names = sheetNames([...doc.sheets.map((s) => s.title), doc.prose.rulesHeading]);
  const all = [...sheets, { grid: rulesGrid(doc, styles), wrapWidths: new Map<number, number>(), freezeRows: 0 }];
  const files: Record<string, Uint8Array> = {};
  files['[Content_Types].xml'] = strToU8(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      all
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  files['_rels/.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      all.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${all.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  );
  all.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      s.grid.xml({ freezeRows: s.freezeRows, selected: i === 0, wrapWidths: s.wrapWidths }),
    );
  });
  files['xl/styles.xml'] = strToU8(styles.xml());
  return zipSync(files, { level: 6, mtime: new Date(2000, 0, 1) });
}
