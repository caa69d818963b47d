/**
 * Periods as ledger and BI exports write them (issue 11, item 7): month names with a year,
 * a year as an annual amount, year and month in two columns, year-end adjustment periods
 * 13–15 (into December, with a note), period 00 (the opening balance, left out with a note)
 * and months as columns in an utfall pivot. Each file below is shaped like a real export.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore, type Ore } from '../src/core/money.js';
import { monthIn, monthsOfYear } from '../src/core/periods.js';
import { latestYear, totalPerCode } from '../src/core/ledger.js';
import { periodIndex, periodKey } from '../src/read/csv/fast/bytes.js';
import { readLedger } from '../src/read/index.js';
import { combinePeriod, parsePeriod, readPeriod } from '../src/read/period.js';
import type { ReadSpec } from '../src/read/source.js';
import { cli, ledgerSpec } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-periods-'));
let n = 0;
function file(content: string, ext = 'csv'): string {
  const path = join(dir, `p${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
}
/** Reads a ledger on both routes (fast path and csv-parse), requires the same result, and returns it. */
async function read(content: string, over: Partial<ReadSpec> = {}) {
  const path = file(content);
  const spec = ledgerSpec(over);
  const fast = await readLedger(path, spec);
  const general = await readLedger(path, { ...spec, tuning: { ...spec.tuning, fastPath: false } });
  const strip = (l: typeof fast) => ({ totals: l.totals, names: l.names, rows: l.dataRows, signs: l.signs, asides: l.asides });
  expect(strip(fast)).toEqual(strip(general));
  return fast;
}
const byPeriod = (l: { totals: ReadonlyMap<string, ReadonlyMap<string, Ore>> }, code: string) =>
  Object.fromEntries(l.totals.get(code) ?? []);

describe('period texts', () => {
  it.each([
    ['januari 2024', '2024-01'],
    ['Januari 2024', '2024-01'],
    ['Jan 2024', '2024-01'],
    ['jan. 2024', '2024-01'],
    ['jan-24', '2024-01'],
    ['Jan-24', '2024-01'],
    ['maj-24', '2024-05'],
    ['okt 2024', '2024-10'],
    ['October 2024', '2024-10'],
    ['Sept 2024', '2024-09'],
    ['2024 januari', '2024-01'],
    ['2024-jan', '2024-01'],
    ['2024 Dec', '2024-12'],
    ['mars-2024', '2024-03'],
    ['DECEMBER 2024', '2024-12'],
    // Every form accepted before stays.
    ['2024-08', '2024-08'],
    ['202408', '2024-08'],
    ['2024-08-31', '2024-08'],
    ['2024M08', '2024-08'],
    ['2024-8', '2024-08'],
    ['2024/8/31', '2024-08'],
  ])('%j is the month %s', (text, month) => {
    expect(readPeriod(text)).toEqual({ kind: 'month', key: month });
    expect(parsePeriod(text)).toBe(month);
  });

  it('reads a year as an annual amount, periods 13–15 as December and 00 as the opening balance', () => {
    expect(readPeriod('2024')).toEqual({ kind: 'year', key: '2024' });
    expect(readPeriod('202413')).toEqual({ kind: 'adjustment', key: '2024-12' });
    expect(readPeriod('2024-14')).toEqual({ kind: 'adjustment', key: '2024-12' });
    expect(readPeriod('2024M15')).toEqual({ kind: 'adjustment', key: '2024-12' });
    expect(readPeriod('202400')).toEqual({ kind: 'opening', key: '2024' });
    expect(readPeriod('2024-00')).toEqual({ kind: 'opening', key: '2024' });
    // --period takes months only.
    for (const t of ['2024', '202413', '202400']) expect(parsePeriod(t)).toBeNull();
  });

  it.each([
    'jan 24', // a two-digit year only in Excel's mmm-yy form
    'jan24',
    '24-jan',
    'aug',
    'mej 2024',
    '2024-16',
    '2024-13-01', // a date has a month 1..12
    '202416',
    '5103', // a code in a mapped period column is not a year
    '24',
    '',
  ])('%j is no period', (text) => {
    expect(readPeriod(text)).toBeNull();
  });

  it('combines a year column and a month column', () => {
    expect(combinePeriod('2024', '8')).toEqual({ kind: 'month', key: '2024-08' });
    expect(combinePeriod(' 2024 ', '08')).toEqual({ kind: 'month', key: '2024-08' });
    expect(combinePeriod('2024', 'augusti')).toEqual({ kind: 'month', key: '2024-08' });
    expect(combinePeriod('2024', 'Aug')).toEqual({ kind: 'month', key: '2024-08' });
    expect(combinePeriod('2024', '13')).toEqual({ kind: 'adjustment', key: '2024-12' });
    expect(combinePeriod('2024', '0')).toEqual({ kind: 'opening', key: '2024' });
    expect(combinePeriod('2024', '202408')).toEqual({ kind: 'month', key: '2024-08' });
    expect(combinePeriod('2024', '202308')).toBeNull(); // another year than the year column's
    expect(combinePeriod('2024', '16')).toBeNull();
    expect(combinePeriod('24', '8')).toBeNull();
  });

  it('keeps a year key consistent in the report layer: an annual amount of its own year', () => {
    expect(monthIn('2024', 2024)).toBe(0);
    expect(monthIn('2023', 2024)).toBe(-1);
    const totals = new Map([
      [
        '51',
        new Map([
          ['2024', ore(1200n)],
          ['2024-03', ore(5n)],
          ['2023', ore(7n)],
        ]),
      ],
    ]);
    expect(monthsOfYear(totals, 2024).get('51')).toEqual([1200n, 0n, 0n, 5n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n]);
    expect(latestYear(new Map([['51', new Map([['2025', ore(1n)]])]]))).toBe('2025');
  });
});

describe('the byte twin periodIndex', () => {
  /** Period texts built from the pieces exports use, plus near misses. */
  const text = fc
    .tuple(
      fc.constantFrom('jan', 'Jan', 'JAN', 'januari', 'sept', 'September', 'okt', 'oct', 'maj', 'mej', 'ja', 'decembers', 'Å', 'mär'),
      fc.constantFrom('', '.'),
      fc.constantFrom(' ', '-', '', '  ', '\t', '/'),
      fc.constantFrom('2024', '24', '1999', '0024', '202', '20245', 'x4'),
      fc.boolean(),
    )
    .map(([name, dot, sep, year, yearFirst]) => (yearFirst ? `${year}${sep}${name}${dot}` : `${name}${dot}${sep}${year}`));
  const index = (t: string) => {
    const bytes = Buffer.from(t, 'utf8');
    return periodIndex(bytes, 0, bytes.length);
  };

  it('reads a month name as readPeriod does, or leaves the text to it', () => {
    let read = 0;
    fc.assert(
      fc.property(text, (t) => {
        const i = index(t);
        if (i >= 0) {
          read++;
          expect(readPeriod(t)).toEqual({ kind: 'month', key: periodKey(i) });
        }
      }),
      { numRuns: 2000 },
    );
    expect(read).toBeGreaterThan(100); // not vacuous
    expect(periodKey(index('jan-24'))).toBe('2024-01');
    expect(periodKey(index('2024 okt'))).toBe('2024-10');
    expect(periodKey(index('Sept. 2024'))).toBe('2024-09');
  });

  it('leaves years, periods 00 and 13–15 to the general consumer, which counts them', () => {
    for (const t of ['2024', '202400', '202413', '2024-14', '2024M15', 'jan 24', ' jan-24']) expect(index(t)).toBe(-1);
  });
});

describe('exports', () => {
  it('Unit4 (Agresso) browser export: period 00 left out, period 13 counted into December, both counted for the notes', async () => {
    const unit4 = [
      'Konto(T);Konto;Ansvar(T);Ansvar;Verksamhet(T);Verksamhet;Period;Belopp',
      'Löner;5011;Hemtjänst;4110;Hemtjänst;5101;202400;999999,00',
      'Löner;5011;Hemtjänst;4110;Hemtjänst;5101;202401;1000,00',
      'Avgifter;3110;Hemtjänst;4110;Hemtjänst;5101;202401;-250,00',
      'Löner;5011;Hemtjänst;4110;Hemtjänst;5101;202412;3000,00',
      'Löner;5011;Hemtjänst;4110;Hemtjänst;5101;202413;400,50',
      'Avgifter;3110;Hemtjänst;4110;Hemtjänst;5101;202413;-100,00',
      'Kapitaltjänst;7810;Särskilt boende;4120;Särskilt boende;5102;202400;-5,00',
      '',
    ].join('\r\n');
    const l = await read(unit4);
    expect(byPeriod(l, '5101')).toEqual({ '2024-01': 75_000n, '2024-12': 330_050n });
    expect(l.totals.has('5102')).toBe(false);
    expect(l.dataRows).toBe(5);
    expect(l.asides).toEqual({ opening: { rows: 2, amount: 99_999_400n }, adjustment: { rows: 2, amount: 30_050n } });

    const run = await cli(['report', '--utfall', file(unit4), '--budget', file('Verksamhet;Budget\n5101;5000\n'), '--unit', 'kr']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^51 .* 4 051 +5 000 +950$/m);
    expect(run.stderr).toContain('2 rader med period 00 (ingående balans), netto 999 994,00 kr, räknas inte med');
    expect(run.stderr).toContain('2 rader med period 13–15 (bokslutsperioder), netto 300,50 kr, räknas in i december');
  });

  it('keeps the input sign in the notes', async () => {
    const l = await read('Verksamhet;Period;Belopp\n5101;202400;-10\n5101;202413;4\n', { inputSign: 'revenue-positive' });
    expect(l.asides).toEqual({ opening: { rows: 1, amount: 1000n }, adjustment: { rows: 1, amount: -400n } });
  });

  it('Power BI export: År and Månad columns (numbers or names) make the period, and År is not taken as an amount', async () => {
    const pbi =
      '\ufeffÅr,Månad,Verksamhet,Konto,Utfall\n2024,1,5101,5011,1000\n2024,02,5101,5011,2000\n2024,augusti,5101,5011,500\n2024,13,5101,5011,9\n';
    const l = await read(pbi);
    expect(byPeriod(l, '5101')).toEqual({ '2024-01': 100_000n, '2024-02': 200_000n, '2024-08': 50_000n, '2024-12': 900n });
    expect(l.asides.adjustment.rows).toBe(1);
    // English headings, a Period column holding the month number.
    const en = await read('Year;Period;Activity;Amount\n2023;12;5101;7\n2024;1;5101;8\n');
    expect(byPeriod(en, '5101')).toEqual({ '2023-12': 700n, '2024-01': 800n });
    // A month column holding a whole period must agree with the year column, on both routes.
    const mixed = file('År;Period;Verksamhet;Belopp\n2023;2024-08;5101;1\n');
    for (const fastPath of [true, false]) {
      const spec = ledgerSpec();
      const err = await readLedger(mixed, { ...spec, tuning: { ...spec.tuning, fastPath } }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'PERIOD_INVALID', location: { line: 2, column: 'Period', value: '2024-08' } });
    }
  });

  it('combines two columns named by --col period=YEAR+MONTH', async () => {
    const l = await read('Bokf år;Bokf mån;Vht;Belopp\n2024;3;5101;1\n2024;okt;5101;2\n', { columns: { period: 'Bokf år+Bokf mån' } });
    expect(byPeriod(l, '5101')).toEqual({ '2024-03': 100n, '2024-10': 200n });
    const err = await read('Bokf år;Bokf mån;Vht;Belopp\n2024;3;5101;1\n', { columns: { period: 'Bokf år+Månad' } }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'COLUMN_UNKNOWN', params: { name: 'Månad', source: '--col period' } });
  });

  it('names the bad cell when year and month do not make a period', async () => {
    const bad = async (row: string) =>
      readLedger(file(`År;Månad;Verksamhet;Belopp\n${row}\n`), ledgerSpec()).catch(
        (e: unknown) => e as { code: string; location: unknown },
      );
    expect(await bad('2024;16;5101;1')).toMatchObject({ code: 'PERIOD_INVALID', location: { line: 2, column: 'Månad', value: '16' } });
    expect(await bad('24;8;5101;1')).toMatchObject({ code: 'PERIOD_INVALID', location: { line: 2, column: 'År', value: '24' } });
  });

  it('an År column alone is the period: each row an annual amount of its year', async () => {
    const l = await read('År;Verksamhet;Budget\n2024;5101;1200\n2025;5101;1300\n', { kind: 'budget' });
    expect(byPeriod(l, '5101')).toEqual({ '2024': 120_000n, '2025': 130_000n });
    // Without another amount column, År is still the annual amount, as before.
    const annual = await read('Verksamhet;År\n5101;1200\n', { kind: 'budget' });
    expect(byPeriod(annual, '5101')).toEqual({ '': 120_000n });
  });

  it('Excel UTF-8 export with month names in the period column', async () => {
    const excel =
      '\ufeffUtfall per månad;;\nPeriod;Verksamhet;Belopp\njanuari 2024;5101;100,50\nFeb 2024;5101;200\nmar-24;5101;300\n2024 april;5102;400\nmaj-24;5102;1 000,25\n';
    const l = await read(excel);
    expect(byPeriod(l, '5101')).toEqual({ '2024-01': 10_050n, '2024-02': 20_000n, '2024-03': 30_000n });
    expect(byPeriod(l, '5102')).toEqual({ '2024-04': 40_000n, '2024-05': 100_025n });
  });

  it('a Qlik pivot: utfall with months as columns, read like a wide budget', async () => {
    const months = 'Jan;Feb;Mar;Apr;Maj;Jun;Jul;Aug;Sep;Okt;Nov;Dec';
    const pivot = `Verksamhet;${months}\n5101;1;2;3;4;5;6;7;8;0;0;0;0\n5102;10;20;30;40;50;60;70;80;0;0;0;0\n`;
    const l = await read(pivot);
    expect(totalPerCode(l.totals).get('5101')).toEqual(3_600n);
    expect(l.totals.get('5101')?.get('M08')).toEqual(800n);
    // With a year in the headings or in an År column, the months are that year's.
    const dated = await read('Verksamhet;jan-24;feb-24;mar-24\n5101;1;2;3\n');
    expect(byPeriod(dated, '5101')).toEqual({ '2024-01': 100n, '2024-02': 200n, '2024-03': 300n });
    const withYear = await read('År;Verksamhet;Jan;Feb\n2023;5101;1;2\n2024;5101;3;4\n');
    expect(byPeriod(withYear, '5101')).toEqual({ '2023-01': 100n, '2023-02': 200n, '2024-01': 300n, '2024-02': 400n });

    // The monthly report: the months are the report year's, which --period names.
    const utfall = file(pivot);
    const budget = file('Verksamhet;Period;Budget\n5101;2024;120\n5102;2024;1200\n');
    const run = await cli(['report', '--utfall', utfall, '--budget', budget, '--period', '2024-08', '--unit', 'kr']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Utfall ack 36 + 360, budget ack 8/12 of the annual budgets.
    expect(run.stdout).toMatch(/^51 .* 1 320 +880 +396 +484 /m);
    const noYear = await cli(['report', '--utfall', utfall, '--budget', budget, '--prognos-metod', 'linjar']);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('[PERIOD_YEAR_MISSING]');
  });

  it('a year-only budget period is an annual amount: periodised in the monthly report, summed in the driftredovisning', async () => {
    const utfall = file('Period;Verksamhet;Belopp\n2024-01;5101;100\n2024-02;5101;100\n');
    const budget = file('Verksamhet;Period;Budget\n5101;2024;1200\n5101;2023;99999\n');
    const monthly = await cli(['report', '--utfall', utfall, '--budget', budget, '--period', '2024-02', '--unit', 'kr']);
    expect(monthly.code).toBe(0);
    // Budget helår 1 200 (2023 left out), budget ack 2/12 = 200, utfall ack 200.
    expect(monthly.stdout).toMatch(/^51 .* 1 200 +200 +200 +0 /m);
    const drift = await cli(['report', '--utfall', utfall, '--budget', file('Verksamhet;Period;Budget\n5101;2024;1200\n'), '--unit', 'kr']);
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain('Driftredovisning 2024, utfall januari–februari, kr');
    expect(drift.stdout).toMatch(/^51 .* 200 +1 200 +1 000$/m);
  });
});
