/** File-system errors as user errors: a missing file, or one that cannot be read (and why). */
import { AvvikelseError } from '../errors.js';

export function fileError(e: unknown, file: string): AvvikelseError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new AvvikelseError('FILE_NOT_FOUND', {}, { file });
  return new AvvikelseError('FILE_UNREADABLE', { reason: err.code ?? err.message }, { file });
}
