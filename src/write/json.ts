/**
 * JSON, a stable contract (README "JSON output"): amounts and percentages are decimal
 * strings in the chosen unit and rounding, never floats; no value is null; key order is
 * fixed.
 */
import type { ShownCell, ShownTable } from '../report/present.js';
import type { RenderContext } from './context.js';
import { formatFixed, PLAIN } from './number.js';

function value(cell: ShownCell | undefined): string | null {
  if (!cell) return null;
  return cell.kind === 'text' ? cell.text : formatFixed(cell.value, PLAIN);
}

export function renderJson(tables: ShownTable[], ctx: RenderContext): string {
  const doc = {
    unit: ctx.unit,
    perspective: ctx.perspective,
    rounding: ctx.exact ? 'exact' : ctx.rounding,
    tables: tables.map((t) => ({
      title: t.title,
      dimension: t.dimension,
      columns: t.columns,
      rows: t.rows.map((r) => {
        const row: Record<string, string | null> = { kod: r.kod, namn: r.namn };
        for (const c of t.columns) row[c] = value(r.cells[c]);
        return row;
      }),
      summa: Object.fromEntries(t.columns.filter((c) => c !== 'kommentar').map((c) => [c, value(t.summa[c])])),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
