/**
 * The konto category rule (src/rules/categories.ts): Kommun-Bas classes, the most specific
 * prefix first, and the spellings a categories file may use.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryOf, DEFAULT_CATEGORIES, parseCategory } from '../../src/rules/categories.js';

describe('konto categories', () => {
  it('uses Kommun-Bas classes, most specific prefix first, and says no for unknown accounts', () => {
    expect(categoryOf('3110', DEFAULT_CATEGORIES)).toBe('intakt');
    expect(categoryOf('5011', DEFAULT_CATEGORIES)).toBe('personalkostnad');
    expect(categoryOf('4610', DEFAULT_CATEGORIES)).toBe('ovrig_kostnad');
    expect(categoryOf('4010', DEFAULT_CATEGORIES)).toBe('exkluderad');
    expect(categoryOf('7810', DEFAULT_CATEGORIES)).toBe('kapitalkostnad');
    expect(categoryOf('7010', DEFAULT_CATEGORIES)).toBe('ovrig_kostnad');
    expect(categoryOf('8410', DEFAULT_CATEGORIES)).toBe('exkluderad');
    expect(categoryOf('9110', DEFAULT_CATEGORIES)).toBeNull();
    expect(categoryOf('', DEFAULT_CATEGORIES)).toBeNull();
  });

  it('reads category names as people write them', () => {
    expect(parseCategory('Intäkt')).toBe('intakt');
    expect(parseCategory('övrig kostnad')).toBe('ovrig_kostnad');
    expect(parseCategory('Kapitalkostnader')).toBe('kapitalkostnad');
    expect(parseCategory('skatt')).toBeNull();
  });
});

describe('konto categories, for any account', () => {
  it('the longest matching prefix decides', () => {
    const konto = fc.stringMatching(/^[0-9]{1,6}$/);
    fc.assert(
      fc.property(konto, (k) => {
        const prefixes = [...DEFAULT_CATEGORIES.keys()].filter((p) => k.startsWith(p)).sort((a, b) => b.length - a.length);
        expect(categoryOf(k, DEFAULT_CATEGORIES)).toBe(prefixes.length === 0 ? null : DEFAULT_CATEGORIES.get(prefixes[0] as string));
      }),
    );
  });
});
