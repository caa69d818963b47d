/**
 * The CSV source: ledgers, small files and published tables written as delimited text.
 * Reading a ledger: the encoding is sniffed from the first 64 KiB (or given), the delimiter
 * likewise; then the byte-level fast path (fast/) reads the file if it can, else csv-parse
 * (stream.ts), both through the same record consumer (../records-to-ledger.ts: header → keys)
 * into the caller's builder, with places `file:line`.
 * A file guessed as UTF-8 from an ASCII sample is read again as Windows-1252 when a later
 * byte proves otherwise. Every other problem is an AvvikelseError at `file:line`.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { AvvikelseError, type Place } from '../../errors.js';
import type { KeyPlan, LedgerBuilder, LedgerSource, ReadInfo, ReadSpec, RecordSource } from '../source.js';
import { fileError, inputKind, readSample, SAMPLE_BYTES } from '../files.js';
import { refusedKind } from '../refusals.js';
import { RecordConsumer } from '../records-to-ledger.js';
import { InvalidUtf8, sniffDelimiterInBytes, sniffEncoding, utf16ByteOrder, type Encoding } from './dialect.js';
import { csvExcerpt } from './excerpt.js';
import { FALLBACK, readFast, SERIAL, type FastTarget } from './fast/index.js';
import { csvPlace, csvRecords } from './records.js';
import { streamRecords } from './stream.js';

function bomLength(sample: Buffer, encoding: Encoding): number {
  if (encoding === 'utf-8' && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && sample[0] === 0xff && sample[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && sample[0] === 0xfe && sample[1] === 0xff) return 2;
  return 0;
}

/** 1-based line number of a byte offset (only used to place an encoding error). */
async function lineOfOffset(file: string, offset: number): Promise<number> {
  const buf = await fsp.readFile(file);
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/**
 * The first chunks of an input read once (a pipe, a FIFO), up to SAMPLE_BYTES or its end, and
 * an iterator over the rest. Opening a FIFO waits for its writer, as any reader of one does.
 */
async function streamSample(file: string): Promise<{ sample: Buffer; ended: boolean; rest: AsyncIterator<Buffer> }> {
  const rest = createReadStream(file, { highWaterMark: SAMPLE_BYTES })[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const parts: Buffer[] = [];
  let got = 0;
  let ended = false;
  try {
    while (got < SAMPLE_BYTES) {
      const next = await rest.next();
      if (next.done) {
        ended = true;
        break;
      }
      parts.push(next.value);
      got += next.value.length;
    }
  } catch (e) {
    throw fileError(e, file);
  }
  return { sample: Buffer.concat(parts), ended, rest };
}

/**
 * Reads a CSV ledger from an input that is no regular file (`--utfall <(zcat utfall.csv.gz)`,
 * a FIFO): opened once, the encoding and delimiter sniffed from its first chunks, the whole
 * read by csv-parse as it arrives (the fast path needs a file it can seek in), and a workbook
 * or other binary refused by its first bytes as for a file.
 */
async function readCsvStream(file: string, spec: ReadSpec, into: LedgerBuilder): Promise<ReadInfo> {
  const { sample, ended, rest } = await streamSample(file);
  if (sample.length === 0) throw new AvvikelseError('FILE_EMPTY', {}, { file });
  const kind = refusedKind(sample);
  if (kind !== null) throw new AvvikelseError('FORMAT_UNSUPPORTED', { kind }, { file });
  const guess =
    spec.dialect.encoding === 'auto'
      ? sniffEncoding(sample, ended)
      : { encoding: spec.dialect.encoding, bomLength: bomLength(sample, spec.dialect.encoding), certain: true };
  const delimiter =
    spec.dialect.delimiter === 'auto' ? sniffDelimiterInBytes(sample.subarray(guess.bomLength), guess.encoding) : spec.dialect.delimiter;
  async function* chunks(): AsyncIterable<Uint8Array> {
    yield sample.subarray(guess.bomLength);
    try {
      for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
    } catch (e) {
      throw fileError(e, file);
    }
  }
  into.restart();
  try {
    const { encodingFallback } = await streamRecords(
      { file, encoding: guess.encoding, skip: guess.bomLength, delimiter, chunks: chunks(), cp1252After: !guess.certain },
      new RecordConsumer(file, spec, into, csvPlace(file)),
    );
    return {
      format: 'csv',
      encoding: encodingFallback ? 'windows-1252' : guess.encoding,
      delimiter,
      encodingFallback,
      reader: 'csv-parse',
    };
  } catch (e) {
    if (e instanceof InvalidUtf8) throw new AvvikelseError('ENCODING_INVALID', { encoding: guess.encoding, byte: '00' }, { file });
    throw e;
  } finally {
    await rest.return?.();
  }
}

/** Reads a CSV ledger into the builder. */
async function readCsvLedger(file: string, spec: ReadSpec, into: LedgerBuilder): Promise<ReadInfo> {
  if (inputKind(file) === 'stream') return readCsvStream(file, spec, into);
  const { sample, size } = await readSample(file);
  if (size === 0) throw new AvvikelseError('FILE_EMPTY', {}, { file });
  const guess =
    spec.dialect.encoding === 'auto'
      ? sniffEncoding(sample, sample.length === size)
      : { encoding: spec.dialect.encoding, bomLength: bomLength(sample, spec.dialect.encoding), certain: true };
  try {
    return await readWith(file, spec, into, guess.encoding, guess.bomLength, sample);
  } catch (e) {
    if (e instanceof InvalidUtf8 && !guess.certain) {
      return { ...(await readWith(file, spec, into, 'windows-1252', 0, sample)), encodingFallback: true };
    }
    if (e instanceof InvalidUtf8) {
      throw new AvvikelseError(
        'ENCODING_INVALID',
        { encoding: guess.encoding, byte: e.byte.toString(16).toUpperCase().padStart(2, '0') },
        { file, line: await lineOfOffset(file, e.offset + guess.bomLength) },
      );
    }
    throw e;
  }
}

/**
 * The builder as the general consumer of a fast read sees it: every call passed on, and the
 * line of each record that names its code noted, so that a name the fast path collected
 * earlier in the file does not win over it.
 */
function noteNames(into: LedgerBuilder): { builder: LedgerBuilder; names: Map<string, number>; at: (line: number) => void } {
  const names = new Map<string, number>();
  let line = 0;
  let plan: KeyPlan | null = null;
  const builder: LedgerBuilder = {
    bind: (columns, at) => (plan = into.bind(columns, at)),
    key: (fields, place) => into.key(fields, place),
    add: (key, period, amount) => into.add(key, period, amount),
    record: (fields, total, period) => {
      if (plan !== null && plan.name >= 0 && (fields[plan.name] as string).trim() !== '')
        names.set((fields[plan.code] as string).trim(), line);
      into.record(fields, total, period);
    },
    named: (code, name) => into.named(code, name),
    aside: (kind, amount) => into.aside(kind, amount),
    counted: (rows, evidence, byPeriod) => into.counted(rows, evidence, byPeriod),
    note: (note) => into.note(note),
    restart: () => into.restart(),
    finish: () => into.finish(),
  };
  return { builder, names, at: (l) => (line = l) };
}

/** What the fast path may know of the general reader: its consumer, behind a few members. */
function fastTarget(file: string, spec: ReadSpec, into: LedgerBuilder): FastTarget {
  const noted = noteNames(into);
  const consumer = new RecordConsumer(file, spec, noted.builder, csvPlace(file));
  return {
    slow: (fields, line) => {
      noted.at(line);
      consumer.take(fields, line);
    },
    slowNames: noted.names,
    spec: () => {
      const { layout, plan } = consumer;
      if (layout === null || plan === null) return 'pending';
      const amount = layout.amounts[0];
      if (amount === undefined) return 'general';
      // One amount column (a debit/credit pair included), or month columns, each with its period.
      const months: { index: number; period: string }[] = [];
      if (layout.amounts.length > 1 || amount.period !== null) {
        // A year beside a period column needs the general route.
        if (layout.year >= 0) return 'general';
        for (const a of layout.amounts) {
          if (a.period === null || a.credit !== undefined) return 'general';
          months.push({ index: a.index, period: a.period });
        }
      }
      if (layout.total >= 0 && months.length === 0) return 'general';
      return {
        width: layout.headers.length,
        codeAt: plan.code,
        periodAt: layout.period,
        amountAt: months.length > 0 ? -1 : amount.index,
        creditAt: amount.credit ?? -1,
        yearAt: layout.year,
        months,
        kontoAt: plan.konto,
        detailAt: plan.detail,
        nameAt: plan.name,
        where: plan.where,
        unitExp: consumer.unitExponent,
        decimal: consumer.decimal,
        totalAt: months.length > 0 ? layout.total : -1,
      };
    },
    into,
    totalsColumn: (counted) => consumer.noteTotalsColumn(counted),
  };
}

async function readWith(
  file: string,
  spec: ReadSpec,
  into: LedgerBuilder,
  encoding: Encoding,
  skip: number,
  sample: Buffer,
): Promise<ReadInfo> {
  const delimiter = spec.dialect.delimiter === 'auto' ? sniffDelimiterInBytes(sample.subarray(skip), encoding) : spec.dialect.delimiter;
  const info = { format: 'csv', encoding, delimiter, encodingFallback: false };
  if (spec.tuning.fastPath) {
    for (const parallel of spec.tuning.threads > 1 ? [true, false] : [false]) {
      into.restart();
      const target = fastTarget(file, spec, into);
      const fast = await readFast(
        { file, encoding, skip, delimiter, parallel, parallelMinBytes: spec.tuning.parallelMinBytes, progress: spec.progress },
        target,
      );
      if (fast === FALLBACK) break;
      if (fast !== SERIAL) return { ...info, reader: fast === 'two-threads' ? 'fast-2-threads' : 'fast' };
    }
  }
  into.restart();
  await streamRecords({ file, encoding, skip, delimiter, progress: spec.progress }, new RecordConsumer(file, spec, into, csvPlace(file)));
  return { ...info, reader: 'csv-parse' };
}

/**
 * CSV sniffs as text: no NUL byte in the sample, or UTF-16 text (with or without a byte-order
 * mark) — so it is the source for any text file no other source claims.
 */
function looksLikeText(sample: Uint8Array): boolean {
  return utf16ByteOrder(sample) !== null || sample.indexOf(0) < 0;
}

/** The CSV source (ledgers and records). */
export const csvSource: LedgerSource & RecordSource = {
  format: 'csv',
  extensions: ['.csv', '.txt', '.tsv', '.skv'],
  sniff: looksLikeText,
  read: readCsvLedger,
  records: csvRecords,
  excerpt: (place: Place) => csvExcerpt(place),
};
