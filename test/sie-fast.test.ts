/**
 * Differential test of the SIE reader's byte-level fast path (src/read/sie/scanner.ts) against
 * the tokenizer route (`tuning.fastPath: false`): the same real and generated SIE files through
 * both, which must give identical totals, names, row counts, sign evidence, notes — or the same
 * error (code, parameters, line, field and value). Generated type 4 files mix the common
 * `#TRANS` line with everything the fast path hands to the tokenizer: quotes with escapes,
 * non-ASCII codes and texts in each encoding, CRLF, tabs, amounts of more than 15 digits or
 * with a fraction of an öre, dates missing, empty, quoted or invalid, #RTRANS/#BTRANS,
 * declarations between verifications, and lines in error.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AvvikelseError } from '../src/errors.js';
import { readLedger } from '../src/read/index.js';
import type { ReadSpec } from '../src/read/source.js';
import { ledgerSpec } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-sie-fast-'));
let n = 0;

const sorted = <V>(m: ReadonlyMap<string, V>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The file read both ways, as comparable values; `reader` is the fast run's route. */
async function both(file: string, over: Partial<ReadSpec> = {}) {
  const spec = ledgerSpec(over);
  let reader = '';
  const run = async (fastPath: boolean) => {
    try {
      const r = await readLedger(file, { ...spec, tuning: { ...spec.tuning, fastPath } });
      if (fastPath) reader = r.reader;
      return {
        ok: true as const,
        totals: sorted(r.totals).map(([k, byPeriod]) => [k, sorted(byPeriod)]),
        names: sorted(r.names),
        rows: r.dataRows,
        rowsByPeriod: sorted(r.rowsByPeriod),
        signs: r.signs,
        asides: r.asides,
        notes: r.notes,
        encoding: r.encoding,
      };
    } catch (e) {
      if (!(e instanceof AvvikelseError)) throw e;
      return { ok: false as const, code: e.code, params: e.params, location: e.location };
    }
  };
  const fast = await run(true);
  const general = await run(false);
  return { fast, general, reader };
}

/** Specs a SIE file is read with: groupings, analysis per konto, filters, roles, units, signs. */
const SPECS: Partial<ReadSpec>[] = [
  {},
  { groupBy: 'ansvar' },
  { groupBy: 'konto' },
  { detail: 'konto' },
  { groupBy: 'ansvar', where: [{ dimension: 'verksamhet', glob: '51*', negate: false }] },
  { where: [{ dimension: 'konto', glob: '4*', negate: true }] },
  { role: 'fgAr', year: 2023 },
  { kind: 'budget' },
  { inputUnit: 'tkr', inputSign: 'revenue-positive' },
];

describe('the SIE fast path reads real files as the tokenizer does', () => {
  const files = [
    ...['fixtures/sie', 'test/sie/samples', '../shared/samples/sie', '/work/shared/samples/sie'].flatMap((d) =>
      existsSync(d)
        ? readdirSync(d)
            .filter((f) => /\.(se|si)$/i.test(f))
            .map((f) => join(d, f))
        : [],
    ),
  ];

  it('fixtures and public samples, every spec', async () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    let fastTyp4 = 0;
    for (const file of files) {
      for (const over of [...SPECS, { groupBy: 'konto', where: [{ dimension: 'ansvar', glob: '*', negate: false }] }]) {
        const r = await both(file, over);
        expect({ file, over, ...r.fast }).toEqual({ file, over, ...r.general });
        if (r.reader === 'sie-fast') fastTyp4++;
      }
    }
    // The type 4 fixture is read by the fast path (the comparison is not vacuous).
    expect(fastTyp4).toBeGreaterThanOrEqual(4);
  });
});

// ---- Generated type 4 files ---------------------------------------------------------------

const KONTON = ['3110', '4010', '5011', '6110', '7010', '8310', '8910', '1930', '2440', '"5011"', '" 4010 "', 'A12', '9999'];
/** A weighted choice (weights in tenths, as fast-check wants whole weights). */
const common = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight: Math.round(weight * 10), arbitrary });

const objects = fc.oneof(
  common(20, fc.constantFrom('{1 "4110" 20 "5101"}', '{20 "5102"}', '{1 "4120" 20 "5103"}', '{}', '{1 "4130"}', '{20 "100"}')),
  common(
    4,
    fc.constantFrom(
      '{"20" "5104" "1" "4110"}',
      '{1 4130 20 5105}',
      '{20 ""}',
      '{20 "" 20 "5106"}',
      '{20 "5101" 20 "5102"}',
      '{ 20  " 5107 "  }',
      '{6 "P1" 20 "9201"}',
      '',
      '{20\t"5102"}',
    ),
  ),
  // To the tokenizer: non-ASCII codes, escapes, a quote in a bare code.
  common(2, fc.constantFrom('{20 "Å1"}', '{20 "51\\"01"}', '{1 a"b 20 "5101"}', '{ }')),
  // Errors: unclosed, odd, nested.
  common(0.03, fc.constantFrom('{20 "5101"', '{20}', '{20 {5101}}', '{20 "5101"}{}')),
);

const amount = fc.oneof(
  common(
    20,
    fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 2 })).map(([ore, decimals]) => {
      const neg = ore < 0;
      const digits = String(Math.abs(ore)).padStart(3, '0');
      const kr = `${digits.slice(0, -2)}.${digits.slice(-2)}`.replace(/^0+(?=\d)/, '');
      const text = decimals === 2 ? kr : decimals === 1 ? kr.slice(0, -1) : kr.slice(0, -3);
      return `${neg ? '-' : ''}${text}`;
    }),
  ),
  common(2, fc.constantFrom('-0', '-0.00', '0', '007.50', '1000', '12.5', '999999999999.99', '9999999999999.99', '-1234567890123.45')),
  // A fraction of an öre, more than 15 digits, quoted.
  common(1, fc.constantFrom('1.005', '12345678901234567.89', '"100.00"', '-0.12345678')),
  // Errors: a comma, a plus, thousands apart, none.
  common(0.05, fc.constantFrom('12,50', '+5', '1 234.50', '-12 345', '.5', '5.', 'abc', '" 100.00"')),
);

const date = fc.oneof(
  common(10, fc.constantFrom('', ' 20240315', ' 20241231', ' 20240101')),
  common(3, fc.constantFrom(' ""', ' "20240620"', ' " 20240705 "', ' "  "', '\t20240808', ' 20230610')),
  common(0.05, fc.constantFrom(' 20241301', ' 2024013', ' 20240132', ' "x"', ' {}', ' 20240230')),
);

const tail = fc.oneof(
  common(10, fc.constantFrom('', ' "Rad 1"', ' "" 1.5', ' "Faktura 123" 2 "AB"', ' ""')),
  common(2, fc.constantFrom(' "Öl och bröd"', ' "Citat \\"x\\""', ' "a\\b"', ' Fritext utan citat', ' "{x}"', ' "Rad"}')),
  common(0.03, fc.constantFrom(' "ej stängd', ' {1', ' "x" {1 "2"}')),
);

const indent = fc.constantFrom('', '', '', '   ', '\t', ' \t ');

const transLine = fc
  .tuple(
    indent,
    fc.oneof(common(60, fc.constant('#TRANS')), common(1, fc.constantFrom('#trans', '#BTRANS', '#TRANS\t'))),
    fc.constantFrom(...KONTON),
    objects,
    amount,
    date,
    tail,
    fc.constantFrom('', '', '', ' ', '  '),
  )
  // A text after no date would be read as the date: then the date is "" (rarely left so, an error).
  .map(([ind, label, konto, objs, amt, dt, t, trailing]) => {
    const day = dt === '' && t !== '' ? ' ""' : dt;
    return `${ind}${label} ${konto} ${objs} ${amt}${day}${t}${trailing}`;
  });

/** A verification: its #VER, braces and rows, sometimes with an #RTRANS (and its repeated #TRANS). */
const verification = fc
  .tuple(
    fc.oneof(
      common(10, fc.constantFrom('20240115', '20240228', '20240331', '20240615', '20241130')),
      common(1, fc.constantFrom('"20240410"', '20230505')),
      common(0.03, fc.constantFrom('2024041', '20241515')),
    ),
    fc.array(transLine, { minLength: 1, maxLength: 6 }),
    fc.oneof(common(8, fc.constant(null)), common(1, transLine)),
    fc.constantFrom('"Verifikation"', '"Lön för mars"', '', '"Övrigt"'),
    fc.oneof(common(100, fc.constant('ok')), common(1, fc.constantFrom('no-open', 'no-close', 'double-open'))),
  )
  .map(([d, rows, rtrans, text, shape]) => {
    const lines = [`#VER A 1 ${d} ${text}`.trimEnd()];
    if (shape !== 'no-open') lines.push('{');
    if (shape === 'double-open') lines.push('{');
    lines.push(...rows);
    if (rtrans !== null) {
      const r = rtrans.replace(/#TRANS|#trans|#BTRANS/, '#RTRANS');
      lines.push(r, r.replace('#RTRANS', '#TRANS'));
    }
    if (shape !== 'no-close') lines.push('}');
    return lines;
  });

/** Declarations that may come between verifications (a file may declare late). */
const declaration = fc.constantFrom(
  '#KTYP 8910 K',
  '#KTYP 8310 I',
  '#KTYP 2440 K',
  '#KTYP 9999 T',
  '#KONTO 5011 "Löner, nytt namn"',
  '#KONTO 4010 ""',
  '#OBJEKT 20 "5101" "Äldreomsorg, nytt namn"',
  '#OBJEKT 20 "5102" ""',
  '#OBJEKT 1 "4110" "Ansvar 4110 ny"',
  '#PSALDO 0 202401 5011 {} 100.00',
  '',
  '   ',
  'fritext',
);

const HEAD = [
  '#FLAGGA 0',
  '#FORMAT PC8',
  '#SIETYP 4',
  '#RAR 0 20240101 20241231',
  '#RAR -1 20230101 20231231',
  '#DIM 1 "Ansvar"',
  '#DIM 20 "Verksamhet"',
  '#OBJEKT 20 "5101" "Äldreomsorg"',
  '#OBJEKT 20 "5103" "Trygghetslarm"',
  '#OBJEKT 1 "4110" "Ansvar 4110"',
  '#KONTO 5011 "Löner"',
  '#KONTO 3110 "Försäljning"',
  '#KTYP 8310 I',
  // What the budget and last year's utfall read (their #TRANS lines are checked, not summed).
  '#PBUDGET 0 202401 5011 {20 "5101"} 1000.00',
  '#PSALDO -1 202301 5011 {20 "5101"} 500.00',
];

const sieFile = fc.record({
  body: fc.array(
    fc.oneof(
      common(6, verification),
      common(
        1,
        declaration.map((d) => [d]),
      ),
    ),
    { minLength: 1, maxLength: 12 },
  ),
  crlf: fc.boolean(),
  encoding: fc.constantFrom('cp437', 'cp437', 'utf-8', 'windows-1252'),
  bom: fc.constantFrom(false, false, false, true),
  lastNewline: fc.boolean(),
  spec: fc.constantFrom(...SPECS),
});

describe('the SIE fast path reads generated type 4 files as the tokenizer does', () => {
  it('same totals, names, notes and errors', async () => {
    let fast = 0;
    let errors = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(sieFile, async ({ body, crlf, encoding, bom, lastNewline, spec }) => {
        const lines = [...HEAD, ...body.flat()];
        const text = lines.join(crlf ? '\r\n' : '\n') + (lastNewline ? (crlf ? '\r\n' : '\n') : '');
        let bytes = encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding);
        if (bom && encoding === 'utf-8') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
        const file = join(dir, `g${n++}.se`);
        writeFileSync(file, bytes);
        const r = await both(file, spec);
        expect(r.fast).toEqual(r.general);
        runs++;
        if (r.reader === 'sie-fast') fast++;
        if (!r.general.ok) errors++;
      }),
      { numRuns: 400, seed: 16_2024 },
    );
    // Not vacuous: most files are read by the fast path, and some end in an error.
    expect(fast).toBeGreaterThan(runs / 4);
    expect(errors).toBeGreaterThan(runs / 20);
  });

  it('a large file of common lines crosses chunk boundaries (1 MiB) with the same totals', async () => {
    const rows: string[] = [...HEAD];
    const codes = ['5101', '5102', '5103', '100', '9201'];
    for (let i = 0; i < 30_000; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      if (i % 3 === 0) rows.push(`#VER A ${i} 2024${month}15 "Verifikation ${i}"`, '{');
      const ore = ((i * 7919) % 5_000_000) - 1_000_000;
      const kr = `${ore < 0 ? '-' : ''}${Math.floor(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, '0')}`;
      const konto = KONTON[i % 9] as string;
      rows.push(
        `#TRANS ${konto} {1 "41${i % 5}0" 20 "${codes[i % 5] as string}"} ${kr} ${i % 4 === 0 ? '""' : `2024${month}20`} "Rad ${i}"`,
      );
      if (i % 3 === 2) rows.push('}');
      if (i === 15_000) rows.push('#KTYP 8910 I', '#OBJEKT 20 "5102" "Hemtjänst"');
    }
    const file = join(dir, 'large.se');
    writeFileSync(file, iconv.encode(`${rows.join('\r\n')}\r\n`, 'cp437'));
    for (const over of SPECS) {
      const r = await both(file, over);
      expect(r.fast).toEqual(r.general);
      if (over.role === undefined && over.kind === undefined) expect(r.reader).toBe('sie-fast');
    }
  });
});
