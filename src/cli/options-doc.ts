/**
 * The README's option tables, generated from the option schema (cli/options.ts): one table
 * per command, one for the options every command takes, and the configuration keys. Each
 * sits in README.md between `<!-- options:NAME -->` and `<!-- /options:NAME -->`;
 * `npm run docs:options` rewrites them and test/options.test.ts fails when README.md
 * differs from what the schema generates (cf. vitest's generated CLI options table).
 */
import { CONFIG_KEYS, OPTIONS, optionEntries, type CommandName, type Kind } from './options.js';

type Entry = ReturnType<typeof optionEntries>[number][1];

/** A table cell: pipes escaped, as GitHub's tables need even inside code spans. */
const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${text}\``;

/** `--fg-ar FILE…`: the long flag with the manual's English placeholder. */
function usage(def: Entry): string {
  const long = def.flag.split(/[ ,]+/).find((p) => p.startsWith('--')) as string;
  return def.doc.arg ? `${long} ${def.doc.arg}` : long;
}

function table(rows: Entry[]): string {
  const lines = ['| option | meaning | example |', '|---|---|---|'];
  for (const def of rows)
    lines.push(`| ${cell(code(usage(def)))} | ${cell(def.doc.text)} | ${def.doc.example ? cell(code(def.doc.example)) : ''} |`);
  return lines.join('\n');
}

const of = (pred: (def: Entry) => boolean): Entry[] =>
  optionEntries()
    .map(([, def]) => def)
    .filter(pred);
const takes = (def: Entry, c: CommandName) => def.commands !== 'global' && def.commands.includes(c);

/** How each kind is written in the configuration file. */
const JSON_KIND: Record<Kind, string> = {
  path: 'a file name',
  paths: 'a list of file names',
  string: 'a string',
  strings: 'a list of strings',
  number: 'an integer',
  boolean: '`true` or `false`',
  record: 'an object of strings',
};

function configTable(): string {
  const lines = ['| key | option | value |', '|---|---|---|'];
  for (const key of CONFIG_KEYS) {
    const def: Entry = OPTIONS[key];
    lines.push(`| ${code(key)} | ${cell(code(usage(def)))} | ${JSON_KIND[def.kind]} |`);
  }
  return lines.join('\n');
}

/** The generated sections of README.md, by marker name. */
export function optionSections(): Record<string, string> {
  const shared = of((def) => takes(def, 'report') && takes(def, 'verify'));
  return {
    global: table(of((def) => def.commands === 'global')),
    report: table(of((def) => takes(def, 'report'))),
    verify: [
      table(of((def) => takes(def, 'verify') && !takes(def, 'report'))),
      '',
      `With \`--utfall\`/\`--budget\` on the command line, verify also takes the report options that say which ledger amounts a report is made of: ${shared.map((def) => code(usage(def).split(' ')[0] as string)).join(', ')}.`,
    ].join('\n'),
    codes: table(of((def) => takes(def, 'codes'))),
    config: configTable(),
  };
}

/** README.md with every marked section replaced by what the schema generates. */
export function withOptionSections(readme: string): string {
  let out = readme;
  for (const [name, body] of Object.entries(optionSections())) {
    const open = `<!-- options:${name} -->`;
    const close = `<!-- /options:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`README.md has no ${open} … ${close} section`);
    out = `${out.slice(0, start + open.length)}\n${body}\n${out.slice(end)}`;
  }
  return out;
}
