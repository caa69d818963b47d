/**
 * `avvikelse verify TABLE…` (alias `kontroll`): reads published report tables, checks that
 * they add up (and, given the ledger, that they equal what `report` computes), prints what
 * it found, and exits 0 (valid), 1 (an error) or 2 (unreadable input or bad usage).
 */
import { Command } from 'commander';
import { AvvikelseError } from '../errors.js';
import { bilingual, texts as textsFor, type Lang, type Texts } from '../i18n/index.js';
import type { PublishedTable } from '../core/published.js';
import { readReportTables } from '../read/report-table.js';
import { runReport } from '../app/run-report.js';
import { Checker, columnLabels, compareWithLedger, parseRelation, verifyTables, type VerifyOptions } from '../report/verify/index.js';
import { withLabelNames } from '../write/document.js';
import { renderVerifyGithub, renderVerifyJson, renderVerifyText, VERIFY_FORMATS } from '../write/verify.js';
import type { Config } from './config.js';
import type { Io } from './io.js';
import { addLedgerOptions, reportRequest, type ReportFlags } from './report.js';
import { oneOf } from './values.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export interface VerifyFlags extends Omit<ReportFlags, 'columns' | 'format'> {
  summa: string[];
  ignore: string[];
  avvikelse?: string;
  columns: string[];
  parent: string[];
  strict?: boolean;
  format?: string;
}

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

export function verifyCommand(lang: Lang, run: (files: string[], flags: VerifyFlags) => Promise<void>): Command {
  const d = bilingual(lang);
  const cmd = new Command('verify')
    .alias('kontroll')
    .description(d('kontrollera att rapporttabeller summerar rätt (för CI)', 'check that report tables add up (for CI)'))
    .argument('<tabeller...>', d('tabeller som CSV eller Markdown', 'tables as CSV or Markdown'))
    .option('--summa <etikett>', d("fler summarader än Summa/Totalt, t.ex. 'Resultat' (upprepbar)", "total rows besides Summa/Totalt, e.g. 'Resultat' (repeatable)"), collect, [])
    .option('--ignore <kolumn>', d('kolumn som inte ska kontrolleras (upprepbar)', 'a column to leave out of the checks (repeatable)'), collect, [])
    .option('--avvikelse <ordning>', d("avvikelsens ordning: 'Budget-Utfall' eller 'Utfall-Budget' (standard: ur data)", "the deviation's order: 'Budget-Utfall' or 'Utfall-Budget' (default: from the data)"))
    .option('--columns <relation>', d("samband mellan kolumner, t.ex. 'Netto=Intäkt+Kostnad' (upprepbar)", "a relation between columns, e.g. 'Net=Revenue+Cost' (repeatable)"), collect, [])
    .option('--parent <tabell=rad>', d("deltabellens summa ska vara raden, t.ex. 'Redovisning verksamhet 51*=51' (upprepbar)", "the sub-table's total must equal the row, e.g. 'Redovisning verksamhet 51*=51' (repeatable)"), collect, [])
    .option('--strict', d('avrundningsskillnader räknas som fel', 'rounding differences count as errors'))
    .option('--format <f>', d('text (standard), json, github', 'text (default), json, github'));
  return addLedgerOptions(cmd, lang)
    .addHelpText('after', EXAMPLES[lang])
    .action(async (files: string[], flags: VerifyFlags) => {
      await run(files, flags);
    });
}

function options(flags: VerifyFlags): VerifyOptions {
  const relations = flags.columns.map((text) => {
    const r = parseRelation(text);
    if (!r) throw new AvvikelseError('OPTION_INVALID', { option: '--columns', value: text, expected: 'relation' });
    return r;
  });
  const parents = flags.parent.map((text) => {
    const eq = text.lastIndexOf('=');
    if (eq <= 0 || eq === text.length - 1) throw new AvvikelseError('OPTION_INVALID', { option: '--parent', value: text, expected: 'parent' });
    return { table: text.slice(0, eq).trim(), row: text.slice(eq + 1).trim() };
  });
  let deviation: VerifyOptions['deviation'] = null;
  if (flags.avvikelse !== undefined) {
    const order = flags.avvikelse.toLowerCase().replace(/\s|−/g, (c) => (c === '−' ? '-' : ''));
    if (/^(budget)-(utfall|bokslut|prognos|actual)/.test(order)) deviation = 'budget-utfall';
    else if (/^(utfall|bokslut|prognos|actual)-(budget)/.test(order)) deviation = 'utfall-budget';
    else throw new AvvikelseError('OPTION_INVALID', { option: '--avvikelse', value: flags.avvikelse, expected: 'Budget-Utfall | Utfall-Budget' });
  }
  return { summaLabels: flags.summa, ignore: flags.ignore, deviation, relations, parents, strict: Boolean(flags.strict) };
}

export async function runVerifyCommand(files: string[], flags: VerifyFlags, config: Config, io: Io, t: Texts): Promise<number> {
  const format = oneOf('--format', flags.format ?? 'text', VERIFY_FORMATS);
  const opts = options(flags);
  const raw: PublishedTable[] = [];
  for (const f of files) raw.push(...(await readReportTables(f)));
  // avvikelse's own column headings, in both languages: their roles come from the column registry.
  const labels = columnLabels(textsFor('sv').columns, textsFor('en').columns);
  const result = verifyTables(raw, opts, labels);
  const extra = result.unusedRelations.map((r) => `avvikelse: ${t.warningLabel}: ${t.verify.unusedRelation(r.text)}`);
  if (flags.utfall || flags.budget) {
    // Recompute the report from the ledger with the same options; each published cell is
    // compared with the exact amount rounded to that cell's own decimals (--rounding).
    const req = reportRequest({ ...flags, columns: undefined, format: undefined, failOn: [], color: false }, config);
    const report = await runReport(req);
    const checker = new Checker(opts.strict);
    compareWithLedger(result.tables, withLabelNames(report.tables, t), { unit: req.unit, rounding: req.rounding }, checker, labels, t.verify.ledger);
    result.errors.push(...checker.errors);
    result.notes.push(...checker.notes);
    result.checks += checker.checks;
  }
  const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }) =>
    a.file === b.file ? a.line - b.line : files.indexOf(a.file) - files.indexOf(b.file);
  result.errors.sort(byPlace);
  result.notes.sort(byPlace);
  if (format === 'json') io.stdout(renderVerifyJson(result, t));
  else if (format === 'github') io.stdout(renderVerifyGithub(result, t));
  else io.stdout(renderVerifyText(result, t, extra));
  if (format !== 'text') for (const line of extra) io.stderr(`${line}\n`);
  return result.errors.length > 0 ? 1 : 0;
}

