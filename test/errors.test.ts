/**
 * The error catalogue: one small bad input (or bad option) per error code, each with its
 * full expected output pinned in test/errors/<name>.txt — exit code 2, the message with
 * file, line, column and the offending text, and no stack trace. Regenerate deliberately
 * with `UPDATE_GOLDEN=1 npx vitest run test/errors.test.ts` and read the diff.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';

const E = 'test/errors';
const report = (utfall: string, ...more: string[]) => ['report', '--utfall', utfall, '--budget', BUDGET, ...more];

const CATALOGUE: Record<string, { args: string[]; code: string }> = {
  'file-not-found': { args: report(`${E}/finns-inte.csv`), code: 'FILE_NOT_FOUND' },
  'file-empty': { args: report(`${E}/empty.csv`), code: 'FILE_EMPTY' },
  'header-only': { args: report(`${E}/header-only.csv`), code: 'NO_DATA_ROWS' },
  'amount-invalid': { args: report(`${E}/bad-amount.csv`), code: 'AMOUNT_INVALID' },
  'amount-invalid-en': { args: report(`${E}/bad-amount.csv`, '--lang', 'en'), code: 'AMOUNT_INVALID' },
  'amount-precision': { args: report(`${E}/precision.csv`), code: 'AMOUNT_PRECISION' },
  'column-missing-amount': { args: report(`${E}/no-amount-column.csv`), code: 'COLUMN_MISSING' },
  'column-missing-code': { args: report(`${E}/no-code-column.csv`), code: 'COLUMN_MISSING' },
  'column-ambiguous': { args: report(`${E}/ambiguous.csv`), code: 'COLUMN_AMBIGUOUS' },
  'column-unknown': { args: report(UTFALL, '--col', 'verksamhet=Vht'), code: 'COLUMN_UNKNOWN' },
  'period-invalid': { args: report(`${E}/bad-period.csv`), code: 'PERIOD_INVALID' },
  'field-count': { args: report(`${E}/field-count.csv`), code: 'FIELD_COUNT' },
  'csv-syntax': { args: report(`${E}/unclosed-quote.csv`), code: 'CSV_SYNTAX' },
  'code-empty': { args: report(`${E}/empty-code.csv`), code: 'CODE_EMPTY' },
  'encoding-invalid': { args: report(`${E}/cp1252-byte.csv`, '--encoding', 'utf-8'), code: 'ENCODING_INVALID' },
  'option-unknown': { args: report(UTFALL, '--bogus'), code: 'OPTION_UNKNOWN' },
  'option-missing-budget': { args: ['report', '--utfall', UTFALL], code: 'OPTION_MISSING' },
  'level-zero': { args: report(UTFALL, '--level', '0'), code: 'OPTION_INVALID' },
  'level-not-a-number': { args: report(UTFALL, '--level', 'två'), code: 'OPTION_INVALID' },
  'unit-invalid': { args: report(UTFALL, '--unit', 'ksek'), code: 'OPTION_INVALID' },
  'where-invalid': { args: report(UTFALL, '--where', 'ansvar'), code: 'OPTION_INVALID' },
  'where-unknown-column': { args: report(UTFALL, '--where', 'projekt=1*'), code: 'COLUMN_UNKNOWN' },
  'lang-invalid': { args: report(UTFALL, '--lang', 'fi'), code: 'OPTION_INVALID' },
  'config-unknown-key': { args: report(UTFALL, '--config', `${E}/config/avvikelse.config.json`), code: 'CONFIG_INVALID' },
  'config-broken-json': { args: report(UTFALL, '--config', `${E}/config/broken.json`), code: 'CONFIG_INVALID' },
  'output-is-input': { args: report(UTFALL, '--out', BUDGET), code: 'OUTPUT_IS_INPUT' },
  'unknown-command': { args: ['rapporter'], code: 'COMMAND_UNKNOWN' },
  'period-outside-data': { args: report(UTFALL, '--period', '2025-01'), code: 'PERIOD_OUTSIDE_DATA' },
  'period-option-invalid': { args: report(UTFALL, '--period', 'augusti'), code: 'OPTION_INVALID' },
  'period-missing-in-utfall': { args: report(`${E}/no-period.csv`, '--period', '2024-08'), code: 'PERIOD_MISSING' },
  'weight-invalid': { args: report(UTFALL, '--period', '2024-08', '--periodisering', `${E}/bad-key.csv`), code: 'WEIGHT_INVALID' },
  'key-field-count': { args: report(UTFALL, '--period', '2024-08', '--periodisering', `${E}/short-key.csv`), code: 'FIELD_COUNT' },
  'prognos-amount-invalid': { args: report(UTFALL, '--period', '2024-08', '--prognos', `${E}/bad-prognos.csv`), code: 'AMOUNT_INVALID' },
  'prognos-metod-invalid': { args: report(UTFALL, '--prognos-metod', 'gissning'), code: 'OPTION_INVALID' },
  'fg-ar-needed': { args: report(UTFALL, '--periodisering', 'fg-ar'), code: 'OPTION_MISSING' },
  'columns-unknown': { args: report(UTFALL, '--columns', 'utfall,prognos_helar'), code: 'OPTION_INVALID' },
  'columns-mixed': { args: report(UTFALL, '--columns', 'utfall,prognos'), code: 'OPTION_INVALID' },
  'columns-need-input': { args: report(UTFALL, '--period', '2024-08', '--columns', 'prognos,kommentar'), code: 'OPTION_MISSING' },
  'fail-on-invalid': { args: report(UTFALL, '--fail-on', 'prognosavvikelse << 5'), code: 'OPTION_INVALID' },
  'category-invalid': { args: report(UTFALL, '--resultat', '--kategorier', `${E}/bad-categories.csv`), code: 'CATEGORY_INVALID' },
  'analys-with-period': { args: report(UTFALL, '--analys', '--period', '2024-08'), code: 'OPTION_INVALID' },
  'delimiter-invalid': { args: report(UTFALL, '--delimiter', 'pipe'), code: 'OPTION_INVALID' },
  'verify-format-invalid': { args: ['verify', 'fixtures/publicerade/driftredovisning-2024.csv', '--format', 'xml'], code: 'OPTION_INVALID' },
  'fail-on-hidden-column': { args: report(UTFALL, '--fail-on', 'prognosavvikelse<-5000'), code: 'OPTION_INVALID' },
};

const render = (run: { code: number; stdout: string; stderr: string }) =>
  `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;

describe('error catalogue', () => {
  for (const [name, c] of Object.entries(CATALOGUE)) {
    it(`${name} (${c.code})`, async () => {
      const run = await cli(c.args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`[${c.code}]`);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      const path = `${E}/${name}.txt`;
      if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, render(run));
      expect(render(run)).toBe(readFileSync(path, 'utf8'));
    });
  }
});

describe('failed runs leave nothing behind', () => {
  const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

  it('an error writes no output file and never touches the inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-out-'));
    const out = join(dir, 'drift.csv');
    const before = hash(BUDGET);
    const run = await cli(report(`${E}/bad-amount.csv`, '--out', out));
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect((await cli(report(UTFALL, '--out', BUDGET))).code).toBe(2);
    expect(hash(BUDGET)).toBe(before);
  });

  it('a successful run writes the file whole, in the format of its extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-out-'));
    for (const [ext, start] of [['csv', '\ufeffDriftredovisning'], ['json', '{'], ['md', '### Driftredovisning']] as const) {
      const out = join(dir, `drift.${ext}`);
      const run = await cli(report(UTFALL, '--out', out));
      expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(out, 'utf8').startsWith(start)).toBe(true);
    }
  });
});
