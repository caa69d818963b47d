/**
 * Properties of verify's tolerance (src/rules/tolerance.ts): what `TERMS` allows is enough
 * for every correctly rounded table — a Summa, a deviation, a relation, a parent row — in
 * both rounding modes and at every published precision; and a published cell matches the
 * ledger exactly when it is the exact amount rounded to its own decimals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore, PUBLISHED_SCALE, ZERO, type Ore, type Unit } from '../../src/core/money.js';
import { roundToUnit, ROUNDING_MODES } from '../../src/rules/rounding.js';
import { ledgerAsPublished, matchesLedger, roundingTolerance, roundingToleranceOf, TERMS } from '../../src/rules/tolerance.js';

/** An exact amount: whole öre mostly, and now and then with a fraction of an öre (up to ten decimals). */
const amount = fc.oneof(
  { weight: 3, arbitrary: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }).map(ore) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 1, max: 10 }))
      .map(([n, scale]) => ore(n).div(ore(10n).pow(scale))),
  },
);
const mode = fc.constantFrom(...ROUNDING_MODES);
const unit = fc.constantFrom<Unit>('kr', 'tkr', 'mnkr');
const decimals = fc.integer({ min: 0, max: PUBLISHED_SCALE });
const abs = (n: bigint) => (n < 0n ? -n : n);
/** An amount as published: rounded once to `d` decimals of `u`, at the published scale. */
const shown = (o: Ore, u: Unit, d: number, m: (typeof ROUNDING_MODES)[number]) => ledgerAsPublished({ ore: o, unit: u }, d, m);

describe('roundingTolerance', () => {
  it('is enough for a Summa of correctly rounded rows (n rows + the Summa)', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 30 }), unit, decimals, mode, (rows, u, d, m) => {
        const total = shown(
          rows.reduce((a, b) => a.plus(b), ZERO),
          u,
          d,
          m,
        );
        const sum = rows.reduce((a, r) => a + shown(r, u, d, m), 0n);
        expect(abs(total - sum) <= roundingTolerance(d, TERMS.sumOf(rows.length))).toBe(true);
      }),
    );
  });

  it('is enough for a deviation (budget, outcome and the deviation) in both perspectives', () => {
    fc.assert(
      fc.property(amount, amount, unit, decimals, mode, (budget, outcome, u, d, m) => {
        for (const [planned, actual] of [
          [budget, outcome],
          [outcome, budget],
        ] as const) {
          const expected = shown(planned, u, d, m) - shown(actual, u, d, m);
          expect(abs(shown(planned.minus(actual), u, d, m) - expected) <= roundingTolerance(d, TERMS.deviation)).toBe(true);
        }
      }),
    );
  });

  it('is enough for a relation of k signed terms and for a parent row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(1n, -1n), amount), { minLength: 1, maxLength: 8 }),
        unit,
        decimals,
        mode,
        (terms, u, d, m) => {
          const target = shown(
            terms.reduce((a, [s, v]) => a.plus(v.times(s.toString())), ZERO),
            u,
            d,
            m,
          );
          const expected = terms.reduce((a, [s, v]) => a + s * shown(v, u, d, m), 0n);
          expect(abs(target - expected) <= roundingTolerance(d, TERMS.relationOf(terms.length))).toBe(true);
          // A parent row and a sub-table's Summa: the same exact total, rounded twice.
          const total = terms.reduce((a, [, v]) => a.plus(v), ZERO);
          expect(abs(shown(total, u, d, m) - shown(total, u, d, m)) <= roundingTolerance(d, TERMS.parentRow)).toBe(true);
        },
      ),
    );
  });

  it('is half a unit per term, floored at the published scale, and nothing for no terms', () => {
    fc.assert(
      fc.property(decimals, fc.nat({ max: 1000 }), (d, n) => {
        const unitAtScale = 10n ** BigInt(PUBLISHED_SCALE - d);
        const tol = roundingTolerance(d, n);
        expect(2n * tol <= BigInt(n) * unitAtScale && BigInt(n) * unitAtScale < 2n * tol + 2n).toBe(true);
      }),
    );
    expect(roundingTolerance(0, TERMS.sumOf(2))).toBe(15_000n);
    expect(roundingTolerance(1, TERMS.deviation)).toBe(1_500n);
    expect(roundingTolerance(1, TERMS.ledgerCell)).toBe(0n);
    expect(roundingTolerance(PUBLISHED_SCALE, 1)).toBe(0n);
    expect(() => roundingTolerance(PUBLISHED_SCALE + 1, 1)).toThrow(RangeError);
    expect(() => roundingTolerance(0, -1)).toThrow(RangeError);
  });

  it('with decimals per term: half a unit of each, and roundingTolerance when they are equal', () => {
    fc.assert(
      fc.property(decimals, fc.nat({ max: 50 }), (d, n) => {
        expect(roundingToleranceOf(Array.from({ length: n }, () => d))).toBe(roundingTolerance(d, n));
      }),
    );
    fc.assert(
      fc.property(amount, unit, decimals, decimals, mode, (o, u, d1, d2, m) => {
        // The same exact total shown twice, at different decimals (a sub-table's Summa and its parent row).
        expect(abs(shown(o, u, d1, m) - shown(o, u, d2, m)) <= roundingToleranceOf([d1, d2])).toBe(true);
      }),
    );
    expect(roundingToleranceOf([1, 0])).toBe(5_500n);
  });

  it('names the term counts of every check', () => {
    expect(TERMS).toMatchObject({ ledgerCell: 0, parentRow: 2, deviation: 3 });
    expect(TERMS.sumOf(16)).toBe(17);
    expect(TERMS.relationOf(2)).toBe(3);
  });
});

describe('matchesLedger', () => {
  it('a cell written by report (rounded once at its decimals) matches; one unit off does not', () => {
    fc.assert(
      fc.property(amount, unit, decimals, mode, (o, u, d, m) => {
        const written = roundToUnit(o, u, d, m);
        const value = written.value * 10n ** BigInt(PUBLISHED_SCALE - written.decimals);
        const step = 10n ** BigInt(PUBLISHED_SCALE - d);
        expect(matchesLedger({ ore: o, unit: u }, { value, decimals: d, percent: false }, m)).toBe(true);
        expect(matchesLedger({ ore: o, unit: u }, { value: value + step, decimals: d, percent: false }, m)).toBe(false);
        expect(matchesLedger({ ore: o, unit: u }, { value: value - step, decimals: d, percent: false }, m)).toBe(false);
      }),
    );
  });

  it('holds each cell to its own decimals (a whole-tkr cell and a one-decimal cell of the same amount both match)', () => {
    fc.assert(
      fc.property(
        amount,
        mode,
        fc.integer({ min: 0, max: PUBLISHED_SCALE }),
        fc.integer({ min: 0, max: PUBLISHED_SCALE }),
        (o, m, d1, d2) => {
          const exact = { ore: o, unit: 'tkr' as const };
          expect(matchesLedger(exact, { value: ledgerAsPublished(exact, d1, m), decimals: d1, percent: false }, m)).toBe(true);
          expect(matchesLedger(exact, { value: ledgerAsPublished(exact, d2, m), decimals: d2, percent: false }, m)).toBe(true);
        },
      ),
    );
  });

  it('follows the documented examples and the rounding mode', () => {
    const exact = { ore: ore(6_551_770_000n), unit: 'tkr' } as const;
    expect(matchesLedger(exact, { value: 655_177_000n, decimals: 1, percent: false }, 'half-away-from-zero')).toBe(true);
    expect(matchesLedger(exact, { value: 655_180_000n, decimals: 0, percent: false }, 'half-away-from-zero')).toBe(true);
    expect(matchesLedger(exact, { value: 655_180_000n, decimals: 1, percent: false }, 'half-away-from-zero')).toBe(false);
    // 2,5 tkr: 3 halves away from zero, 2 halves to even.
    const half = { ore: ore(250_000n), unit: 'tkr' } as const;
    expect(matchesLedger(half, { value: 30_000n, decimals: 0, percent: false }, 'half-away-from-zero')).toBe(true);
    expect(matchesLedger(half, { value: 30_000n, decimals: 0, percent: false }, 'half-even')).toBe(false);
    expect(matchesLedger(half, { value: 20_000n, decimals: 0, percent: false }, 'half-even')).toBe(true);
    // An exact amount with a fraction of an öre is rounded from that value, not first to the öre:
    // 49 999,5 öre is 0,499995 tkr, a published 0 (whole tkr) and 0,5 (one decimal); 1 would be wrong.
    const fraction = { ore: ore('49999.5'), unit: 'tkr' } as const;
    expect(matchesLedger(fraction, { value: 0n, decimals: 0, percent: false }, 'half-away-from-zero')).toBe(true);
    expect(matchesLedger(fraction, { value: 10_000n, decimals: 0, percent: false }, 'half-away-from-zero')).toBe(false);
    expect(matchesLedger(fraction, { value: 5_000n, decimals: 1, percent: false }, 'half-away-from-zero')).toBe(true);
  });
});
