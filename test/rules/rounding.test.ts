/**
 * The rounding rule (src/rules/rounding.ts): each mode against decimal.js as an independent
 * oracle, the öre policy for derived amounts, and the deviation percent in either mode.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactInUnit, halfAwayFromZero, halfEven, percentOf, PERCENT_DECIMALS, roundToUnit, toOre } from '../../src/rules/rounding.js';
import { UNIT_EXPONENT, UNITS } from '../../src/core/money.js';

// An independent oracle for rounding: decimal.js with explicit precision and rounding modes.
const D = Decimal.clone({ precision: 60 });
function oracle(ore: bigint, exp: number, decimals: number, mode: 'half-away-from-zero' | 'half-even'): string {
  const v = new D(ore.toString()).div(new D(10).pow(exp));
  return v.toDecimalPlaces(decimals, mode === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP).toFixed(decimals);
}
const asString = (f: { value: bigint; decimals: number }) => new D(f.value.toString()).div(new D(10).pow(f.decimals)).toFixed(f.decimals);

describe('rounding', () => {
  it('rounds halves away from zero by default, as published reports do', () => {
    expect(roundToUnit(-1_250_000n, 'tkr', 0, 'half-away-from-zero').value).toBe(-13n); // −12,5 tkr
    expect(roundToUnit(4_250_000n, 'tkr', 0, 'half-away-from-zero').value).toBe(43n); // 42,5 tkr
    expect(roundToUnit(-1_249_999n, 'tkr', 0, 'half-away-from-zero').value).toBe(-12n);
  });

  it('rounds halves to even with half-even', () => {
    expect(roundToUnit(-1_250_000n, 'tkr', 0, 'half-even').value).toBe(-12n);
    expect(roundToUnit(4_250_000n, 'tkr', 0, 'half-even').value).toBe(42n);
    expect(roundToUnit(4_350_000n, 'tkr', 0, 'half-even').value).toBe(44n);
    expect(roundToUnit(4_250_001n, 'tkr', 0, 'half-even').value).toBe(43n);
  });

  it('rounds mnkr to one decimal', () => {
    expect(roundToUnit(-595_000_000n, 'mnkr', 1, 'half-away-from-zero')).toEqual({ value: -60n, decimals: 1 });
    expect(roundToUnit(-594_999_999n, 'mnkr', 1, 'half-away-from-zero')).toEqual({ value: -59n, decimals: 1 });
  });

  it('pads when more decimals than öre are asked for', () => {
    expect(roundToUnit(12_345n, 'kr', 4, 'half-even')).toEqual({ value: 1_234_500n, decimals: 4 });
  });

  it('agrees with decimal.js for every amount, unit, decimals and mode', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom(...UNITS),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('half-away-from-zero' as const, 'half-even' as const),
        (ore, unit, decimals, mode) => {
          expect(asString(roundToUnit(ore, unit, decimals, mode))).toBe(oracle(ore, UNIT_EXPONENT[unit], decimals, mode));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('named rounders agree with decimal.js for any signs of numerator and divisor', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), (n, d) => {
        fc.pre(d !== 0n);
        const q = new D(n.toString()).div(d.toString());
        expect(halfAwayFromZero(n, d).toString()).toBe(q.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
        expect(halfEven(n, d).toString()).toBe(q.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0));
      }),
      { numRuns: 3000 },
    );
    expect(halfAwayFromZero(-5n, -10n)).toBe(1n);
    expect(halfAwayFromZero(5n, -10n)).toBe(-1n);
    expect(halfAwayFromZero(-58_236_657_34n, -100n)).toBe(58_236_657n);
  });

  it('named rounders handle exact ties and negative numbers', () => {
    expect(halfAwayFromZero(-5n, 10n)).toBe(-1n);
    expect(halfAwayFromZero(5n, 10n)).toBe(1n);
    expect(halfEven(-5n, 10n)).toBe(0n);
    expect(halfEven(-15n, 10n)).toBe(-2n);
  });
});

describe('exact values', () => {
  it('shows exact amounts with as few decimals as needed', () => {
    expect(exactInUnit(123_456_789n, 'tkr')).toEqual({ value: 123_456_789n, decimals: 5 });
    expect(exactInUnit(123_400_000n, 'tkr')).toEqual({ value: 1234n, decimals: 0 });
    expect(exactInUnit(-50n, 'kr')).toEqual({ value: -5n, decimals: 1 });
  });
});

describe('öre policy', () => {
  it('derived amounts are rounded to the öre half away from zero', () => {
    expect(toOre(8_000n, 12n)).toBe(667n);
    expect(toOre(-5n, 10n)).toBe(-1n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        expect(toOre(n, d)).toBe(halfAwayFromZero(n, d));
      }),
    );
  });
});

describe('deviation percent', () => {
  const modes = ['half-away-from-zero', 'half-even'] as const;
  const pctOracle = (dev: bigint, budget: bigint, decimals: number, mode: (typeof modes)[number]) =>
    new D(dev.toString())
      .div(new D(budget.toString()).abs())
      .mul(100)
      .toDecimalPlaces(decimals, mode === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP)
      .toFixed(decimals);

  it('is deviation / |budget| from unrounded amounts, rounded once in the report mode', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...modes),
        (dev, budget, decimals, mode) => {
          fc.pre(budget !== 0n);
          const p = percentOf(dev, budget, decimals, mode);
          expect(p && asString(p)).toBe(pctOracle(dev, budget, decimals, mode));
          // The sign is the deviation's, whatever the sign of the budget (the same in both perspectives).
          expect(percentOf(dev, -budget, decimals, mode)).toEqual(p);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('honours the rounding mode on exact ties, and has no value without a budget', () => {
    // 1 / 80 = 1,25 %: one decimal.
    expect(percentOf(1n, 80n, PERCENT_DECIMALS, 'half-away-from-zero')).toEqual({ value: 13n, decimals: 1 });
    expect(percentOf(1n, 80n, PERCENT_DECIMALS, 'half-even')).toEqual({ value: 12n, decimals: 1 });
    expect(percentOf(-1n, -80n, PERCENT_DECIMALS, 'half-away-from-zero')).toEqual({ value: -13n, decimals: 1 });
    expect(percentOf(5n, 0n, PERCENT_DECIMALS, 'half-even')).toBeNull();
  });
});

describe('percent cells', () => {
  it('are rounded in the report rounding mode, like the amounts', async () => {
    const { presentTable } = await import('../../src/report/present.js');
    const table = {
      id: 'drift',
      report: 'drift' as const,
      title: { kind: 'drift' as const, year: '2024', unit: 'kr' as const },
      dimension: 'verksamhet',
      columns: ['avvikelse_procent' as const],
      rows: [],
      summa: { utfall: 79n, budget: 80n, avvikelse: 1n },
    };
    const cell = (rounding: 'half-away-from-zero' | 'half-even') =>
      presentTable(table, { unit: 'kr', decimals: 0, rounding, exact: false }).summa.avvikelse_procent;
    expect(cell('half-away-from-zero')).toEqual({ kind: 'percent', value: { value: 13n, decimals: 1 } });
    expect(cell('half-even')).toEqual({ kind: 'percent', value: { value: 12n, decimals: 1 } });
  });
});
