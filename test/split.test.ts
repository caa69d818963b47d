/** `--split-by`: one report per value, each written atomically, plus an index (issue 15 item 7). */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden-file.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

const base = ['report', '--utfall', UTFALL, '--budget', BUDGET, '--split-by', 'ansvar', '--where', 'ansvar=41*'];
const fresh = () => mkdtempSync(join(tmpdir(), 'avvikelse-split-'));
const PARTS = ['4110', '4120', '4130', '4140', '4150'];

describe('--split-by ansvar', () => {
  it('writes one Markdown report per ansvar and an index (pinned)', async () => {
    const dir = fresh();
    const run = await cli([...base, '--out-dir', join(dir, 'ut'), '--format', 'md', '--organisation', 'Sjöviks kommun']);
    expect(run.code).toBe(0);
    const files = readdirSync(join(dir, 'ut')).sort();
    expect(files).toEqual(['index.md', ...PARTS.map((p) => `rapport-${p}.md`)]);
    const all = files.map((f) => `=== ${f}\n${readFileSync(join(dir, 'ut', f), 'utf8')}`).join('');
    expectGolden('test/golden/split-ansvar-md.txt', `exit: ${run.code}\n--- files\n${all}--- stderr\n${run.stderr}`);
  });

  for (const format of ['table', 'csv', 'json', 'html', 'xlsx'] as const) {
    it(`writes every part and the index in ${format}`, async () => {
      const dir = fresh();
      const run = await cli([...base, '--out-dir', dir, '--format', format]);
      expect(run.code).toBe(0);
      const ext = { table: 'txt', csv: 'csv', json: 'json', html: 'html', xlsx: 'xlsx' }[format];
      const files = readdirSync(dir).sort();
      expect(files).toContain(`rapport-4130.${ext}`);
      expect(files.length).toBe(PARTS.length + 1);
      expect(files).toContain(format === 'xlsx' ? 'index.txt' : `index.${ext}`);
      const index = readFileSync(join(dir, format === 'xlsx' ? 'index.txt' : `index.${ext}`), 'utf8');
      expect(index).toContain('Ansvar 4130');
      if (format === 'json') expect(JSON.parse(index).reports[2]).toEqual({ title: 'Ansvar 4130', file: 'rapport-4130.json' });
    });
  }

  it('each part is exactly the report filtered to that ansvar', async () => {
    const dir = fresh();
    await cli([...base, '--out-dir', dir, '--format', 'json']);
    const part = JSON.parse(readFileSync(join(dir, 'rapport-4130.json'), 'utf8'));
    const alone = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--where', 'ansvar=4130', '--format', 'json']);
    expect(part.tables).toEqual(JSON.parse(alone.stdout).tables);
    expect(part.rubrik).toBe('Ansvar 4130');
  });

  it('takes an --out pattern with {ansvar}', async () => {
    const dir = fresh();
    const run = await cli([...base, '--out', join(dir, 'rapport-{ansvar}.html')]);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['index.html', ...PARTS.map((p) => `rapport-${p}.html`)]);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('<a href="rapport-4110.html">Ansvar 4110</a>');
  });

  it('refuses a pattern without the placeholder, and no target at all', async () => {
    const noPlaceholder = await cli([...base, '--out', join(fresh(), 'rapport.html')]);
    expect(noPlaceholder.code).toBe(2);
    expect(noPlaceholder.stderr).toContain('{ansvar}');
    const noTarget = await cli(base);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain('--out-dir');
    const dirAlone = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--out-dir', fresh()]);
    expect(dirAlone.code).toBe(2);
    expect(dirAlone.stderr).toContain('--split-by');
  });
});
