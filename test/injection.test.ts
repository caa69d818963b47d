/**
 * Hostile names and comments through every output (issue 12, items 3, 6, 7 and 8): CSV
 * cells stay one cell and inert in Excel (a line break quoted, a formula start prefixed with
 * `'`, a negative amount still a number), Markdown cells stay one cell and show raw HTML as
 * text, and nothing printed for a person — the terminal table, errors with their excerpt,
 * warnings, verify's text and GitHub output — carries a control character. JSON keeps the
 * data exactly. (HTML in a browser: test/html-chromium.test.ts, which runs the same payloads.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { visible } from '../src/core/text.js';
import { lineExcerpt } from '../src/read/excerpt.js';
import { inertText } from '../src/write/csv.js';
import { escapeCell } from '../src/write/markdown.js';
import { cli } from './helpers.js';
import { CONTROL, FORMULA_START, PAYLOADS, payloadInputs } from './payloads.js';

const inputs = payloadInputs();
const drift = ['report', '--utfall', inputs.utfall, '--budget', inputs.budget, '--names', inputs.names];
const monthly = [...drift, '--period', '2024-08', '--kommentarer', inputs.comments];
const CODES = Object.keys(PAYLOADS);
/** A name as the names file's reader keeps it (trimmed). */
const named = (code: string) => (PAYLOADS[code] as string).trim();

describe('visible: the one sanitiser for text printed for a person', () => {
  it('shows every C0 and C1 control character and DEL as an escape, and leaves other text alone', () => {
    expect(visible('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(visible('rad\rny\nt\tx')).toBe('rad\\rny\\nt\\tx');
    expect(visible('\u0000\u0007\u007f\u0080\u009b\u009f')).toBe('\\x00\\x07\\x7f\\x80\\x9b\\x9f');
    expect(visible('Äldreomsorg – 51 −1 234 ½ €')).toBe('Äldreomsorg – 51 −1 234 ½ €');
    for (let c = 0; c < 0x100; c++) expect(visible(String.fromCharCode(c))).not.toMatch(CONTROL);
  });

  it('moves the caret of an excerpt with the escapes before and inside the bad part', () => {
    expect(lineExcerpt(4, '202402;\u001b[1m;4010;12\u001b[2J', 17, 6)).toEqual([
      '  4 | 202402;\\x1b[1m;4010;12\\x1b[2J',
      `    | ${' '.repeat(20)}${'^'.repeat(9)}`,
    ]);
    expect(lineExcerpt(3, '5101;1,2x', 5, 4)).toEqual(['  3 | 5101;1,2x', '    |      ^^^^']);
  });
});

describe('CSV output (items 3 and 6)', () => {
  it('prefixes a text cell that starts a formula and quotes it, and only those', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(inertText(s)).toBe(`'${s}`);
    for (const s of ['Äldreomsorg', '51', "'=1", ' =1', '', 'a-b']) expect(inertText(s)).toBe(s);
  });

  for (const dialect of ['sv', 'en'] as const) {
    it(`keeps every row one row and every text cell inert (${dialect} dialect)`, async () => {
      const run = await cli([...monthly, '--format', 'csv', '--csv-dialect', dialect]);
      expect(run.code).toBe(0);
      const delimiter = dialect === 'sv' ? ';' : ',';
      const records: string[][] = parse(run.stdout.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true });
      const rows = records.filter((r) => CODES.includes(r[0] as string));
      expect(rows.map((r) => r[0])).toEqual(CODES);
      const width = (records[1] as string[]).length;
      const comment = width - 1;
      for (const r of rows) {
        const code = r[0] as string;
        expect(r.length, code).toBe(width);
        for (const text of [r[1] as string, r[comment] as string]) {
          expect(text, code).not.toMatch(FORMULA_START);
          // The data is all there: a formula start behind one `'`.
          expect(text.replace(/^'(?=[=+\-@\t\r])/, ''), code).toBe(named(code));
        }
      }
      // Numbers are never prefixed or quoted: negative deviations stay numbers.
      const minus = rows.flatMap((r) => r.slice(2, comment)).filter((c) => c.startsWith('-'));
      expect(minus.length).toBeGreaterThan(0);
      for (const c of minus) expect(run.stdout).toContain(`${delimiter}${c}${delimiter}`);
      for (const r of rows) for (const c of r.slice(2, comment)) expect(c).toMatch(/^-?\d[\d.,]*$/);
    });
  }

  it('quotes a field with a bare LF or CR in either dialect (csv-stringify quoted only CRLF, or only the delimiter)', async () => {
    for (const dialect of ['sv', 'en']) {
      const run = await cli([...drift, '--format', 'csv', '--csv-dialect', dialect]);
      expect(run.stdout).toContain(`"'-2+3+cmd|' /C calc'!A0\nandra raden"`);
      expect(run.stdout).toContain(`"'@SUM(1+1)\rskriver över raden"`);
      expect(run.stdout).toContain(`"\u009b31mC1\u007f \r\n=crlf"`);
    }
  });
});

describe('Markdown output (item 8)', () => {
  it('escapes a bare CR like LF, and <, > and & in a cell', () => {
    expect(escapeCell('a\rb\nc\r\nd')).toBe('a<br>b<br>c<br>d');
    expect(escapeCell('<b>A|B</b> & C')).toBe('&lt;b&gt;A\\|B&lt;/b&gt; &amp; C');
    expect(escapeCell('\u001b[2J')).toBe('\\x1b[2J');
  });

  it('keeps each row one row of as many cells as the header, with no raw HTML or control character', async () => {
    const run = await cli([...monthly, '--format', 'md']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(run.stdout).not.toMatch(/<(?!br>)/);
    expect(run.stdout).not.toMatch(CONTROL);
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const header = lines.find((l) => l.startsWith('| Kod')) as string;
    for (const code of CODES) {
      const row = lines.filter((l) => l.startsWith(`| ${code} `));
      expect(row, code).toHaveLength(1);
      expect(cells(row[0] as string), code).toBe(cells(header));
    }
    expect(run.stdout).toContain('@SUM(1+1)<br>skriver över raden');
    expect(run.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('reads its own escapes back: verify sees the names as they were', async () => {
    const out = join(inputs.dir, 'drift.md');
    expect((await cli([...drift, '--out', out])).code).toBe(0);
    const run = await cli(['verify', out]);
    expect(run.code).toBe(0);
  });
});

describe('Excel output (item 6)', () => {
  it('writes every payload as a text cell, never a formula, and numbers as numbers', async () => {
    const out = join(inputs.dir, 'manad.xlsx');
    expect((await cli([...monthly, '--out', out])).code).toBe(0);
    const parts = Object.entries(unzipSync(new Uint8Array(readFileSync(out)))).map(([k, v]) => [k, strFromU8(v)] as const);
    const sheets = parts.filter(([k]) => k.startsWith('xl/worksheets/')).map(([, v]) => v);
    expect(sheets.length).toBeGreaterThan(0);
    for (const xml of sheets) expect(xml).not.toMatch(/<f[ >]/); // no formula element anywhere
    const all = sheets.join('');
    // A name that starts a formula is an inline string cell, as written (XML-escaped).
    expect(all).toMatch(/<c [^>]*t="inlineStr"[^>]*><is><t[^>]*>=HYPERLINK/);
    // Amounts are number cells (no t attribute): at least one negative deviation.
    expect(all).toMatch(/<c r="[A-Z]+\d+"(?: s="\d+")?><v>-\d/);
  });
});

describe('text for a person carries no control character (item 7)', () => {
  const clean = (run: { stdout: string; stderr: string }) => {
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).not.toMatch(CONTROL);
  };

  it('the terminal table, its comments and the warnings', async () => {
    for (const args of [drift, monthly]) {
      const run = await cli(args);
      expect(run.code).toBe(0);
      clean(run);
    }
    const run = await cli(monthly);
    expect(run.stdout).toContain('50 \\x1b[2J\\x1b]8;;http://evil.example\\x07länk');
    expect(run.stdout).toContain('@SUM(1+1)\\rskriver över raden');
  });

  it('an error message and its excerpt, with the caret under the value', async () => {
    const bad = join(inputs.dir, 'bad.csv');
    writeFileSync(bad, 'Period;Verksamhet;Konto;Belopp\n202401;10;4010;100\n202402;20;4010;12\u001b[2J\n');
    const run = await cli(['report', '--utfall', bad, '--budget', inputs.budget]);
    expect(run.code).toBe(2);
    clean(run);
    expect(run.stderr).toContain('"12\\x1b[2J"');
    expect(run.stderr).toContain('  3 | 202402;20;4010;12\\x1b[2J\n    |                ^^^^^^^^^\n');
  });

  it('a warning that names codes from the data', async () => {
    const file = join(inputs.dir, 'unnamed.csv');
    writeFileSync(file, 'Period;Verksamhet;Konto;Belopp\n202401;10;4010;100\n202401;9\u001b[31m;4010;100\n');
    const run = await cli(['report', '--utfall', file, '--budget', inputs.budget, '--level', '3']);
    expect(run.code).toBe(0);
    clean(run);
    expect(run.stderr).toContain('9\\x1b[');
  });

  it("verify's text and GitHub output about a table with hostile labels", async () => {
    const csv = join(inputs.dir, 'drift.csv');
    expect((await cli([...drift, '--out', csv])).code).toBe(0);
    // One changed amount: verify reports the row, whose label carries the payload.
    const tampered = readFileSync(csv, 'utf8').replace(/^(50;"[^"]*";)(\d+)/m, (_, a: string, n: string) => `${a}${Number(n) + 1000}`);
    expect(tampered).not.toBe(readFileSync(csv, 'utf8'));
    writeFileSync(csv, tampered);
    for (const format of ['text', 'github']) {
      const run = await cli(['verify', csv, '--format', format]);
      expect(run.code).toBe(1);
      clean(run);
      if (format === 'github') for (const l of run.stdout.trimEnd().split('\n').slice(0, -1)) expect(l).toMatch(/^::(error|notice) /);
    }
  });

  it('JSON keeps the data exactly (its own escapes make it safe)', async () => {
    const run = await cli([...monthly, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    const names = new Map<string, string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.kod === 'string' && typeof o.namn === 'string') names.set(o.kod, o.namn);
        Object.values(o).forEach(walk);
      }
    };
    walk(JSON.parse(run.stdout));
    for (const code of CODES) expect(names.get(code), code).toBe(named(code));
  });
});
