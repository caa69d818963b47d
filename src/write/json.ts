/**
 * JSON, a stable contract (README "JSON output"): amounts and percentages are decimal
 * strings in the chosen unit and rounding, never floats; no value is null; key order is
 * fixed. DEL and the C1 control characters, which JSON allows raw, are written as `\u` escapes
 * too, so the text is safe on a terminal and still parses to the same strings.
 */
import type { Document, SheetCell } from './document.js';
import { formatFixed, PLAIN } from './number.js';

function value(cell: SheetCell | undefined): string | null {
  if (!cell || cell.kind === 'empty') return null;
  return cell.kind === 'text' ? cell.text : formatFixed(cell.value, PLAIN);
}

/**
 * `JSON.stringify` with every control character escaped (it escapes C0 only).
 * @example jsonText({ namn: '\u009b2J' }) // '{\n  "namn": "\\u009b2J"\n}\n'
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

/** The document as JSON: rows keyed by column id, the Summa apart (without text columns). */
export function renderJson(doc: Document): string {
  // `rubrik` and `organisation` only when given, so the contract of a run without them is unchanged.
  const out = {
    ...(doc.banner.organisation !== null ? { organisation: doc.banner.organisation } : {}),
    ...(doc.banner.rubrik !== null ? { rubrik: doc.banner.rubrik } : {}),
    unit: doc.meta.unit,
    perspective: doc.meta.perspective,
    rounding: doc.meta.rounding,
    tables: doc.sheets.map((s) => {
      const total = s.rows.find((r) => r.emphasis === 'total');
      return {
        title: s.title,
        dimension: s.dimension,
        columns: s.columns.map((c) => c.id),
        rows: s.rows
          .filter((r) => r.emphasis !== 'total')
          .map((r) => {
            const row: Record<string, string | null> = { kod: r.id, namn: r.namn };
            s.columns.forEach((c, i) => (row[c.id] = value(r.cells[i])));
            return row;
          }),
        summa: Object.fromEntries(s.columns.flatMap((c, i) => (c.kind === 'text' ? [] : [[c.id, value(total?.cells[i])]]))),
      };
    }),
  };
  return jsonText(out);
}
