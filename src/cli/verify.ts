/**
 * `avvikelse verify TABLE…` (alias `kontroll`): reads published report tables, checks that
 * they add up (and, given the ledger, that they equal what `report` computes), prints what
 * it found, and exits 0 (valid), 1 (an error) or 2 (unreadable input or bad usage).
 */
import { Command } from 'commander';
import { bilingual, texts as textsFor, type Lang, type Texts } from '../i18n/index.js';
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
import { declare, fromCommander, type Options, type RawOptions } from './options.js';

const EXAMPLES: Record<Lang, string> = {
  sv: `
Exempel:
  avvikelse kontroll driftredovisning.csv
  avvikelse kontroll delarsrapport.md --format github
  avvikelse kontroll resultat.csv --summa Resultat --avvikelse 'Bokslut-Budget'
  avvikelse kontroll analys.csv --columns 'Netto=Intäkt+Kostnad'
  avvikelse kontroll drift.csv verksamhet-51.csv --parent 'Redovisning verksamhet 51*=51'
  avvikelse kontroll drift.csv --utfall utfall.csv --budget budget.csv --sub 51`,
  en: `
Examples:
  avvikelse verify statement.csv --lang en
  avvikelse verify interim-report.md --format github
  avvikelse verify result.csv --summa Resultat --avvikelse 'Bokslut-Budget'
  avvikelse verify analysis.csv --columns 'Net=Revenue+Cost'
  avvikelse verify drift.csv activity-51.csv --parent 'Redovisning verksamhet 51*=51'
  avvikelse verify drift.csv --utfall actual.csv --budget budget.csv --sub 51`,
};

/** The `verify` command; `run` gets the tables and the flags that were given, keyed by schema key. */
export function verifyCommand(lang: Lang, run: (files: string[], flags: RawOptions) => Promise<void>): Command {
  const d = bilingual(lang);
  const cmd = new Command('verify')
    .alias('kontroll')
    .description(d('kontrollera att rapporttabeller summerar rätt (för CI)', 'check that report tables add up (for CI)'))
    .argument('<tabeller...>', d('tabeller som CSV eller Markdown', 'tables as CSV or Markdown'));
  return declare(cmd, 'verify', lang)
    .addHelpText('after', EXAMPLES[lang])
    .action(async (files: string[]) => {
      await run(files, fromCommander(cmd, 'verify'));
    });
}

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
