/**
 * The sign rule (src/rules/sign.ts): one deviation, planned − actual in ledger sign, shown as
 * the same number in both perspectives and positive when better than planned — checked on
 * random ledgers through every report kind's builder (driftredovisning, each deviation column
 * of the monthly follow-up, the Verksamhetsanalys and the Resultat summary).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore, ZERO, type Ore } from '../../src/core/money.js';
import type { PeriodTotals } from '../../src/core/ledger.js';
import { NameBook } from '../../src/core/names.js';
import { ANALYS_PERSPECTIVE, analysValues, buildAnalys, resultatValues, type ByCategory } from '../../src/report/analys.js';
import { COLUMNS, columnDef, defaultColumns } from '../../src/report/columns.js';
import { buildDrift, rowValues } from '../../src/report/drift.js';
import type { AmountColumn, Amounts, ReportTable } from '../../src/report/model.js';
import { buildMonthly } from '../../src/report/monthly.js';
import { rowKey } from '../../src/rules/rollup.js';
import {
  DEVIATIONS,
  deviation,
  forecastFromDeviation,
  inPerspective,
  kontoClass,
  negatesInput,
  PERSPECTIVES,
  type Perspective,
} from '../../src/rules/sign.js';

const amount = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(ore);
const level = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
const perspectives = (build: (p: Perspective) => ReportTable[]) => [build('kostnad'), build('resultat')] as const;
const layout = (l: number | null, subs: string[]) => ({
  names: new NameBook(),
  dimension: 'verksamhet',
  level: l,
  subs,
  subLevel: null,
  comments: new Map<string, string>(),
});

/** −1, 0 or 1. */
const signOf = (v: Ore): number => (v.gt(0) ? 1 : v.lt(0) ? -1 : 0);

/**
 * The sign property for one report built in both perspectives: every deviation cell is the
 * same number in both, every other amount is negated, and each deviation is positive exactly
 * when its actual is better than its planned amount — less in the kostnad perspective (net
 * cost), more in the resultat one (revenue positive).
 */
function expectSignRule(
  kostnad: readonly ReportTable[],
  resultat: readonly ReportTable[],
  pairs: Partial<Record<AmountColumn, [planned: AmountColumn, actual: AmountColumn]>>,
) {
  expect(resultat.length).toBe(kostnad.length);
  kostnad.forEach((kt, i) => {
    const rt = resultat[i] as ReportTable;
    const lines: [Amounts, Amounts][] = [
      ...kt.rows.map((r, j) => [r.values, (rt.rows[j] as { values: Amounts }).values] as [Amounts, Amounts]),
      [kt.summa, rt.summa],
    ];
    for (const [k, r] of lines) {
      for (const col of Object.keys(k) as AmountColumn[]) {
        const kv = k[col] ?? null;
        if (columnDef(col).kind === 'deviation') expect([col, r[col]]).toEqual([col, kv]);
        else expect([col, r[col]]).toEqual([col, kv === null ? null : kv.neg()]);
      }
      for (const [dev, [planned, actual]] of Object.entries(pairs) as [AmountColumn, [AmountColumn, AmountColumn]][]) {
        const d = k[dev];
        if (d === null || d === undefined) continue;
        const [kp, ka, rp, ra] = [k[planned], k[actual], r[planned], r[actual]] as [Ore, Ore, Ore, Ore];
        expect([dev, signOf(d)]).toEqual([dev, signOf(kp.minus(ka))]); // kostnad: spent less than planned
        expect([dev, signOf(r[dev] as Ore)]).toEqual([dev, signOf(ra.minus(rp))]); // resultat: came out above plan
      }
    }
  });
}

describe('a forecast from a forecast deviation (a Prognosavvikelse column where a forecast was asked for)', () => {
  it('is budget helår − deviation in ledger sign: the inverse of the deviation rule, in both perspectives', () => {
    expect(forecastFromDeviation(ore(1_000n), ore(-200n))).toEqual(1_200n); // 200 worse than a cost budget of 1 000
    expect(forecastFromDeviation(ore(-5_000n), ore(300n))).toEqual(-5_300n); // 300 better than a revenue budget of 5 000
    fc.assert(
      fc.property(amount, amount, fc.constantFrom(...PERSPECTIVES), (budget, avvikelse, perspective) => {
        const prognos = forecastFromDeviation(budget, avvikelse);
        expect(deviation(budget, prognos)).toEqual(avvikelse);
        // As shown: the deviation is the same number, and positive exactly when the shown forecast is better.
        const shown = inPerspective({ budget_helar: budget, prognos, prognosavvikelse: deviation(budget, prognos) }, perspective);
        expect(shown.prognosavvikelse).toEqual(avvikelse);
        const better = perspective === 'kostnad' ? shown.prognos!.lt(shown.budget_helar!) : shown.prognos!.gt(shown.budget_helar!);
        expect(avvikelse.gt(0)).toBe(better);
      }),
    );
  });
});

describe('the deviation rule', () => {
  it('is planned − actual in ledger sign, unknown when either is', () => {
    expect(deviation(ore(1_000n), ore(800n))).toEqual(200n);
    expect(deviation(null, ore(800n))).toBeNull();
    expect(deviation(ore(1_000n), undefined)).toBeNull();
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), (planned, actual) => {
        expect(deviation(ore(planned), ore(actual))).toEqual(planned - actual);
        // Costs positive in the ledger: spending less than planned is better.
        expect(deviation(ore(planned), ore(actual))!.gt(0)).toBe(actual < planned);
      }),
    );
  });

  it('inPerspective negates every amount but the deviations, and only in the result perspective', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('utfall', 'budget', ...DEVIATIONS, 'prognos'), fc.option(fc.bigInt(), { nil: null })),
        (given) => {
          const amounts = Object.fromEntries(Object.entries(given).map(([col, v]) => [col, v === null ? null : ore(v)]));
          expect(inPerspective(amounts, 'kostnad')).toEqual(given);
          const r = inPerspective(amounts, 'resultat');
          expect(Object.keys(r).sort()).toEqual(Object.keys(given).sort());
          for (const [col, v] of Object.entries(given)) {
            expect(r[col]).toEqual(v === null || (DEVIATIONS as readonly string[]).includes(col) ? v : -v);
          }
        },
      ),
    );
  });

  it('names the same deviation columns as the column registry', () => {
    expect([...DEVIATIONS].sort()).toEqual(
      COLUMNS.filter((c) => c.kind === 'deviation')
        .map((c) => c.id)
        .sort(),
    );
  });

  it('input sign: only a revenue-positive file is negated into ledger sign', () => {
    expect(negatesInput('revenue-positive')).toBe(true);
    expect(negatesInput('cost-positive')).toBe(false);
    expect(PERSPECTIVES).toEqual(['kostnad', 'resultat']);
  });
});

describe('the konto-class rule of the sign evidence', () => {
  /** The rule as Kommun-Bas states it, by the first character as text: 3 revenue, 4–7 cost. */
  const byText = (first: string): 'revenue' | 'cost' | null =>
    first === '3' ? 'revenue' : ['4', '5', '6', '7'].includes(first) ? 'cost' : null;

  it('classes an account by its first character: 3 revenue, 4–7 cost, anything else neither', () => {
    expect(['3110', '4010', '5011', '6110', '7810', '1510', '2440', '8410', '9', 'x3'].map((k) => kontoClass(k.charCodeAt(0)))).toEqual([
      'revenue',
      'cost',
      'cost',
      'cost',
      'cost',
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(kontoClass(''.charCodeAt(0))).toBeNull(); // NaN: an empty konto
    expect(kontoClass(0)).toBeNull(); // the fast path's "no first byte"
  });

  it('agrees with the rule stated on text for any account and any char code', () => {
    // Accounts start with a digit (or a blank, a letter) more often than any random text would.
    const first = fc.oneof(fc.constantFrom(...'0123456789 xÅ'), fc.string({ unit: 'grapheme', maxLength: 1 }));
    const konto = fc.tuple(first, fc.string({ maxLength: 5 })).map(([a, b]) => a + b);
    fc.assert(fc.property(konto, (k) => kontoClass(k.charCodeAt(0)) === byText(k.charAt(0))));
    const code = fc.oneof(fc.integer({ min: 0x2c, max: 0x3c }), fc.integer({ min: -1, max: 0x10ffff }));
    fc.assert(fc.property(code, (c) => kontoClass(c) === (c < 0 || c > 0xffff ? null : byText(String.fromCharCode(c)))));
  });
});

describe('every report kind shows deviations by the one rule', () => {
  it('driftredovisning: avvikelse is the same number in both perspectives, and positive means better than budget', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), (u, b) => {
        const k = rowValues(ore(u), ore(b), 'kostnad') as Record<'utfall' | 'budget' | 'avvikelse', Ore>;
        const r = rowValues(ore(u), ore(b), 'resultat') as Record<'utfall' | 'budget' | 'avvikelse', Ore>;
        expect(k.avvikelse).toEqual(r.avvikelse);
        expect(k.avvikelse).toEqual(k.budget.minus(k.utfall));
        expect(r.avvikelse).toEqual(r.utfall.minus(r.budget));
        expect(k.avvikelse).toEqual(b - u);
        // Costs positive in the ledger: spending less than budget is better.
        if (u < b) expect(k.avvikelse.gt(0)).toBe(true);
      }),
    );
  });

  const ledger = (codes: fc.Arbitrary<string>) =>
    fc.array(fc.tuple(codes, amount), { maxLength: 25 }).map((pairs) => {
      const m = new Map<string, Ore>();
      for (const [c, a] of pairs) m.set(c, (m.get(c) ?? ZERO).plus(a));
      return m;
    });

  it('driftredovisning on random ledgers, main table and sub-tables', () => {
    const code = fc.stringMatching(/^[0-9]{1,5}$/);
    fc.assert(
      fc.property(ledger(code), ledger(code), level, (utfall, budget, l) => {
        const [k, r] = perspectives(
          (perspective) =>
            buildDrift({
              ...layout(l, ['5', '51']),
              perspective,
              utfall,
              budget,
              year: '2024',
              unit: 'tkr',
              columns: defaultColumns('drift', new Set()),
            }).tables,
        );
        expectSignRule(k, r, { avvikelse: ['budget', 'utfall'] });
      }),
    );
  });

  it('monthly follow-up on random ledgers: avvikelse ack, prognosavvikelse and prognosförändring', () => {
    // Four-digit codes, so that no code is a node over another and last report's forecast per code is known per row.
    const code = fc.stringMatching(/^[1-9][0-9]{3}$/);
    const periods = (year: number, annual: boolean) =>
      fc.array(fc.tuple(code, fc.integer({ min: annual ? 0 : 1, max: 12 }), amount), { maxLength: 25 }).map((entries) => {
        const m: PeriodTotals = new Map();
        for (const [c, month, a] of entries) {
          const key = month === 0 ? '' : `${year}-${String(month).padStart(2, '0')}`;
          const p = m.get(c) ?? new Map<string, Ore>();
          p.set(key, (p.get(key) ?? ZERO).plus(a));
          m.set(c, p);
        }
        return m;
      });
    const manual = fc.array(fc.tuple(fc.stringMatching(/^[1-9][0-9]{0,3}$/), amount), { maxLength: 3 }).map((e) => new Map(e));
    const method = fc.record({
      periodisering: fc.constantFrom({ kind: 'jamn' } as const, { kind: 'fg-ar' } as const),
      prognosMetod: fc.constantFrom('budget' as const, 'linjar' as const, 'fg-ar' as const),
    });
    fc.assert(
      fc.property(
        periods(2024, false),
        periods(2024, true),
        fc.option(periods(2023, false), { nil: null }),
        manual,
        fc.integer({ min: 1, max: 12 }),
        method,
        level,
        amount,
        (utfall, budget, fgAr, manualPrognos, month, m, l, previous) => {
          const codes = [...new Set([...utfall.keys(), ...budget.keys()])];
          // Last report's forecast for every code: each row's previous forecast is the sum over its codes.
          const fgPrognos = new Map(codes.map((c, i) => [c, previous.plus(i * 1_000)]));
          const build = (perspective: Perspective) =>
            buildMonthly({
              ...layout(l, ['5']),
              perspective,
              utfall,
              budget,
              fgAr,
              period: { year: 2024, month },
              ...m,
              manualPrognos,
              manualPrognosFile: 'p.csv',
              fgPrognos,
              columns: defaultColumns('manad', new Set(['fgAr', 'fgPrognos'])),
              unit: 'tkr',
            }).tables;
          const [k, r] = perspectives(build);
          expectSignRule(k, r, { avvikelse_ack: ['budget_ack', 'utfall_ack'], prognosavvikelse: ['budget_helar', 'prognos'] });
          // prognosförändring: the previous forecast minus this one, positive when the forecast improved.
          const byRow = new Map<string, Ore>();
          for (const [c, v] of fgPrognos) byRow.set(rowKey(l)(c), (byRow.get(rowKey(l)(c)) ?? ZERO).plus(v));
          for (const [i, row] of (k[0] as ReportTable).rows.entries()) {
            const before = byRow.get(row.kod) as Ore;
            const change = row.values.prognosforandring;
            if (change === null || change === undefined) continue;
            expect(change).toEqual(before.minus(row.values.prognos as Ore));
            expect(signOf(change)).toBe(signOf(before.minus(row.values.prognos as Ore)));
            const shown = (r[0] as ReportTable).rows[i]!.values;
            expect(shown.prognosforandring).toEqual(change);
            expect(signOf(shown.prognosforandring as Ore)).toBe(signOf((shown.prognos as Ore).minus(before.neg()))); // resultat: the forecast result rose
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  const byCategory = fc.record<ByCategory>({
    intakt: amount,
    personalkostnad: amount,
    kapitalkostnad: amount,
    ovrig_kostnad: amount,
    exkluderad: amount,
  });
  const categorised = fc.array(fc.tuple(fc.stringMatching(/^[0-9]{1,4}$/), byCategory), { maxLength: 15 }).map((e) => new Map(e));

  it('Verksamhetsanalys: nettoavvikelse is the same number in both perspectives, and positive means better than budget', () => {
    const base = fc.record({ iu: amount, ku: amount, ib: amount, kb: amount });
    fc.assert(
      fc.property(base, (s) => {
        const [k, r] = [analysValues(s, 'kostnad'), analysValues(s, 'resultat')];
        expect(k.nettoavvikelse).toEqual(r.nettoavvikelse);
        // Better than budget: a smaller net cost (ledger sign), a larger net result (result perspective).
        expect(signOf(k.nettoavvikelse as Ore)).toBe(signOf(s.ib.plus(s.kb).minus(s.iu.plus(s.ku))));
        expect(signOf(r.nettoavvikelse as Ore)).toBe(
          signOf(
            (r.intakt_utfall as Ore)
              .plus(r.kostnad_utfall as Ore)
              .minus(r.intakt_budget as Ore)
              .minus(r.kostnad_budget as Ore),
          ),
        );
        expect(k.intakt_utfall).toEqual((r.intakt_utfall as Ore).neg());
      }),
    );
    // The builder shows exactly these values, in the published perspective.
    fc.assert(
      fc.property(categorised, categorised, level, (utfall, budget, l) => {
        const report = buildAnalys({
          ...layout(l, []),
          perspective: 'kostnad',
          utfall,
          budget,
          fgAr: null,
          analys: true,
          resultat: false,
          year: '2024',
          unit: 'tkr',
        });
        expect(report.perspective).toBe(ANALYS_PERSPECTIVE);
        for (const row of [...report.tables[0]!.rows.map((x) => x.values), report.tables[0]!.summa]) {
          const net = (a: Ore | null | undefined, b: Ore | null | undefined) => (a as Ore).plus(b as Ore);
          expect(signOf(row.nettoavvikelse as Ore)).toBe(
            signOf(net(row.intakt_utfall, row.kostnad_utfall).minus(net(row.intakt_budget, row.kostnad_budget))),
          );
        }
      }),
    );
  });

  it('Resultat: avvikelse is the same number in both perspectives, and positive means better than budget', () => {
    fc.assert(
      fc.property(amount, amount, fc.option(amount, { nil: null }), (u, b, fg) => {
        const [k, r] = [resultatValues(u, b, fg, 'kostnad'), resultatValues(u, b, fg, 'resultat')];
        expect(k.avvikelse).toEqual(r.avvikelse);
        expect(signOf(k.avvikelse as Ore)).toBe(signOf(b.minus(u)));
        expect(signOf(r.avvikelse as Ore)).toBe(signOf((r.utfall as Ore).minus(r.budget as Ore)));
        expect(r.utfall_fg_ar).toEqual(fg === null ? undefined : fg.neg());
      }),
    );
    fc.assert(
      fc.property(categorised, categorised, (utfall, budget) => {
        const report = buildAnalys({
          ...layout(null, []),
          perspective: 'kostnad',
          utfall,
          budget,
          fgAr: utfall,
          analys: false,
          resultat: true,
          year: '2024',
          unit: 'tkr',
        });
        const table = report.tables[0]!;
        for (const row of [...table.rows.map((x) => x.values), table.summa]) {
          expect(signOf(row.avvikelse as Ore)).toBe(signOf((row.utfall as Ore).minus(row.budget as Ore)));
        }
        // Revenue above budget is better: the Intäkter row is positive when more came in than planned.
        const intakter = table.rows.find((x) => x.kod === 'intakter')!.values;
        const [iu, ib] = [
          [...utfall.values()].reduce((a, c) => a.plus(c.intakt), ZERO),
          [...budget.values()].reduce((a, c) => a.plus(c.intakt), ZERO),
        ];
        expect(signOf(intakter.avvikelse as Ore)).toBe(signOf(ib.minus(iu))); // ledger sign: revenue is negative
      }),
    );
  });
});
