/**
 * Every example in README.md runs as written: the ```sh blocks are read from the README, and
 * each `npx avvikelse …` line runs against the built CLI (bin/avvikelse.js) on the shipped
 * fixtures, from a scratch folder per block that sees the repository's `fixtures` and `test`
 * folders (so `--out manad.xlsx`, `> prognos.md` and `init`'s avvikelse.config.json never
 * write into the repository, nor reach another block). An example's
 * expected result is read from the comment lines under it: a `# avvikelse: fel: …` line means
 * exit 2 and that text on stderr, a `# …: fel: …` line under `kontroll` a failed check (exit
 * 1), anything else exit 0; each `# avvikelse: fel/varning/not: …` line shown in full must
 * appear on stderr as shown. Other shell lines (printf, echo, grep) run too, as set-up; the
 * few that need the network or run for minutes are in SKIP with the reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'avvikelse.js');

/** Lines (or their beginnings) that are not run, and why. */
const SKIP: ReadonlyArray<{ prefix: string; reason: string; runRest?: true }> = [
  { prefix: 'npm install && ', reason: 'installs from the registry (network); the rest of the line runs', runRest: true },
  { prefix: 'npm test', reason: 'the test suite itself' },
  { prefix: 'npm install --no-save', reason: 'installs an optional package from the registry (network)' },
  { prefix: 'npm install', reason: 'installs from the registry (network)' },
  { prefix: 'npm run bench', reason: 'a benchmark that runs for minutes' },
];

export interface Example {
  /** The README line the command starts on. */
  line: number;
  /** The ```sh block it is in (0 for the first). */
  block: number;
  /** The command as written, continuation lines joined. */
  command: string;
  /** The comment lines under it, without `# `. */
  shown: string[];
}

/** The command lines of README's ```sh blocks, with the comment lines under each. */
export function examples(readme: string): Example[] {
  const out: Example[] = [];
  const lines = readme.split('\n');
  let block = -1;
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```sh\s*$/.exec(lines[i] as string);
    if (!open) continue;
    block++;
    const indent = (open[1] as string).length;
    let current: Example | undefined;
    for (i++; i < lines.length && !/^ *```\s*$/.test(lines[i] as string); i++) {
      const start = i;
      let text = (lines[i] as string).slice(indent);
      while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${(lines[++i] as string).trim()}`;
      if (text.trim() === '') continue;
      if (text.startsWith('#')) {
        current?.shown.push(text.replace(/^# ?/, ''));
        continue;
      }
      current = { line: start + 1, block, command: text.replace(/\s+/g, ' ').trim(), shown: [] };
      out.push(current);
    }
  }
  return out;
}

const scratch = mkdtempSync(join(tmpdir(), 'avvikelse-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The scratch folder of a block: its own, seeing the repository's fixtures and tests. */
function folder(block: number): string {
  const dir = join(scratch, String(block));
  if (!existsSync(dir)) {
    mkdirSync(dir);
    for (const d of ['fixtures', 'test']) symlinkSync(join(ROOT, d), join(dir, d), 'dir');
  }
  return dir;
}

function sh(command: string, cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('sh', ['-c', command], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, AVVIKELSE_BIN: BIN, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The documents whose examples run: the README and the Swedish user guide. */
const DOCS = ['README.md', 'docs/anvandarguide.md'];
const EXAMPLES = DOCS.flatMap((doc, d) =>
  examples(readFileSync(join(ROOT, doc), 'utf8')).map((e) => ({ ...e, doc, block: d * 10_000 + e.block })),
);

describe.skipIf(process.platform === 'win32')('README and user guide examples', () => {
  it('finds the examples, and every avvikelse command is written `npx avvikelse`', () => {
    expect(EXAMPLES.length).toBeGreaterThan(30);
    const bare = EXAMPLES.filter((e) => /^avvikelse\s/.test(e.command)).map((e) => `${e.doc}:${e.line}`);
    expect(bare, 'write `npx avvikelse`: the quick start puts no avvikelse on the PATH').toEqual([]);
  });

  // One test per block of lines, in README order: a set-up line (printf > prognos.md) runs before the command that reads its file.
  it.each(EXAMPLES.map((e) => [`${e.doc}:${e.line}`, e] as const))('%s runs as written', (_where, e) => {
    let command = e.command;
    const skip = SKIP.find((s) => command.startsWith(s.prefix));
    if (skip && !skip.runRest) return;
    if (skip) command = command.slice(skip.prefix.length);
    const isAvvikelse = /^npx avvikelse\s/.test(command);
    const run = sh(isAvvikelse ? command.replace(/^npx avvikelse/, 'node "$AVVIKELSE_BIN"') : command, folder(e.block));
    const where = `${e.doc}:${e.line}: ${e.command}\n--- stderr\n${run.stderr}`;
    if (!isAvvikelse) {
      expect(run.code, where).toBe(0);
      return;
    }
    const error = e.shown.find((s) => s.startsWith('avvikelse: fel:'));
    const failedCheck = /^npx avvikelse (kontroll|verify)\s/.test(command) && e.shown.some((s) => /: fel: /.test(s));
    expect(run.code, where).toBe(error ? 2 : failedCheck ? 1 : 0);
    for (const s of e.shown) {
      if (!/^avvikelse: (fel|varning|not|error|warning|note):/.test(s) || s.includes('…')) continue;
      expect(run.stderr, where).toContain(s);
    }
  });
});
