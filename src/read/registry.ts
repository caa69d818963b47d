/**
 * The registry of input formats: every source read/index.ts chooses from, in sniffing order.
 * Adding a format is one module that implements LedgerSource and/or RecordSource (source.ts)
 * and one line here, above CSV. CSV, whose sniff takes any text, stays last: it is also the
 * fallback for a file no other source claims.
 *
 * The refusals (refusals.ts) come first: files that are not CSV (workbooks, SIE, PDF, HTML,
 * other binaries), recognised by their first bytes whatever their extension and refused with
 * what to do. A reader for one of them replaces its refusal here by one line
 * (`xlsxRefusal` → `xlsxSource`, with `byContent: true`).
 */
import { csvSource } from './csv/index.js';
import { markdownSource } from './markdown.js';
import { binaryRefusal, htmlRefusal, odsRefusal, pdfRefusal, xlsRefusal, zipRefusal } from './refusals.js';
import { sieSource } from './sie/index.js';
import type { Source } from './source.js';
import { xlsxSource } from './xlsx/index.js';

/** Every input format, in sniffing order; the refusals first (specific before general), CSV last. */
export const SOURCES: readonly Source[] = [
  xlsxSource,
  odsRefusal,
  xlsRefusal,
  zipRefusal,
  pdfRefusal,
  sieSource,
  htmlRefusal,
  binaryRefusal,
  markdownSource,
  csvSource,
];
