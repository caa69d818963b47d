/**
 * verify on real published tables (fixtures/publicerade, typed from the seed documents),
 * on seeded errors, and against `report`: what it says about each table is pinned in
 * test/golden/verify-*.txt (regenerate deliberately with `npm run golden:update` and read the diff).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { markdownRecords } from '../src/read/markdown.js';
import { publishedNumber, tablesFromRecords } from '../src/read/report-table.js';
import { parseRelation, verifyTables } from '../src/report/verify/index.js';
import { expectGolden } from './golden-file.js';
import { BUDGET, cli, UTFALL, VERIFY_DEFAULTS, VERIFY_LABELS } from './helpers.js';

const P = 'fixtures/publicerade';
/** The tables of a Markdown text, as `verify` reads a .md file: its records through the Markdown source. */
const tablesFromMarkdown = (file: string, text: string) => tablesFromRecords(file, markdownRecords(file, text));
const render = (run: { code: number; stdout: string; stderr: string }) =>
  `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;

const CASES: Record<string, { args: string[]; code: number }> = {
  'verify-driftredovisning': { args: [`${P}/driftredovisning-2024.csv`], code: 0 },
  'verify-verksamhet-51': { args: [`${P}/verksamhet-51-2024.csv`], code: 0 },
  'verify-drift-och-51-md': { args: [`${P}/drift-och-51-2024.md`], code: 0 },
  'verify-drift-51-parent': {
    args: [`${P}/driftredovisning-2024.csv`, `${P}/verksamhet-51-2024.csv`, '--parent', 'Redovisning verksamhet 51*=51'],
    code: 0,
  },
  'verify-verksamhetsanalys': {
    args: [
      `${P}/verksamhetsanalys-2024.csv`,
      '--columns',
      'Nettoavvikelse mot budget=Intäkt utfall+Kostnad utfall-Intäkt budget-Kostnad budget',
    ],
    code: 0,
  },
  'verify-analys-mot-drift': {
    args: [
      `${P}/verksamhetsanalys-mot-drift-2024.csv`,
      '--columns',
      'Utfall drift=-Intäkt utfall-Kostnad utfall',
      '--columns',
      'Budget drift=-Intäkt budget-Kostnad budget',
    ],
    code: 0,
  },
  'verify-analys-mot-drift-strict': {
    args: [`${P}/verksamhetsanalys-mot-drift-2024.csv`, '--columns', 'Utfall drift=-Intäkt utfall-Kostnad utfall', '--strict'],
    code: 1,
  },
  'verify-resultat': { args: [`${P}/resultat-2024.csv`, '--summa', 'Resultat'], code: 0 },
  'verify-investeringsanalys': { args: [`${P}/investeringsanalys-2024.csv`], code: 0 },
  'verify-atgarder': {
    args: [
      `${P}/atgarder-daglig-verksamhet-2023.csv`,
      `${P}/atgarder-personlig-assistans-2023.csv`,
      `${P}/atgarder-sammanstallning-2023.csv`,
    ],
    code: 0,
  },
  'verify-fel-andrad-siffra': { args: [`${P}/fel-andrad-siffra.csv`], code: 1 },
  'verify-fel-bytt-tecken': { args: [`${P}/fel-bytt-tecken.csv`], code: 1 },
  'verify-fel-saknad-rad': { args: [`${P}/driftredovisning-2024.csv`, `${P}/fel-saknad-rad.csv`], code: 1 },
  'verify-fel-json': { args: [`${P}/fel-andrad-siffra.csv`, '--format', 'json'], code: 1 },
  'verify-fel-github': { args: [`${P}/fel-bytt-tecken.csv`, '--format', 'github', '--lang', 'en'], code: 1 },
  'verify-hierarki': { args: ['test/verify/namnd-hierarki.csv'], code: 0 },
  'verify-hierarki-fel': { args: ['test/verify/namnd-hierarki-fel.csv'], code: 1 },
  'verify-avvikelse-declared-wrong': { args: [`${P}/resultat-2024.csv`, '--summa', 'Resultat', '--avvikelse', 'Budget-Bokslut'], code: 1 },
  'verify-no-table': { args: ['fixtures/verksamheter.csv'], code: 2 },
  'verify-bad-relation': { args: [`${P}/resultat-2024.csv`, '--columns', 'Netto'], code: 2 },
  'verify-missing-file': { args: [`${P}/finns-inte.csv`], code: 2 },
};

describe('verify: published tables, seeded errors, usage', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const run = await cli(['verify', ...c.args]);
      expect(run.code).toBe(c.code);
      expectGolden(`test/golden/${name}.txt`, render(run));
    });
  }

  it('leaves a column out of every check with --ignore', async () => {
    const all = JSON.parse((await cli(['verify', `${P}/fel-bytt-tecken.csv`, '--format', 'json'])).stdout);
    const ignored = await cli(['verify', `${P}/fel-bytt-tecken.csv`, '--ignore', 'Avvikelse', '--format', 'json']);
    const doc = JSON.parse(ignored.stdout);
    expect(ignored.code).toBe(0);
    expect(doc.errors).toEqual([]);
    expect(doc.stats.checks).toBe(all.stats.checks - 9); // 8 deviation checks and the Summa's Avvikelse
  });

  it('reads a tab-separated ledger given --delimiter tab', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-tab-'));
    const f = join(dir, 'u.tsv');
    const b = join(dir, 'b.tsv');
    for (const file of [f, b]) writeFileSync(file, 'Verksamhet\tBelopp\n5101\t1 000\n5102\t2 000,50\n');
    const run = await cli([
      'report',
      '--utfall',
      f,
      '--budget',
      b,
      '--delimiter',
      'tab',
      '--unit',
      'kr',
      '--decimals',
      '2',
      '--level',
      '4',
      '--format',
      'json',
    ]);
    expect(JSON.parse(run.stdout).tables[0].summa).toEqual({ utfall: '3000.50', budget: '3000.50', avvikelse: '0.00' });
  });

  it('the JSON report has the documented shape', async () => {
    const run = await cli(['verify', `${P}/fel-bytt-tecken.csv`, '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(['valid', 'stats', 'errors', 'notes']);
    expect(doc.valid).toBe(false);
    expect(doc.stats).toEqual({ tables: 1, rows: 8, checks: 11, errors: 1, notes: 0 }); // the Summa's Avvikelse is right: only the swapped cell is an error
    expect(doc.errors[0]).toEqual({
      type: 'avvikelse',
      check: 'avvikelse',
      file: `${P}/fel-bytt-tecken.csv`,
      table: 'Driftredovisning 2024, tkr',
      row: 5,
      label: '55 Vård för vuxna med missbruksproblem',
      column: 'Avvikelse',
      expected: '174',
      found: '-174',
      message: '55 Vård för vuxna med missbruksproblem Avvikelse: väntat 174 (Budget − Utfall), fann −174 (skillnad −348)',
    });
  });
});

describe('verify agrees with report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-verify-'));
  const ledger = ['--utfall', UTFALL, '--budget', BUDGET];

  for (const [name, extra] of [
    ['drift.csv', ['--sub', '51']],
    ['drift-en.csv', ['--sub', '51', '--csv-dialect', 'en', '--lang', 'en']],
    ['drift.md', ['--sub', '51', '--unit', 'mnkr']],
    ['manad.md', ['--period', '2024-08', '--sub', '51', '--prognos-metod', 'linjar']],
    ['resultat.csv', ['--perspective', 'resultat', '--by', 'ansvar']],
  ] as const) {
    it(`a table written by report passes verify with the same ledger (${name})`, async () => {
      const out = join(dir, name);
      const options = extra.filter((a) => a !== '--csv-dialect' && a !== 'en' && a !== '--lang');
      expect((await cli(['report', ...ledger, ...extra, '--out', out])).code).toBe(0);
      const run = await cli(['verify', out, ...ledger, ...options, '--format', 'json']);
      const doc = JSON.parse(run.stdout);
      expect(doc.errors).toEqual([]);
      expect(run.code).toBe(0);
      // Every note is a rounding difference of at most one unit of the shown decimals.
      for (const n of doc.notes) {
        const unit = new Decimal(10).pow(-(n.found.split('.')[1]?.length ?? 0));
        expect(new Decimal(n.expected).minus(n.found).abs().lte(unit)).toBe(true);
      }
    });
  }

  // Every table kind report writes checks out on its own, with no ledger and no options: a
  // tool whose own output fails its own gate would teach users to ignore the gate.
  for (const [name, extra] of [
    ['drift', []],
    ['analys', ['--analys']],
    ['analys-rader', ['--analys', '--layout', 'rader']],
    ['resultat', ['--resultat']],
    ['manad', ['--period', '2024-08']],
    ['sub', ['--sub', '51']],
    ['ansvar', ['--by', 'ansvar']],
  ] as const) {
    it(`its own ${name} table, as Markdown, CSV and HTML, passes verify alone with checks made`, async () => {
      for (const ext of ['md', 'csv', 'html']) {
        const out = join(dir, `alone-${name}.${ext}`);
        expect((await cli(['report', ...ledger, ...extra, '--out', out])).code).toBe(0);
        const run = await cli(['verify', out, '--format', 'json']);
        const doc = JSON.parse(run.stdout);
        expect(doc.errors, `${name}.${ext}`).toEqual([]);
        expect(doc.stats.checks, `${name}.${ext}`).toBeGreaterThan(0);
        expect(run.code).toBe(0);
      }
    });
  }

  it('a Verksamhetsanalys in rows: `Summa: Intäkt` sums the Intäkt rows among the Kostnad rows, and a wrong Intäkt cell is found at that total', async () => {
    const out = join(dir, 'rader-fel.md');
    await cli(['report', ...ledger, '--analys', '--layout', 'rader', '--out', out]);
    const text = readFileSync(out, 'utf8');
    const row = /^\| 55 +\| Vård för vuxna med missbruksproblem: Intäkt +\| +133 \|/m;
    expect(text).toMatch(row);
    writeFileSync(
      out,
      text.replace(row, (m) => m.replace('133 |', '139 |')),
    );
    const doc = JSON.parse((await cli(['verify', out, '--format', 'json'])).stdout);
    // The rows cannot say which of them is wrong (the Intäkt rows have no deviation): the total is where it shows.
    expect(doc.errors.map((e: { label: string; column: string }) => `${e.label} / ${e.column}`)).toEqual(['Summa: Intäkt / Utfall']);
  });

  it('fails a table whose cell differs from the ledger, and one with a row missing', async () => {
    const out = join(dir, 'drift-tampered.csv');
    await cli(['report', ...ledger, '--sub', '51', '--out', out]);
    const text = readFileSync(out, 'utf8')
      .replace('5106;Särskilt boende;82306', '5106;Särskilt boende;82316')
      .replace(/^5103;.*\r\n/m, '');
    writeFileSync(out, text);
    const run = await cli(['verify', out, ...ledger, '--sub', '51']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('5106 Särskilt boende Utfall: väntat 82 306 (huvudboken), fann 82 316 (skillnad 10)');
    expect(run.stdout).toContain('raden 5103 Trygghetslarm saknas i Redovisning verksamhet 51* men finns i huvudboken');
  });
});

describe('verify against the ledger holds each cell to its own decimals (issue 10, defect 2)', () => {
  // The main table in whole tkr (`report --sub 51`), the 51* table with one decimal (`report --sub 51 --decimals 1`).
  const MIXED = 'test/verify/drift-tkr-51-en-decimal.md';
  const ledger = ['--utfall', UTFALL, '--budget', BUDGET, '--sub', '51'];
  const tampered = (from: string, to: string) => {
    const text = readFileSync(MIXED, 'utf8');
    expect(text).toContain(from);
    const f = join(mkdtempSync(join(tmpdir(), 'avvikelse-mixed-')), 'drift.md');
    writeFileSync(f, text.replace(from, to));
    return f;
  };

  it('a whole-tkr table and a one-decimal sub-table written by report pass', async () => {
    const run = await cli(['verify', MIXED, ...ledger, '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(doc.stats).toMatchObject({ tables: 2, errors: 0 });
    // Every cell was compared with the ledger: 8 rows × 3 columns and 13 rows × 3 columns, exact, so no ledger notes.
    const alone = JSON.parse((await cli(['verify', MIXED, '--format', 'json'])).stdout);
    expect(doc.stats.checks - alone.stats.checks).toBe(8 * 3 + 13 * 3);
    expect(doc.notes.filter((n: { check: string }) => n.check === 'ledger')).toEqual([]);
  });

  it('a wrong digit in the one-decimal table still fails, shown at its decimals', async () => {
    const run = await cli(['verify', tampered(' 82 306,2 |', ' 82 306,3 |'), ...ledger, '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]).toMatchObject({
      check: 'ledger',
      label: '5106 Särskilt boende',
      column: 'Utfall',
      expected: '82306.2',
      found: '82306.3',
    });
  });

  it('a wrong digit in the whole-tkr table still fails', async () => {
    const run = await cli(['verify', tampered(' 13 109 |', ' 13 108 |'), ...ledger]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('56 Barn och ungdomsvård Utfall: väntat 13 109 (huvudboken), fann 13 108 (skillnad −1)');
  });

  it('a one-decimal cell is not accepted at whole-tkr precision', async () => {
    // 65 517,7 tkr shown as 65 518,0 is the whole-tkr rounding, not the one-decimal one.
    const run = await cli(['verify', tampered(' 65 517,7 |', ' 65 518,0 |'), ...ledger]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '5102 Hemtjänst i ordinärt boende inkl. natt Utfall: väntat 65 517,7 (huvudboken), fann 65 518,0 (skillnad 0,3)',
    );
  });
});

describe("verify: checks on tables with avvikelse's own headings and mixed decimals", () => {
  const labels = VERIFY_LABELS;
  const opts = VERIFY_DEFAULTS;

  it('pairs a deviation of its own by the column registry (Deviation YTD beside Actual prev. year YTD)', () => {
    const md = [
      '### Monthly',
      '',
      '| Code | Budget YTD | Actual YTD | Deviation YTD | Actual prev. year YTD |',
      '|:--|--:|--:|--:|--:|',
      '| 10 | 100 | 90 | 10 | 80 |',
      '| 20 | 50 | 70 | -25 | 60 |',
    ].join('\n');
    const r = verifyTables(tablesFromMarkdown('m.md', md), opts, labels);
    // By words alone two outcome columns say YTD, so the deviation could not be paired and went unchecked.
    expect(r.errors.map((e) => [e.type, e.row, e.column])).toEqual([['avvikelse', '20', 'Deviation YTD']]);
  });

  it("a sub-table's Summa with one decimal against a whole-tkr parent row: half a unit of each", () => {
    const md = [
      '### Drift',
      '',
      '| Verksamhet | Utfall |',
      '|:--|--:|',
      '| 51 Äldreomsorg | 100 |',
      '| 52 Annat | 5 |',
      '| Summa | 105 |',
      '',
      '### Redovisning 51*',
      '',
      '| Verksamhet | Utfall |',
      '|:--|--:|',
      '| Hemtjänst | 60,2 |',
      '| Boende | 40,2 |',
      '| Summa | 100,4 |',
    ].join('\n');
    const r = verifyTables(tablesFromMarkdown('p.md', md), opts, labels);
    expect(r.errors).toEqual([]);
    expect(r.notes.map((n) => [n.type, n.row])).toEqual([['parent', 'Summa']]);
    // 100,6 cannot be 100 rounded: more than 0,05 + 0,5 apart.
    const wrong = verifyTables(tablesFromMarkdown('p.md', md.replace('100,4', '100,6').replace('40,2', '40,4')), opts, labels);
    expect(wrong.errors.map((e) => e.type)).toEqual(['parent']);
  });
});

describe('reading published tables', () => {
  it.each([
    ['1 234', 12_340_000n, 0],
    ['- 2 089', -20_890_000n, 0],
    ['−6 215', -62_150_000n, 0],
    ['–13 079', -130_790_000n, 0],
    ['1 159 tkr', 11_590_000n, 0],
    ['-6,2', -62_000n, 1],
    ['(1 234)', -12_340_000n, 0],
    ['-', 0n, 0],
  ])('%j is %s (decimals %s)', (text, value, decimals) => {
    expect(publishedNumber(text)).toMatchObject({ value, decimals, percent: false });
  });

  it('recognises percentages, empty cells and text', () => {
    expect(publishedNumber('12,5 %')).toMatchObject({ value: 125_000n, percent: true });
    expect(publishedNumber('')).toBeNull();
    expect(publishedNumber('Äldreomsorg')).toBe('text');
  });

  it('counts at most PUBLISHED_SCALE decimals (zeros beyond it carry no value)', () => {
    expect(publishedNumber('1,00000')).toMatchObject({ value: 10_000n, decimals: 4 });
    expect(publishedNumber('1,00001')).toBe('text');
  });

  it('parses every cell once, beside the text', () => {
    const [t] = tablesFromMarkdown('x.md', '| A | B | C |\n|:--|--:|--:|\n| x | 1 234,5 | |\n');
    expect(t?.rows[0]?.numbers).toEqual(['text', { value: 12_345_000n, decimals: 1, percent: false }, null]);
  });

  it('splits CSV records into tables at title and header rows', () => {
    const rec = (line: number, ...cells: string[]) => ({ place: { file: 'x.csv', line }, cells, at: () => ({ file: 'x.csv', line }) });
    const tables = tablesFromRecords('x.csv', [
      rec(1, 'Driftredovisning', '', ''),
      rec(2, 'Verksamhet', 'Utfall', 'Budget'),
      rec(3, '10', '1', '2'),
      rec(4, 'Summa', '1', '2'),
      rec(5, '', '', ''),
      rec(6, 'Redovisning 51*', 'Utfall', 'Budget'),
      rec(7, 'Hemtjänst', '5', '6'),
    ]);
    expect(tables.map((t) => [t.title, t.line, t.rows.length])).toEqual([
      ['Driftredovisning', 2, 2],
      ['Redovisning 51*', 6, 1],
    ]);
  });

  it('reads Markdown pipe tables with their headings, escaped bars and <br>', () => {
    const [t] = tablesFromMarkdown('x.md', '### Tabell\n\n| A | B |\n|:--|--:|\n| x \\| y<br>z | 1 |\n');
    expect(t).toMatchObject({ title: 'Tabell', header: ['A', 'B'], rows: [{ line: 5, cells: ['x | y\nz', '1'] }] });
  });

  it('parses relations', () => {
    expect(parseRelation('Netto=Intäkt+Kostnad')).toMatchObject({
      target: 'Netto',
      terms: [
        { sign: 1n, column: 'Intäkt' },
        { sign: 1n, column: 'Kostnad' },
      ],
    });
    expect(parseRelation('U=-A - B')?.terms).toEqual([
      { sign: -1n, column: 'A' },
      { sign: -1n, column: 'B' },
    ]);
    expect(parseRelation('Netto')).toBeNull();
  });
});
