import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_DIGITS, ore, type Ore } from '../src/core/money.js';
import { exactInUnit } from '../src/rules/rounding.js';
import { parseAmount, statedUnit, type DecimalMark } from '../src/read/amount.js';
import { parsePeriod } from '../src/read/period.js';
import { formatFixed } from '../src/write/number.js';

const kr = (s: string, decimal: DecimalMark = 'auto') => parseAmount(s, decimal, 2);

/** A parsed fraction of an öre: an exact decimal (never a bigint), whose exact value is `expected` öre. */
function expectExact(parsed: ReturnType<typeof parseAmount>, expected: string): void {
  expect(typeof parsed === 'object' && parsed !== null).toBe(true);
  expect((parsed as Ore).toString()).toBe(expected);
}

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

  it('reads amounts finer than one öre exactly, and drops trailing zeros beyond öre', () => {
    // Excel's General format: ten decimals of a kr amount.
    expectExact(kr('83333,3333333333'), '8333333.33333333');
    // A float tail, with the decimal mark given.
    expectExact(kr('800816.89000000003', '.'), '80081689.000000003');
    expectExact(kr('-800816.89000000003', '.'), '-80081689.000000003');
    // A leading 0 is no thousands group: three decimals are read, half an öre.
    expectExact(kr('0,125'), '12.5');
    // Grouped by space, so the comma can only be the decimal mark.
    expectExact(kr('1 234,567'), '123456.7');
    expectExact(kr('1,2345'), '123.45');
    expectExact(kr('(0,001)'), '-0.1');
    // Zeros beyond öre carry no value: whole öre stay integers.
    expect(kr('1,2300')).toBe(123n);
    expect(kr('1,23000000000000000000000000')).toBe(123n);
  });

  it('refuses a lone mark before exactly three digits in kr without --decimal (thousands or decimals?)', () => {
    expect(kr('1,234')).toBe('ambiguous');
    expect(kr('1.505')).toBe('ambiguous');
    expect(kr('12,500')).toBe('ambiguous');
    expect(kr('-123,456 kr')).toBe('ambiguous');
    // With the decimal mark given it is exact, either way.
    expectExact(kr('1,505', ','), '150.5');
    expect(kr('1,505', '.')).toBe(150_500n);
    expect(kr('12,500', ',')).toBe(1_250n);
    expect(kr('12,500', '.')).toBe(1_250_000n);
    // Two marks, or a group of four digits before the mark, say which is which.
    expectExact(kr('1.234,567'), '123456.7');
    expectExact(kr('1234,567'), '123456.7');
  });

  it('reads tkr and mnkr exactly', () => {
    expect(parseAmount('12,345', ',', 5)).toBe(1_234_500n);
    // Three decimals fit in tkr (exponent 5): no ambiguity without --decimal either.
    expect(parseAmount('1,234', 'auto', 5)).toBe(123_400n);
    expect(parseAmount('-1,5', ',', 8)).toBe(-150_000_000n);
    expect(parseAmount('0,00000001', ',', 8)).toBe(1n);
    expectExact(parseAmount('0,000000001', ',', 8), '0.1');
    expectExact(parseAmount('0,123456789', ',', 8), '12345678.9');
    expectExact(parseAmount('0,123456789', 'auto', 8), '12345678.9');
  });

  it(`refuses more than ${MAX_AMOUNT_DIGITS} digits`, () => {
    const forty = '1234567890'.repeat(4);
    expect(forty).toHaveLength(MAX_AMOUNT_DIGITS);
    expect(kr(forty)).toBe(BigInt(forty) * 100n);
    expect(kr(`${forty}1`)).toBe('precision');
    expect(kr(`-${forty}1`)).toBe('precision');
    // Decimals count too, but not the zeros beyond öre that carry no value.
    expect(kr(`${forty.slice(0, 38)},12`)).toBe(BigInt(`${forty.slice(0, 38)}12`));
    expect(kr(`${forty.slice(0, 38)},12000`)).toBe(BigInt(`${forty.slice(0, 38)}12`));
    expect(kr(`${forty.slice(0, 39)},12`)).toBe('precision');
    expectExact(kr(`${forty.slice(0, 30)},${forty.slice(0, 10)}`), `${forty.slice(0, 30)}12.3456789`);
    expect(kr(`${forty.slice(0, 30)},${forty.slice(0, 11)}`)).toBe('precision');
  });

  it('uses an explicit decimal mark', () => {
    expect(kr('1.234', ',')).toBe(123_400n);
    expect(kr('1,234', '.')).toBe(123_400n);
    expect(kr('1,5', '.')).toBe('invalid');
  });

  it('parses what the writers format (parse ∘ format is the identity), whole öre and finer', () => {
    const styles = [
      { group: ' ', decimalMark: ',', minus: '−' },
      { group: '\u00a0', decimalMark: ',', minus: '-' },
      { group: '\u202f', decimalMark: ',', minus: '–' },
      { group: '', decimalMark: ',', minus: '-' },
      { group: '', decimalMark: '.', minus: '-' },
      { group: ',', decimalMark: '.', minus: '-' },
    ] as const;
    // Whole öre, and amounts with up to six decimals of an öre.
    const amounts = fc
      .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 6 }))
      .map(([n, fine]) => ore(`${n}e-${fine}`));
    fc.assert(
      fc.property(amounts, fc.constantFrom(...styles), (amount, style) => {
        const text = formatFixed(exactInUnit(amount, 'kr'), style);
        const given = parseAmount(text, style.decimalMark, 2);
        if (amount.isInteger()) expect(given).toBe(BigInt(amount.toFixed(0)));
        else expectExact(given, amount.toString());
        // Without the mark, the same amount — unless a lone mark before three digits could be either.
        const auto = parseAmount(text, 'auto', 2);
        if (auto === 'ambiguous') expect(text).toMatch(/^[^,.]*[,.]\d{3}$/);
        else if (typeof given === 'bigint') expect(auto).toBe(given);
        else expect(auto).toEqual(given);
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
