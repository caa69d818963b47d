/**
 * The csv-parse route of the CSV ledger reader: the file is streamed, decoded (dialect.ts)
 * and parsed by csv-parse (RFC 4180 quoting, any delimiter), and each record is handed to the
 * consumer as soon as it is parsed, so no records pile up; memory grows with the number of
 * distinct keys, not rows. It reads every file the fast path leaves to it, and every file
 * when the fast path is off.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import type { RecordConsumer } from '../records-to-ledger.js';
import { createDecoder, LINE_ENDS, type Delimiter, type Encoding } from './dialect.js';
import { csvParseError } from './errors.js';

export interface StreamOptions {
  file: string;
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  skip: number;
  delimiter: Delimiter;
  progress?: (done: number, total: number) => void;
}

/**
 * Streams every record of the file through the consumer, then ends it. Throws the consumer's
 * errors, csv-parse's as CSV_SYNTAX, and InvalidUtf8 (which the caller turns into a restart
 * or ENCODING_INVALID).
 */
export async function streamRecords(opts: StreamOptions, consumer: RecordConsumer): Promise<void> {
  // Plain 'data' events, not on_record or info: those build a context object per record and
  // double csv-parse's run time. The records are emitted synchronously as they are parsed
  // (the consumer never lets them queue), so parser.info.lines is the record's last line.
  const parser: Parser = parse({
    delimiter: opts.delimiter,
    record_delimiter: LINE_ENDS,
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

  const decoder = createDecoder(opts.encoding);
  const stream = createReadStream(opts.file, { start: opts.skip, highWaterMark: 1 << 20 });
  const size = opts.progress ? (await fsp.stat(opts.file)).size : 0;
  let bytesRead = opts.skip;
  let lastReport = 0;
  try {
    for await (const chunk of stream) {
      parser.write(decoder.write(chunk as Buffer));
      if (failure) break;
      bytesRead += (chunk as Buffer).length;
      if (opts.progress && bytesRead - lastReport > 16 << 20) {
        lastReport = bytesRead;
        opts.progress(bytesRead, size);
      }
    }
    if (!failure) parser.end(decoder.end());
  } finally {
    stream.destroy();
  }
  if (!failure) await done;
  if (failure) throw csvParseError(failure, opts.file);
  consumer.end();
}
