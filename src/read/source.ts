/**
 * The read boundary: what every input format provides and what it writes into. A ledger
 * source (CSV today; SIE and .xlsx later) reads one file into the one `LedgerBuilder`, which
 * owns keys, filters, names, row counts and sign evidence, so every format and every route
 * (csv-parse or the byte-level fast path) totals the same way. A record source reads small
 * files and published tables as records with their place (CSV, Markdown). Each source formats the caret
 * excerpt under an error at one of its places. `read/index.ts` picks the source for a file
 * (by extension, then by sniffing its first bytes), as hledger's `findReader` does.
 */
import { availableParallelism } from 'node:os';
import type { Filter } from '../core/codes.js';
import type { PeriodTotals } from '../core/ledger.js';
import type { Ore, ReadOre, Unit } from '../core/money.js';
import type { Place } from '../errors.js';
import type { InputSign, SignEvidence } from '../rules/sign.js';
import type { Dialect } from './csv/dialect.js';

export type { Place } from '../errors.js';

/** How a source may read: speed settings that never change a result. The caller decides them (the CLI from its environment). */
export interface ReadTuning {
  /** Use the byte-level fast path where it applies; false forces the general route (csv-parse). */
  fastPath: boolean;
  /** Threads the fast path may use: 1, or 2 to scan the second half of a large file in a worker. */
  threads: number;
  /** Files with fewer data bytes than this are read on one thread (a worker costs 30–35 ms of CPU to start and, measured at 1M–4M rows, about 110 ms of CPU in all; README "Start-up"). */
  parallelMinBytes: number;
}

/**
 * The tuning that an environment asks for: AVVIKELSE_READER=csv-parse turns the fast path
 * off, AVVIKELSE_THREADS=1 keeps it on one thread (two is the default on two cores or more),
 * AVVIKELSE_PARALLEL_MIN_BYTES sets the size from which a second thread is used (64 MiB).
 * @example tuningFromEnv({ AVVIKELSE_READER: 'csv-parse' }).fastPath // false
 */
export function tuningFromEnv(env: Readonly<Record<string, string | undefined>>): ReadTuning {
  const minBytes = Number(env.AVVIKELSE_PARALLEL_MIN_BYTES ?? NaN);
  return {
    fastPath: env.AVVIKELSE_READER !== 'csv-parse',
    threads: env.AVVIKELSE_THREADS === '1' || availableParallelism() < 2 ? 1 : 2,
    parallelMinBytes: Number.isFinite(minBytes) && minBytes >= 0 ? minBytes : 64 << 20,
  };
}

/** What to read from a ledger file and how to total it. */
export interface ReadSpec {
  /** 'utfall' or 'budget': breaks a tie when a file has both an Utfall and a Budget column. */
  kind: 'utfall' | 'budget';
  /** The dimension whose codes are totalled. */
  groupBy: string;
  /** A second dimension kept apart in the keys: `code` + DETAIL_SEPARATOR + value. */
  detail?: string;
  where: Filter[];
  inputUnit: Unit;
  /** Whether an option (`--input-unit`, `--budget-unit`, the configuration file) set `inputUnit`, rather than the default `kr`. */
  inputUnitGiven: boolean;
  inputSign: InputSign;
  /** Explicit role → header (`--col`; CSV and sheets). */
  columns: Record<string, string>;
  /** CSV only: encoding, delimiter and decimal mark, each possibly 'auto' (SIE takes the encoding). */
  dialect: Dialect;
  /**
   * The input the file is read as (default: `kind`): a SIE file holds all three, and gives
   * `#PSALDO`/`#TRANS` of year 0 to `utfall`, `#PBUDGET` to `budget`, and last year's to `fgAr`.
   */
  role?: 'utfall' | 'budget' | 'fgAr';
  /** `fgAr`: the calendar year wanted (the report year − 1), when known; a SIE file then picks its fiscal year of it. */
  year?: number;
  /** SIE: dimension role → dimension number or name (`--sie-dim verksamhet=20`). */
  sieDim?: Readonly<Record<string, string>>;
  /** Workbooks only: the sheet to read (`--sheet`); without it, the first visible sheet. */
  sheet?: string;
  tuning: ReadTuning;
  /** Called now and then with bytes read and the file size, for a progress display. */
  progress?: (done: number, total: number) => void;
}

/** The columns a source found in its header (or its format defines): what a builder binds a spec to. */
export interface SourceColumns {
  /** Every header as written, for messages. */
  headers: readonly string[];
  /** Dimension (canonical role, or the normalised header of any other column) → field index. */
  dims: ReadonlyMap<string, number>;
  /** Dimension → field index of the column naming its codes. */
  names: ReadonlyMap<string, number>;
  /** The amount columns read (a debit/credit pair as one), when the source has columns: named in `Ledger.amountColumns`. */
  amounts?: readonly { readonly index: number; readonly credit?: number }[];
}

/** Where the builder finds what it needs in each record, once bound. */
export interface KeyPlan {
  code: number;
  /** -1 when the spec has no detail dimension. */
  detail: number;
  /** -1 without a name column for the grouping dimension. */
  name: number;
  /** -1 without a konto column (then there is no sign evidence). */
  konto: number;
  /** Number of --where filters. */
  filters: number;
  /** The --where filters as bound: the column, the glob and whether it is negated (for a byte-level route). */
  where: readonly { index: number; glob: string; negate: boolean }[];
}

/** The place of one field of the current record (a source passes a bound function; called only on error). */
export type FieldPlace = (index: number, value: string) => Place;

/** One field of a record: its 0-based index, its header (when known) and its text. */
export interface FieldAt {
  index: number;
  column?: string;
  value: string;
}

/**
 * Where a record is, from its position as the source numbers records (a CSV line, a sheet
 * row): the record as a whole without `field`, else that field of it. Called only on error.
 * @example const csvPlace: PlaceOf = (line, f) => (f ? { file, line, column: f.column, field: f.index + 1, value: f.value } : { file, line });
 */
export type PlaceOf = (position: number, field?: FieldAt) => Place;

/**
 * The one accumulator every ledger source and route writes into. Amounts are given in the
 * file's sign; the builder applies `negatesInput` (rules/sign.ts) to each of them and to the
 * sign evidence, so no source decides the sign.
 */
export interface LedgerBuilder {
  /** Binds the spec to the columns found: group-by, detail, name, konto and filter columns. Throws COLUMN_MISSING / COLUMN_UNKNOWN at `at`. */
  bind(columns: SourceColumns, at: Place): KeyPlan;
  /** The key a record is totalled under, or null when a --where filter leaves it out. Throws CODE_EMPTY. */
  key(fields: readonly string[], place: FieldPlace): string | null;
  /** Adds one amount (öre, in the file's sign) under a key and period (`YYYY-MM`, `Mmm` or ''). */
  add(key: string, period: string, amount: ReadOre): void;
  /**
   * A record is totalled: counts it under `period` (the period of its first amount), keeps its
   * code's name, and counts sign evidence from its konto and its total (file's sign).
   */
  record(fields: readonly string[], total: ReadOre, period: string): void;
  /**
   * A record of period 00 (`opening`: the opening balance, not added) or of a year-end
   * adjustment period 13–15 (`adjustment`: added into December), with its amount in the
   * file's sign: counted for the notes that say so (`Ledger.asides`).
   */
  aside(kind: AsideKind, amount: ReadOre): void;
  /**
   * A code's name, as `record` keeps it (the last non-empty one wins), from a byte-level route
   * that collected names per distinct code and knows this one came after every other.
   */
  named(code: string, name: string): void;
  /** Records a byte-level route summed itself (through `add`), per period, and their sign evidence counted in the file's sign. */
  counted(rows: number, evidence: SignEvidence, rowsByPeriod: ReadonlyMap<string, number>): void;
  /** Something the reader noticed and did that the user is told (a totals row left out, a unit from a heading). */
  note(note: ReadNote): void;
  /** Forgets everything: a source that starts over (another encoding, another route) calls this first. */
  restart(): void;
  /** The totals. Throws NO_DATA_ROWS when nothing was read. */
  finish(): Ledger;
}

/** Records set aside by their period: the opening balance (period 00) and year-end adjustment periods (13–15). */
export type AsideKind = 'opening' | 'adjustment';

/** How many records of one kind were set aside, and their amount (öre, ledger sign). */
export interface Aside {
  rows: number;
  amount: Ore;
}

/** Exact totals of one ledger file, as the builder keeps them. */
export interface Ledger {
  file: string;
  /** Key (code, or code + DETAIL_SEPARATOR + detail) → period → öre, in ledger sign. */
  totals: PeriodTotals;
  /** Code → name, from name columns in the file (last one wins). */
  names: Map<string, string>;
  dataRows: number;
  /** The headings of the amount columns read (debet and kredit both), for SAME_AMOUNT_COLUMN; empty for a source without columns. */
  amountColumns: readonly string[];
  /** Data rows per period (the period of each row's first amount), so a warning can count the rows it leaves out. */
  rowsByPeriod: ReadonlyMap<string, number>;
  /** Counts that reveal a reversed sign convention (rules/sign.ts `looksReversed`), or null without a konto column. */
  signs: SignEvidence | null;
  /** Records of period 00, left out, and of periods 13–15, counted into December. */
  asides: Record<AsideKind, Aside>;
  /** What the reader noticed and did, in file order (app/ turns them into messages). */
  notes: ReadNote[];
  /** The heading of the column the codes were read from (`Verksamhet`), when the source has headings (`avvikelse init` shows it). */
  codeColumn?: string;
}

/**
 * What a reader noticed and did, for the user: positions are the source's (a CSV line).
 * - `totalsRows`: totals rows (`Summa 4100`, `Totalt`) that match the rows they close, left out;
 * - `totalsColumn`: a totals column beside month columns, left out; `differs` lists the
 *   positions of rows where it differs from the months' sum by more than rounding (of `rows` checked);
 * - `headingUnit`: an amount heading states a unit; `applied` when it was used (no explicit
 *   input unit), else it conflicts with the explicit `given` one;
 * - `sieRead`: which SIE records of which year (`#RAR` index, its dates) were read, and which
 *   dimension holds each role needed;
 * - `sieBalanceAccounts`: balance accounts (`#KTYP` T/S, or 1xxx/2xxx) left out of a SIE file;
 * - `sieUnallocated`: what a dimension's objects leave of the `{}` totals (or verification rows
 *   without the dimension), in the ofördelat row `code`: `rows` records, net `amount` (ledger sign).
 */
export type ReadNote =
  | { kind: 'totalsRows'; positions: number[]; labels: string[] }
  | { kind: 'totalsColumn'; column: string; rows: number; differs: number[]; differing: number }
  | { kind: 'headingUnit'; heading: string; unit: Unit; applied: boolean; given: Unit }
  | { kind: 'sieRead'; record: string; year: number; dates: string; dimensions: string }
  | { kind: 'sieBalanceAccounts'; accounts: number; rows: number }
  | { kind: 'sieUnallocated'; role: string; dim: string; code: string; rows: number; amount: Ore; record: string };

/** What a source says about how it read a file. */
export interface ReadInfo {
  format: string;
  /** Which route read it, e.g. 'fast', 'fast-2-threads', 'csv-parse'. */
  reader: string;
  /** Text formats: the encoding used. */
  encoding?: string;
  /** CSV: the delimiter used. */
  delimiter?: string;
  /** True when UTF-8 was guessed and a later byte proved the file to be Windows-1252. */
  encodingFallback: boolean;
}

/** A ledger as read: its totals and how it was read. */
export type LedgerTotals = Ledger & ReadInfo;

/** What every source has: a name, the file extensions it claims, a sniff, and its excerpts. */
export interface SourceBase {
  readonly format: string;
  /** Lower-case extensions with the dot (`.csv`). */
  readonly extensions: readonly string[];
  /** Whether the first bytes of a file (up to 64 KiB) look like this format. */
  sniff(sample: Uint8Array): boolean;
  /**
   * True for a format with a signature no text file starts with (a workbook, PDF, SIE): its
   * sniff is asked before the extension, so a workbook named `.csv` is never read as CSV.
   */
  readonly byContent?: boolean;
  /** The lines shown under an error at `place` (the record, a caret under the bad part), or []. */
  excerpt(place: Place): string[];
}

/** A format that holds ledgers (utfall, budget). */
export interface LedgerSource extends SourceBase {
  read(file: string, spec: ReadSpec, into: LedgerBuilder): Promise<ReadInfo>;
}

/** One record of a small file or a published table, with its place. */
export interface SourceRecord {
  /** The record as a whole (its line, its sheet row, its record number). */
  place: Place;
  cells: string[];
  /** The place of one cell (0-based index), with its header and text. */
  at(index: number, column: string | undefined, value: string): Place;
  /**
   * Set by a format that marks its tables (a Markdown pipe table): this record is the header
   * row of a table with this title ('' for none), and the records up to the next mark are its
   * rows. Formats without marks (CSV) leave it out; the published-table reader then finds
   * the tables itself (read/report-table.ts).
   */
  table?: { title: string };
}

/** A format that holds small tables: names, comments, forecasts, keys, categories, published reports. */
export interface RecordSource extends SourceBase {
  /**
   * Every non-empty record of the file, in order (small files are read whole); a record of
   * empty cells (`;;`) counts. Of a file of several parts (a workbook's sheets), the first
   * part, or with `parts: 'all'` every visible one in order, each record's place naming its part.
   */
  records(file: string, parts?: 'first' | 'all'): Promise<SourceRecord[]>;
}

/** A registered source: a ledger source, a record source, or both. */
export type Source = (LedgerSource | RecordSource) & Partial<LedgerSource & RecordSource>;
