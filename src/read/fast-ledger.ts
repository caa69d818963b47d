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
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { scanAmount } from './amount.js';
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

export interface FastOptions {
  file: string;
  encoding: Encoding;
  skip: number;
  delimiter: Delimiter;
  progress?: (done: number, total: number) => void;
}

/** Reads the file into the consumer, or returns FALLBACK (having kept nothing). */
export function readFast(opts: FastOptions, consumer: RecordConsumer): typeof FALLBACK | void {
  if (opts.encoding === 'utf-16le') return FALLBACK;
  const utf8 = opts.encoding === 'utf-8';
  const delim = opts.delimiter.charCodeAt(0);
  const fd = openSync(opts.file, 'r');
  try {
    const total = fstatSync(fd).size;
    let buf = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    let pos = opts.skip;
    let line = 0;
    let crlf: boolean | null = null;
    let eof = false;
    const table = new SumTable();
    const codes = new Uint16Array(64);
    const starts = new Int32Array(256);
    const ends = new Int32Array(256);
    let ready = false;
    let width = 0;
    let codeAt = 0;
    let periodAt = -1;
    let amountAt = 0;
    let kontoAt = -1;
    const unitExp = consumer.unitExponent;
    const decimal = consumer.decimalMark;
    const negate = consumer.negated;
    let lastProgress = 0;

    /** Decodes a record whose bytes have no quotes and hands it to the general consumer. */
    const slow = (s: number, e: number) => {
      const text = createDecoder(opts.encoding).write(buf.subarray(s, e));
      consumer.take(text.split(opts.delimiter), line);
    };

    while (!eof) {
      const n = readSync(fd, buf, filled, buf.length - filled, pos);
      pos += n;
      filled += n;
      eof = n === 0 || pos >= total;
      // Process complete lines; keep a partial last line for the next read.
      let lastNl = buf.lastIndexOf(NL, filled - 1);
      if (eof) lastNl = filled; // the final line may have no newline
      if (lastNl < 0) {
        if (filled === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, filled);
          buf = bigger;
        }
        continue;
      }
      const upTo = eof ? filled : lastNl + 1;
      if (buf.indexOf(QUOTE, 0) >= 0 && buf.indexOf(QUOTE, 0) < upTo) return FALLBACK;
      if (utf8 && !isUtf8(buf.subarray(0, upTo))) return FALLBACK;
      let s = 0;
      while (s < upTo) {
        let e = buf.indexOf(NL, s);
        if (e < 0 || e >= upTo) e = upTo;
        const terminated = e < filled && buf[e] === NL;
        let end = e;
        const cr = end > s && buf[end - 1] === CR;
        if (cr) end--;
        if (terminated) {
          // csv-parse keeps the first line end it sees; mixed line ends read differently.
          if (crlf === null) crlf = cr;
          else if (crlf !== cr) return FALLBACK;
        } else if (cr) return FALLBACK;
        line++;
        if (end === s) {
          s = e + 1;
          continue; // empty line
        }
        if (!ready) {
          if (buf.subarray(s, end).indexOf(CR) >= 0) return FALLBACK; // a lone \r
          slow(s, end);
          const layout = consumer.layout;
          if (layout) {
            if (!consumer.fastEligible) return FALLBACK;
            ready = true;
            width = layout.headers.length;
            codeAt = consumer.codeColumn;
            periodAt = layout.period;
            amountAt = (layout.amounts[0] as { index: number }).index;
            kontoAt = consumer.kontoColumn;
          }
          s = e + 1;
          continue;
        }
        // Split on the delimiter.
        let f = 0;
        let fs = s;
        for (let i = s; i < end; i++) {
          const b = buf[i];
          if (b === CR) return FALLBACK; // a lone \r inside a line
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
        if (f !== width) {
          slow(s, end);
          s = e + 1;
          continue;
        }
        // The code: ASCII, trimmed, not empty.
        let cs = starts[codeAt] as number;
        let ce = ends[codeAt] as number;
        while (cs < ce && (buf[cs] === SP || buf[cs] === TAB)) cs++;
        while (ce > cs && (buf[ce - 1] === SP || buf[ce - 1] === TAB)) ce--;
        let simple = ce > cs;
        for (let i = cs; simple && i < ce; i++) if ((buf[i] as number) >= 0x80) simple = false;
        let period = -1;
        if (simple && kontoAt >= 0) {
          let k = starts[kontoAt] as number;
          while (k < (ends[kontoAt] as number) && (buf[k] === SP || buf[k] === TAB)) k++;
          if (k < (ends[kontoAt] as number) && (buf[k] as number) >= 0x80) simple = false;
        }
        if (simple && periodAt >= 0) {
          period = periodIndex(buf, starts[periodAt] as number, ends[periodAt] as number);
          if (period < 0) simple = false;
        }
        let amount: number | bigint | string = 'invalid';
        if (simple) {
          amount = plainAmount(buf, starts[amountAt] as number, ends[amountAt] as number, decimal, unitExp);
          if (Number.isNaN(amount)) {
            const len = fieldCodes(buf, starts[amountAt] as number, ends[amountAt] as number, utf8, codes);
            amount = len < 0 ? 'invalid' : scanAmount(codes, len, decimal, unitExp);
          }
          if (typeof amount === 'string') simple = false;
        }
        if (!simple) {
          slow(s, end);
          s = e + 1;
          continue;
        }
        if (typeof amount === 'bigint') {
          // More than 15 digits: rare enough for the general consumer.
          slow(s, end);
          s = e + 1;
          continue;
        }
        const value = negate ? -(amount as number) : (amount as number);
        table.add(buf, cs, ce, period, value);
        if (kontoAt >= 0 && value !== 0) {
          let k = starts[kontoAt] as number;
          const ke = ends[kontoAt] as number;
          while (k < ke && (buf[k] === SP || buf[k] === TAB)) k++;
          consumer.countSignByte(k < ke ? (buf[k] as number) : 0, value > 0);
        }
        consumer.countFastRow();
        s = e + 1;
      }
      // Keep the partial line.
      const rest = filled - upTo;
      if (rest > 0) buf.copy(buf, 0, upTo, filled);
      filled = rest;
      if (opts.progress && pos - lastProgress > 64 << 20) {
        lastProgress = pos;
        opts.progress(pos, total);
      }
    }
    for (const [code, idx, amount] of table.entries()) {
      const period = idx < 0 ? '' : `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
      consumer.addTotal(code, period, amount);
    }
    consumer.finish();
  } finally {
    closeSync(fd);
  }
}
