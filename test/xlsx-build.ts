/**
 * Small workbooks for the tests, written as raw SpreadsheetML parts (not by avvikelse's own
 * writer), so the reader is tested on what other programs write: shared and inline strings,
 * styles, namespace prefixes, formulas with and without cached values.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface TestSheet {
  name: string;
  /** The `<sheetData>` content. */
  data: string;
  state?: 'hidden';
  /** The `<dimension ref>` the writer states, if any. */
  dimension?: string;
}

/**
 * A workbook of raw sheets, with shared strings and the cell styles given
 * (`<xf numFmtId="14"/>` …, style 0 is General) and custom number formats.
 */
export function testWorkbook(
  sheets: TestSheet[],
  opts: { strings?: string[]; styles?: string[]; numFmts?: string; date1904?: boolean; prefix?: string; level?: 0 | 6 } = {},
): Uint8Array {
  const p = opts.prefix ?? '';
  const ns = p === '' ? NS : `xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><${p}workbook ${ns} ${RNS}>${opts.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets>${sheets
        .map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`)
        .join('')}</${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`)
        .join(
          '',
        )}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<${p}sst ${ns}>${(opts.strings ?? []).join('')}</${p}sst>`),
    'xl/styles.xml': strToU8(
      `<${p}styleSheet ${ns}>${opts.numFmts ?? ''}<${p}cellStyleXfs><${p}xf numFmtId="14"/></${p}cellStyleXfs><${p}cellXfs><${p}xf numFmtId="0"/>${(
        opts.styles ?? []
      ).join('')}</${p}cellXfs></${p}styleSheet>`,
    ),
  };
  sheets.forEach(
    (s, i) =>
      (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
        `<${p}worksheet ${ns}>${s.dimension === undefined ? '' : `<${p}dimension ref="${s.dimension}"/>`}<${p}sheetData>${s.data}</${p}sheetData></${p}worksheet>`,
      )),
  );
  return zipSync(files, { mtime: new Date(2024, 0, 1), ...(opts.level === undefined ? {} : { level: opts.level }) });
}

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-xlsx-'));

/** Writes a workbook to a temporary file and returns its path. */
export function workbookFile(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** An inline-string cell. */
export const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** A number cell with its XML text. */
export const num = (ref: string, v: string, style = 0) => `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>`;
