/** The unit plausibility rule (src/rules/units.ts): a factor of 300 or more between utfall and budget means mixed units. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore } from '../../src/core/money.js';
import { ledgerSize, MIXED_FACTOR, mixedUnits } from '../../src/rules/units.js';

describe('mixed units', () => {
  it('warns from a factor of 300 on, either way, and suggests the unit that closes the gap', () => {
    expect(mixedUnits(ore(123_456_700n), ore(123_400n), 'kr')).toEqual({
      larger: 'utfall',
      smaller: 'budget',
      factor: 1000n,
      suggested: 'tkr',
    });
    expect(mixedUnits(ore(300n), ore(1n), 'kr')).toMatchObject({ factor: 300n, suggested: 'tkr' });
    expect(mixedUnits(ore(299n), ore(1n), 'kr')).toBeNull();
    expect(mixedUnits(ore(1_000n), ore(1_000_000_000n), 'kr')).toEqual({
      larger: 'budget',
      smaller: 'utfall',
      factor: 1_000_000n,
      suggested: 'mnkr',
    });
    expect(mixedUnits(ore(1n), ore(1_000n), 'tkr')).toMatchObject({ smaller: 'utfall', suggested: 'mnkr' });
    expect(mixedUnits(ore(1n), ore(1_000n), 'mnkr')).toMatchObject({ suggested: null });
    expect(mixedUnits(ore(0n), ore(1_000_000n), 'kr')).toBeNull();
  });

  it('is symmetric, and never warns below the factor', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (a, b) => {
        const m = mixedUnits(ore(a), ore(b), 'kr');
        const [big, small] = a >= b ? [a, b] : [b, a];
        expect(m !== null).toBe(big >= small * MIXED_FACTOR);
        if (a !== b) expect(mixedUnits(ore(b), ore(a), 'kr')?.factor).toBe(m?.factor);
        // The factor is the larger size over the smaller, rounded down.
        if (m !== null) expect(m.factor).toBe(big / small);
      }),
    );
  });

  it('measures a ledger by the absolute totals of its keys, so revenues and costs do not cancel', () => {
    const totals = new Map([
      [
        '51',
        new Map([
          ['2024-01', ore(300n)],
          ['2024-02', ore(200n)],
        ]),
      ],
      ['52', new Map([['', ore(-500n)]])],
    ]);
    expect(ledgerSize(totals)).toEqual(1_000n);
  });
});
