/**
 * Golden CLI tests: each case runs the command in-process on the shipped fixtures and
 * compares exit code, stdout and stderr with a checked-in file in test/golden/. After a
 * deliberate change, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`
 * and read the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';

const base = ['report', '--utfall', UTFALL, '--budget', BUDGET];

const CASES: Record<string, { args: string[]; env?: Record<string, string>; tty?: boolean }> = {
  'report-table': { args: [...base, '--sub', '51'] },
  'report-table-en': { args: [...base, '--sub', '51*', '--lang', 'en'] },
  'report-table-colour': { args: [...base], tty: true },
  'report-table-no-color-env': { args: [...base], tty: true, env: { NO_COLOR: '1' } },
  'report-csv': { args: [...base, '--sub', '51', '--format', 'csv'] },
  'report-csv-en': { args: [...base, '--sub', '51', '--format', 'csv', '--csv-dialect', 'en', '--lang', 'en'] },
  'report-json': { args: [...base, '--sub', '51', '--format', 'json'] },
  'report-md': { args: [...base, '--sub', '51', '--format', 'md'] },
  'report-resultat-mnkr': { args: [...base, '--perspective', 'resultat', '--unit', 'mnkr'] },
  'report-kr-half-even': { args: [...base, '--unit', 'kr', '--decimals', '2', '--rounding', 'half-even', '--level', '3'] },
  'report-by-ansvar': { args: [...base, '--by', 'ansvar', '--where', 'konto!=3*'] },
  'report-level3-sublevel': { args: [...base, '--level', '3', '--sub', '5*', '--sub-level', '3', '--format', 'md'] },
  'report-names-file': { args: ['report', '--utfall', UTFALL, '--budget', 'test/errors/budget-no-names.csv', '--names', 'fixtures/verksamheter.csv', '--sub', '92'] },
  'report-unnamed-codes': { args: ['report', '--utfall', UTFALL, '--budget', 'test/errors/budget-no-names.csv', '--sub', '92'] },
  'codes-51': { args: ['codes', '51'] },
  'koder-search': { args: ['koder', '--search', 'omsorg'] },
};

function render(run: { code: number; stdout: string; stderr: string }): string {
  return `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
}

describe('golden CLI output', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const run = await cli(c.args, { env: c.env, tty: c.tty });
      const path = `test/golden/${name}.txt`;
      if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, render(run));
      expect(render(run)).toBe(readFileSync(path, 'utf8'));
    });
  }
});
