/**
 * verify's checks across tables (src/report/verify/cross.ts): a sub-table's total against
 * the row it details, a Verksamhetsanalys's net deviation per code against the
 * Driftredovisning's deviation, a Resultat's total against the Driftredovisning's Summa —
 * on avvikelse's own output, on the tables typed from the seed report, on seeded errors,
 * and on tables that share labels without being related.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownRecords } from '../src/read/markdown.js';
import { tablesFromRecords } from '../src/read/report-table.js';
import { verifyTables, type VerifyOptions } from '../src/report/verify/index.js';
import { BUDGET, cli, UTFALL, VERIFY_DEFAULTS, VERIFY_LABELS } from './helpers.js';

const P = 'fixtures/publicerade';
const opts = VERIFY_DEFAULTS;
const labels = VERIFY_LABELS;
const verifyMd = (md: string, over: Partial<VerifyOptions> = {}) =>
  verifyTables(tablesFromRecords('x.md', markdownRecords('x.md', md)), { ...opts, ...over }, labels);

interface Doc {
  valid: boolean;
  stats: { checks: number; errors: number };
  errors: {
    check: string;
    file: string;
    table: string;
    row: number;
    label: string;
    column: string;
    expected: string;
    found: string;
    message: string;
  }[];
}
const verifyJson = async (...files: string[]): Promise<{ code: number; doc: Doc }> => {
  const run = await cli(['verify', ...files, '--format', 'json']);
  return { code: run.code, doc: JSON.parse(run.stdout) as Doc };
};
/** How many checks `files` get together beyond what each gets alone: the checks across them. */
const crossChecks = async (...files: string[]): Promise<number> => {
  let alone = 0;
  for (const f of files) alone += (await verifyJson(f)).doc.stats.checks;
  return (await verifyJson(...files)).doc.stats.checks - alone;
};

describe("verify across tables: avvikelse's own report, Verksamhetsanalys and Resultat", () => {
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-cross-'));
  const ledger = ['--utfall', UTFALL, 'fixtures/kapitaltjanst-2024.csv', '--budget', BUDGET, 'fixtures/budget-kapitaltjanst-2024.csv'];
  const a = join(dir, 'drift.md');
  const b = join(dir, 'analys.md');
  const c = join(dir, 'resultat.md');
  const write = async () => {
    expect((await cli(['report', ...ledger, '--sub', '51', '--format', 'md', '--out', a])).code).toBe(0);
    expect((await cli(['report', ...ledger, '--analys', '--sub', '51', '--format', 'md', '--out', b])).code).toBe(0);
    expect((await cli(['report', ...ledger, '--resultat', '--format', 'md', '--out', c])).code).toBe(0);
  };
  /** A copy of `file` with the first `from` at the end of a Markdown cell replaced by `to`. */
  const tampered = (file: string, from: string, to: string): string => {
    const text = readFileSync(file, 'utf8');
    const out = text.replace(new RegExp(` ${from} \\|`), ` ${to} |`);
    expect(out).not.toBe(text);
    const f = join(dir, `fel-${file.split('/').pop() as string}`);
    writeFileSync(f, out);
    return f;
  };

  it('the three documents pass together, with the checks across them counted', async () => {
    await write();
    const { code, doc } = await verifyJson(a, b, c);
    expect(doc.errors).toEqual([]);
    expect(code).toBe(0);
    // Analysis ↔ Driftredovisning: 7 codes and the Summa; the analysis's 51* ↔ the Driftredovisning's 51*:
    // 12 codes and the Summa; Resultat ↔ Driftredovisning's Summa: Utfall, Budget, Avvikelse.
    expect(await crossChecks(a, b, c)).toBe(8 + 13 + 3);
  });

  it("a changed net deviation in the analysis is an error at that cell, naming the Driftredovisning's cell", async () => {
    await write();
    const wrong = tampered(b, '−4 608', '−4 680');
    const { code, doc } = await verifyJson(a, wrong, c);
    expect(code).toBe(1);
    const cross = doc.errors.filter((e) => e.check === 'cross');
    expect(cross.map((e) => [e.file, e.label, e.column, e.expected, e.found])).toEqual([
      [wrong, '56 Barn och ungdomsvård', 'Nettoavvikelse', '-4608', '-4680'],
    ]);
    expect(cross[0]?.message).toContain(`Driftredovisning 2024, tkr, 56 Barn och ungdomsvård Avvikelse, ${a}:8`);
    // Every error is at the changed cell.
    expect(new Set(doc.errors.map((e) => `${e.file}:${e.row}:${e.column}`))).toEqual(new Set([`${wrong}:8:Nettoavvikelse`]));
  });

  it('--no-cross checks each table on its own: no check across them, a difference between them no error; a declared --parent still holds', async () => {
    await write();
    const wrong = tampered(b, '−4 608', '−4 680');
    const run = await cli(['verify', a, wrong, c, '--no-cross', '--format', 'json']);
    const doc = JSON.parse(run.stdout) as Doc;
    // Together is the same as apart: each file alone with --no-cross (whose tables are apart too).
    let alone = 0;
    for (const f of [a, wrong, c])
      alone += (JSON.parse((await cli(['verify', f, '--no-cross', '--format', 'json'])).stdout) as Doc).stats.checks;
    expect(doc.stats.checks).toBe(alone);
    expect(alone).toBeLessThan((await verifyJson(a, b, c)).doc.stats.checks);
    expect(doc.errors.filter((e) => e.check === 'cross' || e.check === 'parent')).toEqual([]);
    // The analysis's own row relation still finds its changed cell; nothing across tables does.
    expect(doc.errors.every((e) => e.file === wrong)).toBe(true);
    const declared = await cli(['verify', a, b, c, '--no-cross', '--parent', 'Redovisning verksamhet 51*=51', '--format', 'json']);
    const parents = (JSON.parse(declared.stdout) as Doc).stats.checks;
    const none = (JSON.parse((await cli(['verify', a, b, c, '--no-cross', '--format', 'json'])).stdout) as Doc).stats.checks;
    expect(parents).toBeGreaterThan(none);
  });

  it("a changed deviation in the Driftredovisning is an error at that cell, not at the analysis's", async () => {
    await write();
    const wrong = tampered(a, '−4 608', '−4 680');
    const { doc } = await verifyJson(wrong, b, c);
    const cross = doc.errors.filter((e) => e.check === 'cross');
    expect(cross.map((e) => [e.file, e.row, e.column, e.expected, e.found])).toEqual([[wrong, 8, 'Avvikelse', '-4608', '-4680']]);
    expect(cross[0]?.message).toContain(`Verksamhetsanalys driftbudget 2024, tkr, 56 Barn och ungdomsvård Nettoavvikelse, ${b}:8`);
  });

  it("a changed Resultat is an error at it, against the Driftredovisning's Summa with the sign reversed", async () => {
    await write();
    const wrong = tampered(c, '−319 568', '−319 586');
    const { doc } = await verifyJson(a, b, wrong);
    const cross = doc.errors.filter((e) => e.check === 'cross');
    expect(cross.map((e) => [e.file, e.label, e.column, e.expected, e.found])).toEqual([
      [wrong, 'Resultat', 'Utfall', '-319568', '-319586'],
    ]);
    expect(cross[0]?.message).toContain('Driftredovisning 2024, tkr, Summa Utfall med omvänt tecken');
    const en = await cli(['verify', a, b, wrong, '--lang', 'en']);
    expect(en.stdout).toContain(
      "the result statement's total against the operating statement's total: Resultat 2024, tkr against Driftredovisning 2024, tkr, Summa Utfall with the sign reversed",
    );
  });

  it('a CSV report and a CSV analysis are tied the same way', async () => {
    const d = join(dir, 'drift.csv');
    const n = join(dir, 'analys.csv');
    const r = join(dir, 'resultat.csv');
    await cli(['report', ...ledger, '--out', d]);
    await cli(['report', ...ledger, '--analys', '--out', n]);
    await cli(['report', ...ledger, '--resultat', '--out', r]);
    expect((await verifyJson(d, n, r)).doc.errors).toEqual([]);
    expect(await crossChecks(d, n, r)).toBe(8 + 3);
  });
});

describe('verify across tables: the seed report', () => {
  const seed = [
    `${P}/driftredovisning-2024.csv`,
    `${P}/verksamhet-51-2024.csv`,
    `${P}/verksamhetsanalys-2024.csv`,
    `${P}/resultat-2024.csv`,
  ];

  it('Driftredovisning, 51*, Verksamhetsanalys and Resultat agree', async () => {
    const { code, doc } = await verifyJson(...seed);
    expect(doc.errors).toEqual([]);
    expect(code).toBe(0);
    // 51* ↔ row 51 (3), the analysis's 7 verksamheter by name (one, `Övr. insatser vuxna/Ekonomiskt
    // bistånd`, by most of its words), Resultat ↔ Summa (Bokslut 2024, Budget 2024, Budgetavvikelse).
    expect(await crossChecks(...seed)).toBe(3 + 7 + 3);
  });

  it('the Markdown document of the Driftredovisning and its 51* with the analysis and the Resultat', async () => {
    expect(await crossChecks(`${P}/drift-och-51-2024.md`, `${P}/verksamhetsanalys-2024.csv`, `${P}/resultat-2024.csv`)).toBe(7 + 3);
  });

  it("a seeded error in the analysis's net deviation is found at its cell", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-cross-seed-'));
    const f = join(dir, 'verksamhetsanalys.csv');
    writeFileSync(f, readFileSync(`${P}/verksamhetsanalys-2024.csv`, 'utf8').replace('-8 741;-4 644', '-8 741;-4 464'));
    const { code, doc } = await verifyJson(seed[0] as string, f);
    expect(code).toBe(1);
    // The analysis's own relation (Intäkt + Kostnad, utfall − budget) fails there too; every error is at that cell.
    expect(doc.errors.map((e) => [e.check, e.file, e.label, e.column, e.expected, e.found])).toContainEqual([
      'cross',
      f,
      'Barn- och ungdomsvård',
      'Nettoavvikelse mot budget',
      '-4644',
      '-4464',
    ]);
    expect(new Set(doc.errors.map((e) => `${e.file}:${e.row}:${e.column}`))).toEqual(new Set([`${f}:6:Nettoavvikelse mot budget`]));
  });

  it('a seeded error in the Resultat (a digit of Bokslut 2024) is found at its cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-cross-seed-'));
    const f = join(dir, 'resultat.csv');
    writeFileSync(f, readFileSync(`${P}/resultat-2024.csv`, 'utf8').replace('-331 882', '-331 828'));
    const { doc } = await verifyJson(seed[0] as string, f, '--summa', 'Resultat');
    expect(doc.errors.filter((e) => e.check === 'cross').map((e) => [e.label, e.column, e.expected, e.found])).toEqual([
      ['Resultat', 'Bokslut 2024', '-331882', '-331828'],
    ]);
  });
});

/** A small Driftredovisning of `year` in Markdown. */
const driftOf = (year: string): string =>
  [
    `### Driftredovisning ${year}, tkr`,
    '',
    '| Verksamhet | Utfall | Budget | Avvikelse |',
    '|:--|--:|--:|--:|',
    '| 10 Politisk verksamhet | 833 | 904 | 71 |',
    '| 51 Äldreomsorg/LSS | 251 612 | 245 397 | −6 215 |',
    '| 56 Barn- och ungdomsvård | 13 145 | 8 501 | −4 644 |',
    '| Summa | 265 590 | 254 802 | −10 788 |',
    '',
  ].join('\n');

describe('verify across tables: sub-tables', () => {
  const drift = driftOf('2024');
  const detail = (title: string, labels: [string, string], summa = '251 612') =>
    [
      `### ${title}`,
      '',
      '| Verksamhet | Utfall | Budget | Avvikelse |',
      '|:--|--:|--:|--:|',
      `| ${labels[0]} | 150 000 | 145 000 | −5 000 |`,
      `| ${labels[1]} | 101 612 | 100 397 | −1 215 |`,
      `| Summa | ${summa} | 245 397 | −6 215 |`,
      '',
    ].join('\n');

  it('a detail table titled with the name of a row elsewhere is checked against that row', () => {
    const ok = verifyMd(drift + detail('Särredovisning Äldreomsorg/LSS 2024, tkr', ['Äldreomsorg', 'LSS']));
    expect(ok.errors).toEqual([]);
    const wrong = verifyMd(drift + detail('Särredovisning Äldreomsorg/LSS 2024, tkr', ['Äldreomsorg', 'LSS'], '251 621'));
    expect(wrong.errors.map((e) => [e.type, e.table, e.row, e.column, e.basis])).toContainEqual([
      'parent',
      'Särredovisning Äldreomsorg/LSS 2024, tkr',
      'Summa',
      'Utfall',
      '51 Äldreomsorg/LSS (Driftredovisning 2024, tkr, x.md:6)',
    ]);
  });

  it('a detail table whose rows all carry codes under one code is checked against that row', () => {
    const wrong = verifyMd(drift + detail('Äldreomsorg och LSS i detalj', ['5101 Äldreomsorg', '5131 LSS'], '251 621'));
    expect(wrong.errors.map((e) => [e.type, e.row, e.column])).toContainEqual(['parent', 'Summa', 'Utfall']);
  });

  it("an analysis's 51* is checked against the analysis's row 51, not the Driftredovisning's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-cross-sub-'));
    const ledger = ['--utfall', UTFALL, '--budget', BUDGET];
    const a = join(dir, 'drift.md');
    const b = join(dir, 'analys.md');
    await cli(['report', ...ledger, '--sub', '51', '--format', 'md', '--out', a]);
    await cli(['report', ...ledger, '--analys', '--sub', '51', '--format', 'md', '--out', b]);
    const text = readFileSync(b, 'utf8');
    // The analysis's 51* Summa of Intäkt utfall, one digit changed: it no longer equals the analysis's row 51.
    const lines = text.split('\n');
    const last = lines.map((l) => l.startsWith('|') && l.includes('Summa')).lastIndexOf(true);
    lines[last] = (lines[last] as string).replace(/\| +(\d[\d ]*) \|/, (m, v: string) =>
      m.replace(v, `${v.slice(0, -1)}${v.endsWith('9') ? '0' : '9'}`),
    );
    writeFileSync(b, lines.join('\n'));
    const { doc } = await verifyJson(a, b);
    const parents = doc.errors.filter((e) => e.check === 'parent');
    expect(parents.map((e) => [e.file, e.column])).toEqual([[b, 'Intäkt utfall']]);
    expect(parents[0]?.message).toContain(`Verksamhetsanalys driftbudget 2024, tkr, ${b}:`);
  });
});

describe('verify across tables: no relation claimed where none exists', () => {
  const drift = driftOf;
  const analys = (year: string) =>
    [
      `### Verksamhetsanalys ${year}, tkr`,
      '',
      '| Verksamhet | Intäkt utfall | Kostnad utfall | Intäkt budget | Kostnad budget | Nettoavvikelse |',
      '|:--|--:|--:|--:|--:|--:|',
      '| 10 Politisk verksamhet | 0 | −800 | 0 | −900 | 100 |',
      '| 51 Äldreomsorg/LSS | 50 000 | −300 000 | 34 000 | −280 000 | −4 000 |',
      '| 56 Barn- och ungdomsvård | 600 | −13 000 | 200 | −8 700 | −3 900 |',
      '',
    ].join('\n');
  const checksOf = (md: string) => verifyMd(md).checks;

  it('two years of the Driftredovisning share labels and headings: no check between them', () => {
    const other = drift('2023')
      .replace('833 | 904 | 71', '700 | 800 | 100')
      .replace('265 590 | 254 802 | −10 788', '265 457 | 254 698 | −10 759');
    const r = verifyMd(drift('2024') + other);
    expect(r.errors).toEqual([]);
    expect(r.checks).toBe(checksOf(drift('2024')) + checksOf(other));
  });

  it("last year's analysis and this year's Driftredovisning share codes: no check between them", () => {
    const r = verifyMd(drift('2024') + analys('2023'));
    expect(r.errors).toEqual([]);
    expect(r.checks).toBe(checksOf(drift('2024')) + checksOf(analys('2023')));
    // The same analysis for 2024 is tied to it, and its deviations disagree.
    expect(verifyMd(drift('2024') + analys('2024')).errors.map((e) => [e.type, e.row])).toEqual([
      ['cross', '10 Politisk verksamhet'],
      ['cross', '51 Äldreomsorg/LSS'],
      ['cross', '56 Barn- och ungdomsvård'],
    ]);
  });

  it('a table of personnel costs per verksamhet, and an investment table beside a Resultat: no relation', () => {
    const personal = drift('2024')
      .replace('Driftredovisning', 'Personalkostnader')
      .replace('833 | 904 | 71', '500 | 600 | 100')
      .replace('265 590 | 254 802 | −10 788', '265 257 | 254 498 | −10 759');
    const investering = [
      '### Investeringsredovisning 2024, tkr',
      '',
      '| Projekt | Utfall | Budget | Avvikelse |',
      '|:--|--:|--:|--:|',
      '| Möbler | 417 | 350 | −67 |',
      '| IT | 65 | 100 | 35 |',
      '| Summa | 482 | 450 | −32 |',
      '',
    ].join('\n');
    const resultat = [
      '### Resultat 2024, tkr',
      '',
      '| Post | Utfall | Budget | Avvikelse |',
      '|:--|--:|--:|--:|',
      '| Intäkter | 100 | 90 | 10 |',
      '| Kostnader | −600 | −560 | −40 |',
      '| Resultat | −500 | −470 | −30 |',
      '',
    ].join('\n');
    for (const md of [drift('2024') + personal, investering + resultat]) {
      const parts = md.split(/(?=### )/);
      const r = verifyMd(md);
      expect(r.errors).toEqual([]);
      expect(r.checks).toBe(parts.reduce((n, p) => n + checksOf(p), 0));
    }
  });
});
