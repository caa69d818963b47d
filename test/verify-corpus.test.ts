/**
 * A corpus of real published tables (test/verify/corpus/, see its README): tables from Swedish
 * municipalities' and regions' årsredovisningar, delårsrapporter and budgets, typed verbatim,
 * each with the verdict worked out by hand in its .json — plus seeded-error twins (`*-fel.md`)
 * where one cell was changed. `verify` runs on each with NO options, as a user would first try it:
 *
 * - a correct table must exit 0 having made at least one check (a pass that checked nothing is
 *   not a pass);
 * - a table with errors (a genuine error in the published report, or a seeded one) must exit 1
 *   with an error at every expected cell (its line and column heading), and no error anywhere
 *   else — no correct cell flagged.
 *
 * Tables today's engine judges wrong are listed in PENDING with why; they run as `it.fails`, so
 * the list can only shrink: the day a table gets its verdict, its test fails until its entry is
 * removed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const DIR = 'test/verify/corpus';

interface Cell {
  line: number;
  label: string;
  column: string;
}
interface Entry {
  source: string;
  title: string;
  verdict: unknown;
  expect: { exit: 0 } | { exit: 1; errors: Cell[] };
}
interface Report {
  stats: { checks: number };
  errors: { row: number; column: string; label: string }[];
}

/** `<table>` (file name without .md) → why today's engine gets its verdict wrong. */
const PENDING: Record<string, string> = {};

const tables = readdirSync(DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort()
  .map((f) => {
    const name = f.replace(/\.md$/, '');
    return { name, file: `${DIR}/${f}`, entry: JSON.parse(readFileSync(`${DIR}/${name}.json`, 'utf8')) as Entry };
  });

async function check(file: string, entry: Entry): Promise<void> {
  const r = await cli(['verify', file, '--format', 'json']);
  expect(r.code, r.stderr).toBe(entry.expect.exit);
  const report = JSON.parse(r.stdout) as Report;
  expect(report.stats.checks, 'a verdict on zero checks').toBeGreaterThan(0);
  const found = report.errors.map((e) => `${e.row} ${e.column}`);
  const wanted = entry.expect.exit === 0 ? [] : entry.expect.errors.map((c) => `${c.line} ${c.column}`);
  expect([...new Set(found)].sort(), 'errors at exactly the expected cells (line, column)').toEqual(wanted.sort());
}

describe('verify judges real published tables without options', () => {
  for (const { name, file, entry } of tables) {
    const pending = PENDING[name];
    const title = `${name}: ${entry.expect.exit === 0 ? 'correct' : 'errors at the expected cells'}`;
    if (pending !== undefined) it.fails(`${title} (pending: ${pending})`, () => check(file, entry));
    else it(title, () => check(file, entry));
  }

  it('every table has its hand-worked verdict and source; PENDING names only tables that exist', () => {
    expect(tables.length).toBeGreaterThanOrEqual(15);
    for (const { name, entry } of tables) {
      expect(entry.source, name).toMatch(/^https?:\/\//);
      expect(entry.verdict, name).toBeDefined();
      if (entry.expect.exit === 0) expect(entry.verdict, name).toBe('correct');
      else expect(Array.isArray(entry.verdict) && entry.verdict.length > 0, name).toBe(true);
    }
    const names = new Set(tables.map((t) => t.name));
    expect(Object.keys(PENDING).filter((n) => !names.has(n))).toEqual([]);
  });

  it('each seeded twin differs from its published table in exactly the one cell its .json names', () => {
    for (const { name, file, entry } of tables.filter((t) => t.name.endsWith('-fel'))) {
      const seeded = (entry as Entry & { seeded: { line: number; published: string; changed_to: string } }).seeded;
      const fel = readFileSync(file, 'utf8').split('\n');
      const orig = readFileSync(file.replace(/-fel\.md$/, '.md'), 'utf8').split('\n');
      expect(fel.length, name).toBe(orig.length);
      const differing = fel.map((l, i) => i).filter((i) => i > 0 && fel[i] !== orig[i]);
      expect(differing, name).toEqual([seeded.line - 1]);
      const cells = (line: string) => line.split('|').map((c) => c.trim());
      const [a, b] = [cells(orig[seeded.line - 1]!), cells(fel[seeded.line - 1]!)];
      const changed = a.map((c, i) => i).filter((i) => a[i] !== b[i]);
      expect(
        changed.map((i) => [a[i], b[i]]),
        name,
      ).toEqual([[seeded.published, seeded.changed_to]]);
    }
  });
});
