/** What a command run touches of the outside world, so tests can run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
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
    cwd: process.cwd(),
  };
}

/** Colour only on a terminal, never with NO_COLOR (any non-empty value) or --no-color. */
export function useColour(io: Io, flag: boolean): boolean {
  const noColor = io.env.NO_COLOR;
  return flag && io.stdoutIsTTY && (noColor === undefined || noColor === '');
}
