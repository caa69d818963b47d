/**
 * `--help` in the user's language: commander writes its own headings ("Usage:", "Options:",
 * "Commands:"), its help and version flags ("display help for command"), the placeholders
 * of a usage line ("[options]", "[command]") and the notes after a description
 * ("(default: …)", "(choices: …)") in English. `localiseHelp` replaces each through
 * commander's hooks (configureHelp, helpOption, helpCommand, version's description), so a
 * help page is Swedish by default and English with `--lang en`. Commander's error texts never
 * reach the user: cli/main.ts turns them into error codes with a text in both languages.
 */
import { Help, type Command } from 'commander';
import { bilingual, type Lang } from '../i18n/index.js';

/** Commander's words, and what a Swedish help page says instead. */
const SWEDISH: Readonly<Record<string, string>> = {
  'Usage:': 'Användning:',
  'Arguments:': 'Argument:',
  'Options:': 'Flaggor:',
  'Global Options:': 'Globala flaggor:',
  'Commands:': 'Kommandon:',
  '[options]': '[flaggor]',
  '[command]': '[kommando]',
  'default:': 'standard:',
  'choices:': 'val:',
  'preset:': 'förval:',
  'env:': 'miljövariabel:',
};

/** The Swedish placeholders of the option schema's flags and the commands' arguments, as an English page writes them. */
const ENGLISH_PLACEHOLDERS: Readonly<Record<string, string>> = {
  fil: 'file',
  'filer...': 'files...',
  'tabeller...': 'tables...',
  etikett: 'label',
  kolumn: 'column',
  mönster: 'pattern',
  'dim=mönster': 'dim=pattern',
  namn: 'name',
  ordning: 'order',
  'roll=dimension': 'role=dimension',
  'roll=rubrik': 'role=header',
  'tabell=rad': 'table=row',
  villkor: 'condition',
  'ÅÅÅÅ-MM': 'YYYY-MM',
};

/** A text of commander's, in `lang` (unchanged in English). */
export function helpWord(word: string, lang: Lang): string {
  return lang === 'sv' ? (SWEDISH[word] ?? word) : word;
}

/**
 * Commander's placeholders and notes inside a line (a usage line, a term, a description), in
 * `lang`; in English, the schema's Swedish placeholders (`<fil>`) too.
 */
function words(text: string, lang: Lang): string {
  if (lang !== 'sv')
    return text.replace(/([<[])([^<>[\]]+)([>\]])/g, (m, open: string, name: string, close: string) => {
      const english = ENGLISH_PLACEHOLDERS[name];
      return english === undefined ? m : `${open}${english}${close}`;
    });
  return text
    .replace(/\[options\]/g, SWEDISH['[options]'] as string)
    .replace(/\[command\]/g, SWEDISH['[command]'] as string)
    .replace(/\((default|choices|preset|env): /g, (_m, w: string) => `(${SWEDISH[`${w}:`] as string} `)
    .replace(/, (default|choices|preset|env): /g, (_m, w: string) => `, ${SWEDISH[`${w}:`] as string} `);
}

/**
 * Makes `cmd`'s help page (and, for the program, its `help` command and `--version`) speak
 * `lang`. Call it on the program and on every subcommand: commander does not pass help
 * settings to commands added with `addCommand`.
 */
export function localiseHelp(cmd: Command, lang: Lang, program = false): Command {
  const d = bilingual(lang);
  cmd.helpOption('-h, --help', d('visa hjälp för kommandot', 'display help for command'));
  if (program) {
    cmd.helpCommand(d('help [kommando]', 'help [command]'), d('visa hjälp för ett kommando', 'display help for command'));
    const version = cmd.options.find((o) => o.long === '--version');
    if (version) version.description = d('visa versionsnumret', 'output the version number');
  }
  cmd.configureHelp({
    styleTitle: (title: string) => helpWord(title, lang),
    styleUsage: (usage: string) => words(usage, lang),
    optionTerm(this: Help, option) {
      return words(Help.prototype.optionTerm.call(this, option), lang);
    },
    argumentTerm(this: Help, argument) {
      const term = Help.prototype.argumentTerm.call(this, argument);
      // The list of arguments names them bare (`tabeller`), not as placeholders.
      if (lang !== 'en') return term;
      return ENGLISH_PLACEHOLDERS[term] ?? ENGLISH_PLACEHOLDERS[`${term}...`]?.replace('...', '') ?? term;
    },
    subcommandTerm(this: Help, sub: Command) {
      return words(Help.prototype.subcommandTerm.call(this, sub), lang);
    },
    optionDescription(this: Help, option) {
      return words(Help.prototype.optionDescription.call(this, option), lang);
    },
    argumentDescription(this: Help, argument) {
      return words(Help.prototype.argumentDescription.call(this, argument), lang);
    },
  });
  return cmd;
}
