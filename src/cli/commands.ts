/**
 * The `verify` and `init` commands as commander declares them: name, alias, description,
 * arguments, the option schema's flags (options.ts) and the examples under `--help`. What
 * each does is in its own module (verify.ts, init.ts), which main.ts loads only when that
 * command runs, so a report never loads verify's checks or init (the bundle keeps each in a
 * chunk of its own; test/startup.test.ts checks it). `report` and `codes`, which need no
 * more than a report does, are declared beside what they do (report.ts, codes.ts).
 */
import { Command } from 'commander';
import { bilingual, type Lang } from '../i18n/index.js';
import { declare, fromCommander, type RawOptions } from './options.js';

const VERIFY_EXAMPLES: Record<Lang, string> = {
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
    .addHelpText('after', VERIFY_EXAMPLES[lang])
    .action(async (files: string[]) => {
      await run(files, fromCommander(cmd, 'verify'));
    });
}

/** The `init` command; `run` gets the flags that were given, keyed by schema key. */
export function initCommand(lang: Lang, run: (flags: RawOptions) => Promise<void>): Command {
  const d = bilingual(lang);
  const cmd = new Command('init')
    .alias('initiera')
    .description(
      d(
        'läs exempelfiler för utfall och budget och skriv avvikelse.config.json',
        'read sample utfall and budget files and write avvikelse.config.json',
      ),
    );
  return declare(cmd, 'init', lang)
    .addHelpText(
      'after',
      d(
        '\nExempel:\n  avvikelse init --utfall utfall-2024.csv --budget budget-2024.csv\n  avvikelse rapport --period 2024-09',
        '\nExamples:\n  avvikelse init --utfall actual-2024.csv --budget budget-2024.csv --lang en\n  avvikelse report --period 2024-09',
      ),
    )
    .action(async () => {
      await run(fromCommander(cmd, 'init'));
    });
}
