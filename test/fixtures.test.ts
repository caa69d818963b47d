/**
 * The shipped fixtures against the generator's oracle: exact totals in öre computed from
 * integers before any formatting. Every shown cell must equal the exact value rounded once
 * (checked with decimal.js, an independent rounding implementation), and the cp1252 and
 * UTF-8 exports of the same ledger must give identical tables.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL, UTFALL_UTF8 } from './helpers.js';

const oracle = JSON.parse(readFileSync('fixtures/oracle-2024.json', 'utf8')) as Record<string, { utfall: string; budget: string }>;
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });

/** Oracle totals per prefix (kostnad perspective, öre). */
function expected(prefixLength: number | null, under = ''): Map<string, { utfall: bigint; budget: bigint }> {
  const out = new Map<string, { utfall: bigint; budget: bigint }>();
  for (const [code, v] of Object.entries(oracle)) {
    if (!code.startsWith(under)) continue;
    const key = prefixLength === null || code.length <= prefixLength ? code : code.slice(0, prefixLength);
    const cur = out.get(key) ?? { utfall: 0n, budget: 0n };
    out.set(key, { utfall: cur.utfall + BigInt(v.utfall), budget: cur.budget + BigInt(v.budget) });
  }
  return out;
}
const tkr = (ore: bigint, decimals = 0) => new D(ore.toString()).div(100_000).toDecimalPlaces(decimals).toFixed(decimals);

interface JsonTable {
  title: string;
  rows: Record<string, string>[];
  summa: Record<string, string>;
}
async function json(args: string[]): Promise<JsonTable[]> {
  const run = await cli(['report', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { tables: JsonTable[] }).tables;
}

describe('fixtures against the oracle', () => {
  it('every exact cell of the main table and of 51* equals the oracle', async () => {
    const [main, sub] = await json(['--utfall', UTFALL, '--budget', BUDGET, '--sub', '51', '--exact']);
    const exactTkr = (ore: bigint) => new D(ore.toString()).div(100_000).toString();
    for (const [table, want] of [
      [main!, expected(2)],
      [sub!, expected(null, '51')],
    ] as const) {
      expect(table.rows.map((r) => r.kod)).toEqual([...want.keys()].sort());
      for (const row of table.rows) {
        const w = want.get(row.kod as string)!;
        expect(row.utfall).toBe(exactTkr(w.utfall));
        expect(row.budget).toBe(exactTkr(w.budget));
        expect(row.avvikelse).toBe(exactTkr(w.budget - w.utfall));
      }
    }
    const { kod: _kod, namn: _namn, ...parent } = main!.rows.find((r) => r.kod === '51')!;
    expect(sub!.summa).toEqual(parent);
  });

  it('every rounded cell is the exact value rounded once, including the Summa', async () => {
    const [main] = await json(['--utfall', UTFALL, '--budget', BUDGET]);
    const want = expected(2);
    let u = 0n;
    let b = 0n;
    for (const row of main!.rows) {
      const w = want.get(row.kod as string)!;
      u += w.utfall;
      b += w.budget;
      expect(row.utfall).toBe(tkr(w.utfall));
      expect(row.budget).toBe(tkr(w.budget));
      expect(row.avvikelse).toBe(tkr(w.budget - w.utfall));
    }
    expect(main!.summa).toEqual({ utfall: tkr(u), budget: tkr(b), avvikelse: tkr(b - u) });
  });

  it('mnkr with one decimal rounds from the exact value too', async () => {
    const [main] = await json(['--utfall', UTFALL, '--budget', BUDGET, '--unit', 'mnkr']);
    const row = main!.rows.find((r) => r.kod === '56')!;
    const w = expected(2).get('56')!;
    expect(row.utfall).toBe(new D(w.utfall.toString()).div(100_000_000).toDecimalPlaces(1).toFixed(1));
  });

  it('the cp1252 export and the UTF-8 export give identical tables', async () => {
    const a = await json(['--utfall', UTFALL, '--budget', BUDGET, '--sub', '51', '--exact']);
    const b = await json(['--utfall', UTFALL_UTF8, '--budget', BUDGET, '--sub', '51', '--exact']);
    expect(b).toEqual(a);
  });

  it('several utfall files are summed', async () => {
    const [once] = await json(['--utfall', UTFALL, '--budget', BUDGET, '--exact']);
    const [twice] = await json(['--utfall', UTFALL, UTFALL_UTF8, '--budget', BUDGET, '--exact']);
    const row = (t: JsonTable) => t.rows.find((r) => r.kod === '51')!;
    expect(new D(row(twice!).utfall!).toString()).toBe(new D(row(once!).utfall!).mul(2).toString());
  });
});
