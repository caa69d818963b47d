#!/usr/bin/env node
// Generates deterministic published tables for measuring `avvikelse verify` at scale (never
// committed: written where the caller says). Two shapes, each as CSV and as Markdown:
// - `drift`: a Driftredovisning (`Verksamhet;Utfall;Budget;Avvikelse`, tkr, space-grouped
//   thousands, Avvikelse = Budget − Utfall) of ROWS code rows and a Summa;
// - `hier`: the same columns as a hierarchy of codes 51 / 510 / 5101 with subtotals: ten
//   code rows (`5101 …`) close with `Summa 510`, ten of those with `Summa 51`, and a Summa
//   of every `Summa 51` ends the table (ROWS code rows, about 11 % more subtotal rows).
// Each file is correct: verify must pass it with 0 errors; `checks` is what verify counts.
// Usage: node bench/verify-tables.mjs DIR ROWS   (prints the files written and their checks as JSON)
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAMES = ['Hemtjänst', 'Förskola', 'Bygg och miljö', 'Äldreomsorg', 'Gymnasieskola', 'Individ- och familjeomsorg'];

/** Whole tkr with a space every three digits and a hyphen minus: `-1 234 567`. */
const tkr = (n) => `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`;

/** An LCG from `seed`: the only source of variation, so every file is reproducible. */
function lcg(seed) {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
}

/** Writes lines to a file in 1 MiB pieces. */
async function writeLines(path, lines) {
  const out = createWriteStream(path);
  let buf = '';
  for (const line of lines) {
    buf += `${line}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

/** The rows of a shape as cell arrays (title line and header first), generated lazily. */
function* rowsOf(shape, rows) {
  const next = lcg(4242 + rows + (shape === 'hier' ? 1 : 0));
  const row = (label) => {
    const budget = 100 + (next() % 90_000);
    const utfall = budget - 5_000 + (next() % 10_001);
    return [label, utfall, budget, budget - utfall];
  };
  const add = (into, r) => {
    into[0] += r[1];
    into[1] += r[2];
  };
  const total = (label, s) => [label, s[0], s[1], s[1] - s[0]];
  yield [shape === 'hier' ? 'Driftredovisning per verksamhet 2024, tkr' : 'Driftredovisning 2024, tkr'];
  yield ['Verksamhet', 'Utfall', 'Budget', 'Avvikelse'];
  const grand = [0, 0];
  if (shape === 'drift') {
    for (let i = 0; i < rows; i++) {
      const r = row(`${100000 + i} ${NAMES[i % NAMES.length]} ${i}`);
      add(grand, r);
      yield r;
    }
  } else {
    // Code rows 5101… under 510 under 51: ten to a subtotal, ten subtotals to a Summa 51.
    let i = 0;
    for (let top = 0; i < rows; top++) {
      const s51 = [0, 0];
      for (let mid = 0; mid < 10 && i < rows; mid++) {
        const s510 = [0, 0];
        const code510 = `${51 + top}${mid}`;
        for (let k = 0; k < 10 && i < rows; k++, i++) {
          const r = row(`${code510}${k} ${NAMES[i % NAMES.length]}`);
          add(s510, r);
          yield r;
        }
        add(s51, [null, ...s510]);
        yield total(`Summa ${code510}`, s510);
      }
      add(grand, [null, ...s51]);
      yield total(`Summa ${51 + top}`, s51);
    }
  }
  yield total('Summa', grand);
}

/** How many checks verify makes on a correct table of the shape: every total cell, and the deviation of every row. */
function checksOf(shape, rows) {
  if (shape === 'drift') return 3 + rows + 1;
  const s510 = Math.ceil(rows / 10);
  const s51 = Math.ceil(rows / 100);
  return 3 * (s510 + s51 + 1) + rows + s510 + s51 + 1;
}

/** Writes the shape as CSV (`;`) and as a Markdown pipe table; returns the files. */
export async function generateVerifyTables(dir, rows) {
  const out = [];
  for (const shape of ['drift', 'hier']) {
    const csv = join(dir, `verify-${shape}-${rows}.csv`);
    const md = join(dir, `verify-${shape}-${rows}.md`);
    await writeLines(
      csv,
      (function* () {
        for (const r of rowsOf(shape, rows)) yield r.map((c) => (typeof c === 'number' ? tkr(c) : c)).join(';');
      })(),
    );
    await writeLines(
      md,
      (function* () {
        let n = 0;
        for (const r of rowsOf(shape, rows)) {
          if (n++ === 0) {
            yield `## ${r[0]}`;
            yield '';
            continue;
          }
          yield `| ${r.map((c) => (typeof c === 'number' ? tkr(c) : c)).join(' | ')} |`;
          if (n === 2) yield '|:--|--:|--:|--:|';
        }
      })(),
    );
    out.push({ shape, format: 'csv', file: csv, checks: checksOf(shape, rows) });
    out.push({ shape, format: 'markdown', file: md, checks: checksOf(shape, rows) });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, rows] = process.argv.slice(2);
  if (!dir || !(Number(rows) > 0)) {
    console.error('usage: node bench/verify-tables.mjs DIR ROWS');
    process.exit(2);
  }
  console.log(JSON.stringify(await generateVerifyTables(dir, Number(rows)), null, 2));
}
