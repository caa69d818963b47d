/**
 * JSON, a stable contract (README "JSON output"): amounts are decimal strings in the
 * chosen unit and rounding, never floats; key order is fixed.
 */
import type { ShownTable } from '../report/present.js';
import type { RenderContext } from './context.js';
import { formatFixed, PLAIN } from './number.js';

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
        for (const c of t.columns) row[c] = formatFixed(r.values[c], PLAIN);
        return row;
      }),
      summa: Object.fromEntries(t.columns.map((c) => [c, formatFixed(t.summa[c], PLAIN)])),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
