/**
 * The rounding rule (src/rules/rounding.ts): each mode against decimal.js as an independent
 * oracle, the öre policy for derived amounts, and the deviation percent in either mode.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, ore, UNIT_EXPONENT, UNITS, type Ore } from '../../src/core/money.js';
import { exactInUnit, percentOf, PERCENT_DECIMALS, roundedInteger, roundToUnit, toOre } from '../../src/rules/rounding.js';

// An independent oracle for rounding: decimal.js with explicit precision and rounding modes.
const D = Decimal.clone({ precision: 60 });
function oracle(amount: string, exp: number, decimals: number, mode: 'half-away-from-zero' | 'half-even'): string {
  const v = new D(amount).div(new D(10).pow(exp));
  return v.toDecimalPlaces(decimals, mode === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP).toFixed(decimals);
}
const asString = (f: { value: bigint; decimals: number }) => new D(f.value.toString()).div(new D(10).pow(f.decimals)).toFixed(f.decimals);

/** An amount in öre as decimal text: whole öre, or n / 10^scale öre (a fraction of an öre), e.g. '-12.5'. */
const amountText = (max: bigint) =>
  fc.oneof(
    fc.bigInt({ min: -max, max }).map((n) => n.toString()),
    fc
      .tuple(fc.bigInt({ min: -max, max }), fc.integer({ min: 1, max: 12 }))
      .map(([n, scale]) => new D(n.toString()).div(new D(10).pow(scale)).toFixed()),
  );

/** n / d as an exact value (what the removed bigint rounders took as numerator and divisor). */
const quotient = (n: bigint, d: bigint): Decimal => new Exact(n.toString()).div(d.toString());

describe('rounding', () => {
  it('rounds halves away from zero by default, as published reports do', () => {
    expect(roundToUnit(ore(-1_250_000n), 'tkr', 0, 'half-away-from-zero').value).toBe(-13n); // −12,5 tkr
    expect(roundToUnit(ore(4_250_000n), 'tkr', 0, 'half-away-from-zero').value).toBe(43n); // 42,5 tkr
    expect(roundToUnit(ore(-1_249_999n), 'tkr', 0, 'half-away-from-zero').value).toBe(-12n);
  });

  it('rounds halves to even with half-even', () => {
    expect(roundToUnit(ore(-1_250_000n), 'tkr', 0, 'half-even').value).toBe(-12n);
    expect(roundToUnit(ore(4_250_000n), 'tkr', 0, 'half-even').value).toBe(42n);
    expect(roundToUnit(ore(4_350_000n), 'tkr', 0, 'half-even').value).toBe(44n);
    expect(roundToUnit(ore(4_250_001n), 'tkr', 0, 'half-even').value).toBe(43n);
  });

  it('rounds mnkr to one decimal', () => {
    expect(roundToUnit(ore(-595_000_000n), 'mnkr', 1, 'half-away-from-zero')).toEqual({ value: -60n, decimals: 1 });
    expect(roundToUnit(ore(-594_999_999n), 'mnkr', 1, 'half-away-from-zero')).toEqual({ value: -59n, decimals: 1 });
  });

  it('pads when more decimals than öre are asked for', () => {
    expect(roundToUnit(ore(12_345n), 'kr', 4, 'half-even')).toEqual({ value: 1_234_500n, decimals: 4 });
  });

  it('rounds an amount with a fraction of an öre once, from its exact value', () => {
    // 12,5 öre is 0,125 kr: to whole öre, 13 half away from zero and 12 half to even.
    expect(roundToUnit(ore('12.5'), 'kr', 2, 'half-away-from-zero')).toEqual({ value: 13n, decimals: 2 });
    expect(roundToUnit(ore('12.5'), 'kr', 2, 'half-even')).toEqual({ value: 12n, decimals: 2 });
    expect(roundToUnit(ore('-12.5'), 'kr', 2, 'half-away-from-zero')).toEqual({ value: -13n, decimals: 2 });
    expect(roundToUnit(ore('-12.5'), 'kr', 2, 'half-even')).toEqual({ value: -12n, decimals: 2 });
    expect(roundToUnit(ore('12.5000001'), 'kr', 2, 'half-even')).toEqual({ value: 13n, decimals: 2 });
    expect(roundToUnit(ore('13.5'), 'kr', 2, 'half-even')).toEqual({ value: 14n, decimals: 2 });
    // No double rounding: 49,5 öre (0,495 kr) is 0 kr, though 50 öre (the amount rounded to the öre
    // first) would show 1 kr; likewise 49 999,5 öre is 0 tkr, not the 1 tkr of 50 000 öre.
    expect(roundToUnit(ore('49.5'), 'kr', 0, 'half-away-from-zero')).toEqual({ value: 0n, decimals: 0 });
    expect(roundToUnit(ore('49.5'), 'kr', 1, 'half-away-from-zero')).toEqual({ value: 5n, decimals: 1 });
    expect(roundToUnit(ore('-49999.5'), 'tkr', 0, 'half-away-from-zero')).toEqual({ value: 0n, decimals: 0 });
    expect(roundToUnit(ore('-50000'), 'tkr', 0, 'half-away-from-zero')).toEqual({ value: -1n, decimals: 0 });
    // 83 333,3333333333 kr (Excel's General format): 83 333 kr, 83 333,33 kr, 83 tkr, 0,1 mnkr.
    const excel = ore('8333333.33333333');
    expect(roundToUnit(excel, 'kr', 0, 'half-away-from-zero')).toEqual({ value: 83_333n, decimals: 0 });
    expect(roundToUnit(excel, 'kr', 2, 'half-away-from-zero')).toEqual({ value: 8_333_333n, decimals: 2 });
    expect(roundToUnit(excel, 'kr', 4, 'half-away-from-zero')).toEqual({ value: 833_333_333n, decimals: 4 });
    expect(roundToUnit(excel, 'tkr', 0, 'half-away-from-zero')).toEqual({ value: 83n, decimals: 0 });
    expect(roundToUnit(excel, 'mnkr', 1, 'half-away-from-zero')).toEqual({ value: 1n, decimals: 1 });
    // Twelve of them sum exactly to 999 999,9999999996 kr, which shows as 1 000 000 kr.
    expect(roundToUnit(excel.times(12), 'kr', 0, 'half-even')).toEqual({ value: 1_000_000n, decimals: 0 });
    expect(roundToUnit(excel.times(12), 'kr', 4, 'half-even')).toEqual({ value: 10_000_000_000n, decimals: 4 });
  });

  it('agrees with decimal.js for every amount, unit, decimals and mode', () => {
    fc.assert(
      fc.property(
        amountText(10n ** 15n),
        fc.constantFrom(...UNITS),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('half-away-from-zero' as const, 'half-even' as const),
        (amount, unit, decimals, mode) => {
          expect(asString(roundToUnit(ore(amount), unit, decimals, mode))).toBe(oracle(amount, UNIT_EXPONENT[unit], decimals, mode));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rounds a quotient to a whole number like decimal.js, for any signs of numerator and divisor', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), (n, d) => {
        fc.pre(d !== 0n);
        const q = new D(n.toString()).div(d.toString());
        expect(roundedInteger(quotient(n, d), 'half-away-from-zero').toString()).toBe(
          q.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0),
        );
        expect(roundedInteger(quotient(n, d), 'half-even').toString()).toBe(q.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0));
      }),
      { numRuns: 3000 },
    );
    expect(roundedInteger(quotient(-5n, -10n), 'half-away-from-zero')).toBe(1n);
    expect(roundedInteger(quotient(5n, -10n), 'half-away-from-zero')).toBe(-1n);
    expect(roundedInteger(quotient(-58_236_657_34n, -100n), 'half-away-from-zero')).toBe(58_236_657n);
  });

  it('rounds exact ties and negative numbers to a whole number in either mode', () => {
    expect(roundedInteger(quotient(-5n, 10n), 'half-away-from-zero')).toBe(-1n);
    expect(roundedInteger(quotient(5n, 10n), 'half-away-from-zero')).toBe(1n);
    expect(roundedInteger(quotient(-5n, 10n), 'half-even')).toBe(0n);
    expect(roundedInteger(quotient(-15n, 10n), 'half-even')).toBe(-2n);
    // The same ties as shown cells: −0,5 and −1,5 kr to whole kr.
    expect(roundToUnit(ore(-50n), 'kr', 0, 'half-away-from-zero')).toEqual({ value: -1n, decimals: 0 });
    expect(roundToUnit(ore(-50n), 'kr', 0, 'half-even')).toEqual({ value: 0n, decimals: 0 });
    expect(roundToUnit(ore(-150n), 'kr', 0, 'half-even')).toEqual({ value: -2n, decimals: 0 });
    expect(roundToUnit(ore(50n), 'kr', 0, 'half-away-from-zero')).toEqual({ value: 1n, decimals: 0 });
  });
});

describe('exact values', () => {
  it('shows exact amounts with as few decimals as needed', () => {
    expect(exactInUnit(ore(123_456_789n), 'tkr')).toEqual({ value: 123_456_789n, decimals: 5 });
    expect(exactInUnit(ore(123_400_000n), 'tkr')).toEqual({ value: 1234n, decimals: 0 });
    expect(exactInUnit(ore(-50n), 'kr')).toEqual({ value: -5n, decimals: 1 });
  });

  it('shows an amount with a fraction of an öre with more decimals than öre, never rounded', () => {
    expect(exactInUnit(ore('12.5'), 'kr')).toEqual({ value: 125n, decimals: 3 }); // 0,125 kr
    expect(exactInUnit(ore('-12.5'), 'kr')).toEqual({ value: -125n, decimals: 3 });
    expect(exactInUnit(ore('8333333.33333333'), 'tkr')).toEqual({ value: 833_333_333_333_333n, decimals: 13 }); // 83,3333333333333 tkr
    expect(exactInUnit(ore('99999999.99999996'), 'kr')).toEqual({ value: 9_999_999_999_999_996n, decimals: 10 });
  });

  it('agrees with decimal.js for every amount and unit', () => {
    fc.assert(
      fc.property(amountText(10n ** 15n), fc.constantFrom(...UNITS), (amount, unit) => {
        const shown = exactInUnit(ore(amount), unit);
        const expected = new D(amount).div(new D(10).pow(UNIT_EXPONENT[unit]));
        expect(new D(shown.value.toString()).div(new D(10).pow(shown.decimals)).eq(expected)).toBe(true);
        expect(shown.decimals).toBe(expected.decimalPlaces());
      }),
    );
  });
});

describe('öre policy', () => {
  it('derived amounts are rounded to the öre half away from zero', () => {
    expect(toOre(ore(8_000n).div(12))).toEqual(667n);
    expect(toOre(ore(-5n).div(10))).toEqual(-1n);
    expect(toOre(ore('12.5'))).toEqual(13n);
    expect(toOre(ore('-12.5'))).toEqual(-13n);
    expect(toOre(ore('8333333.33333333'))).toEqual(8_333_333n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const expected = BigInt(new D(n.toString()).div(d.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
        expect(toOre(ore(n).div(d.toString()))).toEqual(expected);
      }),
    );
  });
});

describe('deviation percent', () => {
  const modes = ['half-away-from-zero', 'half-even'] as const;
  const pctOracle = (dev: Ore, budget: Ore, decimals: number, mode: (typeof modes)[number]) =>
    new D(dev.toString())
      .div(new D(budget.toString()).abs())
      .mul(100)
      .toDecimalPlaces(decimals, mode === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP)
      .toFixed(decimals);

  it('is deviation / |budget| from unrounded amounts, rounded once in the report mode', () => {
    fc.assert(
      fc.property(
        amountText(10n ** 13n).map(ore),
        amountText(10n ** 13n).map(ore),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...modes),
        (dev, budget, decimals, mode) => {
          fc.pre(!budget.isZero());
          const p = percentOf(dev, budget, decimals, mode);
          expect(p && asString(p)).toBe(pctOracle(dev, budget, decimals, mode));
          // The sign is the deviation's, whatever the sign of the budget (the same in both perspectives).
          expect(percentOf(dev, budget.neg(), decimals, mode)).toEqual(p);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('honours the rounding mode on exact ties, and has no value without a budget', () => {
    // 1 / 80 = 1,25 %: one decimal.
    expect(percentOf(ore(1n), ore(80n), PERCENT_DECIMALS, 'half-away-from-zero')).toEqual({ value: 13n, decimals: 1 });
    expect(percentOf(ore(1n), ore(80n), PERCENT_DECIMALS, 'half-even')).toEqual({ value: 12n, decimals: 1 });
    expect(percentOf(ore(-1n), ore(-80n), PERCENT_DECIMALS, 'half-away-from-zero')).toEqual({ value: -13n, decimals: 1 });
    expect(percentOf(ore(5n), ore(0n), PERCENT_DECIMALS, 'half-even')).toBeNull();
    // From exact amounts with fractions of an öre: 0,5 / 40 = 1,25 %; 0,4999 / 40 = 1,2497… %.
    expect(percentOf(ore('0.5'), ore('40'), PERCENT_DECIMALS, 'half-away-from-zero')).toEqual({ value: 13n, decimals: 1 });
    expect(percentOf(ore('0.5'), ore('40'), PERCENT_DECIMALS, 'half-even')).toEqual({ value: 12n, decimals: 1 });
    expect(percentOf(ore('0.4999'), ore('40'), PERCENT_DECIMALS, 'half-away-from-zero')).toEqual({ value: 12n, decimals: 1 });
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
      summa: { utfall: ore(79n), budget: ore(80n), avvikelse: ore(1n) },
    };
    const cell = (rounding: 'half-away-from-zero' | 'half-even') =>
      presentTable(table, { unit: 'kr', decimals: 0, rounding, exact: false }).summa.avvikelse_procent;
    expect(cell('half-away-from-zero')).toEqual({ kind: 'percent', value: { value: 13n, decimals: 1 } });
    expect(cell('half-even')).toEqual({ kind: 'percent', value: { value: 12n, decimals: 1 } });
  });
});
