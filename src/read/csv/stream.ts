/**
 * The csv-parse route of the CSV ledger reader: the file is streamed, decoded (dialect.ts)
 * and parsed by csv-parse (RFC 4180 quoting, any delimiter), and each record is handed to the
 * consumer as soon as it is parsed, so no records pile up; memory grows with the number of
 * distinct keys, not rows. It reads every file the fast path leaves to it, every file when
 * the fast path is off, and every input that is no regular file (a pipe, a FIFO), from chunks
 * its caller has started to read.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import type { Parser } from 'csv-parse';
import { AvvikelseError } from '../../errors.js';
import { RECORD_MAX_CHARS } from '../limits.js';
import type { RecordConsumer } from '../records-to-ledger.js';
import { createDecoder, InvalidUtf8, LINE_ENDS, type Decoder, type Delimiter, type Encoding } from './dialect.js';
import { csvParseError } from './errors.js';

export interface StreamOptions {
  file: string;
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  skip: number;
  delimiter: Delimiter;
  progress?: (done: number, total: number) => void;
  /**
   * The bytes of an input read once (a pipe), from its first byte, instead of the file: an
   * invalid UTF-8 byte is then ENCODING_INVALID at its line, or, when every byte before its
   * chunk was ASCII and `cp1252After` is set, the rest is read as Windows-1252 (what a restart
   * from the start would give, since ASCII reads the same in both).
   */
  chunks?: AsyncIterable<Uint8Array>;
  cp1252After?: boolean;
}

/** How a stream was read: whether it switched to Windows-1252 after an ASCII start. */
export interface StreamResult {
  encodingFallback: boolean;
}

const countLf = (chunk: Uint8Array, end = chunk.length): number => {
  let n = 0;
  for (let i = chunk.indexOf(0x0a); i >= 0 && i < end; i = chunk.indexOf(0x0a, i + 1)) n++;
  return n;
};

/**
 * Streams every record of the file through the consumer, then ends it. Throws the consumer's
 * errors, csv-parse's as CSV_SYNTAX, and InvalidUtf8 (which the caller turns into a restart
 * or ENCODING_INVALID) for a file; for `chunks`, see StreamOptions.
 */
export async function streamRecords(opts: StreamOptions, consumer: RecordConsumer): Promise<StreamResult> {
  // Plain 'data' events, not on_record or info: those build a context object per record and
  // double csv-parse's run time. The records are emitted synchronously as they are parsed
  // (the consumer never lets them queue), so parser.info.lines is the record's last line.
  // csv-parse is loaded when a file first needs it (the fast path reads most ledgers without it).
  const { parse } = await import('csv-parse');
  const parser: Parser = parse({
    delimiter: opts.delimiter,
    record_delimiter: LINE_ENDS,
    max_record_size: RECORD_MAX_CHARS,
    relax_column_count: true,
    skip_empty_lines: true,
  });
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

  let decoder: Decoder = createDecoder(opts.encoding);
  const piped = opts.chunks !== undefined;
  const stream = piped ? null : createReadStream(opts.file, { start: opts.skip, highWaterMark: 1 << 20 });
  const size = opts.progress && !piped ? (await fsp.stat(opts.file)).size : 0;
  let bytesRead = opts.skip;
  let lastReport = 0;
  let ascii = true;
  let lines = 1;
  let encodingFallback = false;
  /** A chunk decoded; for a stream, an invalid UTF-8 byte switches to Windows-1252 or is ENCODING_INVALID at its line. */
  const decode = (chunk: Uint8Array): string => {
    if (!piped) return decoder.write(chunk);
    try {
      const text = decoder.write(chunk);
      if (ascii) ascii = chunk.every((b) => b < 0x80);
      lines += countLf(chunk);
      return text;
    } catch (e) {
      if (!(e instanceof InvalidUtf8)) throw e;
      if (ascii && opts.cp1252After) {
        decoder = createDecoder('windows-1252');
        encodingFallback = true;
        return decoder.write(chunk);
      }
      const at = e.offset - (bytesRead - opts.skip);
      throw new AvvikelseError(
        'ENCODING_INVALID',
        { encoding: opts.encoding, byte: e.byte.toString(16).toUpperCase().padStart(2, '0') },
        { file: opts.file, line: lines + countLf(chunk, Math.max(0, at)) },
      );
    }
  };
  try {
    for await (const chunk of opts.chunks ?? (stream as AsyncIterable<Buffer>)) {
      parser.write(decode(chunk));
      if (failure) break;
      bytesRead += chunk.length;
      if (opts.progress && !piped && bytesRead - lastReport > 16 << 20) {
        lastReport = bytesRead;
        opts.progress(bytesRead, size);
      }
    }
    if (!failure) parser.end(decoder.end());
  } finally {
    stream?.destroy();
  }
  if (!failure) await done;
  if (failure) throw await csvParseError(failure, opts.file);
  consumer.end();
  return { encodingFallback };
}
