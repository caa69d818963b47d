import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePattern, valueGlob } from '../src/core/codes.js';
import { rollUp, rollUpCode } from '../src/rules/rollup.js';
import { NameBook } from '../src/core/names.js';
import { sum } from '../src/core/money.js';
import { texts } from '../src/i18n/index.js';
import { defaultColumns } from '../src/report/columns.js';
import { buildDrift, rowValues } from '../src/report/drift.js';

const code = fc.stringMatching(/^[0-9]{1,6}$/);
const totals = fc.array(fc.tuple(code, fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n })), { maxLength: 40 }).map((pairs) => {
  const m = new Map<string, bigint>();
  for (const [c, a] of pairs) m.set(c, (m.get(c) ?? 0n) + a);
  return m;
});

describe('roll-up', () => {
  it('keeps the first N characters; shorter codes stay', () => {
    expect(rollUpCode('5101', 2)).toBe('51');
    expect(rollUpCode('5101', 3)).toBe('510');
    expect(rollUpCode('051', 2)).toBe('05');
    expect(rollUpCode('9', 2)).toBe('9');
  });

  it('preserves the total exactly', () => {
    fc.assert(fc.property(totals, fc.integer({ min: 1, max: 6 }), (t, n) => {
      expect(sum(rollUp(t, n).values())).toBe(sum(t.values()));
    }));
  });

  it('to level N then N−1 equals to N−1 directly', () => {
    fc.assert(fc.property(totals, fc.integer({ min: 2, max: 6 }), (t, n) => {
      expect(rollUp(rollUp(t, n), n - 1)).toEqual(rollUp(t, n - 1));
    }));
  });

  it('a row for prefix P includes every code starting with P', () => {
    fc.assert(fc.property(totals, fc.integer({ min: 1, max: 4 }), (t, n) => {
      const rolled = rollUp(t, n);
      for (const [p, amount] of rolled) {
        const direct = [...t].filter(([c]) => (c.length > n ? c.slice(0, n) === p : c === p)).map(([, a]) => a);
        expect(amount).toBe(sum(direct));
      }
    }));
  });
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

describe('deviation sign rule', () => {
  it('avvikelse is the same number in both perspectives, and positive means better than budget', () => {
    fc.assert(fc.property(fc.bigInt(), fc.bigInt(), (u, b) => {
      const k = rowValues(u, b, 'kostnad') as Record<'utfall' | 'budget' | 'avvikelse', bigint>;
      const r = rowValues(u, b, 'resultat') as Record<'utfall' | 'budget' | 'avvikelse', bigint>;
      expect(k.avvikelse).toBe(r.avvikelse);
      expect(k.avvikelse).toBe(k.budget - k.utfall);
      expect(r.avvikelse).toBe(r.utfall - r.budget);
      // Costs positive in the ledger: spending less than budget is better.
      if (u < b) expect(k.avvikelse > 0n).toBe(true);
    }));
  });
});

describe('drift tables', () => {
  const t = texts('sv');
  const build = (u: Map<string, bigint>, b: Map<string, bigint>, subs: string[]) =>
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
    fc.assert(fc.property(totals, totals, (u, b) => {
      const report = build(u, b, ['51']);
      const [main, sub] = report.tables;
      const parent = main!.rows.find((r) => r.kod === '51');
      expect(sub!.summa).toEqual(parent?.values ?? { utfall: 0n, budget: 0n, avvikelse: 0n });
      expect(main!.summa.utfall).toBe(sum(main!.rows.map((r) => r.values.utfall as bigint)));
      expect(main!.summa.utfall).toBe(sum(u.values()));
    }));
  });

  it('keeps codes present only in the budget or only in the utfall', () => {
    const report = build(new Map([['5101', 100n]]), new Map([['5501', 50n]]), []);
    expect(report.tables[0]!.rows.map((r) => r.kod)).toEqual(['51', '55']);
  });

  it('warns about codes without names and about empty sub-tables, never drops them', () => {
    const report = build(new Map([['7777', 100n]]), new Map(), ['51']);
    expect(report.tables[0]!.rows[0]).toMatchObject({ kod: '77', namn: null });
    const warnings = report.messages.filter((m) => m.level === 'warning').map((m) => t.message(m));
    expect(warnings.join('\n')).toMatch(/inga koder matchar 51\*/);
    expect(warnings.join('\n')).toMatch(/utan namn.*77/);
  });
});
