/**
 * The registry of input formats: every source read/index.ts chooses from, in sniffing order.
 * Adding a format is one module that implements LedgerSource and/or RecordSource (source.ts)
 * and one line here, above CSV. CSV, whose sniff takes any text, stays last: it is also the
 * fallback for a file no other source claims.
 */
import { csvSource } from './csv/index.js';
import { markdownSource } from './markdown.js';
import type { Source } from './source.js';

/** Every input format, in sniffing order; CSV last. */
export const SOURCES: readonly Source[] = [markdownSource, csvSource];
