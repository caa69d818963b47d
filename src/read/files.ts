/**
 * File-system errors as user errors (a missing file, or one that cannot be read, and the
 * system's reason), and what kind of input a path is: a regular file, which may be opened as
 * often as a reader likes, or a stream — a pipe, a FIFO, `<(zcat utfall.csv.gz)` as
 * `/dev/fd/63`, a character device — which is opened once and read from its start to its end.
 * The kind comes from `stat`, which never opens the path, so a FIFO with no writer yet cannot
 * block a check.
 */
import { statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { AvvikelseError } from '../errors.js';

export function fileError(e: unknown, file: string): AvvikelseError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new AvvikelseError('FILE_NOT_FOUND', {}, { file });
  return new AvvikelseError('FILE_UNREADABLE', { reason: err.code ?? err.message }, { file });
}

/** A regular file, or an input read once as a stream. */
export type InputKind = 'file' | 'stream';

/**
 * What `file` is, without opening it: 'file', 'stream' (a FIFO, a pipe, a character device,
 * a socket, whose open then gives the real reason if it fails), or FILE_NOT_FOUND /
 * FILE_UNREADABLE with the reason (EISDIR for a folder).
 */
export function inputKind(file: string): InputKind {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw fileError(e, file);
  }
  if (st.isFile()) return 'file';
  if (st.isDirectory()) throw new AvvikelseError('FILE_UNREADABLE', { reason: 'EISDIR' }, { file });
  return 'stream';
}

/** Whether `file` is a regular file that can be opened again (for a sample or an excerpt); false for anything else, missing included. */
export function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Bytes a source sniffs its dialect (encoding, delimiter, SIE or CSV) from. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * The first SAMPLE_BYTES of a regular file and its size, for a source to sniff; FILE_NOT_FOUND
 * or FILE_UNREADABLE (EISDIR for a folder) when it cannot be read.
 */
export async function readSample(file: string): Promise<{ sample: Buffer; size: number }> {
  let handle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (e) {
    throw fileError(e, file);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AvvikelseError('FILE_UNREADABLE', { reason: 'EISDIR' }, { file });
    const buf = Buffer.alloc(Math.min(stat.size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return { sample: buf.subarray(0, bytesRead), size: stat.size };
  } finally {
    await handle.close();
  }
}
