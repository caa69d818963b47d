/**
 * A configuration file written on Windows: CRLF line endings, a BOM, and `\`-separated
 * relative paths (`fixtures\\utfall-2024.csv` in JSON). A backslash in a configuration path is
 * a folder separator on every system, so the same file runs on Linux, macOS and Windows.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { fromConfig } from '../src/cli/options.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

/** `text` with Windows line endings and Notepad's BOM. */
const windows = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

describe('a configuration file from Windows', () => {
  it('reads CRLF, a BOM and backslash paths, relative to the file, and gives the same report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-win-'));
    const root = resolve('.');
    // The configuration lives in a sub-folder; its paths climb out with ..\\ and go down with \\.
    mkdirSync(join(dir, 'sn'));
    const up = join(dir, 'sn')
      .split('/')
      .filter(Boolean)
      .map(() => '..')
      .join('\\\\');
    const config = `{\n  "utfall": ["${up}${root.replace(/\//g, '\\\\')}\\\\fixtures\\\\utfall-2024.csv"],\n  "budget": ["${up}${root.replace(/\//g, '\\\\')}\\\\fixtures\\\\budget-2024.csv"],\n  "unit": "tkr"\n}\n`;
    writeFileSync(join(dir, 'sn', 'avvikelse.config.json'), windows(config));
    const run = await cli(['rapport', '--config', join(dir, 'sn', 'avvikelse.config.json'), '--period', '2024-08']);
    const flags = await cli(['rapport', '--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(flags.stdout);
  });

  it('reads fixtures\\utfall-2024.csv, in a CRLF file with a BOM, as fixtures/utfall-2024.csv beside the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-win-'));
    const file = join(dir, 'avvikelse.config.json');
    writeFileSync(
      file,
      windows(
        '{\n  "utfall": ["fixtures\\\\utfall-2024.csv"],\n  "inputs": { "budget": { "files": [".\\\\fixtures\\\\budget-2024.csv"] } }\n}\n',
      ),
    );
    const parsed = loadConfig(file, dir);
    expect(parsed.utfall).toEqual([join(dir, 'fixtures', 'utfall-2024.csv')]);
    expect(parsed.budget).toEqual([join(dir, 'fixtures', 'budget-2024.csv')]);
  });

  it('makes per-input files and single paths relative to the file, with backslashes as separators', () => {
    const parsed = fromConfig(
      { inputs: { fgAr: { files: ['..\\2023\\utfall.csv'] } }, names: 'namn\\verksamheter.csv' },
      '/data/sn/avvikelse.config.json',
    );
    expect(parsed.fgAr).toEqual(['/data/2023/utfall.csv']);
    expect(parsed.names).toBe('/data/sn/namn/verksamheter.csv');
  });
});
