/**
 * The languages and their texts: `texts(lang)` gives every user-visible text of a run
 * (errors, labels, titles, messages) in Swedish or English; `bilingual(lang)` picks
 * between two inline texts (option descriptions and help). Nothing outside i18n writes
 * prose for users.
 */
import { en } from './en.js';
import { sv } from './sv.js';
import type { Lang, Texts } from './texts.js';

export type { Dictionary, Lang, Texts } from './texts.js';
export { clip, clipParams, QUOTED_MAX } from './texts.js';

export const LANGS: readonly Lang[] = ['sv', 'en'];

/** A chooser between a Swedish and an English text, for option descriptions and help. */
export function bilingual(lang: Lang): (sv: string, en: string) => string {
  return (svText, enText) => (lang === 'en' ? enText : svText);
}

/**
 * The texts of a language.
 * @example texts('en').label('summa') // 'Total'
 */
export function texts(lang: Lang): Texts {
  return lang === 'en' ? en : sv;
}
