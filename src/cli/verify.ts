/**
 * `avvikelse verify TABLE…` (alias `kontroll`): reads published report tables, checks that
 * they add up (and, given the ledger, that they equal what `report` computes), prints what
 * it found, and exits 0 (valid), 1 (an error) or 2 (unreadable input or bad usage).
 */
import { texts as textsFor, type Texts } from '../i18n/index.js';
import type { PublishedTable } from '../core/published.js';
import { visible } from '../core/text.js';
import { readReportTables } from '../read/report-table.js';
import { runReport } from '../app/run-report.js';
import { tuningFromEnv } from '../read/index.js';
import { planReport, planVerify } from './plan.js';
import { closeVerify, columnLabels, compareWithLedger, verifyTables } from '../report/verify/index.js';
import { withLabelNames } from '../write/document.js';
import { renderVerifyGithub, renderVerifyJson, renderVerifyText } from '../write/verify.js';
import type { Io } from './io.js';
import type { Options } from './options.js';

/**
 * Runs `verify` with resolved options; `withLedger`: `--utfall` or `--budget` was given on
 * the command line (then the tables are also compared with the report from the ledger).
 */
export async function runVerifyCommand(files: string[], options: Options, withLedger: boolean, io: Io, t: Texts): Promise<number> {
  const format = options.verifyFormat;
  const opts = planVerify(options);
  const raw: PublishedTable[] = [];
  for (const f of files) raw.push(...(await readReportTables(f)));
  // avvikelse's own column headings, in both languages: their roles come from the column registry.
  const labels = columnLabels(textsFor('sv').columns, textsFor('en').columns);
  const result = verifyTables(raw, opts, labels);
  const extra = result.unusedRelations.map((r) => `avvikelse: ${t.warningLabel}: ${t.verify.unusedRelation(r.text)}`);
  if (withLedger) {
    // Recompute the report from the ledger with the same options; each published cell is
    // compared with the exact amount rounded to that cell's own decimals (--rounding).
    const { request } = planReport(options);
    const report = await runReport({ ...request, tuning: tuningFromEnv(io.env) });
    compareWithLedger(
      result.tables,
      withLabelNames(report.tables, t),
      { unit: request.unit, rounding: request.rounding },
      result.checker,
      labels,
      t.verify.ledger,
    );
  }
  closeVerify(result, opts.allowEmpty);
  const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }) =>
    a.file === b.file ? a.line - b.line : files.indexOf(a.file) - files.indexOf(b.file);
  result.errors.sort(byPlace);
  result.notes.sort(byPlace);
  result.warnings.sort(byPlace);
  if (format === 'json') io.stdout(renderVerifyJson(result, t));
  else if (format === 'github') io.stdout(renderVerifyGithub(result, t));
  else io.stdout(renderVerifyText(result, t, extra));
  if (format !== 'text') for (const line of extra) io.stderr(`${visible(line)}\n`);
  return result.errors.length > 0 || (opts.strict && result.warnings.length > 0) ? 1 : 0;
}
