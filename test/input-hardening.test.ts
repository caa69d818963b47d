/**
 * Issue 12, the input side: inputs shaped the way hostile or careless hands make them — files
 * concatenated with `cat`, UTF-16 without a BOM, FIFOs and process substitution, huge fields,
 * configuration keys that name Object.prototype's members — each read right or refused with a
 * clear error, through both CSV readers where a ledger is read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { totalPerCode } from '../src/core/ledger.js';
import { AvvikelseError } from '../src/errors.js';
import { readLedger, readRecords } from '../src/read/index.js';
import type { ReadSpec } from '../src/read/source.js';
import { cli, ledgerSpec } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-input-'));
let n = 0;
function file(content: string | Buffer, ext = '.csv'): string {
  const path = join(dir, `f${n++}${ext}`);
  writeFileSync(path, content);
  return path;
}

const READERS = [
  ['fast path', true],
  ['csv-parse', false],
] as const;

/** Reads a ledger through one reader. */
async function readWith(path: string, fastPath: boolean, over: Partial<ReadSpec> = {}) {
  const spec = ledgerSpec(over);
  return readLedger(path, { ...spec, tuning: { ...spec.tuning, fastPath } });
}

/** The error a read throws, as code, line, column and value. */
async function failure(read: Promise<unknown>) {
  try {
    await read;
  } catch (e) {
    if (!(e instanceof AvvikelseError)) throw e;
    return { code: e.code, line: e.location?.line, column: e.location?.column, value: e.location?.value, params: e.params };
  }
  throw new Error('expected an error');
}

describe('mixed line endings (item 13): CRLF and LF in one file are read as lines', () => {
  const jan = 'Period;Vht;Konto;Belopp\r\n202401;5101;5011;10,50\r\n202401;5102;3110;-3\r\n';
  const feb = '202402;5101;5011;20\n202402;5102;3110;-4\n';

  it.each(READERS)('`cat jan.csv feb.csv` (CRLF, then LF) through the %s', async (_, fastPath) => {
    const r = await readWith(file(jan + feb), fastPath);
    expect(totalPerCode(r.totals)).toEqual(
      new Map([
        ['5101', 3050n],
        ['5102', -700n],
      ]),
    );
    expect(r.dataRows).toBe(4);
    expect(r.reader).toBe(fastPath ? 'fast' : 'csv-parse');
    expect(r.signs).toEqual({ revenuePositive: 0, revenueNegative: 2, costPositive: 2, costNegative: 0 });
  });

  it.each(READERS)('LF first, then CRLF: no invisible "10\\r" through the %s', async (_, fastPath) => {
    const lf = 'Period;Vht;Belopp\n202401;5101;10\n';
    const crlf = '202402;5101;10\r\n202402;5102;3\r\n';
    const r = await readWith(file(lf + crlf), fastPath);
    expect(totalPerCode(r.totals)).toEqual(
      new Map([
        ['5101', 2000n],
        ['5102', 300n],
      ]),
    );
  });

  it.each(READERS)('a bad cell after the switch is reported at its own line through the %s', async (_, fastPath) => {
    const f = await failure(readWith(file(`${jan}${feb}202403;5101;5011;5x\n`), fastPath));
    expect(f).toMatchObject({ code: 'AMOUNT_INVALID', line: 6, column: 'Belopp', value: '5x' });
  });

  it('the error excerpt shows that line, found with the same line ends', async () => {
    const path = file(`${jan}${feb}202403;5101;5011;5x\n`);
    const r = await cli(['report', '--utfall', path, '--budget', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}:6: column Belopp:`);
    expect(r.stderr).toContain('  6 | 202403;5101;5011;5x\n');
  });

  it('old Mac line ends (a lone CR) and a mix with them', async () => {
    for (const fastPath of [true, false]) {
      const r = await readWith(file('Vht;Belopp\r5101;1\r\n5102;2\n5103;3\r'), fastPath);
      expect(totalPerCode(r.totals)).toEqual(
        new Map([
          ['5101', 100n],
          ['5102', 200n],
          ['5103', 300n],
        ]),
      );
    }
  });

  it('a small file (names) with mixed line ends gives names without a CR', async () => {
    const records = await readRecords(file('Kod;Namn\r\n5101;Hemtjänst\n5102;Särskilt boende\r\n'));
    expect(records.map((r) => r.cells)).toEqual([
      ['Kod', 'Namn'],
      ['5101', 'Hemtjänst'],
      ['5102', 'Särskilt boende'],
    ]);
    expect(records.map((r) => r.place.line)).toEqual([1, 2, 3]);
  });
});

describe('UTF-16 without a BOM, and UTF-16BE (item 14): recognised by the NUL pattern and read', () => {
  const text = 'Period\tVht\tVerksamhetsnamn\tBelopp\r\n202401\t5101\tÄldreomsorg\t–1 234,50\r\n202402\t5102\tSärskilt boende\t10\r\n';
  const be = (s: string) => Buffer.from(s, 'utf16le').swap16();
  const shapes = [
    ['UTF-16LE without a BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with a BOM', be(`\ufeff${text}`), 'utf-16be'],
    ['UTF-16BE without a BOM', be(text), 'utf-16be'],
    ['UTF-16LE with a BOM', Buffer.from(`\ufeff${text}`, 'utf16le'), 'utf-16le'],
  ] as const;

  it.each(shapes)('%s', async (_, bytes, encoding) => {
    for (const ext of ['.csv', '.txt', '']) {
      const path = file(bytes, ext);
      for (const [, fastPath] of READERS) {
        const r = await readWith(path, fastPath);
        expect(r.encoding).toBe(encoding);
        expect(r.delimiter).toBe('\t');
        expect(r.names.get('5101')).toBe('Äldreomsorg');
        expect(r.names.get('5102')).toBe('Särskilt boende');
        expect(totalPerCode(r.totals)).toEqual(
          new Map([
            ['5101', -123_450n],
            ['5102', 1000n],
          ]),
        );
      }
    }
  });

  it('a small file (names) in UTF-16BE without a BOM', async () => {
    const records = await readRecords(file(be('Kod;Namn\n5101;Hemtjänst\n')));
    expect(records.map((r) => r.cells)).toEqual([
      ['Kod', 'Namn'],
      ['5101', 'Hemtjänst'],
    ]);
  });

  it('an error in a UTF-16BE file names the line and shows it without NUL bytes', async () => {
    const path = file(be('Vht;Belopp\n5101;1\n5102;1x\n'));
    const r = await cli(['report', '--utfall', path, '--budget', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}:3: column Belopp: "1x"`);
    expect(r.stderr).toContain('  3 | 5102;1x\n');
    expect(r.stderr).not.toContain('\0');
  });

  it('--encoding utf-16be is accepted', async () => {
    const path = file(be('Vht;Belopp\n5101;1\n'));
    const r = await readWith(path, true, { dialect: { encoding: 'utf-16be', delimiter: 'auto', decimal: 'auto' } });
    expect(totalPerCode(r.totals).get('5101')).toBe(100n);
    const run = await cli(['report', '--utfall', path, '--budget', path, '--encoding', 'utf-16be', '--lang', 'en']);
    expect(run.stderr).not.toContain('OPTION_INVALID');
  });
});
