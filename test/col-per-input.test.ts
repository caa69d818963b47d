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
});
