/**
 * The byte-level fast path of the ledger reader, for the large utfall exports a CI job
 * recomputes on every push: it splits unquoted records on bytes, hashes (code, period)
 * bytes into an open-addressing table and sums amounts without creating a string per row.
 *
 * It never decides anything the general reader would decide differently:
 * - amounts go through the same scanner (`scanAmount`), fed the same character codes
 *   (bytes mapped per encoding: NBSP, U+202F, `−`, `–` included);
 * - a record outside the simple subset (non-ASCII or empty code, a period in another form, a
 *   field count that differs from the header, an amount the scanner rejects) is decoded and
 *   given to the general RecordConsumer, which accepts it or throws the same error, with the
 *   same line number;
 * - a file it cannot read the same way — quotes, invalid UTF-8, `\r`-only or mixed line
 *   ends, UTF-16, filters, name or detail columns, wide budgets — makes it return FALLBACK
 *   before anything is kept, and the general csv-parse path reads the file from the start.
 * test/fast-path.test.ts runs both paths on generated and hand-made inputs and requires
 * identical totals, names, and errors.
 *
 * Sums are exact: integer öre are added into float64 slots that are flushed into a bigint
 * before they could pass 2^52, so every intermediate value is an integer below 2^53.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Worker } from 'node:worker_threads';
import { scanAmount } from './amount.js';
import type { DecimalMark } from './amount.js';
import { createDecoder, type Delimiter, type Encoding } from './dialect.js';
import type { RecordConsumer } from './ledger.js';

export const FALLBACK = Symbol('fallback');

const CHUNK = 4 << 20;
const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SP = 0x20;
const TAB = 0x09;
const FLUSH_LIMIT = 2 ** 52;

/** Open-addressing table from (code bytes, period index) to an exact running sum. */
class SumTable {
  private cap = 1024;
  private slots = new Int32Array(this.cap); // entry index + 1, 0 = empty
  private hashes = new Int32Array(this.cap);
  private arena = new Uint8Array(1 << 12);
  private arenaUsed = 0;
  count = 0;
  keyStart = new Int32Array(256);
  keyLen = new Int32Array(256);
  period = new Int32Array(256);
  sums = new Float64Array(256);
  big: bigint[] = [];

  add(buf: Uint8Array, s: number, e: number, period: number, amount: number): void {
    let h = 0x811c9dc5 ^ period;
    for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    h |= 0;
    const mask = this.cap - 1;
    let i = h & mask;
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === 0) break;
      const entry = slot - 1;
      if (this.hashes[i] === h && this.period[entry] === period && this.sameKey(entry, buf, s, e)) {
        const sum = (this.sums[entry] as number) + amount;
        if (sum > FLUSH_LIMIT || sum < -FLUSH_LIMIT) {
          this.big[entry] = (this.big[entry] as bigint) + BigInt(sum);
          this.sums[entry] = 0;
        } else this.sums[entry] = sum;
        return;
      }
      i = (i + 1) & mask;
    }
    const entry = this.insert(buf, s, e, period);
    this.slots[i] = entry + 1;
    this.hashes[i] = h;
    this.sums[entry] = amount;
    if (this.count * 2 > this.cap) this.grow();
  }

  private sameKey(entry: number, buf: Uint8Array, s: number, e: number): boolean {
    const len = this.keyLen[entry] as number;
    if (len !== e - s) return false;
    const start = this.keyStart[entry] as number;
    for (let k = 0; k < len; k++) if (this.arena[start + k] !== buf[s + k]) return false;
    return true;
  }

  private insert(buf: Uint8Array, s: number, e: number, period: number): number {
    const entry = this.count++;
    if (entry >= this.keyStart.length) {
      const n = this.keyStart.length * 2;
      const grow32 = (a: Int32Array) => {
        const b = new Int32Array(n);
        b.set(a);
        return b;
      };
      this.keyStart = grow32(this.keyStart);
      this.keyLen = grow32(this.keyLen);
      this.period = grow32(this.period);
      const sums = new Float64Array(n);
      sums.set(this.sums);
      this.sums = sums;
    }
    if (this.arenaUsed + (e - s) > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + (e - s)));
      arena.set(this.arena);
      this.arena = arena;
    }
    this.arena.set(buf.subarray(s, e), this.arenaUsed);
    this.keyStart[entry] = this.arenaUsed;
    this.keyLen[entry] = e - s;
    this.arenaUsed += e - s;
    this.period[entry] = period;
    this.big[entry] = 0n;
    return entry;
  }

  private grow(): void {
    const old = { slots: this.slots, hashes: this.hashes };
    this.cap *= 2;
    this.slots = new Int32Array(this.cap);
    this.hashes = new Int32Array(this.cap);
    const mask = this.cap - 1;
    for (let i = 0; i < old.slots.length; i++) {
      const slot = old.slots[i] as number;
      if (slot === 0) continue;
      let j = (old.hashes[i] as number) & mask;
      while (this.slots[j] !== 0) j = (j + 1) & mask;
      this.slots[j] = slot;
      this.hashes[j] = old.hashes[i] as number;
    }
  }

  /** Every entry's code (decoded), period index and exact total. */
  *entries(): Generator<[string, number, bigint]> {
    const decoder = new TextDecoder('latin1');
    for (let e = 0; e < this.count; e++) {
      const start = this.keyStart[e] as number;
      const code = decoder.decode(this.arena.subarray(start, start + (this.keyLen[e] as number)));
      yield [code, this.period[e] as number, (this.big[e] as bigint) + BigInt(this.sums[e] as number)];
    }
  }
}

/** Character codes of one field, for the amount scanner; null when a byte has no mapping here. */
function fieldCodes(buf: Uint8Array, s: number, e: number, utf8: boolean, out: Uint16Array): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const b = buf[i] as number;
    if (b < 0x80) out[n++] = b;
    else if (!utf8) {
      if (b === 0xa0) out[n++] = 0xa0; // NBSP
      else if (b === 0x96) out[n++] = 0x2013; // en dash
      else return -1;
    } else if (b === 0xc2 && buf[i + 1] === 0xa0) {
      out[n++] = 0xa0;
      i++;
    } else if (b === 0xe2 && i + 2 < e) {
      const cp = ((b & 0x0f) << 12) | (((buf[i + 1] as number) & 0x3f) << 6) | ((buf[i + 2] as number) & 0x3f);
      if (cp !== 0x2212 && cp !== 0x2013 && cp !== 0x202f && cp !== 0x2009) return -1;
      out[n++] = cp;
      i += 2;
    } else return -1;
    if (n >= out.length) return -1;
  }
  return n;
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

/**
 * The most common amount, read straight from bytes: an optional `-`, digits, and at most one
 * decimal mark followed by at most `unitExp` digits (`-12345,67`), with at most 15 digits in
 * all. Anything else returns NaN and goes through the shared scanner, which gives the same
 * value for these inputs (the differential test holds the two to that).
 */
function plainAmount(buf: Uint8Array, s: number, e: number, decimal: string, unitExp: number): number {
  let i = s;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  if (i >= e) return NaN;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < e; i++) {
    const b = buf[i] as number;
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if ((b === 0x2c && decimal !== '.') || (b === 0x2e && decimal !== ',')) {
      if (fraction >= 0 || digits === 0) return NaN;
      fraction = 0;
    } else return NaN;
  }
  if (digits === 0 || digits > 15 || fraction === 0 || fraction > unitExp) return NaN;
  const ore = mantissa * (POW10[unitExp - Math.max(fraction, 0)] as number);
  return negative ? -ore : ore;
}

const digit = (b: number | undefined) => (b !== undefined && b >= 0x30 && b <= 0x39 ? b - 0x30 : -1);

/**
 * The month of a period field in the forms parsePeriod accepts most often — `202408`,
 * `2024-08`, `2024M08`, `20240831`, `2024-08-31` — as year·12 + month − 1; -1 for anything
 * else (the general path then decides).
 */
function periodIndex(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digit(buf[s + i]);
    if (d < 0) return -1;
    y = y * 10 + d;
  }
  let m: number;
  let dayAt = -1;
  if (len === 6 || len === 8) {
    m = digit(buf[s + 4]) * 10 + digit(buf[s + 5]);
    if (digit(buf[s + 4]) < 0 || digit(buf[s + 5]) < 0) return -1;
    if (len === 8) dayAt = s + 6;
  } else if (len === 7 && (buf[s + 4] === 0x4d || buf[s + 4] === 0x6d)) {
    // 2024M08
    if (digit(buf[s + 5]) < 0 || digit(buf[s + 6]) < 0) return -1;
    m = digit(buf[s + 5]) * 10 + digit(buf[s + 6]);
  } else if ((len === 7 || len === 10) && buf[s + 4] === 0x2d) {
    if (digit(buf[s + 5]) < 0 || digit(buf[s + 6]) < 0) return -1;
    m = digit(buf[s + 5]) * 10 + digit(buf[s + 6]);
    if (len === 10) {
      if (buf[s + 7] !== 0x2d) return -1;
      dayAt = s + 8;
    }
  } else return -1;
  if (m < 1 || m > 12) return -1;
  if (dayAt >= 0) {
    const d1 = digit(buf[dayAt]);
    const d2 = digit(buf[dayAt + 1]);
    if (d1 < 0 || d2 < 0) return -1;
    const day = d1 * 10 + d2;
    if (day < 1 || day > 31) return -1;
  }
  return y * 12 + m - 1;
}

/** Where the fields are and how to read them: fixed once the header is known. */
export interface ScanSpec {
  utf8: boolean;
  delimiter: number;
  width: number;
  codeAt: number;
  periodAt: number;
  amountAt: number;
  kontoAt: number;
  unitExp: number;
  decimal: DecimalMark;
  negate: boolean;
}

export type ScanStatus = 'ok' | 'fallback' | 'impure';

/**
 * The per-line loop over complete lines of a byte buffer. A record outside the simple subset
 * goes to `slow` (the general consumer, with its line number) or, without one (a worker),
 * makes the scan 'impure'.
 */
export class Scanner {
  line = 0;
  rows = 0;
  /** Sign evidence: revenue +/−, cost +/−. */
  readonly signs = [0, 0, 0, 0];
  readonly table = new SumTable();
  private readonly codes = new Uint16Array(64);
  private readonly starts = new Int32Array(256);
  private readonly ends = new Int32Array(256);

  constructor(
    readonly spec: ScanSpec,
    /** The line end style (true: CRLF), once known. */
    public crlf: boolean | null,
    private readonly slow: ((buf: Buffer, s: number, e: number, line: number) => void) | null,
  ) {}

  private countSign(k: number): void {
    this.signs[k] = (this.signs[k] as number) + 1;
  }

  /** Scans the complete lines in buf[from, upTo); only the very last line of a file may lack its newline. */
  lines(buf: Buffer, from: number, upTo: number): ScanStatus {
    const { delimiter: delim, width, codeAt, periodAt, amountAt, kontoAt, unitExp, decimal, negate, utf8 } = this.spec;
    const starts = this.starts;
    const ends = this.ends;
    let s = from;
    while (s < upTo) {
      let e = buf.indexOf(NL, s);
      if (e < 0 || e >= upTo) e = upTo;
      const terminated = e < upTo; // else the last line of the file, without a newline
      let end = e;
      const cr = end > s && buf[end - 1] === CR;
      if (cr) end--;
      if (terminated) {
        if (this.crlf === null) this.crlf = cr;
        else if (this.crlf !== cr) return 'fallback'; // csv-parse keeps the first line end it sees
      } else if (cr) return 'fallback';
      this.line++;
      if (end === s) {
        s = e + 1;
        continue; // empty line
      }
      let f = 0;
      let fs = s;
      for (let i = s; i < end; i++) {
        const b = buf[i];
        if (b === CR) return 'fallback'; // a lone \r inside a line
        if (b === delim) {
          if (f < 256) {
            starts[f] = fs;
            ends[f] = i;
          }
          f++;
          fs = i + 1;
        }
      }
      if (f < 256) {
        starts[f] = fs;
        ends[f] = end;
      }
      f++;
      let simple = f === width;
      let cs = 0;
      let ce = 0;
      if (simple) {
        cs = starts[codeAt] as number;
        ce = ends[codeAt] as number;
        while (cs < ce && (buf[cs] === SP || buf[cs] === TAB)) cs++;
        while (ce > cs && (buf[ce - 1] === SP || buf[ce - 1] === TAB)) ce--;
        simple = ce > cs;
        for (let i = cs; simple && i < ce; i++) if ((buf[i] as number) >= 0x80) simple = false;
      }
      let kontoFirst = 0;
      if (simple && kontoAt >= 0) {
        let k = starts[kontoAt] as number;
        while (k < (ends[kontoAt] as number) && (buf[k] === SP || buf[k] === TAB)) k++;
        kontoFirst = k < (ends[kontoAt] as number) ? (buf[k] as number) : 0;
        if (kontoFirst >= 0x80) simple = false;
      }
      let period = -1;
      if (simple && periodAt >= 0) {
        period = periodIndex(buf, starts[periodAt] as number, ends[periodAt] as number);
        if (period < 0) simple = false;
      }
      let amount: number | bigint | string = 'invalid';
      if (simple) {
        amount = plainAmount(buf, starts[amountAt] as number, ends[amountAt] as number, decimal, unitExp);
        if (Number.isNaN(amount)) {
          const len = fieldCodes(buf, starts[amountAt] as number, ends[amountAt] as number, utf8, this.codes);
          amount = len < 0 ? 'invalid' : scanAmount(this.codes, len, decimal, unitExp);
        }
        // More than 15 digits (a bigint) is rare enough for the general consumer.
        if (typeof amount !== 'number') simple = false;
      }
      if (!simple) {
        if (this.slow === null) return 'impure';
        this.slow(buf, s, end, this.line);
        s = e + 1;
        continue;
      }
      const value = negate ? -(amount as number) : (amount as number);
      this.table.add(buf, cs, ce, period, value);
      if (kontoAt >= 0 && value !== 0) {
        const cls = kontoFirst - 0x30;
        if (cls === 3) this.countSign(value > 0 ? 0 : 1);
        else if (cls >= 4 && cls <= 7) this.countSign(value > 0 ? 2 : 3);
      }
      this.rows++;
      s = e + 1;
    }
    return 'ok';
  }
}

/**
 * Reads the byte range [start, end) of a file in chunks of whole lines through a scanner.
 * `end` is the file size or a position just after a newline.
 */
export function scanRange(fd: number, start: number, end: number, scanner: Scanner, progress?: (done: number) => void): ScanStatus {
  let buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(end - start, 1)));
  let filled = 0;
  let pos = start;
  let lastProgress = start;
  for (;;) {
    const n = pos < end ? readSync(fd, buf, filled, Math.min(buf.length - filled, end - pos), pos) : 0;
    pos += n;
    filled += n;
    const eof = pos >= end;
    let upTo: number;
    if (eof) upTo = filled;
    else {
      const lastNl = buf.lastIndexOf(NL, filled - 1);
      if (lastNl < 0) {
        if (filled === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, filled);
          buf = bigger;
        }
        continue;
      }
      upTo = lastNl + 1;
    }
    const quote = buf.indexOf(QUOTE, 0);
    if (quote >= 0 && quote < upTo) return 'fallback';
    if (scanner.spec.utf8 && !isUtf8(buf.subarray(0, upTo))) return 'fallback';
    const status = scanner.lines(buf, 0, upTo);
    if (status !== 'ok') return status;
    if (eof) return 'ok';
    const rest = filled - upTo;
    if (rest > 0) buf.copy(buf, 0, upTo, filled);
    filled = rest;
    if (progress && pos - lastProgress > 64 << 20) {
      lastProgress = pos;
      progress(pos);
    }
  }
}

export interface FastOptions {
  file: string;
  encoding: Encoding;
  skip: number;
  delimiter: Delimiter;
  /** Use a worker thread for the second half of a large file (default: when two cores are there). */
  parallel: boolean;
  progress?: (done: number, total: number) => void;
}

/** Files smaller than this are read on one thread (a worker costs about 30 ms to start). */
const PARALLEL_MIN_BYTES = Number(process.env.AVVIKELSE_PARALLEL_MIN_BYTES ?? 64 << 20);

/** Result of the worker for one range: its exact entries and counts, or why it stopped. */
export interface RangeResult {
  status: ScanStatus;
  entries: [string, number, string][];
  rows: number;
  signs: number[];
  crlf: boolean | null;
}

function mergeInto(consumer: RecordConsumer, scanner: { table: SumTable; rows: number; signs: number[] } | RangeResult): void {
  if ('table' in scanner) {
    for (const [code, idx, amount] of scanner.table.entries()) consumer.addTotal(code, periodKey(idx), amount);
  } else {
    for (const [code, idx, amount] of scanner.entries) consumer.addTotal(code, periodKey(idx), BigInt(amount));
  }
  consumer.addFastRows(scanner.rows, scanner.signs);
}

const periodKey = (idx: number) => (idx < 0 ? '' : `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);

/** What a worker gets: the spec and its byte range. */
export interface WorkerTask {
  file: string;
  start: number;
  end: number;
  spec: ScanSpec;
  crlf: boolean | null;
}

/** Scans one range on its own (the worker's job), in pure mode. */
export function scanTask(task: WorkerTask): RangeResult {
  const fd = openSync(task.file, 'r');
  try {
    const scanner = new Scanner(task.spec, task.crlf, null);
    const status = scanRange(fd, task.start, task.end, scanner);
    const entries: [string, number, string][] = [];
    if (status === 'ok') for (const [code, idx, amount] of scanner.table.entries()) entries.push([code, idx, amount.toString()]);
    return { status, entries, rows: scanner.rows, signs: [...scanner.signs], crlf: scanner.crlf };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the file into the consumer, or returns FALLBACK (having kept nothing) when the file
 * needs csv-parse, or SERIAL when a parallel attempt met a record that needs the general
 * consumer (the caller then reads again on one thread).
 */
export async function readFast(opts: FastOptions, consumer: RecordConsumer): Promise<typeof FALLBACK | typeof SERIAL | 'one-thread' | 'two-threads'> {
  if (opts.encoding === 'utf-16le') return FALLBACK;
  const utf8 = opts.encoding === 'utf-8';
  // One decoder for the file: every line given to it is whole (and valid UTF-8), so it never
  // holds a partial character between calls.
  const decoder = createDecoder(opts.encoding);
  /** A quote-free line, decoded and split, to the general consumer. */
  const takeLine = (bytes: Uint8Array, at: number) => consumer.take(decoder.write(bytes).split(opts.delimiter), at);
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
    let crlf: boolean | null = null;
    while (consumer.layout === null) {
      const nl = headText.indexOf(NL, s);
      if (nl < 0 && opts.skip + got < total) return FALLBACK; // a header longer than 1 MiB
      const e = nl < 0 ? got : nl;
      if (quote >= 0 && quote < e) return FALLBACK;
      let end = e;
      const cr = end > s && headText[end - 1] === CR;
      if (cr) end--;
      if (nl >= 0) {
        if (crlf === null) crlf = cr;
        else if (crlf !== cr) return FALLBACK;
      }
      if (headText.subarray(s, end).indexOf(CR) >= 0) return FALLBACK;
      if (utf8 && !isUtf8(headText.subarray(s, end))) return FALLBACK;
      line++;
      if (end > s) takeLine(headText.subarray(s, end), line);
      s = e + 1;
      if (nl < 0) break;
    }
    if (consumer.layout === null) {
      consumer.finish();
      return 'one-thread';
    }
    if (!consumer.fastEligible) return FALLBACK;
    const layout = consumer.layout;
    const spec: ScanSpec = {
      utf8,
      delimiter: opts.delimiter.charCodeAt(0),
      width: layout.headers.length,
      codeAt: consumer.codeColumn,
      periodAt: layout.period,
      amountAt: (layout.amounts[0] as { index: number }).index,
      kontoAt: consumer.kontoColumn,
      unitExp: consumer.unitExponent,
      decimal: consumer.decimalMark,
      negate: consumer.negated,
    };
    const dataStart = opts.skip + Math.min(s, got);
    const progress = opts.progress ? (done: number) => opts.progress?.(done, total) : undefined;

    // Two threads for a large file: this one scans the first half, a worker the second.
    if (opts.parallel && total - dataStart >= PARALLEL_MIN_BYTES) {
      const cut = lineBoundaryAfter(fd, dataStart + Math.floor((total - dataStart) / 2), total);
      if (cut > dataStart && cut < total) {
        // A worker that cannot start (no built worker file, no threads) means one thread instead.
        const worker = runWorker({ file: opts.file, start: cut, end: total, spec, crlf }).catch(() => null);
        const first = new Scanner(spec, crlf, null);
        first.line = line;
        const status = scanRange(fd, dataStart, cut, first, progress);
        const second = await worker;
        if (second === null) return SERIAL;
        if (status === 'fallback' || second.status === 'fallback') return FALLBACK;
        if (status === 'impure' || second.status === 'impure') return SERIAL;
        if (first.crlf !== null && second.crlf !== null && first.crlf !== second.crlf) return FALLBACK;
        mergeInto(consumer, first);
        mergeInto(consumer, second);
        consumer.finish();
        return 'two-threads';
      }
    }
    const scanner = new Scanner(spec, crlf, (buf, from, to, at) => takeLine(buf.subarray(from, to), at));
    scanner.line = line;
    const status = scanRange(fd, dataStart, total, scanner, progress);
    if (status !== 'ok') return FALLBACK;
    mergeInto(consumer, scanner);
    consumer.finish();
    return 'one-thread';
  } finally {
    closeSync(fd);
  }
}

export const SERIAL = Symbol('serial');

/** The position just after the first newline at or after `at` (or `total`). */
function lineBoundaryAfter(fd: number, at: number, total: number): number {
  const probe = Buffer.allocUnsafe(1 << 16);
  for (let pos = at; pos < total; pos += probe.length) {
    const n = readSync(fd, probe, 0, probe.length, pos);
    const nl = probe.subarray(0, n).indexOf(NL);
    if (nl >= 0) return pos + nl + 1;
  }
  return total;
}

/**
 * Starts scanTask in a worker thread (dist/read/fast-worker.js) at once — synchronously, so
 * that it runs while this thread scans its own half without yielding.
 */
function runWorker(task: WorkerTask): Promise<RangeResult> {
  const url = new URL('./fast-worker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    if (!existsSync(url)) {
      reject(new Error('no fast-path worker file'));
      return;
    }
    const w = new Worker(url, { workerData: task });
    w.once('message', (r: RangeResult) => resolve(r));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`fast-path worker exited with ${code}`));
    });
  });
}
