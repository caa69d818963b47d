/**
 * verify at scale (issue 14, item 8): long published tables are read and checked in time
 * linear in their rows. What is asserted is the result and the amount of work, never time:
 * the small-CSV reader's quote-free route against csv-parse, the block-summed search for
 * totals (structure.ts `RunSums`) against adding up every run, a hierarchical
 * Driftredovisning of 150 000 code rows with subtotals (correct, and with one changed cell),
 * and how the work grows when the table doubles.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { LINE_ENDS } from '../src/read/csv/dialect.js';
import { plainRecords } from '../src/read/csv/records.js';
import { markdownRecords } from '../src/read/markdown.js';
import { publishedNumber, tablesFromRecords } from '../src/read/report-table.js';
import type { PublishedTable } from '../src/core/published.js';
import { structure, verifyTables } from '../src/report/verify/index.js';
import * as tolerance from '../src/rules/tolerance.js';
import { cli, VERIFY_DEFAULTS, VERIFY_LABELS } from './helpers.js';

// Every tolerance asked for is counted: the work of a run, measured without a clock.
vi.mock('../src/rules/tolerance.js', async (original) => {
  const real = await original<typeof import('../src/rules/tolerance.js')>();
  let calls = 0;
  return {
    ...real,
    roundingTolerance: (decimals: number, terms: number) => {
      calls++;
      return real.roundingTolerance(decimals, terms);
    },
    toleranceCalls: () => calls,
  };
});
const toleranceCalls = (): number => (tolerance as unknown as { toleranceCalls: () => number }).toleranceCalls();

const labels = VERIFY_LABELS;
const opts = VERIFY_DEFAULTS;

/** An LCG: every generated table is reproducible. */
function lcg(seed: number): (n: number) => number {
  return (n) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
}

/** Whole tkr with a space every three digits: `-1 234 567`. */
const tkr = (n: number) => `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`;

/**
 * A Driftredovisning per verksamhet (`Verksamhet;Utfall;Budget;Avvikelse`, Avvikelse =
 * Budget − Utfall) of `rows` code rows 5100… under 510 under 51: ten code rows close with
 * `Summa 510`, ten of those with `Summa 51`, and `Summa` ends the table. `change` adds to
 * the Utfall of one code row (by its index) after the totals were made.
 */
function hierarchy(rows: number, change?: { row: number; by: number }): { lines: string[]; checks: number; line?: number } {
  const next = lcg(4242 + rows);
  const lines = ['Driftredovisning per verksamhet 2024, tkr', 'Verksamhet;Utfall;Budget;Avvikelse'];
  const line = (label: string, u: number, b: number, shownU = u) => lines.push(`${label};${tkr(shownU)};${tkr(b)};${tkr(b - u)}`);
  /** Utfall and Budget summed: the whole table, the current 51 and the current 510. */
  const grand = { u: 0, b: 0 };
  let at: number | undefined;
  let i = 0;
  for (let top = 51; i < rows; top++) {
    const s51 = { u: 0, b: 0 };
    for (let mid = 0; mid < 10 && i < rows; mid++) {
      const s510 = { u: 0, b: 0 };
      for (let k = 0; k < 10 && i < rows; k++, i++) {
        const b = 100 + next(90_000);
        const u = b - 5_000 + next(10_001);
        s510.u += u;
        s510.b += b;
        if (change?.row === i) at = lines.length + 1;
        line(`${top}${mid}${k} Verksamhet ${i}`, u, b, change?.row === i ? u + change.by : u);
      }
      line(`Summa ${top}${mid}`, s510.u, s510.b);
      s51.u += s510.u;
      s51.b += s510.b;
    }
    line(`Summa ${top}`, s51.u, s51.b);
    grand.u += s51.u;
    grand.b += s51.b;
  }
  line('Summa', grand.u, grand.b);
  // Three cells of every total, and the deviation of every row.
  const totals = Math.ceil(rows / 10) + Math.ceil(rows / 100) + 1;
  return at === undefined ? { lines, checks: 3 * totals + rows + totals } : { lines, checks: 3 * totals + rows + totals, line: at };
}

/** The same table as a Markdown pipe table (the title a heading above it). */
function asMarkdown(lines: readonly string[]): string {
  const [title, header, ...rows] = lines as [string, string, ...string[]];
  const pipe = (l: string) => `| ${l.split(';').join(' | ')} |`;
  return [`## ${title}`, '', pipe(header), '|:--|--:|--:|--:|', ...rows.map(pipe), ''].join('\n');
}

describe('the small-CSV reader without quotes', () => {
  it('gives the records and line numbers csv-parse gives, for any mix of line ends, empty lines and delimiters', () => {
    const next = lcg(7);
    const alphabet = ['a', ';', '\r', '\n', '\r\n', ' ', '1 234', ',', 'ä', '\t'];
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      for (let len = next(24); len > 0; len--) text += alphabet[next(alphabet.length)] as string;
      const theirs: { line: number; fields: string[] }[] = [];
      parse(text, {
        delimiter: ';',
        record_delimiter: LINE_ENDS,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (fields: string[], ctx) => {
          theirs.push({ line: ctx.lines, fields });
          return null;
        },
      });
      expect(plainRecords(text, ';'), JSON.stringify(text)).toEqual(theirs);
    }
  });

  it('leaves a text with a quote to csv-parse', () => {
    expect(plainRecords('a;"b;c"\n', ';')).toBeNull();
  });
});

describe('a published whole number', () => {
  it('is read as the general scanner reads it (the same cell with a unit, `… tkr`, takes the general route)', () => {
    const next = lcg(5);
    const alphabet = ['1', '2', '0', '9', ' ', '\u00a0', '5', '123', ' 456', '\u00a0789', '00'];
    for (let n = 0; n < 20_000; n++) {
      let text = `${next(2) === 0 ? '-' : ''}${next(10)}`;
      for (let len = next(16); len > 0; len--) text += alphabet[next(alphabet.length)] as string;
      expect(publishedNumber(text), JSON.stringify(text)).toEqual(publishedNumber(`${text} tkr`));
    }
  });
});

describe('the search for totals in blocks finds what adding up every run finds', () => {
  it('on random tables of running subtotals, totals first, wrong totals, zero runs, varav rows and sections', () => {
    const next = lcg(99);
    const words = ['Summa', 'Totalt', 'Netto', 'SUMMA', 'Delsumma', 'Resultat'];
    for (let n = 0; n < 1_500; n++) {
      const width = 2 + next(3);
      const header = ['Post', ...['Budget', 'Utfall', 'Avvikelse', 'Prognos'].slice(0, width)];
      const rows: string[][] = [];
      let run: number[] = new Array<number>(width).fill(0);
      let runs: number[] = new Array<number>(width).fill(0);
      for (let len = 3 + next(70); len > 0; len--) {
        const kind = next(12);
        let cells: number[];
        let label: string;
        if (kind < 7) {
          // Small values make many runs fit: the longest must be found.
          cells = Array.from({ length: width }, () => next(7) - 3);
          label = `Rad ${rows.length}`;
          run = run.map((x, j) => x + (cells[j] as number));
        } else if (kind < 10) {
          // A total of the rows since the previous one (sometimes off by one), or a running one.
          const wrong = next(5) === 0 ? 1 : 0;
          cells = (next(3) === 0 ? runs.map((x, j) => x + (run[j] as number)) : run).map((x) => x + wrong);
          label = `${words[next(words.length)] as string} ${rows.length}`;
          runs = runs.map((x, j) => x + (run[j] as number));
          run = new Array<number>(width).fill(0);
        } else if (kind === 10) {
          cells = Array.from({ length: width }, () => next(7) - 3);
          label = next(2) === 0 ? '- varav bidrag' : 'ÖVRIGT';
        } else {
          rows.push([next(2) === 0 ? 'Jämförelsestörande poster:' : 'Verksamhet']);
          continue;
        }
        rows.push([label, ...cells.map((x) => (next(9) === 0 ? '' : String(x)))]);
      }
      const raw: PublishedTable = {
        file: 't.csv',
        title: 'T',
        line: 1,
        header,
        rows: rows.map((cells, k) => ({ line: k + 2, cells, numbers: cells.map(publishedNumber) })),
      };
      const plain = structure(raw, opts, 0);
      for (const block of [2, 3, 5]) expect(structure(raw, opts, block), `block ${block}, table ${n}`).toEqual(plain);
    }
  });
});

describe('a hierarchical Driftredovisning of 150 000 code rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-scale-'));

  it('passes with every total and every deviation checked', async () => {
    const { lines, checks } = hierarchy(150_000);
    const file = join(dir, 'drift.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await cli(['verify', file, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, stats: { checks, errors: 0 } });
  }, 120_000);

  it('with one Utfall changed by 7 tkr: one error, at that cell', async () => {
    const { lines, checks, line } = hierarchy(150_000, { row: 123_456, by: 7 });
    const file = join(dir, 'drift-fel.md');
    writeFileSync(file, asMarkdown(lines));
    const run = await cli(['verify', file, '--format', 'json']);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { stats: { checks: number }; errors: { row: number; label: string; column: string }[] };
    expect(doc.stats.checks).toBe(checks);
    // The Markdown table's lines are the CSV's, after a heading and a blank line, and one more under the header.
    // The totals above the row's subtotal inherit its difference (they were summed from the published
    // subtotal): no second error there.
    expect(doc.errors.map((e) => [e.row, e.label, e.column])).toEqual([[(line as number) + 2, '128556 Verksamhet 123456', 'Utfall']]);
  }, 120_000);
});

describe('the work grows linearly with the rows', () => {
  const work = (rows: number, block?: number): number => {
    const raw = tablesFromRecords('t.md', markdownRecords('t.md', asMarkdown(hierarchy(rows).lines)));
    const before = toleranceCalls();
    if (block === undefined) expect(verifyTables(raw, opts, labels).errors).toEqual([]);
    else structure(raw[0] as PublishedTable, opts, block);
    return toleranceCalls() - before;
  };

  it('twice the rows of a hierarchy with subtotals is about twice the work (adding up every run: about four times)', () => {
    // (The search passes over far runs a block at a time: its work per total grows with the logarithm of the rows.)
    const small = work(20_000);
    const large = work(40_000);
    expect(large / small).toBeLessThan(2.3);
    // The measure sees quadratic work: the plain search, which adds up every run, does it.
    expect(work(20_000, 0) / work(10_000, 0)).toBeGreaterThan(3);
  }, 120_000);
});
