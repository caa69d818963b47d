/**
 * Bounds on what one field may hold, so that a malformed or hostile file is refused in
 * moments, never after minutes of work on a field of millions of characters:
 * - an amount cell has at most AMOUNT_MAX_CHARS characters (blanks around it not counted):
 *   the longest real amount, `−1 234 567 890 123 456,123456789012 tkr`, has fewer, so a longer
 *   cell is AMOUNT_INVALID at its line and column, before any digit is read;
 * - a CSV record has at most RECORD_MAX_CHARS characters (csv-parse's `max_record_size`):
 *   a longer one, or a quote that is never closed, is CSV_SYNTAX (`CSV_MAX_RECORD_SIZE`) as
 *   soon as the limit is passed, not at the end of the file.
 * Error messages show at most the first characters of any quoted value (i18n, `clip`).
 */
import { AvvikelseError, type Place } from '../errors.js';

/**
 * Characters an amount cell may have, blanks around it aside: room for the 40 digits an
 * amount may have (core/money.ts `MAX_AMOUNT_DIGITS`, checked by the amount scanner as
 * AMOUNT_PRECISION) with its grouping, sign and unit; anything longer is no amount at all.
 */
export const AMOUNT_MAX_CHARS = 64;

/** Characters a CSV record may have (csv-parse's max_record_size): 1 MiB. */
export const RECORD_MAX_CHARS = 1 << 20;

/**
 * Throws AMOUNT_INVALID (with `length`, so the message says why) at `place` when the cell is
 * longer than any amount; returns otherwise. Blanks around the cell are not counted.
 * @example checkAmountLength('1 234,50', { file: 'u.csv', line: 2 }) // returns
 */
export function checkAmountLength(raw: string, place: Place, params: Record<string, string | number> = {}): void {
  if (raw.length <= AMOUNT_MAX_CHARS) return;
  const length = raw.trim().length;
  if (length <= AMOUNT_MAX_CHARS) return;
  throw new AvvikelseError('AMOUNT_INVALID', { ...params, value: raw, length, max: AMOUNT_MAX_CHARS }, place);
}
