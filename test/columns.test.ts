/**
 * The column registry (src/report/columns.ts) decides every column's treatment: the default
 * columns of each report and their order (a column may lead in one report kind), what a
 * percent column divides in each report kind, and which cells are text. The README's
 * hand-written column lists must name exactly the registry's ids.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ore } from '../src/core/money.js';
import { COLUMN_IDS, COLUMNS, columnDef, defaultColumns, percentBasis, type ColumnDef, type ReportKind } from '../src/report/columns.js';
import type { ReportTable } from '../src/report/model.js';
import { presentTable } from '../src/report/present.js';

const KINDS: readonly ReportKind[] = ['drift', 'manad', 'analys', 'resultat'];

describe('the column registry', () => {
  it('orders the default columns: a leading column first in its report kind, in registry order elsewhere', () => {
    expect(defaultColumns('resultat', new Set())).toEqual(['utfall', 'budget', 'avvikelse']);
    expect(defaultColumns('resultat', new Set(['fgAr']))).toEqual(['utfall_fg_ar', 'utfall', 'budget', 'avvikelse']);
    const manad = defaultColumns('manad', new Set(['fgAr', 'fgPrognos', 'kommentarer']));
    expect(manad.slice(-3)).toEqual(['prognosforandring', 'utfall_fg_ar', 'kommentar']);
    for (const c of COLUMNS as readonly ColumnDef[])
      for (const k of c.leads ?? []) expect([c.id, c.reports]).toEqual([c.id, expect.arrayContaining([k])]);
  });

  it('gives every percent column, in each of its report kinds, a deviation and a budget of that kind', () => {
    const percents = (COLUMNS as readonly ColumnDef[]).filter((c) => c.kind === 'percent');
    expect(percents.length).toBeGreaterThan(0);
    for (const c of percents) {
      for (const kind of KINDS) {
        const basis = percentBasis(c.id as (typeof COLUMN_IDS)[number], kind);
        if (!c.reports.includes(kind)) {
          expect([c.id, kind, basis]).toEqual([c.id, kind, null]);
          continue;
        }
        expect([c.id, kind, basis === null]).toEqual([c.id, kind, false]);
        const { deviation, budget } = basis as NonNullable<typeof basis>;
        // Förändring % divides the change against last year by last year's utfall.
        if (c.id === 'forandring_procent') {
          expect([deviation, budget]).toEqual(['forandring', 'utfall_fg_ar']);
          continue;
        }
        expect([deviation, columnDef(deviation).kind, columnDef(deviation).reports.includes(kind)]).toEqual([deviation, 'deviation', true]);
        expect([budget, columnDef(budget).verifyRole, columnDef(budget).reports.includes(kind)]).toEqual([budget, 'budget', true]);
      }
    }
    expect(percentBasis('avvikelse', 'drift')).toBeNull();
  });

  it('computes a percent cell from the basis of the table’s report kind, not from which amounts a row holds', () => {
    const table = (report: ReportKind): ReportTable => ({
      id: report,
      report,
      title: { kind: 'drift', year: '2024', unit: 'kr' },
      dimension: 'verksamhet',
      columns: ['avvikelse_procent', 'kommentar'],
      rows: [
        {
          kod: '51',
          namn: null,
          values: { budget: ore(1_000n), avvikelse: ore(500n), budget_helar: ore(80n), prognosavvikelse: ore(1n) },
          kommentar: 'Text',
        },
      ],
      summa: { budget: ore(1_000n), avvikelse: ore(500n), budget_helar: ore(80n), prognosavvikelse: ore(1n) },
    });
    const display = { unit: 'kr', decimals: 0, rounding: 'half-away-from-zero', exact: false } as const;
    const drift = presentTable(table('drift'), display);
    const manad = presentTable(table('manad'), display);
    expect(drift.summa.avvikelse_procent).toEqual({ kind: 'percent', value: { value: 500n, decimals: 1 } });
    expect(manad.summa.avvikelse_procent).toEqual({ kind: 'percent', value: { value: 13n, decimals: 1 } });
    expect(presentTable(table('analys'), display).summa.avvikelse_procent).toBeNull();
    // The text column holds the row's comment; the Summa has none.
    expect(drift.rows[0]?.cells.kommentar).toEqual({ kind: 'text', text: 'Text' });
    expect(drift.summa.kommentar).toBeNull();
    expect(drift.roundingDifferences).toEqual([]);
  });
});

describe('the README column lists', () => {
  const readme = readFileSync('README.md', 'utf8');
  const ids = (text: string) => [...text.matchAll(/`([a-z_]+)`/g)].map((m) => m[1] as string);

  it('the JSON `columns` list names exactly the registry’s ids', () => {
    const bullet = /^- `columns`: column ids in display order:([\s\S]*?)\n- /m.exec(readme);
    expect(bullet, 'the README’s JSON `columns` bullet').not.toBeNull();
    const listed = new Set(ids((bullet as RegExpExecArray)[1] as string));
    expect(
      [...listed].filter((id) => !COLUMN_IDS.includes(id as (typeof COLUMN_IDS)[number])),
      'in the README, not in the registry',
    ).toEqual([]);
    expect(
      COLUMN_IDS.filter((id) => !listed.has(id)),
      'in the registry, not in the README',
    ).toEqual([]);
  });

  it('the monthly column table names exactly the registry’s monthly columns, in registry order', () => {
    const table = /\| column \| meaning \|\n\|---\|---\|\n((?:\|.*\n)+)/.exec(readme);
    expect(table, 'the README’s monthly column table').not.toBeNull();
    const listed = (table as RegExpExecArray)[1]!
      .trim()
      .split('\n')
      .map((line) => ids(line.split('|')[1] ?? '')[0]);
    const monthly = (COLUMNS as readonly ColumnDef[]).filter((c) => c.reports.includes('manad')).map((c) => c.id);
    expect(listed).toEqual(monthly);
  });
});
