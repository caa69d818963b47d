/**
 * Records → ledger builder, for every format whose ledgers are tables of text fields (CSV
 * today, a sheet of an .xlsx later): finds the header among the first records (title lines
 * above it are skipped), resolves its columns (columns.ts), binds the spec to them, and then
 * hands every data row to the LedgerBuilder: the key it decides, then each amount parsed in
 * the input unit and the period of the row or of its month column. Every problem is an
 * AvvikelseError at a place the source decides (`PlaceOf`): `file:line` with the field for
 * CSV, `file:Sheet!B12` for a sheet. The CSV source uses it on both routes: the csv-parse
 * route for every record, the fast path for the header and the rows outside its byte subset.
 *
 * Totals rows (`Summa 4100`, `Delsumma`, `Totalt`; `isTotalsLabel` in columns.ts on the code
 * cell, on the record's first non-empty cell, or on any text cell when the code is empty) are
 * never totalled: each must equal the data rows it closes — a run of consecutive rows ending
 * at it, starting after an earlier totals row, the start of the file or (among the first
 * PREFIX_ROWS) any data row — exactly, in öre, per amount column (a totals row above every data
 * row is checked against all of them at the end) — and is left out with a note; one that
 * does not is a TOTALS_ROW_MISMATCH error at its amount cell. The fast path never sums a
 * file with a totals row: its scanner falls back to the general route (fast/bytes.ts
 * `maybeTotalsLabel`). A totals column beside month columns is checked against the months'
 * sum per row (a note; the positions where it differs by more than half a unit per month
 * cell, for rounded templates). An amount heading that states a unit (`Budget 2024 (tkr)`)
 * sets the input unit unless one was given explicitly (`ReadSpec.inputUnitGiven`).
 *
 * An amount cell with no amount — empty, or a database's `NULL` (`parseAmount` gives null) —
 * adds nothing: its period is no period of the input (so a warehouse row whose utfall is
 * NULL for September does not make the utfall reach September), and a row none of whose
 * amount cells holds an amount is no data row (it is not counted, and gives no sign
 * evidence). A debit/credit pair (`Debet`/`Kredit`) is one amount, debet − kredit, each
 * side empty counting as 0; the row's net amount is its sign evidence.
 */
import { AvvikelseError, type Place } from '../errors.js';
import { asOre, minus, plus, signOf, UNIT_EXPONENT, type ReadOre, type Unit } from '../core/money.js';
import { amountError, parseAmount, type DecimalMark } from './amount.js';
import { checkAmountLength } from './limits.js';
import { headingUnit, isTotalsLabel, resolveColumns, type ColumnLayout } from './columns.js';
import { combinePeriod, readPeriod, type PeriodRead } from './period.js';
import type { FieldPlace, KeyPlan, LedgerBuilder, PlaceOf, ReadSpec } from './source.js';

/** Data rows after which a totals row may start its run (report exports with subtotals are small). */
const PREFIX_ROWS = 100_000;

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
  /** The input unit: the spec's, or the one the amount headings state (set with the header). */
  unit: Unit;
  unitExponent: number;
  readonly decimal: DecimalMark;
  /** Sums of the data rows so far per amount column, in the file's sign (rows --where leaves out too). */
  private cum: ReadOre[] = [];
  /**
   * `cum` at the start, at every totals row and after each of the first PREFIX_ROWS data rows,
   * as keys: a totals row closes the consecutive rows since one of them (a subtotal under a
   * heading row that is not summed, such as `100` above `5101 … 5108` and `Summa äldreomsorg`).
   */
  private marks = new Set<string>();
  private lastMark: ReadOre[] = [];
  private dataRows = 0;
  private dataSinceMark = 0;
  /** Totals rows above every data row, checked against all of them at the end. */
  private leading: { record: string[]; position: number; label: string; found: ReadOre[] }[] = [];
  private totalsPositions: number[] = [];
  private totalsLabels: string[] = [];
  /** The totals column: rows checked, and the positions of those that differ from the months. */
  private totalColumnRows = 0;
  private totalColumnDiffers: number[] = [];
  private totalColumnDiffering = 0;
  /** The columns that name codes (a name is no totals label when its row has a code). */
  private nameColumns = new Set<number>();
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
    this.unit = spec.inputUnit;
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
    const label = this.totalsLabel(record);
    if (label !== null) {
      this.totalsRow(record, position, label);
      return;
    }
    const key = this.into.key(record, this.place);
    if (key === null) {
      this.countLeftOut(record);
      return;
    }
    const read = layout.period >= 0 ? this.period(record, position) : null;
    const period = read?.key ?? '';
    let rowTotal: ReadOre = 0n;
    let rowPeriod: string | null = null;
    let amounts = 0;
    const cum = this.cum;
    for (let i = 0; i < layout.amounts.length; i++) {
      const col = layout.amounts[i] as ColumnLayout['amounts'][number];
      const parsed = this.columnAmount(record, col, position);
      if (parsed === null) continue;
      amounts++;
      const c = cum[i] as ReadOre;
      if (typeof parsed === 'bigint' && typeof rowTotal === 'bigint' && typeof c === 'bigint') {
        rowTotal += parsed;
        cum[i] = c + parsed;
      } else {
        rowTotal = plus(rowTotal, parsed);
        cum[i] = plus(c, parsed);
      }
      if (read?.kind === 'opening') continue;
      // A month column (`jan`) takes the row's year (`År`) when it has one.
      const at =
        col.period === null
          ? period
          : read?.kind === 'year' && col.period.startsWith('M')
            ? `${period}-${col.period.slice(1)}`
            : col.period;
      rowPeriod ??= at;
      this.into.add(key, at, parsed);
    }
    if (layout.total >= 0) this.checkTotalColumn(record, position, rowTotal);
    if (amounts === 0) return; // no amount in the row (empty, NULL): no data row
    this.dataRows++;
    this.dataSinceMark++;
    if (this.dataRows <= PREFIX_ROWS) this.marks.add(this.cum.join(','));
    if (read !== null && (read.kind === 'opening' || read.kind === 'adjustment')) this.into.aside(read.kind, rowTotal);
    if (read?.kind !== 'opening') this.into.record(record, rowTotal, rowPeriod ?? period);
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

  /** The amount of an amount column in a record (debet − kredit for a pair; an empty side is 0), or null when it holds none. */
  private columnAmount(record: string[], col: ColumnLayout['amounts'][number], position: number): ReadOre | null {
    const amount = this.amount(record, col.index, position);
    if (col.credit === undefined) return amount;
    const credit = this.amount(record, col.credit, position);
    if (amount === null && credit === null) return null;
    return minus(amount ?? 0n, credit ?? 0n);
  }

  /** The amount in a cell, null for none (empty, NULL), or its amount error (read/amount.ts `amountError`). */
  private amount(record: string[], index: number, position: number): ReadOre | null {
    const raw = record[index] as string;
    checkAmountLength(raw, this.at(position, index, raw));
    const parsed = parseAmount(raw, this.decimal, this.unitExponent);
    if (typeof parsed !== 'string') return parsed;
    throw amountError(parsed, raw, this.unit, this.at(position, index, raw));
  }

  /** A row --where leaves out still counts towards the totals rows of the file (a cell that is no amount counts as 0). */
  private countLeftOut(record: string[]): void {
    const amounts = (this.layout as ColumnLayout).amounts;
    for (let i = 0; i < amounts.length; i++) {
      const col = amounts[i] as ColumnLayout['amounts'][number];
      const value = (index: number): ReadOre => {
        const parsed = parseAmount(record[index] as string, this.decimal, this.unitExponent);
        return parsed === null || typeof parsed === 'string' ? 0n : parsed;
      };
      this.cum[i] = minus(plus(this.cum[i] as ReadOre, value(col.index)), col.credit === undefined ? 0n : value(col.credit));
    }
    this.dataRows++;
    this.dataSinceMark++;
    if (this.dataRows <= PREFIX_ROWS) this.marks.add(this.cum.join(','));
  }

  /** The label of a totals row (`Summa 4100`, `Totalt`), or null for a data row. */
  private totalsLabel(record: string[]): string | null {
    const code = (record[(this.plan as KeyPlan).code] as string).trim();
    if (code !== '' && isTotalsLabel(code)) return code;
    for (let i = 0; i < record.length; i++) {
      const t = (record[i] as string).trim();
      if (t === '') continue;
      // A name ('Total kvalitet') is no label when the row has a code.
      if (isTotalsLabel(t) && (code === '' || !this.nameColumns.has(i))) return t;
      break;
    }
    if (code === '') {
      const amounts = new Set((this.layout as ColumnLayout).amounts.map((a) => a.index));
      for (let i = 0; i < record.length; i++)
        if (!amounts.has(i) && isTotalsLabel(record[i] as string)) return (record[i] as string).trim();
    }
    return null;
  }

  /** Checks a totals row against the rows it closes, or keeps it for the end when no data row came before it. */
  private totalsRow(record: string[], position: number, label: string): void {
    const layout = this.layout as ColumnLayout;
    const found = layout.amounts.map((a) => this.columnAmount(record, a, position) ?? 0n);
    if (this.dataRows === 0) {
      this.leading.push({ record, position, label, found });
      return;
    }
    const need = this.cum.map((c, i) => minus(c, found[i] as ReadOre));
    if (!need.every((n) => signOf(n) === 0) && !this.marks.has(need.join(','))) {
      // Which rows it should close: all of them for a grand total (or when no totals row came
      // before), else those since the previous totals row.
      const grand = /^(totalt?|totalsumma)/i.test(label) || this.totalsPositions.length === 0 || this.dataSinceMark === 0;
      const expected = this.cum.map((c, i) => (grand ? c : minus(c, this.lastMark[i] as ReadOre)));
      this.mismatch(record, position, label, found, expected, grand ? 'all' : 'since');
    }
    this.marks.add(this.cum.join(','));
    this.lastMark = [...this.cum];
    this.dataSinceMark = 0;
    this.totalsPositions.push(position);
    this.totalsLabels.push(label);
  }

  private mismatch(
    record: string[],
    position: number,
    label: string,
    found: ReadOre[],
    expected: ReadOre[],
    basis: 'all' | 'since',
  ): never {
    const layout = this.layout as ColumnLayout;
    const i = found.findIndex((f, k) => signOf(minus(f, expected[k] as ReadOre)) !== 0);
    const col = layout.amounts[i < 0 ? 0 : i] as { index: number };
    const f = found[i] as ReadOre;
    const e = expected[i] as ReadOre;
    throw new AvvikelseError(
      'TOTALS_ROW_MISMATCH',
      { label, found: f.toString(), expected: e.toString(), diff: minus(f, e).toString(), exp: this.unitExponent, unit: this.unit, basis },
      this.at(position, col.index, record[col.index] as string),
    );
  }

  /** A wide row's totals column against the sum of its months: more than half a unit per month cell apart is noted. */
  private checkTotalColumn(record: string[], position: number, months: ReadOre): void {
    const layout = this.layout as ColumnLayout;
    const raw = record[layout.total] as string;
    if (raw.trim() === '') return;
    const total = this.amount(record, layout.total, position);
    if (total === null) return;
    this.totalColumnRows++;
    // More than half a unit per month cell: 2·|total − months| > cells · 10^exp öre.
    const diff = asOre(minus(total, months)).abs().times(2);
    if (diff.gt(asOre(BigInt(layout.amounts.length) * 10n ** BigInt(this.unitExponent)))) {
      this.totalColumnDiffering++;
      if (this.totalColumnDiffers.length < 10) this.totalColumnDiffers.push(position);
    }
  }

  /**
   * The note on a totals column beside month columns: how many rows have a total, and where it
   * is not the sum of the months — the records taken here, plus `counted` by a byte-level
   * route that read the others (its lines in the same numbering); nothing without such a column.
   */
  noteTotalsColumn(counted: { rows: number; differing: number; differs: readonly number[] }): void {
    const layout = this.layout;
    const rows = this.totalColumnRows + counted.rows;
    if (layout === null || layout.total < 0 || rows === 0) return;
    this.into.note({
      kind: 'totalsColumn',
      column: layout.headers[layout.total] as string,
      rows,
      differs: [...this.totalColumnDiffers, ...counted.differs].sort((a, b) => a - b).slice(0, 10),
      differing: this.totalColumnDiffering + counted.differing,
    });
  }

  /** No more records: throws why no header was found (or FILE_EMPTY) when none was. */
  end(): void {
    const layout = this.layout;
    if (layout !== null) {
      for (const t of this.leading) {
        if (t.found.some((f, i) => signOf(minus(f, this.cum[i] as ReadOre)) !== 0)) {
          this.mismatch(t.record, t.position, t.label, t.found, this.cum, 'all');
        }
        this.totalsPositions.push(t.position);
        this.totalsLabels.push(t.label);
      }
      if (this.totalsPositions.length > 0) {
        const order = this.totalsPositions
          .map((p, i) => i)
          .sort((a, b) => (this.totalsPositions[a] as number) - (this.totalsPositions[b] as number));
        this.into.note({
          kind: 'totalsRows',
          positions: order.map((i) => this.totalsPositions[i] as number),
          labels: order.map((i) => this.totalsLabels[i] as string),
        });
      }
      this.noteTotalsColumn({ rows: 0, differing: 0, differs: [] });
      return;
    }
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
    this.cum = layout.amounts.map(() => 0n);
    this.lastMark = [...this.cum];
    this.marks.add(this.cum.join(','));
    this.nameColumns = new Set(layout.names.values());
    this.unitFromHeadings(layout);
  }

  /** The unit the amount headings state (one for all of them), used unless an input unit was given; a conflict is noted. */
  private unitFromHeadings(layout: ColumnLayout): void {
    const indexes = [
      ...layout.amounts.flatMap((a) => (a.credit === undefined ? [a.index] : [a.index, a.credit])),
      ...(layout.total >= 0 ? [layout.total] : []),
    ];
    const stated = indexes.flatMap((i) => {
      const u = headingUnit(layout.headers[i] as string);
      return u ? [{ heading: (layout.headers[i] as string).trim(), unit: u.unit }] : [];
    });
    const first = stated[0];
    if (first === undefined || stated.some((s) => s.unit !== first.unit)) return;
    const given = this.spec.inputUnitGiven === true;
    if (first.unit === this.spec.inputUnit) return;
    if (!given) {
      this.unit = first.unit;
      this.unitExponent = UNIT_EXPONENT[first.unit];
    }
    this.into.note({ kind: 'headingUnit', heading: first.heading, unit: first.unit, applied: !given, given: this.spec.inputUnit });
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
