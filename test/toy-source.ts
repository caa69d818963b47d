/**
 * A toy input format for test/source-registry.test.ts, written as a new format would be: one
 * module implementing LedgerSource and RecordSource (src/read/source.ts) with the shared
 * record consumer, registered by one line. A toy file holds records as lines `@ a ¦ b ¦ c`
 * (other lines are comments); records are numbered from 1, so its places read `file:#N`.
 */
import { readFileSync } from 'node:fs';
import type { Place } from '../src/errors.js';
import { RecordConsumer } from '../src/read/records-to-ledger.js';
import type { LedgerSource, PlaceOf, RecordSource, SourceRecord } from '../src/read/source.js';

const MARK = '@ ';

function toyRecords(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(MARK))
    .map((l) =>
      l
        .slice(MARK.length)
        .trim()
        .split(/\s*¦\s*/),
    );
}

const toyPlace =
  (file: string): PlaceOf =>
  (record, f) =>
    f === undefined ? { file, record } : { file, record, column: f.column, value: f.value };

/** The toy source: ledgers through the record consumer, records for small files and published tables. */
export const toySource: LedgerSource & RecordSource = {
  format: 'toy',
  extensions: ['.toy'],
  sniff: (sample) => Buffer.from(sample).toString('utf8').startsWith(MARK),
  excerpt: (place: Place) => (place.record === undefined ? [] : [`  #${place.record} (toy)`]),
  read(file, spec, into) {
    const consumer = new RecordConsumer(file, spec, into, toyPlace(file));
    toyRecords(file).forEach((cells, i) => consumer.take(cells, i + 1));
    consumer.end();
    return Promise.resolve({ format: 'toy', reader: 'toy', encodingFallback: false });
  },
  records(file) {
    const placeOf = toyPlace(file);
    return Promise.resolve(
      toyRecords(file).map((cells, i): SourceRecord => ({
        place: placeOf(i + 1),
        cells,
        at: (index, column, value) => placeOf(i + 1, { index, column, value }),
      })),
    );
  },
};
