/**
 * Differential test of the byte-level fast path against the general csv-parse path: the
 * same generated and hand-made ledgers through both, which must give identical totals,
 * names, row counts, sign evidence, reader notes (totals rows, units from headings) and
 * encoding notes — or the same error (code, line, column and text).
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AvvikelseError } from '../src/errors.js';
import { readLedger } from '../src/read/index.js';
import type { ReadSpec } from '../src/read/source.js';
import { ledgerSpec } from './helpers.js';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'avvikelse-fast-'));
let n = 0;
/** Which reader the fast run used, per successful file: the comparison must not be vacuous. */
const readers: string[] = [];

async function both(bytes: Buffer, over: Partial<ReadSpec> = {}) {
  const file = join(dir, `l${n++}.csv`);
  writeFileSync(file, bytes);
  const spec = ledgerSpec(over);
  const run = async (fastPath: boolean) => {
    try {
      const r = await readLedger(file, { ...spec, tuning: { ...spec.tuning, fastPath } });
      if (fastPath) readers.push(r.reader);
      return {
        ok: true as const,
        totals: r.totals,
        names: r.names,
        rows: r.dataRows,
        rowsByPeriod: r.rowsByPeriod,
        signs: r.signs,
        asides: r.asides,
        notes: r.notes,
        fallback: r.encodingFallback,
        encoding: r.encoding,
      };
    } catch (e) {
      if (!(e instanceof AvvikelseError)) throw e;
      return { ok: false as const, code: e.code, line: e.location?.line, column: e.location?.column, value: e.location?.value };
    }
  };
  return { fast: await run(true), general: await run(false) };
}

// Codes padded with every ASCII blank `trim()` removes, \v and \f included (one code, never two).
const codes = ['5101', '5102', '051', '51', ' 5103 ', '9201', 'Å12', '5101 ', '\v5101', '5102\f', '\f\v5103\t', '\x0b51'];
const periods = [
  ...['202401', '2024-02', '2024-03-31', '20240430', '2024M05', '2024-6', ' 202407', '2024-08-31 00:00:00', '2024/09/30'],
  // Month names, a year, adjustment periods (into December) and the opening balance (left out).
  ...['jan-24', 'Jan 2024', 'januari 2024', '2024 januari', '2024-jan', 'okt 2024', 'maj-24', 'Sept 2024', 'DEC-2024', 'feb.-24'],
  ...['2024', '202413', '2024-14', '2024M15', '202400', '2024-00'],
  // Years 0000–0999, written with four digits: the period key keeps them (`0999-05`, never `999-05`).
  ...['0999-05', '099906', '0001M01', '0000-12-31', '0042-03', 'jan 0999'],
];
const badPeriods = ['2024-16', 'aug', '', 'jan 24', '5103', 'mej-24', '2024 13'];
const kontos = ['3110', '5011', '4610', '7810', ' 3510', '', '\u00a05011', '\v3110', '\f5011\f'];

/**
 * A whole number of öre-sized units: mostly everyday amounts, some up to 18 digits (past 2^53,
 * where float64 would round: the fast path must leave them, never round them).
 */
const units = fc.oneof(
  { weight: 8, arbitrary: fc.bigInt({ min: -99_999_999n, max: 99_999_999n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }) },
);
/** Digits beyond the second decimal: none mostly, else a fraction finer than the öre of kr. */
const finer = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{1,9}$/) });

/** An amount written in one of the styles the reader accepts (two decimals, or more). */
const amountText = fc.tuple(units, fc.integer({ min: 0, max: 12 }), finer).map(([ore, style, more]) => {
  const neg = ore < 0n;
  const digits = (neg ? -ore : ore).toString().padStart(3, '0');
  const int = digits.slice(0, -2);
  const frac = digits.slice(-2) + more;
  const group = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  switch (style) {
    case 0:
      return `${neg ? '-' : ''}${int},${frac}`;
    case 1:
      return `${neg ? '-' : ''}${group(' ')},${frac}`;
    case 2:
      return `${neg ? '-' : ''}${group('\u00a0')},${frac}`;
    case 3:
      return `${neg ? '\u2212' : ''}${group('\u202f')},${frac}`;
    case 4:
      return `${neg ? '\u2013 ' : ''}${group(' ')},${frac}`;
    case 5:
      return `${int}.${frac}${neg ? '-' : ''}`;
    case 6:
      return neg ? `(${group(' ')},${frac})` : `+${int}`;
    case 7:
      return `${neg ? '-' : ''}${int}`;
    case 8:
      return '';
    // Excel's currency format: NBSP grouping and NBSP before `kr`; `kr` with no space; `SEK`.
    case 10:
      return `${neg ? '-' : ''}${group('\u00a0')},${frac}\u00a0kr`;
    case 11:
      return `${neg ? '-' : ''}${int},${frac}kr`;
    case 12:
      return `${neg ? '(' : ''}${group(' ')},${frac}${neg ? ')' : ''} SEK`;
    default:
      return `${neg ? '-' : ''}${int},${frac}0`;
  }
});
const badAmounts = ['12 345,6x', '1,234', '1 23', '--5', 'abc', '1.2.3,45,6', '12 tkr', '3,5 Mkr', 'kr', '#N/A', '12 kronor'];
/** Cells with no amount: empty, and the null markers of database exports. */
const noAmounts = ['', '  ', 'NULL', 'null', '(null)', '[NULL]'];

const row = fc.record({
  period: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...periods) }, { weight: 1, arbitrary: fc.constantFrom(...badPeriods) }),
  ansvar: fc.constantFrom('4110', '4120'),
  code: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...codes) }, { weight: 1, arbitrary: fc.constant('') }),
  konto: fc.constantFrom(...kontos),
  amount: fc.oneof(
    { weight: 40, arbitrary: amountText },
    { weight: 2, arbitrary: amountText.map((a) => `\v${a}\f`) },
    { weight: 1, arbitrary: fc.constantFrom(...badAmounts) },
    { weight: 2, arbitrary: fc.constantFrom(...noAmounts) },
  ),
  extra: fc.oneof({ weight: 30, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(';', ';x', '') }),
  blankBefore: fc.oneof({ weight: 20, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const ledger = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 40 }),
  // The input unit scales every amount (kr: öre × 1, tkr × 1 000, mnkr × 1 000 000) before the 15-digit limit.
  unit: fc.constantFrom('kr' as const, 'tkr' as const, 'mnkr' as const),
  delimiter: fc.constantFrom(';', '\t', ','),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'win1252'),
  // `mixed`: CRLF and LF alternating, as `cat jan.csv feb.csv` of a Windows and a Unix export gives.
  eol: fc.constantFrom('\n', '\r\n', 'mixed'),
  title: fc.boolean(),
  quoted: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  finalNewline: fc.boolean(),
});

type Ledger = typeof ledger extends fc.Arbitrary<infer T> ? T : never;

/**
 * Renders a ledger; with `names`, a `Verksamhetsnamn` column after the code (row i's name is
 * names[i % names.length]), as Unit4 and Raindance exports carry.
 */
function render(l: Ledger, names?: readonly string[]): Buffer {
  const head = names
    ? ['Period', 'Ansvar', 'Verksamhet', 'Verksamhetsnamn', 'Konto', 'Belopp']
    : ['Period', 'Ansvar', 'Verksamhet', 'Konto', 'Belopp'];
  const rows = l.rows.map((r, i) => ({
    ...r,
    fields: names
      ? [r.period, r.ansvar, r.code, names[i % names.length] as string, r.konto, r.amount]
      : [r.period, r.ansvar, r.code, r.konto, r.amount],
  }));
  return renderFields(l, head, rows);
}

/** Renders a header and rows of fields in a ledger's dialect (delimiter, quoting, title, blank lines, extra fields, line ends, encoding). */
function renderFields(
  l: Omit<Ledger, 'rows'>,
  head: readonly string[],
  rows: readonly { fields: readonly string[]; extra: string | null; blankBefore: boolean }[],
): Buffer {
  const d = l.delimiter;
  const cell = (s: string) => (l.quoted || s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const lines: string[] = [];
  if (l.title) lines.push(`Sjöviks kommun – utfall${d}${d}${d}${d}`);
  lines.push(head.join(d));
  for (const r of rows) {
    if (r.blankBefore) lines.push('');
    let line = r.fields.map(cell).join(d);
    if (r.extra !== null) line += r.extra.replace(/;/g, d);
    lines.push(line);
  }
  const eol = (i: number) => (l.eol !== 'mixed' ? l.eol : i % 3 === 0 ? '\r\n' : '\n');
  const text = lines.map((line, i) => line + (i < lines.length - 1 || l.finalNewline ? eol(i) : '')).join('');
  if (l.encoding === 'win1252')
    return iconv.encode(
      text.replace(/[\u2212\u202f]/g, (c) => (c === '\u2212' ? '-' : ' ')),
      'win1252',
    );
  return Buffer.from((l.encoding === 'utf-8-bom' ? '\ufeff' : '') + text, 'utf8');
}

describe('fast path = general path', () => {
  it('on generated ledgers of every dialect, including bad cells', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (l) => {
        const { fast, general } = await both(render(l), { inputUnit: l.unit, inputUnitGiven: l.unit !== 'kr' });
        expect(fast).toEqual(general);
      }),
      { numRuns: 300 },
    );
    // Most generated files are read by the fast path (quotes and lone CRs are not).
    expect(readers.filter((r) => r === 'fast').length).toBeGreaterThan(readers.length / 3);
  }, 120_000);

  it.each([
    [
      'revenue-positive and tkr',
      'Period;Verksamhet;Konto;Belopp\n202401;5101;3110;-1 234,56789\n',
      { inputSign: 'revenue-positive', inputUnit: 'tkr' },
    ],
    ['no period column', 'Verksamhet;Belopp\n5101;1\n5102;2\n', {}],
    [
      'a wide budget (general path)',
      'Vht;Jan;Feb;Mar;Apr;Maj;Jun;Jul;Aug;Sep;Okt;Nov;Dec\n5101;1;1;1;1;1;1;1;1;1;1;1;2\n',
      { kind: 'budget' },
    ],
    ['a name column (general path)', 'Vht;Namn;Belopp\n5101;Hemtjänst;1\n', {}],
    [
      'a filter (general path)',
      'Vht;Ansvar;Belopp\n5101;41;1\n5101;42;2\n',
      { where: [{ dimension: 'ansvar', glob: '41', negate: false }] },
    ],
    ['a lone CR', 'Vht;Belopp\r5101;1\r5102;2\r', {}],
    ['mixed line ends', 'Vht;Belopp\r\n5101;1\n5102;2\r\n', {}],
    ['an empty file after the header', 'Vht;Belopp\n', {}],
    ['codes and kontos padded with \\v and \\f', 'Period;Vht;Konto;Belopp\n202401;\v5101\v;\f3110;-10\n202401;5101\f;3110;-20\n', {}],
    ['years 0000–0999', 'Period;Vht;Belopp\n0999-05;5101;10\n000112;5101;1\n2024-01;5101;2\n', {}],
    ['a code with more than 15 digits of amount', 'Vht;Belopp\n5101;123456789012345678,99\n', {}],
    ['a cp1252 byte after 64 KiB of ASCII', null, {}],
    ['the explicit decimal point', 'Vht;Belopp\n5101;1,234.50\n', { dialect: { encoding: 'auto', delimiter: 'auto', decimal: '.' } }],
    ['a Totalt row in the code column', 'Period;Vht;Belopp\n202401;5101;1\n202401;5102;2,5\nTotalt;;3,5\n', {}],
    ['a Totalt code that does not match', 'Period;Vht;Belopp\n202401;5101;1\n202401;TOTALT;4\n', {}],
    [
      'subtotal rows in the first column, the code empty',
      'Ansvar;Vht;Konto;Belopp\n4110;5101;4540;1\n4110;5102;3110;-2\nSumma 4110;;;-1\n4120;5101;5011;5\nSumma 4120;;;5\n\u00a0Totalt;;;4\n',
      {},
    ],
    ['a subtotal that does not match', 'Ansvar;Vht;Belopp\n4110;5101;1\nSumma 4110;;2\n', {}],
    ['a total above the data rows', 'Vht;Belopp\nTotal;3\n5101;1\n5102;2\n', {}],
    ['codes that only start like a label (general path)', 'Vht;Belopp\nTotalx;1\nsummax;2\nDelsummor;3\n', {}],
    [
      'currency cells',
      'Period;Vht;Belopp\njanuari 2024;5101;-63\u00a0096,11\u00a0kr\njanuari 2024;5102;1234kr\nfeb 2024;5101;1 234,50 SEK\n',
      {},
    ],
    ['tkr cells in a file read in tkr', 'Period;Vht;Belopp\n202401;5101;12,5 tkr\n202401;5102;-3 tSEK\n', { inputUnit: 'tkr' }],
    ['a kr cell in a file read in tkr', 'Period;Vht;Belopp\n202401;5101;12,5\n202401;5102;1 234 kr\n', { inputUnit: 'tkr' }],
    ['NULL cells: no amount, no data row', 'Period;Vht;Konto;Belopp\n202401;5101;5011;1\n202409;5101;5011;NULL\n202410;5102;3110;\n', {}],
    [
      'a debit and a credit column (general path)',
      'Datum;Vht;Konto;Debet;Kredit\n2024-01-08;5101;5011;100,50;\n2024-01-09;5101;3110;;40\n2024-01-10;5102;5011;5;7\n2024-01-11;5102;5011;;\n',
      {},
    ],
  ] as const)('%s', async (_, text, over) => {
    let bytes: Buffer;
    if (text === null) {
      const lines = ['Vht;Namn_x;Belopp'];
      for (let i = 0; i < 5000; i++) lines.push('5101;a;1,00');
      lines.push('5102;å;2,00');
      bytes = iconv.encode(`${lines.join('\n')}\n`, 'win1252');
    } else bytes = Buffer.from(text, 'utf8');
    const { fast, general } = await both(bytes, over as Partial<ReadSpec>);
    expect(fast).toEqual(general);
  });
});

/** Names as exports write them: Swedish letters, blanks around, empty, NBSP only; several per code. */
const nameTexts = [
  'Hemtjänst',
  'Förskola',
  'Bygg och miljö',
  ' Miljö ',
  '',
  '  ',
  '\u00a0',
  'Äldreomsorg',
  'Gymnasieskola',
  'Hemtjänst natt',
];
/** The report options beyond (code, period) sums that the fast path serves. */
const options = fc.record({
  names: fc.oneof(fc.constant(null), fc.array(fc.constantFrom(...nameTexts), { minLength: 1, maxLength: 7 })),
  where: fc.constantFrom(
    [],
    [{ dimension: 'konto', glob: '3*', negate: false }],
    [{ dimension: 'konto', glob: '5011', negate: true }],
    [{ dimension: 'ansvar', glob: '4110', negate: false }],
    [
      { dimension: 'verksamhet', glob: '51*', negate: false },
      { dimension: 'konto', glob: '4*', negate: true },
    ],
  ),
  detail: fc.constantFrom(undefined, 'konto'),
  groupBy: fc.constantFrom('verksamhet', 'ansvar'),
});

describe('fast path = general path, with names, filters, konto detail and --by', () => {
  it('on generated ledgers of every dialect, including bad cells', async () => {
    const used: string[] = [];
    await fc.assert(
      fc.asyncProperty(ledger, options, async (l, o) => {
        const before = readers.length;
        const { fast, general } = await both(render(l, o.names ?? undefined), {
          where: [...o.where],
          detail: o.detail,
          groupBy: o.groupBy,
        });
        expect(fast).toEqual(general);
        used.push(...readers.slice(before));
      }),
      { numRuns: 400 },
    );
    expect(used.filter((r) => r === 'fast').length).toBeGreaterThan(used.length / 3);
  }, 120_000);

  it.each([
    ['a name that changes, the last non-empty one wins', 'Vht;Verksamhetsnamn;Belopp\n5101;Gammal;1\n5101;Ny;2\n5101;;3\n5101; ;4\n', {}],
    [
      'a later name on a line the general consumer reads wins',
      'Vht;Verksamhetsnamn;Belopp\n5101;Gammal;1\n5101;Ny;1 234 567 890 123 456 789\n',
      {},
    ],
    ['an earlier name on a slow line loses', 'Vht;Verksamhetsnamn;Belopp\n5101;Gammal;1 234 567 890 123 456 789\n5101;Ny;1\n', {}],
    [
      'names that alternate, long and short (kept in place)',
      'Vht;Verksamhetsnamn;Belopp\n5101;Hemtjänst natt;1\n5101;Hem;1\n5101;Hemtjänst natt;1\n5101;Åb;1\n5102;Åb;1\n',
      {},
    ],
    ['a name of NBSP only is no name', 'Vht;Verksamhetsnamn;Belopp\n5101;Hemtjänst;1\n5101;\u00a0;1\n', {}],
    ['a name per code across periods', 'Period;Vht;Vht text;Belopp\n202401;5101;A;1\n202402;5101;B;1\n202401;5101;C;1\n', {}],
    [
      'a filter leaves out a row with a bad amount and period',
      'Period;Vht;Konto;Belopp\n202401;5101;3110;1\nxx;5101;5011;abc\n',
      { where: [{ dimension: 'konto', glob: '3*', negate: false }] },
    ],
    [
      'a filter on a padded and non-ASCII value',
      'Period;Vht;Ansvar;Belopp\n202401;5101; 41 ;1\n202401;5101;Å1;2\n202401;5101;41\u00a0;4\n',
      { where: [{ dimension: 'ansvar', glob: '41', negate: false }] },
    ],
    [
      'konto detail, padded and empty',
      'Period;Vht;Konto;Belopp\n202401;5101; 3110 ;1\n202401;5101;3110;2\n202401;5101;;4\n202401;5101;Å;8\n',
      { detail: 'konto' },
    ],
  ] as const)('%s', async (_, text, over) => {
    const { fast, general } = await both(Buffer.from(text, 'utf8'), over as Partial<ReadSpec>);
    expect(fast).toEqual(general);
  });
});

/** The shapes beyond one amount column and one period column, each read by the fast path too. */
type Shape = 'debit-credit' | 'year-month' | 'months' | 'months-numbered' | 'months-dated' | 'months-year' | 'months-total';
const SHAPES: readonly Shape[] = ['debit-credit', 'year-month', 'months', 'months-numbered', 'months-dated', 'months-year', 'months-total'];

const goodYears = ['2024', '2023', ' 2024'];
const years = [...goodYears, '1899', '24', '', 'x'];
/** Month fields beside a year column: numbers, names, whole months (of the same year or not), periods 00 and 13–15, bad ones. */
const monthFields = [
  ...['1', '01', '8', '12', 'jan', 'Januari', 'okt.', 'Sept', 'MAJ', 'dec.', '2024-08', '202408', 'aug 2024', '2024M03'],
  ...['0', '00', '13', '15', ' 3', '16', 'mej', 'jan 2023', '2023-05', 'jan..', '1x', '', '123'],
];
/** The month fields valid with any year: the opening balance, adjustment periods and a padded month among them. */
const goodMonthFields = monthFields.slice(0, 19);
/**
 * Per row, what each shape needs beyond `row`: a second amount, the side(s) of a pair, a year
 * and month, twelve month cells. A clean row has no bad cell (a file of them reads to the
 * end, so its totals are compared); a dirty one may have any.
 */
const shapeRow = (clean: boolean) =>
  fc.record({
    base: clean
      ? row.map((r) => ({
          ...r,
          code: r.code === '' ? '5101' : r.code,
          period: badPeriods.includes(r.period) ? '202401' : r.period,
          amount: (badAmounts as readonly string[]).includes(r.amount) ? '1' : r.amount,
          extra: null,
        }))
      : row,
    credit: clean
      ? amountText
      : fc.oneof({ weight: 10, arbitrary: amountText }, { weight: 1, arbitrary: fc.constantFrom(...badAmounts, ...noAmounts) }),
    sides: fc.constantFrom('debet', 'kredit', 'debet', 'kredit', 'both', 'none'),
    year: fc.oneof(
      { weight: 30, arbitrary: fc.constant('2024') },
      { weight: 3, arbitrary: fc.constantFrom(...(clean ? goodYears : years)) },
    ),
    month: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...monthFields.slice(0, 14)) },
      { weight: 1, arbitrary: fc.constantFrom(...(clean ? goodMonthFields : monthFields)) },
    ),
    // A month cell: an amount in any style, mostly; sometimes none (empty, NULL); rarely a bad one.
    cells: fc.array(
      fc.oneof(
        { weight: 60, arbitrary: amountText },
        { weight: 12, arbitrary: fc.constantFrom(...noAmounts) },
        { weight: clean ? 0 : 1, arbitrary: fc.constantFrom(...badAmounts) },
      ),
      { minLength: 12, maxLength: 12 },
    ),
    total: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: amountText }),
  });
const shapeLedger = fc.record({
  shape: fc.constantFrom(...SHAPES),
  base: ledger,
  rows: fc.oneof(
    { weight: 2, arbitrary: fc.array(shapeRow(true), { minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.array(shapeRow(false), { minLength: 1, maxLength: 30 }) },
  ),
  sideHeadings: fc.constantFrom(['Debet', 'Kredit'], ['Debit', 'Credit'], ['Debet (kr)', 'Kredit (kr)']),
  // Mostly kr: a cell with a `kr` suffix in a file read in tkr is an error, and the file reads no further.
  unit: fc.constantFrom('kr' as const, 'kr' as const, 'kr' as const, 'tkr' as const, 'mnkr' as const),
});
type ShapeLedger = typeof shapeLedger extends fc.Arbitrary<infer T> ? T : never;

const MONTH_HEADINGS: Record<string, readonly string[]> = {
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'Maj', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dec'],
  'months-numbered': ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'],
  'months-dated': Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
  'months-year': ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  'months-total': ['Jan', 'Feb', 'Mar', 'Apr', 'Maj', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dec'],
};

/**
 * Renders a ledger of another shape through `render`'s dialect: `Debet;Kredit` for the amount,
 * `År;Månad` for the period, or twelve month columns (with an `År` column, or a `Totalt`
 * column after them, the general route's case); with `names`, a `Verksamhetsnamn` column.
 */
function renderShape(l: ShapeLedger, names?: readonly string[]): Buffer {
  const { shape } = l;
  const monthly = shape.startsWith('months');
  const head = [
    ...(shape === 'year-month' ? ['År', 'Månad'] : shape === 'months-year' ? ['År'] : monthly ? [] : ['Period']),
    'Ansvar',
    'Verksamhet',
    ...(names ? ['Verksamhetsnamn'] : []),
    'Konto',
    ...(shape === 'debit-credit' ? l.sideHeadings : monthly ? (MONTH_HEADINGS[shape] as string[]) : ['Belopp']),
    ...(shape === 'months-total' ? ['Totalt'] : []),
  ];
  const rows = l.rows.map((r, i) => {
    const b = r.base;
    const debet = r.sides === 'kredit' || r.sides === 'none' ? '' : b.amount;
    const kredit = r.sides === 'debet' || r.sides === 'none' ? '' : r.credit;
    return {
      ...b,
      fields: [
        ...(shape === 'year-month' ? [r.year, r.month] : shape === 'months-year' ? [r.year] : monthly ? [] : [b.period]),
        b.ansvar,
        b.code,
        ...(names ? [names[i % names.length] as string] : []),
        b.konto,
        ...(shape === 'debit-credit' ? [debet, kredit] : monthly ? r.cells : [b.amount]),
        ...(shape === 'months-total' ? [r.total ?? ''] : []),
      ],
    };
  });
  return renderFields({ ...l.base }, head, rows);
}

describe('fast path = general path, for month columns, debit/credit and År + Månad', () => {
  it('on generated ledgers of every shape and dialect, with names, filters, konto detail and --by, including bad cells', async () => {
    const used = new Map<string, string[]>();
    await fc.assert(
      fc.asyncProperty(shapeLedger, options, async (l, o) => {
        const before = readers.length;
        const { fast, general } = await both(renderShape(l, o.names ?? undefined), {
          where: [...o.where],
          detail: o.detail,
          groupBy: o.groupBy,
          inputUnit: l.unit,
          inputUnitGiven: l.unit !== 'kr',
        });
        expect(fast).toEqual(general);
        used.set(l.shape, [...(used.get(l.shape) ?? []), ...readers.slice(before)]);
      }),
      { numRuns: 700 },
    );
    // Each shape is read by the fast path in some runs (a totals column beside the months too).
    for (const shape of SHAPES) {
      const fastRuns = (used.get(shape) ?? []).filter((r) => r === 'fast').length;
      expect(fastRuns, shape).toBeGreaterThan(0);
    }
  }, 180_000);

  it.each([
    [
      'a debit and a credit column, an empty side 0, both empty no data row',
      'Datum;Vht;Konto;Debet;Kredit\n2024-01-08;5101;5011;100,50;\n2024-01-09;5101;3110;;40\n2024-01-10;5102;5011;5;7\n2024-01-11;5102;5011;;\n',
      {},
    ],
    ['a bad credit cell', 'Datum;Vht;Debet;Kredit\n2024-01-08;5101;1;\n2024-01-09;5101;;4x\n', {}],
    ['År and Månad, numbers and names', 'År;Månad;Vht;Belopp\n2024;1;5101;1\n2024;02;5101;2\n2024;Mars;5101;4\n2024;2024-04;5101;8\n', {}],
    ['År and Månad, periods 00 and 13', 'År;Månad;Vht;Belopp\n2024;00;5101;1\n2024;13;5101;2\n2024;12;5101;4\n', {}],
    ['År and Månad, another year in the month', 'År;Månad;Vht;Belopp\n2024;1;5101;1\n2024;2023-05;5101;2\n', {}],
    ['an explicit År+Månad', 'Yr;Mn;Vht;Belopp\n2024;1;5101;1\n', { columns: { period: 'Yr+Mn' } }],
    ['month columns with empty and NULL cells', 'Vht;Jan;Feb;Mar\n5101;1;;NULL\n5102;;;\n5101;-1;2,50;3\n', { kind: 'budget' }],
    ['month columns with a year column', 'År;Vht;Jan;Feb\n2024;5101;1;2\n2023;5101;4;8\n', { kind: 'budget' }],
    ['dated month columns with a year column', 'År;Vht;2024-01;2024-02\n2023;5101;1;2\n', { kind: 'budget' }],
    ['month columns with a bad year', 'År;Vht;Jan;Feb\n2024;5101;1;2\n24;5101;4;8\n', { kind: 'budget' }],
    [
      'month columns whose row sum leaves float64 (general consumer)',
      'Vht;Jan;Feb\n5101;999999999999,99;999999999999,99\n5101;1;2\n',
      { inputUnit: 'tkr', inputUnitGiven: true },
    ],
    [
      'month columns with a totals column: the note counts its rows and where it differs',
      'Vht;Jan;Feb;Totalt\n5101;1;2;3\n5102;1;2;4\n',
      { kind: 'budget' },
    ],
    [
      'a totals column: empty, NULL, a total on a row without months, within half a unit per month, a bad total (that line to the consumer)',
      'Vht;Jan;Feb;Totalt\n5101;1;2;\n5101;1;2;NULL\n5102;;;7\n5102;1,25;2,25;3,50\n5103;1;1;2,99\n5103;1;1;2,98\n5104;1;2;3x\n',
      { kind: 'budget' },
    ],
    [
      'a totals column differing on more than 10 rows, with lines the consumer reads among them: the first 10 lines',
      `Vht;Jan;Feb;Totalt\n${Array.from({ length: 14 }, (_, i) => (i % 4 === 1 ? `510${i % 10};1;2 000 000 000 000 000;9\n` : `510${i % 10};1;2;9\n`)).join('')}`,
      { kind: 'budget' },
    ],
    [
      'month columns with names, the name of the last row wins',
      'Vht;Vht text;Jan;Feb\n5101;A;1;\n5101;B;;2\n5101;;3;\n5102;C;;\n',
      { kind: 'budget' },
    ],
  ] as const)('%s', async (name, text, over) => {
    const before = readers.length;
    const { fast, general } = await both(Buffer.from(text, 'utf8'), over);
    expect(fast).toEqual(general);
    // Read by the fast path, unless the case says the general one.
    if (fast.ok && !name.includes('general')) expect(readers.slice(before)).toEqual(['fast']);
  });
});

describe('two threads = one csv-parse', () => {
  // The worker thread runs the built code, so this compares whole CLI runs of dist/: the fast
  // path forced onto two threads even for small files, against csv-parse.
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const run = (file: string, env: Record<string, string>, extra: readonly string[] = []) => {
    // The same ledger as budget, from a copy: one file as both inputs is refused (SAME_AMOUNT_COLUMN).
    const budget = `${file}.budget.csv`;
    copyFileSync(file, budget);
    const r = spawnSync(
      process.execPath,
      [
        'bin/avvikelse.js',
        'report',
        '--utfall',
        file,
        '--budget',
        budget,
        '--level',
        '9',
        '--unit',
        'kr',
        '--exact',
        '--format',
        'json',
        ...extra,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      },
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  /** Ledgers whose every record is in the fast subset, so both halves really run in parallel. */
  // Whole öre of at most 15 digits: the amounts the fast path sums itself (longer ones and
  // fractions of an öre go to the general consumer, which a worker thread does not have).
  const cleanAmount = amountText.filter((a) => !/[,.]\d{3}/.test(a) && a.replace(/\D/g, '').length <= 15);
  const cleanRow = fc.record({
    period: fc.constantFrom('202401', '2024-02', '2024-03-31', '20240430', '2024M05'),
    ansvar: fc.constantFrom('4110', '4120'),
    code: fc.constantFrom('5101', '5102', '051', ' 5103 ', '9201'),
    konto: fc.constantFrom('3110', '5011', '4610', ''),
    amount: cleanAmount,
    extra: fc.constant(null),
    blankBefore: fc.boolean(),
  });
  const clean = fc.record({
    rows: fc.array(cleanRow, { minLength: 1, maxLength: 40 }),
    unit: fc.constant('kr' as const),
    delimiter: fc.constantFrom(';', '\t'),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'win1252'),
    eol: fc.constantFrom('\n', '\r\n', 'mixed'),
    title: fc.boolean(),
    quoted: fc.constant(false),
    finalNewline: fc.boolean(),
  });

  it('gives identical output on generated ledgers, clean and with bad cells', () => {
    const samples = [...fc.sample(clean, { numRuns: 8, seed: 1 }), ...fc.sample(ledger, { numRuns: 8, seed: 20241122 })];
    let parallelUsed = 0;
    for (const l of samples) {
      // Repeat the rows so the file splits into two real halves.
      const big = { ...l, rows: Array.from({ length: 40 }, () => l.rows).flat() };
      const file = join(dir, `p${n++}.csv`);
      writeFileSync(file, render(big));
      const threads = run(file, { AVVIKELSE_PARALLEL_MIN_BYTES: '0', AVVIKELSE_DEBUG: 'reader' });
      const general = run(file, { AVVIKELSE_READER: 'csv-parse' });
      // Which reader really ran (the comparison must not be vacuous); then the same output.
      if (threads.stderr.includes(': fast-2-threads')) parallelUsed++;
      const withoutDebug = { ...threads, stderr: threads.stderr.replace(/^avvikelse: debug: .*\n/gm, '') };
      expect(withoutDebug).toEqual(general);
    }
    expect(parallelUsed).toBeGreaterThan(0);
  }, 120_000);

  it('gives identical output with names, --where, --by and --analys', () => {
    const argSets = [[], ['--where', 'konto=3*'], ['--by', 'ansvar'], ['--analys'], ['--where', 'ansvar!=4110', '--analys']];
    let parallelUsed = 0;
    const samples = fc.sample(fc.tuple(clean, fc.array(fc.constantFrom(...nameTexts), { minLength: 1, maxLength: 5 })), {
      numRuns: 5,
      seed: 7,
    });
    for (const [i, [l, names]] of samples.entries()) {
      const big = { ...l, rows: Array.from({ length: 40 }, () => l.rows).flat() };
      const file = join(dir, `q${n++}.csv`);
      writeFileSync(file, render(big, names));
      const args = argSets[i % argSets.length] as string[];
      const threads = run(file, { AVVIKELSE_PARALLEL_MIN_BYTES: '0', AVVIKELSE_DEBUG: 'reader' }, args);
      const general = run(file, { AVVIKELSE_READER: 'csv-parse' }, args);
      if (threads.stderr.includes(': fast-2-threads')) parallelUsed++;
      const withoutDebug = { ...threads, stderr: threads.stderr.replace(/^avvikelse: debug: .*\n/gm, '') };
      expect(withoutDebug).toEqual(general);
    }
    expect(parallelUsed).toBeGreaterThan(2);
  }, 120_000);

  it('gives identical output for month columns, debit/credit and År + Månad', () => {
    const cleanShape = fc.record({
      base: clean,
      rows: fc.array(
        fc.record({
          base: cleanRow,
          credit: cleanAmount,
          sides: fc.constantFrom('debet', 'kredit', 'both', 'none'),
          // Some rows of the year before, which the report counts in its warning on other years.
          year: fc.constantFrom('2024', '2024', '2023'),
          month: fc.constantFrom(...monthFields.slice(0, 10)),
          cells: fc.array(fc.oneof({ weight: 5, arbitrary: cleanAmount }, { weight: 1, arbitrary: fc.constant('') }), {
            minLength: 12,
            maxLength: 12,
          }),
          total: fc.oneof(fc.constant(null), cleanAmount),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      sideHeadings: fc.constantFrom(['Debet', 'Kredit'], ['Debit', 'Credit']),
      unit: fc.constant('kr' as const),
    });
    const argSets = [[], ['--by', 'ansvar'], ['--analys'], ['--where', 'konto=3*']];
    const named = fc.tuple(cleanShape, fc.option(fc.array(fc.constantFrom(...nameTexts), { minLength: 1, maxLength: 5 })));
    const shapes = SHAPES;
    // Two ledgers of each shape.
    const samples = shapes.flatMap((shape, k) =>
      fc.sample(named, { numRuns: 2, seed: 16 + k }).map(([l, names]) => [{ ...l, shape }, names] as const),
    );
    const parallel = new Set<string>();
    for (const [i, [l, names]] of samples.entries()) {
      const big = { ...l, rows: Array.from({ length: 40 }, () => l.rows).flat() };
      const file = join(dir, `s${n++}.csv`);
      writeFileSync(file, renderShape(big, names ?? undefined));
      const args = argSets[i % argSets.length] as string[];
      const threads = run(file, { AVVIKELSE_PARALLEL_MIN_BYTES: '0', AVVIKELSE_DEBUG: 'reader' }, args);
      const general = run(file, { AVVIKELSE_READER: 'csv-parse' }, args);
      if (threads.stderr.includes(': fast-2-threads')) parallel.add(l.shape);
      const withoutDebug = { ...threads, stderr: threads.stderr.replace(/^avvikelse: debug: .*\n/gm, '') };
      expect(withoutDebug).toEqual(general);
    }
    expect([...parallel].sort()).toEqual([...shapes].sort());
  }, 120_000);
});
