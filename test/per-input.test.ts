/**
 * Settings per input (issue 11, silent wrong number 1): `--utfall-col`, `--budget-where`,
 * `--budget-unit` … and `inputs.<input>` in the configuration file apply to one input only; the
 * plain options stay the defaults. On small files shaped like the exports users have: a
 * data-warehouse query with `UTF_V` and `BUD_V` in the same rows, a long BI export with a
 * `Version` column, utfall in kr beside a budget template in tkr.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as abs } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { INPUT_KEYS, OPTIONS, optionEntries, PER_INPUT_FLAGS, resolve, SETTING_KEYS } from '../src/cli/options.js';
import { cli } from './helpers.js';

const P = (name: string) => abs('test/per-input', name);
const DW = P('dw-utfall-budget.csv');
const BI = P('bi-version.csv');

/** The Summa of the first table, exact, in kr. */
async function summa(args: string[], cwd?: string): Promise<Record<string, string>> {
  const run = await cli(['report', ...args, '--unit', 'kr', '--format', 'json', '--exact'], { cwd });
  // Two months of utfall against a full-year budget: the part-year warning, nothing else.
  expect(run.stderr.replace(/^avvikelse: varning: utfallet gäller bara .*\n/m, '')).toBe('');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { tables: { summa: Record<string, string> }[] }).tables[0]?.summa as Record<string, string>;
}

function configDir(json: unknown): string {
  const d = mkdtempSync(join(tmpdir(), 'avvikelse-per-input-'));
  writeFileSync(join(d, 'avvikelse.config.json'), JSON.stringify(json));
  return d;
}

describe('settings per input', () => {
  it('a warehouse export with UTF_V and BUD_V in the same rows: each input reads its own column', async () => {
    const s = await summa(['--utfall', DW, '--budget', DW, '--utfall-col', 'belopp=UTF_V', '--budget-col', 'belopp=BUD_V']);
    expect(s).toEqual({ utfall: '400500.5', budget: '395000', avvikelse: '-5500.5' });
  });

  it('--col is the default for both, the per-input col wins role by role', async () => {
    const s = await summa([
      '--utfall',
      DW,
      '--budget',
      DW,
      '--col',
      'belopp=UTF_V',
      '--col',
      'verksamhet=ANSVAR',
      '--budget-col',
      'belopp=BUD_V',
    ]);
    // Both grouped by ANSVAR (41, 42, 43 roll up to 41…43): the same totals, read from each column.
    expect(s).toEqual({ utfall: '400500.5', budget: '395000', avvikelse: '-5500.5' });
  });

  it('a long BI export with a Version column: --utfall-where and --budget-where filter each input', async () => {
    const s = await summa(['--utfall', BI, '--budget', BI, '--utfall-where', 'Version=Utfall', '--budget-where', 'Version=Budget']);
    expect(s).toEqual({ utfall: '344500.5', budget: '345000', avvikelse: '499.5' });
  });

  it('--where stays the default; a per-input filter replaces it on its own dimension only', async () => {
    const s = await summa([
      '--utfall',
      BI,
      '--budget',
      BI,
      '--where',
      'Version=Utfall',
      '--where',
      'konto!=6*',
      '--budget-where',
      'Version=Budget',
    ]);
    expect(s).toEqual({ utfall: '332500.5', budget: '335000', avvikelse: '2499.5' });
  });

  it('utfall in kr, budget in tkr: --budget-unit tkr multiplies the budget only', async () => {
    const s = await summa(['--utfall', P('utfall-kr.csv'), '--budget', P('budget-tkr.csv'), '--budget-unit', 'tkr']);
    expect(s).toEqual({ utfall: '217000.5', budget: '2580500', avvikelse: '2363499.5' });
    // --input-unit tkr would multiply both; --utfall-unit kr takes the utfall back out of it.
    const both = await summa([
      '--utfall',
      P('utfall-kr.csv'),
      '--budget',
      P('budget-tkr.csv'),
      '--input-unit',
      'tkr',
      '--utfall-unit',
      'kr',
    ]);
    expect(both).toEqual(s);
  });

  it('the same three cases from inputs.* in avvikelse.config.json, paths relative to the file', async () => {
    const dw = configDir({
      inputs: { utfall: { files: [DW], col: { belopp: 'UTF_V' } }, budget: { files: [DW], col: { belopp: 'BUD_V' } } },
    });
    expect(await summa([], dw)).toEqual({ utfall: '400500.5', budget: '395000', avvikelse: '-5500.5' });
    const bi = configDir({
      utfall: [BI],
      budget: [BI],
      inputs: { utfall: { where: ['Version=Utfall'] }, budget: { where: ['Version=Budget'] } },
    });
    expect(await summa([], bi)).toEqual({ utfall: '344500.5', budget: '345000', avvikelse: '499.5' });
    const units = configDir({
      inputs: { utfall: { files: [P('utfall-kr.csv')] }, budget: { files: [P('budget-tkr.csv')], unit: 'tkr' } },
    });
    expect(await summa([], units)).toEqual({ utfall: '217000.5', budget: '2580500', avvikelse: '2363499.5' });
    // A flag for the input wins over its section.
    expect(await summa(['--budget-unit', 'kr'], units)).toEqual({ utfall: '217000.5', budget: '2580.5', avvikelse: '-214420' });
  });

  it('the same file and amount column for utfall and budget is an error naming both', async () => {
    for (const args of [
      ['--col', 'belopp=UTF_V'],
      ['--utfall-col', 'belopp=UTF_V', '--budget-col', 'belopp=utf_v'],
    ]) {
      const run = await cli(['report', '--utfall', DW, '--budget', DW, ...args, '--lang', 'en']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('[SAME_AMOUNT_COLUMN]');
      expect(run.stderr).toContain(`${DW}: the file is both --utfall and --budget`);
      expect(run.stderr).toContain('"UTF_V"');
    }
    // Different filters on the same column are the BI case, not an error.
    const bi = await cli(['report', '--utfall', BI, '--budget', BI, '--col', 'belopp=Belopp', '--budget-where', 'Version=Budget']);
    expect(bi.code).toBe(0);
  });

  it('a file with one amount column given as utfall and budget, with no mapping, is the same error, naming the column', async () => {
    const d = mkdtempSync(join(tmpdir(), 'avvikelse-same-'));
    const one = join(d, 'huvudbok.csv');
    writeFileSync(one, 'Period;Verksamhet;Konto;Belopp\n2024-01;5101;4010;100,00\n2024-02;5102;5011;250,50\n');
    for (const extra of [[], ['--period', '2024-02'], ['--resultat']]) {
      const run = await cli(['report', '--utfall', one, '--budget', one, ...extra]);
      expect(run.code, extra.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${one}: filen är både --utfall och --budget och båda läser beloppen ur kolumnen "Belopp"`);
    }
  });

  it('a file read as utfall and budget names the input in each of its notes, since each read has its own', async () => {
    const file = 'fixtures/exports/unit4-browser-2024.csv';
    const run = await cli(['report', '--utfall', file, '--budget', file, '--sub', '51']);
    expect(run.code, run.stderr).toBe(0);
    const notes = run.stderr.split('\n').filter((l) => l.includes('period 00'));
    expect(notes).toEqual([
      `avvikelse: not: ${file} (--utfall): 4 rader med period 00 (ingående balans), netto −833 180,11 kr, räknas inte med`,
      `avvikelse: not: ${file} (--budget): 4 rader med period 00 (ingående balans), netto 0,00 kr, räknas inte med`,
    ]);
    // A file read for one input only is named alone.
    const alone = await cli(['report', '--utfall', file, '--budget', 'fixtures/budget-2024.csv']);
    expect(alone.stderr).toContain(`avvikelse: not: ${file}: 4 rader med period 00`);
  });

  it('records whether an option set the unit (inputUnitGiven)', () => {
    const none = resolve({}, {});
    expect(none.inputs.utfall.inputUnitGiven).toBe(false);
    expect(none.inputs.budget.inputUnit).toBe('kr');
    const plain = resolve({ inputUnit: 'kr' }, {});
    expect(plain.inputs.utfall.inputUnitGiven).toBe(true);
    const own = resolve({ inputs: { budget: { inputUnit: 'tkr' } } }, {});
    expect([own.inputs.utfall.inputUnitGiven, own.inputs.budget.inputUnitGiven, own.inputs.budget.inputUnit]).toEqual([false, true, 'tkr']);
    const fromFile = resolve({}, loadConfig(undefined, configDir({ inputs: { prognos: { unit: 'mnkr' } } })));
    expect([fromFile.inputs.prognos.inputUnit, fromFile.inputs.prognos.inputUnitGiven, fromFile.inputs.fgPrognos.inputUnitGiven]).toEqual([
      'mnkr',
      true,
      false,
    ]);
  });

  it('refuses unknown sections and keys, and files given twice, naming the key', async () => {
    const bad = async (json: unknown) => (await cli(['report', '--lang', 'en'], { cwd: configDir(json) })).stderr;
    expect(await bad({ inputs: { utfal: {} } })).toContain(
      'unknown key "inputs.utfal" (known: utfall, budget, names, prognos, fgAr, kategorier, fgPrognos, kommentarer)',
    );
    expect(await bad({ inputs: { prognos: { col: { belopp: 'X' } } } })).toContain(
      'unknown key "inputs.prognos.col" (known: files, unit, sign)',
    );
    expect(await bad({ inputs: { budget: { unit: 3 } } })).toContain('"inputs.budget.unit" must be a string');
    expect(await bad({ inputs: { budget: [] } })).toContain('"inputs.budget" must be an object with files and settings');
    expect(await bad({ inputs: [] })).toContain('"inputs" must be an object with a section per input');
    expect(await bad({ budget: ['b.csv'], inputs: { budget: { files: ['c.csv'] } } })).toContain(
      'both "budget" and "inputs.budget.files" give the files',
    );
    // A bad value in a section is reported at the file, under the input's own flag.
    const d = configDir({ utfall: [DW], budget: [DW], inputs: { budget: { unit: 'ksek' } } });
    const run = await cli(['report', '--lang', 'en'], { cwd: d });
    expect(run.stderr).toContain(`${join(d, 'avvikelse.config.json')}: invalid value for --budget-unit: "ksek"`);
  });

  it('derives every per-input flag from the schema: the marked settings, each input with its own', () => {
    const marked = optionEntries()
      .filter(([, def]) => def.perInput !== undefined)
      .map(([key]) => key);
    expect(marked.sort()).toEqual([...SETTING_KEYS].sort());
    expect(Object.keys(resolve({}, {}).inputs).sort()).toEqual(INPUT_KEYS.filter((k) => (OPTIONS[k].input ?? []).length > 0).sort());
    expect(PER_INPUT_FLAGS.map((p) => p.long)).toContain('--fg-ar-col');
    expect(PER_INPUT_FLAGS.find((p) => p.long === '--budget-unit')?.flag).toBe('--budget-unit <u>');
  });

  it("the README's example of a section per input runs (paths relative to the repository's root)", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('**A section per input.**'));
    const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)?.[1] as string) as {
      inputs: Record<string, { files: string[] }>;
    };
    for (const input of Object.values(json.inputs)) input.files = input.files.map((f) => abs(f));
    expect(await summa([], configDir(json))).toEqual({ utfall: '344500.5', budget: '345000', avvikelse: '499.5' });
  });
});
