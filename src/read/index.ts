/**
 * The entry to read/: which source reads a file, and reading through it. Like hledger's
 * `findReader`, a file's extension picks the source among those registered (registry.ts),
 * else the first source whose sniff accepts the file's first bytes, else CSV. Adding a format
 * is one module that implements LedgerSource and/or RecordSource (source.ts) and one line in
 * registry.ts; ledgers, small files, published tables and excerpts then all reach it here.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { Place } from '../errors.js';
import { isRegularFile } from './files.js';
import { TotalsBuilder } from './ledger-builder.js';
import { SOURCES, type LazySource } from './registry.js';
import type { LedgerSource, LedgerTotals, ReadSpec, RecordSource, Source, SourceRecord } from './source.js';

export type { LedgerTotals, Place, ReadSpec, ReadTuning, SourceRecord } from './source.js';
export type { Dialect } from './csv/dialect.js';
export { tuningFromEnv } from './source.js';

export { SOURCES } from './registry.js';

const SNIFF_BYTES = 64 * 1024;

/**
 * The first bytes of a file, or null when it cannot be read (the source then reports why) or
 * is no regular file: a pipe or FIFO is opened once, by its reader, never here (a sample would
 * consume its first bytes, and a FIFO with no writer would block).
 */
function sampleOf(file: string): Uint8Array | null {
  if (!isRegularFile(file)) return null;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The source for `file` among those that can do `what`: one recognised by content whatever
 * the extension (a workbook, SIE, PDF: `byContent`), else by extension, else by sniffing its
 * first bytes, else the last (CSV), which then reports why it cannot read the file.
 */
export function findSource(file: string, what: 'read'): LedgerSource;
export function findSource(file: string, what: 'records'): RecordSource;
export function findSource(file: string, what: 'excerpt'): Source;
export function findSource(file: string, what: 'read' | 'records' | 'excerpt'): Source {
  const able = SOURCES.filter((s) => what === 'excerpt' || typeof s[what] === 'function');
  const sample = able.length > 1 ? sampleOf(file) : null;
  const byContent = sample && able.find((s) => s.byContent === true && s.sniff(sample));
  if (byContent) return byContent;
  const ext = extname(file).toLowerCase();
  const byExtension = able.find((s) => s.extensions.includes(ext));
  if (byExtension) return byExtension;
  return (sample && able.find((s) => s.sniff(sample))) || (able[able.length - 1] as Source);
}

/** Reads a ledger file (utfall or budget) into exact totals per key and period. */
export async function readLedger(file: string, spec: ReadSpec): Promise<LedgerTotals> {
  const builder = new TotalsBuilder(file, spec);
  const info = await findSource(file, 'read').read(file, spec, builder);
  return { ...builder.finish(), ...info };
}

/** Reads a small file (names, comments, forecasts, keys, categories, a published table) as records; `parts` as `RecordSource.records`. */
export async function readRecords(file: string, parts: 'first' | 'all' = 'first'): Promise<SourceRecord[]> {
  return findSource(file, 'records').records(file, parts);
}

/**
 * Loads the source of `place`'s file if it is loaded on first use (registry.ts), so that
 * `excerpt` can draw its lines; call it before `excerpt` where an error may name a file no
 * source has read in this process.
 */
export async function excerptReady(place: Place): Promise<void> {
  const source = findSource(place.file, 'excerpt');
  if ('load' in source && typeof source.load === 'function') await (source as LazySource).load();
}

/** The lines to show under an error at `place`: the source of its file formats them. */
export function excerpt(place: Place): string[] {
  return findSource(place.file, 'excerpt').excerpt(place);
}
