/**
 * The .xlsx source: a sheet of a workbook read as records of text cells (workbook.ts says
 * what text each kind of cell becomes), handed to the same record consumer as a CSV file,
 * so title rows, the header search, column mapping, totals rows, month columns and units
 * from headings all apply unchanged. Places are cells: `file:Sheet!B12`.
 *
 * Which sheet: `ReadSpec.sheet` (`--sheet`, `--budget-sheet`, `inputs.budget.sheet`), else
 * the first visible worksheet. Columns left of the leftmost cell in use are left out (a
 * template that starts in column B reads as a CSV export of it would). A formula cell
 * without a cached value is refused at its cell (FORMULA_UNCACHED): its value is unknown,
 * and reading it as empty would be a silent wrong number. Text cells are read as CSV cells
 * are (decimal comma or point, grouping, minus forms); number cells arrive as plain decimal
 * text with a point, so `--decimal`, `--encoding` and `--delimiter` do not apply to a workbook.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import { AvvikelseError, type Place } from '../../errors.js';
import { lineExcerpt } from '../excerpt.js';
import { fileError } from '../files.js';
import { isXlsx } from '../refusals.js';
import { RecordConsumer } from '../records-to-ledger.js';
import type { LedgerSource, PlaceOf, ReadInfo, RecordSource, SourceRecord } from '../source.js';
import { columnLetters, openWorkbook, WorkbookError, type SheetInfo, type SheetRow, type Workbook } from './workbook.js';

/** A sheet as records: each row that holds something, its cells from the leftmost column in use, all of one width. */
export interface SheetRecords {
  sheet: string;
  records: { row: number; cells: string[] }[];
  /** The 0-based column of each record's first cell. */
  firstCol: number;
  placeOf: PlaceOf;
}

function open(file: string, bytes: Uint8Array): Workbook {
  try {
    return openWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookError) throw new AvvikelseError('WORKBOOK_INVALID', { reason: e.message }, { file });
    throw e;
  }
}

/** The sheet named `name` (any case), else the first visible worksheet. Throws SHEET_NOT_FOUND. */
function pick(file: string, book: Workbook, name: string | undefined): SheetInfo {
  const sheet =
    name === undefined
      ? (book.sheets.find((s) => !s.hidden) ?? book.sheets[0])
      : (book.sheets.find((s) => s.name === name) ?? book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()));
  if (sheet === undefined)
    throw new AvvikelseError('SHEET_NOT_FOUND', { sheet: name ?? '', sheets: book.sheets.map((s) => s.name).join(', ') }, { file });
  return sheet;
}

function rowsOf(file: string, book: Workbook, sheet: SheetInfo): SheetRow[] {
  try {
    return book.rows(sheet);
  } catch (e) {
    if (e instanceof WorkbookError) throw new AvvikelseError('WORKBOOK_INVALID', { reason: e.message }, { file });
    throw e;
  }
}

/** The records of one sheet. Throws FORMULA_UNCACHED at the first formula cell without a cached value. */
export function sheetRecords(file: string, book: Workbook, sheetName?: string): SheetRecords {
  const sheet = pick(file, book, sheetName);
  const rows = rowsOf(file, book, sheet);
  let first = Infinity;
  let last = -1;
  for (const r of rows) {
    for (const c of r.cells) {
      if (c.kind === 'uncached')
        throw new AvvikelseError(
          'FORMULA_UNCACHED',
          { formula: c.formula ?? '' },
          { file, sheet: sheet.name, cell: `${columnLetters(c.col)}${r.row}`, value: `=${c.formula ?? ''}` },
        );
      first = Math.min(first, c.col);
      last = Math.max(last, c.col);
    }
  }
  const firstCol = Number.isFinite(first) ? first : 0;
  const width = last - firstCol + 1;
  const records = rows.map((r) => {
    const cells = new Array<string>(Math.max(width, 0)).fill('');
    for (const c of r.cells) cells[c.col - firstCol] = c.text;
    return { row: r.row, cells };
  });
  const placeOf: PlaceOf = (row, f) =>
    f === undefined
      ? { file, sheet: sheet.name, cell: `${columnLetters(firstCol)}${row}` }
      : { file, sheet: sheet.name, cell: `${columnLetters(firstCol + f.index)}${row}`, column: f.column, value: f.value };
  return { sheet: sheet.name, records, firstCol, placeOf };
}

async function load(file: string): Promise<Workbook> {
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    throw fileError(e, file);
  }
  return open(file, bytes);
}

/**
 * The cells of the row of an error, as a CSV export would show them (`;` between cells), with
 * a caret under the cell; [] when the workbook cannot be read again.
 */
function xlsxExcerpt(place: Place): string[] {
  if (place.sheet === undefined) return [];
  try {
    const book = open(place.file, readFileSync(place.file));
    const sheet = sheetRecords(place.file, book, place.sheet);
    const m = /^([A-Z]+)(\d+)$/.exec(place.cell);
    if (m === null) return [];
    const row = Number(m[2]);
    const record = sheet.records.find((r) => r.row === row);
    if (record === undefined) return [];
    const text = record.cells.join(';');
    const letters = m[1] as string;
    let index = -1;
    for (let i = 0; i < record.cells.length; i++) if (columnLetters(sheet.firstCol + i) === letters) index = i;
    if (index < 0 || place.column === undefined) return lineExcerpt(row, text);
    const at = record.cells.slice(0, index).reduce((n, c) => n + c.length + 1, 0);
    return lineExcerpt(row, text, at, (record.cells[index] as string).length);
  } catch {
    return [];
  }
}

const INFO: ReadInfo = { format: 'xlsx', reader: 'xlsx', encodingFallback: false };

/** The .xlsx source (ledgers and records); it replaces the .xlsx refusal in the registry. */
export const xlsxSource: LedgerSource & RecordSource = {
  format: 'xlsx',
  extensions: ['.xlsx', '.xlsm'],
  byContent: true,
  sniff: isXlsx,
  excerpt: xlsxExcerpt,
  async read(file, spec, into) {
    const sheet = sheetRecords(file, await load(file), spec.sheet);
    // Number cells are plain decimal text with a point; text cells read as CSV cells with the mark sniffed.
    const consumer = new RecordConsumer(file, { ...spec, dialect: { ...spec.dialect, decimal: 'auto' } }, into, sheet.placeOf);
    for (const r of sheet.records) consumer.take(r.cells, r.row);
    consumer.end();
    return INFO;
  },
  async records(file) {
    const sheet = sheetRecords(file, await load(file));
    return sheet.records
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
      .map((r): SourceRecord => ({
        place: sheet.placeOf(r.row),
        cells: r.cells,
        at: (index, column, value) => sheet.placeOf(r.row, { index, column, value }),
      }));
  },
};
