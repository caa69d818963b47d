/**
 * Totals rows and columns, units from headings, and the unit plausibility warning (issue 11,
 * items 2 and 3): on small files shaped like real exports — a Raindance report text with
 * `Urval:` lines, subtotal rows and a `Totalt` row; an Excel budget template in tkr with
 * subtotal rows and parentheses; a Qlik pivot with months as columns and a `Totalt` column
 * and row — through both routes of the CSV reader and through the CLI.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sum, type Ore } from '../src/core/money.js';
import { AvvikelseError } from '../src/errors.js';
import { headingUnit, isTotalsLabel } from '../src/read/columns.js';
import { readLedger } from '../src/read/index.js';
import type { ReadSpec } from '../src/read/source.js';
import { cli, ledgerSpec, UTFALL } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-totals-'));
let n = 0;
function file(text: string, name = `t${n++}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Reads a ledger on both routes; both must agree (the fast path falls back on a totals row). */
async function read(path: string, over: Partial<ReadSpec> = {}) {
  const spec = ledgerSpec(over);
  const fast = await readLedger(path, spec);
  const general = await readLedger(path, { ...spec, tuning: { ...spec.tuning, fastPath: false } });
  const strip = ({ totals, names, dataRows, signs, notes }: typeof fast) => ({ totals, names, dataRows, signs, notes });
  expect(strip(fast)).toEqual(strip(general));
  return fast;
}

async function failure(path: string, over: Partial<ReadSpec> = {}): Promise<AvvikelseError> {
  const spec = ledgerSpec(over);
  const errors = await Promise.all(
    [true, false].map((fastPath) => readLedger(path, { ...spec, tuning: { ...spec.tuning, fastPath } }).catch((e: unknown) => e)),
  );
  expect(errors[0]).toBeInstanceOf(AvvikelseError);
  expect(errors[0]).toEqual(errors[1]);
  return errors[0] as AvvikelseError;
}

const perCode = (totals: ReadonlyMap<string, ReadonlyMap<string, Ore>>) =>
  Object.fromEntries([...totals].map(([code, ps]) => [code, sum(ps.values())]));

/** A Raindance report text: title and `Urval:` lines, rows per ansvar, `Summa 41x0` after each, `Totalt` last. */
const RAINDANCE = [
  'Sjöviks kommun – utfall per ansvar, januari–augusti 2024',
  'Urval: Period 202401-202408',
  'Urval: Ansvar 41*',
  '',
  'Period;Ansvar;Verksamhet;Konto;Belopp',
  '202401;4110;5101;4540;12 345,00',
  '202402;4110;5102;4540;1 000,50',
  ';Summa 4110;;;13 345,50',
  '202401;4120;5101;5011;2 000,00',
  '202403;4120;5103;3110;-500,00',
  ';Summa 4120;;;1 500,00',
  ';Summa 41;;;14 845,50',
  ';Totalt;;;14 845,50',
  '',
].join('\n');

describe('totals rows', () => {
  it('recognises the labels of totals rows, not words that start like them', () => {
    for (const t of ['Summa 4100', 'Summa', 'SUMMA:', 'Totalt', ' Total ', 'Totalsumma', 'Delsumma äldreomsorg', 'Subtotal'])
      expect(isTotalsLabel(t), t).toBe(true);
    for (const t of ['Totalförsvar', 'Summering', '5101', 'Hemtjänst', '', 'Delsummor']) expect(isTotalsLabel(t), t).toBe(false);
  });

  it('leaves out subtotal and total rows of a Raindance report that match, with a note naming their lines', async () => {
    const l = await read(file(RAINDANCE));
    expect(perCode(l.totals)).toEqual({ '5101': 1_434_500n, '5102': 100_050n, '5103': -50_000n });
    expect(l.dataRows).toBe(4);
    expect(l.reader).toBe('csv-parse');
    expect(l.notes).toEqual([
      { kind: 'totalsRows', positions: [8, 11, 12, 13], labels: ['Summa 4110', 'Summa 4120', 'Summa 41', 'Totalt'] },
    ]);
  });

  it('never counts a Totalt row in the code column as a verksamhet (it used to double the Summa)', async () => {
    const l = await read(file('Vht;Belopp\n5101;100\n5102;250,50\nTotalt;350,50\n'));
    expect(perCode(l.totals)).toEqual({ '5101': 10_000n, '5102': 25_050n });
    expect(l.notes).toEqual([{ kind: 'totalsRows', positions: [4], labels: ['Totalt'] }]);
  });

  it('stops with the line, the row, the expected and the found amount when a totals row does not match', async () => {
    const e = await failure(file(RAINDANCE.replace(';Summa 4120;;;1 500,00', ';Summa 4120;;;1 400,00')));
    expect(e.code).toBe('TOTALS_ROW_MISMATCH');
    expect(e.params).toMatchObject({ label: 'Summa 4120', found: '140000', expected: '150000', basis: 'since' });
    expect(e.location).toMatchObject({ line: 11, column: 'Belopp', value: '1 400,00' });
    // A grand total is checked against every data row, exactly: one öre off is an error.
    const g = await failure(file('Vht;Belopp\n5101;100\n5102;250,50\nTotalt;350,49\n'));
    expect(g.params).toMatchObject({ label: 'Totalt', found: '35049', expected: '35050', basis: 'all' });
    expect(g.location).toMatchObject({ line: 4 });
  });

  it('checks a total above the data rows (Qlik with totals on top) against all of them at the end', async () => {
    const l = await read(file('Vht;Belopp\nTotalt;350\n5101;100\n5102;250\n'));
    expect(perCode(l.totals)).toEqual({ '5101': 10_000n, '5102': 25_000n });
    expect((await failure(file('Vht;Belopp\nTotalt;351\n5101;100\n5102;250\n'))).location).toMatchObject({ line: 2 });
  });

  it('counts rows --where leaves out towards the totals rows, which cover the whole file', async () => {
    const l = await read(file(RAINDANCE), { where: [{ dimension: 'ansvar', glob: '4110', negate: false }] });
    expect(perCode(l.totals)).toEqual({ '5101': 1_234_500n, '5102': 100_050n });
  });

  it('keeps a named row whose name starts like a label when it has a code', async () => {
    const l = await read(file('Vht;Namn;Belopp\n5101;Total kvalitetsledning;100\n5102;Hemtjänst;1\n'));
    expect(perCode(l.totals)).toEqual({ '5101': 10_000n, '5102': 100n });
    expect(l.notes).toEqual([]);
  });
});

/** An Excel budget template in tkr: title lines, the unit in the heading, Delsumma rows, a Summa row, parentheses. */
const TEMPLATE = [
  'Budget 2024 Socialnämnden;;',
  ';;',
  'Verksamhet;Benämning;Budget 2024 (tkr)',
  '5101;Hemtjänst;12 500',
  '5102;Särskilt boende;8 300,5',
  'Delsumma äldreomsorg;;20 800,5',
  '5201;LSS-boende;4 200',
  '5202;Daglig verksamhet, intäkter;(150)',
  'Delsumma funktionsstöd;;4 050',
  'Summa nämnden;;24 850,5',
  '',
].join('\n');

describe('an Excel budget template in tkr', () => {
  it('reads the unit from the heading, leaves out Delsumma and Summa rows that match', async () => {
    const l = await read(file(TEMPLATE), { kind: 'budget' });
    expect(perCode(l.totals)).toEqual({ '5101': 1_250_000_000n, '5102': 830_050_000n, '5201': 420_000_000n, '5202': -15_000_000n });
    expect(l.notes).toEqual([
      { kind: 'headingUnit', heading: 'Budget 2024 (tkr)', unit: 'tkr', applied: true, given: 'kr' },
      { kind: 'totalsRows', positions: [6, 9, 10], labels: ['Delsumma äldreomsorg', 'Delsumma funktionsstöd', 'Summa nämnden'] },
    ]);
  });

  it('reports a Delsumma that does not match in the file unit, exactly', async () => {
    const e = await failure(file(TEMPLATE.replace('Delsumma funktionsstöd;;4 050', 'Delsumma funktionsstöd;;4 350')), { kind: 'budget' });
    expect(e.params).toMatchObject({ label: 'Delsumma funktionsstöd', found: '435000000', expected: '405000000', unit: 'tkr', exp: 5 });
  });

  it('keeps an explicit input unit over the heading, and says that they differ', async () => {
    const l = await read(file(TEMPLATE), { kind: 'budget', inputUnit: 'kr', inputUnitGiven: true });
    expect(perCode(l.totals)['5101']).toEqual(1_250_000n);
    expect(l.notes[0]).toEqual({ kind: 'headingUnit', heading: 'Budget 2024 (tkr)', unit: 'tkr', applied: false, given: 'kr' });
  });
});

describe('units from headings', () => {
  it('finds the unit an amount heading states', () => {
    expect(headingUnit('Budget 2024 (tkr)')).toEqual({ unit: 'tkr', rest: 'Budget 2024' });
    expect(headingUnit('Belopp, mnkr')).toEqual({ unit: 'mnkr', rest: 'Belopp' });
    expect(headingUnit('Mkr')).toEqual({ unit: 'mnkr', rest: '' });
    expect(headingUnit('Utfall (kr)')).toEqual({ unit: 'kr', rest: 'Utfall' });
    expect(headingUnit('Utfall i tkr')).toEqual({ unit: 'tkr', rest: 'Utfall' });
    expect(headingUnit('Amount [SEK]')).toEqual({ unit: 'kr', rest: 'Amount' });
    for (const h of ['Belopp', 'Konto', 'Verksamhet', 'Kronoberg', 'Budget 2024']) expect(headingUnit(h), h).toBeNull();
  });

  it('reads amounts in the unit of the heading: mnkr, Mkr, and kr the same as the default', async () => {
    expect(perCode((await read(file('Vht;Belopp, mnkr\n5101;1,23456789\n'))).totals)).toEqual({ '5101': 123_456_789n });
    const mkr = await read(file('Vht;Mkr\n5101;2,5\n'));
    expect(perCode(mkr.totals)).toEqual({ '5101': 250_000_000n });
    const kr = await read(file('Vht;Utfall (kr)\n5101;2,5\n'));
    expect(perCode(kr.totals)).toEqual({ '5101': 250n });
    expect(kr.notes).toEqual([]);
  });
});

/** A Qlik pivot: months as columns, a Totalt column, a Totalt row. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
function pivot(rows: [string, string, number[]][], total = (ms: number[]) => ms.reduce((a, b) => a + b, 0)): string {
  const lines = [['Verksamhet', 'Verksamhetsnamn', ...MONTHS, 'Totalt'].join(';')];
  for (const [code, name, ms] of rows) lines.push([code, name, ...ms.map(String), String(total(ms))].join(';'));
  const sums = MONTHS.map((_, i) => rows.reduce((a, [, , ms]) => a + (ms[i] as number), 0));
  lines.push(['Totalt', '', ...sums.map(String), String(sums.reduce((a, b) => a + b, 0))].join(';'));
  return `${lines.join('\n')}\n`;
}

describe('a Qlik pivot with months as columns and a Totalt column and row', () => {
  const rows: [string, string, number[]][] = [
    ['5101', 'Hemtjänst', [100, 110, 120, 130, 140, 150, 160, 170, 0, 0, 0, 0]],
    ['5102', 'Särskilt boende', [200, 200, 200, 200, 200, 200, 200, 200, 0, 0, 0, 0]],
  ];

  it('sums the months only, checks the Totalt column per row and the Totalt row per month', async () => {
    const l = await read(file(pivot(rows)));
    expect(perCode(l.totals)).toEqual({ '5101': 108_000n, '5102': 160_000n });
    expect(l.totals.get('5101')?.get('M02')).toEqual(11_000n);
    expect(l.notes).toEqual([
      { kind: 'totalsRows', positions: [4], labels: ['Totalt'] },
      { kind: 'totalsColumn', column: 'Totalt', rows: 2, differs: [], differing: 0 },
    ]);
  });

  it('warns (no error) where the Totalt column differs from the months by more than rounding', async () => {
    // Rounded month cells: a total within half a unit per month of their sum is rounding.
    const l = await read(file(pivot(rows, (ms) => ms.reduce((a, b) => a + b, 0) + (ms[0] === 100 ? 6 : 7))));
    expect(l.notes[1]).toEqual({ kind: 'totalsColumn', column: 'Totalt', rows: 2, differs: [3], differing: 1 });
    expect(perCode(l.totals)).toEqual({ '5101': 108_000n, '5102': 160_000n });
  });

  it('stops when the Totalt row does not match a month', async () => {
    const text = pivot(rows).replace(/\nTotalt;;300;/, '\nTotalt;;301;');
    const e = await failure(file(text));
    expect(e).toMatchObject({ code: 'TOTALS_ROW_MISMATCH', location: { line: 4, column: 'jan', value: '301' } });
  });
});

describe('in a report (CLI)', () => {
  it('prints the notes in Swedish and English', async () => {
    const utfall = file(RAINDANCE, 'raindance.txt');
    const budget = file(TEMPLATE, 'budgetmall.csv');
    const sv = await cli(['report', '--utfall', utfall, '--budget', budget, '--level', '4', '--unit', 'kr']);
    expect(sv.code).toBe(0);
    expect(sv.stderr).toContain(
      `${utfall}: summaraderna rad 8 'Summa 4110', rad 11 'Summa 4120', rad 12 'Summa 41', rad 13 'Totalt' stämmer och räknas inte med`,
    );
    expect(sv.stderr).toContain(`${budget}: rubriken 'Budget 2024 (tkr)' anger tkr; beloppen läses i tkr`);
    // The budget in tkr against an utfall of a few thousand kr: a factor over 300.
    expect(sv.stderr).toContain('totalen för budget är omkring');
    const en = await cli([
      'report',
      '--utfall',
      file('Vht;Belopp\n5101;100\nTotalt;100\n'),
      '--budget',
      file('Vht;Belopp\n5101;100\n'),
      '--lang',
      'en',
    ]);
    expect(en.stderr).toMatch(/line 3: the total row 'Totalt' matches and is not counted/);
  });

  it('warns when utfall and budget differ by a factor of 300 or more, naming the option', async () => {
    const budget = file('Verksamhet;Budget\n51;1 900\n52;1 200\n55;600\n56;400\n');
    const r = await cli(['report', '--utfall', UTFALL, '--budget', budget]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/varning: totalen för utfall är omkring \d+ gånger totalen för budget: .*--budget-unit tkr/);
    const fine = await cli(['report', '--utfall', UTFALL, '--budget', budget, '--input-unit', 'tkr']);
    // --input-unit applies to both files here, so the factor stays; the per-input option is the fix.
    expect(fine.stderr).toMatch(/totalen för utfall/);
  });

  it('warns when --input-unit conflicts with the unit a heading states, and uses the option', async () => {
    const r = await cli([
      'report',
      '--utfall',
      file('Vht;Utfall (kr)\n5101;2500\n'),
      '--budget',
      file('Vht;Budget\n5101;2\n'),
      '--input-unit',
      'tkr',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/rubriken 'Utfall \(kr\)' anger kr, men enheten tkr är angiven och används/);
  });
});
