/**
 * verify judges tables without being told their structure (issue 14): totals found from the
 * data (labels as hints, totals first, running subtotals, varav rows), headers with units
 * and footnotes, text-only and four-digit data rows, percent and count columns, a table
 * where nothing could be checked, and the warning for differences rounding makes only
 * rarely. Each case is a small table shaped like a published one (test/verify/infer/).
 */
import { describe, expect, it } from 'vitest';
import { markdownRecords } from '../src/read/markdown.js';
import { tablesFromRecords } from '../src/read/report-table.js';
import { columnLabels, verifyTables, type VerifyOptions } from '../src/report/verify/index.js';
import { texts } from '../src/i18n/index.js';
import { isUnlikelyRounding } from '../src/rules/tolerance.js';
import { cli } from './helpers.js';

const D = 'test/verify/infer';
const labels = columnLabels(texts('sv').columns, texts('en').columns);
const opts: VerifyOptions = { summaLabels: [], ignore: [], deviation: null, relations: [], parents: [], strict: false, allowEmpty: false };
const md = (text: string) => verifyTables(tablesFromRecords('t.md', markdownRecords('t.md', text)), opts, labels);

interface Doc {
  valid: boolean;
  stats: { checks: number; errors: number; warnings?: number };
  errors: { check: string; label: string; column: string; row: number }[];
  warnings?: { label: string; column: string }[];
}
async function verify(file: string, ...args: string[]): Promise<{ code: number; doc: Doc }> {
  const run = await cli(['verify', `${D}/${file}`, '--format', 'json', ...args]);
  return { code: run.code, doc: JSON.parse(run.stdout) as Doc };
}
const cells = (doc: Doc) => doc.errors.map((e) => [e.label, e.column]);

describe('a check that checked nothing fails', () => {
  it('reports a table with no total and no relation by name and exits 1', async () => {
    const run = await cli(['verify', `${D}/ingen-kontroll.csv`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('ingen-kontroll.csv:1: fel: Verksamhet: inga kontroller kunde göras');
    const en = await cli(['verify', `${D}/ingen-kontroll.csv`, '--lang', 'en', '--format', 'github']);
    expect(en.stdout).toContain('::error file=test/verify/infer/ingen-kontroll.csv,line=1,');
    expect(en.stdout).toContain('no checks could be made');
  });

  it('passes it with --allow-empty', async () => {
    const { code, doc } = await verify('ingen-kontroll.csv', '--allow-empty');
    expect(code).toBe(0);
    expect(doc.stats.checks).toBe(0);
  });
});

describe('totals found from the data', () => {
  it('a total called Netto is checked, and a wrong digit in it is an error at its cell', async () => {
    expect((await verify('netto.csv')).doc).toMatchObject({ valid: true, stats: { checks: 8, errors: 0 } });
    const { code, doc } = await verify('netto-fel.csv');
    expect(code).toBe(1);
    expect(cells(doc)).toContainEqual(['Netto', 'Utfall']);
    expect(doc.errors.every((e) => e.label === 'Netto')).toBe(true);
  });

  it('a total placed first (Nettokostnader above its rows) is compared with the rows below', async () => {
    const { code, doc } = await verify('summa-forst.csv');
    expect(code).toBe(0);
    expect(doc.stats.checks).toBeGreaterThanOrEqual(3);
    const wrong = md(
      '| Nämnd, mnkr | Budget | Prognos |\n|:--|--:|--:|\n| Nettokostnader | -1 254,3 | -1 261,9 |\n| KS | -98,4 | -96,1 |\n| UN | -702,5 | -711,2 |\n| ON | -453,4 | -453,7 |\n',
    );
    expect(wrong.errors.map((e) => [e.row, e.column, e.basis])).toEqual([['Nettokostnader', 'Prognos', 'rows-below']]);
  });

  it('running subtotals in a resultaträkning are the previous subtotal plus the rows since', async () => {
    expect((await verify('resultatrakning.csv')).doc).toMatchObject({ valid: true, stats: { checks: 8, errors: 0 } });
    // One wrong subtotal is one error, at its cell: the subtotal after it is judged against the corrected sum.
    const { code, doc } = await verify('resultatrakning-fel.csv');
    expect(code).toBe(1);
    expect(cells(doc)).toEqual([['VERKSAMHETENS RESULTAT', 'Bokslut 2024']]);
  });

  it('leaves varav, därav, "- varav" and restating rows out of sums', async () => {
    expect((await verify('varav.csv')).doc).toMatchObject({ valid: true, stats: { checks: 2, errors: 0 } });
  });

  it('a text-only data row (Ej aktuellt) is data, not a header splitting the table', async () => {
    const run = await cli(['verify', `${D}/ej-aktuellt.csv`, '--format', 'json']);
    expect(JSON.parse(run.stdout).stats).toMatchObject({ tables: 1, rows: 4, errors: 0 });
  });

  it('a unit in the header (tkr) and footnote marks (1), 2), *) are not numbers', async () => {
    const { code, doc } = await verify('enhet-i-rubrik.csv');
    expect(code).toBe(0);
    expect(doc.stats.checks).toBe(6);
  });

  it('a data row of four-digit amounts is data, not a header of years', async () => {
    expect((await verify('fyrsiffriga.csv')).doc).toMatchObject({ valid: true, stats: { checks: 7 } });
    const { code, doc } = await verify('fyrsiffriga-fel.csv');
    expect(code).toBe(1);
    expect(new Set(cells(doc).map((c) => c.join(' ')))).toEqual(new Set(['Summa Avvikelse']));
  });

  it('a percent column without % (Utfall_proc) is never summed; a count column (Antal) is exact', async () => {
    const ok = await verify('procent.csv');
    expect(ok.code).toBe(0);
    expect(ok.doc.stats.checks).toBe(3); // Budget, Utfall and Antal of the Summa row
    const { code, doc } = await verify('procent-antal-fel.csv');
    expect(code).toBe(1); // 43 against 42: a count has no rounding
    expect(cells(doc)).toEqual([['Summa', 'Antal']]);
  });

  it('a grand total of subtotals, with sections between', () => {
    const r = md(
      [
        '| Verksamhet | Utfall |',
        '|:--|--:|',
        '| Skola | |',
        '| Grundskola | 300 |',
        '| Gymnasium | 200 |',
        '| Summa skola | 500 |',
        '| Omsorg | |',
        '| Hemtjänst | 120 |',
        '| Boende | 80 |',
        '| Summa omsorg | 200 |',
        '| Summa skatte- och avgiftsfinansierat | 700 |',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.checks).toBe(3);
  });

  it('an upper-case label is a total only when the data say so', () => {
    const r = md('| Post | Utfall | Budget |\n|:--|--:|--:|\n| A | 10 | 12 |\n| B | 20 | 18 |\n| NÄMNDEN | 30 | 30 |\n| C | 5 | 7 |\n');
    expect(r.errors).toEqual([]);
    expect(r.tables[0]?.rows.map((x) => x.kind)).toEqual(['data', 'data', 'summa', 'data']);
  });

  it('a Markdown row without a leading pipe is read', () => {
    const r = md('Verksamhet | Utfall\n--- | ---:\nA | 10\nB | 20\nSumma | 35\n');
    expect(r.tables[0]?.rows).toHaveLength(3);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([['Summa', 'Utfall']]);
  });
});

describe('tolerance: a difference rounding makes only rarely is a warning', () => {
  // 15 whole-tkr rows and their Summa: 16 rounded numbers, worst case 8, 3,3σ = 3,81.
  const rows = Array.from({ length: 15 }, (_, i) => `| Rad ${i + 1} | ${1000 + i * 37} |`);
  const sum = Array.from({ length: 15 }, (_, i) => 1000 + i * 37).reduce((a, b) => a + b, 0);
  const table = (summa: number) => `| Verksamhet | Utfall |\n|:--|--:|\n${rows.join('\n')}\n| Summa | ${summa} |\n`;

  it('states the bound: beyond 3,3 standard deviations of the sum of independent roundings', () => {
    expect(isUnlikelyRounding(40_000n, 0, 16)).toBe(true);
    expect(isUnlikelyRounding(30_000n, 0, 16)).toBe(false);
    expect(isUnlikelyRounding(15_000n, 0, 3)).toBe(false); // three terms: never beyond the bound within the worst case
  });

  it('3 off in 16 is a rounding note, 4 off a warning naming the cell, 9 off an error', () => {
    expect(md(table(sum + 3))).toMatchObject({ errors: [], warnings: [], notes: [{ row: 'Summa' }] });
    expect(md(table(sum + 4))).toMatchObject({ errors: [], notes: [], warnings: [{ row: 'Summa', column: 'Utfall' }] });
    expect(md(table(sum + 9)).errors).toHaveLength(1);
  });

  it('is listed in JSON and GitHub output and fails under --strict', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const f = join(mkdtempSync(join(tmpdir(), 'avvikelse-warn-')), 'lang.md');
    writeFileSync(f, table(sum + 4));
    const json = await cli(['verify', f, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ stats: { warnings: 1 }, warnings: [{ type: 'warning', label: 'Summa' }] });
    const gh = await cli(['verify', f, '--format', 'github']);
    expect(gh.stdout).toMatch(/^::warning file=.*lang\.md,line=18,/m);
    expect((await cli(['verify', f, '--strict'])).code).toBe(1);
  });
});
