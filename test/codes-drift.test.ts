/**
 * Code patterns and the driftredovisning's tables (the roll-up and sign rules are tested in
 * test/rules/).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePattern, valueGlob } from '../src/core/codes.js';
import { NameBook } from '../src/core/names.js';
import { ore, sum, ZERO, type Ore } from '../src/core/money.js';
import { texts } from '../src/i18n/index.js';
import { defaultColumns } from '../src/report/columns.js';
import { buildDrift } from '../src/report/drift.js';

const code = fc.stringMatching(/^[0-9]{1,6}$/);
const totals = fc.array(fc.tuple(code, fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }).map(ore)), { maxLength: 40 }).map((pairs) => {
  const m = new Map<string, Ore>();
  for (const [c, a] of pairs) m.set(c, (m.get(c) ?? ZERO).plus(a));
  return m;
});

describe('patterns', () => {
  it('treats a bare code and P* as a prefix', () => {
    expect(codePattern('51').prefix).toBe('51');
    expect(codePattern('51*').prefix).toBe('51');
    expect(codePattern('51*').text).toBe('51*');
    expect(codePattern('51').matches('5101')).toBe(true);
    expect(codePattern('51').matches('5501')).toBe(false);
  });

  it('supports globs inside the pattern', () => {
    const p = codePattern('51?1');
    expect(p.prefix).toBeNull();
    expect(p.matches('5101')).toBe(true);
    expect(p.matches('5131')).toBe(true);
    expect(p.matches('5102')).toBe(false);
  });

  it('matches whole values in filters', () => {
    expect(valueGlob('41*')('4110')).toBe(true);
    expect(valueGlob('41*')('5110')).toBe(false);
    expect(valueGlob('410')('4101')).toBe(false);
    expect(valueGlob('4.0')('4x0')).toBe(false);
  });
});

describe('drift tables', () => {
  const t = texts('sv');
  const build = (u: Map<string, Ore>, b: Map<string, Ore>, subs: string[]) =>
    buildDrift({
      utfall: u,
      budget: b,
      names: new NameBook(),
      dimension: 'verksamhet',
      level: 2,
      subs,
      subLevel: null,
      perspective: 'kostnad',
      year: '2024',
      unit: 'tkr',
      columns: defaultColumns('drift', new Set()),
      comments: new Map(),
    });

  it('sub-table Summa equals the parent row exactly, and the main Summa equals all rows', () => {
    fc.assert(
      fc.property(totals, totals, (u, b) => {
        const report = build(u, b, ['51']);
        const [main, sub] = report.tables;
        const parent = main!.rows.find((r) => r.kod === '51');
        expect(sub!.summa).toEqual(parent?.values ?? { utfall: 0n, budget: 0n, avvikelse: 0n });
        expect(main!.summa.utfall).toEqual(sum(main!.rows.map((r) => r.values.utfall as Ore)));
        expect(main!.summa.utfall).toEqual(sum(u.values()));
      }),
    );
  });

  it('keeps codes present only in the budget or only in the utfall', () => {
    const report = build(new Map([['5101', ore(100n)]]), new Map([['5501', ore(50n)]]), []);
    expect(report.tables[0]!.rows.map((r) => r.kod)).toEqual(['51', '55']);
  });

  it('warns about codes without names and about empty sub-tables, never drops them', () => {
    const report = build(new Map([['7777', ore(100n)]]), new Map(), ['51']);
    expect(report.tables[0]!.rows[0]).toMatchObject({ kod: '77', namn: null });
    const warnings = report.messages.filter((m) => m.level === 'warning').map((m) => t.message(m));
    expect(warnings.join('\n')).toMatch(/inga koder matchar 51\*/);
    expect(warnings.join('\n')).toMatch(/utan namn.*77/);
  });
});
