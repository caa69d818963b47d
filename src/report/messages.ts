/**
 * What a report run tells the user besides its tables, as values: a `Message` is a level
 * (warning or note), a code and the parameters its text needs. The texts themselves live
 * in i18n (one per code and language, checked by the compiler), so the report layer
 * writes no prose. This module imports only the amount type (core), so any layer above core
 * may hold messages.
 */
import type { Ore } from '../core/money.js';

/** The parameters of each message code. Lists of codes are sorted by the producer. */
export interface MessageParams {
  /** A ledger file that is not valid UTF-8 was read as Windows-1252. */
  encodingFallback: { file: string };
  /** Revenue accounts mostly positive and cost accounts negative (rules/sign.ts looksReversed). */
  signsLookReversed: { file: string; positive: number; total: number };
  /**
   * Amounts of another year than the report's, left out: in `file`, `rows` data rows of `codes`
   * codes are dated in months `first`..`last` of `year`, summing to `amount` (öre, ledger sign).
   */
  otherYears: { file: string; year: number; reportYear: number; rows: number; codes: number; first: number; last: number; amount: Ore };
  /** Accounts that no category matches, left out of analys and resultat. */
  uncategorised: { accounts: string[] };
  /** Codes of `dimension` that have no name and are shown by code. */
  noName: { dimension: string; codes: string[] };
  /** A sub-table pattern that matches no code. */
  emptySub: { pattern: string };
  /** Comments given for codes that no table shows. */
  commentsNotShown: { codes: string[] };
  /** Manual forecasts for codes that are in neither utfall nor budget. */
  prognosUnknown: { file: string; codes: string[] };
  /** A manual forecast inside another one, ignored. */
  prognosNested: { file: string; inner: string; outer: string };
  /** A periodisation key whose weights do not sum to 1 or 100 (`sum` as written). */
  keyNormalised: { key: string; sum: string };
  /** Codes whose budget is spread evenly because last year has no utfall for them. */
  fgArFallback: { codes: string[] };
  /**
   * `--periodisering fg-ar`: codes whose budget ack is larger than their budget helår, because
   * last year's utfall through the month was larger than its full year (a net code whose later
   * months had revenues, or negative amounts): the profile is followed as it is.
   */
  fgArBeyondHelar: { codes: string[] };
  /** Codes whose fg-ar forecast falls back to utfall ack + remaining budget. */
  prognosFgArFallback: { codes: string[] };
  /** A forecast file whose column is a forecast deviation: the forecast is budget helår − deviation. */
  prognosFromDeviation: { file: string; column: string };
  /** Rows of period 00 (the opening balance) left out; `amount` in öre, ledger sign. */
  openingLeftOut: { file: string; rows: number; amount: Ore };
  /** Rows of year-end adjustment periods 13–15 counted into December; `amount` in öre, ledger sign. */
  adjustmentInDecember: { file: string; rows: number; amount: Ore };
  /** Totals rows that equal the rows they close, left out (`lines` and `labels` pair up). */
  totalsRows: { file: string; lines: number[]; labels: string[] };
  /** A totals column beside month columns that equals the months' sum, left out. */
  totalsColumn: { file: string; column: string; rows: number };
  /** A totals column that differs from the months' sum by more than rounding on `differing` of `rows` rows (the first at `lines`). */
  totalsColumnDiffers: { file: string; column: string; rows: number; differing: number; lines: number[] };
  /** An amount heading states the unit the file is read in. */
  headingUnit: { file: string; heading: string; unit: string };
  /** An amount heading states another unit than the one given explicitly, which is used. */
  headingUnitConflict: { file: string; heading: string; unit: string; given: string };
  /** Utfall and budget totals differ by a factor that suggests mixed units (rules/units.ts); `option` fixes it. */
  unitsLookMixed: { larger: string; smaller: string; factor: number; option: string };
  /** A report without `--period` sets a budget that reaches beyond the utfall's months `first`..`last` of `year` against them. */
  partYear: { year: number; first: number; last: number; period: string };
  /** Every dated budget row carries `period`: the budget is the annual budget of its year (`periodised` in a monthly report). */
  annualBudget: { period: string; periodised: boolean };
  /** `--periodisering` given, but the budget has no annual amount to spread: its monthly amounts are used as they are. */
  periodiseringUnused: { value: string };
  /** A SIE file read from `record` (`#PSALDO`, `#TRANS` …) of year `year` (`#RAR`, its `dates`), with the dimension holding each role needed. */
  sieRead: { file: string; record: string; year: number; dates: string; dimensions: string };
  /** Balance accounts (`#KTYP` T/S, or 1xxx/2xxx) of a SIE file left out: `accounts` accounts in `rows` records. */
  sieBalanceAccounts: { file: string; accounts: number; rows: number };
  /** What the objects of dimension `dim` (role `role`) leave of the accounts' totals, in the ofördelat row `code`: `rows` records, net `amount` (öre, ledger sign). */
  sieUnallocated: { file: string; role: string; dim: string; code: string; rows: number; amount: Ore; record: string };
}

export type MessageCode = keyof MessageParams;
export type MessageLevel = 'warning' | 'note';

/** The level of each code: a warning asks the user to look, a note states what the tool did. */
export const MESSAGE_LEVELS = {
  encodingFallback: 'warning',
  signsLookReversed: 'warning',
  otherYears: 'warning',
  uncategorised: 'warning',
  noName: 'warning',
  emptySub: 'warning',
  commentsNotShown: 'warning',
  prognosUnknown: 'warning',
  prognosNested: 'warning',
  keyNormalised: 'note',
  fgArFallback: 'note',
  fgArBeyondHelar: 'note',
  prognosFgArFallback: 'note',
  prognosFromDeviation: 'note',
  openingLeftOut: 'note',
  adjustmentInDecember: 'note',
  totalsRows: 'note',
  totalsColumn: 'note',
  totalsColumnDiffers: 'warning',
  headingUnit: 'note',
  headingUnitConflict: 'warning',
  unitsLookMixed: 'warning',
  partYear: 'warning',
  annualBudget: 'note',
  periodiseringUnused: 'warning',
  sieRead: 'note',
  sieBalanceAccounts: 'note',
  sieUnallocated: 'warning',
} as const satisfies Record<MessageCode, MessageLevel>;

/** Every message code, for tests that check each has a text. */
export const MESSAGE_CODES = Object.keys(MESSAGE_LEVELS) as MessageCode[];

export type Message = { [C in MessageCode]: { level: MessageLevel; code: C; params: MessageParams[C] } }[MessageCode];

/**
 * A message with the level of its code.
 * @example message('emptySub', { pattern: '51*' }) // { level: 'warning', code: 'emptySub', params: { pattern: '51*' } }
 */
export function message<C extends MessageCode>(code: C, params: MessageParams[C]): Message {
  return { level: MESSAGE_LEVELS[code], code, params } as Message;
}

/** The messages as they are printed: warnings first, then notes, each in the order given. */
export function inPrintOrder(messages: readonly Message[]): Message[] {
  return [...messages.filter((m) => m.level === 'warning'), ...messages.filter((m) => m.level === 'note')];
}
