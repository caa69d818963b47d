/**
 * The one implementation of `LedgerBuilder`: exact totals per key and period for one ledger
 * file, whichever source and route read it. It decides what a record is totalled under (the
 * group-by code, with the detail value kept apart), which records `--where` leaves out, the
 * names of codes, the row count, the input sign (`negatesInput`) and the konto-class sign
 * evidence whose meaning `looksReversed` (rules/sign.ts) decides.
 */
import { valueGlob } from '../core/codes.js';
import { DETAIL_SEPARATOR, type PeriodTotals } from '../core/ledger.js';
import { asOre, negated, plus, signOf, type ReadOre } from '../core/money.js';
import { AvvikelseError, type Place } from '../errors.js';
import { kontoClass, negatesInput, type SignEvidence } from '../rules/sign.js';
import { canonicalDimension } from './columns.js';
import type { Aside, AsideKind, FieldPlace, KeyPlan, Ledger, LedgerBuilder, ReadNote, ReadSpec, SourceColumns } from './source.js';

interface BoundFilter {
  index: number;
  glob: string;
  test: (v: string) => boolean;
  negate: boolean;
}

const quoted = (headers: readonly string[]): string => headers.map((h) => `"${h}"`).join(', ');

/** Totals one ledger file read with `spec`. */
export class TotalsBuilder implements LedgerBuilder {
  /** Running sums per key and period, as integers while the amounts are whole öre (core/money.ts `ReadOre`). */
  private totals = new Map<string, Map<string, ReadOre>>();
  private names = new Map<string, string>();
  private dataRows = 0;
  private amountColumns: string[] = [];
  private rowsByPeriod = new Map<string, number>();
  private signs: SignEvidence | null = null;
  private asides = noAsides();
  private plan: KeyPlan = { code: -1, detail: -1, name: -1, konto: -1, filters: 0, where: [] };
  private filters: BoundFilter[] = [];
  private where: KeyPlan['where'] = [];
  private notes: ReadNote[] = [];
  private codeColumn: string | undefined;
  private readonly negate: boolean;

  constructor(
    private readonly file: string,
    private readonly spec: Pick<ReadSpec, 'groupBy' | 'detail' | 'where' | 'inputSign'>,
  ) {
    this.negate = negatesInput(spec.inputSign);
  }

  bind(columns: SourceColumns, at: Place): KeyPlan {
    const { dims, headers } = columns;
    const code = dims.get(this.spec.groupBy);
    if (code === undefined) throw new AvvikelseError('COLUMN_MISSING', { role: this.spec.groupBy, headers: quoted(headers) }, at);
    let detail = -1;
    if (this.spec.detail !== undefined) {
      const index = dims.get(this.spec.detail);
      if (index === undefined) throw new AvvikelseError('COLUMN_MISSING', { role: this.spec.detail, headers: quoted(headers) }, at);
      detail = index;
    }
    this.codeColumn = headers[code];
    this.amountColumns = (columns.amounts ?? []).flatMap((a) =>
      [a.index, ...(a.credit === undefined ? [] : [a.credit])].map((i) => headers[i] ?? ''),
    );
    const konto = dims.get('konto') ?? -1;
    this.signs = konto >= 0 ? { revenuePositive: 0, revenueNegative: 0, costPositive: 0, costNegative: 0 } : null;
    this.filters = this.spec.where.map((w) => {
      const index = dims.get(canonicalDimension(w.dimension));
      if (index === undefined) {
        throw new AvvikelseError('COLUMN_UNKNOWN', { name: w.dimension, source: '--where', headers: quoted(headers) }, at);
      }
      return { index, test: valueGlob(w.glob), negate: w.negate, glob: w.glob };
    });
    this.where = this.filters.map(({ index, glob, negate }) => ({ index, glob, negate }));
    this.plan = {
      code,
      detail,
      name: columns.names.get(this.spec.groupBy) ?? -1,
      konto,
      filters: this.filters.length,
      where: this.where,
    };
    return this.plan;
  }

  key(fields: readonly string[], place: FieldPlace): string | null {
    for (const f of this.filters) {
      if (f.test((fields[f.index] as string).trim()) === f.negate) return null;
    }
    const code = (fields[this.plan.code] as string).trim();
    if (code === '') throw new AvvikelseError('CODE_EMPTY', {}, place(this.plan.code, ''));
    return this.plan.detail < 0 ? code : code + DETAIL_SEPARATOR + (fields[this.plan.detail] as string).trim();
  }

  add(key: string, period: string, amount: ReadOre): void {
    let byPeriod = this.totals.get(key);
    if (byPeriod === undefined) {
      byPeriod = new Map();
      this.totals.set(key, byPeriod);
    }
    const a = this.negate ? negated(amount) : amount;
    const sum = byPeriod.get(period);
    // Whole öre (the common case) as bigints inline; `plus` for the rest.
    byPeriod.set(period, sum === undefined ? a : typeof sum === 'bigint' && typeof a === 'bigint' ? sum + a : plus(sum, a));
  }

  record(fields: readonly string[], total: ReadOre, period: string): void {
    this.rowsByPeriod.set(period, (this.rowsByPeriod.get(period) ?? 0) + 1);
    const { name, konto, code } = this.plan;
    if (name >= 0) {
      const text = (fields[name] as string).trim();
      if (text !== '') this.names.set((fields[code] as string).trim(), text);
    }
    const sign = signOf(total);
    if (konto >= 0 && sign !== 0) {
      const cls = kontoClass((fields[konto] as string).trim().charCodeAt(0));
      const positive = sign > 0 !== this.negate;
      const signs = this.signs as SignEvidence;
      if (cls === 'revenue') {
        if (positive) signs.revenuePositive++;
        else signs.revenueNegative++;
      } else if (cls === 'cost') {
        if (positive) signs.costPositive++;
        else signs.costNegative++;
      }
    }
    this.dataRows++;
  }

  named(code: string, name: string): void {
    this.names.set(code, name);
  }

  aside(kind: AsideKind, amount: ReadOre): void {
    const a = this.asides[kind];
    a.rows++;
    a.amount = plus(a.amount, this.negate ? negated(amount) : amount);
  }

  counted(rows: number, evidence: SignEvidence, rowsByPeriod: ReadonlyMap<string, number>): void {
    this.dataRows += rows;
    for (const [period, n] of rowsByPeriod) this.rowsByPeriod.set(period, (this.rowsByPeriod.get(period) ?? 0) + n);
    const s = this.signs;
    if (s === null) return;
    // Evidence counted in the file's sign: a negated file's positives are the ledger's negatives.
    const e = this.negate
      ? {
          revenuePositive: evidence.revenueNegative,
          revenueNegative: evidence.revenuePositive,
          costPositive: evidence.costNegative,
          costNegative: evidence.costPositive,
        }
      : evidence;
    s.revenuePositive += e.revenuePositive;
    s.revenueNegative += e.revenueNegative;
    s.costPositive += e.costPositive;
    s.costNegative += e.costNegative;
  }

  note(note: ReadNote): void {
    this.notes.push(note);
  }

  restart(): void {
    this.notes = [];
    this.totals = new Map();
    this.names = new Map();
    this.dataRows = 0;
    this.amountColumns = [];
    this.codeColumn = undefined;
    this.rowsByPeriod = new Map();
    this.signs = null;
    this.asides = noAsides();
    this.plan = { code: -1, detail: -1, name: -1, konto: -1, filters: 0, where: [] };
    this.filters = [];
  }

  finish(): Ledger {
    if (this.dataRows === 0 && this.totals.size === 0) throw new AvvikelseError('NO_DATA_ROWS', {}, { file: this.file });
    const totals: PeriodTotals = new Map();
    for (const [key, byPeriod] of this.totals) totals.set(key, new Map([...byPeriod].map(([period, sum]) => [period, asOre(sum)])));
    const aside = (a: { rows: number; amount: ReadOre }): Aside => ({ rows: a.rows, amount: asOre(a.amount) });
    return {
      file: this.file,
      totals,
      names: this.names,
      dataRows: this.dataRows,
      amountColumns: this.amountColumns,
      rowsByPeriod: this.rowsByPeriod,
      signs: this.signs,
      asides: { opening: aside(this.asides.opening), adjustment: aside(this.asides.adjustment) },
      notes: this.notes,
      ...(this.codeColumn === undefined ? {} : { codeColumn: this.codeColumn }),
    };
  }
}

const noAsides = (): Record<AsideKind, { rows: number; amount: ReadOre }> => ({
  opening: { rows: 0, amount: 0n },
  adjustment: { rows: 0, amount: 0n },
});
