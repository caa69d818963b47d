/** Kontogrupp names from the shipped Kommun-Bas classes at `--by konto` (issue 15 item 5). */
import { describe, expect, it } from 'vitest';
import { kontoGroupNames } from '../src/read/catalogue.js';

describe('Kommun-Bas kontogrupper', () => {
  it('names classes and groups from data/kontoklasser.csv, without the remarks in parentheses', () => {
    const names = kontoGroupNames();
    expect(names.get('3')).toBe('Intäkter');
    expect(names.get('31')).toBe('Taxor och avgifter');
    expect(names.get('35')).toBe('Bidrag');
    expect(names.get('50')).toBe('Löner arbetad tid');
    expect(names.get('18')).toBe('Finansiella tillgångar');
    // The rows the source could not place (`?`) name nothing.
    expect([...names.keys()].every((k) => /^\d+$/.test(k))).toBe(true);
  });
});
