import { visible } from '../core/text.js';
import { removePendingTemps } from '../write/output.js';

/** What a command run touches of the outside world, so tests can run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  /** The terminal's width when stdout is one (the table is fitted to it unless `--bred`). */
  stdoutColumns?: number;
  /** Progress goes to stderr only when it is a terminal. */
  stderrIsTTY?: boolean;
  cwd: string;
  /**
   * Waits until everything given to `stdout` is written; the system's code of a write that
   * failed (`EPIPE`: the reader closed the pipe; `ENOSPC`: `> /dev/full`), else undefined.
   */
  finish?: () => Promise<string | undefined>;
}

/** The signals after which the temporary file of an `--out` write is removed (SIGKILL cannot be caught). */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The real process. A failed write on stdout is remembered, not thrown (main() reports it:
 * exit 74, or quietly for `| head`), and what follows is not written. On SIGINT, SIGTERM and
 * SIGHUP the temporary file of an `--out` write is removed, then the signal is raised again,
 * so the process ends as the signal says (exit status 130 for Ctrl-C).
 */
export function processIo(): Io {
  let failed: string | undefined;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    failed ??= e.code ?? e.message;
  });
  for (const signal of SIGNALS)
    process.once(signal, () => {
      removePendingTemps();
      process.kill(process.pid, signal);
    });
  process.once('exit', removePendingTemps);
  return {
    stdout: (t) => {
      if (failed === undefined) process.stdout.write(t);
    },
    finish: () =>
      new Promise((done) => {
        if (failed !== undefined) done(failed);
        else process.stdout.write('', (e?: NodeJS.ErrnoException | null) => done(failed ?? e?.code));
      }),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/**
 * A progress reporter for long reads: on a terminal only, and only once a read has taken
 * more than a second, a single line rewritten in place ("läser utfall.csv: 45 %").
 */
export function progressReporter(
  io: Io,
  label: (file: string, percent: number) => string,
):
  | {
      report: (file: string, done: number, total: number) => void;
      clear: () => void;
    }
  | undefined {
  if (!io.stderrIsTTY) return undefined;
  const started = Date.now();
  let shown = false;
  return {
    report(file, done, total) {
      if (Date.now() - started < 1000) return;
      shown = true;
      io.stderr(`\r${visible(label(file, Math.floor((done * 100) / Math.max(total, 1))))}\u001b[K`);
    },
    clear() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}

/**
 * Whether the table is coloured, by the rules of chalk's supports-color where they apply:
 * never with `--no-color`; else `FORCE_COLOR` decides when it is set (`0` or `false`: no
 * colour; empty, `true` or a number from 1: colour, even into a pipe, even with NO_COLOR or
 * TERM=dumb, as Node's own FORCE_COLOR; any other value is ignored, as chalk ignores it);
 * else no colour with NO_COLOR (any non-empty value) or `TERM=dumb`, and colour on a terminal.
 * @example useColour({ env: { TERM: 'dumb' }, stdoutIsTTY: true } as Io, true) // false
 * @example useColour({ env: { FORCE_COLOR: '1' }, stdoutIsTTY: false } as Io, true) // true
 */
export function useColour(io: Io, flag: boolean): boolean {
  if (!flag) return false;
  const forced = forceColour(io.env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  if (io.env.NO_COLOR) return false;
  if (io.env.TERM === 'dumb') return false;
  return io.stdoutIsTTY;
}

/** FORCE_COLOR as supports-color reads it: true, false, or undefined (unset or no level). */
function forceColour(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return true;
  if (value === 'false') return false;
  const level = Number.parseInt(value, 10);
  return Number.isNaN(level) ? undefined : level > 0;
}
