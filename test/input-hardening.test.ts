/**
 * Issue 12, the input side: inputs shaped the way hostile or careless hands make them — files
 * concatenated with `cat`, UTF-16 without a BOM, FIFOs and process substitution, huge fields,
 * configuration keys that name Object.prototype's members — each read right or refused with a
 * clear error, through both CSV readers where a ledger is read.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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
    expect(totalPerCode(r.totals).get('5101')).toEqual(100n);
    const run = await cli(['report', '--utfall', path, '--budget', path, '--encoding', 'utf-16be', '--lang', 'en']);
    expect(run.stderr).not.toContain('OPTION_INVALID');
  });
});

/** A named pipe in the test directory. */
function fifo(): string {
  const path = join(dir, `p${n++}`);
  execFileSync('mkfifo', [path]);
  return path;
}

/** Writes `content` into a FIFO from another process, after a moment (the reader waits for it). */
function writeLater(path: string, content: string): void {
  const source = file(content);
  spawn('sh', ['-c', `sleep 0.2; cat '${source}' > '${path}'`], { stdio: 'ignore' });
}

const UTFALL_TEXT = 'Period;Vht;Belopp\n202401;5101;10\n202401;5102;-2,50\n';
const BUDGET_TEXT = 'Vht;Belopp\n5101;100\n5102;100\n';

describe('FIFOs and process substitution (item 10)', () => {
  it('a FIFO with no writer blocks neither choosing its source nor drawing an excerpt', () => {
    // Run in a child with a time limit: a blocked open would hang this process for good.
    const path = fifo();
    const script = `
      const { findSource, excerpt } = await import('./dist/read/index.js');
      findSource(${JSON.stringify(path)}, 'read');
      findSource(${JSON.stringify(path)}, 'records');
      console.log(JSON.stringify(excerpt({ file: ${JSON.stringify(path)}, line: 2 })));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 });
    expect(r.signal).toBeNull();
    expect(r.stdout.trim()).toBe('[]');
  });

  it('a FIFO is read once, as a stream, when its writer comes: utfall, names and a configuration file', async () => {
    const utfall = fifo();
    const names = fifo();
    const config = fifo();
    const budget = file(BUDGET_TEXT);
    writeLater(utfall, UTFALL_TEXT);
    writeLater(names, 'Kod;Namn\n5101;Hemtjänst\n');
    writeLater(config, JSON.stringify({ lang: 'en' }));
    const r = await cli([
      'report',
      '--utfall',
      utfall,
      '--budget',
      budget,
      '--names',
      names,
      '--config',
      config,
      '--level',
      '4',
      '--unit',
      'kr',
      '--decimals',
      '2',
      '--format',
      'csv',
    ]);
    expect(r.stderr).not.toContain('FILE_UNREADABLE');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5101;Hemtjänst;10,00;100,00;90,00');
    expect(r.stdout).toContain('5102;;-2,50;100,00;102,50');
  });

  it('--utfall <(cat utfall.csv) reads the pipe, sniffing from its first chunk (not EISDIR)', () => {
    const utfall = file(UTFALL_TEXT);
    const budget = file(BUDGET_TEXT);
    const run = (input: string) =>
      spawnSync('bash', ['-c', `node bin/avvikelse.js report --utfall ${input} --budget '${budget}' --unit kr --format csv --lang en`], {
        encoding: 'utf8',
      });
    const piped = run(`<(cat '${utfall}')`);
    expect(piped.stderr).toBe(run(`'${utfall}'`).stderr);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(run(`'${utfall}'`).stdout);
  });

  it('a large pipe in Windows-1252 after an ASCII start, and an error in a pipe named at its line without a hang', () => {
    const lines = ['Vht;Namn;Belopp'];
    for (let i = 0; i < 5000; i++) lines.push('5101;Hemtjanst;1,00');
    lines.push('5102;S\xe4rskilt boende;2,00');
    const cp1252 = join(dir, `w${n++}.csv`);
    writeFileSync(cp1252, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    const budget = file(BUDGET_TEXT);
    const ok = spawnSync(
      'bash',
      ['-c', `node bin/avvikelse.js report --utfall <(cat '${cp1252}') --budget '${budget}' --level 4 --unit kr --format csv --lang en`],
      { encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('5102;Särskilt boende;2;100;98');
    const bad = file('Vht;Belopp\n5101;1\n5102;1x\n');
    const r = spawnSync('bash', ['-c', `node bin/avvikelse.js report --utfall <(cat '${bad}') --budget '${budget}' --lang en`], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^avvikelse: error: \/dev\/fd\/\d+:3: column Belopp: "1x" is not an amount/);
  });

  it('a workbook through a pipe is refused by its bytes, as a file is', async () => {
    const pipe = fifo();
    writeLater(pipe, 'PK\u0003\u0004xl/workbook.xml');
    const r = await cli(['report', '--utfall', pipe, '--budget', file(BUDGET_TEXT), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[FORMAT_UNSUPPORTED]');
  });

  it('names the real reason a file cannot be read: a folder, a link loop, a socket', async () => {
    const folder = join(dir, `d${n++}`);
    mkdirSync(folder);
    const loop = join(dir, `loop${n++}`);
    symlinkSync(loop, loop);
    const socket = join(dir, `s${n++}.sock`);
    const server = createServer().listen(socket);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const budget = file(BUDGET_TEXT);
      const reason = async (path: string) => (await cli(['report', '--utfall', path, '--budget', budget, '--lang', 'en'])).stderr;
      expect(await reason(folder)).toContain('cannot read the file: it is a folder, not a file (EISDIR) [FILE_UNREADABLE]');
      expect(await reason(loop)).toContain(
        'cannot read the file: the symbolic links form a loop, or there are too many in a row (ELOOP) [FILE_UNREADABLE]',
      );
      expect(await reason(socket)).toContain('(ENXIO) [FILE_UNREADABLE]');
    } finally {
      server.close();
    }
  });
});

describe('configuration edge cases (item 16)', () => {
  const budget = () => file(BUDGET_TEXT);
  const withConfig = async (config: string) => {
    const path = file(config, '.json');
    return cli(['report', '--utfall', budget(), '--budget', budget(), '--config', path, '--lang', 'en']);
  };

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])(
    'a key named %s is an unknown key, at the top, as an input section and inside one',
    async (key) => {
      for (const json of [`{"${key}": "x"}`, `{"inputs": {"${key}": {}}}`, `{"inputs": {"budget": {"${key}": "x"}}}`]) {
        const r = await withConfig(json);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(
          `unknown key "${json.includes('budget') ? 'inputs.budget.' : json.includes('inputs') ? 'inputs.' : ''}${key}"`,
        );
        expect(r.stderr).toContain('[CONFIG_INVALID]');
      }
    },
  );

  it('a folder or a link loop as the configuration file is FILE_UNREADABLE with the reason, not invalid JSON', async () => {
    const folder = join(dir, `cfg${n++}`);
    mkdirSync(folder);
    const loop = join(dir, `cfgloop${n++}.json`);
    symlinkSync(loop, loop);
    for (const [path, why] of [
      [folder, 'EISDIR'],
      [loop, 'ELOOP'],
    ]) {
      const r = await cli(['report', '--utfall', budget(), '--budget', budget(), '--config', path as string, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`(${why}) [FILE_UNREADABLE]`);
      expect(r.stderr).not.toContain('JSON');
    }
  });

  it('a configuration file that is invalid JSON is still CONFIG_INVALID', async () => {
    const r = await withConfig('{"lang": ');
    expect(r.stderr).toContain('[CONFIG_INVALID]');
    expect(readFileSync(file('x'), 'utf8')).toBe('x');
  });
});

describe('bounded fields and messages (item 11)', () => {
  it.each(READERS)('an amount cell of more than 64 characters is AMOUNT_INVALID at its place through the %s', async (_, fastPath) => {
    const long = '1'.repeat(65);
    const f = await failure(readWith(file(`Period;Vht;Belopp\n202401;5101;${long}\n`), fastPath));
    expect(f).toMatchObject({ code: 'AMOUNT_INVALID', line: 2, column: 'Belopp', value: long, params: { length: 65, max: 64 } });
    // Blanks around an amount do not count.
    const r = await readWith(file(`Period;Vht;Belopp\n202401;5101;${' '.repeat(30)}-1 234,50${' '.repeat(30)}\n`), fastPath);
    expect(totalPerCode(r.totals).get('5101')).toEqual(-123_450n);
    // Within the length, more than 40 digits is more than any amount has (AMOUNT_PRECISION).
    const digits = '1'.repeat(41);
    expect(await failure(readWith(file(`Period;Vht;Belopp\n202401;5101;${digits}\n`), fastPath))).toMatchObject({
      code: 'AMOUNT_PRECISION',
      value: digits,
    });
  });

  it('a forecast cell of more than 64 characters too', async () => {
    const forecast = file(`Vht;Prognos\n51;${'9'.repeat(70)}\n`);
    const budget = file(BUDGET_TEXT);
    const utfall = file(UTFALL_TEXT);
    const r = await cli(['report', '--utfall', utfall, '--budget', budget, '--period', '2024-01', '--prognos', forecast, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is too long for an amount (70 characters, at most 64) [AMOUNT_INVALID]');
  });

  it('a 5 MB amount field is refused at once on both readers, with a short message', async () => {
    const path = file(`Period;Vht;Belopp\n202401;5101;10\n202401;5102;${'9'.repeat(5_000_000)}\n`);
    const budget = file(BUDGET_TEXT);
    for (const reader of ['fast', 'csv-parse']) {
      const started = Date.now();
      const r = await cli(['report', '--utfall', path, '--budget', budget, '--lang', 'en'], { env: { AVVIKELSE_READER: reader } });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${path}:3: `);
      expect(r.stderr).toContain('[CSV_SYNTAX]');
      expect(r.stderr.length).toBeLessThan(1000);
    }
  });

  it('a quote never closed in a large file is refused when the record passes 1 MiB, not at the end', async () => {
    const path = file(`Period;Vht;Belopp\n202401;"5101;10\n${'202401;5101;10\n'.repeat(300_000)}`);
    const f = await failure(readWith(path, false));
    expect(f.code).toBe('CSV_SYNTAX');
    expect(f.params).toEqual({ reason: 'CSV_MAX_RECORD_SIZE' });
    expect(f.line).toBeLessThan(300_000);
  });

  it('every quoted value in a message is cut to 80 characters with its length', async () => {
    const header = `Belopp${'x'.repeat(200)}`;
    const path = file(`Vht;${header}\n5101;1\n`);
    const r = await cli(['report', '--utfall', path, '--budget', file(BUDGET_TEXT), '--col', `belopp=${'y'.repeat(300)}`, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${'y'.repeat(80)}…[300 characters]"`);
    expect(r.stderr).not.toContain('y'.repeat(81));
    const bad = file(`Vht;Belopp\n5101;${'1x'.repeat(20)}${' '.repeat(5000)}\n`);
    const s = await cli(['report', '--utfall', bad, '--budget', file(BUDGET_TEXT), '--lang', 'en']);
    expect(s.stderr).toContain('…[5040 characters]" is not an amount');
    expect(s.stderr.length).toBeLessThan(500);
  });
});
