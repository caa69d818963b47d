/** Förändring (Utfall − Utfall fg år, the same months) and Förändring % (issue 15 item 4). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNED_COLUMNS } from '../src/report/columns.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-forandring-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('Förändring against last year', () => {
  it('compares the months this year covers with the same months last year, in a driftredovisning', async () => {
    const utfall = file('u.csv', 'Verksamhet;Konto;Period;Belopp\n51;4000;202401;100000\n51;4000;202402;100000\n');
    const budget = file('b.csv', 'Verksamhet;Konto;Period;Belopp\n51;4000;2024;1200000\n');
    // Last year: 90 000 a month, all twelve months; only January and February compare.
    const rows = Array.from({ length: 12 }, (_, i) => `51;4000;2023${String(i + 1).padStart(2, '0')};90000`).join('\n');
    const fg = file('fg.csv', `Verksamhet;Konto;Period;Belopp\n${rows}\n`);
    const run = await cli([
      'report',
      '--utfall',
      utfall,
      '--budget',
      budget,
      '--fg-ar',
      fg,
      '--columns',
      'utfall,forandring,forandring_procent',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const table = JSON.parse(run.stdout).tables[0];
    expect(table.rows[0]).toMatchObject({ kod: '51', utfall: '200', forandring: '20', forandring_procent: '11.1' });
  });

  it('needs --fg-ar', async () => {
    const run = await cli([
      'report',
      '--utfall',
      'fixtures/utfall-2024.csv',
      '--budget',
      'fixtures/budget-2024.csv',
      '--columns',
      'utfall,forandring',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fg-ar (forandring)');
  });

  it('is not coloured as better or worse than budget: more cost than last year is no deviation', () => {
    expect(SIGNED_COLUMNS.has('forandring')).toBe(false);
    expect(SIGNED_COLUMNS.has('forandring_procent')).toBe(false);
    expect(SIGNED_COLUMNS.has('avvikelse_procent')).toBe(true);
  });
});
