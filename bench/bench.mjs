#!/usr/bin/env node
// `npm run bench`: generates deterministic Swedish-dialect ledgers
// (`Period;Ansvar;Verksamhet;Konto;Belopp`, decimal comma) of the given sizes in the system
// temp directory (never committed), runs the real CLI on each as a separate process, checks
// that its exact totals equal the generator's own bigint sums, and prints wall time, rows/s,
// MB/s and peak RSS (median of BENCH_RUNS runs, default 5). With @duckdb/node-api (a development
// dependency; skipped when its binaries are missing), it runs the same exact aggregation in DuckDB
// with one and two threads and prints the ratios.
// Every report path (`--paths ROWS`, default 1000000 in a plain `npm run bench`): the plain
// report; a Windows-1252 file with NBSP-grouped amounts; `--where konto=4*`; `--by ansvar`;
// `--analys`; a ledger with a name column; a file with one amount column per month;
// `--period 2024-06` with the budget periodised; the same rows as a SIE type 4 file and as an
// .xlsx workbook (up to a sheet's 1 048 575 rows); each as time, rows/s, peak memory and ratio
// to the plain report, each checked against the generator's exact sums. `--rows N` is the same
// as `--paths N` (small N to try a change: `npm run bench -- --rows 20000`).
// A SIE case (`--sie ROWS`): a SIE type 4 file of ROWS #TRANS lines on {1 "ansvar" 20
// "verksamhet"} (one #VER per three rows, with its bank row), read as utfall the same way.
// A verify case (`--verify ROWS`): `avvikelse verify` on published tables of ROWS code rows
// (bench/verify-tables.mjs: a Driftredovisning with a Summa, and a hierarchy 51/510/5101 with
// subtotals, each as CSV and as Markdown), each checked to pass with the checks it must make.
// Usage: npm run bench [-- ROWS...] [-- --sie ROWS] [-- --paths|--rows ROWS] [-- --verify ROWS] [-- --startup N]
// (default 1000000 and 10000000, SIE, paths and verify 1000000; given only --sie, --paths,
// --verify or --startup, only those run).
// The files go to avvikelse-bench/ in the system temp directory (TMPDIR), and are reused.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateVerifyTables } from './verify-tables.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const FLAGS = ['--sie', '--paths', '--rows', '--startup', '--verify'];
// `--startup N`: start-up, best of N runs (below).
const startupRuns = argv.flatMap((a, i) => (argv[i - 1] === '--startup' && Number(a) > 0 ? [Number(a)] : []));
const sieSizes = argv.flatMap((a, i) => (argv[i - 1] === '--sie' && Number(a) > 0 ? [Number(a)] : []));
// `--rows N` is `--paths N`: every report path at N rows (small N for trying a change).
const pathSizes = argv.flatMap((a, i) => (['--paths', '--rows'].includes(argv[i - 1]) && Number(a) > 0 ? [Number(a)] : []));
const verifySizes = argv.flatMap((a, i) => (argv[i - 1] === '--verify' && Number(a) > 0 ? [Number(a)] : []));
const sizes = argv.filter((a, i) => !FLAGS.includes(argv[i - 1]) && Number(a) > 0).map(Number);
if (sizes.length === 0 && sieSizes.length === 0 && pathSizes.length === 0 && verifySizes.length === 0 && startupRuns.length === 0) {
  sizes.push(1_000_000, 10_000_000);
  sieSizes.push(1_000_000);
  pathSizes.push(1_000_000);
  verifySizes.push(1_000_000);
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

/** An LCG from `seed`: the generators' only source of variation, so every file is reproducible. */
function lcg(seed) {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
}

/** The generated ledger cached with its sums, or null when it is not there yet. */
async function cached(path, budgetPath, totalsPath) {
  if (!(existsSync(path) && existsSync(totalsPath))) return null;
  return { path, budgetPath, totals: JSON.parse((await import('node:fs')).readFileSync(totalsPath, 'utf8')) };
}

/** Writes the budget of every code and the generator's sums beside a generated ledger. */
function writeBudgetAndTotals(path, budgetPath, totalsPath, totals) {
  writeFileSync(budgetPath, `Verksamhet;Budget\n${CODES.map((c) => `${c};1 000 000,00`).join('\n')}\n`);
  const asStrings = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.toString()]));
  writeFileSync(totalsPath, JSON.stringify(asStrings));
  return { path, budgetPath, totals: asStrings };
}

async function generate(rows) {
  const path = join(dir, `utfall-v2-${rows}.csv`);
  const budgetPath = join(dir, `budget-${rows}.csv`);
  const totalsPath = `${path}.totals.json`;
  const done = await cached(path, budgetPath, totalsPath);
  if (done) return done;
  const next = lcg(12345 + rows);
  const totals = Object.fromEntries(CODES.map((c) => [c, 0n]));
  await writeLines(path, 'Period;Ansvar;Verksamhet;Konto;Belopp', rows, (i) => {
    const code = CODES[next() % CODES.length];
    const konto = KONTON[next() % KONTON.length];
    let ore = BigInt(next() % 50_000_000);
    if (konto.startsWith('3')) ore = -ore;
    totals[code] += ore;
    return `2024${String((i % 12) + 1).padStart(2, '0')};${ANSVAR[next() % ANSVAR.length]};${code};${konto};${kronor(ore)}`;
  });
  return writeBudgetAndTotals(path, budgetPath, totalsPath, totals);
}

/** Öre as SIE writes amounts: decimal point, two decimals. */
function sieKronor(ore) {
  return kronor(ore).replace(',', '.');
}

/** The head of a generated SIE type 4 file: the fiscal year 2024, dimensions 1 and 20, the konton. */
const SIE_HEADER = [
  '#FLAGGA 0',
  '#PROGRAM "avvikelse bench" 1',
  '#FORMAT PC8',
  '#SIETYP 4',
  '#RAR 0 20240101 20241231',
  '#DIM 1 "Ansvar"',
  '#DIM 20 "Verksamhet"',
  ...KONTON.map((k) => `#KONTO ${k} "Konto ${k}"`),
].join('\n');

/** A SIE type 4 file of `rows` #TRANS lines (and a bank row per #VER of three), with the generator's sums per verksamhet. */
async function generateSie(rows) {
  const path = join(dir, `utfall-${rows}.se`);
  const budgetPath = join(dir, `budget-sie-${rows}.csv`);
  const totalsPath = `${path}.totals.json`;
  const done = await cached(path, budgetPath, totalsPath);
  if (done) return done;
  const next = lcg(54321 + rows);
  const totals = Object.fromEntries(CODES.map((c) => [c, 0n]));
  let ver = 0n;
  await writeLines(path, SIE_HEADER, rows, (i) => {
    const month = String((i % 12) + 1).padStart(2, '0');
    let lines = i % 3 === 0 ? `#VER A ${i / 3 + 1} 2024${month}15 "Verifikation"\n{\n` : '';
    const code = CODES[next() % CODES.length];
    const konto = KONTON[next() % KONTON.length];
    let ore = BigInt(next() % 50_000_000);
    if (konto.startsWith('3')) ore = -ore;
    totals[code] += ore;
    ver += ore;
    lines += `#TRANS ${konto} {1 "${ANSVAR[next() % ANSVAR.length]}" 20 "${code}"} ${sieKronor(ore)} 2024${month}15 "Rad ${i}"`;
    if (i % 3 === 2 || i === rows - 1) {
      lines += `\n#TRANS 1930 {} ${sieKronor(-ver)}\n}`;
      ver = 0n;
    }
    return lines;
  });
  return writeBudgetAndTotals(path, budgetPath, totalsPath, totals);
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
/** The report the bench times: every code at its own level, in exact kr, as JSON (checked against the generator). */
const exactReport = (utfall, budget) => [
  'report',
  '--utfall',
  utfall,
  '--budget',
  budget,
  '--level',
  '9',
  '--unit',
  'kr',
  '--exact',
  '--format',
  'json',
];

for (const [format, rows] of [...sizes.map((n) => ['csv', n]), ...sieSizes.map((n) => ['sie', n])]) {
  process.stderr.write(`generating ${rows} ${format === 'sie' ? '#TRANS' : ''} rows…\n`);
  const { path, budgetPath, totals } = format === 'sie' ? await generateSie(rows) : await generate(rows);
  const mb = statSync(path).size / 1e6;
  const times = [];
  const rss = [];
  for (let run = 0; run < RUNS; run++) {
    const args = ['--import', join(root, 'bench/rss.mjs'), join(root, 'bin/avvikelse.js'), ...exactReport(path, budgetPath)];
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
if (results.length > 0)
  console.log(
    `avvikelse report, whole process, median of ${RUNS} runs (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`,
  );
if (results.length > 0) console.table(results);

// ---- Every report path ------------------------------------------------------------------

const NAMES = ['Hemtjänst', 'Förskola', 'Bygg och miljö', 'Äldreomsorg', 'Gymnasieskola', 'Individ- och familjeomsorg'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Maj', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dec'];

/** Öre with a grouping separator every three digits (`-1 234 567,89`, `sep` = NBSP). */
function grouped(ore, sep) {
  const neg = ore < 0n;
  const s = (neg ? -ore : ore).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, sep)},${s.slice(-2)}`;
}

/** Writes lines to a file in 1 MiB pieces (Windows-1252 when `latin1`: the text is then Latin-1 only). */
async function writeLines(path, header, rows, lineOf, latin1 = false) {
  const out = createWriteStream(path);
  let buf = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    buf += `${lineOf(i)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(latin1 ? Buffer.from(buf, 'latin1') : buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(latin1 ? Buffer.from(buf, 'latin1') : buf);
  await new Promise((r) => out.end(r));
}

/** The most data rows a worksheet holds (1 048 576 rows, one of them the header). */
const XLSX_MAX_ROWS = 1_048_575;

/**
 * An .xlsx workbook of one sheet, `Period;Ansvar;Verksamhet;Konto;Belopp`, as Excel writes
 * one: its used range stated (`<dimension>`), text cells as shared strings, the period and the
 * amount as number cells (the amount with a decimal point, the shortest form). Streamed
 * through fflate's Zip, so memory stays small; `cellsOf(i)` gives row i's five values (a
 * number, a string, or `{ number: text }` for a number cell of that exact text).
 */
async function writeXlsx(path, rows, cellsOf) {
  const { Zip, ZipDeflate, strToU8 } = await import('fflate');
  const out = createWriteStream(path);
  let pending = Promise.resolve();
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    if (!out.write(chunk)) pending = new Promise((r) => out.once('drain', r));
  });
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const put = (name, text) => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  put(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  put(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Huvudbok" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const strings = new Map();
  const cell = (ref, value) => {
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    if (typeof value === 'object') return `<c r="${ref}"><v>${value.number}</v></c>`; // a number cell with its exact text
    let n = strings.get(value);
    if (n === undefined) strings.set(value, (n = strings.size));
    return `<c r="${ref}" t="s"><v>${n}</v></c>`;
  };
  const row = (r, values) => `<row r="${r}">${values.map((v, c) => cell(`${'ABCDE'[c]}${r}`, v)).join('')}</row>`;
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  let buf = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:E${rows + 1}"/><sheetData>${row(1, ['Period', 'Ansvar', 'Verksamhet', 'Konto', 'Belopp'])}`;
  for (let i = 0; i < rows; i++) {
    buf += row(i + 2, cellsOf(i));
    if (buf.length > 1 << 20) {
      sheet.push(strToU8(buf));
      buf = '';
      await pending;
    }
  }
  sheet.push(strToU8(`${buf}</sheetData></worksheet>`), true);
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  put(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((t) => `<si><t>${escape(t)}</t></si>`).join('')}</sst>`,
  );
  zip.end();
  await pending;
  await new Promise((r) => out.end(r));
}

/**
 * The ledger of `rows` rows as the generator's records (high bits of an LCG, so that code,
 * ansvar and konto are independent), and the files of every path written from them.
 */
async function generatePaths(rows) {
  const base = join(dir, `paths-${rows}`);
  const files = {
    plain: `${base}-plain.csv`,
    cp1252: `${base}-cp1252.csv`,
    names: `${base}-names.csv`,
    months: `${base}-months.csv`,
    sie: `${base}.se`,
    budget: `${base}-budget.csv`,
    sums: `${base}-sums.json`,
  };
  if (rows <= XLSX_MAX_ROWS) files.xlsx = `${base}.xlsx`;
  if (Object.values(files).every((f) => existsSync(f)))
    return { files, sums: JSON.parse((await import('node:fs')).readFileSync(files.sums, 'utf8')) };
  delete files.xlsx;
  let seed = 777 + rows;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
  const recs = { code: new Uint8Array(rows), ansvar: new Uint8Array(rows), konto: new Uint8Array(rows), ore: new Float64Array(rows) };
  // Exact sums per code, ansvar, konto and month (bigint), from which every case's expectation follows.
  const sums = {};
  for (let i = 0; i < rows; i++) {
    const c = next() % CODES.length;
    const a = next() % ANSVAR.length;
    const k = next() % KONTON.length;
    let ore = next() % 500_000_000;
    if (KONTON[k].startsWith('3')) ore = -ore;
    recs.code[i] = c;
    recs.ansvar[i] = a;
    recs.konto[i] = k;
    recs.ore[i] = ore;
    const key = `${CODES[c]}|${ANSVAR[a]}|${KONTON[k]}|${(i % 12) + 1}`;
    sums[key] = ((sums[key] === undefined ? 0n : BigInt(sums[key])) + BigInt(ore)).toString();
  }
  const period = (i) => `2024${String((i % 12) + 1).padStart(2, '0')}`;
  const fields = (i) => [CODES[recs.code[i]], ANSVAR[recs.ansvar[i]], KONTON[recs.konto[i]], BigInt(recs.ore[i])];
  await writeLines(files.plain, 'Period;Ansvar;Verksamhet;Konto;Belopp', rows, (i) => {
    const [c, a, k, o] = fields(i);
    return `${period(i)};${a};${c};${k};${kronor(o)}`;
  });
  await writeLines(
    files.cp1252,
    'Period;Ansvar;Verksamhet;Konto;Belopp',
    rows,
    (i) => {
      const [c, a, k, o] = fields(i);
      return `${period(i)};${a};${c};${k};${grouped(o, '\u00a0')}`;
    },
    true,
  );
  await writeLines(files.names, 'Period;Ansvar;Verksamhet;Verksamhetsnamn;Konto;Belopp', rows, (i) => {
    const [c, a, k, o] = fields(i);
    return `${period(i)};${a};${c};${NAMES[recs.code[i] % NAMES.length]} ${c};${k};${kronor(o)}`;
  });
  // One amount column per month: the same amounts, twelve rows to a line.
  await writeLines(files.months, `Ansvar;Verksamhet;Konto;${MONTHS.join(';')}`, Math.floor(rows / 12), (j) => {
    const cells = [];
    for (let m = 0; m < 12; m++) cells.push(kronor(BigInt(recs.ore[j * 12 + m])));
    const [c, a, k] = fields(j * 12);
    return `${a};${c};${k};${cells.join(';')}`;
  });
  // SIE type 4: the same rows as #TRANS on {1 "ansvar" 20 "verksamhet"}, a #VER per three
  // rows with its bank row (konto 1930, a balance account the report leaves out).
  let ver = 0n;
  await writeLines(files.sie, SIE_HEADER, rows, (i) => {
    const [c, a, k, o] = fields(i);
    const date = `${period(i)}15`;
    let lines = i % 3 === 0 ? `#VER A ${i / 3 + 1} ${date} "Verifikation"\n{\n` : '';
    lines += `#TRANS ${k} {1 "${a}" 20 "${c}"} ${sieKronor(o)} ${date} "Rad ${i}"`;
    ver += o;
    if (i % 3 === 2 || i === rows - 1) {
      lines += `\n#TRANS 1930 {} ${sieKronor(-ver)}\n}`;
      ver = 0n;
    }
    return lines;
  });
  if (rows <= XLSX_MAX_ROWS) {
    files.xlsx = `${base}.xlsx`;
    await writeXlsx(files.xlsx, rows, (i) => {
      const [c, a, k, o] = fields(i);
      return [Number(period(i)), a, c, k, { number: kronor(o).replace(',', '.') }];
    });
  }
  writeFileSync(
    files.budget,
    `Ansvar;Verksamhet;Konto;Budget\n${CODES.flatMap((c) => ['3110', '4610', '5011'].map((k) => `4110;${c};${k};1 000 000,00`)).join('\n')}\n`,
  );
  // The wide file's sums differ (a line takes the code, ansvar and konto of its first row).
  const wide = {};
  for (let j = 0; j < Math.floor(rows / 12); j++) {
    const c = CODES[recs.code[j * 12]];
    for (let m = 0; m < 12; m++) wide[c] = ((wide[c] === undefined ? 0n : BigInt(wide[c])) + BigInt(recs.ore[j * 12 + m])).toString();
  }
  writeFileSync(files.sums, JSON.stringify({ sums, wide }));
  return { files, sums: { sums, wide } };
}

/** Sums the generator's records per some key, over the records `keep` accepts. */
function sumBy(sums, keyOf, keep = () => true) {
  const out = {};
  for (const [key, ore] of Object.entries(sums)) {
    const [code, ansvar, konto, month] = key.split('|');
    const r = { code, ansvar, konto, month: Number(month) };
    if (!keep(r)) continue;
    const k = keyOf(r);
    out[k] = (out[k] ?? 0n) + BigInt(ore);
  }
  return out;
}

const neg = (ore) => (ore === undefined ? undefined : -ore);

async function benchPaths(rows) {
  process.stderr.write(`generating the ledgers of every path, ${rows} rows…\n`);
  const { files, sums: all } = await generatePaths(rows);
  const sums = all.sums;
  const perCode = sumBy(sums, (r) => r.code);
  const cases = [
    { name: 'plain', file: files.plain, args: [], expect: { utfall: perCode } },
    { name: 'cp1252, NBSP-grouped amounts', file: files.cp1252, args: [], expect: { utfall: perCode } },
    {
      name: '--where konto=4*',
      file: files.plain,
      args: ['--where', 'konto=4*'],
      expect: {
        utfall: sumBy(
          sums,
          (r) => r.code,
          (r) => r.konto.startsWith('4'),
        ),
      },
    },
    { name: '--by ansvar', file: files.plain, args: ['--by', 'ansvar'], expect: { utfall: sumBy(sums, (r) => r.ansvar) } },
    {
      name: '--analys (konto detail)',
      file: files.plain,
      args: ['--analys'],
      // The analysis is in the resultat perspective: revenue positive, costs negative.
      expect: {
        intakt_utfall: Object.fromEntries(
          Object.entries(
            sumBy(
              sums,
              (r) => r.code,
              (r) => r.konto.startsWith('3'),
            ),
          ).map(([k, v]) => [k, neg(v)]),
        ),
        kostnad_utfall: Object.fromEntries(
          Object.entries(
            sumBy(
              sums,
              (r) => r.code,
              (r) => !r.konto.startsWith('3'),
            ),
          ).map(([k, v]) => [k, neg(v)]),
        ),
      },
    },
    { name: 'name column (Verksamhetsnamn)', file: files.names, args: [], expect: { utfall: perCode }, names: true },
    {
      name: 'month columns (12 per line)',
      file: files.months,
      args: [],
      expect: { utfall: Object.fromEntries(Object.entries(all.wide).map(([k, v]) => [k, BigInt(v)])) },
    },
    { name: 'SIE type 4 (#TRANS, a #VER per 3 rows)', file: files.sie, args: [], expect: { utfall: perCode } },
    ...(files.xlsx === undefined
      ? []
      : [{ name: '.xlsx (shared strings, number cells)', file: files.xlsx, args: [], expect: { utfall: perCode } }]),
    {
      name: '--period 2024-06, budget periodised',
      file: files.plain,
      args: ['--period', '2024-06'],
      expect: {
        utfall_ack: sumBy(
          sums,
          (r) => r.code,
          (r) => r.month <= 6,
        ),
      },
    },
  ];
  cases.push(...(await shapeCases(files.plain, perCode)));
  const results = [];
  let plain = null;
  let plainCpu = null;
  for (const c of cases) {
    const times = [];
    const rss = [];
    const cpu = [];
    for (let run = 0; run < RUNS; run++) {
      const args = [
        '--import',
        join(root, 'bench/rss.mjs'),
        join(root, 'bin/avvikelse.js'),
        ...exactReport(c.file, files.budget),
        ...c.args,
      ];
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env: { ...process.env, AVVIKELSE_DEBUG: 'reader' },
      });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (r.status !== 0) throw new Error(`${c.name}: avvikelse failed: ${r.stderr}`);
      const table = JSON.parse(r.stdout).tables[0];
      for (const [column, expected] of Object.entries(c.expect)) {
        const got = Object.fromEntries(table.rows.map((row) => [row.kod, row[column]]));
        for (const [code, ore] of Object.entries(expected)) {
          if (got[code] !== exactKr(ore.toString()))
            throw new Error(`${c.name}: ${column} for ${code}: expected ${exactKr(ore.toString())}, got ${got[code]}`);
        }
      }
      if (c.names) {
        for (const row of table.rows) {
          const want = `${NAMES[CODES.indexOf(row.kod) % NAMES.length]} ${row.kod}`;
          if (CODES.includes(row.kod) && row.namn !== want) throw new Error(`${c.name}: name of ${row.kod}: ${row.namn}`);
        }
      }
      c.reader = /: (fast-2-threads|fast|csv-parse|sie-fast|sie|xlsx)$/m.exec(r.stderr)?.[1] ?? '?';
      times.push(seconds);
      cpu.push(Number(/@@bench .*cpu_us=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6);
      rss.push(Number(/@@bench maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024);
    }
    const t = median(times);
    const u = median(cpu);
    plain ??= t;
    plainCpu ??= u;
    results.push({
      path: c.name,
      reader: c.reader,
      seconds: t.toFixed(2),
      rowsPerSecond: Math.round(rows / t),
      cpuSeconds: u.toFixed(2),
      peakRssMb: median(rss).toFixed(0),
      vsPlain: `${(t / plain).toFixed(2)}×`,
      cpuVsPlain: `${(u / plainCpu).toFixed(2)}×`,
      totals: 'exact ✓',
    });
  }
  console.log(
    `every report path, ${rows} rows, whole process, median of ${RUNS} runs (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`,
  );
  console.table(results);
}

for (const rows of pathSizes) await benchPaths(rows);

// ---- Other ledger shapes: debit/credit columns, År + Månad (issue 16) -------------------------

/**
 * The plain ledger rewritten line by line into the shapes of other exports, with the same
 * amounts (so the same sums per code): `Debet;Kredit` (a positive amount as debet, a negative
 * one as kredit), and the period as two columns `År;Månad` (`2024;1`). Month columns are the
 * `month columns` case above.
 */
async function shapeCases(plainFile, perCode) {
  const debitCredit = plainFile.replace(/-plain\.csv$/, '-debet-kredit.csv');
  const yearMonth = plainFile.replace(/-plain\.csv$/, '-ar-manad.csv');
  if (!existsSync(debitCredit) || !existsSync(yearMonth)) {
    const { createReadStream } = await import('node:fs');
    const { createInterface } = await import('node:readline');
    const dc = createWriteStream(debitCredit);
    const ym = createWriteStream(yearMonth);
    let dcBuf = 'Period;Ansvar;Verksamhet;Konto;Debet;Kredit\n';
    let ymBuf = 'År;Månad;Ansvar;Verksamhet;Konto;Belopp\n';
    let header = true;
    for await (const line of createInterface({ input: createReadStream(plainFile), crlfDelay: Infinity })) {
      if (header) {
        header = false;
        continue;
      }
      const [period, ansvar, code, konto, amount] = line.split(';');
      const credit = amount.startsWith('-');
      dcBuf += `${period};${ansvar};${code};${konto};${credit ? '' : amount};${credit ? amount.slice(1) : ''}\n`;
      ymBuf += `${period.slice(0, 4)};${Number(period.slice(4))};${ansvar};${code};${konto};${amount}\n`;
      if (dcBuf.length > 1 << 20) {
        if (!dc.write(dcBuf)) await new Promise((r) => dc.once('drain', r));
        if (!ym.write(ymBuf)) await new Promise((r) => ym.once('drain', r));
        dcBuf = '';
        ymBuf = '';
      }
    }
    dc.write(dcBuf);
    ym.write(ymBuf);
    await Promise.all([new Promise((r) => dc.end(r)), new Promise((r) => ym.end(r))]);
  }
  return [
    { name: 'debit/credit columns', file: debitCredit, args: [], expect: { utfall: perCode } },
    { name: 'År + Månad columns', file: yearMonth, args: [], expect: { utfall: perCode } },
  ];
}

// ---- Start-up ----------------------------------------------------------------------------

/**
 * `--startup N`: Node alone (`node -e 0`), `avvikelse --version`, `--help`, a report of the
 * shipped fixtures and a plain report of the 1M-row ledger (on one thread, and on two:
 * AVVIKELSE_PARALLEL_MIN_BYTES=0), each as a separate process, best and median of N runs
 * (wall time, and CPU time of the process, which a shared machine disturbs less). The cases
 * alternate run by run, so a spell of load on the machine falls on all of them alike. Each
 * case also runs once with a module hook that counts the files of the program it loads
 * (dist/bin/ and bin/) and their size.
 */
async function benchStartup(runs) {
  const ledger = await generate(1_000_000);
  const bin = join(root, 'bin/avvikelse.js');
  const fixtures = ['report', '--utfall', join(root, 'fixtures/utfall-2024.csv'), '--budget', join(root, 'fixtures/budget-2024.csv')];
  const plain = [bin, ...exactReport(ledger.path, ledger.budgetPath)];
  const cases = [
    { name: 'node -e 0 (Node alone)', args: ['-e', '0'] },
    { name: 'avvikelse --version', args: [bin, '--version'] },
    { name: 'avvikelse --help', args: [bin, '--help'] },
    { name: 'report of fixtures/ (Windows-1252)', args: [bin, ...fixtures] },
    { name: 'report, 1M rows (plain), one thread', args: plain, env: { AVVIKELSE_THREADS: '1' } },
    { name: 'report, 1M rows (plain), two threads', args: plain, env: { AVVIKELSE_PARALLEL_MIN_BYTES: '0' } },
  ];
  // The module hook: prints the URL of each file of the program as Node loads it.
  const hookDir = join(dir, 'startup-hooks');
  mkdirSync(hookDir, { recursive: true });
  writeFileSync(
    join(hookDir, 'hooks.mjs'),
    `export async function load(url, context, next) {
      if (url.startsWith(${JSON.stringify(pathToFileURL(root).href)})) process.stderr.write('@@load ' + url + '\\n');
      return next(url, context);
    }\n`,
  );
  writeFileSync(join(hookDir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  const loads = cases.map((c) => {
    if (c.args[0] !== bin) return { files: 0, kB: 0 };
    const r = spawnSync(process.execPath, ['--import', join(hookDir, 'register.mjs'), ...c.args], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, ...c.env },
    });
    // Distinct files: a worker thread runs the hook too (it inherits --import), and loads its own copies.
    const files = [...new Set([...r.stderr.matchAll(/^@@load (.*)$/gm)].map((m) => fileURLToPath(m[1])))];
    return { files: files.length, kB: files.reduce((sum, f) => sum + statSync(f).size, 0) / 1000 };
  });
  const wall = cases.map(() => []);
  const cpu = cases.map(() => []);
  for (let run = 0; run < runs; run++) {
    cases.forEach((c, i) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--import', join(root, 'bench/rss.mjs'), ...c.args], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env: { ...process.env, ...c.env },
      });
      wall[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0) throw new Error(`${c.name}: failed: ${r.stderr}`);
      cpu[i].push(Number(/@@bench .*cpu_us=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e3);
    });
  }
  const best = (xs) => Math.min(...xs).toFixed(0);
  const results = cases.map((c, i) => ({
    run: c.name,
    wallBestMs: best(wall[i]),
    wallMedianMs: median(wall[i]).toFixed(0),
    cpuBestMs: best(cpu[i]),
    cpuMedianMs: median(cpu[i]).toFixed(0),
    filesLoaded: loads[i].files,
    kBLoaded: loads[i].kB.toFixed(0),
  }));
  console.log(
    `start-up, whole process, best and median of ${runs} alternating runs (node ${process.version}, ${(await import('node:os')).cpus().length} cores; distinct files and kB of the program loaded, bin/ and dist/bin/)`,
  );
  console.table(results);
}

/** `avvikelse verify` on generated published tables of `rows` code rows: each must pass with the checks it must make. */
async function benchVerify(rows) {
  process.stderr.write(`generating published tables of ${rows} code rows…\n`);
  const vdir = join(dir, `verify-${rows}`);
  mkdirSync(vdir, { recursive: true });
  const files = existsSync(join(vdir, 'files.json'))
    ? JSON.parse((await import('node:fs')).readFileSync(join(vdir, 'files.json'), 'utf8'))
    : await generateVerifyTables(vdir, rows);
  writeFileSync(join(vdir, 'files.json'), JSON.stringify(files));
  const results = [];
  for (const f of files) {
    const times = [];
    const rss = [];
    const cpu = [];
    for (let run = 0; run < RUNS; run++) {
      const args = ['--import', join(root, 'bench/rss.mjs'), join(root, 'bin/avvikelse.js'), 'verify', f.file, '--format', 'json'];
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const doc = r.status === 0 ? JSON.parse(r.stdout) : null;
      if (doc?.stats?.checks !== f.checks || doc.stats.errors !== 0)
        throw new Error(
          `verify ${f.shape} ${f.format}: exit ${r.status}, expected ${f.checks} checks and no error: ${r.stdout.slice(0, 300)} ${r.stderr}`,
        );
      times.push(seconds);
      cpu.push(Number(/@@bench .*cpu_us=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6);
      rss.push(Number(/@@bench maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024);
    }
    const t = median(times);
    results.push({
      table: f.shape === 'drift' ? 'Driftredovisning + Summa' : 'hierarchy 51/510/5101 + subtotals',
      format: f.format,
      MB: (statSync(f.file).size / 1e6).toFixed(1),
      seconds: t.toFixed(2),
      rowsPerSecond: Math.round(rows / t),
      cpuSeconds: median(cpu).toFixed(2),
      peakRssMb: median(rss).toFixed(0),
      checks: `${f.checks} ✓`,
    });
  }
  console.log(
    `verify, ${rows} code rows, whole process, median of ${RUNS} runs (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`,
  );
  console.table(results);
}

for (const rows of verifySizes) await benchVerify(rows);
for (const runs of startupRuns) await benchStartup(runs);
