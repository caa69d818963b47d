/**
 * Packages a run may not need, loaded on first use (synchronously, through `require`) instead
 * of at start-up: iconv-lite (only for Windows-1252, CP437 and UTF-16 text) and fflate (only
 * for .xlsx workbooks). `avvikelse --version` and a report on UTF-8 CSV files load neither.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let iconvLite: typeof import('iconv-lite') | undefined;
let fflate: typeof import('fflate') | undefined;

/** iconv-lite, loaded the first time it is asked for. */
export const iconv = (): typeof import('iconv-lite') => (iconvLite ??= require('iconv-lite') as typeof import('iconv-lite'));

/** fflate, loaded the first time it is asked for. */
export const zip = (): typeof import('fflate') => (fflate ??= require('fflate') as typeof import('fflate'));
