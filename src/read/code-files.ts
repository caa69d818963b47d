/**
 * Small files keyed by code: forecasts (`kod;prognos`), comments (`kod;kommentar`), names,
 * categories and the periodiseringsnyckel (`kod;jan;…;dec` or `konto;jan;…;dec`), read as
 * records from whichever record source reads the file (read/index.ts; CSV today: any
 * delimiter, UTF-8 or Windows-1252), with or without a header row; later records win for the
 * same code. Errors name the record's place, so they read `file:line` in CSV and
 * `file:Sheet!B12` in a sheet.
 */
import { AvvikelseError } from '../errors.js';
import { parseCategory, type Category } from '../rules/categories.js';
import { asOre, negated, UNIT_EXPONENT, ZERO, type Ore, type Unit } from '../core/money.js';
import { amountError, parseAmount } from './amount.js';
import { checkAmountLength } from './limits.js';
import { normaliseHeader } from '../core/text.js';
import { negatesInput, type InputSign } from '../rules/sign.js';
import { readRecords } from './index.js';
import type { SourceRecord } from './source.js';

const CODE_HEADERS = new Set(['kod', 'code', 'verksamhet', 'vht', 'konto', 'account', 'ansvar', 'projekt', 'id', 'prefix']);

/** The records after an optional header row (one whose first cell is a code column name). */
function body(records: SourceRecord[]): { header: string[] | null; rows: SourceRecord[] } {
  const first = records[0];
  if (first && CODE_HEADERS.has(normaliseHeader(first.cells[0] ?? ''))) return { header: first.cells, rows: records.slice(1) };
  return { header: null, rows: records };
}

/** A row of a `kod;värde` file: at least two fields, or FIELD_COUNT for its line. */
function pair(r: SourceRecord): SourceRecord {
  if (r.cells.length < 2) throw new AvvikelseError('FIELD_COUNT', { found: r.cells.length, expected: 2 }, r.place);
  return r;
}

function codeOf(r: SourceRecord, header: string[] | null): string {
  const code = (r.cells[0] ?? '').trim();
  if (code === '') throw new AvvikelseError('CODE_EMPTY', {}, r.at(0, header?.[0], ''));
  return code;
}

/** The unit named in an amount header (`Prognos tkr`, `Prognos (mnkr)`), or null. */
export function unitInHeader(header: string): Unit | null {
  const m = /\b(mnkr|tkr|kr)\b/i.exec(header);
  return m ? (m[1]?.toLowerCase() as Unit) : null;
}

/**
 * What a heading of a small file says its column holds: a forecast deviation (`Prognosavvikelse
 * (tkr)`, `Avvikelse mot budget`), a forecast (`Prognos helår`), another ledger amount that no
 * forecast file holds (`Budget 2024`, `Utfall ack`), a text (`Namn`, `Kommentar`), or nothing
 * in particular (`Belopp`, `tkr`). A deviation is checked first: `Prognosavvikelse` names both.
 * @example headingKind('Prognosavvikelse (tkr)') // 'deviation'
 */
export function headingKind(heading: string): 'deviation' | 'forecast' | 'other-amount' | 'text' | 'neutral' {
  const h = normaliseHeader(heading);
  if (/avvik|deviation|variance/.test(h)) return 'deviation';
  if (/prognos|forecast/.test(h)) return 'forecast';
  if (/budget|utfall|actual|outcome|bokf/.test(h)) return 'other-amount';
  if (/namn|benämning|name|text|beskrivning|kommentar|comment/.test(h)) return 'text';
  return 'neutral';
}

/** Which forecast file an amount file is, for COLUMN_ROLE. */
export type ForecastRole = '--prognos' | '--fg-prognos';

export interface AmountFileOptions {
  /** Unit when the header does not name one. */
  unit: Unit;
  sign: InputSign;
  /** The option that named the file. */
  role: ForecastRole;
}

/** A forecast file as read: forecasts per code, or forecast deviations per code (`Prognosavvikelse`). */
export interface CodeAmounts {
  /** Code → öre: a forecast in ledger sign, or a deviation (positive = better than budget). */
  values: Map<string, Ore>;
  /** True when the column is a forecast deviation: the forecast is budget helår − deviation (rules/sign.ts `forecastFromDeviation`). */
  deviation: boolean;
  /** The amount column's heading, or null without a header row. */
  column: string | null;
}

/**
 * The amount column of a forecast file with a header row: the first forecast column, else
 * the first forecast-deviation column, else the first column that is not a text; a heading
 * that names another amount (`Budget`, `Utfall`) there is COLUMN_ROLE, never read as a forecast.
 */
function forecastColumn(header: SourceRecord, role: ForecastRole): { index: number; deviation: boolean } {
  const kinds = header.cells.map((h, i) => (i === 0 ? 'code' : headingKind(h)));
  const forecast = kinds.indexOf('forecast');
  if (forecast > 0) return { index: forecast, deviation: false };
  const deviation = kinds.indexOf('deviation');
  if (deviation > 0) return { index: deviation, deviation: true };
  const firstNotText = kinds.findIndex((k, i) => i > 0 && k !== 'text');
  const index = firstNotText > 0 ? firstNotText : 1;
  if (kinds[index] === 'other-amount') {
    const heading = header.cells[index] as string;
    throw new AvvikelseError('COLUMN_ROLE', { heading, option: role, expected: 'prognos' }, header.at(index, heading, heading));
  }
  return { index, deviation: false };
}

/**
 * Forecasts per code (`kod;prognos`), in öre and ledger sign; or, under a heading that says
 * "avvikelse", forecast deviations as written (positive = better than budget, the same number
 * in either input sign, so `sign` does not apply to them).
 */
export async function readCodeAmounts(file: string, opts: AmountFileOptions): Promise<CodeAmounts> {
  const records = await readRecords(file);
  const { header, rows } = body(records);
  const { index, deviation } = header ? forecastColumn(records[0] as SourceRecord, opts.role) : { index: 1, deviation: false };
  const column = header?.[index] ?? null;
  const unit = (column !== null && unitInHeader(column)) || opts.unit;
  const values = new Map<string, Ore>();
  for (const r of rows) {
    pair(r);
    const code = codeOf(r, header);
    const raw = r.cells[index] ?? '';
    checkAmountLength(raw, r.at(index, header?.[index], raw));
    // An empty cell (or `NULL`) is a forecast of zero, as before.
    const amount = parseAmount(raw, 'auto', UNIT_EXPONENT[unit]) ?? 0n;
    if (typeof amount === 'string') throw amountError(amount, raw, unit, r.at(index, header?.[index], raw));
    values.set(code, asOre(!deviation && negatesInput(opts.sign) ? negated(amount) : amount));
  }
  return { values, deviation, column };
}

/** Which text file a file of texts per code is, for COLUMN_ROLE. */
export type TextRole = '--names' | '--kommentarer';

/**
 * A text per code: names (`kod;namn`) or comments (`kod;kommentar`, quoted ones may span
 * lines). A heading that names an amount (`Utfall`, `Prognos`, `Belopp`) is COLUMN_ROLE: the
 * file is a ledger or a forecast, given where texts belong.
 */
export async function readCodeTexts(file: string, role: TextRole): Promise<Map<string, string>> {
  const records = await readRecords(file);
  const { header, rows } = body(records);
  if (header) {
    const namesAmount = (h: string) => !['text', 'neutral'].includes(headingKind(h)) || /belopp|amount/.test(normaliseHeader(h));
    const index = header.findIndex((h, i) => i > 0 && namesAmount(h));
    if (index > 0) {
      const heading = header[index] as string;
      throw new AvvikelseError(
        'COLUMN_ROLE',
        { heading, option: role, expected: 'text' },
        (records[0] as SourceRecord).at(index, heading, heading),
      );
    }
  }
  const out = new Map<string, string>();
  for (const r of rows) {
    out.set(codeOf(pair(r), header), r.cells.slice(1).join(', ').trim());
  }
  return out;
}

/** A category map: `prefix;kategori` per line (intakt, personalkostnad, kapitalkostnad, ovrig_kostnad, exkluderad). */
export async function readCategoryMap(file: string): Promise<Map<string, Category>> {
  const { header, rows } = body(await readRecords(file));
  const out = new Map<string, Category>();
  for (const r of rows) {
    const raw = pair(r).cells[1] as string;
    const category = parseCategory(raw);
    if (category === null) {
      throw new AvvikelseError('CATEGORY_INVALID', { value: raw }, r.at(1, header?.[1], raw));
    }
    out.set(codeOf(r, header), category);
  }
  return out;
}

/**
 * Weights are read as amounts of 10^-6 units (so a lone mark with three decimals, `8,333`, is
 * a decimal mark, never a thousands group: weights are not thousands) and kept exact, any
 * number of decimals.
 */
const WEIGHT_EXPONENT = 6;
const ONE_WEIGHT = 10 ** WEIGHT_EXPONENT;

export interface PeriodisationKey {
  /** Whether the prefixes are verksamhet (or --by) codes or konto. */
  by: 'kod' | 'konto';
  /** Prefix (or `*`) → 12 exact weights at a common scale. */
  weights: Map<string, Ore[]>;
  /** Prefixes whose weights sum to neither 1 nor 100, with the sum as written. */
  normalised: { prefix: string; sum: string }[];
}

/** A periodiseringsnyckel: a prefix and twelve weights per line. */
export async function readPeriodisationKey(file: string): Promise<PeriodisationKey> {
  const { header, rows } = body(await readRecords(file));
  const by = header && ['konto', 'account'].includes(normaliseHeader(header[0] ?? '')) ? 'konto' : 'kod';
  const weights = new Map<string, Ore[]>();
  const normalised: { prefix: string; sum: string }[] = [];
  for (const r of rows) {
    const filled = r.cells.filter((f, i) => i === 0 || f.trim() !== '');
    if (filled.length !== 13) throw new AvvikelseError('FIELD_COUNT', { found: filled.length, expected: 13 }, r.place);
    const prefix = codeOf(r, header);
    const ws = filled.slice(1).map((raw, i) => {
      const w = parseAmount(raw, 'auto', WEIGHT_EXPONENT);
      const at = r.at(i + 1, header?.[i + 1], raw);
      if (w === null || typeof w === 'string') throw new AvvikelseError('WEIGHT_INVALID', { value: raw, reason: 'invalid' }, at);
      const weight = asOre(w).div(ONE_WEIGHT);
      if (weight.isNeg()) throw new AvvikelseError('WEIGHT_INVALID', { value: raw, reason: 'negative' }, at);
      return weight;
    });
    const sum = ws.reduce((a, b) => a.plus(b), ZERO);
    if (sum.isZero()) throw new AvvikelseError('WEIGHT_INVALID', { value: '0', reason: 'zero' }, r.place);
    if (!sum.eq(1) && !sum.eq(100)) normalised.push({ prefix, sum: sum.toString().replace('.', ',') });
    weights.set(prefix, ws);
  }
  return { by, weights, normalised };
}
