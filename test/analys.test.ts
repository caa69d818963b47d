/**
 * Verksamhetsanalys, Resultat and investeringsredovisning against the generator's oracles:
 * every exact cell recomputed here from integer amounts per konto, and the Resultat's
 * Intäkter and Kostnader equal to the Verksamhetsanalys totals exactly before rounding.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';

const F = 'fixtures';
const oracle = JSON.parse(readFileSync(`${F}/oracle-2024.json`, 'utf8')) as Record<
  string,
  { months: string[]; budgetByKonto: Record<string, string> }
>;
const extra = JSON.parse(readFileSync(`${F}/oracle-kapital-investering-2024.json`, 'utf8')) as {
  kapitaltjanst: Record<string, { utfall: Record<string, string>; budget: Record<string, string> }>;
  investeringar: Record<string, { utfall: string; budget: string }>;
};
const tkr = (ore: bigint) => new Decimal(ore.toString()).div(100_000).toString();
const ledger = ['--utfall', UTFALL, `${F}/kapitaltjanst-2024.csv`, '--budget', BUDGET, `${F}/budget-kapitaltjanst-2024.csv`];

async function json(args: string[]) {
  const run = await cli(['report', ...args, '--format', 'json', '--exact']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).tables as { id?: string; rows: Record<string, string | null>[]; summa: Record<string, string | null> }[];
}

describe('Verksamhetsanalys and Resultat against the oracle', () => {
  /** Per level-2 code: revenue and cost in öre (ledger sign), utfall and budget. */
  function expected() {
    const out = new Map<string, { iu: bigint; ku: bigint; ib: bigint; kb: bigint; personal: bigint; kapital: bigint }>();
    const add = (code: string, konto: string, u: bigint, b: bigint) => {
      const key = code.slice(0, 2);
      const cur = out.get(key) ?? { iu: 0n, ku: 0n, ib: 0n, kb: 0n, personal: 0n, kapital: 0n };
      if (konto.startsWith('3')) {
        cur.iu += u;
        cur.ib += b;
      } else {
        cur.ku += u;
        cur.kb += b;
        if (konto.startsWith('5')) cur.personal += u;
        if (konto.startsWith('78') || konto.startsWith('79')) cur.kapital += u;
      }
      out.set(key, cur);
    };
    return { out, add };
  }

  it('every exact cell of the Verksamhetsanalys, and the Resultat agreeing with it', async () => {
    // Utfall per konto is not in the main oracle (only per month per code), so recompute the
    // per-konto utfall from the ledger file independently: a plain split of each line.
    const text = new TextDecoder('windows-1252').decode(readFileSync(UTFALL)).replace(/\u0096/g, '–');
    const perKonto = new Map<string, bigint>();
    for (const line of text.split(/\r\n/).slice(2)) {
      if (!line) continue;
      const [, , vht, konto, amount] = line.split(';');
      const ore = BigInt((amount as string).replace(/[\s\u00a0,]/g, ''));
      perKonto.set(`${vht}|${konto}`, (perKonto.get(`${vht}|${konto}`) ?? 0n) + ore);
    }
    const { out, add } = expected();
    for (const [code, o] of Object.entries(oracle)) {
      for (const [konto, b] of Object.entries(o.budgetByKonto)) add(code, konto, perKonto.get(`${code}|${konto}`) ?? 0n, BigInt(b));
    }
    for (const [code, o] of Object.entries(extra.kapitaltjanst)) {
      for (const konto of Object.keys(o.budget)) add(code, konto, BigInt(o.utfall[konto] as string), BigInt(o.budget[konto] as string));
    }
    const [analys, resultat] = await json([...ledger, '--analys', '--resultat']);
    for (const row of analys!.rows) {
      const w = out.get(row.kod as string)!;
      expect(row).toMatchObject({
        intakt_utfall: tkr(-w.iu),
        kostnad_utfall: tkr(-w.ku),
        intakt_budget: tkr(-w.ib),
        kostnad_budget: tkr(-w.kb),
        nettoavvikelse: tkr(-w.iu - w.ku + w.ib + w.kb),
      });
    }
    // The Resultat's Intäkter and Kostnader are the Verksamhetsanalys' totals, exactly.
    const r = Object.fromEntries(resultat!.rows.map((x) => [x.kod, x]));
    expect(r.intakter!.utfall).toBe(analys!.summa.intakt_utfall);
    expect(r.kostnader!.utfall).toBe(analys!.summa.kostnad_utfall);
    expect(r.intakter!.budget).toBe(analys!.summa.intakt_budget);
    expect(r.kostnader!.budget).toBe(analys!.summa.kostnad_budget);
    const sum = (k: 'personal' | 'kapital') => [...out.values()].reduce((a, v) => a + v[k], 0n);
    expect(r.personalkostnader!.utfall).toBe(tkr(-sum('personal')));
    expect(r.kapitalkostnader!.utfall).toBe(tkr(-sum('kapital')));
    expect(resultat!.summa.utfall).toBe(new Decimal(r.intakter!.utfall).plus(r.kostnader!.utfall).toString());
    expect(resultat!.summa.avvikelse).toBe(analys!.summa.nettoavvikelse);
  });

  it('reports accounts without a category, never silently dropped, and honours --kategorier', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-kat-'));
    const u = join(dir, 'u.csv');
    const b = join(dir, 'b.csv');
    for (const file of [u, b]) writeFileSync(file, 'Vht;Konto;Belopp\n5101;3110;-100\n5101;5011;300\n5101;9110;50\n5101;8410;7\n');
    const run = await cli(['report', '--utfall', u, '--budget', b, '--resultat', '--format', 'json', '--unit', 'kr']);
    expect(run.stderr).toContain('konton utan kategori tas inte med i verksamhetsanalys och resultat (ange dem med --kategorier): 9110');
    expect(JSON.parse(run.stdout).tables[0].summa.utfall).toBe('-200');
    const map = join(dir, 'kat.csv');
    writeFileSync(map, 'prefix;kategori\n3;intakt\n5;personal\n91;övrig kostnad\n84;intäkt\n');
    const custom = await cli([
      'report',
      '--utfall',
      u,
      '--budget',
      b,
      '--resultat',
      '--format',
      'json',
      '--unit',
      'kr',
      '--kategorier',
      map,
    ]);
    expect(custom.stderr).toBe('');
    // 3110 +100, 5011 −300, 9110 (now övrig kostnad) −50, 8410 (now intäkt, +7 in ledger sign: less revenue) −7.
    expect(JSON.parse(custom.stdout).tables[0].summa.utfall).toBe('-257');
  });
});

describe('investeringsredovisning', () => {
  it('per projekt with names from the data, in the result perspective, exact', async () => {
    const [t] = await json([
      '--utfall',
      `${F}/investeringar-2024.csv`,
      '--budget',
      `${F}/investeringsbudget-2024.csv`,
      '--by',
      'projekt',
      '--perspective',
      'resultat',
    ]);
    for (const row of t!.rows) {
      const o = extra.investeringar[row.kod as string]!;
      expect(row).toMatchObject({
        utfall: tkr(-BigInt(o.utfall)),
        budget: tkr(-BigInt(o.budget)),
        avvikelse: tkr(BigInt(o.budget) - BigInt(o.utfall)),
      });
    }
    expect(t!.rows.find((r) => r.kod === '9105')?.namn).toBe('Larm');
  });
});

describe('--fail-on on the Resultat', () => {
  it('names each Resultat row by its label, in the user’s language', async () => {
    const run = await cli(['report', ...ledger, '--resultat', '--fail-on', 'avvikelse<0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Resultat 2024, tkr');
    expect(run.stderr.trim().split('\n')).toEqual([
      'avvikelse: fel: Resultat 2024, tkr: Kostnader: Avvikelse −9 058 (villkor avvikelse<0)',
      'avvikelse: fel: Resultat 2024, tkr: varav personalkostnader: Avvikelse −6 875 (villkor avvikelse<0)',
      'avvikelse: fel: Resultat 2024, tkr: varav kapitalkostnader: Avvikelse −24 (villkor avvikelse<0)',
      'avvikelse: fel: Resultat 2024, tkr: Resultat: Avvikelse −8 212 (villkor avvikelse<0)',
    ]);
    const en = await cli(['report', ...ledger, '--resultat', '--fail-on', 'avvikelse>0', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr.trim().split('\n')).toEqual(['avvikelse: error: Result 2024, tkr: Revenue: Deviation 846 (condition avvikelse>0)']);
  });
});
