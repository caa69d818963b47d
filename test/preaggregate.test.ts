/**
 * The report is a sum per key, so a SQL engine can do the heavy part: DuckDB pre-aggregates
 * the fixtures' ledger with the README's SQL (one GROUP BY per key the report needs), and the
 * pre-aggregated file must give a byte-identical report. Skipped when @duckdb/node-api (a
 * development dependency with native binaries) cannot be loaded on this platform.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL_UTF8 } from './helpers.js';

type DuckDb = typeof import('@duckdb/node-api');
let duckdb: DuckDb | null = null;
try {
  duckdb = await import('@duckdb/node-api');
} catch {
  duckdb = null;
}

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-preagg-'));

/**
 * The README's DuckDB statement for a CSV export: amounts as the export writes them
 * (`−294 109,31`: U+2212, narrow no-break spaces, decimal comma) made into DECIMAL(18,2),
 * summed exactly per key, and written back with a decimal comma.
 */
function preaggregate(keys: string[], from: string, to: string): string {
  const cols = keys.map((k) => `"${k}"`).join(', ');
  return `COPY (
  SELECT ${cols},
         replace(CAST(sum(CAST(replace(replace(regexp_replace("Utfall", '[\\s\\x{00A0}\\x{202F}]', '', 'g'), '−', '-'), ',', '.') AS DECIMAL(18,2))) AS VARCHAR), '.', ',') AS "Utfall"
  FROM read_csv('${from}', delim = ';', header = true, all_varchar = true)
  GROUP BY ${cols}
  ORDER BY ${cols}
) TO '${to}' (HEADER, DELIMITER ';');`;
}

describe.skipIf(duckdb === null)('a ledger pre-aggregated by DuckDB gives the same report', () => {
  it.each([
    ['driftredovisning', ['Verksamhet', 'Månad'], []],
    ['månadsuppföljning with periodisation', ['Verksamhet', 'Månad'], ['--period', '2024-06']],
    ['Verksamhetsanalys (konto in the key)', ['Verksamhet', 'Konto', 'Månad'], ['--analys']],
    ['per ansvar', ['Ansvar', 'Månad'], ['--by', 'ansvar']],
    ['a filter on konto', ['Verksamhet', 'Konto', 'Månad'], ['--where', 'konto=5*']],
  ] as const)('%s', async (name, keys, args) => {
    const db = await (duckdb as DuckDb).DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const to = join(dir, `${name.replace(/\W+/g, '-')}.csv`);
    await c.run(preaggregate([...keys], UTFALL_UTF8, to));
    c.closeSync();
    // Exact kr: every öre of every cell must agree, not only the rounded tkr.
    const base = ['report', '--budget', BUDGET, '--unit', 'kr', '--exact', ...args];
    const ledger = await cli([...base, '--utfall', UTFALL_UTF8]);
    const aggregated = await cli([...base, '--utfall', to]);
    expect(ledger.code).toBe(0);
    expect(aggregated).toEqual(ledger);
  });
});
