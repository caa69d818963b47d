/**
 * Excel workbooks in (issue 13, section 1): the .xlsx source reads a sheet through the same
 * record consumer as CSV, so the shipped ledger and the budget template give the same report
 * as workbooks as they do as CSV; number cells are read as the shortest decimal that
 * round-trips, date cells as periods, formula cells by their cached value, and every error is
 * placed at `file:Sheet!B12`.
 */
import { describe, expect, it } from 'vitest';
import { AvvikelseError } from '../src/errors.js';
import { readLedger, readRecords } from '../src/read/index.js';
import { dateText, isDateFormat, plainDecimal } from '../src/read/xlsx/workbook.js';
import { BUDGET, cli, ledgerSpec, UTFALL } from './helpers.js';
import { num, str, testWorkbook, workbookFile } from './xlsx-build.js';

const XU = 'fixtures/xlsx/utfall-2024.xlsx';
const MALL = 'fixtures/xlsx/budgetmall-2024-tkr.xlsx';
const MALL_CSV = 'fixtures/exports/excel-budgetmall-2024-tkr.csv';

/** A one-sheet workbook `Blad1` with these rows (raw `<row>` content by row number). */
function sheetFile(name: string, rows: string[], opts: Parameters<typeof testWorkbook>[1] = {}, sheet = 'Blad1'): string {
  const data = rows.map((cells, i) => `<row r="${i + 1}">${cells}</row>`).join('');
  return workbookFile(name, testWorkbook([{ name: sheet, data }], opts));
}

const HEADER = str('A1', 'Period') + str('B1', 'Verksamhet') + str('C1', 'Belopp');

/** The totals of a one-column ledger per verksamhet and period, as plain strings. */
async function totals(file: string, over: Parameters<typeof ledgerSpec>[0] = {}): Promise<Record<string, Record<string, string>>> {
  const l = await readLedger(file, ledgerSpec(over));
  return Object.fromEntries([...l.totals].map(([k, v]) => [k, Object.fromEntries([...v].map(([p, a]) => [p, String(a)]))]));
}

describe('the same ledger as CSV and as a workbook', () => {
  it('the shipped utfall as .xlsx (17-digit doubles, codes as numbers) gives the same report as the CSV, driftredovisning and monthly', async () => {
    for (const more of [[], ['--period', '2024-08', '--sub', '51']]) {
      const csv = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--format', 'json', '--exact', ...more]);
      const xlsx = await cli(['report', '--utfall', XU, '--budget', BUDGET, '--format', 'json', '--exact', ...more]);
      expect(csv.code).toBe(0);
      expect(xlsx).toEqual(csv);
    }
  });

  it('its second sheet is last year: --fg-ar-sheet reads it from the same workbook, as the CSV of 2023', async () => {
    const csv = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--fg-ar', 'fixtures/utfall-2023.csv', '--format', 'json']);
    const xlsx = await cli([
      'report',
      '--utfall',
      XU,
      '--budget',
      BUDGET,
      '--fg-ar',
      XU,
      '--fg-ar-sheet',
      'Utfall 2023',
      '--format',
      'json',
    ]);
    expect(csv.code).toBe(0);
    expect(xlsx).toEqual(csv);
  });

  it('the budget template as .xlsx (title rows, SUBTOTAL formulas with cached values, an instructions sheet first) gives the same report as its CSV', async () => {
    const args = ['--budget-col', 'belopp=Budget 2024 (tkr)', '--unit', 'kr', '--exact', '--format', 'json'];
    const csv = await cli(['report', '--utfall', UTFALL, '--budget', MALL_CSV, ...args]);
    const xlsx = await cli(['report', '--utfall', XU, '--budget', MALL, '--budget-sheet', 'Budget 2024', ...args]);
    expect(csv.code).toBe(0);
    expect(xlsx.stdout).toBe(csv.stdout);
    // The same notes (unit from the heading, totals rows checked and left out), the file's name aside.
    expect(xlsx.stderr).toBe(csv.stderr.replaceAll(MALL_CSV, MALL));
    expect(xlsx.stderr).toContain("rad 14 'Summa äldreomsorg'");
  });

  it('without --sheet the first visible sheet is read: the template stops at its instructions sheet, naming the cell', async () => {
    const run = await cli(['report', '--utfall', UTFALL, '--budget', MALL, '--budget-col', 'belopp=Budget 2024 (tkr)']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${MALL}:Anvisningar!A1:`);
  });
});

describe('numbers, dates and text in cells', () => {
  it('plainDecimal: the shortest round-trip decimal, without an exponent', () => {
    expect(plainDecimal(-6328.6499999999996)).toBe('-6328.65');
    expect(plainDecimal(83333.333333333299)).toBe('83333.3333333333');
    expect(plainDecimal(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-1.25e-7)).toBe('-0.000000125');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    expect(plainDecimal(123456789012345680000)).toBe('123456789012345680000');
    expect(plainDecimal(-0)).toBe('0');
  });

  it('a number cell is read as the shortest decimal that round-trips, exactly; one finer than an öre is kept exactly', async () => {
    const file = sheetFile('tal.xlsx', [
      HEADER,
      num('A2', '202408') + num('B2', '5101') + num('C2', '-6328.6499999999996'),
      num('A3', '202408') + num('B3', '5102') + num('C3', '1.5E3'),
      num('A4', '202408') + num('B4', '5103') + num('C4', '0.10000000000000001'),
    ]);
    expect(await totals(file)).toEqual({ '5101': { '2024-08': '-632865' }, '5102': { '2024-08': '150000' }, '5103': { '2024-08': '10' } });
    const fine = sheetFile('fint.xlsx', [HEADER, num('A2', '202408') + num('B2', '5101') + num('C2', '83333.333333333299')]);
    // 83333.333333333299 as a double is 83333.3333333333 in its shortest form: 8 333 333,33333333 öre, exactly.
    expect(await totals(fine)).toEqual({ '5101': { '2024-08': '8333333.33333333' } });
    // Three decimals in a number cell are decimals, never a thousands group (12,345 kr, not 12 345).
    const three = sheetFile('tre.xlsx', [HEADER, num('A2', '202408') + num('B2', '5101') + num('C2', '12.345')]);
    expect(await totals(three)).toEqual({ '5101': { '2024-08': '1234.5' } });
  });

  it('--decimal does not apply to number cells; text cells are read as CSV cells (comma, grouping, minus forms, parentheses)', async () => {
    const file = sheetFile('text.xlsx', [
      HEADER,
      num('A2', '202408') + num('B2', '5101') + num('C2', '1234.5'),
      num('A3', '202408') + num('B3', '5102') + str('C3', '−1 234,50'),
      num('A4', '202408') + num('B4', '5103') + str('C4', '(2 000)'),
    ]);
    const expected = { '5101': { '2024-08': '123450' }, '5102': { '2024-08': '-123450' }, '5103': { '2024-08': '-200000' } };
    expect(await totals(file)).toEqual(expected);
    expect(await totals(file, { dialect: { encoding: 'auto', delimiter: 'auto', decimal: ',' } })).toEqual(expected);
  });

  it('date cells become periods: built-in and custom date formats, ISO date cells, the 1904 system', async () => {
    expect(dateText(45535, false)).toBe('2024-08-31');
    expect(dateText(45535.75, false)).toBe('2024-08-31');
    expect(dateText(44073, true)).toBe('2024-08-31');
    expect(isDateFormat('mmm\\ yy')).toBe(true);
    expect(isDateFormat('[$-41D]mmmm yyyy;@')).toBe(true);
    expect(isDateFormat('_-* #,##0\\ "kr"_-;\\-* #,##0\\ "kr"_-')).toBe(false);
    expect(isDateFormat('#,##0;[Red]\\-#,##0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    const styles = ['<xf numFmtId="14"/>', '<xf numFmtId="165"/>', '<xf numFmtId="3"/>'];
    const numFmts = '<numFmts><numFmt numFmtId="165" formatCode="mmm\\ yy"/></numFmts>';
    const file = sheetFile(
      'datum.xlsx',
      [
        HEADER,
        num('A2', '45535', 1) + num('B2', '5101') + num('C2', '100', 3),
        num('A3', '45292', 2) + num('B3', '5101') + num('C3', '200', 3),
        '<c r="A4" t="d"><v>2024-03-15T00:00:00</v></c>' + num('B4', '5101') + num('C4', '300'),
      ],
      { styles, numFmts },
    );
    expect(await totals(file)).toEqual({ '5101': { '2024-08': '10000', '2024-01': '20000', '2024-03': '30000' } });
    const mac = sheetFile('mac.xlsx', [HEADER, num('A2', '44073', 1) + num('B2', '5101') + num('C2', '1')], { styles, date1904: true });
    expect(await totals(mac)).toEqual({ '5101': { '2024-08': '100' } });
    // A number in a date format that is no Excel date (negative, beyond 9999) stays a number: a clear error at its cell, never a crash.
    const odd = sheetFile('udda-datum.xlsx', [HEADER, num('A2', '-99974432', 1) + num('B2', '5101') + num('C2', '1')], { styles });
    await expect(readLedger(odd, ledgerSpec())).rejects.toMatchObject({
      code: 'PERIOD_INVALID',
      location: { file: odd, sheet: 'Blad1', cell: 'A2', value: '-99974432' },
    });
  });

  it('shared strings (rich text runs joined, phonetic runs left out, _x000D_ decoded), a prefixed namespace, codes with leading zeros as text', async () => {
    const strings = [
      '<x:si><x:t>Period</x:t></x:si>',
      '<x:si><x:r><x:t>Verk</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>samhet</x:t></x:r><x:rPh><x:t>x</x:t></x:rPh></x:si>',
      '<x:si><x:t>Belopp</x:t></x:si>',
      '<x:si><x:t>0410</x:t></x:si>',
      '<x:si><x:t>Vht_x000D_namn</x:t></x:si>',
      '<x:si><x:t xml:space="preserve">Äldre &amp; omsorg</x:t></x:si>',
    ];
    const s = (ref: string, i: number) => `<x:c r="${ref}" t="s"><x:v>${i}</x:v></x:c>`;
    const xnum = (ref: string, v: string) => `<x:c r="${ref}"><x:v>${v}</x:v></x:c>`;
    const data =
      `<x:row r="1">${s('A1', 0)}${s('B1', 1)}${s('C1', 2)}${s('D1', 4)}</x:row>` +
      `<x:row r="2">${xnum('A2', '202408')}${s('B2', 3)}${xnum('C2', '12.5')}${s('D2', 5)}</x:row>`;
    const file = workbookFile('prefix.xlsx', testWorkbook([{ name: 'Data', data }], { strings, prefix: 'x:' }));
    expect(await totals(file)).toEqual({ '0410': { '2024-08': '1250' } });
    expect((await readRecords(file)).map((r) => r.cells)).toEqual([
      ['Period', 'Verksamhet', 'Belopp', 'Vht\rnamn'],
      ['202408', '0410', '12.5', 'Äldre & omsorg'],
    ]);
  });

  it('formula cells give their cached value; an error value in an amount cell is AMOUNT_INVALID at its cell', async () => {
    const file = sheetFile('formler.xlsx', [
      HEADER,
      num('A2', '202408') + num('B2', '5101') + '<c r="C2"><f>100*12</f><v>1200</v></c>',
      num('A3', '202408') + '<c r="B3" t="str"><f>TEXT(5102,"0")</f><v>5102</v></c>' + '<c r="C3"><f t="shared" si="0"/><v>7</v></c>',
    ]);
    expect(await totals(file)).toEqual({ '5101': { '2024-08': '120000' }, '5102': { '2024-08': '700' } });
    const bad = sheetFile('na.xlsx', [
      HEADER,
      num('A2', '202408') + num('B2', '5101') + '<c r="C2" t="e"><f>VLOOKUP(1,X:Y,2,0)</f><v>#N/A</v></c>',
    ]);
    await expect(readLedger(bad, ledgerSpec())).rejects.toMatchObject({
      code: 'AMOUNT_INVALID',
      location: { file: bad, sheet: 'Blad1', cell: 'C2', column: 'Belopp', value: '#N/A' },
    });
  });

  it('a formula without a cached value is FORMULA_UNCACHED at its cell, never an empty cell', async () => {
    const file = sheetFile('utan.xlsx', [HEADER, num('A2', '202408') + num('B2', '5101') + '<c r="C2"><f>SUM(D1:D9)</f></c>']);
    await expect(readLedger(file, ledgerSpec())).rejects.toEqual(
      new AvvikelseError('FORMULA_UNCACHED', { formula: 'SUM(D1:D9)' }, { file, sheet: 'Blad1', cell: 'C2', value: '=SUM(D1:D9)' }),
    );
  });

  it('the first visible sheet by default, --sheet in any case; columns left of the table are left out and places keep their letters', async () => {
    const hidden = { name: 'Dold', state: 'hidden' as const, data: `<row r="1">${str('A1', 'x')}</row>` };
    const data =
      `<row r="2">${str('B2', 'Utfall augusti')}</row>` +
      `<row r="4">${str('B4', 'Period')}${str('C4', 'Verksamhet')}${str('D4', 'Belopp')}</row>` +
      `<row r="5">${num('B5', '202408')}${num('C5', '5101')}${num('D5', '10')}</row>` +
      `<row r="6">${num('B6', '202408')}${num('C6', '5101')}${str('D6', 'tio')}</row>`;
    const file = workbookFile('blad.xlsx', testWorkbook([hidden, { name: 'Utfall', data }]));
    const err = { code: 'AMOUNT_INVALID', location: { file, sheet: 'Utfall', cell: 'D6', column: 'Belopp', value: 'tio' } };
    await expect(readLedger(file, ledgerSpec())).rejects.toMatchObject(err);
    await expect(readLedger(file, ledgerSpec({ sheet: 'UTFALL' }))).rejects.toMatchObject(err);
    await expect(readLedger(file, ledgerSpec({ sheet: 'Budget' }))).rejects.toEqual(
      new AvvikelseError('SHEET_NOT_FOUND', { sheet: 'Budget', sheets: 'Dold, Utfall' }, { file }),
    );
    const run = await cli(['report', '--utfall', file, '--budget', BUDGET]);
    expect(run.stderr).toBe(
      `avvikelse: fel: ${file}:Utfall!D6: kolumn Belopp: "tio" är inte ett belopp (till exempel -1 234,50) [AMOUNT_INVALID]\n` +
        '  6 | 202408;5101;tio\n' +
        '    |             ^^^\n',
    );
  });

  it('a part read whole larger than 256 MiB unpacked (as the zip states it) is WORKBOOK_INVALID before it is unpacked; a sheet whose size is not the stated one is too', async () => {
    const patched = (part: string, size: number): string => {
      const bytes = testWorkbook([{ name: 'Blad1', data: `<row r="1">${HEADER}</row>` }]);
      // Patch the part's uncompressed size in the zip's central directory.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i + 46 < bytes.length; i++) {
        if (view.getUint32(i, true) !== 0x02014b50) continue;
        const name = Buffer.from(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))).toString();
        if (name === part) view.setUint32(i + 24, size, true);
      }
      return workbookFile('stor.xlsx', bytes);
    };
    let file = patched('xl/sharedStrings.xml', 300 * 1024 * 1024);
    await expect(readLedger(file, ledgerSpec())).rejects.toEqual(
      new AvvikelseError(
        'WORKBOOK_INVALID',
        { reason: 'xl/sharedStrings.xml is larger than 256 MiB unpacked; save the sheet as CSV' },
        { file },
      ),
    );
    file = patched('xl/worksheets/sheet1.xml', 300 * 1024 * 1024);
    await expect(readLedger(file, ledgerSpec())).rejects.toEqual(
      new AvvikelseError(
        'WORKBOOK_INVALID',
        { reason: 'zip: xl/worksheets/sheet1.xml unpacks to 283 bytes, not the 314572800 the zip states' },
        { file },
      ),
    );
  });

  it('a totals row that does not match is TOTALS_ROW_MISMATCH at its amount cell', async () => {
    const file = sheetFile('summa.xlsx', [
      str('A1', 'Verksamhet') + str('B1', 'Budget'),
      num('A2', '5101') + num('B2', '100'),
      num('A3', '5102') + num('B3', '200'),
      str('A4', 'Summa') + '<c r="B4"><f>SUM(B2:B3)+1</f><v>301</v></c>',
    ]);
    await expect(readLedger(file, ledgerSpec({ kind: 'budget' }))).rejects.toMatchObject({
      code: 'TOTALS_ROW_MISMATCH',
      location: { file, sheet: 'Blad1', cell: 'B4', value: '301' },
    });
  });

  it('small files may be workbooks too: names from the first sheet', async () => {
    const names = sheetFile('namn.xlsx', [str('A1', 'Verksamhet') + str('B1', 'Namn'), num('A2', '5103') + str('B2', 'Larm i hemmet')]);
    const run = await cli(['report', '--utfall', UTFALL, '--budget', 'test/errors/budget-no-names.csv', '--sub', '51', '--names', names]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5103 Larm i hemmet');
  });
});
