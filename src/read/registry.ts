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
 *
 * The .xlsx and SIE readers are loaded on first use (`lazySource`): their sniffs (refusals.ts)
 * and extensions are here, so choosing a source loads nothing, and a report on CSV files never
 * loads them (the bundle keeps each in a chunk of its own; test/startup.test.ts checks it).
 */
import { csvSource } from './csv/index.js';
import { markdownSource } from './markdown.js';
import { binaryRefusal, htmlRefusal, isSie, isXlsx, odsRefusal, pdfRefusal, xlsRefusal, zipRefusal } from './refusals.js';
import type { LedgerSource, Place, RecordSource, Source } from './source.js';

type FullSource = LedgerSource & RecordSource;

/** A source whose code is loaded on first use; `load` loads it (once) and gives it. */
export interface LazySource extends FullSource {
  load(): Promise<FullSource>;
}

/**
 * A source that is `meta` (what choosing a source asks: format, extensions, sniff) until it
 * reads: `read` and `records` load the module first. An excerpt is drawn only for a place in a
 * file that the source has read, so its module is loaded by then (`excerptReady` in index.ts
 * loads it in any case before an error is shown).
 */
export function lazySource(
  meta: Pick<FullSource, 'format' | 'extensions' | 'byContent' | 'sniff'>,
  load: () => Promise<FullSource>,
): LazySource {
  let loaded: FullSource | undefined;
  let loading: Promise<FullSource> | undefined;
  const source = (): Promise<FullSource> =>
    (loading ??= load().then((s) => {
      loaded = s;
      return s;
    }));
  return {
    ...meta,
    load: source,
    excerpt: (place: Place) => loaded?.excerpt(place) ?? [],
    read: async (file, spec, into) => (await source()).read(file, spec, into),
    records: async (file, parts) => (await source()).records(file, parts),
  };
}

/** The .xlsx reader (xlsx/), loaded on first use. */
export const xlsxLazy = lazySource({ format: 'xlsx', extensions: ['.xlsx', '.xlsm'], byContent: true, sniff: isXlsx }, async () => {
  return (await import('./xlsx/index.js')).xlsxSource;
});

/** The SIE reader (sie/), loaded on first use; `.sie` is SIE 5 (XML), which it does not read. */
export const sieLazy = lazySource({ format: 'sie', extensions: ['.se', '.si'], byContent: true, sniff: isSie }, async () => {
  return (await import('./sie/index.js')).sieSource;
});

/** Every input format, in sniffing order; the refusals first (specific before general), CSV last. */
export const SOURCES: readonly Source[] = [
  xlsxLazy,
  odsRefusal,
  xlsRefusal,
  zipRefusal,
  pdfRefusal,
  sieLazy,
  htmlRefusal,
  binaryRefusal,
  markdownSource,
  csvSource,
];
