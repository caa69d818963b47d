#!/usr/bin/env node
// `npm run bench`: generates deterministic Swedish-dialect ledgers
// (`Period;Ansvar;Verksamhet;Konto;Belopp`, decimal comma) of the given sizes in the system
// temp directory (never committed), runs the real CLI on each as a separate process, checks
// that its exact totals equal the generator's own bigint sums, and prints wall time, rows/s,
// MB/s and peak RSS (median of BENCH_RUNS runs, default 5). If @duckdb/node-api is installed
// (`npm install --no-save @duckdb/node-api`), it runs the same exact aggregation in DuckDB
// with one and two threads and prints the ratios.
// A SIE case (`--sie ROWS`): a SIE type 4 file of ROWS #TRANS lines on {1 "ansvar" 20
// "verksamhet"} (one #VER per three rows, with its bank row), read as utfall the same way.
// Usage: npm run bench [-- ROWS...] [-- --sie ROWS]   (default 1000000 and 10000000, and SIE 1000000;
// given only --sie sizes, only SIE is run)
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const sieSizes = argv.flatMap((a, i) => (argv[i - 1] === '--sie' && Number(a) > 0 ? [Number(a)] : []));
const sizes = argv.filter((a, i) => argv[i - 1] !== '--sie' && Number(a) > 0).map(Number);
if (sizes.length === 0 && sieSizes.length === 0) {
  sizes.push(1_000_000, 10_000_000);
  sieSizes.push(1_000_000);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = join(tmpdir(), 'avvikelse-bench');
mkdirSync(dir, { recursive: true });

const CODES = [
  '100',
  '5101',
  '5102',
  '5103',
  '5104',
  '5105',
  '5106',
  '5107',
  '5108',
  '5131',
  '5132',
  '5133',
  '5134',
  '5590',
  '5691',
  '5692',
  '5711',
  '5751',
  '6000',
  '9201',
  '9202',
];
const ANSVAR = ['4110', '4120', '4130', '4140', '4150'];
const KONTON = ['3110', '3510', '4610', '5011', '5061', '5410', '6110', '7010'];

/** Öre as the ledger writes them: decimal comma, no grouping (the measured DuckDB file's form). */
function kronor(ore) {
  const neg = ore < 0n;
  const s = (neg ? -ore : ore).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)},${s.slice(-2)}`;
}

async function generate(rows) {
  const path = join(dir, `utfall-v2-${rows}.csv`);
  const budgetPath = join(dir, `budget-${rows}.csv`);
  const totalsPath = `${path}.totals.json`;
  if (existsSync(path) && existsSync(totalsPath))
    return { path, budgetPath, totals: JSON.parse((await import('node:fs')).readFileSync(totalsPath, 'utf8')) };
  let seed = 12345 + rows;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  const totals = Object.fromEntries(CODES.map((c) => [c, 0n]));
  const out = createWriteStream(path);
  out.write('Period;Ansvar;Verksamhet;Konto;Belopp\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const code = CODES[next() % CODES.length];
    const konto = KONTON[next() % KONTON.length];
    let ore = BigInt(next() % 50_000_000);
    if (konto.startsWith('3')) ore = -ore;
    totals[code] += ore;
    buf += `2024${String((i % 12) + 1).padStart(2, '0')};${ANSVAR[next() % ANSVAR.length]};${code};${konto};${kronor(ore)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  writeFileSync(budgetPath, `Verksamhet;Budget\n${CODES.map((c) => `${c};1 000 000,00`).join('\n')}\n`);
  const asStrings = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.toString()]));
  writeFileSync(totalsPath, JSON.stringify(asStrings));
  return { path, budgetPath, totals: asStrings };
}

/** Öre as SIE writes amounts: decimal point, two decimals. */
function sieKronor(ore) {
  return kronor(ore).replace(',', '.');
}

/** A SIE type 4 file of `rows` #TRANS lines (and a bank row per #VER of three), with the generator's sums per verksamhet. */
async function generateSie(rows) {
  const path = join(dir, `utfall-${rows}.se`);
  const budgetPath = join(dir, `budget-sie-${rows}.csv`);
  const totalsPath = `${path}.totals.json`;
  if (existsSync(path) && existsSync(totalsPath))
    return { path, budgetPath, totals: JSON.parse((await import('node:fs')).readFileSync(totalsPath, 'utf8')) };
  let seed = 54321 + rows;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  const totals = Object.fromEntries(CODES.map((c) => [c, 0n]));
  const out = createWriteStream(path);
  let buf = [
    '#FLAGGA 0',
    '#PROGRAM "avvikelse bench" 1',
    '#FORMAT PC8',
    '#SIETYP 4',
    '#RAR 0 20240101 20241231',
    '#DIM 1 "Ansvar"',
    '#DIM 20 "Verksamhet"',
    ...KONTON.map((k) => `#KONTO ${k} "Konto ${k}"`),
    '',
  ].join('\n');
  let ver = 0n;
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    if (i % 3 === 0) buf += `#VER A ${i / 3 + 1} 2024${month}15 "Verifikation"\n{\n`;
    const code = CODES[next() % CODES.length];
    const konto = KONTON[next() % KONTON.length];
    let ore = BigInt(next() % 50_000_000);
    if (konto.startsWith('3')) ore = -ore;
    totals[code] += ore;
    ver += ore;
    buf += `#TRANS ${konto} {1 "${ANSVAR[next() % ANSVAR.length]}" 20 "${code}"} ${sieKronor(ore)} 2024${month}15 "Rad ${i}"\n`;
    if (i % 3 === 2 || i === rows - 1) {
      buf += `#TRANS 1930 {} ${sieKronor(-ver)}\n}\n`;
      ver = 0n;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  writeFileSync(budgetPath, `Verksamhet;Budget\n${CODES.map((c) => `${c};1 000 000,00`).join('\n')}\n`);
  const asStrings = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.toString()]));
  writeFileSync(totalsPath, JSON.stringify(asStrings));
  return { path, budgetPath, totals: asStrings };
}

function exactKr(ore) {
  const neg = ore.startsWith('-');
  const s = (neg ? ore.slice(1) : ore).padStart(3, '0');
  let v = `${s.slice(0, -2)}.${s.slice(-2)}`.replace(/\.?0+$/, '');
  if (v === '') v = '0';
  return neg && v !== '0' ? `-${v}` : v;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** DuckDB's time for the same exact aggregation (DECIMAL(18,2) sums per verksamhet), or null. */
async function duckdb(path, threads, totals) {
  let api;
  try {
    api = await import('@duckdb/node-api');
  } catch {
    return null;
  }
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const db = await api.DuckDBInstance.create(':memory:', { threads: String(threads) });
    const c = await db.connect();
    const t0 = process.hrtime.bigint();
    const r = await c.runAndReadAll(
      `SELECT Verksamhet, CAST(sum(Belopp) AS VARCHAR) FROM read_csv('${path}', delim=';', header=true, decimal_separator=',',
        columns={'Period':'VARCHAR','Ansvar':'VARCHAR','Verksamhet':'VARCHAR','Konto':'VARCHAR','Belopp':'DECIMAL(18,2)'}) GROUP BY Verksamhet`,
    );
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    for (const [code, sum] of r.getRows()) {
      if (
        exactKr(totals[code]) !==
        String(sum)
          .replace(/\.?0+$/, '')
          .replace(/^-?$/, '0')
      )
        throw new Error(`DuckDB total for ${code}: ${sum}`);
    }
    c.closeSync?.();
  }
  return median(times);
}

const results = [];
for (const [format, rows] of [...sizes.map((n) => ['csv', n]), ...sieSizes.map((n) => ['sie', n])]) {
  process.stderr.write(`generating ${rows} ${format === 'sie' ? '#TRANS' : ''} rows…\n`);
  const { path, budgetPath, totals } = format === 'sie' ? await generateSie(rows) : await generate(rows);
  const mb = statSync(path).size / 1e6;
  const times = [];
  const rss = [];
  for (let run = 0; run < RUNS; run++) {
    const args = [
      '--import',
      join(root, 'bench/rss.mjs'),
      join(root, 'bin/avvikelse.js'),
      'report',
      '--utfall',
      path,
      '--budget',
      budgetPath,
      '--level',
      '9',
      '--unit',
      'kr',
      '--exact',
      '--format',
      'json',
    ];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`avvikelse failed: ${r.stderr}`);
    const got = Object.fromEntries(JSON.parse(r.stdout).tables[0].rows.map((row) => [row.kod, row.utfall]));
    for (const [code, ore] of Object.entries(totals)) {
      if (got[code] !== exactKr(ore)) throw new Error(`total for ${code}: expected ${exactKr(ore)}, got ${got[code]}`);
    }
    times.push(seconds);
    rss.push(Number(/@@bench maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024);
  }
  const t = median(times);
  const d1 = format === 'sie' ? null : await duckdb(path, 1, totals);
  const d2 = d1 === null ? null : await duckdb(path, 2, totals);
  results.push({
    format,
    rows,
    mb: mb.toFixed(1),
    seconds: t.toFixed(2),
    rowsPerSecond: Math.round(rows / t),
    mbPerSecond: (mb / t).toFixed(1),
    peakRssMb: median(rss).toFixed(0),
    totals: 'exact ✓',
    duckdb1: format === 'sie' ? '' : d1 === null ? 'not installed' : d1.toFixed(2),
    duckdb2: d2 === null ? '' : d2.toFixed(2),
    ratio1: d1 === null ? '' : (t / d1).toFixed(2),
    ratio2: d2 === null ? '' : (t / d2).toFixed(2),
  });
}
console.log(
  `avvikelse report, whole process, median of ${RUNS} runs (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`,
);
console.table(results);
