import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactInUnit } from '../src/rules/rounding.js';
import { parseAmount, statedUnit } from '../src/read/amount.js';
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

  it.each(['', '   ', 'NULL', 'null', ' NULL ', '(null)', '[NULL]', 'Null'])('%j is no amount (null)', (text) => {
    expect(kr(text)).toBeNull();
  });

  it.each(['#N/A', '#SAKNAS!', 'NULLL', 'nul', '(null', 'N/A'])('%j is no null marker but invalid', (text) => {
    expect(kr(text)).toBe('invalid');
  });

  it.each([
    ['623\u00a0783,43\u00a0kr', 62_378_343n],
    ['623 783,43 kr', 62_378_343n],
    ['-63\u00a0096,11\u00a0kr', -6_309_611n],
    ['-1 234,50 kr', -123_450n],
    ['1234kr', 123_400n],
    ['1234 Kr', 123_400n],
    ['1 234 kr.', 123_400n],
    ['1 234,50 SEK', 123_450n],
    ['1234 sek', 123_400n],
    ['(1 234) kr', -123_400n],
    ['1 234- kr', -123_400n],
    ['−1 234 kr', -123_400n],
  ])('%j with its currency suffix is %s öre', (text, ore) => {
    expect(kr(JSON.parse(`"${text}"`) as string)).toBe(ore);
  });

  it('reads tkr and mnkr suffixes in a file of that unit', () => {
    expect(parseAmount('12,5 tkr', ',', 5)).toBe(1_250_000n);
    expect(parseAmount('12,5 TSEK', ',', 5)).toBe(1_250_000n);
    expect(parseAmount('12 kSEK', ',', 5)).toBe(1_200_000n);
    expect(parseAmount('3,2 mnkr', ',', 8)).toBe(320_000_000n);
    expect(parseAmount('3,2 Mkr', ',', 8)).toBe(320_000_000n);
    expect(parseAmount('-3 MSEK', ',', 8)).toBe(-300_000_000n);
  });

  it('refuses a suffix that names another unit than the input unit', () => {
    expect(kr('12 tkr')).toBe('unit');
    expect(kr('3,2 mnkr')).toBe('unit');
    expect(parseAmount('1 234 kr', ',', 5)).toBe('unit');
    expect(parseAmount('12 tkr', ',', 8)).toBe('unit');
    expect(statedUnit('12,5 tSEK')).toBe('tkr');
    expect(statedUnit('1 234 kr')).toBe('kr');
    expect(statedUnit('3 Mkr')).toBe('mnkr');
    expect(statedUnit('1 234')).toBeNull();
  });

  it.each(['kr', '- kr', '12 kronor', '12 euro', '12 €', '12abc', 'kr 12', '12,5x kr', '12 kr kr', 'tkr12', '12 t kr'])(
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
