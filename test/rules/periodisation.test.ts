/**
 * The periodisation rule (src/rules/periodisation.ts): cumulative shares rounded to the öre
 * against decimal.js, parts that sum to the annual amount exactly, the key lookup, and
 * `budgetAck`'s choice of method and its fallback to even twelfths.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ackByShare,
  ackByWeights,
  ackEven,
  asAnnual,
  budgetAck,
  keyFor,
  monthlyParts,
  singleBudgetPeriod,
  type Periodisering,
} from '../../src/rules/periodisation.js';

const D = Decimal.clone({ precision: 60 });
/** round(a × b / c) half away from zero, with decimal.js. */
const share = (a: bigint, b: bigint, c: bigint): bigint =>
  BigInt(new D(a.toString()).mul(b.toString()).div(c.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

describe('periodisering', () => {
  it('even twelfths sum to the annual amount exactly, for any amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (annual) => {
        const parts = monthlyParts(annual);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(annual);
        for (let m = 1; m <= 12; m++) expect(ackEven(annual, m)).toBe(share(annual, BigInt(m), 12n));
        // No month is more than one öre away from a twelfth.
        for (const p of parts) expect(p * 12n - annual <= 12n && annual - p * 12n <= 12n).toBe(true);
      }),
    );
  });

  it('handles amounts not divisible by 12, and negative ones', () => {
    // Cumulative: round(100·m/12) = 8, 17, 25, 33, 42, 50, 58, 67, 75, 83, 92, 100.
    expect(monthlyParts(100n)).toEqual([8n, 9n, 8n, 8n, 9n, 8n, 8n, 9n, 8n, 8n, 9n, 8n]);
    expect(monthlyParts(-100n).reduce((a, b) => a + b, 0n)).toBe(-100n);
    expect(ackEven(-100n, 6)).toBe(-50n);
    expect(ackEven(7n, 1)).toBe(1n); // 0,583… rounds to 1
  });

  it('weighted parts sum to the annual amount exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 8n }), { minLength: 12, maxLength: 12 }),
        (annual, w) => {
          fc.pre(w.some((x) => x > 0n));
          expect(monthlyParts(annual, w).reduce((a, b) => a + b, 0n)).toBe(annual);
          expect(ackByWeights(annual, w, 12)).toBe(annual);
        },
      ),
    );
  });

  it('uses the most specific key prefix, then *', () => {
    const keys = new Map([
      ['5', 'a'],
      ['50', 'b'],
      ['*', 'c'],
    ]);
    expect(keyFor(keys, '5011')).toBe('b');
    expect(keyFor(keys, '5410')).toBe('a');
    expect(keyFor(keys, '3110')).toBe('c');
    expect(keyFor(new Map([['50', 'b']]), '3110')).toBeUndefined();
  });
});

describe('budgetAck: the method and its fallback', () => {
  const annual = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
  const month = fc.integer({ min: 1, max: 12 });
  const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 12, maxLength: 12 }).filter((w) => w.some((x) => x > 0n));

  it('jämn: even twelfths, never a fallback', () => {
    fc.assert(
      fc.property(annual, month, (a, m) => {
        expect(budgetAck(a, { kind: 'jamn' }, m, { code: '51', konto: '' })).toEqual({ ack: ackEven(a, m), fellBack: false });
      }),
    );
  });

  it("fg-år: last year's share of the full year, or twelfths (a fallback) when last year has no full year", () => {
    fc.assert(
      fc.property(
        annual,
        month,
        fc.option(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { nil: undefined }),
        fc.option(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { nil: undefined }),
        (a, m, fgAck, fgHelar) => {
          const got = budgetAck(a, { kind: 'fg-ar' }, m, { code: '51', konto: '', fgAck, fgHelar });
          const missing = fgAck === undefined || fgHelar === undefined || fgHelar === 0n;
          if (a === 0n) expect(got).toEqual({ ack: 0n, fellBack: false });
          else if (missing) expect(got).toEqual({ ack: ackEven(a, m), fellBack: true });
          else expect(got).toEqual({ ack: share(a, fgAck, fgHelar), fellBack: false });
        },
      ),
    );
    expect(budgetAck(1_200n, { kind: 'fg-ar' }, 3, { code: '51', konto: '', fgAck: 10n, fgHelar: 40n })).toEqual({
      ack: 300n,
      fellBack: false,
    });
  });

  it('a key by code or by konto: the most specific prefix, twelfths where none matches', () => {
    fc.assert(
      fc.property(annual, month, weights, fc.constantFrom('kod' as const, 'konto' as const), (a, m, w, by) => {
        const method: Periodisering = { kind: 'key', by, weights: new Map([['50', w]]) };
        const line = { code: by === 'kod' ? '5011' : '6100', konto: by === 'konto' ? '5011' : '6100' };
        expect(budgetAck(a, method, m, line)).toEqual({ ack: ackByWeights(a, w, m), fellBack: false });
        const other = { code: '6100', konto: '6100' };
        expect(budgetAck(a, method, m, other)).toEqual({ ack: ackEven(a, m), fellBack: false });
      }),
    );
  });

  it('the whole year is the annual amount under every method', () => {
    fc.assert(
      fc.property(annual, weights, (a, w) => {
        const methods: Periodisering[] = [{ kind: 'jamn' }, { kind: 'fg-ar' }, { kind: 'key', by: 'kod', weights: new Map([['*', w]]) }];
        for (const method of methods) expect(budgetAck(a, method, 12, { code: '51', konto: '', fgAck: 7n, fgHelar: 7n }).ack).toBe(a);
        expect(ackByShare(a, 1n, 1n)).toBe(a);
      }),
    );
  });
});

describe('a budget dated once is an annual budget', () => {
  const totals = (entries: [string, [string, bigint][]][]) => new Map(entries.map(([c, ps]) => [c, new Map(ps)]));

  it('finds the one period every dated row carries', () => {
    expect(
      singleBudgetPeriod(
        totals([
          ['51', [['2024-01', 5n]]],
          ['56', [['2024-01', 7n]]],
        ]),
      ),
    ).toBe('2024-01');
    // Undated (annual) amounts beside it do not count.
    expect(
      singleBudgetPeriod(
        totals([
          ['51', [['2024-01', 5n]]],
          ['56', [['', 7n]]],
        ]),
      ),
    ).toBe('2024-01');
  });

  it('is no annual budget when periods differ, none is dated, or months are columns', () => {
    expect(
      singleBudgetPeriod(
        totals([
          [
            '51',
            [
              ['2024-01', 5n],
              ['2024-02', 5n],
            ],
          ],
        ]),
      ),
    ).toBeNull();
    expect(
      singleBudgetPeriod(
        totals([
          ['51', [['2024-01', 5n]]],
          ['56', [['2024-02', 7n]]],
        ]),
      ),
    ).toBeNull();
    expect(singleBudgetPeriod(totals([['51', [['', 5n]]]]))).toBeNull();
    expect(singleBudgetPeriod(totals([['51', [['M01', 5n]]]]))).toBeNull();
    expect(singleBudgetPeriod(new Map())).toBeNull();
  });

  it('moves the amounts of that period to the annual slot, keeping every öre', () => {
    const moved = asAnnual(
      totals([
        [
          '51',
          [
            ['2024-01', 5n],
            ['', 1n],
          ],
        ],
        ['56', [['2024-01', -7n]]],
      ]),
      '2024-01',
    );
    expect(moved).toEqual(
      totals([
        ['51', [['', 6n]]],
        ['56', [['', -7n]]],
      ]),
    );
  });
});
