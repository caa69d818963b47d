/**
 * `--col utfall=… --col budget=…`, the natural guess for a file with both value columns,
 * means each input's amount column: the same as `--utfall-col belopp=… --budget-col belopp=…`.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const RAINDANCE = 'fixtures/exports/raindance-rapport-2024-08.txt';
const DW = 'test/per-input/dw-utfall-budget.csv';

describe('--col with an input name as the role', () => {
  it('maps utfall= and budget= to each input’s belopp (Raindance report with Utfall ack and Budget år)', async () => {
    const guess = await cli([
      'rapport',
      '--utfall',
      RAINDANCE,
      '--budget',
      RAINDANCE,
      '--col',
      'utfall=Utfall ack',
      '--col',
      'budget=Budget år',
    ]);
    const own = await cli([
      'rapport',
      '--utfall',
      RAINDANCE,
      '--budget',
      RAINDANCE,
      '--utfall-col',
      'belopp=Utfall ack',
      '--budget-col',
      'belopp=Budget år',
    ]);
    expect(guess.code).toBe(0);
    expect(guess.stdout).toBe(own.stdout);
    expect(guess.stderr).toBe(own.stderr);
  });

  it('is one input’s own pair: --utfall-col belopp wins over --col utfall=, and the other input keeps the plain mapping', async () => {
    const mixed = await cli([
      'rapport',
      '--utfall',
      DW,
      '--budget',
      DW,
      '--col',
      'utfall=BUD_V',
      '--utfall-col',
      'belopp=UTF_V',
      '--col',
      'budget=BUD_V',
    ]);
    const own = await cli(['rapport', '--utfall', DW, '--budget', DW, '--utfall-col', 'belopp=UTF_V', '--budget-col', 'belopp=BUD_V']);
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toBe(own.stdout);
  });

  it('is read from the configuration file too', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-col-'));
    const file = resolve(DW);
    writeFileSync(
      join(dir, 'avvikelse.config.json'),
      JSON.stringify({ utfall: [file], budget: [file], col: { utfall: 'UTF_V', budget: 'BUD_V' } }),
    );
    const run = await cli(['rapport'], { cwd: dir });
    const own = await cli(['rapport', '--utfall', DW, '--budget', DW, '--utfall-col', 'belopp=UTF_V', '--budget-col', 'belopp=BUD_V']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(own.stdout);
  });

  it('refuses a role that is neither a column role nor an input, naming the roles (a typo never maps nothing)', async () => {
    for (const args of [
      ['--col', 'foo=Belopp'],
      ['--budget-col', 'utfal=Budget'],
      ['--col', 'belop=Belopp'],
    ]) {
      const run = await cli(['rapport', '--utfall', 'fixtures/utfall-2024.csv', '--budget', 'fixtures/budget-2024.csv', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`ogiltigt värde för ${args[0]}: "${args[1]}" (okänd roll; roller: verksamhet`);
      expect(run.stderr).toContain('[OPTION_INVALID]');
    }
    const en = await cli([
      'rapport',
      '--utfall',
      'fixtures/utfall-2024.csv',
      '--budget',
      'fixtures/budget-2024.csv',
      '--col',
      'foo=Belopp',
      '--lang',
      'en',
    ]);
    expect(en.stderr).toContain('(unknown role; roles: verksamhet');
  });

  it('knows the aliases: vht, debit/credit, and fg-ar written fg år', async () => {
    const DC = 'fixtures/exports/huvudbok-debet-kredit-2024.csv';
    const alias = await cli([
      'rapport',
      '--utfall',
      DC,
      '--budget',
      'fixtures/budget-2024.csv',
      '--col',
      'vht=Verksamhet',
      '--utfall-col',
      'debit=Debet',
      '--utfall-col',
      'credit=Kredit',
      '--col',
      'fg år=Belopp',
    ]);
    expect(alias.stderr).not.toContain('[OPTION_INVALID]');
    expect(alias.code).toBe(0);
  });
});
