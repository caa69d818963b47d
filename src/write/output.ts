/**
 * Writing an output file atomically: the text or bytes go to a temporary file in the same
 * directory, which is then renamed over the target, so a failed run never leaves a
 * half-written report. An output path that is one of the inputs is refused.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AvvikelseError } from '../errors.js';

/** Writes `content` (text or bytes) to `path` through a temporary file; OUTPUT_IS_INPUT when `path` is one of `inputs`. */
export async function writeAtomically(path: string, content: string | Uint8Array, inputs: string[]): Promise<void> {
  const target = resolve(path);
  for (const input of inputs) {
    const same = resolve(input) === target || (await sameFile(input, target));
    if (same) throw new AvvikelseError('OUTPUT_IS_INPUT', {}, { file: path });
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(tmp, content, { flag: 'wx' });
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new AvvikelseError('OUTPUT_UNWRITABLE', { reason: err.code ?? err.message }, { file: path });
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
