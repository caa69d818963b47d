/**
 * An .xlsx workbook (Office Open XML SpreadsheetML) as sheets of typed cells, each cell's
 * value already as the text a CSV export of it would hold, so the format-neutral record
 * consumer reads a sheet as it reads a CSV file:
 *
 * - a number cell holds an IEEE double (its XML text may have 17 digits, `83333.333333333299`):
 *   it becomes the shortest decimal that round-trips to that double (what Excel shows in a
 *   General cell, `83333.3333333333`), as plain decimal text with a point (`1e-7` →
 *   `0.0000001`), which the shared amount parser then reads exactly (`plainDecimal`);
 * - a number cell whose style is a date format (`2024-08-31`, `mmm-yy`) becomes `YYYY-MM-DD`,
 *   which the period reader reads as its month;
 * - a text cell stays text (shared or inline strings, rich text runs joined, `_x000D_`
 *   escapes decoded), a boolean `TRUE`/`FALSE`, an error cell its code (`#N/A`);
 * - a formula cell has its cached value, read as above; one without a cached value (a file
 *   written by a program and never calculated) is kind `uncached`, which the source refuses.
 *
 * The zip is read by offset (zip.ts): the workbook's small parts are unpacked whole, the one
 * sheet asked for is unpacked and scanned chunk by chunk, its rows handed on as they close,
 * so memory stays bound by a row, not by the sheet.
 */
import { memoryBytes, readEntry, streamEntry, WorkbookError, zipEntries, type ZipBytes, type ZipEntry } from './zip.js';
import { scanXml, XmlError } from './xml.js';
import { SheetScanner, unescapeX, type SheetHandler, type SheetRow } from './sheet.js';

export { WorkbookError } from './zip.js';
export { columnLetters, dateText, numberText, plainDecimal } from './sheet.js';
export type { Cell, CellKind, SheetHandler, SheetRow } from './sheet.js';

export interface SheetInfo {
  name: string;
  /** The part's path in the zip. */
  path: string;
  hidden: boolean;
}

export interface Workbook {
  /** The worksheets in tab order (chart sheets left out). */
  sheets: SheetInfo[];
  /** The rows that hold something, all at once (small sheets). */
  rows(sheet: SheetInfo): SheetRow[];
  /** The rows that hold something, one by one as the sheet is unpacked. */
  stream(sheet: SheetInfo, h: SheetHandler): void;
}

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a custom number format shows a date: a d, m, y, h or s outside quoted text,
 * escapes, fills, paddings and brackets (`[Red]`, `[$-41D]`).
 * @example isDateFormat('yyyy-mm-dd') // true
 * @example isDateFormat('_-* #,##0\\ "kr"_-') // false
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The unpacked parts of a workbook that are read whole. */
type Parts = ReadonlyMap<string, string>;

/** Scans a part, turning a scanning error into a WorkbookError naming the part. */
function scanPart(xml: string, path: string, handler: Parameters<typeof scanXml>[1]): void {
  try {
    scanXml(xml, handler);
  } catch (e) {
    if (e instanceof XmlError) throw new WorkbookError(`${path}: ${e.message}`);
    throw e;
  }
}

/** `Target` of a relationship, resolved against the folder of the part that has it. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The relationships of a part: id → type and resolved target. */
function relationships(zip: Parts, partPath: string): Map<string, { type: string; target: string }> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const rels = new Map<string, { type: string; target: string }>();
  const xml = zip.get(relsPath);
  if (xml === undefined) return rels;
  scanPart(xml, relsPath, {
    open(name, a) {
      if (name === 'Relationship' && a.Id !== undefined && a.Target !== undefined && a.TargetMode !== 'External')
        rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(partPath, a.Target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

const byType = (rels: Map<string, { type: string; target: string }>, suffix: string): string | undefined =>
  [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

/** The largest part read whole (its text must fit in one string); a sheet is streamed and has no limit. */
const MAX_PART = 256 * 1024 * 1024;

/** The parts `wanted` says, unpacked whole, as text. */
function readParts(src: ZipBytes, entries: Iterable<ZipEntry>, wanted: (name: string) => boolean): Map<string, string> {
  const decoder = new TextDecoder('utf-8');
  const parts = new Map<string, string>();
  for (const e of entries) {
    if (!wanted(e.name)) continue;
    if (e.size > MAX_PART) throw new WorkbookError(`${e.name} is larger than ${MAX_PART >> 20} MiB unpacked; save the sheet as CSV`);
    parts.set(e.name, decoder.decode(readEntry(src, e)));
  }
  return parts;
}

/** The shared strings of a workbook (rich text runs joined, phonetic runs left out). */
function sharedStrings(xml: string, path: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inT = false;
  let phonetic = 0;
  scanPart(xml, path, {
    open(name) {
      if (name === 'si') cur = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(unescapeX(cur));
    },
    text(t) {
      if (inT && phonetic === 0) cur += t;
    },
  });
  return out;
}

/** For each cell style (`s`), whether its number format shows a date. */
function dateStyles(xml: string, path: string): boolean[] {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  scanPart(xml, path, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return formats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code);
  });
}

/**
 * Opens a workbook from its bytes (in memory, or a file read by offset): its worksheets,
 * shared strings, date styles and date system. Throws WorkbookError when it is no readable
 * workbook.
 */
export function openWorkbook(bytes: Uint8Array | ZipBytes): Workbook {
  const src = bytes instanceof Uint8Array ? memoryBytes(bytes) : bytes;
  const entries = zipEntries(src);
  const isSheetPart = (name: string) => /^xl\/(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/i.test(name);
  const zip = readParts(src, entries.values(), (name) => (name.endsWith('.xml') || name.endsWith('.rels')) && !isSheetPart(name));
  const root = relationships(zip, '');
  const bookPath = byType(root, '/officeDocument') ?? 'xl/workbook.xml';
  const bookXml = zip.get(bookPath);
  if (bookXml === undefined) throw new WorkbookError(`${bookPath} is missing`);
  const rels = relationships(zip, bookPath);
  let date1904 = false;
  const sheets: SheetInfo[] = [];
  scanPart(bookXml, bookPath, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet' || a.name === undefined) return;
      const rel = a.id === undefined ? undefined : rels.get(a.id);
      if (rel === undefined || !rel.type.endsWith('/worksheet')) return;
      sheets.push({ name: a.name, path: rel.target, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
    },
    close() {},
    text() {},
  });
  const stringsPath = byType(rels, '/sharedStrings');
  const stylesPath = byType(rels, '/styles');
  const stringsXml = stringsPath === undefined ? undefined : zip.get(stringsPath);
  const stylesXml = stylesPath === undefined ? undefined : zip.get(stylesPath);
  const strings = stringsXml === undefined ? [] : sharedStrings(stringsXml, stringsPath as string);
  const dates = stylesXml === undefined ? [] : dateStyles(stylesXml, stylesPath as string);
  const stream = (sheet: SheetInfo, h: SheetHandler): void => {
    const entry = entries.get(sheet.path);
    if (entry === undefined) throw new WorkbookError(`${sheet.path} is missing`);
    const xml = new SheetScanner(sheet.path, strings, dates, date1904, h);
    const decoder = new TextDecoder('utf-8');
    // Bytes after the last `>` of a piece, held for the next: a piece that ends with a whole tag
    // leaves the scanner nothing to join to the next one, whose text it then walks faster.
    // A `>` byte is never part of a UTF-8 sequence.
    let held: Uint8Array | null = null;
    try {
      streamEntry(src, entry, (chunk) => {
        for (let at = 0; at < chunk.length; at += TEXT_PIECE) {
          let piece = chunk.subarray(at, at + TEXT_PIECE);
          if (held !== null) {
            const joined = new Uint8Array(held.length + piece.length);
            joined.set(held);
            joined.set(piece, held.length);
            piece = joined;
          }
          const gt = piece.lastIndexOf(0x3e) + 1;
          const cut = piece.length - gt > TEXT_PIECE ? piece.length : gt;
          held = cut < piece.length ? piece.slice(cut) : null;
          if (cut > 0) xml.push(decoder.decode(piece.subarray(0, cut), { stream: true }));
        }
      });
      if (held !== null) xml.push(decoder.decode(held, { stream: true }));
      xml.push(decoder.decode());
      xml.end();
    } catch (e) {
      if (e instanceof XmlError) throw new WorkbookError(`${sheet.path}: ${e.message}`);
      throw e;
    }
  };
  return {
    sheets,
    stream,
    rows(sheet) {
      const rows: SheetRow[] = [];
      stream(sheet, { row: (r) => rows.push(r) });
      return rows;
    },
  };
}

/**
 * Bytes of a sheet decoded and scanned at a time: strings this small are allocated among the
 * young objects and die there, where larger ones would go to the large-object space and stay
 * until a full collection (measured: 285 MB peak for a 1M-row sheet in 1 MiB pieces).
 */
const TEXT_PIECE = 32 * 1024;
