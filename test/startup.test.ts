/**
 * The launcher and the bundle (issue 16, item 3): bin/avvikelse.js runs dist/bin/main.js, the
 * program bundled by `npm run build`; it answers `--version` alone without loading the program;
 * the bundle's source maps name the lines of src/*.ts; a run loads only the chunks its command
 * and its inputs need (verify, init, the .xlsx and SIE readers on first use).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sieSource } from '../src/read/sie/index.js';
import { sieLazy, xlsxLazy } from '../src/read/registry.js';
import { xlsxSource } from '../src/read/xlsx/index.js';
import { BUDGET, cli, UTFALL, UTFALL_UTF8 } from './helpers.js';

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

describe('what a run loads', () => {
  // A module hook that prints each file of the program as Node loads it.
  const hooks = mkdtempSync(join(tmpdir(), 'avvikelse-loads-'));
  writeFileSync(
    join(hooks, 'hooks.mjs'),
    `export async function load(url, context, next) {
      if (url.includes('/dist/bin/')) process.stderr.write('@@load ' + url + '\\n');
      return next(url, context);
    }`,
  );
  writeFileSync(join(hooks, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);

  /** The src/ and node_modules/ files whose code the run loaded (from each bundle file's source map), and its exit code. */
  const loaded = (args: string[]): { code: number | null; sources: string[] } => {
    const r = node(['--import', join(hooks, 'register.mjs'), BIN, ...args]);
    const files = [...r.stderr.matchAll(/^@@load (.*)$/gm)].map((m) => fileURLToPath(m[1] as string));
    // A file without a map (Rolldown's small runtime chunk) holds no code of src/.
    const sources = files.flatMap((f) =>
      existsSync(`${f}.map`) ? (JSON.parse(readFileSync(`${f}.map`, 'utf8')) as { sources: string[] }).sources : [],
    );
    return { code: r.status, sources: sources.map((s) => s.replace(/^(\.\.\/)+/, '')) };
  };
  const LAZY = [
    /^src\/report\/verify\/(?!relation\.ts)/,
    /^src\/cli\/verify\.ts$/,
    /^src\/cli\/init\.ts$/,
    /^src\/read\/sie\//,
    /^src\/read\/xlsx\//,
    /^src\/read\/report-table\.ts$/,
  ];
  const lazyIn = (sources: string[]) => sources.filter((s) => LAZY.some((re) => re.test(s)));

  it('a report on CSV files loads neither verify, init, nor the SIE and .xlsx readers', () => {
    const r = loaded(['report', '--utfall', UTFALL_UTF8, '--budget', BUDGET, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.sources).toContain('src/read/csv/fast/scanner.ts');
    expect(lazyIn(r.sources)).toEqual([]);
  });

  it('a report to stdout loads neither node:child_process (commander, for executable subcommands) nor node:crypto (for --out)', () => {
    const script = join(hooks, 'builtins.mjs');
    writeFileSync(
      script,
      `process.on('exit', () => process.stderr.write('@@builtins ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',') + '\\n'));\n`,
    );
    const r = node(['--import', script, BIN, 'report', '--utfall', UTFALL_UTF8, '--budget', BUDGET, '--format', 'json']);
    expect(r.status).toBe(0);
    const builtins = /@@builtins (.*)/.exec(r.stderr)?.[1]?.split(',') ?? [];
    expect(builtins).toContain('NativeModule fs');
    expect(builtins).not.toContain('NativeModule child_process');
    expect(builtins).not.toContain('NativeModule crypto');
  });

  it('--help loads none of them either', () => {
    const r = loaded(['--help']);
    expect(r.code).toBe(0);
    expect(lazyIn(r.sources)).toEqual([]);
  });

  it('loads the .xlsx reader for a workbook, the SIE reader for a SIE file, and verify for verify', () => {
    const xlsx = loaded(['report', '--utfall', 'fixtures/xlsx/utfall-2024.xlsx', '--budget', BUDGET, '--format', 'json']);
    expect(xlsx.code).toBe(0);
    expect(xlsx.sources).toContain('src/read/xlsx/index.ts');
    expect(xlsx.sources).not.toContain('src/read/sie/index.ts');
    const sie = loaded(['report', '--utfall', 'fixtures/sie/sjovik-2024-typ4.se', '--budget', BUDGET, '--format', 'json']);
    expect(sie.code).toBe(0);
    expect(sie.sources).toContain('src/read/sie/index.ts');
    expect(sie.sources).not.toContain('src/read/xlsx/index.ts');
    const verify = loaded(['verify', 'fixtures/publicerade/driftredovisning-2024.csv']);
    expect(verify.code).toBe(0);
    expect(verify.sources).toContain('src/report/verify/index.ts');
    expect(verify.sources).not.toContain('src/cli/init.ts');
  });

  it('shows the excerpt under an error in a workbook or a SIE file as the program from src/ does', async () => {
    for (const file of ['test/errors/belopp-fel.xlsx', 'test/errors/sie-belopp.se']) {
      const args = ['report', '--utfall', file, '--budget', BUDGET];
      const r = node([BIN, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n').length).toBeGreaterThan(2);
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(await cli(args));
    }
  });

  it('the registry knows each lazily loaded source as the source itself describes it', async () => {
    for (const [lazy, source] of [
      [xlsxLazy, xlsxSource],
      [sieLazy, sieSource],
    ] as const) {
      expect({ format: lazy.format, extensions: lazy.extensions, byContent: lazy.byContent, sniff: lazy.sniff }).toEqual({
        format: source.format,
        extensions: source.extensions,
        byContent: source.byContent,
        sniff: source.sniff,
      });
      expect(await lazy.load()).toBe(source);
    }
  });
});
