/**
 * Real export shapes (fixtures/exports/): each file is read with the command line its oracle
 * names, and the report must give exactly the oracle's totals (computed independently by
 * fixtures/exports/generate.py, never by avvikelse) — or the refusal the oracle describes.
 *
 * Shapes whose reader features have not landed yet are listed in PENDING with what they still
 * need; they run as `it.fails`, so the list can only shrink: the day a shape reads right, its
 * test fails until its entry is removed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

interface Amounts {
  namn?: string;
  utfall: string;
  budget: string;
  avvikelse: string;
}
interface Run {
  args: string[];
  expect: {
    exit: number;
    verksamhet?: Record<string, Amounts>;
    summa?: Amounts;
    sub_51?: Record<string, Amounts>;
    warnings?: string[];
    error?: { file: string; line: number; column: string; row: string };
  };
}
interface Oracle {
  file: string;
  runs: Run[];
}

const DIR = 'fixtures/exports';

/** `<oracle file>#<run>` → what the reader still lacks for it. */
const PENDING: Record<string, string> = {};

const oracles = readdirSync(DIR)
  .filter((f) => f.endsWith('.oracle.json'))
  .sort()
  .map((f) => ({ name: f.replace('.oracle.json', ''), oracle: JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Oracle }));

type JsonRow = Record<string, string | null>;
interface JsonTable {
  rows: JsonRow[];
  summa: Record<string, string | null>;
}

function expectRows(table: JsonTable | undefined, rows: Record<string, Amounts>): void {
  expect(table).toBeDefined();
  for (const [kod, want] of Object.entries(rows)) {
    const row = table!.rows.find((r) => r.kod === kod);
    expect(row, `row ${kod}`).toBeDefined();
    expect({ utfall: row!.utfall, budget: row!.budget, avvikelse: row!.avvikelse }, `row ${kod}`).toEqual({
      utfall: want.utfall,
      budget: want.budget,
      avvikelse: want.avvikelse,
    });
    if (want.namn !== undefined) expect(row!.namn, `name of ${kod}`).toBe(want.namn);
  }
}

async function check(run: Run): Promise<void> {
  const r = await cli(run.args);
  expect(r.code, r.stderr).toBe(run.expect.exit);
  const { verksamhet, summa, sub_51: sub, error, warnings } = run.expect;
  if (error) {
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${error.file}:${error.line}`);
    expect(r.stderr).toContain(error.row);
    expect(r.stderr).toContain(error.column);
    return;
  }
  if (warnings) expect(r.stderr).not.toBe('');
  if (!verksamhet && !summa) return;
  const doc = JSON.parse(r.stdout) as { tables: JsonTable[] };
  if (verksamhet) expectRows(doc.tables[0], verksamhet);
  if (summa) {
    const s = doc.tables[0]!.summa;
    expect({ utfall: s.utfall, budget: s.budget, avvikelse: s.avvikelse }).toEqual({
      utfall: summa.utfall,
      budget: summa.budget,
      avvikelse: summa.avvikelse,
    });
  }
  if (sub) expectRows(doc.tables[1], sub);
}

describe('real export shapes against their oracles', () => {
  for (const { name, oracle } of oracles) {
    oracle.runs.forEach((run, i) => {
      const id = `${name}#${i + 1}`;
      const pending = PENDING[id];
      const title = `${id}: ${run.args.slice(1).join(' ')}`;
      if (pending !== undefined) it.fails(`${title} (pending: ${pending})`, () => check(run));
      else it(title, () => check(run));
    });
  }

  it('PENDING names only runs that exist', () => {
    const ids = new Set(oracles.flatMap(({ name, oracle }) => oracle.runs.map((_, i) => `${name}#${i + 1}`)));
    expect(Object.keys(PENDING).filter((id) => !ids.has(id))).toEqual([]);
  });
});
