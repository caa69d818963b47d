import { visible } from '../core/text.js';

/** What a command run touches of the outside world, so tests can run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  /** Progress goes to stderr only when it is a terminal. */
  stderrIsTTY?: boolean;
  cwd: string;
}

export function processIo(): Io {
  // `avvikelse report | head`: once the reader has closed the pipe, nobody wants the rest.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
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

/** Colour only on a terminal, never with NO_COLOR (any non-empty value) or --no-color. */
export function useColour(io: Io, flag: boolean): boolean {
  const noColor = io.env.NO_COLOR;
  return flag && io.stdoutIsTTY && (noColor === undefined || noColor === '');
}
