/**
 * Where the output goes, through the built CLI as a separate process (issue 12, items 4, 5,
 * 9, 12 and 17): `--out` never overwrites an input or the configuration file; a symbolic link
 * is written through to its file atomically and stays a link; a device or FIFO is written in
 * place, never replaced; a folder and (not as root) a read-only folder are refused; SIGINT or
 * SIGTERM midway leaves no temporary file and the old target intact; a failed write on stdout
 * is exit 74 with a message, a closed pipe a quiet end; TERM=dumb and FORCE_COLOR.
 *
 * Device tests never point `--out` at the machine's own devices as root (a regression would
 * replace /dev/null or /dev/full for everyone): as root they make their own device nodes
 * (`mknod`, char 1,3 and 1,7) and their own link to /proc/self/fd/1 in a temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';

const BIN = resolve('bin/avvikelse.js');
const U = resolve(UTFALL);
const B = resolve(BUDGET);
const ROOT = process.getuid?.() === 0;
const base = ['report', '--utfall', U, '--budget', B];

interface Proc {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; `stdout` may be a file descriptor to write to. */
function run(args: string[], opts: { cwd?: string; stdout?: number; env?: Record<string, string> } = {}): Proc {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr };
}

const dir = () => mkdtempSync(join(tmpdir(), 'avvikelse-out-'));
const leftovers = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp'));
const noStack = (p: Proc) => expect(p.stderr).not.toMatch(/\n\s+at |node:internal/);

/** `/dev/<name>`, or as root a device node of the same kind in `d`. */
function device(d: string, name: 'null' | 'full'): string {
  if (!ROOT) return `/dev/${name}`;
  const path = join(d, name);
  const made = spawnSync('mknod', ['-m', '666', path, 'c', '1', name === 'null' ? '3' : '7']);
  expect(made.status, String(made.stderr)).toBe(0);
  return path;
}

/** `/dev/stdout`, or as root a link of the same kind in `d`. */
function devStdout(d: string): string {
  if (!ROOT) return '/dev/stdout';
  symlinkSync('/proc/self/fd/1', join(d, 'stdout'));
  return join(d, 'stdout');
}

describe('--out never overwrites the configuration file (item 4)', () => {
  const setup = () => {
    const d = dir();
    const config = join(d, 'avvikelse.config.json');
    const text = JSON.stringify({ utfall: [U], budget: [B] });
    writeFileSync(config, text);
    symlinkSync('avvikelse.config.json', join(d, 'lank.json'));
    linkSync(config, join(d, 'hard.json'));
    mkdirSync(join(d, 'sub'));
    return { d, config, text };
  };

  it('refuses the implicit ./avvikelse.config.json by any spelling: relative, ./x/.., a symbolic link, a hard link', () => {
    const { d, config, text } = setup();
    for (const out of ['avvikelse.config.json', './sub/../avvikelse.config.json', 'lank.json', 'hard.json', config]) {
      const p = run(['report', '--out', out, '--format', 'json'], { cwd: d });
      expect(p.code, out).toBe(2);
      expect(p.stderr, out).toContain('[OUTPUT_IS_INPUT]');
      expect(readFileSync(config, 'utf8')).toBe(text);
    }
    expect(lstatSync(join(d, 'lank.json')).isSymbolicLink()).toBe(true);
  });

  it('refuses the file named by --config, from another working directory', () => {
    const { d, config, text } = setup();
    for (const out of ['../avvikelse.config.json', '../lank.json', config]) {
      const p = run(['report', '--config', '../avvikelse.config.json', '--out', out, '--format', 'json'], { cwd: join(d, 'sub') });
      expect(p.code, out).toBe(2);
      expect(p.stderr, out).toContain('[OUTPUT_IS_INPUT]');
    }
    expect(readFileSync(config, 'utf8')).toBe(text);
  });
});

describe('--out to what is not a regular file (item 5)', () => {
  it('writes through a symbolic link to its file, atomically, and the link stays a link', () => {
    const d = dir();
    writeFileSync(join(d, 'rapport.csv'), 'gammal\n');
    chmodSync(join(d, 'rapport.csv'), 0o640);
    symlinkSync('rapport.csv', join(d, 'senaste.csv'));
    const p = run([...base, '--out', join(d, 'senaste.csv')]);
    expect(p.code).toBe(0);
    expect(lstatSync(join(d, 'senaste.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'senaste.csv'))).toBe('rapport.csv');
    expect(readFileSync(join(d, 'rapport.csv'), 'utf8')).toContain('Driftredovisning 2024');
    expect(statSync(join(d, 'rapport.csv')).mode & 0o777).toBe(0o640);
    expect(leftovers(d)).toEqual([]);
  });

  it('creates the file a dangling link leads to, through a chain of links', () => {
    const d = dir();
    mkdirSync(join(d, 'arkiv'));
    symlinkSync('arkiv/2024.md', join(d, 'steg.md'));
    symlinkSync('steg.md', join(d, 'senaste.md'));
    const p = run([...base, '--out', join(d, 'senaste.md')]);
    expect(p.code).toBe(0);
    expect(lstatSync(join(d, 'senaste.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'arkiv', '2024.md'), 'utf8')).toContain('### Driftredovisning 2024');
  });

  it('refuses a link that leads to an input, and a loop of links', () => {
    const d = dir();
    symlinkSync(B, join(d, 'budget.csv'));
    expect(run([...base, '--out', join(d, 'budget.csv')]).stderr).toContain('[OUTPUT_IS_INPUT]');
    symlinkSync('b.csv', join(d, 'a.csv'));
    symlinkSync('a.csv', join(d, 'b.csv'));
    const loop = run([...base, '--out', join(d, 'a.csv')]);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain('(ELOOP) [OUTPUT_UNWRITABLE]');
    expect(lstatSync(join(d, 'a.csv')).isSymbolicLink()).toBe(true);
  });

  it('writes to /dev/null in place and leaves it a device', () => {
    const d = dir();
    const nul = device(d, 'null');
    const p = run([...base, '--format', 'csv', '--out', nul]);
    expect(p.code).toBe(0);
    expect(statSync(nul).isCharacterDevice()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('writes to /dev/stdout in place: into a pipe, into a file, and /dev/stdout stays what it was', () => {
    const d = dir();
    const stdout = devStdout(d);
    const before = lstatSync(stdout);
    const cmd = [BIN, ...base, '--format', 'csv', '--out', stdout].map((a) => `'${a}'`).join(' ');
    // A shell pipe, as a user runs it (node's own 'pipe' is a socket, which /dev/stdout cannot open: ENXIO).
    const piped = spawnSync('sh', ['-c', `'${process.execPath}' ${cmd} | cat`], { encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('Kod;Namn;Utfall;Budget;Avvikelse');
    const file = join(d, 'ut.csv');
    const redirected = spawnSync('sh', ['-c', `'${process.execPath}' ${cmd} > '${file}'`], { encoding: 'utf8' });
    expect(redirected.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Kod;Namn;Utfall;Budget;Avvikelse');
    const after = lstatSync(stdout);
    expect([after.isSymbolicLink(), after.ino]).toEqual([before.isSymbolicLink(), before.ino]);
    expect(leftovers(d)).toEqual([]);
  });

  it('a full disk (/dev/full) is a clear error, exit 74, and the device stays a device', () => {
    const d = dir();
    const full = device(d, 'full');
    const p = run([...base, '--format', 'csv', '--out', full]);
    expect(p.code).toBe(74);
    expect(p.stderr).toBe(`avvikelse: fel: ${full}: utfilen kan inte skrivas: disken är full (ENOSPC) [OUTPUT_UNWRITABLE]\n`);
    expect(statSync(full).isCharacterDevice()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('writes to a FIFO in place, to the process reading it', async () => {
    const d = dir();
    const fifo = join(d, 'rapport.md'); // a FIFO named as the format it carries
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The reader is another process (`cat`), as in `avvikelse … --out fifo & cat fifo`.
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const readerDone = new Promise((done) => reader.on('close', done));
    const child = spawn(process.execPath, [BIN, ...base, '--format', 'md', '--out', fifo], { stdio: 'ignore' });
    const code = await new Promise((done) => child.on('close', done));
    await readerDone;
    const read = Buffer.concat(chunks).toString('utf8');
    expect(code).toBe(0);
    expect(read).toContain('### Driftredovisning 2024');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('an error about a FIFO as --out never opens it (it would wait for a reader forever)', () => {
    const d = dir();
    const fifo = join(d, 'rapport.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const p = run([...base, '--format', 'md', '--out', fifo]);
    expect(p.signal).toBe(null);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('[OUTPUT_FORMAT]');
  });

  it('refuses a folder before writing anything', () => {
    const d = dir();
    mkdirSync(join(d, 'rapport.csv'));
    const p = run([...base, '--out', join(d, 'rapport.csv')]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('det är en mapp, inte en fil (EISDIR) [OUTPUT_UNWRITABLE]');
    expect(readdirSync(d)).toEqual(['rapport.csv']);
    expect(readdirSync(join(d, 'rapport.csv'))).toEqual([]);
  });

  // root may write into a read-only folder, so the refusal cannot be seen as root.
  it.skipIf(ROOT)('refuses a read-only folder and leaves it empty (skipped as root, who may write there anyway)', () => {
    const d = dir();
    const ro = join(d, 'skrivskyddad');
    mkdirSync(ro, 0o555);
    const p = run([...base, '--out', join(ro, 'rapport.csv')]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('behörighet saknas (EACCES) [OUTPUT_UNWRITABLE]');
    expect(readdirSync(ro)).toEqual([]);
  });
});

describe('an interrupted --out leaves no temporary file (item 12)', () => {
  /** Starts a write that pauses after its temporary file is written (AVVIKELSE_DEBUG=out-pause). */
  async function paused(target: string) {
    const child = spawn(process.execPath, [BIN, ...base, '--out', target], {
      env: { ...process.env, AVVIKELSE_DEBUG: 'out-pause' },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('close', (code, signal) => done({ code, signal })),
    );
    await new Promise<void>((ready) =>
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (stderr.includes('paused')) ready();
      }),
    );
    const tmp = /paused (.*)\n/.exec(stderr)?.[1] as string;
    return { child, ended, tmp, stderr: () => stderr };
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} midway: the temporary file is removed, the old report intact, and the process ends by the signal`, async () => {
      const d = dir();
      const target = join(d, 'rapport.csv');
      writeFileSync(target, 'förra månadens rapport\n');
      const w = await paused(target);
      expect(existsSync(w.tmp)).toBe(true);
      expect(leftovers(d)).toHaveLength(1);
      w.child.kill(signal);
      const end = await w.ended;
      expect(end.signal).toBe(signal);
      expect(leftovers(d)).toEqual([]);
      expect(readFileSync(target, 'utf8')).toBe('förra månadens rapport\n');
    });
  }

  it('a rename that fails midway removes the temporary file and says why', async () => {
    const d = dir();
    const target = join(d, 'rapport.csv');
    const w = await paused(target);
    mkdirSync(target); // the target became a folder while the report was being written
    w.child.stdin?.end(); // go on: the rename fails
    const end = await w.ended;
    expect(end.code).toBe(2);
    expect(w.stderr()).toContain('det är en mapp, inte en fil (EISDIR) [OUTPUT_UNWRITABLE]');
    expect(leftovers(d)).toEqual([]);
  });

  it('SIGKILL can leave the temporary file (documented), never a half-written target', async () => {
    const d = dir();
    const target = join(d, 'rapport.csv');
    writeFileSync(target, 'förra månadens rapport\n');
    const w = await paused(target);
    w.child.kill('SIGKILL');
    await w.ended;
    expect(leftovers(d)).toHaveLength(1);
    expect(readFileSync(target, 'utf8')).toBe('förra månadens rapport\n');
    rmSync(w.tmp);
  });
});

describe('stdout write errors (item 9)', () => {
  it('> /dev/full: a clear message and exit 74, no stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const p = run(base, { stdout: fd });
      expect(p.code).toBe(74);
      expect(p.stderr).toBe('avvikelse: fel: standard ut kan inte skrivas: disken är full (ENOSPC) [STDOUT_UNWRITABLE]\n');
      noStack(p);
      const en = run([...base, '--lang', 'en', '--format', 'json'], { stdout: fd });
      expect(en.stderr).toBe('avvikelse: error: cannot write to standard output: the disk is full (ENOSPC) [STDOUT_UNWRITABLE]\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a reader that closes the pipe (| head) ends the run quietly, with the exit code it would have had', async () => {
    for (const [args, expected] of [
      [base, 0],
      [[...base, '--fail-on', 'avvikelse<0'], 1],
    ] as const) {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // closed before the report is written
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise((done) => child.on('close', done));
      expect(code).toBe(expected);
      expect(stderr).not.toMatch(/EPIPE|STDOUT_UNWRITABLE|\n\s+at /);
    }
  });
});

describe('colour (item 17): chalk supports-color rules', () => {
  const colour = async (env: Record<string, string>, tty: boolean, extra: string[] = []) =>
    // eslint-disable-next-line no-control-regex
    /\u001b\[/.test((await cli([...base, ...extra], { env, tty })).stdout);

  it('TERM=dumb gets no colour on a terminal', async () => {
    expect(await colour({}, true)).toBe(true);
    expect(await colour({ TERM: 'dumb' }, true)).toBe(false);
    expect(await colour({ TERM: 'xterm-256color' }, true)).toBe(true);
  });

  it('FORCE_COLOR: a level from 1, empty or true colours even a pipe, NO_COLOR and TERM=dumb; 0 or false never; --no-color wins', async () => {
    for (const v of ['1', '3', '', 'true']) expect(await colour({ FORCE_COLOR: v }, false), v).toBe(true);
    expect(await colour({ FORCE_COLOR: '1', NO_COLOR: '1', TERM: 'dumb' }, false)).toBe(true);
    for (const v of ['0', 'false']) expect(await colour({ FORCE_COLOR: v }, true), v).toBe(false);
    expect(await colour({ FORCE_COLOR: 'ja' }, true)).toBe(true);
    expect(await colour({ FORCE_COLOR: 'ja' }, false)).toBe(false);
    expect(await colour({ FORCE_COLOR: '1' }, true, ['--no-color'])).toBe(false);
    expect(await colour({ NO_COLOR: '1' }, true)).toBe(false);
  });

  it('never colours a file', async () => {
    const out = join(dir(), 'rapport.txt');
    expect((await cli([...base, '--out', out], { env: { FORCE_COLOR: '3' } })).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('\u001b');
  });
});
