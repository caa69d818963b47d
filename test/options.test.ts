/**
 * The option schema (src/cli/options.ts): every configuration key round-trips — set in a
 * configuration file it gives the same options, and the same run, as its flag (a key the
 * program ignored, like `lang` once, fails here); `--out` never overwrites the configuration
 * file; the configuration's `lang` reaches every output after it is read; and the README's
 * option tables are what the schema generates.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as abs } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { withOptionSections } from '../src/cli/options-doc.js';
import {
  CONFIG_KEYS,
  declare,
  fromCommander,
  INPUT_CONFIG_KEYS,
  inputFiles,
  OPTIONS,
  PER_INPUT_FLAGS,
  resolve,
  type Options,
  type RawOptions,
} from '../src/cli/options.js';
import { columnMap } from '../src/cli/values.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

const F = (name: string) => abs('fixtures', name);
/** The workbooks: the budget template (its budget on the second sheet) and the utfall (2024 first, 2023 second). */
const MALL = F('xlsx/budgetmall-2024-tkr.xlsx');
const XU = F('xlsx/utfall-2024.xlsx');
const U = abs(UTFALL);
const B = abs(BUDGET);

/**
 * A non-default value for every key the configuration file may set: as JSON, as flags, and
 * the other flags (on every run, the baseline included) under which the value shows.
 */
type Sample = { json: unknown; flag: string[]; context?: string[]; budget?: string; utfall?: string };
/** A SIE file (the ledger of the CSV fixtures): `--sie-dim verksamhet=1` reads its ansvar dimension as verksamhet. */
const SIE = abs('fixtures/sie/sjovik-2024-typ3.se');
const PLAIN_SAMPLES: Record<string, Sample> = {
  utfall: { json: [U, U], flag: ['--utfall', U, U] },
  budget: { json: [B, B], flag: ['--budget', B, B] },
  names: {
    json: F('verksamheter.csv'),
    flag: ['--names', F('verksamheter.csv')],
    context: ['--sub', '92'],
    budget: abs('test/errors/budget-no-names.csv'),
  },
  col: { json: { verksamhet: 'Ansvar' }, flag: ['--col', 'verksamhet=Ansvar'] },
  inputSign: { json: 'revenue-positive', flag: ['--input-sign', 'revenue-positive'] },
  inputUnit: { json: 'tkr', flag: ['--input-unit', 'tkr'] },
  perspective: { json: 'resultat', flag: ['--perspective', 'resultat'] },
  rounding: {
    json: 'half-even',
    flag: ['--rounding', 'half-even'],
    context: ['--unit', 'kr', '--decimals', '0', '--level', '3', '--format', 'json'],
  },
  unit: { json: 'mnkr', flag: ['--unit', 'mnkr'] },
  decimals: { json: 2, flag: ['--decimals', '2'] },
  level: { json: 3, flag: ['--level', '3'] },
  subLevel: { json: 3, flag: ['--sub-level', '3'], context: ['--sub', '5*'] },
  sub: { json: ['51'], flag: ['--sub', '51'] },
  by: { json: 'ansvar', flag: ['--by', 'ansvar'] },
  where: { json: ['konto!=3*'], flag: ['--where', 'konto!=3*'] },
  encoding: { json: 'utf-8', flag: ['--encoding', 'utf-8'] },
  delimiter: { json: ',', flag: ['--delimiter', ','] },
  decimal: { json: '.', flag: ['--decimal', '.'] },
  sieDim: { json: { verksamhet: '1' }, flag: ['--sie-dim', 'verksamhet=1'], utfall: SIE },
  sheet: { json: 'Budget 2024', flag: ['--sheet', 'Budget 2024'], context: ['--budget-col', 'belopp=Budget 2024 (tkr)'], budget: MALL },
  csvDialect: { json: 'en', flag: ['--csv-dialect', 'en'], context: ['--format', 'csv'] },
  format: { json: 'csv', flag: ['--format', 'csv'] },
  lang: { json: 'en', flag: ['--lang', 'en'] },
  period: { json: '2024-08', flag: ['--period', '2024-08'] },
  columns: { json: 'budget,utfall', flag: ['--columns', 'budget,utfall'] },
  periodisering: {
    json: F('periodiseringsnyckel.csv'),
    flag: ['--periodisering', F('periodiseringsnyckel.csv')],
    context: ['--period', '2024-08'],
  },
  prognosMetod: { json: 'linjar', flag: ['--prognos-metod', 'linjar'], context: ['--period', '2024-06'] },
  prognos: { json: F('prognos-2024-08.csv'), flag: ['--prognos', F('prognos-2024-08.csv')], context: ['--period', '2024-08'] },
  fgAr: { json: [F('utfall-2023.csv')], flag: ['--fg-ar', F('utfall-2023.csv')] },
  analys: { json: true, flag: ['--analys'] },
  resultat: { json: true, flag: ['--resultat'] },
  kategorier: {
    json: abs('test/errors/bad-categories.csv'),
    flag: ['--kategorier', abs('test/errors/bad-categories.csv')],
    context: ['--resultat'],
  },
  fgPrognos: { json: F('fg-prognos-2024-07.csv'), flag: ['--fg-prognos', F('fg-prognos-2024-07.csv')], context: ['--period', '2024-08'] },
  kommentarer: { json: F('kommentarer-2024-08.csv'), flag: ['--kommentarer', F('kommentarer-2024-08.csv')] },
  failOn: { json: ['avvikelse<0'], flag: ['--fail-on', 'avvikelse<0'] },
  sort: { json: 'avvikelse', flag: ['--sort', 'avvikelse'] },
  top: { json: 3, flag: ['--top', '3'] },
  minAvvikelse: { json: '300', flag: ['--min-avvikelse', '300'] },
  avrundningsnoter: { json: 'full', flag: ['--avrundningsnoter', 'full'] },
  rubrik: { json: 'Månadsrapport', flag: ['--rubrik', 'Månadsrapport'] },
  organisation: { json: 'Sjöviks kommun', flag: ['--organisation', 'Sjöviks kommun'] },
  layout: { json: 'rader', flag: ['--layout', 'rader'], context: ['--analys'] },
};

const FG = F('utfall-2023.csv');
const NO_UNIT = abs('test/per-input/prognos-utan-enhet.csv');
/** The plain samples of the ledger settings, as one input's own (`--budget-col`, `inputs.budget.col`). */
const ledgerSettings = (input: string, flag: string, context: string[] = []): Record<string, Sample> => ({
  [`inputs.${input}.col`]: { json: { verksamhet: 'Ansvar' }, flag: [`--${flag}-col`, 'verksamhet=Ansvar'], context },
  [`inputs.${input}.unit`]: { json: 'tkr', flag: [`--${flag}-unit`, 'tkr'], context },
  [`inputs.${input}.sign`]: { json: 'revenue-positive', flag: [`--${flag}-sign`, 'revenue-positive'], context },
  [`inputs.${input}.where`]: { json: ['konto!=3*'], flag: [`--${flag}-where`, 'konto!=3*'], context },
  [`inputs.${input}.encoding`]: { json: 'utf-8', flag: [`--${flag}-encoding`, 'utf-8'], context },
  [`inputs.${input}.delimiter`]: { json: ',', flag: [`--${flag}-delimiter`, ','], context },
  [`inputs.${input}.decimal`]: { json: '.', flag: [`--${flag}-decimal`, '.'], context },
  [`inputs.${input}.sieDim`]: {
    json: { verksamhet: '1' },
    flag: [`--${flag}-sie-dim`, 'verksamhet=1'],
    ...(input === 'fgAr' ? { context: ['--fg-ar', SIE, '--period', '2024-08'] } : { [input]: SIE }),
  },
});
const forecastSettings = (input: string, flag: string, file: string): Record<string, Sample> => ({
  [`inputs.${input}.unit`]: { json: 'mnkr', flag: [`--${flag}-unit`, 'mnkr'], context: ['--period', '2024-08', `--${flag}`, NO_UNIT] },
  [`inputs.${input}.sign`]: {
    json: 'revenue-positive',
    flag: [`--${flag}-sign`, 'revenue-positive'],
    context: ['--period', '2024-08', `--${flag}`, file],
  },
});

/** Every key of the per-input sections: `files` as the input's own sample, then the settings. */
const INPUT_SAMPLES: Record<string, Sample> = {
  ...Object.fromEntries(
    ['utfall', 'budget', 'names', 'prognos', 'fgAr', 'kategorier', 'fgPrognos', 'kommentarer'].map((k) => [
      `inputs.${k}.files`,
      PLAIN_SAMPLES[k] as Sample,
    ]),
  ),
  ...ledgerSettings('utfall', 'utfall'),
  ...ledgerSettings('budget', 'budget'),
  // The budget fixture is UTF-8 with commas and whole kronor: other values show there.
  'inputs.budget.encoding': { json: 'utf-16le', flag: ['--budget-encoding', 'utf-16le'] },
  'inputs.budget.delimiter': { json: ';', flag: ['--budget-delimiter', ';'] },
  'inputs.budget.decimal': { json: '.', flag: ['--budget-decimal', '.'], budget: abs('test/per-input/budget-tkr.csv') },
  'inputs.utfall.sheet': { json: 'Utfall 2023', flag: ['--utfall-sheet', 'Utfall 2023'], utfall: XU },
  'inputs.budget.sheet': {
    json: 'Budget 2024',
    flag: ['--budget-sheet', 'Budget 2024'],
    context: ['--budget-col', 'belopp=Budget 2024 (tkr)'],
    budget: MALL,
  },
  ...ledgerSettings('fgAr', 'fg-ar', ['--fg-ar', FG]),
  'inputs.fgAr.sheet': { json: 'Utfall 2023', flag: ['--fg-ar-sheet', 'Utfall 2023'], context: ['--fg-ar', XU] },
  ...forecastSettings('prognos', 'prognos', F('prognos-2024-08.csv')),
  ...forecastSettings('fgPrognos', 'fg-prognos', F('fg-prognos-2024-07.csv')),
};

const SAMPLES: Record<string, Sample> = { ...PLAIN_SAMPLES, ...INPUT_SAMPLES };
const ALL_KEYS: readonly string[] = [...CONFIG_KEYS, ...INPUT_CONFIG_KEYS];

/** The configuration file's JSON for one (possibly dotted) key. */
function nested(key: string, json: unknown): Record<string, unknown> {
  const [first, ...rest] = key.split('.');
  return { [first as string]: rest.length === 0 ? json : nested(rest.join('.'), json) };
}

/** The option a (possibly dotted) key sets: `inputs.budget.files` is `budget`, `inputs.budget.unit` is `inputs.budget.inputUnit`. */
function valueAt(o: Options, key: string): unknown {
  const [first, input, name] = key.split('.') as [string, string, string];
  if (first !== 'inputs') return (o as unknown as Record<string, unknown>)[key];
  if (name === 'files') return (o as unknown as Record<string, unknown>)[input];
  const p = PER_INPUT_FLAGS.find((x) => x.input === input && x.name === name);
  return (o.inputs as Record<string, Record<string, unknown>>)[input]?.[p?.setting as string];
}

/** The plain key a per-input `files` key stands for (`inputs.utfall.files` → `utfall`). */
const plainKey = (key: string): string => (key.startsWith('inputs.') && key.endsWith('.files') ? (key.split('.')[1] as string) : key);

const dir = () => mkdtempSync(join(tmpdir(), 'avvikelse-options-'));

function writeConfig(json: Record<string, unknown>): string {
  const d = dir();
  writeFileSync(join(d, 'avvikelse.config.json'), JSON.stringify(json));
  return d;
}

/** The flags commander gives `report` for `argv`, keyed by schema key. */
async function flagsOf(argv: string[]): Promise<RawOptions> {
  let raw: RawOptions = {};
  const program = declare(new Command('avvikelse'), 'global', 'sv').exitOverride();
  const report = declare(new Command('report'), 'report', 'sv').exitOverride();
  report.action(() => {
    raw = fromCommander(report, 'report');
  });
  program.addCommand(report);
  await program.parseAsync(['report', ...argv], { from: 'user' });
  return raw;
}

describe('the configuration file round-trips every key', () => {
  it('has a sample for every key the file may set (add one with each new key)', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ALL_KEYS].sort());
  });

  for (const key of ALL_KEYS) {
    it(`${key}: the file gives the options its flag gives, and not the default`, async () => {
      const sample = SAMPLES[key] as Sample;
      const d = writeConfig(nested(key, sample.json));
      const viaConfig = resolve({}, loadConfig(undefined, d));
      const viaFlag = resolve(await flagsOf(sample.flag), {});
      const defaults = resolve({}, {});
      expect(valueAt(viaConfig, key)).toEqual(valueAt(viaFlag, key));
      expect(valueAt(viaFlag, key)).not.toEqual(valueAt(defaults, key));
      expect({ ...viaConfig, config: undefined }).toEqual(viaFlag);
      expect(viaConfig.config).toBe(join(d, 'avvikelse.config.json'));
    });
  }

  for (const key of ALL_KEYS) {
    it(`${key}: a report run from the file equals the run with the flag, and differs without it`, async () => {
      const sample = SAMPLES[key] as Sample;
      const context = sample.context ?? [];
      const base: Record<string, string[]> = { utfall: [sample.utfall ?? U], budget: [sample.budget ?? B] };
      const baseFlags = (but?: string) => Object.entries(base).flatMap(([k, v]) => (k === but ? [] : [`--${k}`, ...v]));
      const plain = plainKey(key);
      const fileBase = Object.fromEntries(Object.entries(base).filter(([k]) => k !== plain));
      const d = writeConfig({ ...fileBase, ...nested(key, sample.json) });
      const fromFile = await cli(['report', ...context], { cwd: d });
      const fromFlag = await cli(['report', ...baseFlags(plain), ...context, ...sample.flag], { cwd: dir() });
      const without = await cli(['report', ...baseFlags(), ...context], { cwd: dir() });
      expect(fromFile).toEqual(fromFlag);
      expect(fromFlag).not.toEqual(without);
    });
  }
});

describe('options merge and inputs', () => {
  it('merges --col with the file key by key, the flag winning', async () => {
    const d = writeConfig({ col: { verksamhet: 'Vht', belopp: 'Summa' } });
    const o = resolve(await flagsOf(['--col', 'belopp=Belopp kr']), loadConfig(undefined, d));
    expect(o.col).toEqual({ verksamhet: 'Vht', belopp: 'Belopp kr' });
  });

  it('takes debet and kredit (also Debit, Credit) as column roles, per input too', async () => {
    expect(columnMap('--col', ['Debit=D', 'credit=K', 'vht=V', 'belopp=B'])).toEqual({
      debet: 'D',
      kredit: 'K',
      verksamhet: 'V',
      belopp: 'B',
    });
    const o = resolve(await flagsOf(['--utfall-col', 'debet=Debet', '--utfall-col', 'kredit=Kredit']), loadConfig(undefined, dir()));
    expect(o.inputs.utfall?.col).toMatchObject({ debet: 'Debet', kredit: 'Kredit' });
  });

  it('lists every input file: ledgers, code files, the periodisation key and the configuration file', async () => {
    const d = writeConfig({ names: 'namn.csv', fgAr: ['fg.csv'] });
    const o = resolve(
      await flagsOf(['--utfall', 'u.csv', '--budget', 'b.csv', '--periodisering', 'nyckel.csv', '--out', 'r.csv']),
      loadConfig(undefined, d),
    );
    expect(inputFiles(o).sort()).toEqual(
      ['u.csv', 'b.csv', join(d, 'namn.csv'), 'nyckel.csv', join(d, 'fg.csv'), join(d, 'avvikelse.config.json')].sort(),
    );
  });

  it('gives every entry a flag, help in both languages, commands and a README text', () => {
    for (const [key, def] of Object.entries(OPTIONS)) {
      expect(def.flag, key).toMatch(/^--[a-z-]+/);
      expect(def.help.sv && def.help.en && def.doc.text, key).toBeTruthy();
    }
  });
});

describe('--out never overwrites the configuration file', () => {
  const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

  it('refuses the file found in the working directory', async () => {
    const d = writeConfig({ utfall: [U], budget: [B] });
    const file = join(d, 'avvikelse.config.json');
    const before = hash(file);
    const run = await cli(['report', '--out', file], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[OUTPUT_IS_INPUT]');
    expect(hash(file)).toBe(before);
  });

  it('refuses the file named by --config, however it is spelled', async () => {
    const d = writeConfig({ utfall: [U], budget: [B] });
    const file = join(d, 'avvikelse.config.json');
    const before = hash(file);
    const run = await cli(['report', '--config', file, '--out', join(d, '.', 'avvikelse.config.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[OUTPUT_IS_INPUT]');
    expect(hash(file)).toBe(before);
  });
});

describe('"lang" in the configuration file (defect 3)', () => {
  const english = () => writeConfig({ lang: 'en', utfall: [U], budget: [B] });

  it('puts the report in English', async () => {
    const run = await cli(['report'], { cwd: english() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Operating statement 2024, tkr');
    expect(run.stdout).not.toContain('Driftredovisning');
  });

  it('puts errors raised after the file is read in English', async () => {
    const d = english();
    const bad = await cli(['report', '--unit', 'ksek'], { cwd: d });
    expect(bad.stderr).toBe('avvikelse: error: invalid value for --unit: "ksek" (kr | tkr | mnkr) [OPTION_INVALID]\n');
    const missing = await cli(['report', '--utfall', 'finns-inte.csv'], { cwd: d });
    expect(missing.stderr).toBe('avvikelse: error: finns-inte.csv: no such file [FILE_NOT_FOUND]\n');
  });

  it('puts verify and codes in English', async () => {
    const d = english();
    const verify = await cli(['verify', abs('fixtures/publicerade/driftredovisning-2024.csv')], { cwd: d });
    expect(verify.stdout).toMatch(/1 table/);
    const codes = await cli(['codes', '999'], { cwd: d });
    expect(codes.stderr).toBe('avvikelse: no codes under 999\n');
  });

  it('yields to --lang on the command line', async () => {
    const run = await cli(['report', '--lang', 'sv'], { cwd: english() });
    expect(run.stdout).toContain('Driftredovisning 2024, tkr');
  });

  it('is validated like the flag, and the error names the file', async () => {
    const d = writeConfig({ lang: 'fi', utfall: [U], budget: [B] });
    const run = await cli(['report'], { cwd: d });
    expect(run.stderr).toBe(
      `avvikelse: fel: ${join(d, 'avvikelse.config.json')}: ogiltigt värde för --lang: "fi" (sv | en) [OPTION_INVALID]\n`,
    );
  });
});

describe('README option tables', () => {
  it('are what the schema generates (run `npm run docs:options` after changing an option)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withOptionSections(readme)).toBe(readme);
  });

  it('show a configuration example that the schema accepts', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration file'));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1] as string;
    expect(() => resolve({}, loadConfig(undefined, writeConfig(JSON.parse(json))))).not.toThrow();
  });
});

describe('each command reads only its own options', () => {
  it('codes runs although the configuration file has a bad value for a report option', async () => {
    const d = writeConfig({ unit: 'ksek' });
    const run = await cli(['koder', '51'], { cwd: d });
    expect(run.stdout).toContain('510  Vård och omsorg om äldre');
    expect(run.code).toBe(0);
  });

  it('verify ignores a report-only key, and reports a bad value of a key it reads at the file', async () => {
    const table = abs('fixtures/publicerade/driftredovisning-2024.csv');
    expect((await cli(['kontroll', table], { cwd: writeConfig({ format: 'xml' }) })).code).toBe(0);
    const d = writeConfig({ unit: 'ksek' });
    const run = await cli(['kontroll', table, '--utfall', abs(UTFALL), '--budget', abs(BUDGET)], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(d, 'avvikelse.config.json')}: ogiltigt värde för --unit: "ksek"`);
  });

  it('--fail-on on a column the report does not show is refused before any file is read', async () => {
    const run = await cli(['report', '--utfall', 'finns-inte.csv', '--budget', BUDGET, '--fail-on', 'prognosavvikelse<0']);
    expect(run.stderr).toContain('[OPTION_INVALID]');
    expect(run.stderr).not.toContain('FILE_NOT_FOUND');
  });
});
