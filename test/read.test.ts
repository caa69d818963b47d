import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { totalPerCode } from '../src/core/ledger.js';
import { sniffDelimiter, sniffEncoding, firstInvalidUtf8 } from '../src/read/csv/dialect.js';
import { AvvikelseError } from '../src/errors.js';
import { formatError } from '../src/cli/main.js';
import { texts } from '../src/i18n/index.js';
import { excerpt, findSource, readLedger, readRecords, SOURCES, type Place } from '../src/read/index.js';
import { TotalsBuilder } from '../src/read/ledger-builder.js';
import { RecordConsumer } from '../src/read/records-to-ledger.js';
import { tuningFromEnv, type LedgerSource, type PlaceOf, type ReadSpec } from '../src/read/source.js';
import { BUDGET, cli, ledgerSpec, UTFALL } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-read-'));
let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, content);
  return path;
}
const read = async (content: string | Buffer, over: Partial<ReadSpec> = {}) => readLedger(file(content), ledgerSpec(over));
const totals = async (content: string | Buffer, over: Partial<ReadSpec> = {}) => totalPerCode((await read(content, over)).totals);

describe('encodings', () => {
  const swedish = 'Verksamhet;Verksamhetsnamn;Belopp\n5101;Äldreomsorg i ordinärt boende, hemtjänst;–1 234,50\n';

  it('reads Windows-1252 with å, ä, ö and the en dash intact', async () => {
    const r = await read(iconv.encode(swedish, 'win1252'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.names.get('5101')).toBe('Äldreomsorg i ordinärt boende, hemtjänst');
    expect(totalPerCode(r.totals).get('5101')).toEqual(-123_450n);
  });

  it('reads UTF-8 with and without BOM identically', async () => {
    const a = await read(swedish);
    const b = await read(`\ufeff${swedish}`);
    expect(a.encoding).toBe('utf-8');
    expect(b.names).toEqual(a.names);
    expect(b.totals).toEqual(a.totals);
    expect(a.names.get('5101')).toBe('Äldreomsorg i ordinärt boende, hemtjänst');
  });

  it('starts over as Windows-1252 when the first 64 KiB are ASCII and a later byte is not UTF-8', async () => {
    const lines = ['Verksamhet;Verksamhetsnamn;Belopp'];
    for (let i = 0; i < 5000; i++) lines.push(`5101;Hemtjanst;1,00`);
    lines.push('5102;Särskilt boende;2,00');
    const r = await read(iconv.encode(`${lines.join('\n')}\n`, 'win1252'));
    expect(r.encodingFallback).toBe(true);
    expect(r.encoding).toBe('windows-1252');
    expect(r.names.get('5102')).toBe('Särskilt boende');
    expect(totalPerCode(r.totals).get('5101')).toEqual(500_000n);
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', async () => {
    const r = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Vht\tNamn\tBelopp\n5101\tÅr\t10\n', 'utf16le')]));
    expect(r.delimiter).toBe('\t');
    expect(r.names.get('5101')).toBe('År');
  });

  it('fails with the line when the file is declared UTF-8 but is not', async () => {
    const path = file(iconv.encode('Vht;Belopp\n5101;1\n5102;å\n', 'win1252'));
    await expect(
      readLedger(path, ledgerSpec({ dialect: { encoding: 'utf-8', delimiter: 'auto', decimal: 'auto' } })),
    ).rejects.toMatchObject({
      code: 'ENCODING_INVALID',
      location: { line: 3 },
    });
  });

  it('sniffs from bytes', () => {
    expect(sniffEncoding(Buffer.from('abc'), true)).toMatchObject({ encoding: 'utf-8', certain: false });
    expect(sniffEncoding(Buffer.from('åäö'), true)).toMatchObject({ encoding: 'utf-8', certain: true });
    expect(sniffEncoding(iconv.encode('åäö', 'win1252'), true)).toMatchObject({ encoding: 'windows-1252' });
    // A multi-byte character cut off by the end of the sample is not an error mid-file.
    const cut = Buffer.from('aå').subarray(0, 2);
    expect(firstInvalidUtf8(cut, 0, cut.length, true)).toBe(-1);
    expect(firstInvalidUtf8(cut, 0, cut.length, false)).toBe(1);
  });
});

describe('delimiters and quoting', () => {
  it('sniffs ; , and TAB', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
  });

  it('reads comma-separated files with quoted decimal commas and delimiters inside quotes', async () => {
    const t = await totals('Vht,Namn,Belopp\n5101,"Hem, natt","1 234,50"\n5101,"x ""y""",10\n');
    expect(t.get('5101')).toEqual(124_450n);
  });

  it('reads quoted fields with line breaks', async () => {
    const r = await read('Vht;Namn;Belopp\n5101;"rad ett\nrad två";5\n5102;b;7\n');
    expect(r.names.get('5101')).toBe('rad ett\nrad två');
    expect(totalPerCode(r.totals).get('5102')).toEqual(700n);
  });

  it('skips title lines above the header and blank lines', async () => {
    const t = await totals('Sjöviks kommun;;\nUtfall 2024;;\n\nVerksamhet;Konto;Belopp\n5101;5011;100\n;;\n5101;5011;1\n');
    expect(t.get('5101')).toEqual(10_100n);
  });

  it('accepts trailing empty fields, as Excel writes them', async () => {
    expect((await totals('Vht;Belopp\n5101;1;;\n')).get('5101')).toEqual(100n);
  });

  it('reports a row with the wrong number of fields', async () => {
    await expect(read('Vht;Belopp\n5101;1\n5102;2;3\n')).rejects.toMatchObject({ code: 'FIELD_COUNT', location: { line: 3 } });
  });
});

describe('columns', () => {
  it('recognises Swedish and English headers, case-insensitively', async () => {
    const r = await read('PERIOD;ansvar;Activity;Account;Amount\n2024-01;41;5101;5011;1\n');
    expect(r.totals.get('5101')).toEqual(new Map([['2024-01', 100n]]));
  });

  it('keeps codes as strings: 051 is not 51, spaces are trimmed', async () => {
    const t = await totals('Vht;Belopp\n051;1\n51;2\n 51 ;3\n');
    expect([...t.keys()].sort()).toEqual(['051', '51']);
    expect(t.get('51')).toEqual(500n);
  });

  it('maps columns explicitly', async () => {
    const t = await totals('Verks;Summa kr\n5101;1\n', { columns: { verksamhet: 'Verks', belopp: 'Summa kr' } });
    expect(t.get('5101')).toEqual(100n);
  });

  it('picks the column named like the file kind when a file has both Utfall and Budget', async () => {
    const content = 'Vht;Utfall;Budget\n5101;1;2\n';
    expect((await totals(content, { kind: 'utfall' })).get('5101')).toEqual(100n);
    expect((await totals(content, { kind: 'budget' })).get('5101')).toEqual(200n);
  });

  it('reads a budget with one column per month', async () => {
    const r = await read('Vht;Jan;Feb;Mar;Apr;Maj;Jun;Jul;Aug;Sep;Okt;Nov;Dec\n5101;1;1;1;1;1;1;1;1;1;1;1;2\n', { kind: 'budget' });
    expect(r.totals.get('5101')?.get('M12')).toEqual(200n);
    expect(totalPerCode(r.totals).get('5101')).toEqual(1_300n);
  });

  it('groups by another dimension, including a column that is not a known role', async () => {
    const content = 'Vht;Ansvar;Kostnadsställe;Belopp\n5101;41;K1;1\n5102;41;K2;2\n5102;42;K2;4\n';
    expect(await totals(content, { groupBy: 'ansvar' })).toEqual(
      new Map([
        ['41', 300n],
        ['42', 400n],
      ]),
    );
    expect(await totals(content, { groupBy: 'kostnadsställe' })).toEqual(
      new Map([
        ['K1', 100n],
        ['K2', 600n],
      ]),
    );
  });

  it('filters by glob, with != for exclusion', async () => {
    const content = 'Vht;Ansvar;Konto;Belopp\n5101;4110;5011;1\n5101;4210;5011;2\n5101;4110;8011;4\n';
    expect((await totals(content, { where: [{ dimension: 'ansvar', glob: '41*', negate: false }] })).get('5101')).toEqual(500n);
    expect(
      (
        await totals(content, {
          where: [
            { dimension: 'ansvar', glob: '41*', negate: false },
            { dimension: 'konto', glob: '8*', negate: true },
          ],
        })
      ).get('5101'),
    ).toEqual(100n);
  });

  it('reports a filter on a column that does not exist', async () => {
    await expect(read('Vht;Belopp\n5101;1\n', { where: [{ dimension: 'projekt', glob: '1', negate: false }] })).rejects.toMatchObject({
      code: 'COLUMN_UNKNOWN',
    });
  });
});

describe('signs and units', () => {
  it('negates a file whose revenues are positive', async () => {
    const t = await totals('Vht;Belopp\n5101;-100\n', { inputSign: 'revenue-positive' });
    expect(t.get('5101')).toEqual(10_000n);
  });

  it('converts tkr and mnkr input exactly', async () => {
    expect((await totals('Vht;Belopp\n5101;1,23456\n', { inputUnit: 'tkr' })).get('5101')).toEqual(123_456n);
    expect((await totals('Vht;Belopp\n5101;-0,5\n', { inputUnit: 'mnkr' })).get('5101')).toEqual(-50_000_000n);
  });

  it('collects evidence of reversed signs from konto classes', async () => {
    const r = await read('Vht;Konto;Belopp\n5101;3110;100\n5101;5011;-50\n5101;4010;20\n');
    expect(r.signs).toEqual({ revenuePositive: 1, revenueNegative: 0, costPositive: 1, costNegative: 1 });
  });
});

describe('amounts as exports write them', () => {
  it('reads currency cells with NBSP before kr, kr with no space, and SEK', async () => {
    const r = await read(
      'Månad;Vht;Belopp\njanuari 2024;5101;-63\u00a0096,11\u00a0kr\njanuari 2024;5102;623 783,43 kr\nfebruari 2024;5101;1234kr\nmars 2024;5102;1 234,50 SEK\n',
    );
    expect(r.totals.get('5101')).toEqual(
      new Map([
        ['2024-01', -6_309_611n],
        ['2024-02', 123_400n],
      ]),
    );
    expect(r.totals.get('5102')).toEqual(
      new Map([
        ['2024-01', 62_378_343n],
        ['2024-03', 123_450n],
      ]),
    );
  });

  it('reads tkr suffixes in a file read in tkr, also from its heading', async () => {
    expect((await totals('Vht;Belopp\n5101;12,5 tkr\n', { inputUnit: 'tkr' })).get('5101')).toEqual(1_250_000n);
    expect((await totals('Vht;Belopp (tkr)\n5101;12,5 tkr\n')).get('5101')).toEqual(1_250_000n);
  });

  it('refuses a suffix that contradicts the unit the file is read in, naming both', async () => {
    const e = await read('Vht;Belopp\n5101;1\n5102;12 tkr\n').catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'AMOUNT_INVALID',
      params: { value: '12 tkr', unit: 'kr', stated: 'tkr' },
      location: { line: 3, column: 'Belopp' },
    });
    const text = formatError(e as AvvikelseError, texts('sv'));
    expect(text).toContain('"12 tkr" är angivet i tkr, men filen läses i kr');
    expect(text).toContain('--input-unit tkr');
    const e2 = await read('Vht;Belopp (tkr)\n5101;1 234 kr\n').catch((x: unknown) => x);
    expect(e2).toMatchObject({ code: 'AMOUNT_INVALID', params: { unit: 'tkr', stated: 'kr' } });
  });

  it('adds nothing for an empty or NULL amount: no period of the input, no data row, no sign evidence', async () => {
    const r = await read(
      'Period;Vht;Konto;Belopp\n202401;5101;5011;1\n202409;5101;3110;NULL\n202410;5102;5011;\n202411;5101;5011;(null)\n',
    );
    expect(r.totals).toEqual(new Map([['5101', new Map([['2024-01', 100n]])]]));
    expect(r.dataRows).toBe(1);
    expect(r.signs).toEqual({ revenuePositive: 0, revenueNegative: 0, costPositive: 1, costNegative: 0 });
  });

  it('keeps #N/A an error: a failed lookup is not an empty cell', async () => {
    await expect(read('Vht;Belopp\n5101;#N/A\n')).rejects.toMatchObject({ code: 'AMOUNT_INVALID', params: { value: '#N/A' } });
  });

  it('reads each of two value columns with its own NULLs (UTF_V, BUD_V)', async () => {
    const content =
      'BOKF_DATUM,VERKSAMHET,UTF_V,BUD_V\n2023-12-31 00:00:00.000,5102,34467.22,NULL\n2024-09-30 00:00:00.000,5102,NULL,100.00\n';
    const u = await read(content, { columns: { belopp: 'UTF_V', period: 'BOKF_DATUM' } });
    const b = await read(content, { kind: 'budget', columns: { belopp: 'BUD_V', period: 'BOKF_DATUM' } });
    expect(u.totals).toEqual(new Map([['5102', new Map([['2023-12', 3_446_722n]])]]));
    expect(b.totals).toEqual(new Map([['5102', new Map([['2024-09', 10_000n]])]]));
  });
});

describe('debit and credit columns', () => {
  const huvudbok =
    'Datum;Konto;Verksamhet;Text;Debet;Kredit\n2024-01-08;5011;5101;Lön;38847,03;\n2024-01-12;3110;5101;Avgifter;;446528,22\n2024-02-03;5011;5102;Rättelse;;100\n2024-02-04;5011;5102;Lön;250;50\n';

  it('reads Debet − Kredit in ledger sign, an empty side as 0, the net as sign evidence', async () => {
    const r = await read(huvudbok);
    expect(r.totals).toEqual(
      new Map([
        ['5101', new Map([['2024-01', 3_884_703n - 44_652_822n]])],
        ['5102', new Map([['2024-02', -10_000n + 20_000n]])],
      ]),
    );
    expect(r.dataRows).toBe(4);
    expect(r.signs).toEqual({ revenuePositive: 0, revenueNegative: 1, costPositive: 2, costNegative: 1 });
  });

  it('recognises Debit and Credit, and a unit in their headings', async () => {
    expect((await totals('Vht;Debit;Credit\n5101;10;4\n')).get('5101')).toEqual(600n);
    expect((await totals('Vht;Debet (tkr);Kredit (tkr)\n5101;1;0,5\n')).get('5101')).toEqual(50_000n);
  });

  it('maps them explicitly with --col debet=… --col kredit=…', async () => {
    const content = 'Vht;D-belopp;K-belopp\n5101;10;4\n5101;;1\n';
    expect((await totals(content, { columns: { debet: 'D-belopp', kredit: 'K-belopp' } })).get('5101')).toEqual(500n);
  });

  it('a row with both sides empty is no data row', async () => {
    const r = await read('Period;Vht;Debet;Kredit\n202401;5101;1;\n202402;5101;;\n');
    expect(r.totals).toEqual(new Map([['5101', new Map([['2024-01', 100n]])]]));
    expect(r.dataRows).toBe(1);
  });

  it('places an error in the side that holds it', async () => {
    await expect(read('Vht;Debet;Kredit\n5101;1;x\n')).rejects.toMatchObject({
      code: 'AMOUNT_INVALID',
      location: { line: 2, column: 'Kredit' },
    });
  });

  it('refuses Debet/Kredit beside a Belopp column, one side alone, and Belopp mapped with a side', async () => {
    await expect(read('Vht;Belopp;Debet;Kredit\n5101;1;1;\n')).rejects.toMatchObject({
      code: 'COLUMN_AMBIGUOUS',
      params: { candidates: '"Belopp", "Debet", "Kredit"' },
    });
    await expect(read('Vht;Debet;Text\n5101;1;x\n')).rejects.toMatchObject({ code: 'COLUMN_MISSING', params: { role: 'kredit' } });
    await expect(read('Vht;D;K\n5101;1;2\n', { columns: { kredit: 'K' } })).rejects.toMatchObject({
      code: 'COLUMN_MISSING',
      params: { role: 'debet' },
    });
    await expect(
      read('Vht;Belopp;Debet;Kredit\n5101;1;1;\n', { columns: { belopp: 'Belopp', debet: 'Debet', kredit: 'Kredit' } }),
    ).rejects.toMatchObject({
      code: 'COLUMN_AMBIGUOUS',
    });
    // An explicit Belopp wins over recognised Debet/Kredit headings.
    expect((await totals('Vht;Belopp;Debet;Kredit\n5101;1;7;\n', { columns: { belopp: 'Belopp' } })).get('5101')).toEqual(100n);
  });
});

describe('a stray quote inside an unquoted field: CSV_SYNTAX at its line in every reader (defect 1)', () => {
  const reasonSv = 'felaktig CSV: citattecken mitt i ett fält utan citattecken';
  const named = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('in a ledger: exit 2 with the file, line and a caret under the quote, not an internal error', async () => {
    const path = named('stray-quote-utfall.csv', 'Period;Verksamhet;Belopp\n202401;5101;100\n202401;51;ab"c\n');
    const r = await cli(['report', '--utfall', path, '--budget', BUDGET]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`avvikelse: fel: ${path}:3: ${reasonSv}`);
    expect(r.stderr).toContain('[CSV_SYNTAX]');
    expect(r.stderr).toContain('  3 | 202401;51;ab"c\n    |             ^\n');
    const en = await cli(['report', '--utfall', path, '--budget', BUDGET, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`avvikelse: error: ${path}:3: malformed CSV: a quote inside an unquoted field`);
  });

  it('in a ledger, on both routes of the reader', async () => {
    const path = named('stray-quote-both.csv', 'Period;Verksamhet;Belopp\n202401;5101;100\n202401;51;ab"c\n');
    for (const fastPath of [true, false]) {
      const spec = ledgerSpec();
      await expect(readLedger(path, { ...spec, tuning: { ...spec.tuning, fastPath } })).rejects.toMatchObject({
        code: 'CSV_SYNTAX',
        params: { reason: 'INVALID_OPENING_QUOTE' },
        location: { file: path, line: 3, field: 3 },
      });
    }
  });

  it('in a code file (--kommentarer, a quote in a text column)', async () => {
    const path = named('stray-quote-kommentarer.csv', 'Kod;Kommentar\n5101;Bra\n5102;Skärm 24" Dell\n');
    const r = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--kommentarer', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`avvikelse: fel: ${path}:3: ${reasonSv}`);
    expect(r.stderr).toContain('[CSV_SYNTAX]');
  });

  it('in a published table (verify)', async () => {
    const path = named(
      'stray-quote-tabell.csv',
      'Driftredovisning 2024, tkr;;;\nVerksamhet;Utfall;Budget;Avvikelse\n10 Politisk verksamhet;833;904;71\n51 Äldreomsorg "LSS;251 612;245 397;-6 215\n',
    );
    const r = await cli(['verify', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`avvikelse: fel: ${path}:4: ${reasonSv}`);
    expect(r.stderr).toContain('[CSV_SYNTAX]');
  });
});

describe('the read boundary', () => {
  it('picks the CSV source by extension, and for any other text file', () => {
    expect(SOURCES.map((s) => s.format)).toEqual(['xlsx', 'ods', 'xls', 'zip', 'pdf', 'sie', 'html', 'binary', 'markdown', 'csv']);
    expect(findSource('a.csv', 'read').format).toBe('csv');
    expect(findSource(file('Vht;Belopp\n5101;1\n'), 'records').format).toBe('csv');
    expect(findSource('no-such-file.dat', 'read').format).toBe('csv');
    expect(findSource('no-such-file.dat', 'records').format).toBe('csv');
  });

  it('picks the Markdown source for records by extension or by a pipe table in the first bytes, never for a ledger', () => {
    const table = '# Drift\n\n| Kod | Prognos |\n|:--|--:|\n| 5101 | 12,5 |\n';
    expect(findSource('r.md', 'records').format).toBe('markdown');
    expect(findSource('r.MARKDOWN', 'excerpt').format).toBe('markdown');
    expect(findSource('r.md', 'read').format).toBe('csv');
    const untitled = join(dir, 'tabell');
    writeFileSync(untitled, table);
    expect(findSource(untitled, 'records').format).toBe('markdown');
    writeFileSync(untitled, 'Kod|Prognos\n5101|12,5\n');
    expect(findSource(untitled, 'records').format).toBe('csv');
  });

  it('reads Markdown pipe tables as records: the header marked with its title, rows placed by line, excerpts with a caret under the cell', async () => {
    const path = join(dir, 'prognos.md');
    writeFileSync(path, '\ufeff# Prognos\n\nText.\n\n| Kod | Prognos |\n|:--|--:|\n| 5101 | 12,5 |\n|  |  |\n| 5102 | 1,2x |\n');
    const records = await readRecords(path);
    expect(records.map((r) => [r.place.line, r.cells, r.table])).toEqual([
      [5, ['Kod', 'Prognos'], { title: 'Prognos' }],
      [7, ['5101', '12,5'], undefined],
      [8, ['', ''], undefined],
      [9, ['5102', '1,2x'], undefined],
    ]);
    const at = records[3]?.at(1, 'Prognos', '1,2x');
    expect(at).toEqual({ file: path, line: 9, column: 'Prognos', field: 2, value: '1,2x' });
    expect(excerpt(at as Place)).toEqual(['  9 | | 5102 | 1,2x |', '    |          ^^^^']);
    expect(excerpt({ file: path, line: 5 })).toEqual(['  5 | | Kod | Prognos |']);
    expect(excerpt({ file: path })).toEqual([]);
  });

  it('reads small files as records with their places', async () => {
    const records = await readRecords(file('Kod;Namn\n\n5101;"två\nrader"\n5102;x\n'));
    // A quoted line break: the record is placed at the line it ends on, as csv-parse counts.
    expect(records.map((r) => [r.place.line, r.cells])).toEqual([
      [1, ['Kod', 'Namn']],
      [4, ['5101', 'två\nrader']],
      [5, ['5102', 'x']],
    ]);
    expect(records[2]?.at(1, 'Namn', 'x')).toMatchObject({ line: 5, field: 2, column: 'Namn', value: 'x' });
  });

  it('takes its tuning from the environment it is given, never from process.env', () => {
    expect(tuningFromEnv({ AVVIKELSE_READER: 'csv-parse' }).fastPath).toBe(false);
    expect(tuningFromEnv({}).fastPath).toBe(true);
    expect(tuningFromEnv({ AVVIKELSE_THREADS: '1' }).threads).toBe(1);
    expect(tuningFromEnv({ AVVIKELSE_PARALLEL_MIN_BYTES: '0' }).parallelMinBytes).toBe(0);
    expect(tuningFromEnv({}).parallelMinBytes).toBe(64 << 20);
  });

  it('forces the general route when the tuning says so', async () => {
    const path = file('Vht;Belopp\n5101;1\n');
    expect((await readLedger(path, ledgerSpec())).reader).toBe('fast');
    const spec = ledgerSpec();
    expect((await readLedger(path, { ...spec, tuning: { ...spec.tuning, fastPath: false } })).reader).toBe('csv-parse');
  });

  /**
   * A toy record format (`#TRANS verksamhet konto period belopp`, one per line) through the
   * same builder: keys, --where, sign and sign evidence come out as for CSV, and its errors
   * are placed by record.
   */
  const toy: LedgerSource = {
    format: 'toy',
    extensions: ['.toy'],
    sniff: (sample) => Buffer.from(sample).toString('latin1').startsWith('#TRANS'),
    excerpt: () => [],
    async read(path, _spec, into) {
      const { readFileSync } = await import('node:fs');
      const lines = readFileSync(path, 'latin1')
        .split('\n')
        .filter((l) => l.startsWith('#TRANS'));
      into.bind(
        {
          headers: ['verksamhet', 'konto'],
          dims: new Map([
            ['verksamhet', 0],
            ['konto', 1],
          ]),
          names: new Map(),
        },
        { file: path, record: 1 },
      );
      lines.forEach((line, i) => {
        const [, code = '', konto = '', period = '', amount = '0'] = line.split(' ');
        const fields = [code, konto];
        const key = into.key(fields, (index, value) => ({ file: path, record: i + 1, column: ['verksamhet', 'konto'][index], value }));
        if (key === null) return;
        into.add(key, period, BigInt(amount));
        into.record(fields, BigInt(amount), period);
      });
      return { format: 'toy', reader: 'toy', encodingFallback: false };
    },
  };

  it('lets another format total through the same builder', async () => {
    const path = join(dir, 'ledger.toy');
    writeFileSync(path, '#TRANS 5101 3110 2024-01 -500\n#TRANS 5101 5011 2024-01 200\n#TRANS 5102 5011 2024-02 7\n');
    const spec = ledgerSpec({ inputSign: 'revenue-positive', where: [{ dimension: 'konto', glob: '5*', negate: true }] });
    const builder = new TotalsBuilder(path, spec);
    await toy.read(path, spec, builder);
    const ledger = builder.finish();
    expect(ledger.totals).toEqual(new Map([['5101', new Map([['2024-01', 500n]])]]));
    expect(ledger.signs).toEqual({ revenuePositive: 1, revenueNegative: 0, costPositive: 0, costNegative: 0 });
    expect(ledger.dataRows).toBe(1);

    writeFileSync(path, '#TRANS 5101 3110 2024-01 -500\n#TRANS  5011 2024-01 200\n');
    const empty = new TotalsBuilder(path, ledgerSpec());
    const err = await toy.read(path, ledgerSpec(), empty).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CODE_EMPTY', location: { file: path, record: 2, column: 'verksamhet' } });
    expect(formatError(err as AvvikelseError, texts('sv'))).toBe(
      `avvikelse: fel: ${path}:#2: kolumn verksamhet: koden är tom [CODE_EMPTY]\n`,
    );
  });

  it('totals records of any table format through the record consumer, placing errors where the source says', () => {
    // A sheet: rows numbered from 1, cells A1-style; a title row above the header is skipped as in CSV.
    const letter = (i: number) => String.fromCharCode(0x41 + i);
    const sheetPlace: PlaceOf = (row, f) =>
      f === undefined
        ? { file: 'x.xlsx', sheet: 'Blad1', cell: `A${row}` }
        : { file: 'x.xlsx', sheet: 'Blad1', cell: `${letter(f.index)}${row}`, column: f.column, value: f.value };
    const spec = ledgerSpec({ columns: {} });
    const rows = [
      ['Utfall 2024', '', ''],
      ['Verksamhet', 'Konto', 'Belopp'],
      ['5101', '3110', '-12,5'],
      ['5101', '5011', '20'],
    ];
    const builder = new TotalsBuilder('x.xlsx', spec);
    const consumer = new RecordConsumer('x.xlsx', spec, builder, sheetPlace);
    rows.forEach((r, i) => consumer.take(r, i + 1));
    consumer.end();
    expect(builder.finish()).toMatchObject({ totals: new Map([['5101', new Map([['', 750n]])]]), dataRows: 2 });

    const failing = (row: string[]) => {
      const c = new RecordConsumer('x.xlsx', spec, new TotalsBuilder('x.xlsx', spec), sheetPlace);
      c.take(['Verksamhet', 'Konto', 'Belopp'], 1);
      try {
        c.take(row, 7);
      } catch (e) {
        return e;
      }
      return null;
    };
    expect(failing(['5101', '3110', '1,2x'])).toMatchObject({
      code: 'AMOUNT_INVALID',
      location: { file: 'x.xlsx', sheet: 'Blad1', cell: 'C7', column: 'Belopp', value: '1,2x' },
    });
    expect(failing(['', '3110', '1'])).toMatchObject({
      code: 'CODE_EMPTY',
      location: { sheet: 'Blad1', cell: 'A7', column: 'Verksamhet' },
    });
    expect(failing(['5101', '1'])).toMatchObject({ code: 'FIELD_COUNT', location: { file: 'x.xlsx', sheet: 'Blad1', cell: 'A7' } });
    expect(formatError(failing(['5101', '3110', '1,2x']) as AvvikelseError, texts('sv'))).toMatch(
      /^avvikelse: fel: x\.xlsx:Blad1!C7: kolumn Belopp: /,
    );
  });

  it('writes places as file:line, file:Sheet!Cell and file:#record', () => {
    const t = texts('sv');
    const at = (location: ConstructorParameters<typeof AvvikelseError>[2]) =>
      formatError(new AvvikelseError('CODE_EMPTY', {}, location), t);
    expect(at({ file: 'x.xlsx', sheet: 'Blad1', cell: 'B12', column: 'Vht' })).toBe(
      'avvikelse: fel: x.xlsx:Blad1!B12: kolumn Vht: koden är tom [CODE_EMPTY]\n',
    );
    expect(at({ file: 'x.se', record: 7 })).toBe('avvikelse: fel: x.se:#7: koden är tom [CODE_EMPTY]\n');
    expect(at({ file: 'finns-inte.csv', line: 3, column: 'Vht' })).toBe(
      'avvikelse: fel: finns-inte.csv:3: kolumn Vht: koden är tom [CODE_EMPTY]\n',
    );
    expect(at({ file: 'finns-inte.csv' })).toBe('avvikelse: fel: finns-inte.csv: koden är tom [CODE_EMPTY]\n');
  });
});
