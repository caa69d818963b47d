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
export function findingMessage(f: Finding, t: Texts, rounding: boolean | 'warning', style: NumberStyle = SWEDISH): string {
  if (f.type === 'empty') return t.verify.empty(f.table);
  if (f.type === 'rad') return f.basis === 'not-in-ledger' ? t.verify.notInLedger(f.row) : t.verify.missingInTable(f.row, f.table);
  const expected = f.expected as Fixed;
  const found = f.found as Fixed;
  const diff = { value: found.value - expected.value, decimals: PUBLISHED_SCALE };
  const n = (x: Fixed) => shown(x, f.decimals, style);
  const basis = f.other ? t.verify.cross(f.table, f.other) : t.verify.basis(f.basis);
  if (rounding === 'warning') return t.verify.warning(f.row, f.column, n(found), n(expected), basis, n(diff), f.terms);
  return rounding
    ? t.verify.rounding(f.row, f.column, n(found), n(expected), basis, n(diff), f.terms)
    : t.verify.error(f.row, f.column, n(expected), basis, n(found), n(diff));
}

/** Where a finding is: `file:line`, or `file:Sheet:row` on a sheet of a workbook (a sheet's name holds no `:`). */
const where = (f: Finding): string => (f.sheet === undefined ? `${f.file}:${f.line}` : `${f.file}:${f.sheet}:${f.line}`);

/** verify's text for a person: each line through `visible`, so no control character from a table reaches the terminal. */
export function renderVerifyText(r: VerifyResult, t: Texts, extra: string[]): string {
  const lines = [
    ...r.errors.map((f) => `${where(f)}: ${t.errorLabel}: ${findingMessage(f, t, false)}`),
    ...r.warnings.map((f) => `${where(f)}: ${t.warningLabel}: ${findingMessage(f, t, 'warning')}`),
    ...r.notes.map((f) => `${where(f)}: ${t.noteLabel}: ${findingMessage(f, t, true)}`),
    ...extra,
    summary(r, t),
  ];
  return `${lines.map(visible).join('\n')}\n`;
}

/** The last line: tables, checks, errors, notes, and warnings when there are any. */
function summary(r: VerifyResult, t: Texts): string {
  const s = t.verify.summary(r.tables.length, r.checks, r.errors.length, r.notes.length);
  return r.warnings.length > 0 ? s + t.verify.warnings(r.warnings.length) : s;
}

/**
 * The JSON report; `warnings` (and `stats.warnings`) appear when there are warnings, so a
 * report without them keeps the shape it always had.
 */
export function renderVerifyJson(r: VerifyResult, t: Texts): string {
  const entry = (f: Finding, rounding: boolean | 'warning') => ({
    type: rounding === 'warning' ? 'warning' : rounding ? 'rounding' : f.type,
    check: f.type,
    file: f.file,
    ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
    table: f.table,
    row: f.line,
    label: f.row,
    column: f.column,
    expected: f.expected ? shown(f.expected, f.decimals, PLAIN) : null,
    found: f.found ? shown(f.found, f.decimals, PLAIN) : null,
    message: findingMessage(f, t, rounding),
  });
  const stats: Record<string, number> = {
    tables: r.tables.length,
    rows: r.tables.reduce((a, tb) => a + tb.rows.length, 0),
    checks: r.checks,
    errors: r.errors.length,
    notes: r.notes.length,
  };
  const doc: Record<string, unknown> = {
    valid: r.errors.length === 0,
    stats,
    errors: r.errors.map((f) => entry(f, false)),
    notes: r.notes.map((f) => entry(f, true)),
  };
  if (r.warnings.length > 0) {
    stats.warnings = r.warnings.length;
    doc.warnings = r.warnings.map((f) => entry(f, 'warning'));
  }
  return jsonText(doc);
}

/**
 * `::error file=…,line=…::…` and `::notice …` lines; `%`, CR and LF escaped as GitHub requires,
 * and every control character from the data made `visible` first (the log is a terminal too).
 */
export function renderVerifyGithub(r: VerifyResult, t: Texts): string {
  const esc = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const line = (kind: string, f: Finding, rounding: boolean | 'warning') =>
    `::${kind} file=${prop(f.file)},line=${f.line},title=${prop(`avvikelse verify: ${f.sheet === undefined || f.sheet === f.table ? f.table : `${f.sheet}: ${f.table}`}`)}::${esc(findingMessage(f, t, rounding))}`;
  const lines = [
    ...r.errors.map((f) => line('error', f, false)),
    ...r.warnings.map((f) => line('warning', f, 'warning')),
    ...r.notes.map((f) => line('notice', f, true)),
  ];
  lines.push(summary(r, t));
  return `${lines.join('\n')}\n`;
}
