/**
 * The forecast rule (src/rules/forecast.ts): each method against decimal.js, and `forecast`'s
 * choice of method with its fallback from last year's profile to the budget method.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore, type Ore } from '../../src/core/money.js';
import { forecast, PROGNOS_METODER, prognosBudget, prognosFgAr, prognosLinjar, type PrognosInput } from '../../src/rules/forecast.js';

// An independent oracle: a decimal.js of its own, not the amounts' `Exact`.
const D = Decimal.clone({ precision: 60 });
/** round(a × b / c) half away from zero, with decimal.js. */
const share = (a: Ore, b: Ore | number, c: Ore | number): bigint =>
  BigInt(new D(a.toString()).mul(b.toString()).div(c.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

const amount = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(ore);
const input = fc.record<PrognosInput>(
  {
    utfallAck: amount,
    budgetHelar: amount,
    budgetAck: amount,
    month: fc.integer({ min: 1, max: 12 }),
    fgAck: fc.option(fc.oneof(fc.constant(ore(0n)), amount), { nil: undefined }),
    fgHelar: fc.option(amount, { nil: undefined }),
  },
  { requiredKeys: ['utfallAck', 'budgetHelar', 'budgetAck', 'month'] },
);

describe('forecast methods', () => {
  it('budget: utfall ack plus the budget that remains', () => {
    fc.assert(
      fc.property(input, (p) => {
        expect(prognosBudget(p).minus(p.budgetHelar)).toEqual(p.utfallAck.minus(p.budgetAck));
      }),
    );
  });

  it('linjär: utfall ack × 12 / month, to the öre; the full year is the utfall', () => {
    fc.assert(
      fc.property(input, (p) => {
        expect(prognosLinjar(p)).toEqual(share(p.utfallAck, 12, p.month));
        expect(prognosLinjar({ ...p, month: 12 })).toEqual(p.utfallAck);
      }),
    );
  });

  it("fg-år: utfall ack scaled by last year's full year over its ack, or nothing without last year", () => {
    fc.assert(
      fc.property(input, (p) => {
        const got = prognosFgAr(p);
        if (p.fgAck === undefined || p.fgHelar === undefined || p.fgAck.isZero()) expect(got).toBeNull();
        else expect(got).toEqual(share(p.utfallAck, p.fgHelar, p.fgAck));
      }),
    );
  });
});

describe('forecast: the method and its fallback', () => {
  it('applies the chosen method; fg-år falls back to the budget method, and says so, exactly where last year has nothing', () => {
    expect(forecast('fg-ar', { utfallAck: ore(500n), budgetHelar: ore(1_200n), budgetAck: ore(800n), month: 8 })).toEqual({
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
