/**
 * Reading a SIE 4 file (types 1–4, SIE filformat utgåva 4B) into the shared builder, line by
 * line: memory grows with the keys it keeps (accounts × objects × periods), not with lines.
 *
 * What is read depends on the input the file is given as (`ReadSpec.role`):
 * - `utfall`: year 0 (`#RAR 0`): the verifications (`#VER` with `#TRANS`, each summed by
 *   account, objects and month of its date; an added row `#RTRANS` is counted once, though
 *   the standard repeats it as a `#TRANS`, and a struck row `#BTRANS` not at all) when the
 *   file has any, else the period changes `#PSALDO`, else the year's `#RES`;
 * - `fgAr`: the same for the year `ReadSpec.year` names (the one before the report year, so
 *   this year's file gives its `#RAR -1` and last year's file its `#RAR 0`);
 * - `budget`: year 0's `#PBUDGET`.
 * Balance accounts (`#KTYP` T or S; without `#KTYP`, accounts 1xxx and 2xxx) are left out,
 * with a note: a budget report compares the resultaträkning's accounts.
 *
 * Objects. `#PSALDO 0 202408 5011 {} 1234.50` is an account's total; `{20 "5101"}` the part of
 * it on object 5101 of dimension 20; `{1 "4110" 20 "5101"}` the part on both. Such rows
 * overlap, so they are never added together: the reader picks, per year, the one kind of
 * object list (its dimensions) that holds every dimension it needs (the grouping dimension and
 * those `--where` filters), the smallest such, and sums only those rows; where an account's
 * rows of a month do not add up to its `{}` total, the rest is an "ofördelat" row (code `–`),
 * = total − Σ objects, with a note. A verification row without the grouping dimension is
 * ofördelat too. Where the file has no objects of that dimension at all, SIE_NO_OBJECTS says
 * what to export instead.
 *
 * Every record goes to the builder as a record of text fields — the account, the code of each
 * dimension needed, the name of the grouping code (`#OBJEKT`, or `#KONTO` when grouping by
 * konto) — so `--where`, names, the input sign and the sign evidence (the account's class, and
 * `#KTYP` for accounts whose class says nothing) work as for every other format.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { AvvikelseError, type Place } from '../../errors.js';
import { asOre, minus, negated, plus, signOf, UNIT_EXPONENT, type ReadOre } from '../../core/money.js';
import { kontoClass, negatesInput, type SignEvidence } from '../../rules/sign.js';
import { parseAmount } from '../amount.js';
import { canonicalDimension } from '../columns.js';
import { readPeriod, type PeriodRead } from '../period.js';
import type { LedgerBuilder, ReadSpec } from '../source.js';
import { SieDimensions } from './dimensions.js';
import { sieDecoder, sniffSieEncoding, type SieEncoding } from './encoding.js';
import { fieldText, SieSyntaxProblem, tokenize, type SieField } from './tokens.js';
import { firstInvalidUtf8 } from '../csv/dialect.js';
import { periodKey, plainAmount } from '../csv/fast/bytes.js';
import { SumTable } from '../csv/fast/sum-table.js';
import { BRACE_CLOSE, BRACE_OPEN, dateIndex, LIST, OTHER, SieLineBytes, TRANS, VER } from './scanner.js';

/** The code of the row that holds what a dimension's objects leave of an account's total. */
export const UNALLOCATED = '–';
/** Its name (the data's language, like every name read from a file; the note says it in the user's). */
export const UNALLOCATED_NAME = 'Ofördelat';

/** Thrown when a later line shows the file is in another encoding than guessed from an ASCII sample: the caller starts over. */
export class SieReencode extends Error {
  constructor(readonly encoding: SieEncoding) {
    super(encoding);
  }
}

/** A balance row kept until the end (`#PSALDO`, `#PBUDGET`, `#RES`): a key, not a line, so few. */
interface BalanceRow {
  year: number;
  period: PeriodRead | null;
  konto: string;
  pairs: [string, string][];
  amount: ReadOre;
  line: number;
}

/** The fields of each record, as the messages name them. */
const LAYOUT: Readonly<Record<string, string>> = {
  '#RAR': '#RAR årsnr start slut',
  '#DIM': '#DIM dimensionsnr namn',
  '#UNDERDIM': '#UNDERDIM dimensionsnr namn superdimension',
  '#OBJEKT': '#OBJEKT dimensionsnr objektkod objektnamn',
  '#KONTO': '#KONTO kontonr kontonamn',
  '#KTYP': '#KTYP kontonr kontotyp',
  '#PSALDO': '#PSALDO årsnr period kontonr {objektlista} saldo',
  '#PBUDGET': '#PBUDGET årsnr period kontonr {objektlista} saldo',
  '#RES': '#RES årsnr kontonr saldo',
  '#VER': '#VER serie vernr verdatum',
  '#TRANS': '#TRANS kontonr {objektlista} belopp',
  '#RTRANS': '#RTRANS kontonr {objektlista} belopp',
  '#BTRANS': '#BTRANS kontonr {objektlista} belopp',
};

/** Bytes read at a time. */
const CHUNK = 1 << 20;

const AMOUNT = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Reads `file` into `into` as `spec` asks, in `encoding` (throws SieReencode when a line proves the guess wrong); returns the #TRANS rows the fast path read. */
export function readSie(
  file: string,
  spec: ReadSpec,
  into: LedgerBuilder,
  guess: { encoding: SieEncoding; bomLength: number; certain: boolean },
  size: number,
): number {
  const state = new SieState(file, spec, into);
  const decode = sieDecoder(guess.encoding);
  let certain = guess.certain;
  let lineNo = 0;

  // The fast path (scanner.ts) reads the common lines from their bytes; the rest, and every
  // line without it (`AVVIKELSE_READER=csv-parse`), are decoded and tokenized.
  const scan = spec.tuning.fastPath ? new SieLineBytes() : null;
  const invalid = (bytes: Buffer): never => {
    const bad = firstInvalidUtf8(bytes);
    let line = lineNo + 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new AvvikelseError(
      'ENCODING_INVALID',
      { encoding: guess.encoding, byte: (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0') },
      { file, line },
    );
  };

  const part = (bytes: Buffer): void => {
    if (!certain && !isAscii(bytes)) {
      let high = 0;
      while ((bytes[high] as number) < 0x80) high++;
      // The first bytes that decide: the lines from here on.
      const seen = sniffSieEncoding(bytes.subarray(bytes.lastIndexOf(0x0a, high) + 1), true);
      if (seen.encoding !== guess.encoding) throw new SieReencode(seen.encoding);
      certain = true;
    }
    if (scan !== null) {
      // Every byte of the part is checked before any of its lines is read, as decoding it whole does.
      if (guess.encoding === 'utf-8' && !isUtf8(bytes)) invalid(bytes);
      const n = bytes.length;
      let s = 0;
      for (;;) {
        lineNo++;
        const e = scan.scan(bytes, s, n);
        if (scan.kind === OTHER || !state.fast(scan, bytes, lineNo)) {
          const end = e > s && bytes[e - 1] === 0x0d ? e - 1 : e;
          state.line(decode(bytes.subarray(s, end)), lineNo);
        }
        if (e >= n) break;
        s = e + 1;
      }
      return;
    }
    let text: string;
    try {
      text = decode(bytes);
    } catch {
      return invalid(bytes);
    }
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      const end = nl < 0 ? text.length : nl;
      lineNo++;
      state.line(end > from && text.charCodeAt(end - 1) === 0x0d ? text.slice(from, end - 1) : text.slice(from, end), lineNo);
      if (nl < 0) break;
      from = nl + 1;
    }
  };

  // Whole lines, about a MiB at a time: what is left after a chunk's last line end is kept for the next.
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(2 * CHUNK);
    let filled = 0;
    let pos = guess.bomLength;
    for (;;) {
      if (buf.length - filled < CHUNK) {
        const bigger = Buffer.allocUnsafe(2 * buf.length);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const got = readSync(fd, buf, filled, CHUNK, pos);
      if (got === 0) break;
      pos += got;
      filled += got;
      const last = buf.lastIndexOf(0x0a, filled - 1);
      if (last >= 0) {
        part(buf.subarray(0, last));
        buf.copy(buf, 0, last + 1, filled);
        filled -= last + 1;
      }
      spec.progress?.(pos, size);
    }
    if (filled > 0) part(buf.subarray(0, filled));
  } finally {
    closeSync(fd);
  }
  state.finish();
  return state.fastRows;
}

/** The year index (`#RAR`) and the dates of a fiscal year. */
interface Year {
  start: string;
  end: string;
}

/** Everything one read keeps: declarations, the rows kept for the end, and the verification being read. */
class SieState {
  private readonly dims = new SieDimensions();
  private readonly objectNames = new Map<string, Map<string, string>>();
  private readonly kontoNames = new Map<string, string>();
  private readonly ktyp = new Map<string, string>();
  private readonly years = new Map<number, Year>();
  private readonly balances: BalanceRow[] = [];
  private readonly results: BalanceRow[] = [];
  private readonly role: 'utfall' | 'budget' | 'fgAr';
  private readonly exp: number;
  private readonly periods = new Map<string, string | null>();
  private readonly leftOut = new Set<string>();
  private leftOutRows = 0;

  /** The dimensions needed (grouping dimension first, then filtered ones), once resolved, and the index of the grouping code in a record (-1: konto). */
  private needed: { role: string; dim: string }[] | null = null;
  private groupAt = -1;
  private want: number | null = null;

  // The verification being read.
  private verLine = 0;
  private verDate: string | null = null;
  private verOpen = false;
  private vers = 0;
  private rtrans: string | null = null;
  private transWithGroup = 0;
  private unallocatedRows = 0;
  private unallocated: ReadOre = 0n;
  private readonly ktypEvidence: SignEvidence = { revenuePositive: 0, revenueNegative: 0, costPositive: 0, costNegative: 0 };
  /** The month of the verification's date, as year·12 + month − 1. */
  private verPeriod = -1;

  // The fast path's #TRANS rows (scanner.ts), summed per (account, codes, month) and given to
  // the builder by `flush`: at the end, and before a line that changes what a row's account and
  // codes mean (#KTYP, #KONTO, #OBJEKT).
  private table = new SumTable();
  /** Per table entry: rows with an amount above and below zero, for the sign evidence. */
  private positives = new Int32Array(256);
  private negatives = new Int32Array(256);
  /** Per table entry: the line of its last row. */
  private lastLine = new Int32Array(256);
  /** A row's key: the account's bytes, then per needed dimension a 0 byte and the code's bytes. */
  private readonly keyBytes = new Uint8Array(512);
  /** The needed dimensions' numbers as bytes, or null when one is not printable ASCII (then no row is read fast). */
  private neededBytes: Uint8Array[] | null = null;
  /** Rows the fast path read. */
  fastRows = 0;
  /** A date's text by its value, for the verifications the fast path reads. */
  private readonly dateTexts = new Map<number, string>();

  constructor(
    private readonly file: string,
    private readonly spec: ReadSpec,
    private readonly into: LedgerBuilder,
  ) {
    this.role = spec.role ?? spec.kind;
    this.exp = UNIT_EXPONENT[spec.inputUnit];
  }

  private syntax(line: number, record: string, problem: string, field?: number, value?: string, extra: Record<string, string> = {}): never {
    const place: Place = field === undefined ? { file: this.file, line } : { file: this.file, line, field, value };
    throw new AvvikelseError('SIE_SYNTAX', { record, problem, layout: LAYOUT[record] ?? record, value: value ?? '', ...extra }, place);
  }

  /** A text field, or SIE_SYNTAX when it is missing or an object list. */
  private text(fields: SieField[], i: number, line: number, label: string): string {
    const f = fields[i];
    if (f === undefined) this.syntax(line, label, 'fields', undefined, undefined, { found: String(fields.length) });
    if (typeof f !== 'string') this.syntax(line, label, 'objectsHere', i + 1, fieldText(f));
    return f;
  }

  private year(fields: SieField[], line: number, label: string): number {
    const t = this.text(fields, 0, line, label);
    if (!INTEGER.test(t)) this.syntax(line, label, 'year', 1, t);
    return Number(t);
  }

  private amount(text: string, line: number, label: string, field: number): ReadOre {
    if (!AMOUNT.test(text)) this.syntax(line, label, 'amount', field, text);
    const parsed = parseAmount(text, '.', this.exp);
    if (parsed !== null && typeof parsed !== 'string') return parsed;
    if (parsed === 'precision')
      throw new AvvikelseError('AMOUNT_PRECISION', { value: text }, { file: this.file, line, field, value: text });
    return this.syntax(line, label, 'amount', field, text);
  }

  /**
   * The text of the amount field `i`, or SIE_SYNTAX when it is an amount written with a space
   * between thousands (`12 345,60`), which reads as two fields. After a `#TRANS` amount comes
   * a date, so three digits there are the rest of the amount; after a balance's amount comes
   * its quantity, the record's last field, so they are only when a decimal comma or another
   * field follows (`500 100` is 500 kr and a quantity of 100).
   */
  private split(fields: SieField[], i: number, line: number, label: string, quantityNext: boolean): string {
    const text = this.text(fields, i, line, label);
    const next = fields[i + 1];
    if (typeof next === 'string' && /^-?\d{1,3}$/.test(text) && /^\d{3}([,.]\d*)?$/.test(next)) {
      if (!quantityNext || next.includes(',') || fields.length > i + 2) this.syntax(line, label, 'amount', i + 1, `${text} ${next}`);
    }
    return text;
  }

  /**
   * The object list at field `at`, if one is there, and the amount after it — or at `at`,
   * where a writer that leaves the list out puts it; `quantityNext` as `split`'s.
   */
  private listAndAmount(
    fields: SieField[],
    at: number,
    line: number,
    label: string,
    quantityNext: boolean,
  ): { list: Exclude<SieField, string> | null; amountAt: number; amount: ReadOre } {
    const field = fields[at];
    const list = field !== undefined && typeof field !== 'string' ? field : null;
    const amountAt = list !== null ? at + 1 : at;
    return { list, amountAt, amount: this.amount(this.split(fields, amountAt, line, label, quantityNext), line, label, amountAt + 1) };
  }

  private account(fields: SieField[], i: number, line: number, label: string): string {
    const konto = this.text(fields, i, line, label).trim();
    if (konto === '') this.syntax(line, label, 'account', i + 1, konto);
    return konto;
  }

  /** The month key (`YYYY-MM`) of a date `YYYYMMDD`, or SIE_SYNTAX. */
  private month(date: string, line: number, label: string, field: number): string {
    let key = this.periods.get(date);
    if (key === undefined) {
      const m = DATE.exec(date);
      const month = m ? Number(m[2]) : 0;
      const day = m ? Number(m[3]) : 0;
      key = m && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${m[1] as string}-${m[2] as string}` : null;
      this.periods.set(date, key);
    }
    if (key === null) this.syntax(line, label, 'date', field, date);
    return key;
  }

  /** Whether an account is a balance account: `#KTYP` T or S, else class 1 or 2. */
  private isBalance(konto: string): boolean {
    const t = this.ktyp.get(konto);
    if (t === 'T' || t === 'S') return true;
    if (t === 'I' || t === 'K') return false;
    const c = konto.charCodeAt(0);
    return c === 0x31 || c === 0x32;
  }

  line(text: string, lineNo: number): void {
    let rec;
    try {
      rec = tokenize(text);
    } catch (e) {
      if (!(e instanceof SieSyntaxProblem)) throw e;
      const label = /^\s*(#\S+)/.exec(text)?.[1]?.toUpperCase() ?? '';
      return this.syntax(lineNo, label, e.problem, e.field, e.value);
    }
    if (rec === null) return;
    const { label, fields } = rec;
    if (label !== '#TRANS') this.rtrans = null;
    if (label === '#KTYP' || label === '#KONTO' || label === '#OBJEKT') this.flush();
    switch (label) {
      case '#RAR': {
        const y = this.year(fields, lineNo, label);
        const start = typeof fields[1] === 'string' ? fields[1] : '';
        const end = typeof fields[2] === 'string' ? fields[2] : '';
        this.years.set(y, { start, end });
        return;
      }
      case '#DIM':
      case '#UNDERDIM':
        this.dims.declare(this.text(fields, 0, lineNo, label).trim(), this.text(fields, 1, lineNo, label).trim());
        return;
      case '#OBJEKT': {
        const dim = this.text(fields, 0, lineNo, label).trim();
        const code = this.text(fields, 1, lineNo, label).trim();
        const name = typeof fields[2] === 'string' ? fields[2].trim() : '';
        this.dims.use(dim);
        let names = this.objectNames.get(dim);
        if (names === undefined) this.objectNames.set(dim, (names = new Map<string, string>()));
        if (name !== '') names.set(code, name);
        return;
      }
      case '#KONTO': {
        const konto = this.account(fields, 0, lineNo, label);
        const name = typeof fields[1] === 'string' ? fields[1].trim() : '';
        if (name !== '') this.kontoNames.set(konto, name);
        return;
      }
      case '#KTYP': {
        const konto = this.account(fields, 0, lineNo, label);
        this.ktyp.set(konto, this.text(fields, 1, lineNo, label).trim().toUpperCase());
        return;
      }
      case '#PSALDO':
      case '#PBUDGET':
        if ((label === '#PBUDGET') === (this.role === 'budget')) this.balance(fields, lineNo, label);
        return;
      case '#RES':
        if (this.role !== 'budget') {
          const year = this.year(fields, lineNo, label);
          const konto = this.account(fields, 1, lineNo, label);
          const amount = this.amount(this.text(fields, 2, lineNo, label), lineNo, label, 3);
          this.results.push({ year, period: null, konto, pairs: [], amount, line: lineNo });
        }
        return;
      case '#VER':
        if (this.verOpen || this.verDate !== null) this.syntax(this.verLine, label, 'verUnclosed');
        this.verDate = this.text(fields, 2, lineNo, label);
        this.verPeriod = indexOfKey(this.month(this.verDate, lineNo, label, 3));
        this.verLine = lineNo;
        this.vers++;
        return;
      case '{':
        if (this.verDate === null || this.verOpen) this.syntax(lineNo, label, 'brace');
        this.verOpen = true;
        return;
      case '}':
        if (!this.verOpen) this.syntax(lineNo, label, 'brace');
        this.verOpen = false;
        this.verDate = null;
        return;
      case '#TRANS':
      case '#RTRANS':
      case '#BTRANS':
        this.trans(label, fields, lineNo);
        return;
      default:
      // Every other label (#FLAGGA, #PROGRAM, #IB, #UB, #OIB, #SRU …) is not needed: the standard asks readers to ignore what they do not use.
    }
  }

  private balance(fields: SieField[], line: number, label: string): void {
    const year = this.year(fields, line, label);
    const periodText = this.text(fields, 1, line, label).trim();
    const period = readPeriod(periodText);
    if (period === null || period.kind === 'year') this.syntax(line, label, 'period', 2, periodText);
    const konto = this.account(fields, 2, line, label);
    // The object list is mandatory; a writer that leaves it out puts the amount in its place.
    const { list, amount } = this.listAndAmount(fields, 3, line, label, true);
    const pairs = list !== null ? list.pairs : [];
    for (const [d] of pairs) this.dims.use(d);
    this.balances.push({ year, period, konto, pairs, amount, line });
  }

  /** The year index to read: 0, or for last year's utfall the one whose dates lie in `spec.year` (else -1). */
  private wanted(): number {
    if (this.want !== null) return this.want;
    let want = 0;
    if (this.role === 'fgAr') {
      want = -1;
      const y = this.spec.year;
      if (y !== undefined) {
        const hit =
          [...this.years].find(([, r]) => r.end.slice(0, 4) === String(y)) ??
          [...this.years].find(([, r]) => r.start.slice(0, 4) === String(y));
        if (hit !== undefined) want = hit[0];
        else if (this.years.size > 0 && [...this.years.values()].some((r) => r.end !== '')) {
          throw new AvvikelseError('SIE_NO_AMOUNTS', { reason: 'year', year: y, years: this.yearList() }, { file: this.file });
        }
      }
    }
    this.want = want;
    return want;
  }

  private yearList(): string {
    return (
      [...this.years]
        .sort(([a], [b]) => b - a)
        .map(([i, r]) => `${i}: ${r.start || '?'}–${r.end || '?'}`)
        .join(', ') || '–'
    );
  }

  /** Resolves the dimensions the spec needs and binds the builder to a record of konto, their codes and a name. */
  private bind(): { role: string; dim: string }[] {
    if (this.needed !== null) return this.needed;
    const at: Place = { file: this.file };
    const roles: string[] = [];
    const add = (r: string | undefined) => {
      if (r !== undefined && r !== 'konto' && !roles.includes(r)) roles.push(r);
    };
    add(this.spec.groupBy);
    add(this.spec.detail);
    for (const w of this.spec.where) add(canonicalDimension(w.dimension));
    const explicit = this.spec.sieDim ?? {};
    const needed = roles.map((role) => ({ role, dim: this.dims.resolve(role, explicit, at) }));
    const headers = ['konto', ...needed.map((n) => n.role), 'namn'];
    const dims = new Map<string, number>(headers.slice(0, -1).map((h, i) => [h, i]));
    this.into.bind({ headers, dims, names: new Map([[this.spec.groupBy, headers.length - 1]]) }, at);
    this.groupAt = this.spec.groupBy === 'konto' ? -1 : 1;
    this.needed = needed;
    return needed;
  }

  /** The name of the grouping code of a record: its `#OBJEKT` name, or the `#KONTO` name when grouping by konto. */
  private nameOf(konto: string, code: string): string {
    if (this.groupAt < 0) return this.kontoNames.get(konto) ?? '';
    if (code === UNALLOCATED) return UNALLOCATED_NAME;
    return this.objectNames.get((this.needed as { dim: string }[])[0]?.dim ?? '')?.get(code) ?? '';
  }

  /** Gives one record (account, its objects, a period) to the builder; false when `--where` leaves it out. */
  private give(konto: string, codes: string[], period: string, amount: ReadOre, line: number): boolean {
    const fields = [konto, ...codes, ''];
    fields[fields.length - 1] = this.nameOf(konto, this.groupAt < 0 ? konto : (codes[0] as string));
    const key = this.into.key(fields, (index, value) => ({ file: this.file, line, field: index + 1, value }));
    if (key === null) return false;
    this.into.add(key, period, amount);
    this.into.record(fields, amount, period);
    // #KTYP says what the account's class does not (an 8xxx cost, a 9xxx revenue): counted here, in the file's sign.
    const t = this.ktyp.get(konto);
    if (signOf(amount) !== 0 && kontoClass(konto.charCodeAt(0)) === null && (t === 'I' || t === 'K')) {
      const e = this.ktypEvidence;
      if (t === 'I') {
        if (signOf(amount) > 0) e.revenuePositive++;
        else e.revenueNegative++;
      } else if (signOf(amount) > 0) e.costPositive++;
      else e.costNegative++;
    }
    return true;
  }

  private trans(label: string, fields: SieField[], line: number): void {
    if (!this.verOpen) this.syntax(line, label, 'outsideVer');
    if (label === '#BTRANS') return;
    const signature = (): string => fields.map(fieldText).join(' ');
    if (label === '#TRANS' && this.rtrans !== null && this.rtrans === signature()) {
      // The #TRANS the standard repeats after an #RTRANS, for older readers: counted once.
      this.rtrans = null;
      return;
    }
    this.rtrans = label === '#RTRANS' ? signature() : null;
    if (this.role === 'budget' || this.wanted() !== 0) return;
    const konto = this.account(fields, 0, line, label);
    const { list, amountAt, amount } = this.listAndAmount(fields, 1, line, label, false);
    const dateField = fields[amountAt + 1];
    const date = typeof dateField === 'string' && dateField.trim() !== '' ? dateField.trim() : (this.verDate as string);
    const period = this.month(date, line, label, typeof dateField === 'string' && dateField.trim() !== '' ? amountAt + 2 : 3);
    if (this.isBalance(konto)) {
      this.leftOut.add(konto);
      this.leftOutRows++;
      return;
    }
    const needed = this.bind();
    const pairs = list !== null ? list.pairs : [];
    const codes = needed.map(({ dim }) => {
      for (const [d, code] of pairs) if (d === dim && code !== '') return code;
      return '';
    });
    const grouped = this.groupAt > 0;
    if (grouped && codes[0] === '') codes[0] = UNALLOCATED;
    if (this.give(konto, codes, period, amount, line) && grouped) {
      if (codes[0] === UNALLOCATED) {
        this.unallocatedRows++;
        this.unallocated = plus(this.unallocated, amount);
      } else this.transWithGroup++;
    }
  }

  /**
   * Reads a line the byte scanner split (scanner.ts) as `line` would, or returns false, having
   * changed nothing, when `line` must read it: a line that is in error, or needs what the
   * fast path does not do (an #RTRANS's repeated row, a field that is not plain ASCII).
   */
  fast(l: SieLineBytes, buf: Uint8Array, line: number): boolean {
    switch (l.kind) {
      case BRACE_OPEN:
        if (this.verDate === null || this.verOpen) return false;
        this.rtrans = null;
        this.verOpen = true;
        return true;
      case BRACE_CLOSE:
        if (!this.verOpen) return false;
        this.rtrans = null;
        this.verOpen = false;
        this.verDate = null;
        return true;
      case VER:
        return this.fastVer(l, buf, line);
      case TRANS:
        return this.fastTrans(l, buf, line);
      default:
        return false;
    }
  }

  private fastVer(l: SieLineBytes, buf: Uint8Array, line: number): boolean {
    if (this.verOpen || this.verDate !== null || l.count < 3 || l.fieldKind[2] === LIST || l.plain[2] === 0) return false;
    const s = l.start[2] as number;
    const period = dateIndex(buf, s, l.end[2] as number);
    if (period < 0) return false;
    let value = 0;
    for (let i = s; i < s + 8; i++) value = value * 10 + (buf[i] as number) - 0x30;
    let date = this.dateTexts.get(value);
    if (date === undefined) this.dateTexts.set(value, (date = String(value).padStart(8, '0')));
    this.rtrans = null;
    this.verDate = date;
    this.verPeriod = period;
    this.verLine = line;
    this.vers++;
    return true;
  }

  private fastTrans(l: SieLineBytes, buf: Uint8Array, line: number): boolean {
    if (!this.verOpen || this.rtrans !== null) return false;
    // Valid lines of another year or of a budget are not read further (as `trans` does).
    if (this.role === 'budget' || this.wanted() !== 0) return true;
    const needed = this.neededBytes ?? this.neededAsBytes();
    if (needed === null) return false;
    const n = l.count;
    if (n < 2 || l.fieldKind[0] === LIST || l.plain[0] === 0) return false;
    let ks = l.start[0] as number;
    let ke = l.end[0] as number;
    while (ks < ke && buf[ks] === 0x20) ks++;
    while (ke > ks && buf[ke - 1] === 0x20) ke--;
    if (ke === ks) return false;
    const at = l.fieldKind[1] === LIST ? 2 : 1;
    if (n <= at || l.plain[at] === 0) return false;
    const as = l.start[at] as number;
    const ae = l.end[at] as number;
    const amount = plainAmount(buf, as, ae, '.', this.exp);
    if (Number.isNaN(amount)) return false;
    let period = this.verPeriod;
    if (n > at + 1) {
      let ds = l.start[at + 1] as number;
      let de = l.end[at + 1] as number;
      // (An amount written with a space between thousands, `1 234.50`, which `split` refuses,
      // has no date here: `234.50` is none, so such a line goes to `line`.)
      if (l.plain[at + 1] === 0) return false;
      while (ds < de && buf[ds] === 0x20) ds++;
      while (de > ds && buf[de - 1] === 0x20) de--;
      if (de > ds) {
        period = dateIndex(buf, ds, de);
        if (period < 0) return false;
      }
    }
    // The key: the account, then each needed dimension's code (its first non-empty one in the list).
    const key = this.keyBytes;
    let k = ke - ks;
    if (k + needed.length * 64 > key.length) return false;
    for (let i = ks; i < ke; i++) key[i - ks] = buf[i] as number;
    for (let d = 0; d < needed.length; d++) {
      key[k++] = 0;
      const dim = needed[d] as Uint8Array;
      for (let p = 0; p < l.pairs; p++) {
        const cs = l.codeStart[p] as number;
        const ce = l.codeEnd[p] as number;
        if (ce === cs || !sameBytes(buf, l.dimStart[p] as number, l.dimEnd[p] as number, dim)) continue;
        if (ce - cs > 63) return false;
        for (let i = cs; i < ce; i++) key[k++] = buf[i] as number;
        break;
      }
    }
    const entry = this.table.add(key, 0, k, period, amount);
    if (entry >= this.lastLine.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.positives = grow(this.positives);
      this.negatives = grow(this.negatives);
      this.lastLine = grow(this.lastLine);
    }
    if (amount > 0) this.positives[entry] = (this.positives[entry] as number) + 1;
    else if (amount < 0) this.negatives[entry] = (this.negatives[entry] as number) + 1;
    this.lastLine[entry] = line;
    this.fastRows++;
    return true;
  }

  /** The needed dimensions' numbers as bytes (binding them first), or null when the fast path cannot match them. */
  private neededAsBytes(): Uint8Array[] | null {
    if (this.needed === null) return null; // bound by the first row `trans` reads
    const out = this.needed.map(({ dim }) => Buffer.from(dim, 'latin1'));
    if (this.needed.some(({ dim }) => !/^[\x21-\x7e]+$/.test(dim) || dim.includes('"') || dim.includes('\\'))) return null;
    this.neededBytes = out;
    return out;
  }

  /** Gives the fast path's rows to the builder, as `trans` and `give` would have one by one. */
  private flush(): void {
    if (this.table.count === 0) return;
    const grouped = this.groupAt > 0;
    const evidence: SignEvidence = { revenuePositive: 0, revenueNegative: 0, costPositive: 0, costNegative: 0 };
    const rowsByPeriod = new Map<string, number>();
    let rows = 0;
    let index = 0;
    for (const entry of this.table.entries()) {
      const i = index++;
      const [konto = '', ...codes] = entry.key.split('\u0000');
      if (this.isBalance(konto)) {
        this.leftOut.add(konto);
        this.leftOutRows += entry.rows;
        continue;
      }
      if (grouped && codes[0] === '') codes[0] = UNALLOCATED;
      const code = grouped ? (codes[0] as string) : konto;
      const name = this.nameOf(konto, code);
      const line = this.lastLine[i] as number;
      const key = this.into.key([konto, ...codes, name], (at, value) => ({ file: this.file, line, field: at + 1, value }));
      if (key === null) continue;
      const period = periodKey(entry.period);
      this.into.add(key, period, entry.amount);
      if (name !== '') this.into.named(code, name);
      rows += entry.rows;
      rowsByPeriod.set(period, (rowsByPeriod.get(period) ?? 0) + entry.rows);
      const pos = this.positives[i] as number;
      const neg = this.negatives[i] as number;
      const cls = kontoClass(konto.charCodeAt(0));
      // #KTYP says what the account's class does not (see `give`), counted apart.
      const t = cls === null ? this.ktyp.get(konto) : undefined;
      const e = cls !== null ? evidence : t === 'I' || t === 'K' ? this.ktypEvidence : null;
      if (e !== null && (cls === 'revenue' || t === 'I')) {
        e.revenuePositive += pos;
        e.revenueNegative += neg;
      } else if (e !== null) {
        e.costPositive += pos;
        e.costNegative += neg;
      }
      if (grouped) {
        if (codes[0] === UNALLOCATED) {
          this.unallocatedRows += entry.rows;
          this.unallocated = plus(this.unallocated, entry.amount);
        } else this.transWithGroup += entry.rows;
      }
    }
    this.into.counted(rows, evidence, rowsByPeriod);
    this.table = new SumTable();
    this.positives.fill(0);
    this.negatives.fill(0);
  }

  finish(): void {
    this.flush();
    if (this.verOpen || this.verDate !== null) this.syntax(this.verLine, '#VER', 'verUnclosed');
    const want = this.wanted();
    const useTrans = this.role !== 'budget' && want === 0 && this.vers > 0;
    let record = '#TRANS';
    if (useTrans) {
      const needed = this.bind();
      if (this.groupAt > 0 && this.transWithGroup === 0 && this.unallocatedRows > 0) {
        const { dim } = needed[0] as { dim: string };
        throw new AvvikelseError('SIE_NO_OBJECTS', { role: this.spec.groupBy, dim: this.dims.label(dim), record }, { file: this.file });
      }
    } else {
      record = this.role === 'budget' ? '#PBUDGET' : '#PSALDO';
      let rows = this.balances.filter((r) => r.year === want);
      if (rows.length === 0 && this.role !== 'budget') {
        record = '#RES';
        const end = this.years.get(want)?.end ?? '';
        const key = /^\d{4}/.test(end) ? end.slice(0, 4) : '';
        rows = this.results.filter((r) => r.year === want).map((r) => ({ ...r, period: key === '' ? null : { kind: 'year', key } }));
      }
      if (rows.length === 0) {
        throw new AvvikelseError(
          'SIE_NO_AMOUNTS',
          { reason: this.role === 'budget' ? 'budget' : 'utfall', year: want, years: this.yearList() },
          { file: this.file },
        );
      }
      this.balanceRows(rows, record);
    }
    const e = this.ktypEvidence;
    if (e.revenueNegative + e.revenuePositive + e.costNegative + e.costPositive > 0) this.into.counted(0, e, new Map());
    const year = this.years.get(want);
    const needed = this.needed ?? [];
    this.into.note({
      kind: 'sieRead',
      record,
      year: want,
      dates: year && year.start !== '' ? `${year.start}–${year.end}` : '',
      dimensions: needed.map((n) => `${n.role}: ${this.dims.label(n.dim)}`).join(', '),
    });
    if (this.leftOut.size > 0) this.into.note({ kind: 'sieBalanceAccounts', accounts: this.leftOut.size, rows: this.leftOutRows });
    if (this.unallocatedRows > 0 && this.groupAt > 0) {
      const { dim } = needed[0] as { dim: string };
      this.into.note({
        kind: 'sieUnallocated',
        role: this.spec.groupBy,
        dim: this.dims.label(dim),
        code: UNALLOCATED,
        rows: this.unallocatedRows,
        amount: asOre(negatesInput(this.spec.inputSign) ? negated(this.unallocated) : this.unallocated),
        record,
      });
    }
  }

  /** The period key of a balance row, with `into.aside` for period 00 and 13–15; null to leave it out. */
  private periodOf(r: BalanceRow): string | null {
    const p = r.period;
    if (p === null) return '';
    if (p.kind === 'opening') {
      this.into.aside('opening', r.amount);
      return null;
    }
    if (p.kind === 'adjustment') this.into.aside('adjustment', r.amount);
    return p.key;
  }

  /**
   * The balance rows of the year read. Per account and month (a slot): its total is its `{}`
   * row, or, where the file gives none, the sum of its rows of the smallest kind of object
   * list it has (Edison writes some budgets only per kostnadsställe). Grouped by a dimension,
   * the rows of one kind of object list are read — the smallest that holds every needed
   * dimension — and what they leave of the slot's total is an ofördelat row; grouped by
   * konto, the totals are read.
   */
  private balanceRows(all: BalanceRow[], record: string): void {
    const needed = this.bind();
    const dims = needed.map((n) => n.dim);
    const byNumber = (a: string, b: string) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
    const shapeOf = (r: BalanceRow) => [...new Set(r.pairs.map(([d]) => d))].sort(byNumber).join(' ');
    /** Smaller first: fewer dimensions, then by their numbers. */
    const smaller = (a: string, b: string) => (a === '' ? 0 : a.split(' ').length) - (b === '' ? 0 : b.split(' ').length) || byNumber(a, b);
    interface Slot {
      first: BalanceRow;
      sums: Map<string, ReadOre>;
      rows: BalanceRow[];
    }
    const slots = new Map<string, Slot>();
    const shapes = new Set<string>();
    for (const r of all) {
      if (this.isBalance(r.konto)) {
        this.leftOut.add(r.konto);
        this.leftOutRows++;
        continue;
      }
      const k = `${r.konto}\u0000${r.period?.key ?? ''}\u0000${r.period?.kind ?? ''}`;
      let slot = slots.get(k);
      if (slot === undefined) slots.set(k, (slot = { first: r, sums: new Map(), rows: [] }));
      const shape = shapeOf(r);
      shapes.add(shape);
      slot.sums.set(shape, plus(slot.sums.get(shape) ?? 0n, r.amount));
      slot.rows.push(r);
    }
    // Grouped by a dimension (its code first in `codes`), rather than by konto with filtered dimensions.
    const grouped = this.groupAt > 0;
    let chosen = '';
    if (dims.length > 0) {
      const fits = [...shapes].filter((s) => s !== '' && dims.every((d) => s.split(' ').includes(d))).sort(smaller);
      if (fits[0] === undefined) {
        const { dim, role } = needed[0] as { dim: string; role: string };
        throw new AvvikelseError('SIE_NO_OBJECTS', { role, dim: this.dims.label(dim), record }, { file: this.file });
      }
      chosen = fits[0];
    }
    for (const slot of slots.values()) {
      const total = slot.sums.get('') ?? slot.sums.get([...slot.sums.keys()].sort(smaller)[0] ?? '') ?? 0n;
      if (dims.length === 0) {
        const row = { ...slot.first, amount: total };
        const period = this.periodOf(row);
        if (period !== null) this.give(row.konto, [], period, total, row.line);
        continue;
      }
      for (const r of slot.rows) {
        if (shapeOf(r) !== chosen) continue;
        const period = this.periodOf(r);
        if (period === null) continue;
        const codes = dims.map((d) => r.pairs.find(([pd]) => pd === d)?.[1] ?? '');
        if (grouped && codes[0] === '') codes[0] = UNALLOCATED;
        this.give(r.konto, codes, period, r.amount, r.line);
      }
      const rest = minus(total, slot.sums.get(chosen) ?? 0n);
      if (signOf(rest) === 0) continue;
      const row = { ...slot.first, amount: rest };
      const period = this.periodOf(row);
      if (period === null) continue;
      if (
        this.give(
          row.konto,
          dims.map((_, i) => (i === 0 && grouped ? UNALLOCATED : '')),
          period,
          rest,
          row.line,
        ) &&
        grouped
      ) {
        this.unallocatedRows++;
        this.unallocated = plus(this.unallocated, rest);
      }
    }
  }
}

/** The period index (year·12 + month − 1) of a month key `YYYY-MM`. */
const indexOfKey = (key: string): number => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;

/** Whether buf[s, e) holds exactly `bytes`. */
function sameBytes(buf: Uint8Array, s: number, e: number, bytes: Uint8Array): boolean {
  if (e - s !== bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[s + i] !== bytes[i]) return false;
  return true;
}
