/**
 * Roll-up: the hierarchy of codes is by prefix — `5` ⊃ `51` ⊃ `510` ⊃ `5101` — so rolling up
 * to level N keeps a code's first N characters; codes shorter than N stay as they are.
 */
import type { Ore } from '../core/money.js';

/** The code `code` rolls up to at `level` characters. */
export function rollUpCode(code: string, level: number): string {
  return code.length > level ? code.slice(0, level) : code;
}

/** Totals per code rolled up to `level`: each code's amount is added to its prefix. */
export function rollUp(totals: ReadonlyMap<string, Ore>, level: number): Map<string, Ore> {
  const out = new Map<string, Ore>();
  for (const [code, amount] of totals) {
    const key = rollUpCode(code, level);
    out.set(key, (out.get(key) ?? 0n) + amount);
  }
  return out;
}

