/** The terminal table fits the terminal's width; a file or a pipe gets it unchanged (issue 15 item 6). */
import { describe, expect, it } from 'vitest';
import { fitTable, twoLines } from '../src/write/table.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

const monthly = ['report', '--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--fg-ar', 'fixtures/utfall-2023.csv'];
/** The table's lines: from its title to the blank line after it, and the rules line. */
const tableLines = (text: string) => [...text.split('\n').slice(0, text.split('\n').indexOf('')), ...text.trimEnd().split('\n').slice(-2)];

describe('fitting the terminal', () => {
  it('splits a heading at the space nearest its middle', () => {
    expect(twoLines('Prognos helår')).toBe('Prognos\nhelår');
    expect(twoLines('Utfall fg år')).toBe('Utfall\nfg år');
    expect(twoLines('Avvikelse')).toBe('Avvikelse');
    expect(twoLines('Prognosförändring')).toBe('Prognos-\nförändring');
  });

  it('leaves a table that fits, or one with no width to fit, as it is', () => {
    expect(fitTable(['51 Äldreomsorg'], ['Utfall'], [['100']], 80)).toEqual({ headings: ['Utfall'], labelWidth: null });
    expect(fitTable(['51 Äldreomsorg'], ['Utfall'], [['100']], undefined).labelWidth).toBeNull();
  });

  for (const width of [100, 120]) {
    it(`keeps every line of a monthly table within ${width} columns on a terminal`, async () => {
      const run = await cli(monthly, { tty: true, env: { COLUMNS: String(width), NO_COLOR: '1' } });
      expect(run.code).toBe(0);
      for (const line of tableLines(run.stdout)) expect(line.length, line).toBeLessThanOrEqual(width);
    });
  }

  it('prints the same table as before to a pipe, and with --bred', async () => {
    const piped = await cli(monthly, { env: { COLUMNS: '80' } });
    const bred = await cli([...monthly, '--bred'], { tty: true, env: { COLUMNS: '80', NO_COLOR: '1' } });
    expect(bred.stdout).toBe(piped.stdout);
    expect(Math.max(...tableLines(piped.stdout).map((l) => l.length))).toBeGreaterThan(120);
  });
});
