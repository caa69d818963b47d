/**
 * A delårsrapport: `--analys` and `--resultat` with `--period` (issue 11). Every exact cell
 * of the Verksamhetsanalys and the Resultat per 31 augusti recomputed here from the ledger
 * file (utfall per konto and month, split by hand) and the oracle's budget per konto, with
 * decimal.js for the periodisation and the linear forecast; the Resultat per 31 december
 * equal to the annual Resultat.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';

const oracle = JSON.parse(readFileSync('fixtures/oracle-2024.json', 'utf8')) as Record<string, { budgetByKonto: Record<string, string> }>;
const D = Decimal.clone({ precision: 60 });
/** round(a × b / c) half away from zero, with decimal.js. */
const share = (a: bigint, b: bigint, c: bigint): bigint =>
  BigInt(new D(a.toString()).mul(b.toString()).div(c.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
const tkr = (ore: bigint) => new D(ore.toString()).div(100_000).toString();

/** Utfall per code, konto and month (1..12) of 2024, in öre, from a plain split of each line. */
function utfallPerKonto(): Map<string, bigint[]> {
  const text = new TextDecoder('windows-1252').decode(readFileSync(UTFALL));
  const out = new Map<string, bigint[]>();
  for (const line of text.split(/\r\n/).slice(2)) {
    if (!line) continue;
    const [period, , vht, konto, amount] = line.split(';') as [string, string, string, string, string];
    const key = `${vht}|${konto}`;
    const months = out.get(key) ?? new Array<bigint>(13).fill(0n);
    months[Number(period.slice(4, 6))]! += BigInt(amount.replace(/[\s\u00a0,]/g, ''));
    out.set(key, months);
  }
  return out;
}

type Cat = 'intakt' | 'personal' | 'kapital' | 'ovrig';
const category = (konto: string): Cat =>
  konto.startsWith('3') ? 'intakt' : konto.startsWith('5') ? 'personal' : /^7[89]/.test(konto) ? 'kapital' : 'ovrig';
type Base = { u: bigint; bh: bigint; ba: bigint; p: bigint };

/** Per finest code and category: utfall ack, budget helår, budget ack (per budget line), forecast. */
function expected(month: number, prognos: (b: Base) => bigint): Map<string, Map<Cat, Base>> {
  const utfall = utfallPerKonto();
  const out = new Map<string, Map<Cat, Base>>();
  const at = (code: string, cat: Cat) => {
    const c = out.get(code) ?? new Map<Cat, Base>();
    out.set(code, c);
    const b = c.get(cat) ?? { u: 0n, bh: 0n, ba: 0n, p: 0n };
    c.set(cat, b);
    return b;
  };
  for (const [key, months] of utfall) {
    const [code, konto] = key.split('|') as [string, string];
    at(code, category(konto)).u += months.slice(1, month + 1).reduce((a, x) => a + x, 0n);
  }
  for (const [code, o] of Object.entries(oracle)) {
    for (const [konto, amount] of Object.entries(o.budgetByKonto)) {
      const b = at(code, category(konto));
      b.bh += BigInt(amount);
      b.ba += share(BigInt(amount), BigInt(month), 12n);
    }
  }
  for (const cats of out.values()) for (const b of cats.values()) b.p = prognos(b);
  return out;
}

async function json(args: string[]) {
  const run = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, ...args, '--format', 'json', '--exact']);
  expect(run.code, run.stderr).toBe(0);
  return {
    tables: JSON.parse(run.stdout).tables as {
      title: string;
      rows: Record<string, string | null>[];
      summa: Record<string, string | null>;
    }[],
    stderr: run.stderr,
  };
}

const sum = (e: Map<string, Map<Cat, Base>>, cats: Cat[], k: keyof Base, code = '') => {
  let t = 0n;
  for (const [c, m] of e) if (c.startsWith(code)) for (const cat of cats) t += m.get(cat)?.[k] ?? 0n;
  return t;
};
const COSTS: Cat[] = ['personal', 'kapital', 'ovrig'];

describe('a delårsrapport per 31 augusti: --analys and --resultat with --period', () => {
  it('every exact cell of the Verksamhetsanalys (utfall and budget ack) and the Resultat, budget method', async () => {
    const e = expected(8, (b) => b.u + b.bh - b.ba);
    const { tables, stderr } = await json(['--analys', '--resultat', '--period', '2024-08']);
    expect(stderr).toBe('');
    const [analys, resultat] = tables;
    expect(analys!.title).toBe('Verksamhetsanalys driftbudget per 31 augusti 2024, utfall och budget ackumulerat, tkr');
    expect(analys!.rows.map((r) => r.kod)).toEqual(['10', '51', '55', '56', '57', '60', '92']);
    for (const row of analys!.rows) {
      const code = row.kod as string;
      const [iu, ku, ib, kb] = [
        sum(e, ['intakt'], 'u', code),
        sum(e, COSTS, 'u', code),
        sum(e, ['intakt'], 'ba', code),
        sum(e, COSTS, 'ba', code),
      ];
      expect(row).toMatchObject({
        intakt_utfall: tkr(-iu),
        kostnad_utfall: tkr(-ku),
        intakt_budget: tkr(-ib),
        kostnad_budget: tkr(-kb),
        nettoavvikelse: tkr(ib + kb - iu - ku),
      });
    }

    expect(resultat!.title).toBe('Resultat per 31 augusti 2024, tkr');
    const want = (cats: Cat[]) => {
      const [u, bh, ba, p] = (['u', 'bh', 'ba', 'p'] as const).map((k) => sum(e, cats, k)) as [bigint, bigint, bigint, bigint];
      return {
        budget_helar: tkr(-bh),
        budget_ack: tkr(-ba),
        utfall_ack: tkr(-u),
        avvikelse_ack: tkr(ba - u),
        prognos: tkr(-p),
        prognosavvikelse: tkr(bh - p),
      };
    };
    const rows = Object.fromEntries(resultat!.rows.map((r) => [r.kod, r]));
    expect(rows.intakter).toMatchObject(want(['intakt']));
    expect(rows.kostnader).toMatchObject(want(COSTS));
    expect(rows.personalkostnader).toMatchObject(want(['personal']));
    expect(rows.kapitalkostnader).toMatchObject(want(['kapital']));
    expect(resultat!.summa).toMatchObject(want(['intakt', ...COSTS]));
    // The Resultat's rows are the Verksamhetsanalys' Summa, exactly.
    expect([rows.intakter!.utfall_ack, rows.kostnader!.utfall_ack, rows.intakter!.budget_ack, rows.kostnader!.budget_ack]).toEqual([
      analys!.summa.intakt_utfall,
      analys!.summa.kostnad_utfall,
      analys!.summa.intakt_budget,
      analys!.summa.kostnad_budget,
    ]);
    expect(resultat!.summa.avvikelse_ack).toBe(analys!.summa.nettoavvikelse);
  });

  it('the linear forecast per code and category: utfall ack × 12 / 8, to the öre', async () => {
    const e = expected(8, (b) => share(b.u, 12n, 8n));
    const { tables } = await json(['--resultat', '--period', '2024-08', '--prognos-metod', 'linjar']);
    const rows = Object.fromEntries(tables[0]!.rows.map((r) => [r.kod, r]));
    expect(rows.intakter!.prognos).toBe(tkr(-sum(e, ['intakt'], 'p')));
    expect(rows.kostnader!.prognos).toBe(tkr(-sum(e, COSTS, 'p')));
    expect(tables[0]!.summa.prognos).toBe(tkr(-sum(e, ['intakt', ...COSTS], 'p')));
  });

  it('per 31 december equals the annual Resultat, with Budget ack = Budget helår', async () => {
    const [annual] = (await json(['--resultat'])).tables;
    const [december] = (await json(['--resultat', '--period', '2024-12'])).tables;
    expect(december!.rows.map((r) => [r.kod, r.utfall_ack, r.budget_helar, r.budget_ack])).toEqual(
      annual!.rows.map((r) => [r.kod, r.utfall, r.budget, r.budget]),
    );
  });

  it('shows Utfall fg år through the same month with --fg-ar, and takes a periodiseringsnyckel', async () => {
    const fg = ['--fg-ar', 'fixtures/utfall-2023.csv'];
    const { tables } = await json(['--resultat', '--period', '2024-08', ...fg]);
    expect(Object.keys(tables[0]!.summa)).toContain('utfall_fg_ar');
    const monthly = (await json(['--period', '2024-08', ...fg])).tables[0]!;
    // Last year's utfall through August, all categories, in the result perspective.
    expect(tables[0]!.summa.utfall_fg_ar).toBe(new D(monthly.summa.utfall_fg_ar as string).neg().toString());
  });

  it('periodises by a periodiseringsnyckel: the budget ack moves, the utfall does not', async () => {
    const even = (await json(['--analys', '--period', '2024-08'])).tables[0]!;
    const keyed = await json(['--analys', '--period', '2024-08', '--periodisering', 'fixtures/periodiseringsnyckel.csv']);
    expect(keyed.tables[0]!.summa.kostnad_budget).not.toBe(even.summa.kostnad_budget);
    expect(keyed.tables[0]!.summa.kostnad_utfall).toBe(even.summa.kostnad_utfall);
  });

  it('is titled in English with --lang en', async () => {
    const run = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--resultat', '--period', '2024-08', '--lang', 'en']);
    expect(run.stdout.split('\n')[0]).toBe('Result to 31 August 2024, tkr');
  });

  it('takes --fail-on on the monthly columns the Resultat shows, and refuses the annual ones', async () => {
    const base = ['report', '--utfall', UTFALL, '--budget', BUDGET, '--resultat', '--period', '2024-08'];
    const crossed = await cli([...base, '--fail-on', 'avvikelse_ack<0']);
    expect(crossed.code).toBe(1);
    expect(crossed.stderr).toContain('Resultat: Avvikelse ack');
    expect((await cli([...base, '--fail-on', 'avvikelse<0'])).code).toBe(2);
  });

  it('still refuses a manual forecast, which cannot be split into intäkter and kostnader', async () => {
    const run = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--resultat', '--prognos', 'fixtures/prognos-2024-08.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--prognos');
  });
});
