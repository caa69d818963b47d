/**
 * The README's option tables, generated from the option schema (cli/options.ts): one table
 * per command, one for the options every command takes, and the configuration keys. Each
 * sits in README.md between `<!-- options:NAME -->` and `<!-- /options:NAME -->`;
 * `npm run docs:options` rewrites them and test/options.test.ts fails when README.md
 * differs from what the schema generates (cf. vitest's generated CLI options table).
 */
import {
  CONFIG_KEYS,
  INPUT_KEYS,
  OPTIONS,
  optionEntries,
  PER_INPUT_FLAGS,
  type CommandName,
  type Kind,
  type PerInputName,
} from './options.js';

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

/** How an input's own setting combines with the plain option. */
const WINS: Record<PerInputName, string> = {
  col: 'role by role (the plain `--col` mappings stay for the other roles)',
  where: 'dimension by dimension (plain `--where` filters on other dimensions still apply)',
  unit: 'as a whole',
  sign: 'as a whole',
  encoding: 'as a whole',
  delimiter: 'as a whole',
  decimal: 'as a whole',
  sieDim: 'as a whole',
  sheet: 'as a whole',
};

/** One row per setting: its per-input flags, what wins, an example. */
function inputsTable(): string {
  const lines = ['| options | meaning | example |', '|---|---|---|'];
  const names = [...new Set(PER_INPUT_FLAGS.map((p) => p.name))];
  for (const name of names) {
    const flags = PER_INPUT_FLAGS.filter((p) => p.name === name);
    const first = flags[0] as (typeof flags)[number];
    const def: Entry = OPTIONS[first.setting];
    const plain = usage(def).split(' ')[0] as string;
    const inputs = flags.map((p) => code(usage(OPTIONS[p.input]).split(' ')[0] as string)).join(', ');
    const own = PER_INPUT_FLAGS.find((p) => p.name === name && p.input === 'budget')?.long ?? `--budget-${name}`;
    const example = def.doc.example?.replace(plain, own).replace(` ${plain} `, ` ${own} `);
    lines.push(
      `| ${flags.map((p) => cell(code(`${p.long}${def.doc.arg ? ` ${def.doc.arg}` : ''}`))).join(' ')} | ${cell(`like ${code(plain)}, for one input (${inputs}); the input's own wins over ${code(plain)} ${WINS[name]}`)} | ${example ? cell(code(example)) : ''} |`,
    );
  }
  return lines.join('\n');
}

/** One row per input section of the configuration file. */
function inputsConfigTable(): string {
  const lines = ['| key | options | keys |', '|---|---|---|'];
  for (const key of INPUT_KEYS) {
    const def: Entry = OPTIONS[key];
    const own = PER_INPUT_FLAGS.filter((p) => p.input === key);
    const flags = [usage(def).split(' ')[0] as string, ...own.map((p) => p.long)].map(code).join(', ');
    const keys = [
      `${code('files')} (${JSON_KIND[def.kind]})`,
      ...own.map((p) => `${code(p.name)} (${JSON_KIND[OPTIONS[p.setting].kind]})`),
    ];
    lines.push(`| ${code(`inputs.${key}`)} | ${cell(flags)} | ${cell(keys.join(', '))} |`);
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
    init: table(of((def) => takes(def, 'init'))),
    inputs: inputsTable(),
    config: configTable(),
    'config-inputs': inputsConfigTable(),
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

/** A Swedish table: each flag as `--help` writes it, with its Swedish help text. */
function svTable(rows: readonly { flag: string; help: { sv: string } }[]): string {
  const lines = ['| flagga | betydelse |', '|---|---|'];
  for (const r of rows) lines.push(`| ${cell(code(r.flag))} | ${cell(r.help.sv)} |`);
  return lines.join('\n');
}

/**
 * The option tables of the Swedish user guide (docs/anvandarguide.md), by marker name
 * (`<!-- options:sv-report -->`): every flag of every command as `--help` shows it in
 * Swedish, and the per-input flags. `npm run docs:options` rewrites them too, and
 * test/guide.test.ts fails when the guide differs from the schema.
 */
export function guideSections(): Record<string, string> {
  const svOf = (pred: (def: Entry) => boolean) => svTable(of(pred));
  return {
    'sv-global': svOf((def) => def.commands === 'global'),
    'sv-report': svOf((def) => takes(def, 'report')),
    'sv-inputs': svTable(PER_INPUT_FLAGS),
    'sv-verify': svOf((def) => takes(def, 'verify') && !takes(def, 'report')),
    'sv-codes': svOf((def) => takes(def, 'codes')),
    'sv-init': svOf((def) => takes(def, 'init')),
  };
}

/** The user guide with every marked section replaced by what the schema generates. */
export function withGuideSections(guide: string): string {
  let out = guide;
  for (const [name, body] of Object.entries(guideSections())) {
    const open = `<!-- options:${name} -->`;
    const close = `<!-- /options:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`docs/anvandarguide.md has no ${open} … ${close} section`);
    out = `${out.slice(0, start + open.length)}\n${body}\n${out.slice(end)}`;
  }
  return out;
}
