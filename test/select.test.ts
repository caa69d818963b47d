/** `--sort`, `--top`, `--min-avvikelse` (report/select.ts): order, and the Övriga row that keeps the Summa. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameBook } from '../src/core/names.js';
import { ore, sum, ZERO, type Ore } from '../src/core/money.js';
import { defaultColumns } from '../src/report/columns.js';
import { buildDrift } from '../src/report/drift.js';
import type { Display } from '../src/report/model.js';
import { presentTable } from '../src/report/present.js';
import { selectRows } from '../src/report/select.js';
import { cli, BUDGET, UTFALL } from './helpers.js';

const code = fc.stringMatching(/^[0-9]{2}$/);
const totals = fc
  .array(fc.tuple(code, fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }).map(ore)), { minLength: 1, maxLength: 30 })
  .map((pairs) => {
    const m = new Map<string, Ore>();
    for (const [c, a] of pairs) m.set(c, (m.get(c) ?? ZERO).plus(a));
    return m;
  });
const display: Display = { unit: 'tkr', decimals: 0, rounding: 'half-away-from-zero', exact: false };
const drift = (u: Map<string, Ore>, b: Map<string, Ore>) =>
  buildDrift({
    utfall: u,
    budget: b,
    names: new NameBook().add(new Map([['51', 'Äldreomsorg']])),
    dimension: 'verksamhet',
    level: 2,
    subs: [],
    subLevel: null,
    perspective: 'kostnad',
    year: '2024',
    unit: 'tkr',
    columns: defaultColumns('drift', new Set()),
    comments: new Map(),
  }).tables[0]!;

describe('row selection', () => {
  it('the shown rows and the Övriga row add up exactly to the unchanged Summa', () => {
    fc.assert(
      fc.property(totals, totals, fc.integer({ min: 1, max: 5 }), (u, b, top) => {
        const table = drift(u, b);
        const picked = selectRows(table, { sort: 'avvikelse', top, minAvvikelse: null }, display);
        expect(picked.summa).toEqual(table.summa);
        expect(picked.rows.length).toBe(Math.min(table.rows.length, top + 1));
        for (const column of ['utfall', 'budget', 'avvikelse'] as const)
          expect(sum(picked.rows.map((r) => r.values[column] as Ore))).toEqual(table.summa[column]);
        const others = picked.rows.find((r) => r.others !== undefined);
        if (table.rows.length > top) expect(others?.others).toBe(table.rows.length - top);
        else expect(others).toBeUndefined();
      }),
    );
  });

  it('sorts the largest underskott first, utfall largest first, codes and names ascending', () => {
    const u = new Map([
      ['10', ore(100_000_00n)],
      ['51', ore(500_000_00n)],
      ['56', ore(300_000_00n)],
    ]);
    const b = new Map([
      ['10', ore(150_000_00n)],
      ['51', ore(490_000_00n)],
      ['56', ore(200_000_00n)],
    ]);
    const order = (sort: 'avvikelse' | 'utfall' | 'kod' | 'namn') =>
      selectRows(drift(u, b), { sort, top: null, minAvvikelse: null }, display).rows.map((r) => r.kod);
    expect(order('avvikelse')).toEqual(['56', '51', '10']);
    expect(order('utfall')).toEqual(['51', '56', '10']);
    expect(order('kod')).toEqual(['10', '51', '56']);
    // Named rows by name (Äldreomsorg), unnamed ones by code.
    expect(order('namn')).toEqual(['10', '56', '51']);
  });

  it('--min-avvikelse compares the shown deviation: 10 tkr shown as 10 stays, 9,6 tkr shown as 10 stays, 9,4 goes', () => {
    const u = new Map([
      ['10', ore(0n)],
      ['20', ore(0n)],
      ['30', ore(0n)],
    ]);
    const b = new Map([
      ['10', ore(10_000_00n)],
      ['20', ore(9_600_00n)],
      ['30', ore(9_400_00n)],
    ]);
    const picked = selectRows(drift(u, b), { sort: null, top: null, minAvvikelse: '10' }, display);
    expect(picked.rows.map((r) => r.kod)).toEqual(['10', '20', 'ovriga']);
    const shown = presentTable(picked, display);
    expect(shown.roundingDifferences).toEqual([]);
  });
});

describe('--sort, --top, --min-avvikelse on the command line', () => {
  const base = ['report', '--utfall', UTFALL, '--budget', BUDGET];
  it('refuses a sort key the report has no column for, naming those it has', async () => {
    const run = await cli([...base, '--sort', 'prognosavvikelse']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--sort');
    expect(run.stderr).toContain('avvikelse | kod | namn | utfall | budget');
  });
  it('refuses a threshold that is not an amount', async () => {
    const run = await cli([...base, '--min-avvikelse', '-5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--min-avvikelse');
  });
  it('--fail-on still sees the rows --top leaves out', async () => {
    const run = await cli([...base, '--top', '1', '--fail-on', 'avvikelse>300']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('60 Flyktingmottagande');
  });
});
