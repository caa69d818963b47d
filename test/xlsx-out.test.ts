/**
 * Excel workbooks out (issue 13, section 2), without a spreadsheet program: the parts of the
 * workbook `--out rapport.xlsx` writes — one sheet per table and a rules sheet, valid unique
 * sheet names, amounts as number cells holding the JSON output's values, codes and names as
 * text cells (never formulas), number formats, bold and frozen header, wrapped comments, the
 * rounding notes. test/xlsx-libreoffice.test.ts opens the same workbooks in LibreOffice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../src/read/xlsx/workbook.js';
import { numberFormat, sheetNames, xmlText } from '../src/write/xlsx.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-xlsx-out-'));
const F = 'fixtures';

/** Runs a report to .xlsx and as JSON; the workbook's parts and the JSON. */
async function both(name: string, args: string[]) {
  const out = join(dir, name);
  const run = await cli(['report', ...args, '--out', out]);
  expect(run.code).toBe(0);
  const json = await cli(['report', ...args, '--format', 'json']);
  const bytes = new Uint8Array(readFileSync(out));
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
  return { bytes, parts, json: JSON.parse(json.stdout) as Report, out };
}

interface Report {
  tables: { title: string; columns: string[]; rows: Record<string, string | null>[]; summa: Record<string, string | null> }[];
}

const MONTHLY = [
  '--utfall',
  UTFALL,
  '--budget',
  BUDGET,
  '--period',
  '2024-08',
  '--sub',
  '51',
  '--kommentarer',
  `${F}/kommentarer-2024-08.csv`,
  '--columns',
  'budget_helar,utfall_ack,avvikelse_ack,prognos,prognosavvikelse,avvikelse_procent,kommentar',
];

describe('the workbook of a report', () => {
  it('one sheet per table and the rules sheet; every amount a number cell equal to the JSON value, every code a text cell', async () => {
    const { bytes, json } = await both('manad.xlsx', MONTHLY);
    const book = openWorkbook(bytes);
    expect(book.sheets.map((s) => s.name)).toEqual([
      'Månadsuppföljning per 31 augus…',
      'Redovisning verksamhet 51',
      'Tecken och avrundning',
    ]);
    json.tables.forEach((t, i) => {
      const rows = book.rows(book.sheets[i] as (typeof book.sheets)[number]);
      expect(rows[0]?.cells.map((c) => c.text)).toEqual([t.title]);
      const header = rows[1]?.cells.map((c) => c.text);
      expect(header?.slice(0, 2)).toEqual(['Kod', 'Namn']);
      const all = [...t.rows, { kod: null, namn: 'Summa', ...t.summa }];
      all.forEach((r, j) => {
        const cells = new Map((rows[2 + j]?.cells ?? []).map((c) => [c.col, c]));
        if (r.kod !== null) expect(cells.get(0)).toMatchObject({ kind: 'text', text: r.kod, formula: null });
        t.columns.forEach((id, k) => {
          const c = cells.get(2 + k);
          const want = r[id];
          if (want === null || want === undefined) expect(c).toBeUndefined();
          else if (id === 'kommentar') expect(c).toMatchObject({ kind: 'text', text: want });
          else expect(c).toMatchObject({ kind: 'number', text: String(Number(want)), formula: null });
        });
      });
    });
  });

  it('the number cells hold the JSON strings verbatim: no float on the way, no hidden decimals (also with --exact)', async () => {
    const { parts, json } = await both('exakt.xlsx', ['--utfall', UTFALL, '--budget', BUDGET, '--unit', 'kr', '--exact']);
    const values = [...(parts['xl/worksheets/sheet1.xml'] ?? '').matchAll(/<c r="[A-Z]+\d+"(?: s="\d+")?><v>([^<]*)<\/v><\/c>/g)].map(
      (m) => m[1],
    );
    const t = json.tables[0] as Report['tables'][number];
    const expected = [...t.rows, t.summa].flatMap((r) => t.columns.map((c) => r[c]).filter((v): v is string => typeof v === 'string'));
    expect(values).toEqual(expected);
    expect(values).toContain('837902.42');
  });

  it('styles: bold, frozen header; Summa bold; grouped formats with the decimals shown, deviations red when negative; comments wrap; no formulas', async () => {
    const { parts } = await both('stil.xlsx', MONTHLY);
    const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
    const styles = parts['xl/styles.xml'] ?? '';
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(Object.values(parts).join('')).not.toMatch(/<f[ >]/);
    expect(styles).toContain(`formatCode="${xmlText(numberFormat('amount', 0, true))}"`);
    expect(styles).toContain(`formatCode="${xmlText(numberFormat('percent', 1, true))}"`);
    expect(numberFormat('amount', 0, true)).toBe('#,##0;[Red]"\u2212"#,##0');
    expect(numberFormat('amount', 2, false)).toBe('#,##0.00;"\u2212"#,##0.00');
    expect(numberFormat('percent', 1, true)).toBe('#,##0.0" %";[Red]"\u2212"#,##0.0" %"');
    const xfs = [...(/<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
    const styleOf = (ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1] ?? 0)] ?? '';
    expect(styleOf('A2')).toContain('fontId="1"'); // header bold
    expect(styleOf('B10')).toContain('fontId="1"'); // Summa bold
    expect(styleOf('C3')).toContain('fontId="0"');
    expect(/<c r="I4" s="(\d+)" t="inlineStr">/.test(sheet)).toBe(true); // the comment of 51
    expect(styleOf('I4')).toContain('wrapText="1"');
    expect(sheet).toMatch(/<col min="9" max="9" width="50" customWidth="1"\/>/);
    // Rounding notes under the table, as the other formats print them.
    expect(sheet).toContain('summerar de avrundade raderna inte exakt till Summa');
  });

  it('codes keep their zeros and a text starting with = stays text (inline strings, never formulas)', async () => {
    const ledger = join(dir, 'nollor.csv');
    const names = join(dir, 'namn.csv');
    writeFileSync(ledger, 'Verksamhet;Utfall;Budget\n0410;100;120\n0420;50;40\n');
    writeFileSync(names, 'Verksamhet;Namn\n0410;=SUMMA(A1:A9)\n0420;"<b>&amp; ""x""</b>"\n');
    const { bytes } = await both('nollor.xlsx', ['--utfall', ledger, '--budget', ledger, '--names', names, '--level', '4', '--unit', 'kr']);
    const book = openWorkbook(bytes);
    const rows = book.rows(book.sheets[0] as (typeof book.sheets)[number]);
    expect(rows[2]?.cells.slice(0, 2)).toEqual([
      { col: 0, kind: 'text', text: '0410', formula: null },
      { col: 1, kind: 'text', text: '=SUMMA(A1:A9)', formula: null },
    ]);
    expect(rows[3]?.cells[1]?.text).toBe('<b>&amp; "x"</b>');
  });

  it("verify checks every sheet of a workbook: each table, the sub-table against its row; findings at the sheet's rows", async () => {
    const { out, parts, bytes } = await both('verify.xlsx', ['--utfall', UTFALL, '--budget', BUDGET, '--sub', '51']);
    const run = await cli(['verify', out, '--utfall', UTFALL, '--budget', BUDGET, '--sub', '51', '--format', 'json']);
    expect(run.code, run.stdout).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.stats.tables).toBe(2);
    expect(doc.notes.map((n: { sheet: string; row: number; label: string }) => `${n.sheet}:${n.row} ${n.label}`)).toContain(
      'Driftredovisning 2024, tkr:10 Summa',
    );
    const text = await cli(['verify', out]);
    expect(text.stdout).toContain(`${out}:Driftredovisning 2024, tkr:10: not: Summa Avvikelse:`);
    expect(text.stdout).toMatch(/2 tabeller, \d+ kontroller: 0 fel/);

    // A wrong cell on the second sheet (5102 Hemtjänst's Utfall, 65 518 → 65 528) is found there, by its sheet and row.
    const sheet2 = parts['xl/worksheets/sheet2.xml'] as string;
    expect(sheet2).toContain('<v>65518</v>');
    const { strToU8, zipSync } = await import('fflate');
    const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, v]));
    files['xl/worksheets/sheet2.xml'] = strToU8(sheet2.replace('<v>65518</v>', '<v>65528</v>'));
    const bad = join(dir, 'verify-fel.xlsx');
    writeFileSync(bad, zipSync(files));
    const failed = await cli(['verify', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`${bad}:Redovisning verksamhet 51:`);
    expect(failed.stdout).not.toContain(`${bad}:Driftredovisning 2024, tkr:4: fel`);
  });

  it('sheet names: at most 31 characters, none of []:*?/\\, unique whatever the case; XML text escapes what XML cannot hold', () => {
    const names = sheetNames([
      'Redovisning verksamhet 51*',
      'Redovisning verksamhet 51?',
      'a'.repeat(40),
      'A'.repeat(40),
      '[Drift]/2024',
      '',
    ]);
    expect(names).toEqual([
      'Redovisning verksamhet 51',
      'Redovisning verksamhet 51 (2)',
      `${'a'.repeat(30)}…`,
      `${'A'.repeat(26)}… (2)`,
      'Drift 2024',
      'Tabell 6',
    ]);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(xmlText('a & <b> "c" \u0001 _x0041_')).toBe('a &amp; &lt;b&gt; &quot;c&quot; _x0001_ _x005F_x0041_');
  });

  it('the same report gives the same bytes; the rules sheet has the perspective, rounding, unit and the command line', async () => {
    const a = await both('a.xlsx', ['--utfall', UTFALL, '--budget', BUDGET, '--lang', 'en']);
    const b = await both('a.xlsx', ['--utfall', UTFALL, '--budget', BUDGET, '--lang', 'en']);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const book = openWorkbook(a.bytes);
    const rules = book.rows(book.sheets[1] as (typeof book.sheets)[number]).map((r) => r.cells[0]?.text);
    expect(book.sheets[1]?.name).toBe('Signs and rounding');
    expect(rules).toContain('All amounts in tkr, rounded as the report shows them.');
    expect(rules.join('\n')).toContain('cost perspective');
    // The command line names files by their file names only, never a local folder.
    expect(rules.find((t) => t?.startsWith('avvikelse report'))).toContain('--out a.xlsx');
  });
});
