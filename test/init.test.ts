/**
 * `avvikelse init`: reads sample utfall and budget files through read/ (the same detection as
 * a report), prints what it found (pinned in test/init/*.txt, Swedish and English), writes
 * avvikelse.config.json that the next `avvikelse rapport --period …` runs on, and refuses to
 * overwrite an existing configuration without --force.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextMonth } from '../src/cli/init.js';
import { expectGolden } from './golden-file.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

/** A scratch folder with copies of the sample exports, as a controller's own folder would be. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-init-'));
  copyFileSync(UTFALL, join(dir, 'utfall-2024.csv'));
  copyFileSync(BUDGET, join(dir, 'budget-2024.csv'));
  return dir;
}

const render = (dir: string, run: { code: number; stdout: string; stderr: string }) =>
  `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}--- avvikelse.config.json\n${readFileSync(join(dir, 'avvikelse.config.json'), 'utf8')}`.replaceAll(
    dir,
    '<dir>',
  );

describe('avvikelse init', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`says what it found and writes avvikelse.config.json (${lang})`, async () => {
      const dir = folder();
      const args = ['init', '--utfall', join(dir, 'utfall-2024.csv'), '--budget', join(dir, 'budget-2024.csv')];
      const run = await cli(lang === 'sv' ? args : [...args, '--lang', 'en'], { cwd: dir });
      expect(run.code).toBe(0);
      expectGolden(`test/init/init-${lang}.txt`, render(dir, run));
    });
  }

  it('answers to initiera, and the next report is one short command giving the same report', async () => {
    const dir = folder();
    const init = await cli(['initiera', '--utfall', join(dir, 'utfall-2024.csv'), '--budget', join(dir, 'budget-2024.csv')], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('npx avvikelse rapport --period 2024-12');
    const short = await cli(['rapport', '--period', '2024-08'], { cwd: dir });
    const long = await cli(['rapport', '--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08']);
    expect(short.code).toBe(0);
    expect(short.stdout).toBe(long.stdout);
  });

  it('refuses to overwrite a configuration without --force, and overwrites it with', async () => {
    const dir = folder();
    const config = join(dir, 'avvikelse.config.json');
    writeFileSync(config, '{ "unit": "mnkr" }\n');
    const args = ['init', '--utfall', join(dir, 'utfall-2024.csv'), '--budget', join(dir, 'budget-2024.csv')];
    const refused = await cli(args, { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('[CONFIG_EXISTS]');
    expect(refused.stdout).toBe('');
    expect(readFileSync(config, 'utf8')).toBe('{ "unit": "mnkr" }\n');
    const forced = await cli([...args, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({
      utfall: ['utfall-2024.csv'],
      budget: ['budget-2024.csv'],
      inputs: { utfall: { encoding: 'windows-1252', delimiter: ';' }, budget: { encoding: 'utf-8', delimiter: ',' } },
    });
  });

  it('writes --config FILE instead, with paths relative to it, and ignores a broken configuration it replaces', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'avvikelse.config.json'), '{ broken');
    const run = await cli(['init', '--utfall', UTFALL, '--budget', BUDGET, '--config', join(dir, 'sn.json')]);
    expect(run.code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'sn.json'), 'utf8')) as { utfall: string[] };
    expect(written.utfall[0]).toMatch(/^(\.\.\/)+.*fixtures\/utfall-2024\.csv$/);
    expect(run.stdout).toContain(`--config ${join(dir, 'sn.json')} --period 2024-12`);
  });

  it('needs both inputs, and leaves no file behind when a sample cannot be read', async () => {
    const dir = folder();
    const missing = await cli(['init', '--utfall', UTFALL], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--budget <…> saknas; se avvikelse init --help [OPTION_MISSING]');
    const bad = await cli(['init', '--utfall', 'test/errors/bad-amount.csv', '--budget', BUDGET], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('[AMOUNT_INVALID]');
    expect(existsSync(join(dir, 'avvikelse.config.json'))).toBe(false);
  });

  it('takes the report’s input settings and writes them, so a workbook budget on its own sheet needs no flag next month', async () => {
    const dir = folder();
    const xlsx = resolve('fixtures/xlsx/budgetmall-2024-tkr.xlsx');
    const settings = ['--budget-sheet', 'Budget 2024', '--budget-col', 'belopp=Budget 2024 (tkr)'];
    const run = await cli(
      ['init', '--utfall', join(dir, 'utfall-2024.csv'), '--budget', xlsx, ...settings, '--utfall-where', 'ansvar=4*'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('belopp i tkr (enligt rubriken "Budget 2024 (tkr)")');
    const config = JSON.parse(readFileSync(join(dir, 'avvikelse.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.where).toBeUndefined();
    expect(config.inputs).toEqual({
      utfall: { where: ['ansvar=4*'], encoding: 'windows-1252', delimiter: ';' },
      budget: { sheet: 'Budget 2024', col: { belopp: 'Budget 2024 (tkr)' } },
    });
    const short = await cli(['rapport', '--period', '2024-08'], { cwd: dir });
    const long = await cli([
      'rapport',
      '--utfall',
      UTFALL,
      '--budget',
      xlsx,
      ...settings,
      '--utfall-where',
      'ansvar=4*',
      '--period',
      '2024-08',
    ]);
    expect(short.code).toBe(0);
    expect(short.stdout).toBe(long.stdout);
  });

  it('pins no detected dialect where a flag gave it', async () => {
    const dir = folder();
    const run = await cli(
      [
        'init',
        '--utfall',
        join(dir, 'utfall-2024.csv'),
        '--budget',
        join(dir, 'budget-2024.csv'),
        '--utfall-encoding',
        'cp1252',
        '--delimiter',
        'auto',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'avvikelse.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.delimiter).toBe('auto');
    expect(config.inputs).toEqual({ utfall: { encoding: 'cp1252' }, budget: { encoding: 'utf-8' } });
  });

  it('knows the month after December', () => {
    expect(nextMonth('2024-08')).toBe('2024-09');
    expect(nextMonth('2024-12')).toBe('2025-01');
  });
});

describe('koder --search', () => {
  it('says "inga träffar" when the search matches nothing, not "inga koder under *"', async () => {
    const run = await cli(['koder', '--search', 'hemtjänst']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('avvikelse: inga träffar för "hemtjänst"\n');
    expect((await cli(['codes', '51', '--search', 'hemtjänst', '--lang', 'en'])).stderr).toBe(
      'avvikelse: no hits for "hemtjänst" under 51\n',
    );
    expect((await cli(['koder', '99'])).stderr).toBe('avvikelse: inga koder under 99\n');
  });
});
