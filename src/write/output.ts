/**
 * Writing `--out`. An output path that is one of the inputs (the configuration file
 * included) is refused, however it is spelled (a relative path, a symbolic or hard link).
 * Then, by what the path is:
 *
 * - a regular file, or no file yet: atomically — the text or bytes go to a temporary file in
 *   the same folder (`.NAME.PID.HEX.tmp`), which is then renamed over the target, so a failed
 *   or interrupted run never leaves a half-written report. An existing file keeps its mode.
 * - a symbolic link: the same, on the file the link leads to (followed to its end, a link to
 *   a file not yet there included); the link stays a link.
 * - anything else that exists (a device such as `/dev/stdout` or `/dev/null`, a FIFO, a
 *   socket): written in place, never replaced, so a full disk (`/dev/full`) is an error.
 * - a folder: OUTPUT_UNWRITABLE (EISDIR), before anything is written.
 *
 * The temporary file is removed when the write fails, and on SIGINT, SIGTERM and SIGHUP
 * (`removePendingTemps`, called by the CLI's signal handlers); only SIGKILL can leave one.
 */
import { promises as fsp, rmSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { AvvikelseError } from '../errors.js';

/** node:crypto, required on the first write to a file (about 3 ms of start-up that a report to stdout does not need). */
const randomBytes = (n: number): Buffer => (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomBytes(n);

/** The temporary files of writes under way. */
const pending = new Set<string>();

/** Removes the temporary files of writes under way; synchronous, for a signal or exit handler. */
export function removePendingTemps(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

/** What a test may do between writing the temporary file and renaming it. */
export interface WriteHooks {
  /** Called with the temporary file's path once it is written, before the rename. */
  afterTemp?: (tmp: string) => Promise<void>;
}

/**
 * Writes `content` (text or bytes) to `path` as the file's comment describes; OUTPUT_IS_INPUT
 * when `path` is one of `inputs`, OUTPUT_UNWRITABLE (with the system's code) when it cannot be
 * written.
 */
export async function writeAtomically(path: string, content: string | Uint8Array, inputs: string[], hooks: WriteHooks = {}): Promise<void> {
  const target = resolve(path);
  for (const input of inputs) {
    const same = resolve(input) === target || (await sameFile(input, target));
    if (same) throw new AvvikelseError('OUTPUT_IS_INPUT', {}, { file: path });
  }
  const unwritable = (e: unknown) => {
    const err = e as NodeJS.ErrnoException;
    return new AvvikelseError('OUTPUT_UNWRITABLE', { reason: err.code ?? err.message }, { file: path });
  };
  let stats: Stats | undefined;
  try {
    stats = await fsp.stat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(e);
  }
  if (stats?.isDirectory()) throw unwritable({ code: 'EISDIR' });
  if (stats !== undefined && !stats.isFile()) {
    try {
      await fsp.writeFile(target, content);
    } catch (e) {
      throw unwritable(e);
    }
    return;
  }
  let file: string;
  try {
    file = stats ? await fsp.realpath(target) : await linkEnd(target);
  } catch (e) {
    throw unwritable(e);
  }
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    await fsp.writeFile(tmp, content, { flag: 'wx' });
    if (stats) await fsp.chmod(tmp, stats.mode & 0o7777);
    await hooks.afterTemp?.(tmp);
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw unwritable(e);
  } finally {
    pending.delete(tmp);
  }
}

/** Where a chain of symbolic links ends (the path itself when it is no link); ELOOP after 40 links. */
async function linkEnd(path: string): Promise<string> {
  let p = path;
  for (let hops = 0; hops < 40; hops++) {
    let stats: Stats;
    try {
      stats = await fsp.lstat(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return p;
      throw e;
    }
    if (!stats.isSymbolicLink()) return p;
    p = resolve(dirname(p), await fsp.readlink(p));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
