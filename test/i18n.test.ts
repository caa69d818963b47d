/**
 * The renderers of the report's descriptors: every Title kind and every Message code has a
 * text in Swedish and English that shows its parameters, and messages print warnings first.
 */
import { describe, expect, it } from 'vitest';
import { ore } from '../src/core/money.js';
import { LANGS, texts } from '../src/i18n/index.js';
import { inPrintOrder, message, MESSAGE_CODES, MESSAGE_LEVELS, type MessageCode, type MessageParams } from '../src/report/messages.js';
import { RESULTAT_ROWS, type Title } from '../src/report/model.js';

/** One example per message code; the type makes a new code fail to compile until it has one. */
const SAMPLES: { [C in MessageCode]: MessageParams[C] } = {
  encodingFallback: { file: 'utfall.csv' },
  signsLookReversed: { file: 'utfall.csv', positive: 47, total: 48 },
  otherYears: { file: 'utfall.csv', year: 2023, reportYear: 2024, rows: 40, codes: 12, first: 12, last: 12, amount: ore(-4123350n) },
  uncategorised: { accounts: ['1510', '2440'] },
  noName: { dimension: 'ansvar', codes: ['4101', '4102'] },
  emptySub: { pattern: '98*' },
  commentsNotShown: { codes: ['5199'] },
  prognosUnknown: { file: 'prognos.csv', codes: ['99', '98'] },
  prognosNested: { file: 'prognos.csv', inner: '5101', outer: '51' },
  keyNormalised: { key: '51', sum: '12' },
  fgArFallback: { codes: ['5501', '5502'] },
  fgArBeyondHelar: { codes: ['5590'] },
  prognosFgArFallback: { codes: ['5601'] },
  prognosFromDeviation: { file: 'prognos.csv', column: 'Prognosavvikelse (tkr)' },
  openingLeftOut: { file: 'unit4.csv', rows: 3, amount: ore(-123_456_789n) },
  adjustmentInDecember: { file: 'unit4.csv', rows: 1, amount: ore(50_000n) },
  totalsRows: { file: 'utfall.txt', lines: [12, 38], labels: ['Summa 4100', 'Totalt'] },
  totalsColumn: { file: 'budget.csv', column: 'Helår', rows: 14 },
  totalsColumnDiffers: { file: 'budget.csv', column: 'Totalt', rows: 14, differing: 2, lines: [5, 9] },
  headingUnit: { file: 'budget.csv', heading: 'Budget 2024 (tkr)', unit: 'tkr' },
  headingUnitConflict: { file: 'budget.csv', heading: 'Utfall (kr)', unit: 'kr', given: 'tkr' },
  unitsLookMixed: { larger: 'utfall', smaller: 'budget', factor: 1000, option: '--budget-unit tkr' },
  partYear: { year: 2024, first: 1, last: 8, period: '2024-08' },
  annualBudget: { period: '2024-01', periodised: true },
  periodiseringUnused: { value: 'jamn' },
  sieRead: { file: 'sjovik.se', record: '#PSALDO', year: 0, dates: '20240101–20241231', dimensions: 'verksamhet: 20 Verksamhet' },
  sieBalanceAccounts: { file: 'sjovik.se', accounts: 3, rows: 36 },
  sieUnallocated: {
    file: 'sjovik.se',
    role: 'verksamhet',
    dim: '20 Verksamhet',
    code: '–',
    rows: 12,
    amount: ore(-1234567n),
    record: '#PSALDO',
  },
};

const TITLES: { [K in Title['kind']]: Title & { kind: K } } = {
  drift: { kind: 'drift', year: '2024', unit: 'tkr' },
  investering: { kind: 'investering', year: '2024', unit: 'tkr' },
  analys: { kind: 'analys', year: '2024', unit: 'mnkr' },
  resultat: { kind: 'resultat', year: '2024', unit: 'tkr' },
  grouped: { kind: 'grouped', dimension: 'ansvar', year: '2024', unit: 'kr' },
  sub: { kind: 'sub', dimension: 'verksamhet', pattern: '51*' },
  manad: { kind: 'manad', dimension: 'ansvar', period: { year: 2024, month: 2 }, unit: 'tkr' },
};

/** The values a text must show: strings and numbers, and each item of a list (amounts in öre are checked on their own). */
function shownValues(params: object): string[] {
  return Object.entries(params).flatMap(([key, v]) => (WORDED.has(key) ? [] : Array.isArray(v) ? v.map(String) : [String(v)]));
}
/** Parameters a text shows in words rather than as given: a dimension's name, months by name, an amount in kronor, a choice. */
const WORDED = new Set(['dimension', 'first', 'last', 'amount', 'periodised']);

describe('message texts', () => {
  it('has an example for every code the report layer knows', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...MESSAGE_CODES].sort());
  });

  for (const code of MESSAGE_CODES) {
    it(`renders ${code} in both languages with its parameters`, () => {
      const m = message(code, SAMPLES[code] as never);
      expect(m.level).toBe(MESSAGE_LEVELS[code]);
      const rendered = LANGS.map((lang) => texts(lang).message(m));
      for (const text of rendered) {
        expect(typeof text).toBe('string');
        expect(text).not.toMatch(/undefined|\[object|NaN/);
        for (const v of shownValues(m.params)) expect(text).toContain(v);
      }
      expect(rendered[0]).not.toBe(rendered[1]);
    });
  }

  it('joins lists of codes with commas and names the dimension', () => {
    expect(texts('sv').message(message('noName', { dimension: 'ansvar', codes: ['41', '42'] }))).toBe(
      'ansvar utan namn (visas med koden): 41, 42',
    );
    expect(texts('en').message(message('noName', { dimension: 'verksamhet', codes: ['77'] }))).toBe(
      'activity codes without a name (shown by code): 77',
    );
  });

  it('shows amounts in öre as exact kronor in the number format of the language', () => {
    const m = message('openingLeftOut', SAMPLES.openingLeftOut);
    expect(texts('sv').message(m)).toBe('unit4.csv: 3 rader med period 00 (ingående balans), netto −1 234 567,89 kr, räknas inte med');
    expect(texts('en').message(m)).toBe('unit4.csv: 3 rows of period 00 (opening balance), net −1,234,567.89 kr, left out');
    expect(texts('sv').message(message('adjustmentInDecember', SAMPLES.adjustmentInDecember))).toBe(
      'unit4.csv: 1 rad med period 13–15 (bokslutsperioder), netto 500,00 kr, räknas in i december',
    );
    // A fraction of an öre is shown exactly, never rounded away.
    const fine = message('openingLeftOut', { file: 'unit4.csv', rows: 3, amount: ore('-123456.7') });
    expect(texts('sv').message(fine)).toBe('unit4.csv: 3 rader med period 00 (ingående balans), netto −1 234,567 kr, räknas inte med');
    expect(texts('en').message(fine)).toBe('unit4.csv: 3 rows of period 00 (opening balance), net −1,234.567 kr, left out');
  });

  it('names months and kronor in the words of each language', () => {
    const left = message('otherYears', {
      file: 'u.csv',
      year: 2023,
      reportYear: 2024,
      rows: 7,
      codes: 3,
      first: 11,
      last: 12,
      amount: ore(-4123350n),
    });
    expect(texts('sv').message(left)).toBe(
      'u.csv: 7 rader (3 koder) daterade november–december 2023, netto −41 233,50 kr, tas inte med i rapporten för 2024',
    );
    expect(texts('en').message(left)).toBe(
      'u.csv: 7 rows (3 codes) dated November–December 2023, net −41,233.50 kr, are left out of the report for 2024',
    );
    const one = message('otherYears', {
      file: 'u.csv',
      year: 2023,
      reportYear: 2024,
      rows: 1,
      codes: 1,
      first: 12,
      last: 12,
      amount: ore(5n),
    });
    expect(texts('sv').message(one)).toBe('u.csv: 1 rad (1 kod) daterade december 2023, netto 0,05 kr, tas inte med i rapporten för 2024');
    expect(texts('sv').message(message('partYear', { year: 2024, first: 1, last: 8, period: '2024-08' }))).toBe(
      'utfallet gäller bara januari–augusti 2024 men budgeten hela året; jämför med budget ack med --period 2024-08',
    );
    expect(texts('sv').message(message('annualBudget', { period: '2024-01', periodised: true }))).toBe(
      'budgetens alla rader har perioden 2024-01; den läses som årsbudget för 2024 och periodiseras',
    );
    expect(texts('en').message(message('annualBudget', { period: '2024-01', periodised: false }))).toBe(
      'every budget row has the period 2024-01; it is read as the annual budget for 2024',
    );
  });

  it('prints warnings before notes, each in the order given', () => {
    const a = message('keyNormalised', { key: '51', sum: '12' });
    const b = message('emptySub', { pattern: '9*' });
    const c = message('fgArFallback', { codes: ['55'] });
    const d = message('encodingFallback', { file: 'x.csv' });
    expect(inPrintOrder([a, b, c, d])).toEqual([b, d, a, c]);
  });
});

describe('title texts', () => {
  const expected: Record<'sv' | 'en', Record<Title['kind'], string>> = {
    sv: {
      drift: 'Driftredovisning 2024, tkr',
      investering: 'Investeringsredovisning 2024, tkr',
      analys: 'Verksamhetsanalys driftbudget 2024, mnkr',
      resultat: 'Resultat 2024, tkr',
      grouped: 'Redovisning per ansvar 2024, kr',
      sub: 'Redovisning verksamhet 51*',
      manad: 'Månadsuppföljning per ansvar, per 29 februari 2024, tkr',
    },
    en: {
      drift: 'Operating statement 2024, tkr',
      investering: 'Capital expenditure 2024, tkr',
      analys: 'Activity analysis 2024, mnkr',
      resultat: 'Result 2024, tkr',
      grouped: 'Statement by responsibility 2024, kr',
      sub: 'Breakdown of activity 51*',
      manad: 'Monthly follow-up by responsibility, to 29 February 2024, tkr',
    },
  };
  for (const lang of LANGS) {
    for (const title of Object.values(TITLES)) {
      it(`renders a ${title.kind} title in ${lang}`, () => {
        expect(texts(lang).title(title)).toBe(expected[lang][title.kind]);
      });
    }
  }

  it('states the months the utfall covers, and the month a delårsrapport runs to', () => {
    const coverage = { first: 1, last: 8 };
    expect(texts('sv').title({ kind: 'drift', year: '2024', unit: 'tkr', coverage })).toBe(
      'Driftredovisning 2024, utfall januari–augusti, tkr',
    );
    expect(texts('en').title({ kind: 'drift', year: '2024', unit: 'tkr', coverage })).toBe(
      'Operating statement 2024, actuals January–August, tkr',
    );
    expect(texts('sv').title({ kind: 'grouped', dimension: 'ansvar', year: '2024', unit: 'kr', coverage: { first: 3, last: 3 } })).toBe(
      'Redovisning per ansvar 2024, utfall mars, kr',
    );
    const period = { year: 2024, month: 8 };
    expect(texts('sv').title({ kind: 'resultat', year: '2024', unit: 'tkr', period })).toBe('Resultat per 31 augusti 2024, tkr');
    expect(texts('en').title({ kind: 'resultat', year: '2024', unit: 'tkr', period })).toBe('Result to 31 August 2024, tkr');
    expect(texts('sv').title({ kind: 'analys', year: '2024', unit: 'tkr', period })).toBe(
      'Verksamhetsanalys driftbudget per 31 augusti 2024, utfall och budget ackumulerat, tkr',
    );
  });

  it('leaves out a missing year and the default dimension of a monthly report', () => {
    expect(texts('sv').title({ kind: 'drift', year: '', unit: 'tkr' })).toBe('Driftredovisning, tkr');
    expect(texts('sv').title({ kind: 'manad', dimension: null, period: { year: 2024, month: 8 }, unit: 'tkr' })).toBe(
      'Månadsuppföljning per 31 augusti 2024, tkr',
    );
  });
});

describe('row labels', () => {
  it('renders the total and every Resultat row in both languages', () => {
    expect(texts('sv').label('summa')).toBe('Summa');
    expect(texts('en').label('summa')).toBe('Total');
    expect(texts('sv').label('resultat')).toBe('Resultat');
    for (const lang of LANGS) {
      for (const id of RESULTAT_ROWS) expect(texts(lang).label(id)).toMatch(/\S/);
    }
    expect(texts('sv').label('personalkostnader')).toBe('varav personalkostnader');
    expect(texts('en').label('kapitalkostnader')).toBe('of which capital costs');
  });
});
