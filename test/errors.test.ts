/**
 * The error catalogue: for every error code at least one small bad input (or bad option), each
 * with its full expected output pinned in test/errors/<name>.txt — exit code 2 (74 for a failed write), the message with
 * file, line, column and the offending text, and no stack trace. The catalogue is keyed by
 * ErrorCode, so a new code without a case does not type-check (and the test below reads
 * src/errors.ts to fail at run time too). A missing pinned file fails its test; create or
 * regenerate the files deliberately with `npm run golden:update` and read the diff.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFormat } from '../src/cli/report.js';
import type { ErrorCode } from '../src/errors.js';
import { expectGolden } from './golden-file.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

const E = 'test/errors';
const report = (utfall: string, ...more: string[]) => ['report', '--utfall', utfall, '--budget', BUDGET, ...more];

/** One catalogue case: its pinned output is test/errors/<name>.txt; exit 2 unless `exit` says otherwise. */
interface Case {
  name: string;
  args: string[];
  exit?: number;
  /** stdout fails with this system code (helpers.ts, `cli`). */
  stdoutError?: string;
}

/** Every error code with at least one case (a code may have several). */
const CATALOGUE = {
  FILE_NOT_FOUND: [{ name: 'file-not-found', args: report(`${E}/finns-inte.csv`) }],
  FILE_UNREADABLE: [{ name: 'file-unreadable-directory', args: report(`${E}/config`) }],
  FILE_EMPTY: [{ name: 'file-empty', args: report(`${E}/empty.csv`) }],
  NO_DATA_ROWS: [{ name: 'header-only', args: report(`${E}/header-only.csv`) }],
  COLUMN_MISSING: [
    { name: 'column-missing-amount', args: report(`${E}/no-amount-column.csv`) },
    { name: 'column-missing-code', args: report(`${E}/no-code-column.csv`) },
  ],
  COLUMN_AMBIGUOUS: [
    { name: 'column-ambiguous', args: report(`${E}/ambiguous.csv`) },
    { name: 'column-ambiguous-debet-kredit', args: report(`${E}/debet-kredit-belopp.csv`) },
  ],
  COLUMN_UNKNOWN: [
    { name: 'column-unknown', args: report(UTFALL, '--col', 'verksamhet=Vht') },
    { name: 'where-unknown-column', args: report(UTFALL, '--where', 'projekt=1*') },
    {
      name: 'verify-relation-unknown-column',
      args: ['verify', 'test/verify/infer/delarsrapport.csv', '--columns', 'Återstår=Kommunbidrag-Bokslut'],
    },
  ],
  AMOUNT_INVALID: [
    { name: 'amount-invalid', args: report(`${E}/bad-amount.csv`) },
    { name: 'amount-invalid-en', args: report(`${E}/bad-amount.csv`, '--lang', 'en') },
    { name: 'prognos-amount-invalid', args: report(UTFALL, '--period', '2024-08', '--prognos', `${E}/bad-prognos.csv`) },
    { name: 'amount-unit-suffix', args: report(`${E}/amount-unit-suffix.csv`) },
    { name: 'amount-unit-suffix-en', args: report(`${E}/amount-unit-suffix.csv`, '--lang', 'en') },
    { name: 'amount-invalid-xlsx', args: report(`${E}/belopp-fel.xlsx`) },
    { name: 'amount-invalid-xlsx-en', args: report(`${E}/belopp-fel.xlsx`, '--lang', 'en') },
  ],
  AMOUNT_PRECISION: [{ name: 'amount-precision', args: report(`${E}/too-many-digits.csv`) }],
  AMOUNT_AMBIGUOUS: [
    { name: 'amount-ambiguous', args: report(`${E}/ambiguous-decimal.csv`) },
    { name: 'amount-ambiguous-en', args: report(`${E}/ambiguous-decimal.csv`, '--lang', 'en') },
  ],
  PERIOD_INVALID: [{ name: 'period-invalid', args: report(`${E}/bad-period.csv`) }],
  PERIOD_OUTSIDE_DATA: [{ name: 'period-outside-data', args: report(UTFALL, '--period', '2025-01') }],
  PERIOD_MISSING: [{ name: 'period-missing-in-utfall', args: report(`${E}/no-period.csv`, '--period', '2024-08') }],
  PERIOD_YEAR_MISSING: [
    {
      name: 'period-year-missing',
      args: ['report', '--utfall', `${E}/month-columns.csv`, '--budget', BUDGET, '--prognos-metod', 'linjar'],
    },
  ],
  WEIGHT_INVALID: [{ name: 'weight-invalid', args: report(UTFALL, '--period', '2024-08', '--periodisering', `${E}/bad-key.csv`) }],
  TABLE_NOT_FOUND: [{ name: 'table-not-found', args: ['verify', `${E}/no-table.md`] }],
  CATEGORY_INVALID: [{ name: 'category-invalid', args: report(UTFALL, '--resultat', '--kategorier', `${E}/bad-categories.csv`) }],
  CODE_EMPTY: [{ name: 'code-empty', args: report(`${E}/empty-code.csv`) }],
  FIELD_COUNT: [
    { name: 'field-count', args: report(`${E}/field-count.csv`) },
    { name: 'key-field-count', args: report(UTFALL, '--period', '2024-08', '--periodisering', `${E}/short-key.csv`) },
  ],
  CSV_SYNTAX: [{ name: 'csv-syntax', args: report(`${E}/unclosed-quote.csv`) }],
  ENCODING_INVALID: [{ name: 'encoding-invalid', args: report(`${E}/cp1252-byte.csv`, '--encoding', 'utf-8') }],
  OPTION_INVALID: [
    { name: 'level-zero', args: report(UTFALL, '--level', '0') },
    { name: 'level-not-a-number', args: report(UTFALL, '--level', 'två') },
    { name: 'unit-invalid', args: report(UTFALL, '--unit', 'ksek') },
    { name: 'where-invalid', args: report(UTFALL, '--where', 'ansvar') },
    { name: 'lang-invalid', args: report(UTFALL, '--lang', 'fi') },
    { name: 'period-option-invalid', args: report(UTFALL, '--period', 'augusti') },
    { name: 'prognos-metod-invalid', args: report(UTFALL, '--prognos-metod', 'gissning') },
    { name: 'columns-unknown', args: report(UTFALL, '--columns', 'utfall,prognos_helar') },
    { name: 'columns-mixed', args: report(UTFALL, '--columns', 'utfall,prognos') },
    { name: 'fail-on-invalid', args: report(UTFALL, '--fail-on', 'prognosavvikelse << 5') },
    { name: 'analys-with-prognos', args: report(UTFALL, '--analys', '--period', '2024-08', '--prognos', 'fixtures/prognos-2024-08.csv') },
    { name: 'delimiter-invalid', args: report(UTFALL, '--delimiter', 'pipe') },
    { name: 'verify-format-invalid', args: ['verify', 'fixtures/publicerade/driftredovisning-2024.csv', '--format', 'xml'] },
    { name: 'fail-on-hidden-column', args: report(UTFALL, '--fail-on', 'prognosavvikelse<-5000') },
  ],
  OPTION_UNKNOWN: [{ name: 'option-unknown', args: report(UTFALL, '--bogus') }],
  OPTION_MISSING: [
    { name: 'option-missing-budget', args: ['report', '--utfall', UTFALL] },
    { name: 'fg-ar-needed', args: report(UTFALL, '--periodisering', 'fg-ar') },
    { name: 'columns-need-input', args: report(UTFALL, '--period', '2024-08', '--columns', 'prognos,kommentar') },
  ],
  USAGE: [{ name: 'usage-excess-argument', args: ['codes', '51', '52'] }],
  COMMAND_UNKNOWN: [{ name: 'unknown-command', args: ['rapporter'] }],
  CONFIG_INVALID: [
    { name: 'config-unknown-key', args: report(UTFALL, '--config', `${E}/config/avvikelse.config.json`) },
    { name: 'config-broken-json', args: report(UTFALL, '--config', `${E}/config/broken.json`) },
  ],
  OUTPUT_IS_INPUT: [{ name: 'output-is-input', args: report(UTFALL, '--out', BUDGET) }],
  OUTPUT_UNWRITABLE: [{ name: 'output-unwritable-no-directory', args: report(UTFALL, '--out', `${E}/finns-inte/drift.csv`) }],
  STDOUT_UNWRITABLE: [
    { name: 'stdout-unwritable', args: report(UTFALL, '--format', 'csv'), exit: 74, stdoutError: 'ENOSPC' },
    { name: 'stdout-unwritable-en', args: report(UTFALL, '--lang', 'en'), exit: 74, stdoutError: 'EIO' },
  ],
  SAME_AMOUNT_COLUMN: [
    {
      name: 'same-amount-column',
      args: [
        'report',
        '--utfall',
        'test/per-input/dw-utfall-budget.csv',
        '--budget',
        'test/per-input/dw-utfall-budget.csv',
        '--col',
        'belopp=UTF_V',
      ],
    },
  ],
  FORMAT_UNSUPPORTED: [
    { name: 'format-ods', args: ['report', '--utfall', UTFALL, '--budget', `${E}/budget.ods`] },
    { name: 'format-xls', args: report(`${E}/gammal.xls`) },
    { name: 'format-zip', args: report(UTFALL, '--kommentarer', `${E}/kommentarer.docx`) },
    { name: 'format-sie-kommentarer', args: report(UTFALL, '--kommentarer', `${E}/huvudbok.se`) },
    { name: 'format-pdf', args: ['verify', `${E}/driftredovisning.pdf`] },
    { name: 'format-binary', args: report(UTFALL, '--period', '2024-08', '--prognos', `${E}/prognos.png`) },
    { name: 'format-html', args: report(`${E}/utfall-webb.xls`) },
  ],
  OUTPUT_FORMAT: [
    { name: 'output-format-xlsx-stdout', args: report(UTFALL, '--format', 'xlsx') },
    { name: 'output-format-xlsx-txt', args: report(UTFALL, '--format', 'xlsx', '--out', `${E}/rapport.txt`) },
    { name: 'output-format-pdf', args: report(UTFALL, '--out', `${E}/rapport.pdf`, '--lang', 'en') },
    { name: 'output-format-none', args: report(UTFALL, '--out', `${E}/rapport`) },
    { name: 'output-format-mismatch', args: report(UTFALL, '--format', 'json', '--out', `${E}/rapport.csv`) },
  ],
  COLUMN_ROLE: [
    { name: 'column-role-prognos-budget', args: report(UTFALL, '--period', '2024-08', '--prognos', `${E}/prognos-budget.csv`) },
    { name: 'column-role-kommentarer-utfall', args: report(UTFALL, '--kommentarer', `${E}/kommentarer-utfall.csv`) },
  ],
  TOTALS_ROW_MISMATCH: [
    { name: 'totals-row-mismatch', args: report(`${E}/totals-row-mismatch.csv`) },
    { name: 'totals-row-mismatch-en', args: report(`${E}/totals-row-mismatch.csv`, '--lang', 'en') },
  ],
  SIE_SYNTAX: [
    { name: 'sie-syntax-amount', args: report(`${E}/sie-belopp.se`) },
    { name: 'sie-syntax-objects-en', args: report(`${E}/sie-objektlista.se`, '--lang', 'en') },
  ],
  SIE_DIMENSION: [
    { name: 'sie-dimension-missing', args: report(`${E}/huvudbok.se`) },
    { name: 'sie-dimension-unknown', args: report(`${E}/sie-belopp.se`, '--sie-dim', 'verksamhet=21') },
  ],
  SIE_NO_OBJECTS: [{ name: 'sie-no-objects', args: report(`${E}/sie-utan-objekt.se`) }],
  SIE_NO_AMOUNTS: [
    { name: 'sie-no-budget', args: ['report', '--utfall', UTFALL, '--budget', `${E}/huvudbok.se`] },
    { name: 'sie-no-year', args: report(UTFALL, '--period', '2024-08', '--fg-ar', `${E}/sie-utan-objekt.se`) },
  ],
  SHEET_NOT_FOUND: [
    { name: 'sheet-not-found', args: report(`${E}/utfall.xlsx`, '--utfall-sheet', 'Utfall 2024') },
    { name: 'sheet-not-found-en', args: report(`${E}/utfall.xlsx`, '--sheet', 'Utfall 2024', '--lang', 'en') },
  ],
  FORMULA_UNCACHED: [
    { name: 'formula-uncached', args: ['report', '--utfall', UTFALL, '--budget', `${E}/formel-utan-varde.xlsx`] },
    { name: 'formula-uncached-en', args: ['report', '--utfall', UTFALL, '--budget', `${E}/formel-utan-varde.xlsx`, '--lang', 'en'] },
  ],
  WORKBOOK_INVALID: [{ name: 'workbook-invalid', args: report(`${E}/trasig.xlsx`) }],
  CONFIG_EXISTS: [
    { name: 'config-exists', args: ['init', '--utfall', UTFALL, '--budget', BUDGET, '--config', `${E}/config/avvikelse.config.json`] },
  ],
} satisfies Record<ErrorCode, readonly [Case, ...Case[]]>;

const render = (run: { code: number; stdout: string; stderr: string }) =>
  `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;

describe('error catalogue', () => {
  for (const [code, cases] of Object.entries(CATALOGUE) as [ErrorCode, readonly Case[]][]) {
    for (const c of cases) {
      it(`${c.name} (${code})`, async () => {
        const run = await cli(c.args, { stdoutError: c.stdoutError });
        expect(run.code).toBe(c.exit ?? 2);
        if (c.stdoutError === undefined) expect(run.stdout).toBe('');
        else run.stdout = ''; // written, and lost
        expect(run.stderr).toContain(`[${code}]`);
        expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
        expectGolden(`${E}/${c.name}.txt`, render(run));
      });
    }
  }

  it('has a case for every ErrorCode in src/errors.ts', () => {
    // The type above already demands this; this reads the union itself, for runs without tsc.
    const union = /export type ErrorCode =([^;]+);/.exec(readFileSync('src/errors.ts', 'utf8'))?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] ?? '');
    expect(codes.length, 'no ErrorCode union found in src/errors.ts: teach this test its new form').toBeGreaterThan(20);
    expect(codes.filter((code) => !(code in CATALOGUE))).toEqual([]);
  });

  it('has a case for every pinned file in test/errors/', () => {
    const names = new Set(Object.values(CATALOGUE).flatMap((cases) => cases.map((c: Case) => `${c.name}.txt`)));
    expect(readdirSync(E).filter((f) => f.endsWith('.txt') && !names.has(f))).toEqual([]);
  });
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

  it('an --out extension avvikelse does not write (or none, or another format than --format) writes nothing and reads nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-out-'));
    for (const [name, extra] of [
      ['rapport.ods', []],
      ['rapport.txt', ['--format', 'xlsx']],
      ['rapport.pdf', ['--format', 'csv']],
      ['rapport', []],
      ['rapport.json', ['--format', 'csv']],
    ] as const) {
      const out = join(dir, name);
      // A missing utfall file: the --out check comes first, before any file is read.
      const run = await cli(['report', '--utfall', `${E}/finns-inte.csv`, '--budget', BUDGET, '--out', out, ...extra]);
      expect([name, run.code, run.stderr]).toEqual([name, 2, expect.stringContaining('[OUTPUT_FORMAT]')]);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('--format with a matching extension, .txt or none writes that format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-out-'));
    for (const [name, format, start] of [
      ['drift.txt', 'csv', '\ufeffDriftredovisning'],
      ['drift.txt', 'md', '### Driftredovisning'],
      ['drift', 'json', '{'],
      ['drift.htm', 'html', '<!doctype html>'],
      ['drift.markdown', 'md', '### Driftredovisning'],
    ] as const) {
      const out = join(dir, name);
      const run = await cli(report(UTFALL, '--format', format, '--out', out));
      expect([name, format, run]).toEqual([name, format, { code: 0, stdout: '', stderr: '' }]);
      expect(readFileSync(out, 'utf8').startsWith(start)).toBe(true);
    }
    expect(outputFormat(null, undefined)).toBe('table');
    expect(outputFormat('rapport.TXT', undefined)).toBe('table');
    expect(outputFormat('rapport.HTML', 'html')).toBe('html');
  });

  it('a successful run writes the file whole, in the format of its extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-out-'));
    for (const [ext, start] of [
      ['csv', '\ufeffDriftredovisning'],
      ['json', '{'],
      ['md', '### Driftredovisning'],
    ] as const) {
      const out = join(dir, `drift.${ext}`);
      const run = await cli(report(UTFALL, '--out', out));
      expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(out, 'utf8').startsWith(start)).toBe(true);
    }
  });
});
