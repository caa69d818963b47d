/**
 * The fast path's per-line loop: splits unquoted records on bytes, reads the code, period,
 * konto class and amount of each, and sums them into a SumTable. A record outside the simple
 * subset (non-ASCII or empty code, a period in another form, a field count that differs from
 * the header, an amount the byte parsers reject, an empty or `NULL` amount cell) is handed to `slow` (the general consumer,
 * with its line number), or, in a worker that has none, makes the scan 'impure'. A file it
 * cannot read the way csv-parse would — quotes, invalid UTF-8, a lone `\r` —
 * makes it stop with 'fallback'. Amounts are summed in the file's sign; the builder applies
 * the input sign.
 */
import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { valueGlob } from '../../../core/codes.js';
import { kontoClass } from '../../../rules/sign.js';
import { scanAmount, type DecimalMark } from '../../amount.js';
import { RECORD_MAX_CHARS } from '../../limits.js';
import { blankField, fieldCodes, maybeTotalsLabel, monthOnlyIndex, periodIndex, plainAmount, yearField, yearMonthIndex } from './bytes.js';
import { createDecoder, type Decoder, type Encoding } from '../dialect.js';
import { ByteMemo, SumTable } from './sum-table.js';

const CHUNK = 4 << 20;
/** Below this, every sum of integers in float64 is exact (2^53). */
const FLOAT_EXACT = 2 ** 53;
/**
 * Bytes of a line from which the fast path leaves the file to csv-parse, which refuses a record
 * over RECORD_MAX_CHARS (read/limits.ts; counted in its own UTF-8 bytes, so a quarter here).
 */
export const LONG_LINE = RECORD_MAX_CHARS >> 2;
export const NL = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;
/** ASCII blanks `trim()` removes inside a line: space, TAB, \v and \f (CR and LF end the line). */
const blank = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c;

/** Where the fields are and how to read them, from the header (given by the general reader). */
export interface ScanColumns {
  width: number;
  codeAt: number;
  periodAt: number;
  amountAt: number;
  kontoAt: number;
  /** The detail column (konto for --analys), kept apart in the key; -1 for none. */
  detailAt: number;
  /** The name column of the grouping dimension; -1 for none. */
  nameAt: number;
  /** The --where filters: a row whose trimmed field the glob rejects (accepts, negated) is left out. */
  where: readonly { index: number; glob: string; negate: boolean }[];
  unitExp: number;
  decimal: DecimalMark;
  /** The credit column of a debit/credit pair (`amountAt` is the debit): the amount is debet − kredit; -1 for none. */
  creditAt: number;
  /** The year column whose month `periodAt` holds (`År` + `Månad`); -1 for none. */
  yearAt: number;
  /**
   * Month columns (`Jan` … `Dec`, `2024-01` …), each with its period as the general reader
   * resolved it (`Mmm` or `YYYY-MM`); empty for a file with one amount column (`amountAt`).
   * With month columns, `periodAt` is a year column (or -1), whose year `Mmm` columns take.
   */
  months: readonly { index: number; period: string }[];
  /** The totals column beside month columns (`Totalt`, `Helår`), checked against the months for a note; -1 for none. */
  totalAt: number;
}

/** Everything the scanner needs: the columns plus the file's encoding and delimiter. */
export interface ScanSpec extends ScanColumns {
  utf8: boolean;
  /** The file's encoding (UTF-8 or Windows-1252), to decode names and filtered values. */
  encoding: Encoding;
  /** The delimiter's byte. */
  delimiter: number;
}

export type ScanStatus = 'ok' | 'fallback' | 'impure';

/** A totals column checked against the months (records-to-ledger.ts `checkTotalColumn`): rows with a total, rows where it differs, the first 10 of their lines. */
export interface TotalsColumnCount {
  rows: number;
  differing: number;
  differs: number[];
}

/** A record the scanner leaves to the general consumer: buf[s, e) is its line, without the line end. */
export type SlowLine = (buf: Buffer, s: number, e: number, line: number) => void;

/** The per-line loop over complete lines of a byte buffer. */
export class Scanner {
  line = 0;
  rows = 0;
  /** Sign evidence in the file's sign: revenue +/−, cost +/−. */
  readonly signs = [0, 0, 0, 0];
  readonly table = new SumTable();
  private readonly codes = new Uint16Array(64);
  private readonly starts = new Int32Array(256);
  private readonly ends = new Int32Array(256);
  /** Per filter: 1 keeps, 2 leaves out a field's bytes (0: not decided yet). */
  private readonly memos: ByteMemo[];
  private readonly tests: ((v: string) => boolean)[];
  private decoder: Decoder | null = null;
  /** Whether rows need `specialRow` (month columns, a debit/credit pair, `År` + `Månad`). */
  private readonly special: boolean;
  /** Per month column: its field, and its period index (`monthOnlyIndex` for `Mmm`). */
  private readonly monthAt: Int32Array;
  private readonly monthPeriod: Int32Array;
  /** A row's month cells: integer öre, NaN for a cell with no amount. */
  private readonly cells: Float64Array;
  /**
   * Rows per period index, for files with month columns, where a row adds to several entries
   * (each entry's own row count is then not the number of rows); null for other files.
   */
  readonly periodRows: Map<number, number> | null;
  /** The totals column's check, as the general consumer counts it (`checkTotalColumn`): rows with a total, rows where it differs, the first 10 of their lines. */
  readonly totals: TotalsColumnCount = { rows: 0, differing: 0, differs: [] };
  /** Twice the difference a totals column may have from its months: a unit per month cell, in öre. */
  private readonly totalsSlack: number;

  constructor(
    readonly spec: ScanSpec,
    private readonly slow: SlowLine | null,
  ) {
    this.memos = spec.where.map(() => new ByteMemo());
    this.tests = spec.where.map((w) => valueGlob(w.glob));
    this.special = spec.months.length > 0 || spec.creditAt >= 0 || spec.yearAt >= 0;
    this.monthAt = Int32Array.from(spec.months, (m) => m.index);
    this.monthPeriod = Int32Array.from(spec.months, (m) =>
      m.period.startsWith('M')
        ? monthOnlyIndex(Number(m.period.slice(1)))
        : Number(m.period.slice(0, 4)) * 12 + Number(m.period.slice(5, 7)) - 1,
    );
    this.cells = new Float64Array(spec.months.length);
    this.totalsSlack = spec.months.length * 10 ** spec.unitExp;
    this.periodRows = spec.months.length > 0 ? new Map() : null;
  }

  /**
   * The amount of an amount cell: integer öre (at most 15 digits), null for no amount (empty,
   * `NULL`), or undefined when the general consumer must read the line (anything else).
   */
  private cell(buf: Buffer, s: number, e: number): number | null | undefined {
    const { decimal, unitExp } = this.spec;
    const v = plainAmount(buf, s, e, decimal, unitExp);
    if (!Number.isNaN(v)) return v;
    if (s === e) return null;
    const len = fieldCodes(buf, s, e, this.spec.utf8, this.codes);
    if (len < 0) return undefined;
    const r = scanAmount(this.codes, len, decimal, unitExp);
    return typeof r === 'number' ? r : r === null ? null : undefined;
  }

  /** Adds an amount under the row's key (with its detail, when the key has one); returns the entry. */
  private addEntry(buf: Buffer, cs: number, ce: number, period: number, value: number): number {
    return this.spec.detailAt < 0
      ? this.table.add(buf, cs, ce, period, value)
      : this.table.addDetail(buf, cs, ce, this.ds, this.de, period, value);
  }

  /** Counts a data row's sign evidence from its konto's first byte and its amount (file's sign). */
  private evidence(kontoFirst: number, value: number): void {
    if (this.spec.kontoAt < 0 || value === 0) return;
    const cls = kontoClass(kontoFirst);
    if (cls === 'revenue') this.countSign(value > 0 ? 0 : 1);
    else if (cls === 'cost') this.countSign(value > 0 ? 2 : 3);
  }

  /**
   * A data row of a file with month columns, a debit/credit pair or `År` + `Månad`, as the
   * general consumer reads it (records-to-ledger.ts `take`): the period, then every amount
   * cell; each cell with an amount is added under its period, a row with none is no data row
   * (not counted), and the row's net amount is its sign evidence. False when the general
   * consumer must read the line (a period or cell outside the byte subset, the opening
   * balance, adjustment periods), before anything is added.
   */
  private specialRow(buf: Buffer, cs: number, ce: number, kontoFirst: number): boolean {
    const { periodAt, yearAt, amountAt, creditAt } = this.spec;
    const starts = this.starts;
    const ends = this.ends;
    let period = -1;
    if (periodAt >= 0) {
      const ps = starts[periodAt] as number;
      const pe = ends[periodAt] as number;
      if (yearAt >= 0) period = yearMonthIndex(buf, starts[yearAt] as number, ends[yearAt] as number, ps, pe);
      else if (this.monthAt.length > 0)
        period = yearField(buf, ps, pe); // the year of `Mmm` columns
      else period = periodIndex(buf, ps, pe);
      if (period < 0) return false;
    }
    const n = this.monthAt.length;
    if (n === 0) {
      // One amount: a cell, or a debit/credit pair (debet − kredit, an empty side 0).
      let value = this.cell(buf, starts[amountAt] as number, ends[amountAt] as number);
      if (value === undefined) return false;
      if (creditAt >= 0) {
        const credit = this.cell(buf, starts[creditAt] as number, ends[creditAt] as number);
        if (credit === undefined) return false;
        if (value !== null || credit !== null) value = (value ?? 0) - (credit ?? 0);
      }
      if (value === null) return true; // no amount: no data row
      const entry = this.addEntry(buf, cs, ce, period, value);
      if (this.spec.nameAt >= 0) this.takeName(entry, buf, starts[this.spec.nameAt] as number, ends[this.spec.nameAt] as number);
      this.evidence(kontoFirst, value);
      this.rows++;
      return true;
    }
    // Month columns: read every cell first, so that a line the general consumer must read adds nothing.
    const cells = this.cells;
    let some = false;
    let total = 0;
    let largest = 0;
    for (let k = 0; k < n; k++) {
      const at = this.monthAt[k] as number;
      const v = this.cell(buf, starts[at] as number, ends[at] as number);
      if (v === undefined) return false;
      if (v === null) {
        cells[k] = NaN;
        continue;
      }
      cells[k] = v;
      some = true;
      total += v;
      const abs = v < 0 ? -v : v;
      if (abs > largest) largest = abs;
    }
    if (some && largest * n >= FLOAT_EXACT) return false; // the row's net could leave float64's integers
    const totalAt = this.spec.totalAt;
    if (totalAt >= 0) {
      // The totals column, checked as the general consumer does, after every cell is known to be readable.
      const t = this.cell(buf, starts[totalAt] as number, ends[totalAt] as number);
      if (t === undefined) return false;
      if (t !== null) {
        const counts = this.totals;
        counts.rows++;
        // More than half a unit per month cell apart: 2·|total − months| > cells · 10^exp öre.
        const diff = t - total;
        if (2 * (diff < 0 ? -diff : diff) > this.totalsSlack) {
          counts.differing++;
          if (counts.differs.length < 10) counts.differs.push(this.line);
        }
      }
    }
    if (!some) return true; // no amount in the row: no data row
    let first = true;
    for (let k = 0; k < n; k++) {
      const v = cells[k] as number;
      if (Number.isNaN(v)) continue;
      let p = this.monthPeriod[k] as number;
      // A month column (`jan`) takes the row's year (`År`) when it has one.
      if (p < -1 && period >= 0) p = period * 12 + (-p - 2);
      const entry = this.addEntry(buf, cs, ce, p, v);
      if (first) {
        // The row is counted under the period of its first amount, and names its code once.
        first = false;
        const rows = this.periodRows as Map<number, number>;
        rows.set(p, (rows.get(p) ?? 0) + 1);
        if (this.spec.nameAt >= 0) this.takeName(entry, buf, starts[this.spec.nameAt] as number, ends[this.spec.nameAt] as number);
      }
    }
    this.evidence(kontoFirst, total);
    this.rows++;
    return true;
  }

  /** The text of buf[s, e) (whole characters: the line is valid and the delimiter is ASCII). */
  text(buf: Buffer, s: number, e: number): string {
    this.decoder ??= createDecoder(this.spec.encoding);
    return this.decoder.write(buf.subarray(s, e));
  }

  /** The detail field of the current line, trimmed: buf[ds, de). */
  private ds = 0;
  private de = 0;

  /** Finds the trimmed detail field (kept apart in the key); false when it is not ASCII. */
  private detailField(buf: Buffer, at: number): boolean {
    let ds = this.starts[at] as number;
    let de = this.ends[at] as number;
    while (ds < de && blank(buf[ds])) ds++;
    while (de > ds && blank(buf[de - 1])) de--;
    for (let i = ds; i < de; i++) if ((buf[i] as number) >= 0x80) return false;
    this.ds = ds;
    this.de = de;
    return true;
  }

  /** Adds a row with a detail or a name column: the key with its detail, the name kept for its entry. */
  private addKeyed(buf: Buffer, cs: number, ce: number, period: number, value: number): void {
    const { detailAt, nameAt } = this.spec;
    const entry =
      detailAt < 0 ? this.table.add(buf, cs, ce, period, value) : this.table.addDetail(buf, cs, ce, this.ds, this.de, period, value);
    if (nameAt >= 0) this.takeName(entry, buf, this.starts[nameAt] as number, this.ends[nameAt] as number);
  }

  /** Whether the --where filters leave the row out, decided once per distinct field value. */
  private leftOut(buf: Buffer): boolean {
    const where = this.spec.where;
    for (let k = 0; k < where.length; k++) {
      const w = where[k] as ScanColumns['where'][number];
      const s = this.starts[w.index] as number;
      const e = this.ends[w.index] as number;
      const memo = this.memos[k] as ByteMemo;
      let v = memo.get(buf, s, e);
      if (v === 0) {
        v = (this.tests[k] as (v: string) => boolean)(this.text(buf, s, e).trim()) === w.negate ? 2 : 1;
        memo.set(buf, s, e, v);
      }
      if (v === 2) return true;
    }
    return false;
  }

  /** Keeps the row's name for its entry: bytes compared with the entry's last name, decoded only when they change. */
  private takeName(entry: number, buf: Buffer, s: number, e: number): void {
    const table = this.table;
    if (!table.sameName(entry, buf, s, e)) {
      let i = s;
      while (i < e && blank(buf[i])) i++;
      if (i === e) return; // an empty name keeps the one before
      if (this.text(buf, s, e).trim() === '') return;
      table.setName(entry, buf, s, e);
    }
    table.nameLine[entry] = this.line;
  }

  private countSign(k: number): void {
    this.signs[k] = (this.signs[k] as number) + 1;
  }

  /**
   * Whether the line just split into `f` fields may be a totals row (`Summa 4100`, `Totalt`) as
   * the general consumer decides it (records-to-ledger.ts): its code field, its first
   * non-blank field, or, when the code is blank, any field may be a totals label.
   */
  private maybeTotalsRow(buf: Buffer, f: number): boolean {
    if (f > 256) return true;
    const { starts, ends } = this;
    const codeAt = this.spec.codeAt;
    if (codeAt < f) {
      if (maybeTotalsLabel(buf, starts[codeAt] as number, ends[codeAt] as number)) return true;
      if (blankField(buf, starts[codeAt] as number, ends[codeAt] as number)) {
        for (let i = 0; i < f; i++) if (maybeTotalsLabel(buf, starts[i] as number, ends[i] as number)) return true;
      }
    }
    for (let i = 0; i < f; i++) {
      if (!blankField(buf, starts[i] as number, ends[i] as number)) return maybeTotalsLabel(buf, starts[i] as number, ends[i] as number);
    }
    return false;
  }

  /** Scans the complete lines in buf[from, upTo); only the very last line of a file may lack its newline. */
  lines(buf: Buffer, from: number, upTo: number): ScanStatus {
    const { delimiter: delim, width, codeAt, periodAt, amountAt, kontoAt, detailAt, nameAt, unitExp, decimal, utf8 } = this.spec;
    const special = this.special;
    const filtered = this.spec.where.length > 0;
    const keyed = detailAt >= 0 || nameAt >= 0;
    // Whether any \r is in these lines (CRLF files): only then is each byte checked for a lone one.
    const firstCr = buf.indexOf(CR, from);
    const crs = firstCr >= 0 && firstCr < upTo;
    const starts = this.starts;
    const ends = this.ends;
    let s = from;
    while (s < upTo) {
      let e: number;
      let end: number;
      let f = 0;
      let fs = s;
      if (!crs) {
        // An LF file: one pass finds the fields and the line's end (no native call per line).
        let i = s;
        for (; i < upTo; i++) {
          const b = buf[i];
          if (b === delim) {
            if (f < 256) {
              starts[f] = fs;
              ends[f] = i;
            }
            f++;
            fs = i + 1;
          } else if (b === NL) break;
        }
        e = i;
        end = i;
        if (end - s > LONG_LINE) return 'fallback'; // csv-parse refuses a record over RECORD_MAX_CHARS
        this.line++;
        if (end === s) {
          s = e + 1;
          continue; // empty line
        }
      } else {
        e = buf.indexOf(NL, s);
        if (e < 0 || e >= upTo) e = upTo;
        const terminated = e < upTo; // else the last line of the file, without a newline
        end = e;
        // CRLF and LF both end a line, in any mix (`cat jan.csv feb.csv`), as for csv-parse (LINE_ENDS);
        // a lone CR is a line end too, which only csv-parse splits on.
        const cr = end > s && buf[end - 1] === CR;
        if (cr) end--;
        if (cr && !terminated) return 'fallback';
        if (end - s > LONG_LINE) return 'fallback'; // csv-parse refuses a record over RECORD_MAX_CHARS
        this.line++;
        if (end === s) {
          s = e + 1;
          continue; // empty line
        }
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
      }
      if (f < 256) {
        starts[f] = fs;
        ends[f] = end;
      }
      f++;
      // A code and a first field that start with a digit are no totals labels (the common row);
      // anything else is looked at closely. The general route checks totals rows against the rows above.
      const c0 = buf[starts[codeAt] as number] as number;
      const f0 = buf[starts[0] as number] as number;
      if (!(c0 >= 0x30 && c0 <= 0x39 && f0 >= 0x30 && f0 <= 0x39) && this.maybeTotalsRow(buf, f)) return 'fallback';
      let simple = f === width;
      // A row a filter leaves out is not read further, as in the general consumer (`key` first).
      if (simple && filtered && this.leftOut(buf)) {
        s = e + 1;
        continue;
      }
      let cs = 0;
      let ce = 0;
      if (simple) {
        cs = starts[codeAt] as number;
        ce = ends[codeAt] as number;
        while (cs < ce && blank(buf[cs])) cs++;
        while (ce > cs && blank(buf[ce - 1])) ce--;
        simple = ce > cs;
        for (let i = cs; simple && i < ce; i++) if ((buf[i] as number) >= 0x80) simple = false;
      }
      if (simple && detailAt >= 0) simple = this.detailField(buf, detailAt);
      let kontoFirst = 0;
      if (simple && kontoAt >= 0) {
        let k = starts[kontoAt] as number;
        while (k < (ends[kontoAt] as number) && blank(buf[k])) k++;
        kontoFirst = k < (ends[kontoAt] as number) ? (buf[k] as number) : 0;
        if (kontoFirst >= 0x80) simple = false;
      }
      if (special && simple) {
        if (this.specialRow(buf, cs, ce, kontoFirst)) {
          s = e + 1;
          continue;
        }
        simple = false;
      }
      let period = -1;
      if (simple && periodAt >= 0) {
        period = periodIndex(buf, starts[periodAt] as number, ends[periodAt] as number);
        if (period < 0) simple = false;
      }
      let amount: number | bigint | object | string | null = 'invalid';
      if (simple) {
        amount = plainAmount(buf, starts[amountAt] as number, ends[amountAt] as number, decimal, unitExp);
        if (Number.isNaN(amount)) {
          const len = fieldCodes(buf, starts[amountAt] as number, ends[amountAt] as number, utf8, this.codes);
          amount = len < 0 ? 'invalid' : scanAmount(this.codes, len, decimal, unitExp);
        }
        // More than 15 digits (a bigint), and a cell with no amount (empty, `NULL`: the row may be
        // no data row), are rare enough for the general consumer; so is a unit suffix it rejects.
        if (typeof amount !== 'number') simple = false;
      }
      if (!simple) {
        if (this.slow === null) return 'impure';
        this.slow(buf, s, end, this.line);
        s = e + 1;
        continue;
      }
      const value = amount as number;
      if (keyed) this.addKeyed(buf, cs, ce, period, value);
      else this.table.add(buf, cs, ce, period, value);
      if (kontoAt >= 0 && value !== 0) {
        const cls = kontoClass(kontoFirst);
        if (cls === 'revenue') this.countSign(value > 0 ? 0 : 1);
        else if (cls === 'cost') this.countSign(value > 0 ? 2 : 3);
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
