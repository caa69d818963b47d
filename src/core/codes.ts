/**
 * Codes and their hierarchy. Codes (verksamhet, konto, ansvar, projekt) are strings, never
 * numbers: `051` is not `51`. The hierarchy is by prefix — `5` ⊃ `51` ⊃ `510` ⊃ `5101`
 * (rolling up to a level is rules/rollup.ts). Patterns are globs (`51*`, `5?0*`); a bare
 * code means the code and everything under it.
 */

/** Code order in tables: plain string order, so `51` < `510` < `5101` < `513` < `55`. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A glob as users write it: `*` any characters, `?` one character; a bare code is a prefix. */
export interface CodePattern {
  /** As the user wrote it, normalised to end in `*` when it is a prefix (for titles). */
  readonly text: string;
  /** The prefix when the pattern is `P` or `P*`, else null. */
  readonly prefix: string | null;
  matches(code: string): boolean;
}

/** An anchored regular expression for a glob: `*` any characters, `?` exactly one. */
function globRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/** Parses a glob (`51`, `51*`, `5?0*`). */
export function codePattern(glob: string): CodePattern {
  const g = glob.trim();
  const body = g.endsWith('*') ? g.slice(0, -1) : g;
  if (!/[*?]/.test(body)) {
    return { text: `${body}*`, prefix: body, matches: (code) => code.startsWith(body) };
  }
  const re = globRegExp(g);
  return { text: g, prefix: null, matches: (code) => re.test(code) };
}

/** A glob that matches a whole value (for `--where`): `41*` matches 41 and 4110, `410` only 410. */
export function valueGlob(glob: string): (value: string) => boolean {
  const g = glob.trim();
  if (!/[*?]/.test(g)) return (v) => v === g;
  const re = globRegExp(g);
  return (v) => re.test(v);
}

/** `--where dim=glob` (or `dim!=glob`). */
export interface Filter {
  dimension: string;
  glob: string;
  negate: boolean;
}
