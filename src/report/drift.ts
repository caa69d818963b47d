/**
 * Driftredovisning: Utfall, Budget and Avvikelse per code rolled up to a level, with a
 * Summa row, plus särredovisning sub-tables (`--sub 51`) of the codes under a prefix at
 * the finest level present. Amounts stay exact; the sub-table's Summa is the sum of the
 * same ledger amounts as the parent row, so the two are equal by construction.
 */
import { codePattern, compareCodes, rollUp, type CodePattern } from '../data/codes.js';
import type { NameBook } from '../data/catalogue.js';
import type { Ore } from '../data/money.js';
import type { Texts } from '../i18n/messages.js';
import type { ColumnId, Perspective, Report, ReportRow, ReportTable } from './model.js';

export interface DriftRequest {
  /** Totals per code in ledger sign (costs +). */
  utfall: ReadonlyMap<string, Ore>;
  budget: ReadonlyMap<string, Ore>;
  names: NameBook;
  dimension: string;
  /** Roll-up level of the main table (characters of the code); null for no roll-up. */
  level: number | null;
  /** Sub-table patterns (`51`, `51*`, `5?0*`). */
  subs: string[];
  /** Roll-up level of the sub-tables; null for the finest level present. */
  subLevel: number | null;
  perspective: Perspective;
  /** Year shown in the title ('' for none). */
  year: string;
  unitLabel: string;
  texts: Texts;
}

const COLUMNS: ColumnId[] = ['utfall', 'budget', 'avvikelse'];

/**
 * The row values in the report's perspective. Ledger amounts are costs positive; in the
 * cost perspective they are shown as they are and avvikelse = budget − utfall; in the
 * result perspective they are negated and avvikelse = utfall − budget, which is the same
 * number: positive always means better than budget.
 */
export function rowValues(utfall: Ore, budget: Ore, perspective: Perspective): Record<ColumnId, Ore> {
  if (perspective === 'kostnad') return { utfall, budget, avvikelse: budget - utfall };
  return { utfall: -utfall, budget: -budget, avvikelse: budget - utfall };
}

function table(
  id: string,
  title: string,
  req: DriftRequest,
  utfall: ReadonlyMap<string, Ore>,
  budget: ReadonlyMap<string, Ore>,
): ReportTable {
  const codes = [...new Set([...utfall.keys(), ...budget.keys()])].sort(compareCodes);
  let u = 0n;
  let b = 0n;
  const rows: ReportRow[] = codes.map((kod) => {
    const cu = utfall.get(kod) ?? 0n;
    const cb = budget.get(kod) ?? 0n;
    u += cu;
    b += cb;
    return { kod, namn: req.names.name(kod), values: rowValues(cu, cb, req.perspective) };
  });
  return { id, title, dimension: req.dimension, columns: COLUMNS, rows, summa: rowValues(u, b, req.perspective) };
}

function select(totals: ReadonlyMap<string, Ore>, pattern: CodePattern): Map<string, Ore> {
  const out = new Map<string, Ore>();
  for (const [code, amount] of totals) if (pattern.matches(code)) out.set(code, amount);
  return out;
}

/** Builds the main table and its sub-tables. */
export function buildDrift(req: DriftRequest): Report {
  const t = req.texts;
  const dimName = t.dimension(req.dimension);
  const roll = (m: ReadonlyMap<string, Ore>, level: number | null) => (level === null ? new Map(m) : rollUp(m, level));
  const title =
    req.dimension === 'verksamhet'
      ? t.title.drift(req.year, req.unitLabel)
      : t.title.grouped(dimName, req.year, req.unitLabel);
  const tables = [table('drift', title, req, roll(req.utfall, req.level), roll(req.budget, req.level))];
  const warnings: string[] = [];
  for (const sub of req.subs) {
    const pattern = codePattern(sub);
    const u = roll(select(req.utfall, pattern), req.subLevel);
    const b = roll(select(req.budget, pattern), req.subLevel);
    if (u.size === 0 && b.size === 0) warnings.push(t.warn.emptySub(pattern.text));
    tables.push(table(`sub:${pattern.text}`, t.title.sub(dimName, pattern.text), req, u, b));
  }
  const unnamed = [...new Set(tables.flatMap((tb) => tb.rows.filter((r) => r.namn === null).map((r) => r.kod)))];
  if (unnamed.length > 0) warnings.push(t.warn.noName(dimName, unnamed.sort(compareCodes).join(', ')));
  return { perspective: req.perspective, tables, warnings };
}
