/**
 * Driftredovisning: Utfall, Budget and Avvikelse per code rolled up to a level, with a
 * Summa row, plus särredovisning sub-tables (`--sub 51`) of the codes under a prefix at
 * the finest level present. Amounts stay exact; the sub-table's Summa is the sum of the
 * same ledger amounts as the parent row, so the two are equal by construction.
 */
import { codePattern, compareCodes } from '../core/codes.js';
import { rowKey, subTableKey } from '../rules/rollup.js';
import type { NameBook } from '../core/names.js';
import { ZERO, type Ore, type Unit } from '../core/money.js';
import { message } from './messages.js';
import type { AmountColumn, Amounts, ColumnId, Message, MonthSpan, Report, ReportKind, ReportTable, Title } from './model.js';
import { deviation, inPerspective, type Perspective } from '../rules/sign.js';
import { buildTable, type BuildInput, type TableSpec } from './tables.js';

/** What both the driftredovisning and the monthly report need to lay out their tables. */
export interface Layout {
  dimension: string;
  /** Roll-up level of the main table (characters of the code); null for no roll-up. */
  level: number | null;
  /** Sub-table patterns (`51`, `51*`, `5?0*`). */
  subs: string[];
  /** Roll-up level of the sub-tables; null for the finest level present. */
  subLevel: number | null;
  perspective: Perspective;
  names: NameBook;
  comments: ReadonlyMap<string, string>;
}

export interface DriftRequest extends Layout {
  /** Totals per code in ledger sign (costs +). */
  utfall: ReadonlyMap<string, Ore>;
  budget: ReadonlyMap<string, Ore>;
  /** Year shown in the title ('' for none). */
  year: string;
  /** The months the utfall covers, when fewer than twelve (said in the title). */
  coverage?: MonthSpan;
  unit: Unit;
  columns: ColumnId[];
  /** Last year's utfall per code over the same months (`--fg-ar`), for Förändring; null without it. */
  fgAr?: ReadonlyMap<string, Ore> | null;
}

/**
 * The row values in the report's perspective, from ledger-sign sums: utfall, budget and
 * avvikelse = deviation(budget, utfall) (rules/sign.ts), the same number in both perspectives.
 */
export function rowValues(utfall: Ore | null, budget: Ore | null, perspective: Perspective): Amounts {
  return inPerspective<AmountColumn>({ utfall, budget, avvikelse: deviation(budget, utfall) }, perspective);
}

/** The main table (its id is its report kind) and one table per sub-pattern, with warnings for empty sub-tables and unnamed codes. */
export function layoutTables(
  layout: Layout,
  main: { report: ReportKind; title: Title; columns: ColumnId[] },
  input: BuildInput,
): { tables: ReportTable[]; messages: Message[] } {
  const level = layout.level;
  const specs: TableSpec[] = [{ ...main, id: main.report, dimension: layout.dimension, keyOf: rowKey(level) }];
  const messages: Message[] = [];
  for (const sub of layout.subs) {
    const pattern = codePattern(sub);
    const subLevel = layout.subLevel;
    specs.push({
      id: `sub:${pattern.text}`,
      report: main.report,
      title: { kind: 'sub', dimension: layout.dimension, pattern: pattern.text },
      dimension: layout.dimension,
      columns: main.columns,
      keyOf: subTableKey(pattern, subLevel),
    });
    if (![...input.perCode.keys()].some((c) => pattern.matches(c))) messages.push(message('emptySub', { pattern: pattern.text }));
  }
  const tables = specs.map((spec) => buildTable(spec, input));
  const unnamed = [...new Set(tables.flatMap((tb) => tb.rows.filter((r) => r.namn === null).map((r) => r.kod)))];
  if (unnamed.length > 0) messages.push(message('noName', { dimension: layout.dimension, codes: unnamed.sort(compareCodes) }));
  const shown = new Set(tables.flatMap((tb) => tb.rows.map((r) => r.kod)));
  const uncommented = [...layout.comments.keys()].filter((k) => !shown.has(k));
  if (uncommented.length > 0) messages.push(message('commentsNotShown', { codes: uncommented.sort(compareCodes) }));
  return { tables, messages };
}

/** Builds the driftredovisning and its sub-tables. */
export function buildDrift(req: DriftRequest): Report {
  const perCode = new Map<string, Record<string, Ore>>();
  for (const [c, u] of req.utfall) perCode.set(c, { utfall: u, budget: ZERO });
  for (const [c, b] of req.budget) perCode.set(c, { utfall: perCode.get(c)?.utfall ?? ZERO, budget: b });
  const fg = req.fgAr ?? null;
  if (fg !== null) {
    for (const [c, f] of fg) perCode.set(c, { utfall: ZERO, budget: ZERO, ...perCode.get(c), utfall_fg_ar: f });
    for (const v of perCode.values()) v.utfall_fg_ar ??= ZERO;
  }
  const cover = req.coverage ? { coverage: req.coverage } : {};
  const title: Title =
    req.dimension === 'verksamhet'
      ? { kind: 'drift', year: req.year, unit: req.unit, ...cover }
      : req.dimension === 'projekt'
        ? { kind: 'investering', year: req.year, unit: req.unit, ...cover }
        : { kind: 'grouped', dimension: req.dimension, year: req.year, unit: req.unit, ...cover };
  const derive = (s: Record<string, Ore | null>): Amounts => {
    const values = rowValues(s.utfall ?? null, s.budget ?? null, req.perspective);
    if (fg === null) return values;
    const utfall = s.utfall ?? null;
    const last = s.utfall_fg_ar ?? null;
    const forandring = utfall === null || last === null ? null : utfall.minus(last);
    return { ...values, ...inPerspective<AmountColumn>({ utfall_fg_ar: last, forandring }, req.perspective) };
  };
  const baseColumns = fg === null ? ['utfall', 'budget'] : ['utfall', 'budget', 'utfall_fg_ar'];
  const { tables, messages } = layoutTables(
    req,
    { report: 'drift', title, columns: req.columns },
    { perCode, nodes: [], derive, baseColumns, names: req.names, comments: req.comments },
  );
  return { perspective: req.perspective, tables, messages };
}
