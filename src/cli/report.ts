/**
 * `avvikelse report` (alias `rapport`): options → a plan (cli/plan.ts), the report → the
 * chosen format on stdout or atomically in `--out`, and CI thresholds → exit 1. The flags
 * are declared by the option schema (cli/options.ts).
 */
import { extname } from 'node:path';
import { Command } from 'commander';
import { AvvikelseError } from '../errors.js';
import { visible } from '../core/text.js';
import { bilingual, type Lang, type Texts } from '../i18n/index.js';
import { presentReport } from '../report/present.js';
import { selectReport } from '../report/select.js';
import { runReport } from '../app/run-report.js';
import { tuningFromEnv } from '../read/index.js';
import { documentOptions } from './document-options.js';
import { planReport } from './plan.js';
import { runSplitReport } from './split.js';
import { crossings } from '../report/thresholds.js';
import { crossingText, toDocument, type Format } from '../write/document.js';
import { formatForPath, renderer } from '../write/index.js';
import { writeAtomically, type WriteHooks } from '../write/output.js';
import { progressReporter, useColour, type Io } from './io.js';
import { declare, fromCommander, inputFiles, type Options, type RawOptions } from './options.js';

const EXAMPLES: Record<Lang, string> = {
  sv: `
Exempel:
  avvikelse report --utfall utfall.csv --budget budget.csv
  avvikelse rapport --utfall jan-jun.csv jul-dec.csv --budget budget.csv --sub 51 --unit mnkr
  avvikelse rapport --utfall utfall.csv --budget budget.csv --period 2024-08 --prognos-metod linjar
  avvikelse rapport --utfall utfall.csv --budget budget.csv --period 2024-08 --fg-ar utfall-2023.csv \\
      --periodisering fg-ar --prognos prognos.csv --kommentarer kommentarer.csv --format md
  avvikelse report --utfall utfall.csv --budget budget.csv --period 2024-08 --fail-on 'prognosavvikelse<-5000'
  avvikelse report --utfall utfall.csv --budget budget.csv --by ansvar --where 'ansvar=41*' --level 4`,
  en: `
Examples:
  avvikelse report --utfall actual.csv --budget budget.csv --lang en
  avvikelse report --utfall jan-jun.csv jul-dec.csv --budget budget.csv --sub 51 --unit mnkr
  avvikelse report --utfall actual.csv --budget budget.csv --period 2024-08 --prognos-metod linjar
  avvikelse report --utfall actual.csv --budget budget.csv --period 2024-08 --fg-ar actual-2023.csv \\
      --periodisering fg-ar --prognos forecast.csv --kommentarer comments.csv --format md
  avvikelse report --utfall actual.csv --budget budget.csv --period 2024-08 --fail-on 'prognosavvikelse<-5000'
  avvikelse report --utfall actual.csv --budget budget.csv --by ansvar --where 'ansvar=41*' --level 4`,
};

/** The `report` command; `run` gets the flags that were given, keyed by schema key. */
export function reportCommand(lang: Lang, run: (flags: RawOptions) => Promise<void>): Command {
  const d = bilingual(lang);
  const cmd = new Command('report')
    .alias('rapport')
    .description(
      d(
        'driftredovisning eller månadsuppföljning per verksamhet, med delsummor',
        'operating statement or monthly follow-up per code, with sub-tables',
      ),
    );
  return declare(cmd, 'report', lang)
    .addHelpText('after', EXAMPLES[lang])
    .action(async () => {
      await run(fromCommander(cmd, 'report'));
    });
}

/** The extensions `--out` may have, and the one each format is written under. */
const OUT_EXTENSIONS = '.csv, .json, .md, .html, .xlsx, .txt';
const EXTENSION: Record<Format, string> = { table: '.txt', csv: '.csv', json: '.json', md: '.md', html: '.html', xlsx: '.xlsx' };

/**
 * The format of a run: `--format`, else `--out`'s extension, else the terminal table. An
 * `--out` file must have an extension avvikelse writes (OUTPUT_FORMAT, before anything is
 * read or written): `rapport.pdf` would hold a text table under a name that promises
 * something else. With `--format`, the extension must be that format's, or `.txt` (any text
 * format, not `xlsx`), or none at all (the format is then the one named).
 * @example outputFormat('rapport.txt', 'csv') // 'csv'
 */
export function outputFormat(out: string | null, asked: Format | undefined): Format {
  const ext = out === null ? '' : extname(out).toLowerCase();
  const fail = (reason: string) =>
    new AvvikelseError(
      'OUTPUT_FORMAT',
      { reason, ext, format: asked ?? '', expected: asked ? EXTENSION[asked] : '', formats: OUT_EXTENSIONS },
      out === null ? undefined : { file: out },
    );
  // A workbook is bytes: it goes to a file, never to the terminal.
  if (out === null) {
    if (asked === 'xlsx') throw fail('stdout');
    return asked ?? 'table';
  }
  if (ext === '') {
    if (asked === undefined) throw fail('none');
    return asked;
  }
  const byExtension = formatForPath(out);
  if (byExtension === null) throw fail('unknown');
  // `.txt` takes any text format; a workbook is no text.
  if (asked === undefined || asked === byExtension || (ext === '.txt' && asked !== 'xlsx')) return asked ?? byExtension;
  throw fail('mismatch');
}

/**
 * `AVVIKELSE_DEBUG=out-pause`: once the temporary file of `--out` is written, say so on stderr
 * and wait until stdin ends (at most a minute) before renaming it, so a test can interrupt the
 * write midway, or change the target under it.
 */
function outPause(io: Io): WriteHooks {
  if (io.env.AVVIKELSE_DEBUG !== 'out-pause') return {};
  return {
    afterTemp: async (tmp) => {
      io.stderr(`avvikelse: debug: paused ${visible(tmp)}\n`);
      await new Promise<void>((resume) => {
        const timer = setTimeout(resume, 60_000);
        process.stdin
          .once('end', () => {
            clearTimeout(timer);
            resume();
          })
          .resume();
      });
    },
  };
}

/**
 * The command line as the HTML report and the workbook show it: each path by its file name
 * only (a report is shared; a local folder such as `/home/anna/…` or `C:\\Users\\…` is
 * nobody else's business), quoted for a POSIX shell where needed.
 * @example invocation(['report', '--utfall', '/home/anna/utfall.csv']) // 'avvikelse report --utfall utfall.csv'
 */
export function invocation(argv: string[]): string {
  const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;
  const shown = argv.map((a) => {
    // `role=Header` pairs (`--col belopp=kr/år`) are no paths.
    if (!/[\\/]/.test(a) || (!a.startsWith('--') && a.includes('='))) return a;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    return eq > 0 ? `${a.slice(0, eq + 1)}${fileName(a.slice(eq + 1))}` : fileName(a);
  });
  return ['avvikelse', ...shown].map((a) => (/^[\w./:=,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The width of the terminal stdout is (its columns, else `COLUMNS`), or undefined when stdout is no terminal. */
function terminalWidth(io: Io): number | undefined {
  if (!io.stdoutIsTTY) return undefined;
  const columns = io.stdoutColumns ?? Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

/** Runs `report` with resolved options; the exit code (1: a `--fail-on` threshold was crossed). */
export async function runReportCommand(options: Options, io: Io, texts: Texts, argv: string[] = []): Promise<number> {
  if (options.splitBy !== undefined) {
    const format = options.out === undefined ? (options.format ?? 'table') : outputFormat(options.out, options.format);
    return runSplitReport(options, io, texts, format, invocation(argv));
  }
  if (options.outDir !== undefined) throw new AvvikelseError('OPTION_MISSING', { option: '--split-by (--out-dir)', command: 'report' });
  const { request, display, failOn, selection } = planReport(options);
  const out = options.out ?? null;
  const format = outputFormat(out, options.format);
  const progress = progressReporter(io, texts.reading);
  const report = await runReport({ ...request, progress: progress?.report, tuning: tuningFromEnv(io.env) });
  progress?.clear();
  for (const m of report.messages)
    io.stderr(`avvikelse: ${m.level === 'warning' ? texts.warningLabel : texts.noteLabel}: ${visible(texts.message(m))}\n`);
  if (io.env.AVVIKELSE_DEBUG === 'reader') for (const r of report.readers ?? []) io.stderr(`avvikelse: debug: ${visible(r)}\n`);
  // Thresholds are checked on every row, also those --top or --min-avvikelse leave out.
  const all = presentReport(report.tables, display);
  const shown = presentReport(selectReport(report.tables, selection, display), display);
  const doc = toDocument(shown, texts, documentOptions(options, display, report.perspective, invocation(argv)));
  const output = (await renderer(format))(doc, {
    colour: out === null && format === 'table' && useColour(io, options.color),
    csvDialect: options.csvDialect,
    // On a terminal the table fits its width, unless --bred.
    width: out === null && format === 'table' && !options.bred ? terminalWidth(io) : undefined,
  });
  if (out === null) {
    // A binary format (bytes) goes to a file only.
    if (typeof output !== 'string') throw new AvvikelseError('OPTION_MISSING', { option: '--out', command: 'report' });
    io.stdout(output);
  } else await writeAtomically(out, output, inputFiles(options), outPause(io));
  const crossed = crossings(all, failOn);
  for (const c of crossed) io.stderr(`avvikelse: ${texts.errorLabel}: ${visible(crossingText(c, texts))}\n`);
  return crossed.length > 0 ? 1 : 0;
}
