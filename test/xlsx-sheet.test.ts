/**
 * The dedicated worksheet scanner (src/read/xlsx/sheet.ts) against the reading it replaced
 * (test/xlsx-reference.ts: the generic scanner, an event handler per cell, the general number
 * route): the same dimension, rows, cells and errors for sheets written every way a writer may
 * (namespace prefixes, either quote, whitespace in tags, entities, CDATA, comments, processing
 * instructions, inline strings, rich text, phonetic runs, formulas with and without a value,
 * odd types, styles and references, broken markup), fed whole or cut anywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText, shortNumberText, SheetScanner, type SheetRow } from '../src/read/xlsx/sheet.js';
import { openWorkbook } from '../src/read/xlsx/workbook.js';
import { XmlError } from '../src/read/xlsx/xml.js';
import { WorkbookError } from '../src/read/xlsx/zip.js';
import { oldNumberText, oldSheetScanner, OldXmlStream, scanXml } from './xlsx-reference.js';
import { testWorkbook } from './xlsx-build.js';

const PATH = 'xl/worksheets/sheet1.xml';
const STRINGS = ['Period', 'Verksamhet & ansvar', '', '5101'];
/** Styles 1 and 3 show dates. */
const DATES = [false, true, false, true];

/** What a reading gives: the stated range, the rows, and the error it ended with. */
interface Outcome {
  events: string[];
  error: string | null;
}

function collector(): { h: { dimension(a: number, b: number): void; row(r: SheetRow): void }; out: Outcome } {
  const out: Outcome = { events: [], error: null };
  return {
    out,
    h: {
      dimension: (a, b) => out.events.push(`dimension ${a}:${b}`),
      row: (r) => out.events.push(JSON.stringify(r)),
    },
  };
}

/**
 * The error as compared: its class, and its message but for an XmlError's (which quotes the
 * markup around it as far as the scanner has it). Any other error (a RangeError of a date
 * serial out of range) is compared too.
 */
function caught(out: Outcome, e: unknown): void {
  if (e instanceof XmlError) out.error = 'XmlError';
  else if (e instanceof WorkbookError) out.error = `WorkbookError ${e.message}`;
  else out.error = String(e);
}

/** The old reading, of the whole text. */
function oldWhole(xml: string, date1904 = false): Outcome {
  const { h, out } = collector();
  try {
    scanXml(xml, oldSheetScanner(PATH, STRINGS, DATES, date1904, h));
  } catch (e) {
    caught(out, e);
  }
  return out;
}

/** The old reading, fed in pieces. */
function oldStream(pieces: string[]): Outcome {
  const { h, out } = collector();
  try {
    const stream = new OldXmlStream(oldSheetScanner(PATH, STRINGS, DATES, false, h));
    for (const p of pieces) stream.push(p);
    stream.end();
  } catch (e) {
    caught(out, e);
  }
  return out;
}

/** The dedicated scanner, fed in pieces. */
function newStream(pieces: string[], date1904 = false): Outcome {
  const { h, out } = collector();
  try {
    const scanner = new SheetScanner(PATH, STRINGS, DATES, date1904, h);
    for (const p of pieces) scanner.push(p);
    scanner.end();
  } catch (e) {
    caught(out, e);
  }
  return out;
}

/** The text cut at the given UTF-8 byte offsets and decoded as a stream (a cut may split a character). */
function piecesAt(xml: string, cuts: number[]): string[] {
  const bytes = Buffer.from(xml, 'utf8');
  const at = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  for (let i = 1; i < at.length; i++) pieces.push(decoder.decode(bytes.subarray(at[i - 1], at[i]), { stream: true }));
  pieces.push(decoder.decode());
  return pieces;
}

const cutsOf = (xml: string) => fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, Buffer.byteLength(xml) - 1) }), { maxLength: 30 });

/** A sheet with everything the scanner must read as the generic one does. */
const RICH =
  '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE worksheet>\n' +
  '<x:worksheet xmlns:x="ns" xmlns:x14ac="ns2"><!-- a comment with <c> and <row> in it -->' +
  '<x:dimension ref=\'B1:E4\' />\n  <x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews><x:sheetData>\n' +
  '<x:row r="1" spans="2:5" x14ac:dyDescent="0.25"><x:c r="B1" t="inlineStr"><x:is><x:t>Verksamhet &amp; ansvar ÅÄÖ €</x:t></x:is></x:c>' +
  '<x:c r="C1" t="str"><x:v><![CDATA[a <b> & c]]></x:v></x:c><?pi data?><x:c r="D1" t = "s" ><x:v>1</x:v></x:c></x:row>\n' +
  '<x:row r="2"><x:c r="B2" s="3" t="s"><x:v>0</x:v></x:c><x:y:row r="9"/><x:c r="C2" note="a > b" x:y:r="Z9"><x:v>-1234.50</x:v></x:c>' +
  '<x:c r="D2"><x:f>SUM(B2:C2)</x:f><x:v>1e-7</x:v></x:c><x:c r="E2" s="1"><x:v>45535.75</x:v></x:c></x:row>' +
  '<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> 😀 &#x41;&#66; </x:t></x:r>' +
  '<x:r><x:t>del två_x000D_</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ヨミ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:is></x:c>' +
  '<x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3" t="e"><x:v>#N/A</x:v></x:c><x:c r="E3"><x:f>A1+1</x:f></x:c></x:row>\n' +
  '<x:row r=\'4\'\t><x:c r="&#66;4" s=\'0\'><x:v>12<!-- split -->.345</x:v></x:c><x:c r="c4" t="d"><x:v>2024-08-31T00:00:00</x:v></x:c>' +
  '<x:c><x:v>83333.333333333299</x:v></x:c><x:c r="E4"/><x:c r="F4" t="n"><x:v/></x:c></x:row>' +
  '<x:row><x:c r="A5" t="str"><x:f t="shared" si="0"/><x:v>x</x:v></x:c></x:row><x:row r="6"/>' +
  '</x:sheetData><x:pageMargins left="0.7"/></x:worksheet>';

describe('the dedicated worksheet scanner reads what the generic scanner reads', () => {
  it('a sheet with every construct, whole: the same range, rows and cells', () => {
    const whole = oldWhole(RICH);
    expect(whole.error).toBeNull();
    expect(whole.events.length).toBe(6);
    expect(newStream([RICH])).toEqual(whole);
    expect(newStream([RICH], true)).toEqual(oldWhole(RICH, true));
  });

  it('cut at every single point, and at random points of its UTF-8 bytes', () => {
    const whole = oldWhole(RICH);
    for (let cut = 1; cut < RICH.length; cut++) expect(newStream([RICH.slice(0, cut), RICH.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    fc.assert(
      fc.property(cutsOf(RICH), (cuts) => {
        const pieces = piecesAt(RICH, cuts);
        expect(newStream(pieces)).toEqual(whole);
        expect(oldStream(pieces)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('an unclosed comment reads as the generic scanner reads it: up to the next `>`', () => {
    const xml = '<sheetData><row r="1"><!-- never closed > <c r="A1"><v>1</v></c></row></sheetData>';
    expect(oldWhole(xml).events).toEqual([JSON.stringify({ row: 1, cells: [{ col: 0, kind: 'number', text: '1', formula: null }] })]);
    for (let cut = 1; cut < xml.length; cut++)
      expect(newStream([xml.slice(0, cut), xml.slice(cut)]), `cut at ${cut}`).toEqual(oldWhole(xml));
  });

  it('odd numbers, references and types read as the generic reading reads them', () => {
    const xml =
      '<sheetData><row r="0x10"><c r="b1" t="x"><v>1</v></c><c r="&#67;1" t="&#115;"><v>1</v></c></row>' +
      '<row r=" 20 "><c s=" 1 "><v>45535</v></c><c s="1e0"><v>45535</v></c><c r="E1" r="D1"><v>2</v></c></row>' +
      '<row r="021"><c t="str"><v>a_x005F_b</v></c><c t=""><v>7</v></c><c t="n" t="s"><v>0</v></c></row></sheetData>';
    const whole = oldWhole(xml);
    expect(whole.error).toBeNull();
    expect(whole.events.length).toBe(3);
    for (let cut = 1; cut < xml.length; cut++) expect(newStream([xml.slice(0, cut), xml.slice(cut)]), `cut at ${cut}`).toEqual(whole);
  });

  it('cut into pieces of one character', () => {
    expect(newStream([...RICH])).toEqual(oldWhole(RICH));
  });

  it('an unreadable tag is still an error, naming it', () => {
    const scanner = new SheetScanner(PATH, [], [], false, { row: () => {} });
    expect(() => {
      scanner.push('<row><c r="A1"><v>1</v></c><c r="B1" ');
      scanner.push('<v>2</v></row>');
      scanner.end();
    }).toThrow(new XmlError('unreadable tag near "<c r=\\"B1\\" "'));
  });

  it('broken markup: an error of the same kind at the same place, the rows before it reported', () => {
    const start = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2">';
    const broken = [
      '<c r="A2" <v>2</v></c>',
      '<c r=A2><v>2</v></c>',
      '<c r="A2"/ >',
      '<c r="A2">< v>2</v></c>',
      '<1c/>',
      '<!ELEMENT c ANY>',
      '<![CDATA[ never closed >',
      '<? never closed',
      '<c r="A2"><v>2</v></c',
      '<c r="A2" t="s"><v>9</v></c>',
      '<c r="A2" t="s"><v> </v></c>',
      '<c r="2"><v>2</v></c>',
      '<c r=""><v>2</v></c>',
      '<c r="&#49;"><v>2</v></c>',
      '</row><row r="0">',
      '</row><row r="x">',
      '</row><row r="1.5">',
      '</row><row r="">',
    ];
    const cases = [
      ...broken.map((b) => `${start}${b}</row></sheetData>`),
      ...['<!-- never closed', '<![CDATA[ never closed', '<? never closed', '<', '<c r="A9"', '<!'].map((b) => `${start}</row>${b}`),
    ];
    for (const xml of cases) {
      const b = xml.slice(start.length);
      const whole = oldWhole(xml);
      expect(whole.error, b).not.toBeNull();
      expect(newStream([xml]), b).toEqual(whole);
      expect(whole.events, b).toEqual([JSON.stringify({ row: 1, cells: [{ col: 0, kind: 'number', text: '1', formula: null }] })]);
      for (let cut = 1; cut < xml.length; cut++)
        expect(newStream([xml.slice(0, cut), xml.slice(cut)]), `${b} cut at ${cut}`).toEqual(whole);
    }
  });
});

// Generated sheets: every way a writer may put a row and its cells.
const ws = fc.constantFrom('', '', '', ' ', '\n  ', '\t', '\r\n', '\u00a0');
const quote = fc.constantFrom('"', '"', "'");
const attr = (name: string, value: string) =>
  fc.tuple(ws, ws, quote).map(([a, b, q]) => ` ${a}${name}${b}=${a}${q}${value.replaceAll(q, q === '"' ? '&quot;' : '&apos;')}${q}`);
const text = fc.oneof(
  fc.constantFrom('Period', 'Verksamhet &amp; ansvar', 'ÅÄÖ €', '😀', '&#x41;&#66;', '_x000D_rad', '&lt;b&gt;', ' mellanslag ', ''),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&]/g, '')),
);
const numberXml = fc.oneof(
  fc.integer({ min: -99_999_999, max: 99_999_999 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: -99_999_999, max: 99_999_999 }).map((n) => String(n / 100)),
  fc.double({ noNaN: true }).map((d) => String(d)),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((d) => d.toPrecision(17)),
  fc.constantFrom('0', '-0', '1e-7', ' 12 ', '', '012', '1.', '.5', '45535', '202408', '5101', 'abc', 'Infinity', '12.345', '1E3', '0x1F'),
);
const valueXml = (p: string, content: fc.Arbitrary<string>) =>
  fc.oneof(
    content.map((v) => `<${p}v>${v}</${p}v>`),
    content.map((v) => `<${p}v><![CDATA[${v}]]></${p}v>`),
    content.map((v) => `<${p}v>${[...v].slice(0, 1).join('')}<!-- c -->${[...v].slice(1).join('')}</${p}v>`),
    fc.constant(`<${p}v/>`),
  );
const run = (p: string) =>
  fc.oneof(
    text.map((t) => `<${p}t>${t}</${p}t>`),
    fc.tuple(text, ws).map(([t, w]) => `<${p}r>${w}<${p}rPr><${p}b/></${p}rPr><${p}t xml:space="preserve">${t}</${p}t></${p}r>`),
    text.map((t) => `<${p}rPh sb="0" eb="1"><${p}t>${t}</${p}t></${p}rPh><${p}phoneticPr fontId="1"/>`),
  );

function cellArb(p: string, col: number, row: number) {
  const ref = fc.constantFrom(
    `${String.fromCharCode(65 + col)}${row}`,
    `${String.fromCharCode(65 + col)}${row}`,
    `${String.fromCharCode(97 + col)}${row}`,
    `&#${65 + col};${row}`,
    null,
  );
  const type = fc.constantFrom(null, null, null, 'n', 's', 's', 'str', 'inlineStr', 'b', 'e', 'd', 'x', '&#115;');
  const style = fc.constantFrom(null, '0', '1', '2', '3', '03', '1.0', ' 3', '&#49;', '9');
  return fc
    .tuple(ref, type, style, fc.array(fc.tuple(fc.constantFrom('cm', 'vm', 'ph'), fc.constantFrom('1', '0')), { maxLength: 1 }))
    .chain(([r, t, s, extra]) => {
      const head = fc
        .tuple(
          r === null ? fc.constant('') : attr('r', r),
          t === null ? fc.constant('') : attr('t', t),
          s === null ? fc.constant('') : attr('s', s),
          ws,
        )
        .map(([a, b, c, w]) => `${a}${b}${c}${extra.map(([k, v]) => ` ${k}="${v}"`).join('')}${w}`);
      const content =
        t === 's' || t === '&#115;'
          ? valueXml(p, fc.constantFrom('0', '1', '2', '3', '4', ' 1 ', ''))
          : t === 'inlineStr'
            ? fc.array(run(p), { minLength: 0, maxLength: 3 }).map((runs) => `<${p}is>${runs.join('')}</${p}is>`)
            : t === 'b'
              ? valueXml(p, fc.constantFrom('0', '1', 'true', ' 1', ''))
              : t === 'str' || t === 'e' || t === 'd'
                ? valueXml(p, text)
                : valueXml(p, numberXml);
      const formula = fc.oneof(
        fc.constant(''),
        fc.constant(''),
        fc.constant(`<${p}f>SUM(A1:B1)</${p}f>`),
        fc.constant(`<${p}f t="shared" si="0"/>`),
      );
      return fc
        .tuple(head, formula, fc.oneof(content, fc.constant('')), fc.boolean())
        .map(([h, f, c, self]) => (self && f === '' && c === '' ? `<${p}c${h}/>` : `<${p}c${h}>${f}${c}</${p}c>`));
    });
}

function rowArb(p: string, row: number) {
  return fc
    .tuple(
      fc.constantFrom('r', 'r', 'r', 'none', 'skip'),
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 5 }),
      ws,
      fc.constantFrom('', ' spans="1:4"', ' customHeight="1" ht="20"', ' x14ac:dyDescent="0.25"'),
    )
    .chain(([how, cols, w, extra]) => {
      const r = how === 'r' ? ` r="${row}"` : how === 'skip' ? ` r="${row + 3}"` : '';
      const sorted = [...new Set(cols)].sort((a, b) => a - b);
      return fc
        .tuple(...sorted.map((c) => cellArb(p, c, row)))
        .map((cells) =>
          cells.length === 0 && how !== 'none' ? `<${p}row${r}${extra}/>` : `<${p}row${r}${extra}>${w}${cells.join(w)}</${p}row>${w}`,
        );
    });
}

const sheetArb = fc
  .tuple(
    fc.constantFrom('', 'x:', 'main:'),
    fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', '\uFEFF<?xml version="1.0"?>'),
    fc.constantFrom(null, 'A1:F9', 'B2', 'A1:A1', '', 'Z9:A1', 'a1:f9'),
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom('', '<!-- kommentar -->', '<?mso-application progid="Excel.Sheet"?>'),
  )
  .chain(([p, decl, dim, rows, between]) =>
    fc
      .tuple(...Array.from({ length: rows }, (_, i) => rowArb(p, i + 1)))
      .map(
        (rs) =>
          `${decl}<${p}worksheet xmlns${p === '' ? '' : `:${p.slice(0, -1)}`}="ns">${dim === null ? '' : `<${p}dimension ref="${dim}"/>`}` +
          `<${p}sheetData>${rs.join(between)}</${p}sheetData></${p}worksheet>`,
      ),
  );

describe('old and new readings of generated sheets', () => {
  it('the same range, rows, cells and errors, whole and cut anywhere (and the same as the old stream)', () => {
    fc.assert(
      fc.property(sheetArb, fc.boolean(), (xml, date1904) => {
        const whole = oldWhole(xml, date1904);
        expect(newStream([xml], date1904)).toEqual(whole);
        fc.assert(
          fc.property(cutsOf(xml), (cuts) => {
            const pieces = piecesAt(xml, cuts);
            expect(newStream(pieces, date1904)).toEqual(whole);
          }),
          { numRuns: 5 },
        );
        if (!date1904) expect(oldStream(piecesAt(xml, [7, 50, 51, 200]))).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('a workbook read through openWorkbook gives the old reading of its sheet part, for a sheet of many pieces', () => {
    // 20 000 rows of mixed cells as Excel writes them: shared strings, numbers, dates, formulas.
    const rows: string[] = [];
    let x = 7;
    for (let r = 1; r <= 20_000; r++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const amount = ((x % 2_000_000) - 1_000_000) / 100;
      rows.push(
        `<row r="${r}" spans="1:5"><c r="A${r}" t="s"><v>${x % 4}</v></c><c r="B${r}"><v>${202401 + (x % 12)}</v></c>` +
          `<c r="C${r}" s="1"><v>${45292 + (x % 366)}</v></c><c r="D${r}"><v>${amount}</v></c>` +
          `<c r="E${r}"><f>D${r}*2</f><v>${amount * 2}</v></c></row>`,
      );
    }
    const data = rows.join('');
    const bytes = testWorkbook([{ name: 'Blad1', data, dimension: 'A1:E20000' }], {
      strings: STRINGS.map((s) => `<si><t>${s.replace('&', '&amp;')}</t></si>`),
      styles: ['<xf numFmtId="14"/>'],
    });
    const book = openWorkbook(bytes);
    const { h, out } = collector();
    book.stream(book.sheets[0]!, h);
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E20000"/><sheetData>${data}</sheetData></worksheet>`;
    const old = collector();
    scanXml(xml, oldSheetScanner(PATH, STRINGS, [false, true], false, old.h));
    expect(out.events.length).toBe(20_001);
    expect(out).toEqual(old.out);
  });
});

describe('a sheet handed to the scanner in pieces that end after a `>`', () => {
  it('text longer than a piece without a `>`, characters of several bytes, `>` in values, comments and CDATA: the old reading', () => {
    const long = 'åäö😀€ '.repeat(15_000);
    const data =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c><c r="B1" t="str"><v><![CDATA[${'> '.repeat(20_000)}]]></v></c></row>` +
      `<!-- ${'<> '.repeat(20_000)} --><row r="2"><c r="A2" note="${'>'.repeat(40_000)}" t="inlineStr"><is><t>${long.slice(0, 99)}</t></is></c>` +
      `<c r="B2"><v>1.50</v></c></row>` +
      Array.from({ length: 3000 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}" t="inlineStr"><is><t>å${i}</t></is></c></row>`).join('');
    const book = openWorkbook(testWorkbook([{ name: 'Blad1', data }]));
    const { h, out } = collector();
    book.stream(book.sheets[0]!, h);
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
    const old = collector();
    scanXml(xml, oldSheetScanner(PATH, [], [], false, old.h));
    expect(out.events.length).toBe(3002);
    expect(out).toEqual(old.out);
  });
});

describe('a number cell read the short way when its text is already the shortest decimal', () => {
  const same = (v: string) => expect(numberText(v), JSON.stringify(v)).toBe(oldNumberText(v));

  it('edge values', () => {
    for (const v of [
      '0',
      '-0',
      '0.0',
      '-0.0',
      '-0.00',
      '00',
      '01',
      '-01',
      '1',
      '-1',
      '10',
      '100',
      '0.5',
      '-0.5',
      '.5',
      '5.',
      '-',
      '',
      ' ',
      ' 1',
      '1 ',
      '+1',
      '1e3',
      '1E3',
      '1e-7',
      '0.0000001',
      '0.000001',
      '0.00000000000001',
      '0.000000000000001',
      '12.345',
      '12.3450',
      '12.34500',
      '-1234.50',
      '1234.00',
      '1234.000',
      '999999999999999',
      '9999999999999999',
      '999999999999999.0',
      '99999999999999.9',
      '0.100000000000000',
      '123456789012345',
      '1234567890123456',
      '12345678901234.5',
      '1234567890123.45',
      '0.123456789012345',
      '0.1234567890123456',
      '83333.333333333299',
      '6328.6499999999996',
      '0.30000000000000004',
      '9007199254740993',
      'Infinity',
      '-Infinity',
      'NaN',
      '0x10',
      '1_000',
      '1,5',
      '١٢',
      '12.345e0',
      '5e-324',
      '1.7976931348623157e308',
      '1e21',
      '100000000000000000000',
      '1000000000000000',
      '100000000000000',
      '0.0',
      '10.010',
      '10.0100',
      '-10.0100',
    ])
      same(v);
  });

  it('random doubles, in every way a writer may print them', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 1, max: 21 }), fc.integer({ min: 0, max: 20 }), (d, precision, digits) => {
        same(String(d));
        same(d.toPrecision(precision));
        if (Math.abs(d) < 1e21) same(d.toFixed(digits));
      }),
      { numRuns: 20_000 },
    );
  });

  it('random decimal texts of up to 20 digits, with zeros anywhere', () => {
    const digits = fc.array(fc.constantFrom('0', '0', '0', '1', '5', '9'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom('', '-'), digits, fc.option(digits), (sign, int, frac) => {
        const v = `${sign}${int}${frac === null ? '' : `.${frac}`}`;
        same(v);
      }),
      { numRuns: 20_000 },
    );
  });

  it('amounts as writers give them (öre as kronor, with and without trailing zeros)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), (ore) => {
        const a = ore < 0n ? -ore : ore;
        const fixed = `${ore < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
        same(fixed);
        same(String(Number(fixed)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('the short way answers only for what it can read exactly', () => {
    expect(shortNumberText('-1234.50')).toBe('-1234.5');
    expect(shortNumberText('12.345')).toBe('12.3450');
    expect(shortNumberText('1234.00')).toBe('1234');
    expect(shortNumberText('0.0000001')).toBe('0.0000001');
    for (const v of ['1e-7', '-0', '-0.00', '012', '1234567890123456', ' 1', '', '.5', '5.']) expect(shortNumberText(v), v).toBeNull();
  });
});
