/**
 * The periodisation rule (src/rules/periodisation.ts): cumulative shares rounded to the öre
 * against decimal.js, parts that sum to the annual amount exactly, the key lookup, and
 * `budgetAck`'s choice of method and its fallback to even twelfths.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, ore, sum, type Ore } from '../../src/core/money.js';
import { roundToUnit } from '../../src/rules/rounding.js';
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
  type Weights,
} from '../../src/rules/periodisation.js';

// An independent oracle: a decimal.js of its own, not the amounts' `Exact`.
const D = Decimal.clone({ precision: 60 });
/** round(a × b / c) half away from zero, with decimal.js. */
const share = (a: Ore, b: Decimal | number, c: Decimal | number): bigint =>
  BigInt(new D(a.toString()).mul(b.toString()).div(c.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

/** Twelve weights from integers, divided by 10^scale (weights are exact decimals at any common scale). */
const asWeights = (w: readonly bigint[], scale = 0): Weights => w.map((x) => new Exact(x.toString()).div(new Exact(10).pow(scale)));

describe('periodisering', () => {
  it('even twelfths sum to the annual amount exactly, for any amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map(ore), (annual) => {
        const parts = monthlyParts(annual);
        expect(sum(parts)).toEqual(annual);
        for (let m = 1; m <= 12; m++) expect(ackEven(annual, m)).toEqual(share(annual, m, 12));
        // No month is more than one öre away from a twelfth.
        for (const p of parts) expect(p.times(12).minus(annual).abs().lte(12)).toBe(true);
      }),
    );
  });

  it('handles amounts not divisible by 12, and negative ones', () => {
    // Cumulative: round(100·m/12) = 8, 17, 25, 33, 42, 50, 58, 67, 75, 83, 92, 100.
    expect(monthlyParts(ore(100n))).toEqual([8n, 9n, 8n, 8n, 9n, 8n, 8n, 9n, 8n, 8n, 9n, 8n]);
    expect(sum(monthlyParts(ore(-100n)))).toEqual(-100n);
    expect(ackEven(ore(-100n), 6)).toEqual(-50n);
    expect(ackEven(ore(7n), 1)).toEqual(1n); // 0,583… rounds to 1
  });

  it('periodises an amount with a fraction of an öre from its exact value, to the öre', () => {
    // 83 333,3333333333 kr a month (Excel's General format), twelve times: 999 999,9999999996 kr.
    const month = ore('8333333.33333333');
    const annual = sum(new Array<Ore>(12).fill(month));
    expect(annual.toString()).toBe('99999999.99999996');
    // round(A · m / 12) of the exact A: 8 333 333,333…3 öre rounds to 8 333 333 öre, 6/12 to 50 000 000.
    expect(ackEven(annual, 1)).toEqual(8_333_333n);
    expect(ackEven(annual, 6)).toEqual(50_000_000n);
    // The whole year is the annual amount itself, unrounded: the parts sum to it exactly.
    expect(ackEven(annual, 12)).toEqual(annual);
    const parts = monthlyParts(annual);
    expect(sum(parts)).toEqual(annual);
    // The derived months are whole öre, except December, which carries the annual amount's fraction.
    for (const p of parts.slice(0, 11)) expect(p.isInteger()).toBe(true);
    expect(parts[11]?.toString()).toBe('8333332.99999996'); // A − round(11A / 12)
    // Half an öre rounds away from zero, whatever the sign; a share of a fraction too.
    expect(ackEven(ore('12.5'), 6)).toEqual(6n); // 6,25 öre
    expect(ackEven(ore('13'), 6)).toEqual(7n); // 6,5 öre
    expect(ackEven(ore('-13'), 6)).toEqual(-7n);
    expect(ackEven(ore('12.5'), 12)).toEqual(ore('12.5'));
    expect(ackEven(ore('12.4999'), 11)).toEqual(11n);
    expect(ackByShare(ore('0.5'), new Exact(1), new Exact(2))).toEqual(0n); // 0,25 öre
    expect(ackByShare(ore('0.5'), new Exact(1), new Exact(1))).toEqual(ore('0.5'));
    expect(ackByShare(ore(1_200n), ore('2.5'), ore('10'))).toEqual(300n); // last year's share 2,5 / 10 öre
    // The shown cell rounds from that exact öre amount, not from the annual: 8 333 333 öre is 83 tkr,
    // and 83 333,33 kr.
    expect(roundToUnit(ackEven(annual, 1), 'tkr', 0, 'half-away-from-zero')).toEqual({ value: 83n, decimals: 0 });
    expect(roundToUnit(ackEven(annual, 1), 'kr', 2, 'half-away-from-zero')).toEqual({ value: 8_333_333n, decimals: 2 });
  });

  it('weighted parts sum to the annual amount exactly, and follow decimal.js', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(ore),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 8n }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (annual, raw, scale, m) => {
          fc.pre(raw.some((x) => x > 0n));
          const w = asWeights(raw, scale);
          expect(sum(monthlyParts(annual, w))).toEqual(annual);
          expect(ackByWeights(annual, w, 12)).toEqual(annual);
          const upTo = raw.slice(0, m).reduce((a, b) => a + b, 0n);
          const total = raw.reduce((a, b) => a + b, 0n);
          expect(ackByWeights(annual, w, m)).toEqual(share(annual, new D(upTo.toString()), new D(total.toString())));
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
  const annual = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(ore);
  const month = fc.integer({ min: 1, max: 12 });
  const weights = fc
    .array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 12, maxLength: 12 })
    .filter((w) => w.some((x) => x > 0n))
    .map((w) => asWeights(w));

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
        fc.option(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).map(ore), { nil: undefined }),
        fc.option(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).map(ore), { nil: undefined }),
        (a, m, fgAck, fgHelar) => {
          const got = budgetAck(a, { kind: 'fg-ar' }, m, { code: '51', konto: '', fgAck, fgHelar });
          const missing = fgAck === undefined || fgHelar === undefined || fgHelar.isZero();
          if (a.isZero()) expect(got).toEqual({ ack: 0n, fellBack: false });
          else if (missing) expect(got).toEqual({ ack: ackEven(a, m), fellBack: true });
          else expect(got).toEqual({ ack: share(a, fgAck, fgHelar), fellBack: false });
        },
      ),
    );
    expect(budgetAck(ore(1_200n), { kind: 'fg-ar' }, 3, { code: '51', konto: '', fgAck: ore(10n), fgHelar: ore(40n) })).toEqual({
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
        for (const method of methods)
          expect(budgetAck(a, method, 12, { code: '51', konto: '', fgAck: ore(7n), fgHelar: ore(7n) }).ack).toEqual(a);
        expect(ackByShare(a, new Exact(1), new Exact(1))).toEqual(a);
      }),
    );
  });
});

describe('a budget dated once is an annual budget', () => {
  const totals = (entries: [string, [string, bigint | string][]][]) =>
    new Map(entries.map(([c, ps]) => [c, new Map(ps.map(([p, a]) => [p, ore(a)]))]));

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
    // Fractions of an öre are moved and added exactly.
    expect(
      asAnnual(
        totals([
          [
            '51',
            [
              ['2024-01', '8333333.33333333'],
              ['', '0.00000004'],
            ],
          ],
        ]),
        '2024-01',
      ),
    ).toEqual(totals([['51', [['', '8333333.33333337']]]]));
  });
});
