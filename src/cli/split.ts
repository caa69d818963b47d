/**
 * `--split-by DIM`: one report per value of a dimension (one per chef: `--split-by ansvar`),
 * each in its own file — `--out-dir DIR` (`DIR/rapport-4230.html`) or an `--out` pattern
 * (`rapport-{ansvar}.html`) — titled with the dimension, the code and its name ("Ansvar 4230
 * Särskilt boende Björken"), plus an index file listing them. Each part is the whole report
 * of the inputs filtered to that value (`--where DIM=CODE` on every ledger), so its numbers
 * are exactly those a run with that filter prints; every file is written atomically.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AvvikelseError } from '../errors.js';
import { visible } from '../core/text.js';
import type { Texts } from '../i18n/index.js';
import { runReport } from '../app/run-report.js';
import { tuningFromEnv } from '../read/index.js';
import { presentReport } from '../report/present.js';
import { selectReport } from '../report/select.js';
import { crossings } from '../report/thresholds.js';
import { crossingText, toDocument, type Format } from '../write/document.js';
import { renderer } from '../write/index.js';
import { writeAtomically } from '../write/output.js';
import { documentOptions } from './document-options.js';
import { planReport } from './plan.js';
import type { Io } from './io.js';
import { inputFiles, type Options } from './options.js';

const EXTENSION: Record<Format, string> = { table: '.txt', csv: '.csv', json: '.json', md: '.md', html: '.html', xlsx: '.xlsx' };

/** A code as part of a file name: characters a file system may refuse become `_`. */
const safe = (code: string): string => code.replace(/[\\/:*?"<>|\s]/g, '_');

/**
 * Where each part and the index go: the `--out` pattern with `{DIM}` replaced by the code, or
 * `DIR/rapport-CODE.EXT` under `--out-dir`; the index beside them.
 * @example splitTargets('ansvar', 'html', 'ut/rapport-{ansvar}.html', undefined) // { part: (c) => `ut/rapport-${c}.html`, index: 'ut/index.html' }
 */
export function splitTargets(dimension: string, format: Format, out: string | undefined, outDir: string | undefined) {
  const ext = EXTENSION[format];
  if (out !== undefined) {
    const placeholder = `{${dimension}}`;
    if (!out.includes(placeholder)) {
      throw new AvvikelseError('OPTION_INVALID', { option: '--out', value: out, expected: `${placeholder} (--split-by ${dimension})` });
    }
    const index = join(dirname(out), `index${format === 'xlsx' ? '.txt' : extname(out) || ext}`);
    return { part: (code: string) => out.split(placeholder).join(safe(code)), index };
  }
  if (outDir === undefined) throw new AvvikelseError('OPTION_MISSING', { option: '--out-dir', command: 'report --split-by' });
  // A workbook's index is a text list (index.txt).
  return {
    part: (code: string) => join(outDir, `rapport-${safe(code)}${ext}`),
    index: join(outDir, `index${format === 'xlsx' ? '.txt' : ext}`),
  };
}

/** The index file: the parts' titles and file names, in the format of the parts (a text list for the terminal table and a workbook). */
function indexText(format: Format, heading: string, parts: { title: string; file: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  if (format === 'html') {
    const items = parts.map((p) => `<li><a href="${esc(encodeURI(p.file))}">${esc(p.title)}</a></li>`).join('\n');
    return `<!doctype html>\n<html>\n<head><meta charset="utf-8"><title>${esc(heading)}</title></head>\n<body>\n<h1>${esc(heading)}</h1>\n<ul>\n${items}\n</ul>\n</body>\n</html>\n`;
  }
  if (format === 'md') return `# ${heading}\n\n${parts.map((p) => `- [${p.title}](${encodeURI(p.file)})`).join('\n')}\n`;
  if (format === 'json') return `${JSON.stringify({ title: heading, reports: parts }, null, 2)}\n`;
  if (format === 'csv') {
    const field = (t: string) =>
      /[;"\r\n]/.test(t) || /^[=+\-@]/.test(t) ? `"${(/^[=+\-@]/.test(t) ? `'${t}` : t).replace(/"/g, '""')}"` : t;
    return `\uFEFF${[heading, ...parts.map((p) => `${field(p.title)};${field(p.file)}`)].map((l, i) => (i === 0 ? field(l) : l)).join('\r\n')}\r\n`;
  }
  return `${heading}\n${parts.map((p) => `${p.title}\t${p.file}`).join('\n')}\n`;
}

/** Runs `report --split-by`: the exit code (1: a `--fail-on` threshold was crossed in any part). */
export async function runSplitReport(options: Options, io: Io, texts: Texts, format: Format, invocation: string): Promise<number> {
  const dimension = options.splitBy as string;
  const targets = splitTargets(dimension, format, options.out, options.outDir);
  if (options.outDir !== undefined) mkdirSync(options.outDir, { recursive: true });
  const tuning = tuningFromEnv(io.env);
  // The values: the codes of the dimension in the inputs, with their names.
  const listing = planReport({ ...options, by: dimension, level: undefined, sub: [], columns: undefined, analys: false, resultat: false });
  const listed = await runReport({ ...listing.request, tuning });
  const values = (listed.tables[0]?.rows ?? []).map((r) => ({ kod: r.kod, namn: r.namn }));
  const said = new Set<string>();
  const say = (line: string) => {
    if (!said.has(line)) io.stderr(line);
    said.add(line);
  };
  const render = await renderer(format);
  const parts: { title: string; file: string }[] = [];
  let crossed = 0;
  for (const v of values) {
    const only = { dimension, glob: v.kod, negate: false };
    const inputs = Object.fromEntries(
      Object.entries(options.inputs).map(([k, i]) => [k, { ...i, where: [...i.where.filter((w) => w.dimension !== dimension), only] }]),
    ) as Options['inputs'];
    const { request, display, failOn, selection } = planReport({ ...options, inputs });
    const report = await runReport({ ...request, tuning });
    for (const m of report.messages)
      say(`avvikelse: ${m.level === 'warning' ? texts.warningLabel : texts.noteLabel}: ${visible(texts.message(m))}\n`);
    const title = texts.report.splitTitle(dimension, v.kod, v.namn);
    const rubrik = options.rubrik === undefined ? title : `${options.rubrik}: ${title}`;
    const doc = toDocument(
      presentReport(selectReport(report.tables, selection, display), display),
      texts,
      documentOptions(options, display, report.perspective, invocation, rubrik),
    );
    const file = targets.part(v.kod);
    await writeAtomically(file, render(doc, { colour: false, csvDialect: options.csvDialect }), inputFiles(options));
    parts.push({ title, file: basename(file) });
    for (const c of crossings(presentReport(report.tables, display), failOn)) {
      io.stderr(`avvikelse: ${texts.errorLabel}: ${visible(`${title}: ${crossingText(c, texts)}`)}\n`);
      crossed++;
    }
  }
  await writeAtomically(targets.index, indexText(format, texts.report.splitIndex(dimension), parts), inputFiles(options));
  return crossed > 0 ? 1 : 0;
}
