/**
 * Exact amounts are decimal.js values (src/core/money.ts). Tests compare them by value: two
 * amounts are equal when `eq` says so, and an expected bigint literal (`5n`, öre) equals an
 * amount of that many öre — so an expectation reads as the integers it checks, while a
 * fraction of an öre never equals a bigint.
 */
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';

expect.addEqualityTesters([
  function exactAmounts(a: unknown, b: unknown): boolean | undefined {
    const aDec = Decimal.isDecimal(a);
    const bDec = Decimal.isDecimal(b);
    if (aDec && bDec) return a.eq(b);
    if (aDec && typeof b === 'bigint') return a.eq(b.toString());
    if (bDec && typeof a === 'bigint') return b.eq(a.toString());
    return undefined;
  },
]);
