/**
 * How an excerpt under an error looks, for every line-based source: the offending line with
 * its number in a gutter and, when the bad part is known, a caret under it, as hledger shows
 * errors. Each source finds the line and the column of the bad part in its own syntax (a CSV
 * field, a Markdown cell) and draws it here, so every text format reads the same. Control
 * characters on the line are shown as escapes (`visible`), the caret moved to match.
 */
import { visible } from '../core/text.js';

/** Lines wider than this are not shown: the caret would not help. */
export const EXCERPT_MAX_WIDTH = 160;

/**
 * The excerpt of line `line` whose text is `text`, with a caret of `width` characters at
 * column `col` (0-based), or without a caret when `col` is undefined; [] for a line too wide.
 * @example lineExcerpt(3, '5101;1,2x', 5, 4) // ['  3 | 5101;1,2x', '    |      ^^^^']
 * @example lineExcerpt(3, '5101;\u001b[2J', 5, 4) // ['  3 | 5101;\\x1b[2J', '    |      ^^^^^^^']
 */
export function lineExcerpt(line: number, text: string, col?: number, width = 1): string[] {
  if (text.length > EXCERPT_MAX_WIDTH) return [];
  const num = String(line);
  const out = [`  ${num} | ${visible(text)}`];
  if (col !== undefined) {
    const w = Math.max(1, width);
    const part = text.slice(col, col + w);
    const at = col + visible(text.slice(0, col)).length - Math.min(col, text.length);
    out.push(`  ${' '.repeat(num.length)} | ${' '.repeat(at)}${'^'.repeat(w + visible(part).length - part.length)}`);
  }
  return out;
}
