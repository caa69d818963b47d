/**
 * The harness of issue 12: random inputs through the whole CLI, in-process (`main(argv, io)`),
 * so CI finds the next crash before a user does. Whatever the bytes and the options, a run
 * ends with exit code 0, 1 or 2 — never 70 (an internal error), never a stack trace — and its
 * stderr is bounded. The inputs: random bytes; near-valid CSV (quotes, CR/LF mixes, NUL and
 * other control characters, long fields, UTF-16, Windows-1252, BOMs); random option values.
 *
 * fast-check prints the seed and the shrunk counterexample of a failure; rerun it with
 * `FUZZ_SEED=<seed> npx vitest run test/cli-fuzz.test.ts`. FUZZ_RUNS raises the number of runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-fuzz-'));
let n = 0;
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const runs = (base: number) => Number(process.env.FUZZ_RUNS ?? base);
/** Bytes of stderr a run may write: a few messages with excerpts, never a quoted field of megabytes. */
const STDERR_MAX = 16 * 1024;

function write(bytes: Uint8Array, ext = '.csv'): string {
  const path = join(dir, `z${n++}${ext}`);
  writeFileSync(path, bytes);
  return path;
}

const BUDGET = write(Buffer.from('Vht;Konto;Belopp\n5101;5011;1000\n5102;3110;-200\n5201;5011;300\n', 'utf8'));

/** A run's outcome must be one of the documented ones, whatever went in. */
async function holds(args: string[], env: Record<string, string> = {}): Promise<void> {
  const r = await cli(args, { env });
  const why = `avvikelse ${args.join(' ')}\n${r.stderr.slice(0, 2000)}`;
  expect([0, 1, 2], why).toContain(r.code);
  expect(r.stderr, why).not.toMatch(/internt fel|internal error/);
  expect(r.stderr, why).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // a stack frame
  expect(r.stderr.length, why).toBeLessThan(STDERR_MAX);
}

// Pieces of near-valid CSV: cells as exports write them, and the characters that break readers.
const goodCell = fc.constantFrom(
  '202401',
  '2024-02',
  'jan 2024',
  '5101',
  '051',
  '5011',
  '3110',
  '-1 234,50',
  '12,5',
  '1.234,50',
  'Hemtjänst',
  '',
);
const nastyCell = fc.oneof(
  fc.constantFrom(
    '"',
    '""',
    '"a;b"',
    '"x\ny"',
    'a"b',
    '\0',
    '\x1b[2J',
    '\r',
    '\v5101\f',
    '\u2028',
    '\ufeff',
    'NULL',
    'Summa',
    'Totalt',
    '0999-05',
  ),
  // Long fields, as tokens (expanded when the file is written) so a counterexample stays readable.
  fc.constantFrom('<9x60>', '<1x300000>', '<xx2000>'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const cell = fc.oneof({ weight: 6, arbitrary: goodCell }, { weight: 2, arbitrary: nastyCell });
const header = fc.constantFrom(
  'Period;Vht;Konto;Belopp',
  'Vht;Belopp',
  'Verksamhet;Namn;Utfall',
  'Datum;Vht;Debet;Kredit',
  'Vht;Jan;Feb;Mar',
  '',
);
/** `<9x60>` → sixty 9s: the long fields of `nastyCell`. */
const expand = (text: string) => text.replace(/<(.)x(\d+)>/g, (_, c: string, count: string) => c.repeat(Number(count)));

/** A near-valid CSV file as its parts; `render` makes its bytes. */
const nearCsv = fc.record({
  header,
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
  delimiter: fc.constantFrom(';', ',', '\t', ';'),
  eols: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n'), { minLength: 1, maxLength: 4 }),
  encoding: fc.constantFrom('utf8', 'utf8-bom', 'win1252', 'utf16le', 'utf16le-bom', 'utf16be', 'utf16be-bom'),
});

function render({ header: h, rows, delimiter, eols, encoding }: typeof nearCsv extends fc.Arbitrary<infer T> ? T : never): Buffer {
  const lines = [h.replace(/;/g, delimiter), ...rows.map((r) => r.join(delimiter))];
  const text = expand(lines.map((l, i) => l + (eols[i % eols.length] as string)).join(''));
  const bom = encoding.endsWith('-bom') ? '\ufeff' : '';
  if (encoding.startsWith('utf16le')) return iconv.encode(bom + text, 'utf16le');
  if (encoding.startsWith('utf16be')) return iconv.encode(bom + text, 'utf16be');
  if (encoding === 'win1252') return iconv.encode(text, 'win1252');
  return Buffer.from(bom + text, 'utf8');
}

/** Options with values, valid and not. */
const optionValue = fc.oneof(
  fc.constantFrom('', '0', '-1', '2', '99', 'kr', 'tkr', 'x', '2024-08', '2024-13', '51', '51*', 'ansvar=41*', 'belopp=Belopp'),
  fc.string({ maxLength: 8 }),
);
const option = fc.tuple(
  fc.constantFrom(
    '--unit',
    '--level',
    '--decimals',
    '--period',
    '--delimiter',
    '--encoding',
    '--decimal',
    '--rounding',
    '--input-unit',
    '--input-sign',
    '--by',
    '--where',
    '--sub',
    '--col',
    '--format',
    '--perspective',
    '--lang',
    '--sub-level',
    '--columns',
  ),
  optionValue,
);
const switches = fc.subarray(['--exact', '--analys', '--resultat', '--monthly']);

describe('the CLI on random input never crashes (issue 12 harness)', () => {
  it('random bytes as the utfall', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('.csv', '.txt', '', '.md'), async (bytes, ext) => {
        await holds(['report', '--utfall', write(bytes, ext), '--budget', BUDGET]);
      }),
      { numRuns: runs(60), seed },
    );
  }, 60_000);

  it('near-valid CSV through both readers, as utfall and as names', async () => {
    await fc.assert(
      fc.asyncProperty(nearCsv, fc.constantFrom('fast', 'csv-parse'), async (csv, reader) => {
        const path = write(render(csv));
        await holds(['report', '--utfall', path, '--budget', BUDGET, '--level', '4'], { AVVIKELSE_READER: reader });
        await holds(['report', '--utfall', BUDGET, '--budget', path, '--names', path, '--lang', 'en'], { AVVIKELSE_READER: reader });
      }),
      { numRuns: runs(80), seed },
    );
  }, 60_000);

  it('random option values on a valid run', async () => {
    const utfall = write(Buffer.from('Period;Vht;Konto;Belopp\n202401;5101;5011;100\n202402;5102;3110;-20\n', 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.array(option, { maxLength: 4 }), switches, async (opts, flags) => {
        await holds(['report', '--utfall', utfall, '--budget', BUDGET, ...opts.flat(), ...flags]);
      }),
      { numRuns: runs(80), seed },
    );
  }, 60_000);
});
