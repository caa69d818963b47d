/** Text normalisation shared by the readers and verify. */

/** Header as matched: lower case, trimmed, inner spaces, `_` and `-` removed. */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}
