/**
 * The .xlsx report in a real spreadsheet program: LibreOffice (Debian's
 * `libreoffice-calc-nogui`, installed by .ci/run) converts each workbook, every sheet, to
 * CSV with every text cell quoted and numbers as stored, not as shown; every amount must
 * arrive as a number equal to the JSON output's value, every code and name as text (`0410`
 * with its zero, `=SUMMA(…)` as text, not a formula). And the other way: workbooks that
 * LibreOffice saved (its own shared strings, styles and cached formula values) are read by
 * the .xlsx source into the same report as the CSV fixtures. One LibreOffice run per
 * direction, with a profile of its own. Outside CI a machine without LibreOffice skips this
 * file (CI fails instead).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheetNames } from '../src/write/xlsx.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

const SOFFICE =
  process.env.SOFFICE_PATH ?? ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const available = SOFFICE !== undefined && existsSync(SOFFICE);
if (!available && process.env.CI) throw new Error('LibreOffice (soffice) not found; .ci/run installs libreoffice-calc-nogui');

const dir = mkdtempSync(join(tmpdir(), 'avvikelse-lo-'));
const F = 'fixtures';

/** Runs LibreOffice headless on `files`, converting to `to` into `outdir`. */
function soffice(to: string, files: string[], outdir: string): void {
  execFileSync(
    SOFFICE as string,
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      outdir,
      ...files,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
}

/** A CSV field and whether it was quoted (LibreOffice quotes every text cell, no number). */
interface Field {
  v: string;
  quoted: boolean;
}

/** RFC 4180 CSV with the quoting of each field kept. */
function parseCsv(text: string): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let i = 0;
  const t = text.replace(/^\uFEFF/, '');
  while (i < t.length) {
    let v = '';
    let quoted = false;
    if (t[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        const q = t.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        v += t.slice(i, q);
        i = q + 1;
        if (t[i] === '"') {
          v += '"';
          i++;
        } else break;
      }
    } else {
      while (i < t.length && t[i] !== ',' && t[i] !== '\n' && t[i] !== '\r') v += t[i++];
    }
    row.push({ v, quoted });
    if (t[i] === ',') i++;
    else {
      if (t[i] === '\r') i++;
      if (t[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
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
  '56',
  '--kommentarer',
  `${F}/kommentarer-2024-08.csv`,
  '--prognos',
  `${F}/prognos-2024-08.csv`,
  '--columns',
  'budget_helar,utfall_ack,avvikelse_ack,prognos,prognosavvikelse,avvikelse_procent,kommentar',
  '--lang',
  'en',
];

const ledger = join(dir, 'nollor.csv');
const names = join(dir, 'namn.csv');
writeFileSync(ledger, 'Verksamhet;Utfall;Budget\n0410;100,25;120\n0420;50;40,5\n');
writeFileSync(names, 'Verksamhet;Namn\n0410;=SUMMA(A1:A9)\n0420;+46 8 123\n');

/** Each workbook: its name and the report's arguments. */
const CASES: [string, string[]][] = [
  ['drift', ['--utfall', UTFALL, '--budget', BUDGET, '--sub', '51']],
  ['manad', MONTHLY],
  [
    'analys',
    ['--utfall', UTFALL, `${F}/kapitaltjanst-2024.csv`, '--budget', BUDGET, `${F}/budget-kapitaltjanst-2024.csv`, '--analys', '--resultat'],
  ],
  ['exakt', ['--utfall', UTFALL, '--budget', BUDGET, '--unit', 'kr', '--exact']],
  ['nollor', ['--utfall', ledger, '--budget', ledger, '--names', names, '--level', '4', '--unit', 'kr', '--decimals', '2']],
];

describe.skipIf(!available)('the workbook in LibreOffice', () => {
  const json = new Map<string, Report>();
  const csv = new Map<string, Field[][][]>();

  beforeAll(async () => {
    const files: string[] = [];
    for (const [name, args] of CASES) {
      const out = join(dir, `${name}.xlsx`);
      const run = await cli(['report', ...args, '--out', out]);
      expect(run.code).toBe(0);
      files.push(out);
      json.set(name, JSON.parse((await cli(['report', ...args, '--format', 'json'])).stdout) as Report);
    }
    // Every sheet (-1), UTF-8 (76), every text cell quoted (7: true), numbers as numbers, unquoted (8: true), as stored, not as shown (9: false).
    const outdir = join(dir, 'csv');
    soffice('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1', files, outdir);
    const written = readdirSync(outdir);
    for (const [name] of CASES) {
      const report = json.get(name) as Report;
      const sheets = sheetNames([...report.tables.map((t) => t.title), 'rules']).slice(0, -1);
      csv.set(
        name,
        sheets.map((sheet) => {
          const file = `${name}-${sheet}.csv`;
          expect(written).toContain(file);
          return parseCsv(readFileSync(join(outdir, file), 'utf8'));
        }),
      );
    }
  }, 180_000);

  for (const [name] of CASES) {
    it(`${name}: every amount a number equal to the JSON output's, every code and name text`, () => {
      const report = json.get(name) as Report;
      const sheets = csv.get(name) as Field[][][];
      report.tables.forEach((t, i) => {
        const rows = sheets[i] as Field[][];
        expect(rows[0]?.[0]).toEqual({ v: t.title, quoted: true });
        const codes = rows[1]?.[0]?.v !== '' && rows[1]?.length === t.columns.length + 2;
        const lead = codes ? 2 : 1;
        const all: Record<string, string | null>[] = [...t.rows, { kod: null, namn: null, ...t.summa }];
        all.forEach((r, j) => {
          const row = rows[2 + j] as Field[];
          const label = row[0] as Field;
          const kod = r.kod ?? null;
          const namn = r.namn ?? null;
          if (codes && kod !== null && /^\d+$/.test(kod)) expect(label).toEqual({ v: kod, quoted: true });
          if (label.v !== '') expect(label.quoted).toBe(true);
          if (codes && namn !== null) expect(row[1]).toEqual({ v: namn, quoted: true });
          t.columns.forEach((id, k) => {
            const field = row[lead + k] as Field;
            const want = r[id] ?? null;
            const where = `${name} table ${i} row ${j} ${id}`;
            if (want === null) expect({ where, field }).toEqual({ where, field: { v: '', quoted: false } });
            else if (id === 'kommentar') expect({ where, field }).toEqual({ where, field: { v: want, quoted: true } });
            else {
              expect({ where, quoted: field.quoted, number: /^-?\d+(\.\d+)?$/.test(field.v) }).toEqual({
                where,
                quoted: false,
                number: true,
              });
              expect({ where, value: Number(field.v) }).toEqual({ where, value: Number(want) });
            }
          });
        });
      });
    });
  }

  it('keeps a code with a leading zero and a name that looks like a formula or a number as text', () => {
    const rows = (csv.get('nollor') as Field[][][])[0] as Field[][];
    expect(rows[2]?.slice(0, 4)).toEqual([
      { v: '0410', quoted: true },
      { v: '=SUMMA(A1:A9)', quoted: true },
      { v: '100.25', quoted: false },
      { v: '120', quoted: false },
    ]);
    expect(rows[3]?.[1]).toEqual({ v: '+46 8 123', quoted: true });
  });

  it('reads workbooks LibreOffice saved (its strings, styles, cached formulas) into the same report as the CSV fixtures', async () => {
    const outdir = join(dir, 'resaved');
    soffice('xlsx:Calc MS Excel 2007 XML', [`${F}/xlsx/utfall-2024.xlsx`, `${F}/xlsx/budgetmall-2024-tkr.xlsx`], outdir);
    const args = ['--budget-col', 'belopp=Budget 2024 (tkr)', '--unit', 'kr', '--exact', '--format', 'json'];
    const fromCsv = await cli(['report', '--utfall', UTFALL, '--budget', `${F}/exports/excel-budgetmall-2024-tkr.csv`, ...args]);
    const fromLo = await cli([
      'report',
      '--utfall',
      join(outdir, 'utfall-2024.xlsx'),
      '--budget',
      join(outdir, 'budgetmall-2024-tkr.xlsx'),
      '--budget-sheet',
      'Budget 2024',
      ...args,
    ]);
    expect(fromCsv.code).toBe(0);
    expect(fromLo.stdout).toBe(fromCsv.stdout);
    expect(fromLo.code).toBe(0);
  }, 120_000);
});
