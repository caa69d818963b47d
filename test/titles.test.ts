/** `--rubrik`, `--organisation` and the command line the HTML report and the workbook show (issue 15 item 3). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { invocation } from '../src/cli/report.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

describe('the command line shown in a report', () => {
  it('names files by their file name only, never a local folder', () => {
    expect(invocation(['report', '--utfall', '/home/anna/ekonomi/utfall.csv', '--budget', 'C:\\Users\\anna\\budget.csv'])).toBe(
      'avvikelse report --utfall utfall.csv --budget budget.csv',
    );
    expect(invocation(['report', '--out=/tmp/x/rapport.html'])).toBe('avvikelse report --out=rapport.html');
    // A role=header pair is no path.
    expect(invocation(['report', '--col', 'belopp=kr/år'])).toBe("avvikelse report --col 'belopp=kr/år'");
  });

  it('the HTML report of a run with absolute paths shows none of them', async () => {
    const run = await cli(['report', '--utfall', join(process.cwd(), UTFALL), '--budget', join(process.cwd(), BUDGET), '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(process.cwd());
    expect(run.stdout).toContain('<pre>avvikelse report --utfall utfall-2024.csv --budget budget-2024.csv --format html</pre>');
  });
});

describe('--rubrik and --organisation', () => {
  it('head every table sheet of a workbook, above the frozen title and header', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'avvikelse-titles-')), 'r.xlsx');
    const run = await cli([
      'report',
      '--utfall',
      UTFALL,
      '--budget',
      BUDGET,
      '--rubrik',
      'Augusti',
      '--organisation',
      'Sjöviks kommun',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).toContain('Sjöviks kommun: Augusti');
    expect(sheet).toContain('ySplit="3"');
  });

  it('come from the configuration file too', async () => {
    const run = await cli([
      'report',
      '--config',
      'test/titles/rubrik.config.json',
      '--utfall',
      UTFALL,
      '--budget',
      BUDGET,
      '--format',
      'md',
    ]);
    expect(run.stdout.startsWith('# Rapport ur konfigurationen\n')).toBe(true);
  });
});
