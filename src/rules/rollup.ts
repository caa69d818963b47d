/**
 * Roll-up: the hierarchy of codes is by prefix — `5` ⊃ `51` ⊃ `510` ⊃ `5101` — so rolling up
 * to level N keeps a code's first N characters; codes shorter than N stay as they are. A
 * table groups the finest codes of the ledger into rows with a key function: `rowKey(level)`
 * for the main table, `subTableKey(pattern, level)` for a särredovisning (`--sub 51`), which
 * leaves out the codes the pattern does not match. The table builder (report/drift.ts
 * `layoutTables`) uses exactly these two, and the roll-up properties are tested on them.
 */
import type { CodePattern } from '../core/codes.js';

/**
 * The code `code` rolls up to at `level` characters.
 * @example rollUpCode('5101', 2) // '51'
 */
export function rollUpCode(code: string, level: number): string {
  return code.length > level ? code.slice(0, level) : code;
}

/**
 * The row a code belongs to in a main table rolled up to `level` (null: every code its own
 * row, the finest level present).
 * @example rowKey(2)('5101') // '51'
 */
export function rowKey(level: number | null): (code: string) => string {
  return level === null ? (code) => code : (code) => rollUpCode(code, level);
}

/**
 * The row a code belongs to in the sub-table of `pattern` rolled up to `level` (null: the
 * finest level present), or null when the code is not in the sub-table.
 * @example subTableKey(codePattern('51'), null)('5501') // null
 */
export function subTableKey(pattern: Pick<CodePattern, 'matches'>, level: number | null): (code: string) => string | null {
  const key = rowKey(level);
  return (code) => (pattern.matches(code) ? key(code) : null);
}
