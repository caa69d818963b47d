/**
 * Turning option values (from flags or the configuration file) into typed values, with
 * an OPTION_INVALID error that names the option, the value and what was expected. The
 * schema (cli/options.ts) calls these from its entries' `parse`.
 */
import { AvvikelseError } from '../errors.js';
import { parseAmount } from '../read/amount.js';
import { canonicalDimension, columnRole, ROLES, SIDE_ROLES } from '../read/columns.js';
import type { Filter } from '../core/codes.js';
import { columnDef, isColumnId } from '../report/columns.js';
import { LIMIT_DECIMALS, type Operator, type Threshold } from '../report/thresholds.js';

export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[], aliases: Record<string, T> = {}): T {
  const v = value.trim().toLowerCase();
  const hit = allowed.find((a) => a === v) ?? aliases[v];
  if (hit === undefined) throw new AvvikelseError('OPTION_INVALID', { option, value, expected: allowed.join(' | ') });
  return hit;
}

export function integer(option: string, value: string | number, min: number, max: number): number {
  const s = String(value).trim();
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < min || n > max) {
    throw new AvvikelseError('OPTION_INVALID', { option, value: s, expected: `${min}–${max}` });
  }
  return n;
}

/**
 * A non-negative amount in the shown unit (`--min-avvikelse 500`, `0,5`, `1 000`): a plain decimal text.
 * @example minAmount('--min-avvikelse', '1 000,5') // '1000.5'
 */
export function minAmount(option: string, value: string | number): string {
  const s = String(value).trim();
  const plain = s.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(plain)) throw new AvvikelseError('OPTION_INVALID', { option, value: s, expected: 'amount' });
  return plain;
}

/** The roles `--col` knows: the columns a ledger has, and the inputs' names (`utfall=…`: that input's belopp, cli/options.ts). */
const KNOWN_ROLES: ReadonlySet<string> = new Set([...ROLES, ...SIDE_ROLES, 'utfall', 'budget', 'fgar', 'fgår']);

/**
 * `role=Header` pairs (`--col verksamhet=Vht`), roles canonicalised (`vht` → verksamhet); a
 * role that is none of KNOWN_ROLES is an error, so a typo never maps nothing.
 */
export function columnMap(option: string, pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) {
      throw new AvvikelseError('OPTION_INVALID', { option, value: pair, expected: 'columnMap' });
    }
    const role = columnRole(pair.slice(0, eq));
    if (!KNOWN_ROLES.has(role) && !KNOWN_ROLES.has(role.replace(/[-_\s]/g, ''))) {
      throw new AvvikelseError('OPTION_INVALID', { option, value: pair, expected: 'columnRole' });
    }
    out[role] = pair.slice(eq + 1).trim();
  }
  return out;
}

/** `role=dimension` pairs (`--sie-dim verksamhet=20`): a role (canonicalised, `vht` → verksamhet) and a SIE dimension's number or name. */
export function sieDims(option: string, pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const value = pair.slice(eq + 1).trim();
    if (eq <= 0 || value === '') throw new AvvikelseError('OPTION_INVALID', { option, value: pair, expected: 'sieDim' });
    out[canonicalDimension(pair.slice(0, eq))] = value;
  }
  return out;
}

/** `dim=glob` or `dim!=glob` (`--where ansvar=41*`). */
export function filters(option: string, specs: string[]): Filter[] {
  return specs.map((spec) => {
    const m = /^([^=!]+?)\s*(!?=)\s*(.+)$/.exec(spec.trim());
    if (!m) throw new AvvikelseError('OPTION_INVALID', { option, value: spec, expected: 'filter' });
    return { dimension: canonicalDimension(m[1] as string), glob: m[3] as string, negate: m[2] === '!=' };
  });
}

/** `column<limit` (`--fail-on 'prognosavvikelse<-5000'`): a non-text column, an operator, an amount. */
export function threshold(text: string): Threshold {
  const m = /^\s*([a-z_]+)\s*(<=|>=|!=|<|>|=)\s*(.+?)\s*$/.exec(text);
  const bad = () => new AvvikelseError('OPTION_INVALID', { option: '--fail-on', value: text, expected: 'threshold' });
  if (!m) throw bad();
  const column = m[1] as string;
  if (!isColumnId(column) || columnDef(column).kind === 'text') throw bad();
  const limit = parseAmount(m[3] as string, 'auto', LIMIT_DECIMALS);
  if (typeof limit !== 'bigint') throw bad();
  return { text: text.trim(), column, op: m[2] as Operator, limit };
}
