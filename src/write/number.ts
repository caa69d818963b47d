/**
 * Characters for a shown number. A `Fixed` is already rounded; this only places the
 * decimal mark, groups thousands and picks the minus sign — no arithmetic on amounts.
 */
import type { Fixed } from '../core/money.js';

export interface NumberStyle {
  /** Between groups of three digits ('' for none). */
  group: string;
  decimalMark: string;
  minus: string;
}

/** Terminal and Markdown: `−13 079`, `1 234,5` (SPEC §4). */
export const SWEDISH: NumberStyle = { group: ' ', decimalMark: ',', minus: '−' };
/** Swedish Excel CSV: `-13079`, `1234,5`. */
export const EXCEL_SV: NumberStyle = { group: '', decimalMark: ',', minus: '-' };
/** Plain decimal strings (JSON, English CSV): `-13079`, `1234.5`. */
export const PLAIN: NumberStyle = { group: '', decimalMark: '.', minus: '-' };

function groupDigits(digits: string, sep: string): string {
  if (sep === '' || digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += sep + digits.slice(i, i + 3);
  return out;
}

export function formatFixed(f: Fixed, style: NumberStyle): string {
  const negative = f.value < 0n;
  const digits = (negative ? -f.value : f.value).toString().padStart(f.decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - f.decimals);
  const frac = digits.slice(digits.length - f.decimals);
  const body = groupDigits(intPart, style.group) + (f.decimals > 0 ? style.decimalMark + frac : '');
  return negative ? style.minus + body : body;
}
