/**
 * The roll-up rule (src/rules/rollup.ts), tested on the key functions the table builder uses
 * (`rowKey` for the main table, `subTableKey` for a särredovisning), and through the builder.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePattern } from '../../src/core/codes.js';
import { NameBook } from '../../src/core/names.js';
import { ore, sum, ZERO, type Ore } from '../../src/core/money.js';
import { defaultColumns } from '../../src/report/columns.js';
import { buildDrift } from '../../src/report/drift.js';
import { rollUpCode, rowKey, subTableKey } from '../../src/rules/rollup.js';

const code = fc.stringMatching(/^[0-9]{1,6}$/);
/** Whole öre mostly, and now and then an amount with a fraction of an öre (up to ten decimals). */
const amount = fc.oneof(
  { weight: 3, arbitrary: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }).map(ore) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 1, max: 10 }))
      .map(([n, scale]) => ore(n).div(ore(10n).pow(scale))),
  },
);
const totals = fc.array(fc.tuple(code, amount), { maxLength: 40 }).map((pairs) => {
  const m = new Map<string, Ore>();
  for (const [c, a] of pairs) m.set(c, (m.get(c) ?? ZERO).plus(a));
  return m;
});
const level = fc.option(fc.integer({ min: 1, max: 6 }), { nil: null });

/** Totals grouped by a key function, as the table builder groups codes into rows. */
function grouped(t: ReadonlyMap<string, Ore>, keyOf: (code: string) => string | null): Map<string, Ore> {
  const out = new Map<string, Ore>();
  for (const [c, amount] of t) {
    const key = keyOf(c);
    if (key !== null) out.set(key, (out.get(key) ?? ZERO).plus(amount));
  }
  return out;
}

describe('roll-up', () => {
  it('keeps the first N characters; shorter codes stay', () => {
    expect(rollUpCode('5101', 2)).toBe('51');
    expect(rollUpCode('5101', 3)).toBe('510');
    expect(rollUpCode('051', 2)).toBe('05');
    expect(rollUpCode('9', 2)).toBe('9');
    expect(rowKey(2)('5101')).toBe('51');
    expect(rowKey(null)('5101')).toBe('5101');
  });

  it('preserves the total exactly', () => {
    fc.assert(
      fc.property(totals, level, (t, n) => {
        expect(sum(grouped(t, rowKey(n)).values())).toEqual(sum(t.values()));
      }),
    );
  });

  it('to level N then N−1 equals to N−1 directly', () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: 2, max: 6 }), (t, n) => {
        expect(grouped(grouped(t, rowKey(n)), rowKey(n - 1))).toEqual(grouped(t, rowKey(n - 1)));
      }),
    );
  });

  it('a row for prefix P includes every code starting with P', () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: 1, max: 4 }), (t, n) => {
        const rolled = grouped(t, rowKey(n));
        for (const [p, amount] of rolled) {
          const direct = [...t].filter(([c]) => (c.length > n ? c.slice(0, n) === p : c === p)).map(([, a]) => a);
          expect(amount).toEqual(sum(direct));
        }
      }),
    );
  });
});

describe('sub-table keys', () => {
  it('leave out exactly the codes the pattern does not match, and roll up the rest like a main table', () => {
    expect(subTableKey(codePattern('51'), null)('5501')).toBeNull();
    fc.assert(
      fc.property(code, fc.constantFrom('5', '51', '51*', '5?0*', '1'), level, (c, glob, n) => {
        const pattern = codePattern(glob);
        const key = subTableKey(pattern, n)(c);
        expect(key).toBe(pattern.matches(c) ? rowKey(n)(c) : null);
      }),
    );
  });

  it('a prefix sub-table at the main level sums to the parent row', () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: 1, max: 3 }), (t, n) => {
        const parent = [...t.keys()].find((c) => c.length >= n)?.slice(0, n);
        fc.pre(parent !== undefined);
        const sub = grouped(t, subTableKey(codePattern(parent), null));
        expect(sum(sub.values())).toEqual(grouped(t, rowKey(n)).get(parent));
      }),
    );
  });
});

describe('the builder rolls up with these keys', () => {
  it("the driftredovisning's rows and sub-table rows are the grouped totals", () => {
    fc.assert(
      fc.property(totals, level, level, (u, n, subN) => {
        const report = buildDrift({
          utfall: u,
          budget: new Map(),
          names: new NameBook(),
          dimension: 'verksamhet',
          level: n,
          subs: ['5'],
          subLevel: subN,
          perspective: 'kostnad',
          year: '2024',
          unit: 'tkr',
          columns: defaultColumns('drift', new Set()),
          comments: new Map(),
        });
        const [main, sub] = report.tables;
        expect(new Map(main!.rows.map((r) => [r.kod, r.values.utfall]))).toEqual(grouped(u, rowKey(n)));
        expect(new Map(sub!.rows.map((r) => [r.kod, r.values.utfall]))).toEqual(grouped(u, subTableKey(codePattern('5'), subN)));
      }),
    );
  });
});
