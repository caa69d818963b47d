/**
 * What a report covers (issue 11, silent wrong numbers 3 and 4), on the shipped ledger
 * reshaped as real exports come: eight months of utfall against a full-year budget without
 * `--period`; December of last year in this year's file; a KF budget stored with every row
 * dated 2024-01-01. Numbers are compared with runs whose inputs need no such rule.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ore } from '../src/core/money.js';
import { hasAnnual, inYear, monthsCovered, reachesBeyond } from '../src/report/coverage.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-coverage-'));
const latin1 = readFileSync(UTFALL, 'latin1');
const lines = latin1.split('\r\n');
/** The utfall export with only the rows whose period passes `keep` (title and header kept). */
function utfallWith(name: string, keep: (period: string) => boolean, extra: string[] = []): string {
  const file = join(dir, name);
  const body = lines.filter((l, i) => i < 2 || (l !== '' && keep(l.slice(0, 6))));
  writeFileSync(file, [...body, ...extra, ''].join('\r\n'), 'latin1');
  return file;
}
/** The budget export with a period column in front, every row carrying `date` (as ledger systems store the KF budget). */
function budgetDated(name: string, date: (row: number) => string): string {
  const rows = readFileSync(BUDGET, 'utf8').trimEnd().split('\n');
  const file = join(dir, name);
  writeFileSync(file, rows.map((r, i) => (i === 0 ? `Period,${r}` : `${date(i)},${r}`)).join('\n') + '\n', 'utf8');
  return file;
}

const JAN_AUG = utfallWith('utfall-jan-aug.csv', (p) => p <= '202408');
const WITH_DEC_2023 = utfallWith('utfall-med-dec-2023.csv', () => true, ['202312;4110;100;5011;1 234,50', '202312;4120;5102;5011;-100,25']);
const BUDGET_DATED = budgetDated('budget-daterad.csv', () => '2024-01-01');

type Json = { tables: { title: string; rows: Record<string, string | null>[]; summa: Record<string, string | null> }[] };
async function json(args: string[]): Promise<{ doc: Json; stderr: string }> {
  const run = await cli(['report', ...args, '--exact', '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return { doc: JSON.parse(run.stdout) as Json, stderr: run.stderr };
}
const withoutTitles = (doc: Json) => doc.tables.map(({ rows, summa }) => ({ rows, summa }));

describe('a driftredovisning of part of a year', () => {
  it('says which months the utfall covers and that a full-year budget is set against them; the numbers are unchanged', async () => {
    const run = await cli(['report', '--utfall', JAN_AUG, '--budget', BUDGET]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Driftredovisning 2024, utfall januari–augusti, tkr');
    expect(run.stderr).toBe(
      'avvikelse: varning: utfallet gäller bara januari–augusti 2024 men budgeten hela året; jämför med budget ack med --period 2024-08\n',
    );
    const en = await cli(['report', '--utfall', JAN_AUG, '--budget', BUDGET, '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toBe('Operating statement 2024, actuals January–August, tkr');
    expect(en.stderr).toContain('--period 2024-08');

    // Utfall = utfall ack and Budget = budget helår of the monthly report per 31 augusti, to the öre.
    const drift = (await json(['--utfall', JAN_AUG, '--budget', BUDGET])).doc.tables[0]!;
    const manad = (await json(['--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08'])).doc.tables[0]!;
    expect(drift.rows.map((r) => [r.kod, r.utfall, r.budget])).toEqual(manad.rows.map((r) => [r.kod, r.utfall_ack, r.budget_helar]));
    expect([drift.summa.utfall, drift.summa.budget]).toEqual([manad.summa.utfall_ack, manad.summa.budget_helar]);
  });

  it('says nothing of coverage when the utfall covers the whole year', async () => {
    const run = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET]);
    expect(run.stdout.split('\n')[0]).toBe('Driftredovisning 2024, tkr');
    expect(run.stderr).toBe('');
  });

  it('names the months without a warning when the budget covers the same months', async () => {
    const months = budgetDated('budget-jan-aug.csv', (i) => `2024-0${(i % 8) + 1}`);
    const run = await cli(['report', '--utfall', JAN_AUG, '--budget', months]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Driftredovisning 2024, utfall januari–augusti, tkr');
    expect(run.stderr).toBe('');
  });

  it('names the months of utfall that ends in December without a warning: --period would not help', async () => {
    const marDec = utfallWith('utfall-mar-dec.csv', (p) => p >= '202403');
    const run = await cli(['report', '--utfall', marDec, '--budget', BUDGET]);
    expect(run.stdout.split('\n')[0]).toBe('Driftredovisning 2024, utfall mars–december, tkr');
    expect(run.stderr).toBe('');
  });

  it('states the coverage in the Verksamhetsanalys and the Resultat too', async () => {
    const run = await cli(['report', '--utfall', JAN_AUG, '--budget', BUDGET, '--analys', '--resultat']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Verksamhetsanalys driftbudget 2024, utfall januari–augusti, tkr');
    expect(run.stdout).toContain('Resultat 2024, utfall januari–augusti, tkr');
    expect(run.stderr).toContain('--period 2024-08');
  });
});

describe('rows of another year', () => {
  const warning =
    'avvikelse: varning: ' +
    WITH_DEC_2023 +
    ': 2 rader (2 koder) daterade december 2023, netto 1 134,25 kr, tas inte med i rapporten för 2024\n';

  it('are left out of the driftredovisning with a warning that counts them per year', async () => {
    const run = await cli(['report', '--utfall', WITH_DEC_2023, '--budget', BUDGET]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(warning);
    const clean = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET]);
    expect(run.stdout).toBe(clean.stdout);
  });

  it('are left out of the monthly report with the same warning', async () => {
    const args = ['--budget', BUDGET, '--period', '2024-08'];
    const run = await json(['--utfall', WITH_DEC_2023, ...args]);
    expect(run.stderr).toBe(warning);
    expect(run.doc).toEqual((await json(['--utfall', UTFALL, ...args])).doc);
  });

  it('counts each other year apart', async () => {
    const file = utfallWith('utfall-tre-ar.csv', () => true, ['202211;4110;100;5011;10,00', '202312;4110;100;5011;5,00']);
    const run = await cli(['report', '--utfall', file, '--budget', BUDGET]);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `avvikelse: varning: ${file}: 1 rad (1 kod) daterade november 2022, netto 10,00 kr, tas inte med i rapporten för 2024`,
      `avvikelse: varning: ${file}: 1 rad (1 kod) daterade december 2023, netto 5,00 kr, tas inte med i rapporten för 2024`,
    ]);
  });

  it('leave a budget of another year out, whole, with the warning', async () => {
    const old = budgetDated('budget-2023.csv', () => '2023-01-01');
    const run = await json(['--utfall', UTFALL, '--budget', old]);
    expect(run.stderr).toBe(
      `avvikelse: varning: ${old}: 168 rader (21 koder) daterade januari 2023, netto 309 248 005,00 kr, tas inte med i rapporten för 2024\n`,
    );
    expect(run.stderr).not.toContain('årsbudget');
    expect(run.doc.tables[0]!.summa.budget).toBe('0');
  });
});

describe('a budget with every row dated 2024-01-01', () => {
  const note = 'avvikelse: not: budgetens alla rader har perioden 2024-01; den läses som årsbudget för 2024 och periodiseras\n';
  const base = ['--utfall', UTFALL, '--period', '2024-08'];

  it('is an annual budget: Budget ack is 8/12 of Budget helår in a monthly report per 2024-08, with a note', async () => {
    const dated = await json([...base, '--budget', BUDGET_DATED]);
    expect(dated.stderr).toBe(note);
    const annual = await json([...base, '--budget', BUDGET]);
    expect(withoutTitles(dated.doc)).toEqual(withoutTitles(annual.doc));
    const s = dated.doc.tables[0]!.summa;
    expect(s.budget_ack).not.toBe(s.budget_helar);
    // Each code's 8/12 rounded to the öre, summed: within one öre per code of 8/12 of the total.
    const helar = Number(s.budget_helar) * 100_000;
    expect(Math.abs(Number(s.budget_ack) * 100_000 - (helar * 8) / 12)).toBeLessThan(200);
  });

  it('is periodised by an explicit --periodisering jamn, never ignored', async () => {
    const dated = await json([...base, '--budget', BUDGET_DATED, '--periodisering', 'jamn']);
    expect(dated.stderr).toBe(note);
    expect(withoutTitles(dated.doc)).toEqual(withoutTitles((await json([...base, '--budget', BUDGET])).doc));
  });

  it('is periodised by a periodiseringsnyckel', async () => {
    const key = ['--periodisering', 'fixtures/periodiseringsnyckel.csv'];
    const dated = await json([...base, '--budget', BUDGET_DATED, ...key]);
    expect(dated.stderr).toContain('årsbudget för 2024 och periodiseras');
    expect(withoutTitles(dated.doc)).toEqual(withoutTitles((await json([...base, '--budget', BUDGET, ...key])).doc));
  });

  it('is the annual budget in a driftredovisning too (a note; the full-year warning follows from it)', async () => {
    const run = await cli(['report', '--utfall', JAN_AUG, '--budget', BUDGET_DATED]);
    expect(run.stderr).toBe(
      'avvikelse: varning: utfallet gäller bara januari–augusti 2024 men budgeten hela året; jämför med budget ack med --period 2024-08\n' +
        'avvikelse: not: budgetens alla rader har perioden 2024-01; den läses som årsbudget för 2024\n',
    );
    expect(run.stdout).toBe((await cli(['report', '--utfall', JAN_AUG, '--budget', BUDGET])).stdout);
  });

  it('a budget per month is used as it is, and an explicit --periodisering says it is not used', async () => {
    const months = budgetDated('budget-per-manad.csv', (i) => `2024-${String((i % 12) + 1).padStart(2, '0')}-01`);
    const plain = await json([...base, '--budget', months]);
    expect(plain.stderr).toBe('');
    const given = await json([...base, '--budget', months, '--periodisering', 'jamn']);
    expect(given.stderr).toBe(
      'avvikelse: varning: --periodisering jamn används inte: budgeten har inga årsbelopp, dess månadsbelopp används som de är\n',
    );
    expect(given.doc).toEqual(plain.doc);
  });
});

describe('the coverage rules', () => {
  const totals = (entries: [string, [string, bigint][]][]) =>
    new Map(entries.map(([c, ps]) => [c, new Map(ps.map(([p, a]) => [p, ore(a)]))]));

  it('keeps the year and the undated amounts, and counts the rest per year: codes, months, net amount', () => {
    const t = totals([
      [
        '51\u00015011',
        [
          ['2023-11', 5n],
          ['2023-12', 7n],
          ['2024-01', 1n],
        ],
      ],
      ['51\u00015012', [['2023-12', -2n]]],
      [
        '56',
        [
          ['2022-03', 9n],
          ['', 4n],
          ['M02', 3n],
        ],
      ],
    ]);
    const rows = new Map([
      ['2023-11', 2],
      ['2023-12', 3],
      ['2024-01', 1],
      ['2022-03', 4],
      ['', 1],
    ]);
    const { kept, others } = inYear(t, 2024, rows);
    expect(kept).toEqual(
      totals([
        ['51\u00015011', [['2024-01', 1n]]],
        [
          '56',
          [
            ['', 4n],
            ['M02', 3n],
          ],
        ],
      ]),
    );
    expect(others).toEqual([
      { year: 2022, rows: 4, codes: 1, first: 3, last: 3, amount: 9n },
      { year: 2023, rows: 5, codes: 1, first: 11, last: 12, amount: 10n },
    ]);
  });

  it('finds the months covered and whether a budget reaches beyond them', () => {
    const u = totals([
      [
        '51',
        [
          ['2024-02', 1n],
          ['2024-08', 1n],
          ['', 1n],
        ],
      ],
    ]);
    expect(monthsCovered(u, 2024)).toEqual({ first: 2, last: 8 });
    expect(monthsCovered(totals([['51', [['', 1n]]]]), 2024)).toBeNull();
    const span = { first: 1, last: 8 };
    expect(reachesBeyond(totals([['51', [['2024-08', 1n]]]]), 2024, span)).toBe(false);
    expect(reachesBeyond(totals([['51', [['2024-09', 1n]]]]), 2024, span)).toBe(true);
    expect(reachesBeyond(totals([['51', [['2024-09', 0n]]]]), 2024, span)).toBe(false);
    expect(reachesBeyond(totals([['51', [['', 1n]]]]), 2024, span)).toBe(true);
    expect(hasAnnual(totals([['51', [['2024-09', 1n]]]]))).toBe(false);
    expect(hasAnnual(totals([['51', [['', 1n]]]]))).toBe(true);
  });
});
