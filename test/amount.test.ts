import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactInUnit } from '../src/rules/rounding.js';
import { parseAmount } from '../src/read/amount.js';
import { parsePeriod } from '../src/read/period.js';
import { formatFixed } from '../src/write/number.js';

const kr = (s: string, decimal: 'auto' | ',' | '.' = 'auto') => parseAmount(s, decimal, 2);

describe('parseAmount', () => {
  it.each([
    ['1234', 123_400n],
    ['1234,5', 123_450n],
    ['1234.50', 123_450n],
    ['1 234,50', 123_450n],
    ['1\u00a0234\u00a0567,89', 123_456_789n],
    ['1\u202f234', 123_400n],
    ['-1 234,50', -123_450n],
    ['−1 234,50', -123_450n],
    ['– 1 234,50', -123_450n],
    ['- 12', -1_200n],
    ['1 234-', -123_400n],
    ['(1 234)', -123_400n],
    ['( 1 234,50 )', -123_450n],
    ['+12', 1_200n],
    ['1.234,50', 123_450n],
    ['1,234.50', 123_450n],
    ['1,234,567', 123_456_700n],
    [',5', 50n],
    ['  42  ', 4_200n],
    ['', 0n],
    ['   ', 0n],
    ['12,500', 1_250n],
    ['123456789012345678,99', 12_345_678_901_234_567_899n],
  ])('%j is %s öre', (text, ore) => {
    expect(kr(text)).toBe(ore);
  });

  it.each(['12 345,6x', 'abc', '-', '1 23', '12 3456', '1,2,3.4', '--5', '(5', '5)', '1.2.3,45,6', '1 234,', '(-5)', '12e3'])(
    '%j is not an amount',
    (text) => {
      expect(kr(text)).toBe('invalid');
    },
  );

  it('rejects amounts finer than one öre, unless the extra digits are zeros', () => {
    expect(kr('1,234')).toBe('precision');
    expect(kr('1,2300')).toBe(123n);
  });

  it('reads tkr and mnkr exactly', () => {
    expect(parseAmount('12,345', ',', 5)).toBe(1_234_500n);
    expect(parseAmount('-1,5', ',', 8)).toBe(-150_000_000n);
    expect(parseAmount('0,00000001', ',', 8)).toBe(1n);
    expect(parseAmount('0,000000001', ',', 8)).toBe('precision');
  });

  it('uses an explicit decimal mark', () => {
    expect(kr('1.234', ',')).toBe(123_400n);
    expect(kr('1,234', '.')).toBe(123_400n);
    expect(kr('1,5', '.')).toBe('invalid');
  });

  it('parses what the writers format (parse ∘ format is the identity)', () => {
    const styles = [
      { group: ' ', decimalMark: ',', minus: '−' },
      { group: '\u00a0', decimalMark: ',', minus: '-' },
      { group: '\u202f', decimalMark: ',', minus: '–' },
      { group: '', decimalMark: ',', minus: '-' },
      { group: '', decimalMark: '.', minus: '-' },
      { group: ',', decimalMark: '.', minus: '-' },
    ];
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.constantFrom(...styles), (ore, style) => {
        const text = formatFixed(exactInUnit(ore, 'kr'), style);
        expect(parseAmount(text, 'auto', 2)).toBe(ore);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2024-08', '2024-08'],
    ['202408', '2024-08'],
    ['2024-08-31', '2024-08'],
    ['20240831', '2024-08'],
    ['2024-08-31 00:00:00', '2024-08'],
    ['2024M08', '2024-08'],
    ['2024-8', '2024-08'],
    [' 2024-12 ', '2024-12'],
  ])('%j is %s', (text, period) => {
    expect(parsePeriod(text)).toBe(period);
  });

  it.each(['2024-13', '2024-00', 'aug', '24-08', '2024-08-32', ''])('%j is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});
