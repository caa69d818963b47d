/**
 * verify's output: human text (`file:line: …`), a frictionless-style JSON report, and
 * GitHub Actions annotations. Numbers are shown with the decimals of their column.
 */
import type { Fixed } from '../core/money.js';
import type { Texts } from '../i18n/texts.js';
import { PUBLISHED_SCALE } from '../core/money.js';
import { visible } from '../core/text.js';
import type { Finding, VerifyResult } from '../report/verify/index.js';
import { formatFixed, PLAIN, SWEDISH, type NumberStyle } from './number.js';
import { jsonText } from './json.js';

export type VerifyFormat = 'text' | 'json' | 'github';
export const VERIFY_FORMATS: readonly VerifyFormat[] = ['text', 'json', 'github'];

/** A published-scale value shown with `decimals` decimals (exact: the values have no more). */
function shown(f: Fixed, decimals: number, style: NumberStyle): string {
  return formatFixed({ value: f.value / 10n ** BigInt(PUBLISHED_SCALE - decimals), decimals }, style);
}

/** The message of a finding (without its place). */
export function findingMessage(f: Finding, t: Texts, rounding: boolean, style: NumberStyle = SWEDISH): string {
  if (f.type === 'rad') return f.basis === 'not-in-ledger' ? t.verify.notInLedger(f.row) : t.verify.missingInTable(f.row, f.table);
  const expected = f.expected as Fixed;
  const found = f.found as Fixed;
  const diff = { value: found.value - expected.value, decimals: PUBLISHED_SCALE };
  const n = (x: Fixed) => shown(x, f.decimals, style);
  const basis = t.verify.basis(f.basis);
  return rounding
    ? t.verify.rounding(f.row, f.column, n(found), n(expected), basis, n(diff), f.terms)
    : t.verify.error(f.row, f.column, n(expected), basis, n(found), n(diff));
}

/** verify's text for a person: each line through `visible`, so no control character from a table reaches the terminal. */
export function renderVerifyText(r: VerifyResult, t: Texts, extra: string[]): string {
  const lines = [
    ...r.errors.map((f) => `${f.file}:${f.line}: ${t.errorLabel}: ${findingMessage(f, t, false)}`),
    ...r.notes.map((f) => `${f.file}:${f.line}: ${t.noteLabel}: ${findingMessage(f, t, true)}`),
    ...extra,
    t.verify.summary(r.tables.length, r.checks, r.errors.length, r.notes.length),
  ];
  return `${lines.map(visible).join('\n')}\n`;
}

export function renderVerifyJson(r: VerifyResult, t: Texts): string {
  const entry = (f: Finding, rounding: boolean) => ({
    type: rounding ? 'rounding' : f.type,
    check: f.type,
    file: f.file,
    table: f.table,
    row: f.line,
    label: f.row,
    column: f.column,
    expected: f.expected ? shown(f.expected, f.decimals, PLAIN) : null,
    found: f.found ? shown(f.found, f.decimals, PLAIN) : null,
    message: findingMessage(f, t, rounding),
  });
  const doc = {
    valid: r.errors.length === 0,
    stats: {
      tables: r.tables.length,
      rows: r.tables.reduce((a, tb) => a + tb.rows.length, 0),
      checks: r.checks,
      errors: r.errors.length,
      notes: r.notes.length,
    },
    errors: r.errors.map((f) => entry(f, false)),
    notes: r.notes.map((f) => entry(f, true)),
  };
  return jsonText(doc);
}

/**
 * `::error file=…,line=…::…` and `::notice …` lines; `%`, CR and LF escaped as GitHub requires,
 * and every control character from the data made `visible` first (the log is a terminal too).
 */
export function renderVerifyGithub(r: VerifyResult, t: Texts): string {
  const esc = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const line = (kind: string, f: Finding, rounding: boolean) =>
    `::${kind} file=${prop(f.file)},line=${f.line},title=${prop(`avvikelse verify: ${f.table}`)}::${esc(findingMessage(f, t, rounding))}`;
  const lines = [...r.errors.map((f) => line('error', f, false)), ...r.notes.map((f) => line('notice', f, true))];
  lines.push(t.verify.summary(r.tables.length, r.checks, r.errors.length, r.notes.length));
  return `${lines.join('\n')}\n`;
}
