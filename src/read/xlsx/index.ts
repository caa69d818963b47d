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
import { closeSync, fstatSync, openSync } from 'node:fs';
import { AvvikelseError, type Place } from '../../errors.js';
import { lineExcerpt } from '../excerpt.js';
import { fileError } from '../files.js';
import { isXlsx } from '../refusals.js';
import { RecordConsumer } from '../records-to-ledger.js';
import type { LedgerSource, PlaceOf, ReadInfo, RecordSource, SourceRecord } from '../source.js';
import { columnLetters, openWorkbook, WorkbookError, type SheetInfo, type SheetRow, type Workbook } from './workbook.js';
import { fileBytes } from './zip.js';

/** A sheet as records: each row that holds something, its cells from the leftmost column in use, all of one width. */
export interface SheetRecords {
  sheet: string;
  records: { row: number; cells: string[] }[];
  placeOf: PlaceOf;
}

/** Runs `f`, turning a WorkbookError into the source's WORKBOOK_INVALID. */
function workbookErrors<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof WorkbookError) throw new AvvikelseError('WORKBOOK_INVALID', { reason: e.message }, { file });
    throw e;
  }
}

/** Opens the workbook `file` (read by offset, never whole) for the time of `f`. */
function withWorkbook<T>(file: string, f: (book: Workbook) => T): T {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw fileError(e, file);
  }
  try {
    const bytes = fileBytes(fd, fstatSync(fd).size);
    return f(workbookErrors(file, () => openWorkbook(bytes)));
  } finally {
    closeSync(fd);
  }
}

/**
 * `f` as a promise: its result, or its error as a rejection. The workbook is read
 * synchronously (by offset); the sources' `read` and `records` return promises.
 */
const settled = <T>(f: () => T): Promise<T> => new Promise((resolve) => resolve(f()));

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

/** FORMULA_UNCACHED at the first formula cell of a row without a cached value, if any. */
function refuseUncached(file: string, sheet: SheetInfo, r: SheetRow): void {
  const c = r.cells.find((x) => x.kind === 'uncached');
  if (c !== undefined)
    throw new AvvikelseError(
      'FORMULA_UNCACHED',
      { formula: c.formula ?? '' },
      { file, sheet: sheet.name, cell: `${columnLetters(c.col)}${r.row}`, value: `=${c.formula ?? ''}` },
    );
}

/** The cells of a row from `firstCol` on, `width` of them, '' where the row has none. */
function cellsOf(r: SheetRow, firstCol: number, width: number): string[] {
  const cells = new Array<string>(width).fill('');
  for (const c of r.cells) cells[c.col - firstCol] = c.text;
  return cells;
}

/** A sheet's records start at its leftmost column in use and are as wide as its columns in use. */
interface Bounds {
  firstCol: number;
  width: number;
}

/**
 * Streams the records of a sheet to `onRecord`, from its leftmost column in use and all as
 * wide as its columns in use, as `sheetRecords` would give them, without holding the sheet:
 * `start` is called with the place of the records before the first of them.
 *
 * The columns in use are known only at the end of the sheet. The sheet's `<dimension>`, which
 * Excel and LibreOffice write first, states them; the records are handed on under it while the
 * columns actually used are counted. When the sheet has none, or it was wrong (wider than the
 * cells with something in them, or narrower), `start` is called again — everything handed on
 * before is void — and the sheet is read a second time with the columns counted. An error
 * thrown by `onRecord` under a stated range that proves wrong is dropped with it: the second
 * reading meets it again, or not. Throws FORMULA_UNCACHED at a formula cell without a cached
 * value, in document order.
 */
function eachRecord(
  file: string,
  book: Workbook,
  sheet: SheetInfo,
  start: (placeOf: PlaceOf) => void,
  onRecord: (row: number, cells: string[]) => void,
): void {
  const placeOf =
    (b: Bounds): PlaceOf =>
    (row, f) =>
      f === undefined
        ? { file, sheet: sheet.name, cell: `${columnLetters(b.firstCol)}${row}` }
        : { file, sheet: sheet.name, cell: `${columnLetters(b.firstCol + f.index)}${row}`, column: f.column, value: f.value };
  let stated: Bounds | null = null;
  let failed: Error | null = null;
  let first = Infinity;
  let last = -1;
  workbookErrors(file, () =>
    book.stream(sheet, {
      dimension(firstCol, lastCol) {
        stated = { firstCol, width: lastCol - firstCol + 1 };
        start(placeOf(stated));
      },
      row(r) {
        let uncached = false;
        let rowFirst = Infinity;
        let rowLast = -1;
        for (const c of r.cells) {
          if (c.col < rowFirst) rowFirst = c.col;
          if (c.col > rowLast) rowLast = c.col;
          if (c.kind === 'uncached') uncached = true;
        }
        if (rowFirst < first) first = rowFirst;
        if (rowLast > last) last = rowLast;
        const b = stated;
        if (b === null || failed !== null) return;
        try {
          if (uncached) refuseUncached(file, sheet, r);
          if (rowFirst < b.firstCol || rowLast >= b.firstCol + b.width) {
            stated = null; // wrong: count on, read again
            return;
          }
          onRecord(r.row, cellsOf(r, b.firstCol, b.width));
        } catch (e) {
          failed = e as Error;
        }
      },
    }),
  );
  const used: Bounds = Number.isFinite(first) ? { firstCol: first, width: last - first + 1 } : { firstCol: 0, width: 0 };
  // Assigned in the handler, which TypeScript does not follow.
  const s = stated as Bounds | null;
  const error = failed as Error | null;
  if (s !== null && s.firstCol === used.firstCol && s.width === used.width) {
    if (error !== null) throw error;
    return;
  }
  start(placeOf(used));
  workbookErrors(file, () =>
    book.stream(sheet, {
      row(r) {
        refuseUncached(file, sheet, r);
        onRecord(r.row, cellsOf(r, used.firstCol, used.width));
      },
    }),
  );
}

/** The records of one sheet, all at once (small tables). Throws FORMULA_UNCACHED at the first formula cell without a cached value. */
export function sheetRecords(file: string, book: Workbook, sheetName?: string): SheetRecords {
  const sheet = pick(file, book, sheetName);
  let records: { row: number; cells: string[] }[] = [];
  let placeOf: PlaceOf = () => ({ file });
  eachRecord(
    file,
    book,
    sheet,
    (p) => {
      records = [];
      placeOf = p;
    },
    (row, cells) => records.push({ row, cells }),
  );
  return { sheet: sheet.name, records, placeOf };
}

/**
 * The cells of the row of an error, as a CSV export would show them (`;` between cells), with
 * a caret under the cell; [] when the workbook cannot be read again.
 */
function xlsxExcerpt(place: Place): string[] {
  const m = /^([A-Z]+)(\d+)$/.exec(place.cell ?? '');
  if (place.sheet === undefined || m === null) return [];
  const row = Number(m[2]);
  const found: { cells: string[] | null; placeOf: PlaceOf } = { cells: null, placeOf: () => ({ file: place.file }) };
  const stop = new Error('found');
  try {
    withWorkbook(place.file, (book) =>
      eachRecord(
        place.file,
        book,
        pick(place.file, book, place.sheet),
        (p) => (found.placeOf = p),
        (r, cells) => {
          if (r !== row) return;
          found.cells = cells;
          throw stop;
        },
      ),
    );
  } catch (e) {
    if (e !== stop) return [];
  }
  const cells = found.cells;
  if (cells === null) return [];
  const text = cells.join(';');
  const index = cells.findIndex((_, i) => found.placeOf(row, { index: i, column: '', value: '' }).cell === place.cell);
  if (index < 0 || place.column === undefined) return lineExcerpt(row, text);
  const at = cells.slice(0, index).reduce((n, c) => n + c.length + 1, 0);
  return lineExcerpt(row, text, at, (cells[index] as string).length);
}

const INFO: ReadInfo = { format: 'xlsx', reader: 'xlsx', encodingFallback: false };

/** The .xlsx source (ledgers and records); it replaces the .xlsx refusal in the registry. */
export const xlsxSource: LedgerSource & RecordSource = {
  format: 'xlsx',
  extensions: ['.xlsx', '.xlsm'],
  byContent: true,
  sniff: isXlsx,
  excerpt: xlsxExcerpt,
  read(file, spec, into) {
    return settled(() => {
      // Number cells are plain decimal text with a point; text cells read as CSV cells with the mark sniffed.
      const recordSpec = { ...spec, dialect: { ...spec.dialect, decimal: 'auto' as const } };
      let consumer: RecordConsumer | null = null;
      withWorkbook(file, (book) =>
        eachRecord(
          file,
          book,
          pick(file, book, spec.sheet),
          (placeOf) => {
            if (consumer !== null) into.restart();
            consumer = new RecordConsumer(file, recordSpec, into, placeOf);
          },
          (row, cells) => consumer?.take(cells, row),
        ),
      );
      (consumer as RecordConsumer | null)?.end();
      return INFO;
    });
  },
  records(file, parts = 'first') {
    return settled(() => {
      const sheets = withWorkbook(file, (book) =>
        parts === 'all' ? book.sheets.filter((x) => !x.hidden).map((x) => sheetRecords(file, book, x.name)) : [sheetRecords(file, book)],
      );
      return recordsOf(sheets);
    });
  },
};

/** The non-empty records of sheets, in order, as a record source gives them. */
function recordsOf(sheets: readonly SheetRecords[]): SourceRecord[] {
  return sheets.flatMap((sheet) =>
    sheet.records
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
      .map((r): SourceRecord => ({
        place: sheet.placeOf(r.row),
        cells: r.cells,
        at: (index, column, value) => sheet.placeOf(r.row, { index, column, value }),
      })),
  );
}
