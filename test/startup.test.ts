/**
 * The launcher and the bundle (issue 16, item 3): bin/avvikelse.js runs dist/bin/main.js, the
 * program bundled by `npm run build`; it answers `--version` alone without loading the program;
 * the bundle's source maps name the lines of src/*.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';

const BIN = resolve('bin/avvikelse.js');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const node = (args: string[], cwd?: string) => spawnSync(process.execPath, args, { encoding: 'utf8', cwd });

describe('the launcher', () => {
  it.each([['--version'], ['-V']])('answers %s with the version line the program prints', async (flag) => {
    const r = node([BIN, flag]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.stderr).toBe('');
    const program = await cli([flag]);
    expect(program).toEqual({ code: 0, stdout: r.stdout, stderr: '' });
  });

  it('answers --version without loading the program (a copy with no dist/ still answers)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-launcher-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin/avvikelse.js'));
    copyFileSync('package.json', join(dir, 'package.json'));
    const r = node([join(dir, 'bin/avvikelse.js'), '--version']);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.status).toBe(0);
    // Anything more needs the program, which that copy does not have.
    expect(node([join(dir, 'bin/avvikelse.js'), '--version', '--lang', 'en']).status).not.toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))('leaves a --version that cannot be written to the program: message and exit 74', () => {
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' --version > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(74);
    expect(r.stderr).toContain('[STDOUT_UNWRITABLE]');
  });

  it('runs the bundled program, which prints what the program from src/ prints', async () => {
    expect(readFileSync(BIN, 'utf8')).toContain("import('../dist/bin/main.js')");
    for (const args of [
      ['report', '--utfall', UTFALL, '--budget', BUDGET, '--format', 'csv', '--analys'],
      ['report', '--utfall', 'fixtures/xlsx/utfall-2024.xlsx', '--budget', BUDGET, '--format', 'md'],
      ['report', '--utfall', 'test/errors/bad-amount.csv', '--budget', BUDGET],
    ]) {
      const r = node([BIN, ...args]);
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(await cli(args));
    }
  });
});

describe('the bundle', () => {
  it('has source maps that name the lines of src/*.ts (what --debug turns on)', () => {
    const script = `
      const { formatError } = await import('./dist/bin/main.js');
      try { formatError(null, null); } catch (e) { console.log(e.stack); }`;
    const mapped = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(mapped.stdout).toMatch(/at .*formatError \(.*src\/cli\/main\.ts:\d+:\d+\)/);
  });
});
