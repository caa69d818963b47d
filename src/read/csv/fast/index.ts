/**
 * The byte-level fast path of the CSV reader, for the large utfall exports a CI job
 * recomputes on every push: it splits unquoted records on bytes, hashes (code, period) bytes
 * into a SumTable and sums amounts without creating a string per row.
 *
 * It never decides anything the general reader would decide differently, and it imports
 * nothing of it: the reader hands it a `FastTarget` —
 * - `slow(fields, line)`: the general consumer, which gets the header (and title lines) and
 *   every record outside the byte subset, and accepts it or throws the same error, with the
 *   same line number;
 * - `spec()`: once the header is read, where the code, period (or År and Månad), konto,
 *   detail, name, filter and amount columns (one, a debit/credit pair, or one per month) are,
 *   or 'general' when the file needs the general route (months beside a period and a year column);
 * - `totalsColumn(counted)`: the note on a totals column beside the months, with the scanners' counts;
 * - `into`: the LedgerBuilder, which gets the exact sums, row counts and sign evidence.
 * A file it cannot read the same way — quotes, invalid UTF-8, a lone `\r`,
 * UTF-16, no header — makes it return FALLBACK before it has summed anything, and the caller
 * reads the file from the start with csv-parse. Amounts share the text scanner (`scanAmount`,
 * read/amount.ts) wherever the byte parsers (bytes.ts) are unsure.
 * test/fast-path.test.ts runs both routes on generated and hand-made inputs and requires
 * identical totals, names, and errors.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createDecoder, isUtf16, type Delimiter, type Encoding } from '../dialect.js';
import type { LedgerBuilder } from '../../source.js';
import { periodKey } from './bytes.js';
import { lineBoundaryAfter, runWorker, type WireEntry } from './parallel.js';
import type { TableEntry } from './sum-table.js';
import { CR, LONG_LINE, NL, QUOTE, Scanner, scanRange, type ScanColumns, type ScanSpec, type TotalsColumnCount } from './scanner.js';

export type { ScanColumns, TotalsColumnCount } from './scanner.js';

/** The file needs the general route; nothing was summed. */
export const FALLBACK = Symbol('fallback');
/** A parallel attempt met a record that needs the general consumer; read again on one thread. */
export const SERIAL = Symbol('serial');

/** What the general reader gives the fast path (see the module comment). */
export interface FastTarget {
  slow(fields: string[], line: number): void;
  /** The last line at which a record the general consumer took named its code (code → line). */
  slowNames: ReadonlyMap<string, number>;
  spec(): ScanColumns | 'pending' | 'general';
  into: LedgerBuilder;
  /** The totals column's note, with what the byte scanners counted besides the records `slow` took. */
  totalsColumn(counted: TotalsColumnCount): void;
}

export interface FastOptions {
  file: string;
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  skip: number;
  delimiter: Delimiter;
  /** Scan the second half of a large file in a worker thread. */
  parallel: boolean;
  /** Files with fewer data bytes than this are read on one thread. */
  parallelMinBytes: number;
  progress?: (done: number, total: number) => void;
}

/** A scanner's or a worker's result: its entries, counts and the number of its last line. */
interface Scanned {
  entries: Iterable<WireEntry | TableEntry>;
  rows: number;
  signs: readonly number[];
  lines: number;
  /** Rows per period index when entries' row counts are not rows (month columns), else null. */
  periodRows: Iterable<[number, number]> | null;
  totals: TotalsColumnCount;
}

const scannedOf = (scanner: Scanner): Scanned => ({
  entries: scanner.table.entries(),
  rows: scanner.rows,
  signs: scanner.signs,
  lines: scanner.line,
  periodRows: scanner.periodRows,
  totals: scanner.totals,
});

/**
 * Adds the scanners' sums and counts to the builder, in file order (the worker's lines after
 * the first half's), and each code's name: the last non-empty one in the file, unless a line
 * the general consumer took (`slowNames`) named it later.
 */
function mergeInto(target: FastTarget, parts: Scanned[], text: (bytes: Uint8Array) => string): void {
  const into = target.into;
  const names = new Map<string, { line: number; name: Uint8Array }>();
  const totals: TotalsColumnCount = { rows: 0, differing: 0, differs: [] };
  let offset = 0;
  for (const scanned of parts) {
    const rowsByPeriod = new Map<string, number>();
    for (const entry of scanned.entries) {
      const period = periodKey(entry.period);
      into.add(entry.key, period, typeof entry.amount === 'bigint' ? entry.amount : BigInt(entry.amount));
      if (scanned.periodRows === null) rowsByPeriod.set(period, (rowsByPeriod.get(period) ?? 0) + entry.rows);
      if (entry.name !== null) {
        const line = offset + entry.nameLine;
        const best = names.get(entry.code);
        if (best === undefined || best.line < line) names.set(entry.code, { line, name: entry.name });
      }
    }
    for (const [index, rows] of scanned.periodRows ?? []) {
      const period = periodKey(index);
      rowsByPeriod.set(period, (rowsByPeriod.get(period) ?? 0) + rows);
    }
    const [revenuePositive = 0, revenueNegative = 0, costPositive = 0, costNegative = 0] = scanned.signs;
    into.counted(scanned.rows, { revenuePositive, revenueNegative, costPositive, costNegative }, rowsByPeriod);
    totals.rows += scanned.totals.rows;
    totals.differing += scanned.totals.differing;
    for (const line of scanned.totals.differs) totals.differs.push(offset + line);
    offset += scanned.lines;
  }
  target.totalsColumn(totals);
  for (const [code, { line, name }] of names) {
    if ((target.slowNames.get(code) ?? -1) < line) into.named(code, text(name).trim());
  }
}

/**
 * Reads the file into the target, or returns FALLBACK (having summed nothing) when the file
 * needs csv-parse, or SERIAL when a parallel attempt met a record that needs the general
 * consumer (the caller then reads again on one thread).
 */
export async function readFast(
  opts: FastOptions,
  target: FastTarget,
): Promise<typeof FALLBACK | typeof SERIAL | 'one-thread' | 'two-threads'> {
  if (isUtf16(opts.encoding) || opts.encoding === 'cp437') return FALLBACK;
  const utf8 = opts.encoding === 'utf-8';
  // One decoder for the file: every line given to it is whole (and valid UTF-8), so it never
  // holds a partial character between calls.
  const decoder = createDecoder(opts.encoding);
  /** A quote-free line, decoded and split, to the general consumer. */
  const takeLine = (bytes: Uint8Array, at: number) => target.slow(decoder.write(bytes).split(opts.delimiter), at);
  const fd = openSync(opts.file, 'r');
  try {
    const total = fstatSync(fd).size;
    // The header (and any title lines) through the general consumer, line by line.
    const head = Buffer.allocUnsafe(Math.min(1 << 20, total - opts.skip));
    const got = readSync(fd, head, 0, head.length, opts.skip);
    const headText = head.subarray(0, got);
    const quote = headText.indexOf(QUOTE);
    let s = 0;
    let line = 0;
    let columns = target.spec();
    while (columns === 'pending') {
      const nl = headText.indexOf(NL, s);
      if (nl < 0 && opts.skip + got < total) return FALLBACK; // a header longer than 1 MiB
      const e = nl < 0 ? got : nl;
      if (quote >= 0 && quote < e) return FALLBACK;
      let end = e;
      const cr = end > s && headText[end - 1] === CR;
      if (cr) end--;
      if (cr && nl < 0) return FALLBACK; // a lone CR at the end of the file
      if (end - s > LONG_LINE) return FALLBACK;
      if (headText.subarray(s, end).indexOf(CR) >= 0) return FALLBACK;
      if (utf8 && !isUtf8(headText.subarray(s, end))) return FALLBACK;
      line++;
      if (end > s) takeLine(headText.subarray(s, end), line);
      s = e + 1;
      columns = target.spec();
      if (nl < 0) break;
    }
    // No header in the whole file, or one the byte scanner cannot follow: the general route decides.
    if (columns === 'pending' || columns === 'general') return FALLBACK;
    const spec: ScanSpec = { ...columns, utf8, encoding: opts.encoding, delimiter: opts.delimiter.charCodeAt(0) };
    const text = (bytes: Uint8Array) => createDecoder(opts.encoding).write(bytes);
    const dataStart = opts.skip + Math.min(s, got);
    const progress = opts.progress ? (done: number) => opts.progress?.(done, total) : undefined;

    // Two threads for a large file: this one scans the first half, a worker the second.
    if (opts.parallel && total - dataStart >= opts.parallelMinBytes) {
      const cut = lineBoundaryAfter(fd, dataStart + Math.floor((total - dataStart) / 2), total);
      if (cut > dataStart && cut < total) {
        // A worker that cannot start (no built worker file, no threads) means one thread instead.
        const worker = runWorker({ file: opts.file, start: cut, end: total, spec }).catch(() => null);
        const first = new Scanner(spec, null);
        first.line = line;
        const status = scanRange(fd, dataStart, cut, first, progress);
        const second = await worker;
        if (second === null) return SERIAL;
        if (status === 'fallback' || second.status === 'fallback') return FALLBACK;
        if (status === 'impure' || second.status === 'impure') return SERIAL;
        mergeInto(target, [scannedOf(first), { ...second, lines: 0 }], text);
        return 'two-threads';
      }
    }
    const scanner = new Scanner(spec, (buf, from, to, at) => takeLine(buf.subarray(from, to), at));
    scanner.line = line;
    const status = scanRange(fd, dataStart, total, scanner, progress);
    if (status !== 'ok') return FALLBACK;
    mergeInto(target, [scannedOf(scanner)], text);
    return 'one-thread';
  } finally {
    closeSync(fd);
  }
}
