/**
 * toDocument, the one layout model behind every writer: the Summa label, code and name
 * layout, varav emphasis, the tone of deviation cells, the rounding notes, comments, chart
 * and rules line, in both languages; and renderers that need nothing but the document.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ore } from '../src/core/money.js';
import { texts } from '../src/i18n/index.js';
import type { Display, ReportTable } from '../src/report/model.js';
import { presentReport } from '../src/report/present.js';
import { cellText, crossingText, toDocument, withLabelNames, type DocumentMeta } from '../src/write/document.js';
import { FORMATS, renderer } from '../src/write/index.js';
import { crossings } from '../src/report/thresholds.js';
import { threshold as parseThreshold } from '../src/cli/values.js';
import { SWEDISH } from '../src/write/number.js';

const TKR: Display = { unit: 'tkr', decimals: 0, rounding: 'half-away-from-zero', exact: false };
const META: DocumentMeta = {
  unit: 'tkr',
  perspective: 'kostnad',
  rounding: 'half-away-from-zero',
  exact: false,
  invocation: 'avvikelse report',
};

/** Three rows of 400 kr: each shows 0 tkr, their Summa 1 200 kr shows 1 tkr. */
const drift: ReportTable = {
  id: 'drift',
  report: 'drift',
  title: { kind: 'drift', year: '2024', unit: 'tkr' },
  dimension: 'verksamhet',
  columns: ['utfall', 'budget', 'avvikelse', 'kommentar'],
  rows: [
    {
      kod: '51',
      namn: 'Äldreomsorg',
      values: { utfall: ore(40_000n), budget: ore(30_000n), avvikelse: ore(-10_000n) },
      kommentar: 'Fler brukare',
    },
    {
      kod: '55',
      namn: 'Individ- och familjeomsorg',
      values: { utfall: ore(40_000n), budget: ore(250_000n), avvikelse: ore(210_000n) },
      kommentar: null,
    },
    { kod: '77', namn: null, values: { utfall: ore(40_000n), budget: ore(0n), avvikelse: null }, kommentar: null },
  ],
  summa: { utfall: ore(120_000n), budget: ore(280_000n), avvikelse: null },
};

const resultat: ReportTable = {
  id: 'resultat',
  report: 'resultat',
  title: { kind: 'resultat', year: '2024', unit: 'tkr' },
  dimension: 'verksamhet',
  columns: ['utfall', 'budget', 'avvikelse'],
  rows: [
    {
      kod: 'intakter',
      namn: null,
      label: 'intakter',
      values: { utfall: ore(5_000_000n), budget: ore(4_000_000n), avvikelse: ore(1_000_000n) },
      kommentar: null,
    },
    {
      kod: 'kostnader',
      namn: null,
      label: 'kostnader',
      values: { utfall: ore(-9_000_000n), budget: ore(-8_000_000n), avvikelse: ore(-1_000_000n) },
      kommentar: null,
    },
    {
      kod: 'personalkostnader',
      namn: null,
      label: 'personalkostnader',
      values: { utfall: ore(-6_000_000n), budget: ore(-6_000_000n), avvikelse: ore(0n) },
      kommentar: null,
      varav: true,
    },
  ],
  summa: { utfall: ore(-4_000_000n), budget: ore(-4_000_000n), avvikelse: ore(0n) },
  summaLabel: 'resultat',
  showCodes: false,
  rowHeading: 'unit',
};

const doc = (lang: 'sv' | 'en', meta: DocumentMeta = META, display: Display = TKR) =>
  toDocument(presentReport([drift, resultat], display), texts(lang), meta);

describe('toDocument', () => {
  it('ends each sheet with its total row, labelled Summa, Total or Resultat', () => {
    const [d, r] = doc('sv').sheets;
    expect(d?.rows.at(-1)).toMatchObject({ emphasis: 'total', id: 'summa', kod: null, namn: 'Summa', label: 'Summa' });
    expect(r?.rows.at(-1)).toMatchObject({ emphasis: 'total', id: 'resultat', kod: null, namn: 'Resultat', label: 'Resultat' });
    expect(doc('en').sheets[0]?.rows.at(-1)?.label).toBe('Total');
    expect(doc('en').sheets[1]?.rows.at(-1)?.label).toBe('Result');
  });

  it('lays out codes and names: one label column, or code and name apart', () => {
    const rows = doc('sv').sheets[0]?.rows ?? [];
    expect(rows.map((r) => [r.id, r.kod, r.namn, r.label])).toEqual([
      ['51', '51', 'Äldreomsorg', '51 Äldreomsorg'],
      ['55', '55', 'Individ- och familjeomsorg', '55 Individ- och familjeomsorg'],
      ['77', '77', null, '77'],
      ['summa', null, 'Summa', 'Summa'],
    ]);
  });

  it('labels the Resultat rows by their ids, shows no codes, and marks varav rows', () => {
    const sheet = doc('sv').sheets[1];
    expect(sheet?.labelHeading).toBe('(tkr)');
    expect(sheet?.rows.map((r) => [r.emphasis, r.id, r.kod, r.label])).toEqual([
      ['item', 'intakter', null, 'Intäkter'],
      ['item', 'kostnader', null, 'Kostnader'],
      ['varav', 'personalkostnader', null, 'varav personalkostnader'],
      ['total', 'resultat', null, 'Resultat'],
    ]);
    expect(doc('en').sheets[1]?.rows[2]?.label).toBe('of which personnel costs');
  });

  it('gives deviation cells a tone and plain amounts none, and keeps missing values empty', () => {
    const rows = doc('sv', META, { ...TKR, unit: 'kr' }).sheets[0]?.rows ?? [];
    const tones = rows.map((r) => r.cells.map((c) => (c.kind === 'amount' || c.kind === 'percent' ? c.tone : c.kind)));
    expect(tones).toEqual([
      [0, 0, -1, 'text'],
      [0, 0, 1, 'empty'],
      [0, 0, 'empty', 'empty'],
      [0, 0, 'empty', 'empty'],
    ]);
    expect(cellText(rows[0]?.cells[2] ?? { kind: 'empty' }, SWEDISH)).toBe('−100');
  });

  it('states the rounding differences in one compact note (a line per column with full, none with av), and none with --exact', () => {
    const sheet = doc('sv').sheets[0];
    expect(sheet?.notes).toEqual([
      'Avrundning: i Utfall summerar de avrundade raderna inte exakt till Summa, som är det exakta totalbeloppet avrundat en gång.',
    ]);
    expect(doc('en').sheets[0]?.notes).toEqual([
      'Rounding: in Actual the rounded rows do not add up exactly to the Total, which is the exact total rounded once.',
    ]);
    expect(doc('sv', { ...META, roundingNotes: 'full' }).sheets[0]?.notes).toEqual([
      'Utfall: de avrundade raderna summerar till 0, summan 1 är det exakta totalbeloppet avrundat',
    ]);
    expect(doc('en', { ...META, roundingNotes: 'full' }).sheets[0]?.notes).toEqual([
      'Actual: the rounded rows add up to 0; the total 1 is the exact total, rounded',
    ]);
    expect(doc('sv', { ...META, roundingNotes: 'av' }).sheets[0]?.notes).toEqual([]);
    const exact = doc('sv', { ...META, exact: true }, { ...TKR, exact: true });
    expect(exact.sheets[0]?.notes).toEqual([]);
    expect(exact.rules).toBe('kostnadsperspektiv: nettokostnad positiv, avvikelse = budget − utfall');
    expect(exact.meta.rounding).toBe('exact');
    expect(doc('sv').rules).toMatch(/; avrundning: .*halvor bort från noll$/);
  });

  it('decides headings, title, comments and the charted column once', () => {
    const d = doc('sv');
    const sheet = d.sheets[0];
    expect(d.heading).toBe('Avvikelserapport: Driftredovisning 2024, tkr');
    expect(sheet?.title).toBe('Driftredovisning 2024, tkr');
    expect(sheet?.labelHeading).toBe('Verksamhet');
    expect(sheet?.columns.map((c) => [c.heading, c.align])).toEqual([
      ['Utfall', 'right'],
      ['Budget', 'right'],
      ['Avvikelse', 'right'],
      ['Kommentar', 'left'],
    ]);
    expect(sheet?.comments).toEqual([{ label: '51 Äldreomsorg', text: 'Fler brukare' }]);
    expect(sheet?.chart).toMatchObject({ column: 2, label: 'Avvikelse, tkr' });
    expect(d.invocation).toBe('avvikelse report');
  });
});

describe('renderers take only the document', () => {
  it('render the same document in every format, in the language it was made in', async () => {
    const d = doc('en');
    for (const format of FORMATS) {
      const out = (await renderer(format))(d, { colour: false, csvDialect: 'en' });
      // A workbook is bytes: its parts hold the texts.
      expect(typeof out).toBe(format === 'xlsx' ? 'object' : 'string');
      const text =
        typeof out === 'string'
          ? out
          : Object.values(unzipSync(out))
              .map((part) => strFromU8(part))
              .join('');
      expect(text).toContain('Operating statement 2024, tkr');
    }
    const csv = (await renderer('csv'))(d, { colour: false, csvDialect: 'en' }) as string;
    expect(csv).toContain(',Total,1,3,,\n');
    expect(csv).toContain(',of which personnel costs,-60,-60,0\n');
    const json = JSON.parse((await renderer('json'))(d, { colour: false, csvDialect: 'sv' }) as string);
    expect(json.tables[1].rows[0]).toEqual({ kod: 'intakter', namn: 'Revenue', utfall: '50', budget: '40', avvikelse: '10' });
    expect(json.tables[0].summa).toEqual({ utfall: '1', budget: '3', avvikelse: null });
  });
});

describe('labels outside the document', () => {
  it('names a crossed threshold by the row label and the table total', () => {
    const shown = presentReport([resultat], TKR);
    const lines = crossings(shown, [parseThreshold('avvikelse<=0')]).map((c) => crossingText(c, texts('sv')));
    expect(lines).toEqual([
      'Resultat 2024, tkr: Kostnader: Avvikelse −10 (villkor avvikelse<=0)',
      'Resultat 2024, tkr: varav personalkostnader: Avvikelse 0 (villkor avvikelse<=0)',
      'Resultat 2024, tkr: Resultat: Avvikelse 0 (villkor avvikelse<=0)',
    ]);
  });

  it('fills in the names of labelled rows for matching published tables', () => {
    const [t] = withLabelNames(presentReport([resultat], TKR), texts('sv'));
    expect(t?.rows.map((r) => r.namn)).toEqual(['Intäkter', 'Kostnader', 'varav personalkostnader']);
  });
});
