/**
 * The worksheet reading as it was before the dedicated scanner (src/read/xlsx/sheet.ts), kept
 * frozen as the tests' oracle: the generic scanner (`scanXml`, still what reads the small parts)
 * turned into cells by an event handler, fed in pieces by the old `XmlStream`, and the number
 * text converted by the general route only. Copied from commit 9235b3e, changed only in what
 * it imports and in one deliberate fix made to both (a number in a date format outside Excel's
 * dates is a number, no longer a RangeError); do not change it to make a test pass.
 */
import { scanXml, type XmlHandler } from '../src/read/xlsx/xml.js';
import { columnLetters, dateText, WorkbookError, type Cell, type CellKind, type SheetHandler } from '../src/read/xlsx/workbook.js';

export { scanXml };

/** Excel's escape of characters XML cannot hold in a string: `_x000D_` (and `_x005F_` for `_`). */
const unescapeX = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}
export function oldPlainDecimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const [, sign, int, frac = '', exp] = m as unknown as [string, string, string, string | undefined, string];
  const digits = int + frac;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
export function oldNumberText(v: string): string {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) return v;
  const text = oldPlainDecimal(n);
  return /\.\d{3}$/.test(text) ? `${text}0` : text;
}
function rangeColumns(ref: string): [number, number] | null {
  const [a, b = a] = ref.split(':') as [string, string?];
  const first = columnOf(a);
  const last = columnOf(b);
  return first < 0 || last < first ? null : [first, last];
}
export function oldSheetScanner(
  path: string,
  strings: readonly string[],
  dates: readonly boolean[],
  date1904: boolean,
  h: SheetHandler,
): XmlHandler {
  let row = 0;
  let cells: Cell[] = [];
  let nextCol = 0;
  // The cell being read.
  let col = 0;
  let type = 'n';
  let style = 0;
  let v = '';
  let f = '';
  let inline = '';
  let hasV = false;
  let hasF = false;
  let where: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  const bad = (what: string): never => {
    throw new WorkbookError(`${path}: ${columnLetters(col)}${row}: ${what}`);
  };
  const finishCell = (): void => {
    if (hasF && !hasV) {
      cells.push({ col, kind: 'uncached', text: '', formula: f });
      return;
    }
    const formula = hasF ? f : null;
    let kind: CellKind = 'text';
    let text: string;
    switch (type) {
      case 's': {
        const s = strings[Number(v)];
        if (v.trim() === '' || s === undefined) bad(`shared string ${v} does not exist`);
        text = s as string;
        break;
      }
      case 'str':
        text = unescapeX(v);
        break;
      case 'inlineStr':
        text = unescapeX(inline);
        break;
      case 'b':
        kind = 'bool';
        text = v.trim() === '1' || v.trim() === 'true' ? 'TRUE' : 'FALSE';
        break;
      case 'e':
        kind = 'error';
        text = v.trim();
        break;
      case 'd':
        kind = 'date';
        text = v.trim().slice(0, 10);
        break;
      default: {
        if (v.trim() === '') return;
        const n = Number(v);
        // Changed since the freeze, as in sheet.ts: a date only within Excel's dates (serial 0 to 9999-12-31).
        if (dates[style] === true && n >= 0 && n < 2_958_466) {
          kind = 'date';
          text = dateText(n, date1904);
        } else {
          kind = 'number';
          text = oldNumberText(v);
        }
      }
    }
    if (text !== '' || formula !== null) cells.push({ col, kind, text, formula });
  };
  return {
    open(name, a) {
      switch (name) {
        case 'dimension': {
          const cols = a.ref === undefined ? null : rangeColumns(a.ref);
          if (cols !== null) h.dimension?.(cols[0], cols[1]);
          break;
        }
        case 'row':
          row = a.r === undefined ? row + 1 : Number(a.r);
          if (!Number.isInteger(row) || row < 1) bad(`row number ${a.r}`);
          cells = [];
          nextCol = 0;
          break;
        case 'c':
          col = a.r === undefined ? nextCol : columnOf(a.r);
          if (col < 0) bad(`cell reference ${a.r}`);
          nextCol = col + 1;
          type = a.t ?? 'n';
          style = Number(a.s ?? 0);
          v = f = inline = '';
          hasV = hasF = inInline = false;
          phonetic = 0;
          break;
        case 'v':
          hasV = true;
          where = 'v';
          break;
        case 'f':
          hasF = true;
          where = 'f';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && phonetic === 0) where = 't';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          where = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          finishCell();
          break;
        case 'row':
          if (cells.length > 0) h.row({ row, cells });
          break;
      }
    },
    text(t) {
      if (where === 'v') v += t;
      else if (where === 'f') f += t;
      else if (where === 't') inline += t;
    },
  };
}

export class OldXmlStream {
  private rest = '';
  constructor(private readonly h: XmlHandler) {}

  push(text: string): void {
    const s = this.rest + text;
    let cut = s.lastIndexOf('<');
    if (cut < 0) cut = 0; // text only: it may end inside an entity reference
    // A `<` inside a comment or CDATA section is no tag: cut before the section instead.
    for (const [open, close] of OPEN_SECTIONS) {
      const at = s.lastIndexOf(open, cut);
      if (at < 0 || at === cut) continue;
      const closed = s.indexOf(close, at + open.length);
      if (closed < 0 || closed + close.length > cut) cut = at;
    }
    this.rest = s.slice(cut);
    scanXml(s.slice(0, cut), this.h);
  }

  end(): void {
    scanXml(this.rest, this.h);
    this.rest = '';
  }
}

const OPEN_SECTIONS: readonly (readonly [string, string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
];
