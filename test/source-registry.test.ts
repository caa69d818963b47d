/**
 * "Adding a format is one module and one registry line", checked: the toy source
 * (test/toy-source.ts) is registered by one line in front of the built-in sources, and is
 * then used for everything read/ does with a file — choosing the source by extension and by
 * sniffing, a ledger read (`report --utfall`), a small code file (`--prognos`), a published
 * table (`verify`), and the excerpt under an error — through the CLI, in-process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findSource, readLedger, readRecords, SOURCES } from '../src/read/index.js';
import { readReportTables } from '../src/read/report-table.js';
import { BUDGET, cli, ledgerSpec } from './helpers.js';

// The one registry line (in src/read/registry.ts it would read `[toySource, markdownSource, csvSource]`).
vi.mock('../src/read/registry.js', async (original) => ({
  SOURCES: [(await import('./toy-source.js')).toySource, ...(await original<typeof import('../src/read/registry.js')>()).SOURCES],
}));

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-toy-'));
const toyFile = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

const LEDGER = ['Utfall 2024, toy', '@ Sjöviks kommun', '@ Period ¦ Verksamhet ¦ Verksamhetsnamn ¦ Konto ¦ Belopp'];

describe('a source registered by one line', () => {
  it('is chosen by its extension and by sniffing, before CSV', () => {
    expect(SOURCES.map((s) => s.format)).toEqual(['toy', 'xlsx', 'ods', 'xls', 'zip', 'pdf', 'sie', 'html', 'binary', 'markdown', 'csv']);
    expect(findSource('x.toy', 'read').format).toBe('toy');
    expect(findSource(toyFile('utan-filandelse', ['@ Kod ¦ Prognos']), 'records').format).toBe('toy');
    expect(findSource('x.csv', 'read').format).toBe('csv');
  });

  it('reads a ledger through the shared record consumer: title records skipped, names, sign evidence', async () => {
    const path = toyFile('utfall.toy', [
      ...LEDGER,
      '@ 2024-01 ¦ 5101 ¦ Hemtjänst ¦ 3110 ¦ -1 000,50',
      '@ 2024-02 ¦ 5101 ¦ Hemtjänst ¦ 5011 ¦ 400',
    ]);
    const ledger = await readLedger(path, ledgerSpec());
    expect(ledger).toMatchObject({ format: 'toy', reader: 'toy', dataRows: 2, names: new Map([['5101', 'Hemtjänst']]) });
    expect(ledger.totals.get('5101')).toEqual(
      new Map([
        ['2024-01', -100_050n],
        ['2024-02', 40_000n],
      ]),
    );
    expect(ledger.signs).toEqual({ revenuePositive: 0, revenueNegative: 1, costPositive: 1, costNegative: 0 });
  });

  it('gives records for small files and published tables', async () => {
    const path = toyFile('tabell.toy', [
      '@ Driftredovisning 2024',
      '@ Verksamhet ¦ Utfall ¦ Budget ¦ Avvikelse',
      '@ 51 Äldreomsorg ¦ 1 000 ¦ 1 200 ¦ 200',
    ]);
    expect((await readRecords(path)).map((r) => r.cells.length)).toEqual([1, 4, 4]);
    const [table, ...more] = await readReportTables(path);
    expect(more).toEqual([]);
    expect(table).toMatchObject({ title: 'Driftredovisning 2024', line: 2, header: ['Verksamhet', 'Utfall', 'Budget', 'Avvikelse'] });
    expect(table?.rows.map((r) => [r.line, r.cells[0], r.numbers[3]])).toEqual([
      [3, '51 Äldreomsorg', { value: 2_000_000n, decimals: 0, percent: false }],
    ]);
  });

  it('serves the CLI end to end: report from a toy ledger and a toy forecast, verify of a toy table, errors placed file:#N with its excerpt', async () => {
    const utfall = toyFile('utfall-cli.toy', [...LEDGER, '@ 202401 ¦ 100 ¦ Nämnd ¦ 5011 ¦ 1 000']);
    const prognos = toyFile('prognos.toy', ['@ Kod ¦ Prognos', '@ 100 ¦ 2 000']);
    const report = await cli(['report', '--utfall', utfall, '--budget', BUDGET, '--prognos', prognos, '--format', 'csv']);
    // The toy utfall is a few kronor against the fixtures' whole budget: the units-look-mixed warning, nothing else.
    expect(report.stderr.replace(/^avvikelse: varning: totalen för budget är omkring \d+ gånger totalen för utfall.*\n/, '')).toBe('');
    expect(report.code).toBe(0);
    // Utfall ack 1 tkr from the toy ledger, Prognos helår 2 tkr from the toy forecast.
    expect(report.stdout).toMatch(/^10;Nämnd- och styrelseverksamhet;904;75;1;74;2;902$/m);

    const table = toyFile('publicerad.toy', [
      '@ Driftredovisning',
      '@ Verksamhet ¦ Utfall ¦ Budget ¦ Avvikelse',
      '@ 10 Politik ¦ 833 ¦ 904 ¦ 71',
      '@ 51 Äldreomsorg ¦ 251 612 ¦ 245 397 ¦ -6 215',
    ]);
    const verify = await cli(['verify', table]);
    expect(verify.stderr).toBe('');
    expect(verify).toMatchObject({ code: 0, stdout: '1 tabell, 2 kontroller: 0 fel, 0 avrundningsnoter\n' });
    const off = toyFile('publicerad-fel.toy', [
      '@ Driftredovisning',
      '@ Verksamhet ¦ Utfall ¦ Budget ¦ Avvikelse',
      '@ 10 Politik ¦ 833 ¦ 904 ¦ 75',
    ]);
    expect((await cli(['verify', off])).stdout).toContain(`${off}:3: `);

    const bad = toyFile('fel.toy', [...LEDGER, '@ 202401 ¦ 100 ¦ Nämnd ¦ 5011 ¦ 1,2x']);
    const failed = await cli(['report', '--utfall', bad, '--budget', BUDGET]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`${bad}:#3: kolumn Belopp: `);
    expect(failed.stderr).toContain('[AMOUNT_INVALID]\n  #3 (toy)\n');
  });
});
