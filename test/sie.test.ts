/**
 * SIE 4 in (issue 13, section 3): real SIE files from public parsers' test corpora read
 * without error, their Σ #PSALDO {} equal to #RES; the municipal fixtures (fixtures/sie/,
 * written by fixtures/sie/generate.mjs from the CSV fixtures' ledger) give the same reports as
 * the CSV files; encodings as files in the wild have them; objects never added to their totals
 * (an ofördelat row instead); verifications with added and struck rows; the role each input
 * reads; and the errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { totalPerCode } from '../src/core/ledger.js';
import { ZERO } from '../src/core/money.js';
import { findSource, readLedger, readRecords } from '../src/read/index.js';
import { dimensionRole } from '../src/read/sie/dimensions.js';
import { sieDecoder, sniffSieEncoding } from '../src/read/sie/encoding.js';
import { tokenize } from '../src/read/sie/tokens.js';
import type { ReadSpec } from '../src/read/source.js';
import { BUDGET, cli, ledgerSpec, UTFALL } from './helpers.js';

const SAMPLES = 'test/sie/samples';
const TYP3 = 'fixtures/sie/sjovik-2024-typ3.se';
const TYP4 = 'fixtures/sie/sjovik-2024-typ4.se';
const FG = 'fixtures/utfall-2023.csv';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-sie-'));
let n = 0;
/** A SIE file of `lines` in `encoding` (CP437 unless told), CRLF. */
const sieFile = (lines: string[], encoding = 'cp437', name = `f${n++}.se`): string => {
  const path = join(dir, name);
  const text = `${lines.join('\r\n')}\r\n`;
  writeFileSync(path, encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding));
  return path;
};
const HEAD = ['#FLAGGA 0', '#FORMAT PC8', '#SIETYP 3', '#RAR 0 20240101 20241231', '#RAR -1 20230101 20231231'];

const read = (file: string, over: Partial<ReadSpec> = {}) => readLedger(file, ledgerSpec(over));
const perCode = async (file: string, over: Partial<ReadSpec> = {}) =>
  Object.fromEntries([...totalPerCode((await read(file, over)).totals)].sort(([a], [b]) => (a < b ? -1 : 1)));

/** Every record of a label in a file, tokenized (through the reader's own decoder and tokenizer). */
function records(file: string, label: string) {
  const bytes = readFileSync(file);
  const text = sieDecoder(sniffSieEncoding(bytes.subarray(0, 65536), bytes.length <= 65536).encoding)(bytes);
  return text
    .split(/\r?\n/)
    .map((l) => tokenize(l))
    .filter((r) => r?.label === label)
    .map((r) => r?.fields ?? []);
}

/** Öre of a SIE amount, by string arithmetic (not the reader's parser). */
const ore = (t: string): bigint => {
  const [int = '0', frac = ''] = t.replace('-', '').split('.');
  const v = BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'));
  return t.startsWith('-') ? -v : v;
};

describe('the real SIE samples (test/sie/samples, from public parsers)', () => {
  const samples = ['2_BL0001_typ3.SE', '16_typ3.se', '4_BL0001_typ4I.SI'].map((f) => `${SAMPLES}/${f}`);

  it('are recognised by their bytes, whatever their extension', () => {
    for (const f of samples) expect(findSource(f, 'read').format).toBe('sie');
  });

  it('read without error as utfall per konto, and as budget where they have one', async () => {
    for (const f of samples) {
      const l = await read(f, { groupBy: 'konto' });
      expect(l.format).toBe('sie');
      expect(l.totals.size).toBeGreaterThan(0);
    }
    for (const f of samples.slice(0, 2)) expect((await read(f, { groupBy: 'konto', kind: 'budget' })).totals.size).toBeGreaterThan(0);
  });

  it('Σ #PSALDO {} of year 0 equals #RES 0 for every account that has both, and the reader sums the same', async () => {
    for (const f of samples.slice(0, 2)) {
      const psaldo = new Map<string, bigint>();
      for (const r of records(f, '#PSALDO')) {
        const objects = r[3];
        if (r[0] !== '0' || typeof objects !== 'object' || objects.pairs.length > 0) continue;
        psaldo.set(r[2] as string, (psaldo.get(r[2] as string) ?? 0n) + ore(r[4] as string));
      }
      const res = new Map(
        records(f, '#RES')
          .filter((r) => r[0] === '0')
          .map((r) => [r[1] as string, ore(r[2] as string)]),
      );
      const both = [...res.keys()].filter((k) => psaldo.has(k));
      expect(both.length).toBeGreaterThan(5);
      for (const k of both) expect({ konto: k, sum: psaldo.get(k) }).toEqual({ konto: k, sum: res.get(k) });
      const read = await perCode(f, { groupBy: 'konto' });
      for (const k of both) expect({ konto: k, read: read[k] ?? 0n }).toEqual({ konto: k, read: res.get(k) });
    }
  });

  it('reads the BL file: CP437 names, the Latin-1 byte in object ┼1 read as Å, broken fiscal year, amounts with one decimal', async () => {
    const f = `${SAMPLES}/2_BL0001_typ3.SE`;
    const names = (await read(f, { groupBy: 'konto' })).names;
    expect(names.get('1930')).toBeUndefined(); // a balance account: left out
    expect(names.get('4010')).toBe('Inköpskostnad');
    const objekt = records(f, '#OBJEKT').map((r) => `${r[0] as string} ${r[1] as string} ${r[2] as string}`);
    expect(objekt).toContain('6 Å1 årsta');
    const byAnsvar = await read(f, { groupBy: 'ansvar' });
    expect(byAnsvar.names.get('1')).toBe('Stockholm');
    expect(byAnsvar.notes.find((x) => x.kind === 'sieRead')).toMatchObject({ record: '#PSALDO', year: 0, dates: '20090701–20100630' });
    // Year 0's projekt (dimension 6) has no objects in #PSALDO: said, not summed as nothing.
    await expect(read(f, { groupBy: 'projekt' })).rejects.toMatchObject({ code: 'SIE_NO_OBJECTS' });
    expect((await perCode(f, { groupBy: 'konto' }))['3015']).toEqual(-1745667n); // #RES 0 3015 -17456.67
  });

  it('reads the Edison file: padded unquoted objects ({1         AO}), blank lines, budgets given only per object', async () => {
    const f = `${SAMPLES}/16_typ3.se`;
    const byAnsvar = await read(f, { groupBy: 'ansvar', kind: 'budget' });
    expect([...byAnsvar.totals.keys()].sort()).toEqual(['AO', 'IB', 'LS', 'YK', '–']);
    expect(byAnsvar.names.get('AO')).toBe('Anders Olsson');
    // The objects and the ofördelat row add up to the {} totals: nothing counted twice, nothing
    // lost (3020 has its budget only per kostnadsställe, no {} total).
    const konto = await perCode(f, { groupBy: 'konto', kind: 'budget' });
    expect(konto['3020']).toEqual(-236000100n);
    const all = Object.values(konto).reduce((a, b) => a.plus(b), ZERO);
    const split = [...totalPerCode(byAnsvar.totals).values()].reduce((a, b) => a.plus(b), ZERO);
    expect(split).toEqual(all);
  });

  it('reads the BL type 4I import file: #VER with #TRANS, "#RAR 0" without dates, empty quoted fields', async () => {
    const l = await read(`${SAMPLES}/4_BL0001_typ4I.SI`, { groupBy: 'konto' });
    expect(Object.fromEntries(totalPerCode(l.totals))).toEqual({ '3010': -125000n, '3101': -85000n, '3740': -50n });
    expect(l.totals.get('3010')?.get('2011-08')).toEqual(-125000n);
  });
});

describe('the municipal SIE fixtures give the CSV fixtures’ reports', () => {
  const json = async (args: string[]) => {
    const run = await cli(['report', ...args, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as unknown;
  };
  const cases: [string, string[]][] = [
    ['driftredovisning', []],
    ['with a sub-table and level 4', ['--sub', '51', '--level', '4']],
    ['filtered on ansvar (the rows with both dimensions)', ['--where', 'ansvar=4120']],
    ['Verksamhetsanalys (per konto)', ['--analys']],
    ['Resultat', ['--resultat']],
  ];
  for (const sie of [TYP3, TYP4]) {
    for (const [what, extra] of cases) {
      it(`${sie.slice(-11, -3)}: ${what}`, async () => {
        expect(await json(['--utfall', sie, '--budget', sie, ...extra])).toEqual(
          await json(['--utfall', UTFALL, '--budget', BUDGET, ...extra]),
        );
      });
    }
    it(`${sie.slice(-11, -3)}: last year's utfall from the same file (#RAR -1), monthly and in the Resultat`, async () => {
      for (const extra of [['--period', '2024-08'], ['--resultat'], ['--period', '2024-12', '--resultat']]) {
        expect(await json(['--utfall', sie, '--budget', BUDGET, '--fg-ar', sie, ...extra])).toEqual(
          await json(['--utfall', UTFALL, '--budget', BUDGET, '--fg-ar', FG, ...extra]),
        );
      }
    });
  }

  it('says what it read, and leaves the bank account out with a note', async () => {
    const run = await cli(['report', '--utfall', TYP4, '--budget', TYP3]);
    expect(run.stderr).toContain(
      'sjovik-2024-typ4.se: läst ur #TRANS för räkenskapsår 0 (20240101–20241231); dimensioner verksamhet: 20 Verksamhet',
    );
    expect(run.stderr).toContain('sjovik-2024-typ3.se: läst ur #PBUDGET för räkenskapsår 0');
    expect(run.stderr).toContain('sjovik-2024-typ4.se: 1 balanskonto (#KTYP T/S, eller klass 1–2) i 3516 poster räknas inte med');
  });
});

describe('encodings: #FORMAT PC8 files as they come', () => {
  const lines = [
    '#FNAMN "Sjöviks kommun"',
    '#DIM 20 "Verksamhet"',
    '#OBJEKT 20 "5101" "Äldreomsorg – gemensamt"',
    '#PSALDO 0 202408 5011 {20 "5101"} 100.00',
  ];
  const name = async (file: string, over: Partial<ReadSpec> = {}) => (await read(file, over)).names.get('5101');

  it('reads CP437, UTF-8 and Latin-1 files that all say PC8 to the same names', async () => {
    const pc8 = [...HEAD, ...lines].map((l) => l.replace('–', '-'));
    expect(await name(sieFile(pc8, 'cp437'))).toBe('Äldreomsorg - gemensamt');
    expect(await name(sieFile(pc8, 'utf-8'))).toBe('Äldreomsorg - gemensamt');
    expect(await name(sieFile(pc8, 'latin1'))).toBe('Äldreomsorg - gemensamt');
    expect(await name(sieFile(['\ufeff#FLAGGA 0', ...HEAD.slice(1), ...lines], 'utf-8'))).toBe('Äldreomsorg – gemensamt');
    expect((await read(sieFile(pc8, 'latin1'))).encoding).toBe('windows-1252');
  });

  it('reads a Latin-1 letter in a CP437 file as BL’s reader does (byte 0xC5: Å, not ┼)', async () => {
    const bytes = Buffer.concat([
      iconv.encode([...HEAD, '#DIM 20 "Verksamhet"', '#OBJEKT 20 "5101" "Hemtjänst åt äldre"', ''].join('\r\n'), 'cp437'),
      Buffer.from('#OBJEKT 20 "5102" "\xc5rsta"\r\n', 'latin1'),
      Buffer.from('#PSALDO 0 202408 5011 {20 "5101"} 1.00\r\n#PSALDO 0 202408 5011 {20 "5102"} 2.00\r\n'),
    ]);
    const path = join(dir, 'mixed.se');
    writeFileSync(path, bytes);
    const l = await read(path);
    expect([l.names.get('5101'), l.names.get('5102'), l.encoding]).toEqual(['Hemtjänst åt äldre', 'Årsta', 'pc8']);
  });

  it('starts over when an ASCII beginning is followed by UTF-8, and --encoding overrides the guess', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `#KONTO ${5000 + i} "Konto ${i}"`);
    const late = sieFile([...HEAD, ...ascii, ...lines], 'utf-8');
    expect(await name(late)).toBe('Äldreomsorg – gemensamt');
    expect((await read(late)).encoding).toBe('utf-8');
    const pc8 = sieFile(
      [...HEAD, ...lines].map((l) => l.replace('–', '-')),
      'cp437',
    );
    const dialect = { encoding: 'windows-1252', delimiter: 'auto', decimal: 'auto' } as const;
    expect(await name(pc8, { dialect })).toBe('\u017dldreomsorg - gemensamt');
    expect(await name(pc8, { dialect: { ...dialect, encoding: 'cp437' } })).toBe('Äldreomsorg - gemensamt');
  });

  it('detects from bytes: UTF-8 with a multi-byte character, more Latin-1 than CP437 letters, else PC8', () => {
    expect(sniffSieEncoding(Buffer.from('#FNAMN "Sjöviks"'), true).encoding).toBe('utf-8');
    expect(sniffSieEncoding(iconv.encode('#FNAMN "Sjöviks"', 'latin1'), true).encoding).toBe('windows-1252');
    expect(sniffSieEncoding(iconv.encode('#FNAMN "Sjöviks"', 'cp437'), true).encoding).toBe('pc8');
    expect(sniffSieEncoding(Buffer.from('#FNAMN "Sjoviks"'), true)).toEqual({ encoding: 'pc8', bomLength: 0, certain: false });
  });
});

describe('objects and totals', () => {
  const psaldo = [
    '#DIM 1 "Kostnadsställe"',
    '#DIM 20 "Verksamhet"',
    '#OBJEKT 20 "5101" "Äldreomsorg"',
    '#PSALDO 0 202408 5011 {} 1000.00',
    '#PSALDO 0 202408 5011 {20 "5101"} 600.00',
    '#PSALDO 0 202408 5011 {20 "5102"} 300.00',
    '#PSALDO 0 202408 5011 {1 "4110"} 1000.00',
    '#PSALDO 0 202408 5011 {1 "4110" 20 "5101"} 600.00',
    '#PSALDO 0 202408 5011 {1 "4110" 20 "5102"} 400.00',
    '#PSALDO 0 202408 3110 {} -50.00',
  ];

  it('never adds a {} total and its object rows: per dimension the objects, and an ofördelat row for the rest', async () => {
    const f = sieFile([...HEAD, ...psaldo]);
    const l = await read(f);
    expect(Object.fromEntries(totalPerCode(l.totals))).toEqual({ '5101': 60000n, '5102': 30000n, '–': 5000n });
    expect(l.names.get('–')).toBe('Ofördelat');
    expect(l.notes.find((x) => x.kind === 'sieUnallocated')).toEqual({
      kind: 'sieUnallocated',
      role: 'verksamhet',
      dim: '20 Verksamhet',
      code: '–',
      rows: 2,
      amount: 5000n,
      record: '#PSALDO',
    });
    // Filtered on ansvar, the rows with both dimensions are read (they add up to the ansvar's total).
    const filtered = await read(f, { where: [{ dimension: 'ansvar', glob: '4110', negate: false }] });
    expect(Object.fromEntries(totalPerCode(filtered.totals))).toEqual({ '5101': 60000n, '5102': 40000n });
    // Per konto: the {} totals alone.
    expect(await perCode(f, { groupBy: 'konto' })).toEqual({ '3110': -5000n, '5011': 100000n });
  });

  it('shows the ofördelat row in the report, with a warning in both languages', async () => {
    const f = sieFile([...HEAD, ...psaldo, '#PBUDGET 0 202401 5011 {20 "5101"} 1200.00']);
    const sv = await cli(['report', '--utfall', f, '--budget', f, '--unit', 'kr', '--level', '4']);
    expect(sv.stdout).toMatch(/– Ofördelat\s+50\s+0\s+−50/);
    expect(sv.stderr).toContain(
      'objekten i dimension 20 Verksamhet täcker inte alla belopp i #PSALDO; det som saknar verksamhet (2 poster, netto 50,00 kr) visas på raden – Ofördelat',
    );
    const en = await cli(['report', '--utfall', f, '--budget', f, '--unit', 'kr', '--lang', 'en']);
    expect(en.stderr).toContain('what has no verksamhet (2 records, net 50.00 kr) is shown on the row – Ofördelat (unallocated)');
  });

  it('--sie-dim names the dimension by number or name; a role no dimension name gives is SIE_DIMENSION', async () => {
    const f = sieFile([...HEAD, '#DIM 21 "Fri dimension 1"', '#PSALDO 0 202408 5011 {21 "A1"} 10.00', '#PSALDO 0 202408 5011 {} 10.00']);
    await expect(read(f)).rejects.toMatchObject({ code: 'SIE_DIMENSION', params: { reason: 'missing', role: 'verksamhet' } });
    expect(await perCode(f, { sieDim: { verksamhet: '21' } })).toEqual({ A1: 1000n });
    expect(await perCode(f, { sieDim: { verksamhet: 'Fri dimension 1' } })).toEqual({ A1: 1000n });
    const two = sieFile([...HEAD, '#DIM 1 "Kostnadsställe"', '#DIM 20 "Ansvar"', '#PSALDO 0 202408 5011 {20 "A1"} 10.00']);
    await expect(read(two, { groupBy: 'ansvar' })).rejects.toMatchObject({ code: 'SIE_DIMENSION', params: { reason: 'ambiguous' } });
    expect(await perCode(two, { groupBy: 'ansvar', sieDim: { ansvar: '20' } })).toEqual({ A1: 1000n });
  });

  it('names dimensions as municipal ledgers do', () => {
    expect(
      ['Ansvar', 'Kostnadsställe', 'Resultatenhet', 'Verksamhet', 'Vht', 'Projekt', 'Aktivitet', 'Motpart'].map(dimensionRole),
    ).toEqual(['ansvar', 'ansvar', 'ansvar', 'verksamhet', 'verksamhet', 'projekt', 'aktivitet', 'motpart']);
  });

  it('a file with only account totals for the grouping dimension is SIE_NO_OBJECTS; per konto it reads', async () => {
    const f = sieFile([...HEAD, '#DIM 20 "Verksamhet"', '#PSALDO 0 202408 5011 {} 10.00']);
    await expect(read(f)).rejects.toMatchObject({ code: 'SIE_NO_OBJECTS', params: { dim: '20 Verksamhet', record: '#PSALDO' } });
    expect(await perCode(f, { groupBy: 'konto' })).toEqual({ '5011': 1000n });
  });
});

describe('verifications, years and roles', () => {
  const ver = [
    '#DIM 20 "Verksamhet"',
    '#VER A 1 20240815 "Lön"',
    '{',
    '\t#TRANS\t5011\t{20 "5101"}\t100.00\t20240815',
    '#RTRANS 5011 {20 "5102"} 40.00 20240901 "Tillagd"',
    '#TRANS 5011 {20 "5102"} 40.00 20240901 "Tillagd"',
    '#BTRANS 5011 {20 "5102"} 999.00 20240815 "Struken"',
    '#TRANS 5011 {} 5.00 "" "Utan objekt"',
    '#TRANS 1930 {} -145.00',
    '}',
    '#PSALDO 0 202408 5011 {20 "5101"} 77777.00',
    '#PSALDO -1 202308 5011 {20 "5101"} 70.00',
    '#RES -1 5011 70.00',
    '#PBUDGET 0 202408 5011 {20 "5101"} 90.00',
  ];

  it('sums #TRANS by month of its date (else the #VER’s), #RTRANS once, #BTRANS not; a row without the dimension is ofördelat', async () => {
    const l = await read(sieFile([...HEAD, ...ver]));
    expect(l.totals).toEqual(
      new Map([
        ['5101', new Map([['2024-08', 10000n]])],
        ['5102', new Map([['2024-09', 4000n]])],
        ['–', new Map([['2024-08', 500n]])],
      ]),
    );
  });

  it('gives each input its own records: budget #PBUDGET, fg-ar the year before the report year', async () => {
    const f = sieFile([...HEAD, ...ver]);
    expect(await perCode(f, { kind: 'budget' })).toEqual({ '5101': 9000n });
    expect(await perCode(f, { role: 'fgAr', year: 2023 })).toEqual({ '5101': 7000n });
    // Last year's own file as --fg-ar: its year 0.
    expect(await perCode(f, { role: 'fgAr', year: 2024 })).toEqual({ '5101': 10000n, '5102': 4000n, '–': 500n });
    await expect(read(f, { role: 'fgAr', year: 2021 })).rejects.toMatchObject({ code: 'SIE_NO_AMOUNTS', params: { reason: 'year' } });
    // #RES where a year has no #PSALDO: an annual amount.
    const res = sieFile([...HEAD, '#RES -1 5011 70.00', '#RES 0 5011 80.00']);
    expect((await read(res, { groupBy: 'konto', role: 'fgAr', year: 2023 })).totals).toEqual(
      new Map([['5011', new Map([['2023', 7000n]])]]),
    );
  });

  it('counts sign evidence by the account class, and by #KTYP where the class says nothing; balance accounts not at all', async () => {
    const f = sieFile([
      ...HEAD,
      '#KTYP 8410 I',
      '#KTYP 8510 K',
      '#PSALDO 0 202408 3110 {} -10.00',
      '#PSALDO 0 202408 5011 {} 20.00',
      '#PSALDO 0 202408 8410 {} 30.00',
      '#PSALDO 0 202408 8510 {} 40.00',
      '#PSALDO 0 202408 9000 {} 50.00',
      '#PSALDO 0 202408 1930 {} -60.00',
    ]);
    const l = await read(f, { groupBy: 'konto' });
    expect(l.signs).toEqual({ revenuePositive: 1, revenueNegative: 1, costPositive: 2, costNegative: 0 });
    expect([...l.totals.keys()].sort()).toEqual(['3110', '5011', '8410', '8510', '9000']);
    expect(l.notes.find((x) => x.kind === 'sieBalanceAccounts')).toEqual({ kind: 'sieBalanceAccounts', accounts: 1, rows: 1 });
  });

  it('is refused as a small file (names, comments, forecasts)', async () => {
    const f = sieFile([...HEAD, ...ver]);
    await expect(readRecords(f)).rejects.toMatchObject({ code: 'FORMAT_UNSUPPORTED', params: { kind: 'sie' } });
  });

  it('places syntax errors at file:line with the record and a caret', async () => {
    const f = sieFile([...HEAD, '#DIM 20 "Verksamhet"', '#VER A 1 20240815', '{', '#TRANS 5011 {20 "5101"} 100,50', '}']);
    const run = await cli(['report', '--utfall', f, '--budget', BUDGET]);
    expect(run.stderr).toContain(`${f}:9: felaktig SIE-post #TRANS: "100,50" är inget SIE-belopp`);
    expect(run.stderr).toContain(`  9 | #TRANS 5011 {20 "5101"} 100,50\n    | ${' '.repeat(24)}^^^^^^`);
    // A balance's amount and quantity are not an amount with a space; a decimal comma after it is.
    const quantity = sieFile([...HEAD, '#PSALDO 0 202408 5011 {} 500 100']);
    expect(await perCode(quantity, { groupBy: 'konto' })).toEqual({ '5011': 50000n });
    const comma = sieFile([...HEAD, '#PSALDO 0 202408 5011 {} 12 345,60']);
    await expect(read(comma, { groupBy: 'konto' })).rejects.toMatchObject({ code: 'SIE_SYNTAX', params: { value: '12 345,60' } });
    const outside = sieFile([...HEAD, '#TRANS 5011 {} 1.00']);
    await expect(read(outside)).rejects.toMatchObject({ code: 'SIE_SYNTAX', params: { problem: 'outsideVer' }, location: { line: 6 } });
    const unclosed = sieFile([...HEAD, '#VER A 1 20240815', '{', '#TRANS 5011 {} 1.00']);
    await expect(read(unclosed, { groupBy: 'konto' })).rejects.toMatchObject({
      code: 'SIE_SYNTAX',
      params: { problem: 'verUnclosed' },
      location: { line: 6 },
    });
  });
});
