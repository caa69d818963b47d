/**
 * Records → ledger builder, for every format whose ledgers are tables of text fields (CSV
 * today, a sheet of an .xlsx later): finds the header among the first records (title lines
 * above it are skipped), resolves its columns (columns.ts), binds the spec to them, and then
 * hands every data row to the LedgerBuilder: the key it decides, then each amount parsed in
 * the input unit and the period of the row or of its month column. Every problem is an
 * AvvikelseError at a place the source decides (`PlaceOf`): `file:line` with the field for
 * CSV, `file:Sheet!B12` for a sheet. The CSV source uses it on both routes: the csv-parse
 * route for every record, the fast path for the header and the rows outside its byte subset.
 */
import { AvvikelseError, type Place } from '../errors.js';
import { UNIT_EXPONENT } from '../core/money.js';
import { parseAmount, type DecimalMark } from './amount.js';
import { resolveColumns, type ColumnLayout } from './columns.js';
import { combinePeriod, readPeriod, type PeriodRead } from './period.js';
import type { FieldPlace, KeyPlan, LedgerBuilder, PlaceOf, ReadSpec } from './source.js';

/** How many non-blank records may precede the header. */
const HEADER_SEARCH_LINES = 20;

/** Consumes records in order: finds the header, then gives every data row to the builder. */
export class RecordConsumer {
  layout: ColumnLayout | null = null;
  plan: KeyPlan | null = null;
  /** Why the most header-like record so far (the most non-empty fields) is not the header. */
  private headerError: Error | null = null;
  private headerErrorWidth = -1;
  private recordsSeen = 0;
  /** The position of the current data record. */
  private position = 0;
  readonly unitExponent: number;
  readonly decimal: DecimalMark;
  /** The place of a field of the current record (bound once; used only on error). */
  private readonly place: FieldPlace = (index, value) => this.at(this.position, index, value);

  /**
   * @param file the file read, for FILE_EMPTY
   * @param placeOf where a record or a field is, from the position `take` is given
   */
  constructor(
    private readonly file: string,
    private readonly spec: ReadSpec,
    private readonly into: LedgerBuilder,
    private readonly placeOf: PlaceOf,
  ) {
    this.unitExponent = UNIT_EXPONENT[spec.inputUnit];
    this.decimal = spec.dialect.decimal;
  }

  /** Takes the next record, at `position` (increasing; a CSV record's line). Throws the record's error at its place. */
  take(record: string[], position: number): void {
    if (this.layout === null) {
      this.findHeader(record, position);
      return;
    }
    if (isBlank(record)) return;
    const layout = this.layout;
    if (record.length !== layout.headers.length && !onlyEmptyExtra(record, layout.headers.length)) {
      throw new AvvikelseError('FIELD_COUNT', { found: record.length, expected: layout.headers.length }, this.placeOf(position));
    }
    this.position = position;
    const key = this.into.key(record, this.place);
    if (key === null) return;
    const read = layout.period >= 0 ? this.period(record, position) : null;
    const period = read?.key ?? '';
    let rowTotal = 0n;
    for (const col of layout.amounts) {
      const raw = record[col.index] as string;
      const parsed = parseAmount(raw, this.decimal, this.unitExponent);
      if (typeof parsed !== 'bigint') {
        throw new AvvikelseError(
          parsed === 'precision' ? 'AMOUNT_PRECISION' : 'AMOUNT_INVALID',
          { value: raw, unit: this.spec.inputUnit, max: this.unitExponent },
          this.at(position, col.index, raw),
        );
      }
      rowTotal += parsed;
      if (read?.kind === 'opening') continue;
      // A month column (`jan`) takes the row's year (`År`) when it has one.
      const at =
        col.period === null
          ? period
          : read?.kind === 'year' && col.period.startsWith('M')
            ? `${period}-${col.period.slice(1)}`
            : col.period;
      this.into.add(key, at, parsed);
    }
    if (read !== null && (read.kind === 'opening' || read.kind === 'adjustment')) this.into.aside(read.kind, rowTotal);
    if (read?.kind !== 'opening') this.into.record(record, rowTotal);
  }

  /** The period of a data row: its period column, with its year column when it has one. Throws PERIOD_INVALID. */
  private period(record: string[], position: number): PeriodRead {
    const { period, year } = this.layout as ColumnLayout;
    const raw = record[period] as string;
    if (year < 0) {
      const p = readPeriod(raw);
      if (p === null) throw new AvvikelseError('PERIOD_INVALID', { value: raw }, this.at(position, period, raw));
      return p;
    }
    const yearText = record[year] as string;
    const p = combinePeriod(yearText, raw);
    if (p !== null) return p;
    if (readPeriod(yearText)?.kind !== 'year')
      throw new AvvikelseError('PERIOD_INVALID', { value: yearText }, this.at(position, year, yearText));
    throw new AvvikelseError('PERIOD_INVALID', { value: raw }, this.at(position, period, raw));
  }

  /** No more records: throws why no header was found (or FILE_EMPTY) when none was. */
  end(): void {
    if (this.layout !== null) return;
    if (this.headerError) throw this.headerError;
    throw new AvvikelseError('FILE_EMPTY', {}, { file: this.file });
  }

  private findHeader(record: string[], position: number): void {
    if (isBlank(record)) return;
    this.recordsSeen++;
    let layout: ColumnLayout;
    try {
      layout = resolveColumns(record, {
        at: this.placeOf(position),
        required: this.spec.groupBy,
        kind: this.spec.kind,
        explicit: this.spec.columns,
      });
    } catch (e) {
      const width = record.filter((f) => f.trim() !== '').length;
      if (width > this.headerErrorWidth) {
        this.headerError = e as Error;
        this.headerErrorWidth = width;
      }
      if (this.recordsSeen >= HEADER_SEARCH_LINES && this.headerError) throw this.headerError;
      return;
    }
    this.layout = layout;
    this.plan = this.into.bind(layout, this.placeOf(position));
  }

  private at(position: number, index: number, value: string): Place {
    return this.placeOf(position, { index, column: this.layout?.headers[index] ?? '', value });
  }
}

/** A row longer than the header whose extra fields are empty (Excel's trailing `;`). */
function onlyEmptyExtra(record: string[], width: number): boolean {
  if (record.length < width) return false;
  for (let i = width; i < record.length; i++) if ((record[i] as string).trim() !== '') return false;
  return true;
}

function isBlank(record: string[]): boolean {
  for (const f of record) if (f.trim() !== '') return false;
  return true;
}
