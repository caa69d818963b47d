/**
 * The forecast rule (src/rules/forecast.ts): each method against decimal.js, and `forecast`'s
 * choice of method with its fallback from last year's profile to the budget method.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast, PROGNOS_METODER, prognosBudget, prognosFgAr, prognosLinjar, type PrognosInput } from '../../src/rules/forecast.js';

const D = Decimal.clone({ precision: 60 });
const share = (a: bigint, b: bigint, c: bigint): bigint =>
  BigInt(new D(a.toString()).mul(b.toString()).div(c.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

const amount = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
const input = fc.record<PrognosInput>(
  {
    utfallAck: amount,
    budgetHelar: amount,
    budgetAck: amount,
    month: fc.integer({ min: 1, max: 12 }),
    fgAck: fc.option(fc.oneof(fc.constant(0n), amount), { nil: undefined }),
    fgHelar: fc.option(amount, { nil: undefined }),
  },
  { requiredKeys: ['utfallAck', 'budgetHelar', 'budgetAck', 'month'] },
);

describe('forecast methods', () => {
  it('budget: utfall ack plus the budget that remains', () => {
    fc.assert(
      fc.property(input, (p) => {
        expect(prognosBudget(p) - p.budgetHelar).toBe(p.utfallAck - p.budgetAck);
      }),
    );
  });

  it('linjär: utfall ack × 12 / month, to the öre; the full year is the utfall', () => {
    fc.assert(
      fc.property(input, (p) => {
        expect(prognosLinjar(p)).toBe(share(p.utfallAck, 12n, BigInt(p.month)));
        expect(prognosLinjar({ ...p, month: 12 })).toBe(p.utfallAck);
      }),
    );
  });

  it("fg-år: utfall ack scaled by last year's full year over its ack, or nothing without last year", () => {
    fc.assert(
      fc.property(input, (p) => {
        const got = prognosFgAr(p);
        if (p.fgAck === undefined || p.fgHelar === undefined || p.fgAck === 0n) expect(got).toBeNull();
        else expect(got).toBe(share(p.utfallAck, p.fgHelar, p.fgAck));
      }),
    );
  });
});

describe('forecast: the method and its fallback', () => {
  it('applies the chosen method; fg-år falls back to the budget method, and says so, exactly where last year has nothing', () => {
    expect(forecast('fg-ar', { utfallAck: 500n, budgetHelar: 1_200n, budgetAck: 800n, month: 8 })).toEqual({
      prognos: 900n,
      fellBack: true,
    });
    fc.assert(
      fc.property(input, fc.constantFrom(...PROGNOS_METODER), (p, method) => {
        const got = forecast(method, p);
        if (method === 'linjar') expect(got).toEqual({ prognos: prognosLinjar(p), fellBack: false });
        else if (method === 'budget') expect(got).toEqual({ prognos: prognosBudget(p), fellBack: false });
        else {
          const fg = prognosFgAr(p);
          expect(got).toEqual(fg === null ? { prognos: prognosBudget(p), fellBack: true } : { prognos: fg, fellBack: false });
        }
      }),
    );
  });
});
