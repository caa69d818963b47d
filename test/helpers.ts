/** Runs the CLI in-process with captured output, as a user would run it from the repo root. */
import { main } from '../src/cli/main.js';
import type { ReadSpec } from '../src/read/source.js';
import { texts } from '../src/i18n/index.js';
import { columnLabels, type VerifyOptions } from '../src/report/verify/index.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `stdoutError`: stdout fails with that system code (`ENOSPC`, `EPIPE`), as `> /dev/full` or a closed pipe would. */
export async function cli(
  args: string[],
  opts: { env?: Record<string, string>; tty?: boolean; cwd?: string; stdoutError?: string } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: opts.env ?? {},
    stdoutIsTTY: opts.tty ?? false,
    cwd: opts.cwd ?? process.cwd(),
    finish: () => Promise.resolve(opts.stdoutError),
  });
  return { code, stdout, stderr };
}

/** A read spec with the reader's defaults (auto-detected dialect, kr, ledger sign, per verksamhet, fast path on one thread). */
export function ledgerSpec(over: Partial<ReadSpec> = {}): ReadSpec {
  return {
    kind: 'utfall',
    dialect: { encoding: 'auto', delimiter: 'auto', decimal: 'auto' },
    columns: {},
    inputUnit: 'kr',
    inputUnitGiven: false,
    inputSign: 'cost-positive',
    groupBy: 'verksamhet',
    where: [],
    tuning: { fastPath: true, threads: 1, parallelMinBytes: 64 << 20 },
    ...over,
  };
}

export const FIXTURES = 'fixtures';
export const UTFALL = `${FIXTURES}/utfall-2024.csv`;
export const UTFALL_UTF8 = `${FIXTURES}/utfall-2024-utf8.csv`;
export const BUDGET = `${FIXTURES}/budget-2024.csv`;

/** verify's options as the command line gives them with no flags (tests of `verifyTables` in-process). */
export const VERIFY_DEFAULTS: VerifyOptions = {
  summaLabels: [],
  ignore: [],
  deviation: null,
  relations: [],
  parents: [],
  strict: false,
  allowEmpty: false,
  cross: true,
};

/** avvikelse's own column headings in both languages, as verify recognises them. */
export const VERIFY_LABELS = columnLabels(texts('sv').columns, texts('en').columns);
