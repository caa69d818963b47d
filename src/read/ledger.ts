/**
 * Reads one ledger export (utfall or budget) into exact totals per code and period.
 *
 * The file is streamed: bytes are decoded (encoding sniffed from the first 64 KiB, see
 * dialect.ts), parsed by csv-parse (RFC 4180 quoting, any delimiter), and each record is
 * consumed as soon as it is parsed, so no records pile up; memory
 * grows with the number of distinct codes, not rows. Title lines above the header are
 * skipped, rows whose fields are all empty are ignored, and every other problem is an
 * AvvikelseError naming the file, line, column and text.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import { AvvikelseError } from '../errors.js';
import type { Filter } from '../core/codes.js';
import { DETAIL_SEPARATOR } from '../core/ledger.js';
import { negatesInput, type InputSign, type SignEvidence } from '../rules/sign.js';
import { valueGlob } from '../core/codes.js';
import type { Unit } from '../core/money.js';
import { UNIT_EXPONENT } from '../core/money.js';
import { parseAmount, type DecimalMark } from './amount.js';
import { canonicalDimension, resolveColumns, type ColumnLayout } from './columns.js';
import {
  createDecoder,
  InvalidUtf8,
  sniffDelimiterInBytes,
  sniffEncoding,
  type Delimiter,
  type Encoding,
} from './dialect.js';
import { fileError } from './files.js';
import { FALLBACK, readFast, SERIAL } from './fast-ledger.js';
import { availableParallelism } from 'node:os';
import { parsePeriod } from './period.js';
import type { PeriodTotals } from '../core/ledger.js';

export interface Dialect {
  encoding: Encoding | 'auto';
  delimiter: Delimiter | 'auto';
  decimal: DecimalMark;
}

export interface LedgerRequest {
  file: string;
  /** 'utfall' or 'budget'. */
  kind: string;
  dialect: Dialect;
  /** Explicit role → header (`--col`). */
  columns: Record<string, string>;
  inputUnit: Unit;
  inputSign: InputSign;
  /** The dimension whose codes are totalled. */
  groupBy: string;
  /** A second dimension kept apart in the totals: keys become `code` + DETAIL_SEPARATOR + value. */
  detail?: string;
  where: Filter[];
  /**
   * Use the byte-level fast path where it applies (default); false forces csv-parse. The
   * environment variable AVVIKELSE_READER=csv-parse does the same for a whole run (tests).
   */
  fastPath?: boolean;
  /** Called now and then with bytes read and the file size, for a progress display. */
  progress?: (done: number, total: number) => void;
}

export interface LedgerTotals {
  file: string;
  /** Code → period (`YYYY-MM`, `Mmm` for a month column without year, '' without period) → öre, in ledger sign. */
  totals: PeriodTotals;
  /** Code → name, from name columns in the file (last one wins). */
  names: Map<string, string>;
  dataRows: number;
  encoding: Encoding;
  delimiter: Delimiter;
  /** True when UTF-8 was guessed and a later byte proved the file to be Windows-1252. */
  encodingFallback: boolean;
  signs: SignEvidence | null;
  /** Which reader read the file: the byte-level fast path or csv-parse. */
  reader: 'fast' | 'fast-2-threads' | 'csv-parse';
}

/** Whether the fast path may use a worker thread (two cores or more; AVVIKELSE_THREADS=1 turns it off). */
const PARALLEL = availableParallelism() > 1 && process.env.AVVIKELSE_THREADS !== '1';

const SAMPLE_BYTES = 64 * 1024;
const HEADER_SEARCH_LINES = 20;

async function readSample(file: string): Promise<{ sample: Buffer; size: number }> {
  let handle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (e) {
    throw fileError(e, file);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AvvikelseError('FILE_UNREADABLE', { reason: 'EISDIR' }, { file });
    const size = stat.size;
    const buf = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return { sample: buf.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** Reads a ledger file into totals per code and period. */
export async function readLedger(req: LedgerRequest): Promise<LedgerTotals> {
  const { sample, size } = await readSample(req.file);
  if (size === 0) throw new AvvikelseError('FILE_EMPTY', {}, { file: req.file });
  const guess =
    req.dialect.encoding === 'auto'
      ? sniffEncoding(sample, sample.length === size)
      : { encoding: req.dialect.encoding, bomLength: bomLength(sample, req.dialect.encoding), certain: true };
  try {
    return await readWith(req, guess.encoding, guess.bomLength, sample);
  } catch (e) {
    if (e instanceof InvalidUtf8 && !guess.certain) {
      const totals = await readWith(req, 'windows-1252', 0, sample);
      return { ...totals, encodingFallback: true };
    }
    if (e instanceof InvalidUtf8) {
      throw new AvvikelseError(
        'ENCODING_INVALID',
        { encoding: guess.encoding, byte: e.byte.toString(16).toUpperCase().padStart(2, '0') },
        { file: req.file, line: await lineOfOffset(req.file, e.offset + guess.bomLength) },
      );
    }
    throw e;
  }
}

function bomLength(sample: Buffer, encoding: Encoding): number {
  if (encoding === 'utf-8' && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && sample[0] === 0xff && sample[1] === 0xfe) return 2;
  return 0;
}

/** 1-based line number of a byte offset (only used to place an encoding error). */
async function lineOfOffset(file: string, offset: number): Promise<number> {
  const buf = await fsp.readFile(file);
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

async function readWith(req: LedgerRequest, encoding: Encoding, skip: number, sample: Buffer): Promise<LedgerTotals> {
  const delimiter = req.dialect.delimiter === 'auto' ? sniffDelimiterInBytes(sample.subarray(skip), encoding) : req.dialect.delimiter;
  const result: LedgerTotals = {
    file: req.file,
    totals: new Map(),
    names: new Map(),
    dataRows: 0,
    encoding,
    delimiter,
    encodingFallback: false,
    signs: null,
    reader: 'csv-parse',
  };
  if (req.fastPath ?? process.env.AVVIKELSE_READER !== 'csv-parse') {
    for (const parallel of [PARALLEL, false]) {
      const fastResult: LedgerTotals = { ...result, totals: new Map(), names: new Map(), reader: 'fast' };
      const fast = await readFast({ file: req.file, encoding, skip, delimiter, parallel, progress: req.progress }, new RecordConsumer(req, fastResult));
      if (fast === FALLBACK) break;
      if (fast !== SERIAL) return { ...fastResult, reader: fast === 'two-threads' ? 'fast-2-threads' : 'fast' };
    }
  }
  const consumer = new RecordConsumer(req, result);
  // Plain 'data' events, not on_record or info: those build a context object per record and
  // double csv-parse's run time. The records are emitted synchronously as they are parsed
  // (the consumer never lets them queue), so parser.info.lines is the record's last line.
  const parser: Parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true });
  let failure: unknown = null;
  parser.on('data', (record: string[]) => {
    if (failure) return;
    try {
      consumer.take(record, parser.info.lines);
    } catch (e) {
      failure = e;
    }
  });
  parser.on('error', (e) => (failure ??= e));
  const done = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));

  const decoder = createDecoder(encoding);
  const stream = createReadStream(req.file, { start: skip, highWaterMark: 1 << 20 });
  const size = req.progress ? (await fsp.stat(req.file)).size : 0;
  let bytesRead = skip;
  let lastReport = 0;
  try {
    for await (const chunk of stream) {
      parser.write(decoder.write(chunk as Buffer));
      if (failure) break;
      bytesRead += (chunk as Buffer).length;
      if (req.progress && bytesRead - lastReport > 16 << 20) {
        lastReport = bytesRead;
        req.progress(bytesRead, size);
      }
    }
    if (!failure) parser.end(decoder.end());
  } finally {
    stream.destroy();
  }
  if (!failure) await done;
  if (failure) throw translateParseError(failure, req.file);
  consumer.finish();
  return result;
}

/** Turns csv-parse's own errors (bad quoting) into AvvikelseErrors; passes ours through. */
function translateParseError(e: unknown, file: string): unknown {
  if (e instanceof AvvikelseError || e instanceof InvalidUtf8) return e;
  const err = e as Error & { code?: string; lines?: number };
  if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
    return new AvvikelseError('CSV_SYNTAX', { reason: err.code }, { file, line: err.lines });
  }
  return e;
}

/** Consumes parsed records: finds the header, then totals every data row. */
export class RecordConsumer {
  layout: ColumnLayout | null = null;
  /** Why the most header-like record so far (the most non-empty fields) is not the header. */
  private headerError: unknown = null;
  private headerErrorWidth = -1;
  private recordsSeen = 0;
  private codeIndex = -1;
  private detailIndex = -1;
  private nameIndex = -1;
  private kontoIndex = -1;
  private filters: { index: number; test: (v: string) => boolean; negate: boolean }[] = [];
  private readonly unitExp: number;
  private readonly negate: boolean;
  private readonly decimal: DecimalMark;

  constructor(
    private readonly req: LedgerRequest,
    private readonly out: LedgerTotals,
  ) {
    this.unitExp = UNIT_EXPONENT[req.inputUnit];
    this.negate = negatesInput(req.inputSign);
    this.decimal = req.dialect.decimal;
  }

  /** What the byte-level fast path needs to know and do (fast-ledger.ts). */
  get fastEligible(): boolean {
    const l = this.layout;
    return (
      l !== null &&
      l.amounts.length === 1 &&
      (l.amounts[0] as { period: string | null }).period === null &&
      this.filters.length === 0 &&
      this.nameIndex < 0 &&
      this.detailIndex < 0
    );
  }
  get codeColumn(): number {
    return this.codeIndex;
  }
  get kontoColumn(): number {
    return this.kontoIndex;
  }
  get unitExponent(): number {
    return this.unitExp;
  }
  get decimalMark(): DecimalMark {
    return this.decimal;
  }
  get negated(): boolean {
    return this.negate;
  }
  /** Rows the fast path summed, and their sign evidence (revenue +/−, cost +/−). */
  addFastRows(rows: number, signs: number[]): void {
    this.out.dataRows += rows;
    const s = this.out.signs;
    if (s) {
      s.revenuePositive += signs[0] ?? 0;
      s.revenueNegative += signs[1] ?? 0;
      s.costPositive += signs[2] ?? 0;
      s.costNegative += signs[3] ?? 0;
    }
  }
  addTotal(code: string, period: string, amount: bigint): void {
    let byPeriod = this.out.totals.get(code);
    if (byPeriod === undefined) {
      byPeriod = new Map();
      this.out.totals.set(code, byPeriod);
    }
    byPeriod.set(period, (byPeriod.get(period) ?? 0n) + amount);
  }

  take(record: string[], line: number): void {
    if (this.layout === null) {
      this.findHeader(record, line);
      return;
    }
    if (isBlank(record)) return;
    const layout = this.layout;
    if (record.length !== layout.headers.length && !onlyEmptyExtra(record, layout.headers.length)) {
      throw new AvvikelseError(
        'FIELD_COUNT',
        { found: record.length, expected: layout.headers.length },
        { file: this.req.file, line },
      );
    }
    for (const f of this.filters) {
      if (f.test((record[f.index] as string).trim()) === f.negate) return;
    }
    const code = (record[this.codeIndex] as string).trim();
    if (code === '') {
      throw new AvvikelseError('CODE_EMPTY', {}, this.at(line, this.codeIndex, ''));
    }
    const key = this.detailIndex < 0 ? code : code + DETAIL_SEPARATOR + (record[this.detailIndex] as string).trim();
    let period = '';
    if (layout.period >= 0) {
      const raw = record[layout.period] as string;
      const p = parsePeriod(raw);
      if (p === null) throw new AvvikelseError('PERIOD_INVALID', { value: raw }, this.at(line, layout.period, raw));
      period = p;
    }
    let byPeriod = this.out.totals.get(key);
    if (byPeriod === undefined) {
      byPeriod = new Map();
      this.out.totals.set(key, byPeriod);
    }
    let rowTotal = 0n;
    for (const col of layout.amounts) {
      const raw = record[col.index] as string;
      const parsed = parseAmount(raw, this.decimal, this.unitExp);
      if (typeof parsed !== 'bigint') {
        throw new AvvikelseError(
          parsed === 'precision' ? 'AMOUNT_PRECISION' : 'AMOUNT_INVALID',
          { value: raw, unit: this.req.inputUnit, max: this.unitExp },
          this.at(line, col.index, raw),
        );
      }
      const amount = this.negate ? -parsed : parsed;
      const p = col.period ?? period;
      byPeriod.set(p, (byPeriod.get(p) ?? 0n) + amount);
      rowTotal += amount;
    }
    if (this.nameIndex >= 0) {
      const name = (record[this.nameIndex] as string).trim();
      if (name !== '') this.out.names.set(code, name);
    }
    if (this.kontoIndex >= 0 && rowTotal !== 0n) this.countSign((record[this.kontoIndex] as string).trim(), rowTotal);
    this.out.dataRows++;
  }

  finish(): void {
    if (this.layout === null) {
      if (this.headerError) throw this.headerError;
      throw new AvvikelseError('FILE_EMPTY', {}, { file: this.req.file });
    }
    if (this.out.dataRows === 0 && this.out.totals.size === 0) {
      throw new AvvikelseError('NO_DATA_ROWS', {}, { file: this.req.file });
    }
  }

  private findHeader(record: string[], line: number): void {
    if (isBlank(record)) return;
    this.recordsSeen++;
    try {
      this.layout = resolveColumns(record, {
        file: this.req.file,
        line,
        required: this.req.groupBy,
        kind: this.req.kind,
        explicit: this.req.columns,
      });
    } catch (e) {
      const width = record.filter((f) => f.trim() !== '').length;
      if (width > this.headerErrorWidth) {
        this.headerError = e;
        this.headerErrorWidth = width;
      }
      if (this.recordsSeen >= HEADER_SEARCH_LINES) throw this.headerError;
      return;
    }
    const layout = this.layout;
    this.codeIndex = layout.dims.get(this.req.groupBy) as number;
    this.nameIndex = layout.names.get(this.req.groupBy) ?? -1;
    this.kontoIndex = layout.dims.get('konto') ?? -1;
    if (this.req.detail !== undefined) {
      const index = layout.dims.get(this.req.detail);
      if (index === undefined) {
        throw new AvvikelseError('COLUMN_MISSING', { role: this.req.detail, headers: layout.headers.map((h) => `"${h}"`).join(', ') }, { file: this.req.file, line });
      }
      this.detailIndex = index;
    }
    if (this.kontoIndex >= 0) {
      this.out.signs = { revenuePositive: 0, revenueNegative: 0, costPositive: 0, costNegative: 0 };
    }
    this.filters = this.req.where.map((w) => {
      const index = layout.dims.get(canonicalDimension(w.dimension));
      if (index === undefined) {
        throw new AvvikelseError(
          'COLUMN_UNKNOWN',
          { name: w.dimension, source: '--where', headers: layout.headers.map((h) => `"${h}"`).join(', ') },
          { file: this.req.file, line },
        );
      }
      return { index, test: valueGlob(w.glob), negate: w.negate };
    });
  }

  private countSign(konto: string, amount: bigint): void {
    this.countSignClass(konto.charCodeAt(0) - 0x30, amount > 0n);
  }

  private countSignClass(cls: number, positive: boolean): void {
    const signs = this.out.signs as SignEvidence;
    if (cls === 3) {
      if (positive) signs.revenuePositive++;
      else signs.revenueNegative++;
    } else if (cls >= 4 && cls <= 7) {
      if (positive) signs.costPositive++;
      else signs.costNegative++;
    }
  }

  private at(line: number, index: number, value: string) {
    return {
      file: this.req.file,
      line,
      column: this.layout?.headers[index] ?? '',
      field: index + 1,
      value,
    };
  }
}

/** A row longer than the header whose extra fields are empty (Excel's trailing `;`). */
function onlyEmptyExtra(record: string[], width: number): boolean {
  if (record.length < width) return false;
  for (let i = width; i < record.length; i++) if ((record[i] as string).trim() !== '') return false;
  return true;
}

function isBlank(record: string[]): boolean {
  for (const f of record) if (f.trim() !== '') return false;
  return true;
}
