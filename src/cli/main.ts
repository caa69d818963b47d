/**
 * The avvikelse program: parses the command line (commander), loads the configuration,
 * runs one command and returns its exit code (`EXIT`). User errors are printed as one clear
 * message (with the offending line under it); anything else is a bug and shows a stack
 * trace only with --debug.
 */
import { Command, CommanderError } from 'commander';
import { AvvikelseError, isAvvikelseError, type Place } from '../errors.js';
import { visible } from '../core/text.js';
import { readFileSync } from 'node:fs';
import { bilingual, clip, clipParams, LANGS, QUOTED_MAX, texts, type Lang, type Texts } from '../i18n/index.js';
import { localiseHelp } from './help.js';
import { codesCommand, runCodesCommand } from './codes.js';
import { initCommand, verifyCommand } from './commands.js';
import { loadConfig } from './config.js';
import { excerpt, excerptReady } from '../read/index.js';
import { processIo, type Io } from './io.js';
import { declare, OPTIONS, resolve, resolveOne, type CommandName, type Options, type RawOptions } from './options.js';
import { reportCommand, runReportCommand } from './report.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The exit codes (README "Exit codes"): 0 success; 1 a check failed (`--fail-on`, verify);
 * 2 bad usage or bad input; 70 an internal error (a bug, sysexits' EX_SOFTWARE); 74 the
 * output could not be written (sysexits' EX_IOERR: a full disk, an I/O error, stdout closed
 * with an error). A reader that closes the pipe (`| head`) ends the run quietly with the
 * code it would have had.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70, ioError: 74 } as const;

/** Reasons of OUTPUT_UNWRITABLE that mean "name another path" (exit 2) rather than a failed write (74). */
const PATH_REASONS = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EISDIR', 'EROFS', 'ELOOP', 'ENAMETOOLONG', 'EEXIST']);

/** The exit code of a user error: 74 for a write that failed, else 2. */
export function exitCodeOf(e: AvvikelseError): number {
  if (e.code === 'STDOUT_UNWRITABLE') return EXIT.ioError;
  if (e.code === 'OUTPUT_UNWRITABLE' && !PATH_REASONS.has(String(e.params.reason))) return EXIT.ioError;
  return EXIT.usage;
}

/** The value of `--name VALUE` or `--name=VALUE` in argv, before full parsing. */
function peek(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

/**
 * Whether a place is inside a file, so that it has an excerpt: a place that names a whole
 * file (an --out path, perhaps a FIFO or a device) is never opened to look for one.
 */
const insideFile = (loc: Place): boolean => loc.line !== undefined || loc.sheet !== undefined || loc.record !== undefined;

/**
 * An error as the user sees it: `file:line: kolumn X: message [CODE]` (`file:Sheet!B12:` in
 * a sheet, `file:#N:` in a record format), then the excerpt the file's source draws. Control
 * characters from the data (a file name, a value) are shown `visible`.
 */
export function formatError(e: AvvikelseError, t: Texts): string {
  const loc = e.location;
  let place = '';
  if (loc) {
    if (loc.sheet !== undefined) place = `${loc.file}:${loc.sheet}!${loc.cell}: `;
    else if (loc.record !== undefined) place = `${loc.file}:#${loc.record}: `;
    else place = `${loc.file}${loc.line !== undefined ? `:${loc.line}` : ''}: `;
    if (loc.column !== undefined) place += `${t.column} ${clip(loc.column, QUOTED_MAX, t.characters)}: `;
  }
  // Every value from the data is cut short (a header or a cell of 50 MB is a line, not 50 MB),
  // and control characters in it are shown as escapes, never sent to the terminal.
  const lines = [visible(`avvikelse: ${t.errorLabel}: ${place}${t.error[e.code](clipParams(e.params, t.characters))} [${e.code}]`)];
  if (loc && insideFile(loc)) lines.push(...excerpt(loc));
  return `${lines.join('\n')}\n`;
}

/** Commander's usage errors, in the user's language. */
function commanderToUser(e: CommanderError, command: string): AvvikelseError {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return new AvvikelseError('OPTION_UNKNOWN', { option: quoted, command });
    case 'commander.unknownCommand':
      return new AvvikelseError('COMMAND_UNKNOWN', { command: quoted });
    case 'commander.missingArgument':
      return new AvvikelseError('OPTION_MISSING', { option: `<${quoted}>`, command });
    case 'commander.optionMissingArgument':
      return new AvvikelseError('OPTION_MISSING', { option: `${quoted.split(' ')[0]} <…>`, command });
    case 'commander.excessArguments': {
      const [expected = '?', found = '?'] = /Expected (\d+) arguments? but got (\d+)/.exec(e.message)?.slice(1) ?? [];
      return new AvvikelseError('USAGE', { reason: 'excessArguments', expected, found, command });
    }
    default:
      return new AvvikelseError('USAGE', { reason: e.message.replace(/^error: /, ''), command });
  }
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  // The language of `--help` and of errors before the configuration is read: the flag's.
  const langText = peek(argv, '--lang');
  let lang: Lang = langText !== undefined && (LANGS as readonly string[]).includes(langText) ? (langText as Lang) : 'sv';
  let t = texts(lang);
  let exitCode = 0;
  let current = argv[0] ?? '';
  /** The code, once stdout is written: 74 and a message when a write failed, quietly as it is when the reader left (EPIPE). */
  const done = async (code: number): Promise<number> => {
    const failed = await io.finish?.();
    if (failed === undefined || failed === 'EPIPE') return code;
    io.stderr(formatError(new AvvikelseError('STDOUT_UNWRITABLE', { reason: failed }), t));
    return EXIT.ioError;
  };
  try {
    if (langText !== undefined) OPTIONS.lang.parse(langText);
    /** Flags > configuration > fallback; from here on, every output is in the resolved language. */
    const optionsOf = (flags: RawOptions, command: CommandName): Options => {
      const config = loadConfig(flags.config, io.cwd);
      const resolved = resolveOne('lang', flags, config);
      if (resolved !== lang) {
        lang = resolved;
        t = texts(lang);
      }
      return resolve(flags, config, command);
    };
    const d = bilingual(lang);
    // Commander writes help to our io and leaves errors to us (printed below, exit 2).
    const output = { writeOut: (s: string) => io.stdout(s), writeErr: (s: string) => io.stderr(s), outputError: () => undefined };
    const program = new Command('avvikelse')
      .description(
        d(
          'budgetavvikelse och driftredovisning för kommuner, exakt i tkr',
          'budget deviation and operating statements for Swedish municipalities, exact in tkr',
        ),
      )
      .version(VERSION, '-V, --version');
    declare(program, 'global', lang).exitOverride().configureOutput(output);
    program.addCommand(
      reportCommand(lang, async (flags) => {
        current = 'report';
        const options = optionsOf(flags, 'report');
        exitCode = await runReportCommand(options, io, t, argv);
      }),
    );
    program.addCommand(
      verifyCommand(lang, async (files, flags) => {
        current = 'verify';
        const options = optionsOf(flags, 'verify');
        const { runVerifyCommand } = await import('./verify.js');
        exitCode = await runVerifyCommand(files, options, flags.utfall !== undefined || flags.budget !== undefined, io, t);
      }),
    );
    program.addCommand(
      codesCommand(lang, (prefix, flags) => {
        current = 'codes';
        exitCode = runCodesCommand(prefix, optionsOf(flags, 'codes'), io, t);
      }),
    );
    localiseHelp(program, lang, true);
    program.addCommand(
      initCommand(lang, async (flags) => {
        current = 'init';
        // init writes the configuration file: it never reads one (an old one may be broken, or about to be replaced).
        const resolved = resolveOne('lang', flags, {});
        if (resolved !== lang) {
          lang = resolved;
          t = texts(lang);
        }
        const options = resolve(flags, {}, 'init');
        const { runInitCommand } = await import('./init.js');
        exitCode = await runInitCommand(options, flags, io, t);
      }),
    );
    for (const cmd of program.commands) localiseHelp(cmd.exitOverride().configureOutput(output), lang);
    if (argv.length === 0) {
      program.outputHelp();
      return await done(EXIT.usage);
    }
    await program.parseAsync(argv, { from: 'user' });
    return await done(exitCode);
  } catch (e) {
    let err: unknown = e;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return await done(EXIT.ok);
      const command = { rapport: 'report', kontroll: 'verify', koder: 'codes', initiera: 'init' }[current] ?? current;
      err = commanderToUser(e, ['report', 'verify', 'codes', 'init'].includes(command) ? command : '');
    }
    if (isAvvikelseError(err)) {
      // The source of the error's file draws the excerpt: loaded now if no read loaded it.
      if (err.location && insideFile(err.location)) await excerptReady(err.location).catch(() => undefined);
      io.stderr(formatError(err, t));
      return await done(exitCodeOf(err));
    }
    const bug = err as Error;
    io.stderr(`avvikelse: ${t.errorLabel}: ${lang === 'sv' ? 'internt fel' : 'internal error'}: ${visible(bug?.message ?? String(bug))}\n`);
    if (debug && bug?.stack) io.stderr(`${bug.stack}\n`);
    return await done(EXIT.internal);
  }
}
