import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { totalPerCode } from '../src/core/ledger.js';
import { sniffDelimiter, sniffEncoding, firstInvalidUtf8 } from '../src/read/csv/dialect.js';
import { readLedger } from '../src/read/index.js';
import type { ReadSpec } from '../src/read/source.js';
import { ledgerSpec } from './helpers.js';

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
    expect(totalPerCode(r.totals).get('5101')).toBe(-123_450n);
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
    expect(totalPerCode(r.totals).get('5101')).toBe(500_000n);
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', async () => {
    const r = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Vht\tNamn\tBelopp\n5101\tÅr\t10\n', 'utf16le')]));
    expect(r.delimiter).toBe('\t');
    expect(r.names.get('5101')).toBe('År');
  });

  it('fails with the line when the file is declared UTF-8 but is not', async () => {
    const path = file(iconv.encode('Vht;Belopp\n5101;1\n5102;å\n', 'win1252'));
    await expect(readLedger(path, ledgerSpec({ dialect: { encoding: 'utf-8', delimiter: 'auto', decimal: 'auto' } }))).rejects.toMatchObject({
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
    expect(t.get('5101')).toBe(124_450n);
  });

  it('reads quoted fields with line breaks', async () => {
    const r = await read('Vht;Namn;Belopp\n5101;"rad ett\nrad två";5\n5102;b;7\n');
    expect(r.names.get('5101')).toBe('rad ett\nrad två');
    expect(totalPerCode(r.totals).get('5102')).toBe(700n);
  });

  it('skips title lines above the header and blank lines', async () => {
    const t = await totals('Sjöviks kommun;;\nUtfall 2024;;\n\nVerksamhet;Konto;Belopp\n5101;5011;100\n;;\n5101;5011;1\n');
    expect(t.get('5101')).toBe(10_100n);
  });

  it('accepts trailing empty fields, as Excel writes them', async () => {
    expect((await totals('Vht;Belopp\n5101;1;;\n')).get('5101')).toBe(100n);
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
    expect(t.get('51')).toBe(500n);
  });

  it('maps columns explicitly', async () => {
    const t = await totals('Verks;Summa kr\n5101;1\n', { columns: { verksamhet: 'Verks', belopp: 'Summa kr' } });
    expect(t.get('5101')).toBe(100n);
  });

  it('picks the column named like the file kind when a file has both Utfall and Budget', async () => {
    const content = 'Vht;Utfall;Budget\n5101;1;2\n';
    expect((await totals(content, { kind: 'utfall' })).get('5101')).toBe(100n);
    expect((await totals(content, { kind: 'budget' })).get('5101')).toBe(200n);
  });

  it('reads a budget with one column per month', async () => {
    const r = await read('Vht;Jan;Feb;Mar;Apr;Maj;Jun;Jul;Aug;Sep;Okt;Nov;Dec\n5101;1;1;1;1;1;1;1;1;1;1;1;2\n', { kind: 'budget' });
    expect(r.totals.get('5101')?.get('M12')).toBe(200n);
    expect(totalPerCode(r.totals).get('5101')).toBe(1_300n);
  });

  it('groups by another dimension, including a column that is not a known role', async () => {
    const content = 'Vht;Ansvar;Kostnadsställe;Belopp\n5101;41;K1;1\n5102;41;K2;2\n5102;42;K2;4\n';
    expect(await totals(content, { groupBy: 'ansvar' })).toEqual(new Map([['41', 300n], ['42', 400n]]));
    expect(await totals(content, { groupBy: 'kostnadsställe' })).toEqual(new Map([['K1', 100n], ['K2', 600n]]));
  });

  it('filters by glob, with != for exclusion', async () => {
    const content = 'Vht;Ansvar;Konto;Belopp\n5101;4110;5011;1\n5101;4210;5011;2\n5101;4110;8011;4\n';
    expect((await totals(content, { where: [{ dimension: 'ansvar', glob: '41*', negate: false }] })).get('5101')).toBe(500n);
    expect(
      (await totals(content, {
        where: [
          { dimension: 'ansvar', glob: '41*', negate: false },
          { dimension: 'konto', glob: '8*', negate: true },
        ],
      })).get('5101'),
    ).toBe(100n);
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
    expect(t.get('5101')).toBe(10_000n);
  });

  it('converts tkr and mnkr input exactly', async () => {
    expect((await totals('Vht;Belopp\n5101;1,23456\n', { inputUnit: 'tkr' })).get('5101')).toBe(123_456n);
    expect((await totals('Vht;Belopp\n5101;-0,5\n', { inputUnit: 'mnkr' })).get('5101')).toBe(-50_000_000n);
  });

  it('collects evidence of reversed signs from konto classes', async () => {
    const r = await read('Vht;Konto;Belopp\n5101;3110;100\n5101;5011;-50\n5101;4010;20\n');
    expect(r.signs).toEqual({ revenuePositive: 1, revenueNegative: 0, costPositive: 1, costNegative: 1 });
  });
});
