/**
 * The monthly follow-up against hand computation: the oracle holds every code's utfall per
 * month (2024 and 2023) and budget per konto as integers from the generator; here each
 * forecast method and periodisation is computed again per code with decimal.js (an
 * independent division and rounding) and summed per row, and every exact cell of the
 * CLI's JSON must match.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';
import { ore } from '../src/core/money.js';
import { message } from '../src/report/messages.js';
import { budgetThrough } from '../src/report/monthly.js';

const F = 'fixtures';
const FG = `${F}/utfall-2023.csv`;
type Code = { utfall: string; budget: string; months: string[]; monthsFg: string[]; budgetByKonto: Record<string, string> };
const oracle = JSON.parse(readFileSync(`${F}/oracle-2024.json`, 'utf8')) as Record<string, Code>;
const D = Decimal.clone({ precision: 60 });
/** round(a × b / c) half away from zero, with decimal.js. */
const share = (a: bigint, b: bigint, c: bigint): bigint =>
  BigInt(new D(a.toString()).mul(b.toString()).div(c.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
const sumTo = (xs: string[], m: number) => xs.slice(0, m).reduce((a, x) => a + BigInt(x), 0n);
const tkr = (ore: bigint) => new D(ore.toString()).div(100_000).toString();

type PerCode = Record<string, bigint>;
/** Sums per-code values into level-2 rows. */
function rows(perCode: (code: string, o: Code) => PerCode): Map<string, PerCode> {
  const out = new Map<string, PerCode>();
  for (const [code, o] of Object.entries(oracle)) {
    const key = code.slice(0, 2);
    const v = perCode(code, o);
    const cur = out.get(key) ?? {};
    for (const [k, x] of Object.entries(v)) cur[k] = (cur[k] ?? 0n) + x;
    out.set(key, cur);
  }
  return out;
}

async function monthlyJson(args: string[]) {
  const run = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--exact', '--format', 'json', ...args]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).tables as { rows: Record<string, string | null>[]; summa: Record<string, string | null> }[];
}

function expectRows(table: { rows: Record<string, string | null>[] }, want: Map<string, PerCode>, columns: string[]) {
  expect(table.rows.map((r) => r.kod)).toEqual([...want.keys()].sort());
  for (const row of table.rows) {
    const w = want.get(row.kod as string) as PerCode;
    for (const c of columns) expect([row.kod, c, row[c]]).toEqual([row.kod, c, tkr(w[c] as bigint)]);
  }
}

describe('monthly report per 31 augusti, against hand computation', () => {
  const base = (code: string, o: Code) => {
    const annual = BigInt(o.budget);
    const u = sumTo(o.months, 8);
    const backEven = share(annual, 8n, 12n);
    return { annual, u, backEven };
  };

  it('budget method with even twelfths (the defaults)', async () => {
    const [main] = await monthlyJson([]);
    const want = rows((code, o) => {
      const { annual, u, backEven } = base(code, o);
      return {
        budget_helar: annual,
        budget_ack: backEven,
        utfall_ack: u,
        avvikelse_ack: backEven - u,
        prognos: u + annual - backEven,
        prognosavvikelse: backEven - u,
      };
    });
    expectRows(main!, want, ['budget_helar', 'budget_ack', 'utfall_ack', 'avvikelse_ack', 'prognos', 'prognosavvikelse']);
  });

  it('linear forecast: utfall ack × 12 / 8 per code', async () => {
    const [main] = await monthlyJson(['--prognos-metod', 'linjar']);
    expectRows(
      main!,
      rows((code, o) => ({ prognos: share(sumTo(o.months, 8), 12n, 8n) })),
      ['prognos'],
    );
  });

  it("last year's profile: forecast and periodisation", async () => {
    const [main] = await monthlyJson(['--fg-ar', FG, '--prognos-metod', 'fg-ar', '--periodisering', 'fg-ar']);
    const want = rows((code, o) => {
      const annual = BigInt(o.budget);
      const fgAck = sumTo(o.monthsFg, 8);
      const fgYear = sumTo(o.monthsFg, 12);
      return { prognos: share(sumTo(o.months, 8), fgYear, fgAck), budget_ack: share(annual, fgAck, fgYear), utfall_fg_ar: fgAck };
    });
    expectRows(main!, want, ['prognos', 'budget_ack', 'utfall_fg_ar']);
  });

  it('a periodiseringsnyckel per konto prefix: salaries by the key, the rest in twelfths', async () => {
    const [main] = await monthlyJson(['--periodisering', `${F}/periodiseringsnyckel.csv`]);
    // Through August the key for kontogrupp 50 gives 6 × 8,5 + 4 + 7 = 62 of 100.
    const want = rows((code, o) => ({
      budget_ack: Object.entries(o.budgetByKonto).reduce(
        (a, [konto, amount]) => a + (konto.startsWith('50') ? share(BigInt(amount), 62n, 100n) : share(BigInt(amount), 8n, 12n)),
        0n,
      ),
    }));
    expectRows(main!, want, ['budget_ack']);
  });

  it('manual forecasts replace their subtree once; a whole cannot be split', async () => {
    const [main, sub51, sub56] = await monthlyJson(['--prognos', `${F}/prognos-2024-08.csv`, '--sub', '51', '--sub', '56']);
    const computed = (code: string) => {
      const { annual, u, backEven } = base(code, oracle[code]!);
      return u + annual - backEven;
    };
    const row = (t: typeof main, kod: string) => t!.rows.find((r) => r.kod === kod)!;
    const others51 = Object.keys(oracle)
      .filter((c) => c.startsWith('51') && c !== '5106')
      .reduce((a, c) => a + computed(c), 0n);
    expect(row(main, '51').prognos).toBe(tkr(others51 + 84_250_00000n));
    expect(row(main, '56').prognos).toBe('13600');
    expect(row(sub51, '5106').prognos).toBe('84250');
    expect(sub51!.summa.prognos).toBe(row(main, '51').prognos);
    // 56 was forecast as a whole: its codes show no forecast, the Summa is the forecast.
    expect(sub56!.rows.map((r) => r.prognos)).toEqual([null, null]);
    expect(sub56!.rows.map((r) => r.prognosavvikelse)).toEqual([null, null]);
    expect(sub56!.summa.prognos).toBe('13600');
    // The main Summa counts every manual forecast once.
    const all = Object.keys(oracle)
      .filter((c) => c !== '5106' && !c.startsWith('56'))
      .reduce((a, c) => a + computed(c), 0n);
    expect(main!.summa.prognos).toBe(tkr(all + 84_250_00000n + 13_600_00000n));
  });

  it('prognosförändring: the previous forecast minus this one (positive = improved)', async () => {
    const [main] = await monthlyJson(['--fg-prognos', `${F}/fg-prognos-2024-07.csv`]);
    const r56 = main!.rows.find((r) => r.kod === '56')!;
    expect(new D(r56.prognosforandring!).toString()).toBe(new D(12_900).minus(r56.prognos!).toString());
    expect(main!.summa.prognosforandring).toBe(new D(main!.rows.reduce((a, r) => a.plus(r.prognosforandring!), new D(0))).toString());
  });

  it('roll-ups of forecasts are consistent at every level', async () => {
    const [l2, l3] = [await monthlyJson(['--prognos-metod', 'linjar']), await monthlyJson(['--prognos-metod', 'linjar', '--level', '3'])];
    const sum = (t: { rows: Record<string, string | null>[] }, prefix: string) =>
      t.rows
        .filter((r) => (r.kod as string).startsWith(prefix))
        .reduce((a, r) => a.plus(r.prognos!), new D(0))
        .toString();
    for (const r of l2[0]!.rows) expect(sum(l3[0]!, r.kod as string)).toBe(new D(r.prognos!).toString());
    expect(l3[0]!.summa.prognos).toBe(l2[0]!.summa.prognos);
  });
});

describe('monthly inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-monthly-'));
  const file = (name: string, content: string) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  it('uses a budget given per month as it is', async () => {
    const utfall = file('u.csv', 'Period;Vht;Belopp\n2024-01;5101;100\n2024-02;5101;100\n2024-03;5101;100\n');
    const budget = file('b.csv', 'Vht;Jan;Feb;Mar;Apr;Maj;Jun;Jul;Aug;Sep;Okt;Nov;Dec\n5101;0;0;1200;0;0;0;0;0;0;0;0;0\n');
    const run = await cli([
      'report',
      '--utfall',
      utfall,
      '--budget',
      budget,
      '--period',
      '2024-02',
      '--unit',
      'kr',
      '--format',
      'json',
      '--level',
      '4',
    ]);
    const row = JSON.parse(run.stdout).tables[0].rows[0];
    expect(row).toMatchObject({ budget_helar: '1200', budget_ack: '0', utfall_ack: '200', prognos: '1400' });
  });

  it('normalises a key whose weights do not sum to 1 or 100, and says so', async () => {
    const key = file('key.csv', 'Kod;1;2;3;4;5;6;7;8;9;10;11;12\n51;1;1;1;1;1;1;1;1;1;1;1;1\n');
    const run = await cli([
      'report',
      '--utfall',
      UTFALL,
      '--budget',
      BUDGET,
      '--period',
      '2024-06',
      '--periodisering',
      key,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('periodiseringsnyckeln för 51 summerar till 12, inte 1 eller 100; vikterna normaliseras');
    // Twelve equal weights are twelfths: the same as the default.
    const even = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-06', '--format', 'json']);
    expect(JSON.parse(run.stdout).tables).toEqual(JSON.parse(even.stdout).tables);
  });

  it('falls back to twelfths where last year has no utfall, with a note', async () => {
    const fg = file('fg.csv', 'Period;Vht;Belopp\n2023-01;5102;100\n2023-07;5102;100\n');
    const run = await cli([
      'report',
      '--utfall',
      UTFALL,
      '--budget',
      BUDGET,
      '--period',
      '2024-08',
      '--fg-ar',
      fg,
      '--periodisering',
      'fg-ar',
      '--format',
      'json',
      '--exact',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/not: fg år saknar utfall för 100, 5101, 5103/);
    const r = JSON.parse(run.stdout).tables[0].rows.find((x: { kod: string }) => x.kod === '10');
    expect(r.budget_ack).toBe(tkr(share(BigInt(oracle['100']!.budget), 8n, 12n)));
  });

  it('warns about forecasts for unknown codes and nested forecasts', async () => {
    const p = file('p.csv', 'Kod;Prognos tkr\n7777;100\n51;240 000\n5102;66 000\n');
    const run = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--prognos', p, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('prognos för koder som inte finns i utfall eller budget ignoreras: 7777');
    expect(run.stderr).toContain('prognosen för 5102 ignoreras, den ingår i prognosen för 51');
    expect(JSON.parse(run.stdout).tables[0].rows.find((x: { kod: string }) => x.kod === '51').prognos).toBe('240000');
  });

  it('chooses and orders columns, including Avvikelse %', async () => {
    const run = await cli([
      'report',
      '--utfall',
      UTFALL,
      '--budget',
      BUDGET,
      '--period',
      '2024-08',
      '--columns',
      'prognos,avvikelse_procent,budget_helar',
      '--format',
      'json',
      '--exact',
    ]);
    const t = JSON.parse(run.stdout).tables[0];
    expect(t.columns).toEqual(['prognos', 'avvikelse_procent', 'budget_helar']);
    expect(Object.keys(t.rows[0])).toEqual(['kod', 'namn', 'prognos', 'avvikelse_procent', 'budget_helar']);
    const r = t.rows.find((x: { kod: string }) => x.kod === '56');
    const pct = new D(r.budget_helar).minus(r.prognos).div(r.budget_helar).mul(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
    expect(r.avvikelse_procent).toBe(pct);
  });

  it('fails a CI run on a threshold, naming each row, and still prints the report', async () => {
    const columns = ['--columns', 'budget_helar,utfall_ack,prognos,prognosavvikelse,avvikelse_procent'];
    const run = await cli([
      'report',
      '--utfall',
      UTFALL,
      '--budget',
      BUDGET,
      '--period',
      '2024-08',
      ...columns,
      '--fail-on',
      'prognosavvikelse<-3000',
      '--fail-on',
      'avvikelse_procent<-40',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Månadsuppföljning per 31 augusti 2024');
    expect(run.stderr.trim().split('\n')).toEqual([
      'avvikelse: fel: Månadsuppföljning per 31 augusti 2024, tkr: 56 Barn och ungdomsvård: Prognosavvikelse −3 493 (villkor prognosavvikelse<-3000)',
      'avvikelse: fel: Månadsuppföljning per 31 augusti 2024, tkr: Summa: Prognosavvikelse −6 288 (villkor prognosavvikelse<-3000)',
      'avvikelse: fel: Månadsuppföljning per 31 augusti 2024, tkr: 56 Barn och ungdomsvård: Avvikelse % −41,1 % (villkor avvikelse_procent<-40)',
    ]);
    const ok = await cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--fail-on', 'prognosavvikelse<-7000']);
    expect(ok.code).toBe(0);
    // A condition on a column the report does not show could never fail: that is a usage error.
    const hidden = await cli([
      'report',
      '--utfall',
      UTFALL,
      '--budget',
      BUDGET,
      '--period',
      '2024-08',
      '--fail-on',
      'avvikelse_procent<-40',
    ]);
    expect(hidden.code).toBe(2);
  });
});

describe('forecast files: a forecast deviation, and headings that name another amount (issue 11, item 9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-prognosavvikelse-'));
  const file = (name: string, content: string) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  /** Budget helår of a code and everything under it, in öre (ledger sign). */
  const budgetOf = (prefix: string) =>
    Object.entries(oracle)
      .filter(([c]) => c.startsWith(prefix))
      .reduce((a, [, o]) => a + BigInt(o.budget), 0n);
  const sv = (ore: bigint) => tkr(ore).replace('.', ',');
  /** The forecasts of fixtures/prognos-2024-08.csv (5106: 84 250 tkr, 56: 13 600 tkr) as the deviations they make. */
  const deviations = `Verksamhet;Prognosavvikelse (tkr)\n5106;${sv(budgetOf('5106') - 84_250_00000n)}\n56;${sv(budgetOf('56') - 13_600_00000n)}\n`;
  const run = (args: string[]) =>
    cli(['report', '--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--exact', '--format', 'json', ...args]);

  it('reads a Prognosavvikelse column as budget helår − deviation, never as the forecast itself, with a note', async () => {
    const path = file('prognosavvikelse.csv', deviations);
    const [fromForecast, fromDeviation] = [await run(['--prognos', `${F}/prognos-2024-08.csv`]), await run(['--prognos', path])];
    expect(fromDeviation.code).toBe(0);
    expect(JSON.parse(fromDeviation.stdout)).toEqual(JSON.parse(fromForecast.stdout));
    expect(fromDeviation.stderr).toBe(
      `avvikelse: not: ${path}: kolumnen "Prognosavvikelse (tkr)" är en prognosavvikelse, inte en prognos; Prognos helår = Budget helår − avvikelsen (positiv avvikelse = bättre än budget, i båda perspektiven)\n`,
    );
    const row56 = (JSON.parse(fromDeviation.stdout).tables[0].rows as Record<string, string>[]).find((r) => r.kod === '56')!;
    expect(row56.prognos).toBe('13600');
    expect(row56.prognosavvikelse).toBe(tkr(budgetOf('56') - 13_600_00000n));
  });

  it('keeps the deviation as written in the resultat perspective and with --input-sign revenue-positive (positive = better)', async () => {
    const path = file('avvikelse-56.csv', 'Verksamhet;Avvikelse mot budget, tkr\n56;-250\n');
    for (const extra of [[], ['--perspective', 'resultat'], ['--input-sign', 'revenue-positive']]) {
      const out = await run(['--prognos', path, ...extra]);
      const row56 = (JSON.parse(out.stdout).tables[0].rows as Record<string, string>[]).find((r) => r.kod === '56')!;
      expect([extra, row56.prognosavvikelse]).toEqual([extra, '-250']);
      const sign = extra[0] === '--perspective' ? -1 : 1;
      // --input-sign negates the ledger (the budget), never the deviation.
      const budget = budgetOf('56') * (extra[0] === '--input-sign' ? -1n : 1n);
      expect([extra, row56.prognos]).toEqual([extra, tkr(BigInt(sign) * (budget + 250_00000n))]);
    }
  });

  it("reads the previous report's Prognosavvikelse against this report's budget helår", async () => {
    const fg = file('fg-avvikelse.csv', 'Verksamhet;Prognosavvikelse juli (tkr)\n56;500\n');
    const out = await run(['--prognos', file('p.csv', 'Verksamhet;Prognosavvikelse (tkr)\n56;-250\n'), '--fg-prognos', fg]);
    const row56 = (JSON.parse(out.stdout).tables[0].rows as Record<string, string>[]).find((r) => r.kod === '56')!;
    // The forecast worsened by 750 tkr: from 500 better than budget to 250 worse.
    expect(row56.prognosforandring).toBe('-750');
    expect(out.stderr).toContain(`${fg}: kolumnen "Prognosavvikelse juli (tkr)" är en prognosavvikelse`);
  });

  it('takes the Prognos column of a file with names and a budget beside it, and refuses a file whose amount is another amount', async () => {
    const wide = file(
      'prognos-bred.csv',
      'Verksamhet;Namn;Budget helår (tkr);Prognos helår (tkr)\n5106;Boende;80 000;84 250\n56;IFO;13 000;13 600\n',
    );
    expect(JSON.parse((await run(['--prognos', wide])).stdout)).toEqual(
      JSON.parse((await run(['--prognos', `${F}/prognos-2024-08.csv`])).stdout),
    );
    const plain = file('belopp.csv', 'Verksamhet;Belopp tkr\n56;13 600\n');
    expect((await run(['--prognos', plain])).code).toBe(0);
    const utfall = file('utfall-som-prognos.csv', 'Verksamhet;Namn;Utfall ack (tkr)\n56;IFO;9 100\n');
    for (const option of ['--prognos', '--fg-prognos']) {
      const refused = await run([option, utfall]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${utfall}:1: kolumn Utfall ack (tkr): rubriken "Utfall ack (tkr)" hör till en annan sorts fil:`);
      expect(refused.stderr).toContain(`(${option})`);
      expect(refused.stderr).toContain('[COLUMN_ROLE]');
    }
  });

  it('refuses amounts where texts belong (--kommentarer, --names), and takes text headings as they are', async () => {
    const forecast = file('prognos-som-kommentar.csv', 'Verksamhet;Prognos tkr\n56;13 600\n');
    for (const option of ['--kommentarer', '--names']) {
      const refused = await run([option, forecast]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`rubriken "Prognos tkr" hör till en annan sorts fil:`);
    }
    const comments = file('kommentarer.csv', 'Verksamhet;Benämning;Kommentar augusti\n56;IFO;Placeringar över budget\n');
    expect((await run(['--kommentarer', comments])).code).toBe(0);
  });
});

describe('--periodisering fg-ar: a profile that takes budget ack beyond budget helår', () => {
  it('says why, naming the code, and follows the profile', () => {
    // Last year: 500 kr through August, 400 kr for the whole year (revenues later in the year).
    const budget = new Map([['5590', new Map([['', ore(120_000n)]])]]);
    const period = { year: 2024, month: 8 };
    const r = budgetThrough(
      budget,
      period,
      { kind: 'fg-ar' },
      () => ore(50_000n),
      () => ore(40_000n),
    );
    expect(r.perKey.get('5590')).toEqual({ helar: 120_000n, ack: 150_000n });
    expect(r.messages).toEqual([message('fgArBeyondHelar', { codes: ['5590'] })]);
    // A profile within the year says nothing.
    const within = budgetThrough(
      budget,
      period,
      { kind: 'fg-ar' },
      () => ore(30_000n),
      () => ore(40_000n),
    );
    expect(within.messages).toEqual([]);
  });
});
