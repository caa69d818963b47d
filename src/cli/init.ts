/**
 * `avvikelse init` (alias `initiera`): reads a sample utfall and budget as the report would
 * (read/: the source registry, its detection of dialect, columns, units and periods, and its
 * notes), says what it found, and writes `avvikelse.config.json` (atomically, by the report's
 * writer), so that next month's report is `avvikelse rapport --period 2024-09`. It pins what
 * detection decided about each input's CSV dialect (encoding and delimiter), so that a month
 * whose export happens to look different is still read the same way. An existing
 * configuration file is overwritten only with `--force` (CONFIG_EXISTS).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { AvvikelseError } from '../errors.js';
import { visible } from '../core/text.js';
import type { Texts } from '../i18n/index.js';
import { readLedger, tuningFromEnv, type LedgerTotals } from '../read/index.js';
import { readNote } from '../app/run-report.js';
import { writeAtomically } from '../write/output.js';
import { CONFIG_FILE, loadConfig } from './config.js';
import type { Io } from './io.js';
import { OPTIONS, PER_INPUT_FLAGS, SETTING_KEYS, type Options, type RawOptions } from './options.js';
import { inputSettings } from './plan.js';

type InputName = 'utfall' | 'budget';

/** The month after `YYYY-MM`. */
export function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** What the periods of a ledger are: months (with their range), one year, months of no year, or none. */
function periodsOf(ledger: LedgerTotals): { kind: 'months' | 'year' | 'yearless' | 'none'; first: string; last: string } {
  const keys = [...ledger.rowsByPeriod.keys()].filter((k) => k !== '').sort();
  const months = keys.filter((k) => /^\d{4}-\d{2}$/.test(k));
  if (months.length > 0) return { kind: 'months', first: months[0] as string, last: months[months.length - 1] as string };
  const years = keys.filter((k) => /^\d{4}$/.test(k));
  if (years.length > 0) return { kind: 'year', first: years[0] as string, last: years[years.length - 1] as string };
  if (keys.length > 0) return { kind: 'yearless', first: '', last: '' };
  return { kind: 'none', first: '', last: '' };
}

/** A path as the configuration file writes it: relative to the file's folder, with `/` on every system. */
function configPath(file: string, configDir: string): string {
  const absolute = resolvePath(file);
  const rel = relative(configDir, absolute);
  return (rel.startsWith('..') && isAbsolute(file) ? absolute : rel).split(sep).join('/');
}

/** The dialect every file of an input was read in, when they agree (CSV and other text formats only). */
function pinnedDialect(ledgers: readonly LedgerTotals[]): Record<string, string> {
  const out: Record<string, string> = {};
  const same = <K extends 'encoding' | 'delimiter'>(key: K) => {
    const values = new Set(ledgers.map((l) => (l.format === 'csv' ? l[key] : undefined)));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const encoding = same('encoding');
  const delimiter = same('delimiter');
  if (encoding !== undefined) out.encoding = encoding;
  if (delimiter !== undefined) out.delimiter = delimiter === '\t' ? 'tab' : delimiter;
  return out;
}

/** A flag's value as the configuration file writes it: `key=value` pairs as an object, the rest as given. */
function asConfigValue(kind: string, value: unknown): unknown {
  if (kind !== 'record' || !Array.isArray(value)) return value;
  return Object.fromEntries(
    (value as string[]).map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
    }),
  );
}

/**
 * The input settings given as flags (`--col`, `--budget-sheet` …), as configuration keys: the
 * plain ones at the top, each input's own in `inputs.<input>`. They were needed to read the
 * samples, so next month's run needs them too.
 */
function givenSettings(flags: RawOptions): { plain: Record<string, unknown>; inputs: Record<string, Record<string, unknown>> } {
  const plain: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) if (flags[key] !== undefined) plain[key] = asConfigValue(OPTIONS[key].kind, flags[key]);
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const p of PER_INPUT_FLAGS) {
    const value = flags.inputs?.[p.input]?.[p.setting];
    if (value !== undefined) (inputs[p.input] ??= {})[p.name] = asConfigValue(OPTIONS[p.setting].kind, value);
  }
  return { plain, inputs };
}

/** Reads the samples, prints what was found, writes the configuration; the exit code. */
export async function runInitCommand(
  options: Pick<Options, 'utfall' | 'budget' | 'force' | 'config' | 'lang' | 'inputs'>,
  flags: RawOptions,
  io: Io,
  t: Texts,
): Promise<number> {
  const langGiven = flags.lang !== undefined;
  const files: Record<InputName, string[]> = { utfall: options.utfall ?? [], budget: options.budget ?? [] };
  for (const input of ['utfall', 'budget'] as const) {
    if (files[input].length === 0) throw new AvvikelseError('OPTION_MISSING', { option: `--${input} <…>`, command: 'init' });
  }
  const target = options.config ?? CONFIG_FILE;
  const targetPath = resolvePath(io.cwd, target);
  if (existsSync(targetPath) && !options.force) throw new AvvikelseError('CONFIG_EXISTS', {}, { file: target });

  const tuning = tuningFromEnv(io.env);
  const lines: string[] = [];
  const messages: string[] = [];
  const given = givenSettings(flags);
  const config: Record<string, unknown> = {};
  const inputs: Record<string, Record<string, unknown>> = given.inputs;
  const configDir = dirname(targetPath);
  let last: string | null = null;
  for (const input of ['utfall', 'budget'] as const) {
    const ledgers: LedgerTotals[] = [];
    for (const file of files[input]) {
      const s = inputSettings(options.inputs[input]);
      const ledger = await readLedger(file, {
        kind: input,
        role: input,
        dialect: s.dialect,
        columns: s.columns,
        inputUnit: s.inputUnit,
        inputUnitGiven: s.inputUnitGiven,
        inputSign: s.inputSign,
        sieDim: s.sieDim,
        sheet: s.sheet,
        groupBy: 'verksamhet',
        where: s.where,
        tuning,
      });
      ledgers.push(ledger);
      const heading = ledger.notes.find((n) => n.kind === 'headingUnit' && n.applied);
      const periods = periodsOf(ledger);
      if (input === 'utfall' && periods.kind === 'months' && (last === null || periods.last > last)) last = periods.last;
      lines.push(
        t.init.input(input, file),
        `  ${t.init.format(ledger.format, ledger.encoding, ledger.delimiter)}`,
        `  ${t.init.columns(ledger.codeColumn, ledger.amountColumns)}`,
        `  ${heading?.kind === 'headingUnit' ? t.init.unit(heading.unit, heading.heading) : t.init.unit('kr', undefined)}`,
        `  ${t.init.periods(periods.kind, periods.first, periods.last, ledger.dataRows)}`,
      );
      // A file read for both inputs has notes from each read: they name the input, as the report's do.
      const label = files.utfall.includes(file) && files.budget.includes(file) ? `${file} (--${input})` : file;
      for (const n of ledger.notes) messages.push(`avvikelse: ${t.noteLabel}: ${t.message(readNote(label, n))}`);
    }
    config[input] = files[input].map((f) => configPath(f, configDir));
    // Detection is pinned where no flag decided: an encoding or delimiter given stays as given.
    const own = inputs[input] ?? {};
    const dialect = Object.entries(pinnedDialect(ledgers)).filter(([k]) => own[k] === undefined && given.plain[k] === undefined);
    if (dialect.length > 0) inputs[input] = { ...own, ...Object.fromEntries(dialect) };
  }
  Object.assign(config, given.plain);
  if (Object.keys(inputs).length > 0) config.inputs = inputs;
  if (langGiven) config.lang = options.lang;

  await writeAtomically(targetPath, `${JSON.stringify(config, null, 2)}\n`, [...files.utfall, ...files.budget]);
  // What was written must read back as a valid configuration; a failure here is a bug.
  loadConfig(targetPath, io.cwd);

  const command = target === CONFIG_FILE ? 'npx avvikelse rapport' : `npx avvikelse rapport --config ${target}`;
  lines.push('', t.init.wrote(target));
  if (last !== null)
    lines.push(`${t.init.thisMonth} ${command} --period ${last}`, `${t.init.nextMonth} ${command} --period ${nextMonth(last)}`);
  else lines.push(`${t.init.thisMonth} ${command} --period ${t.init.periodPlaceholder}`);
  for (const m of messages) io.stderr(`${visible(m)}\n`);
  io.stdout(`${lines.map((l) => visible(l)).join('\n')}\n`);
  return 0;
}
