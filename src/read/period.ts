/**
 * Periods. A period is a calendar month written `YYYY-MM`; ledger exports write it as
 * `2024-08`, `202408`, `2024-08-31` (a date means its month, with or without a time),
 * `2024M08`, `2024-8`, or with a month name, Swedish or English, full or abbreviated:
 * `augusti 2024`, `Aug 2024`, `2024 augusti`, `2024-aug`, and Excel's `mmm-yy`: `aug-24`
 * (a two-digit year only in that form, and always 20yy).
 *
 * Besides months, a period field may hold a year (`2024`: an annual amount of that year,
 * period key `2024`), a year-end adjustment period 13–15 (`202413`, `2024-13`: counted into
 * December, with a note) or the opening balance, period 00 (`202400`: left out, with a
 * note). `readPeriod` says which; `parsePeriod` accepts months only.
 */

/** Month names, Swedish and English, full and abbreviated (lower case, ASCII). */
export const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  febr: 2,
  februari: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  apr: 4,
  april: 4,
  maj: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augusti: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/**
 * The month (1..12) a month name stands for (`jan`, `Januari`, `okt.`, `October`), or null.
 * @example monthOfName('Okt.') // 10
 */
export function monthOfName(text: string): number | null {
  const n = MONTH_NAMES[text.trim().toLowerCase().replace(/\.$/, '')];
  return n ?? null;
}

/** What a period field holds. */
export type PeriodRead =
  /** A month: `key` is `YYYY-MM`. */
  | { kind: 'month'; key: string }
  /** A whole year, an annual amount: `key` is `YYYY`. */
  | { kind: 'year'; key: string }
  /** A year-end adjustment period (13, 14 or 15), counted into December: `key` is `YYYY-12`. */
  | { kind: 'adjustment'; key: string }
  /** Period 00, the opening balance: left out (`key` is `YYYY`, for messages only). */
  | { kind: 'opening'; key: string };

/** Forms whose month may also be 00 or 13–15: period numbers, not dates. */
const PERIOD_FORMS: readonly RegExp[] = [
  /^(\d{4})-?(\d{2})$/, // 2024-08, 202408 (202413, 202400)
  /^(\d{4})[mM](\d{2})$/, // 2024M08 (SCB, SIE)
];

/** Forms with a month 1..12 only. */
const MONTH_FORMS: readonly RegExp[] = [
  /^(\d{4})[-/.](\d)$/, // 2024-8
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T][\d:.]+)?$/, // 2024-08-31, 20240831, with a time
  /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/, // 2024/8/31
];

const NAME = '([a-zA-ZåäöÅÄÖ]{3,9})\\.?';
const NAME_YEAR = new RegExp(`^${NAME}[\\s-]?(\\d{4})$`); // januari 2024, Jan 2024, jan-2024
const NAME_YY = new RegExp(`^${NAME}-(\\d{2})$`); // jan-24 (Excel's mmm-yy)
const YEAR_NAME = new RegExp(`^(\\d{4})[\\s-]${NAME}$`); // 2024 januari, 2024-jan
const YEAR = /^(\d{4})$/;

/** Years a year-only period may be: a code such as `5103` in a mapped period column is refused, not read as a year. */
const isPlausibleYear = (y: number): boolean => y >= 1900 && y <= 2099;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The period of a year (four digits, as text) and a period number 0..15. */
function numbered(year: string, n: number): PeriodRead | null {
  if (n >= 1 && n <= 12) return { kind: 'month', key: `${year}-${pad2(n)}` };
  if (n >= 13 && n <= 15) return { kind: 'adjustment', key: `${year}-12` };
  if (n === 0) return { kind: 'opening', key: year };
  return null;
}

/**
 * What a period field holds (see the module comment), or null when it is no period. Its
 * byte-level twin for the commonest month forms is `periodIndex` in read/csv/fast/bytes.ts,
 * which leaves every other form to this function.
 * @example readPeriod('jan-24') // { kind: 'month', key: '2024-01' }
 * @example readPeriod('202413') // { kind: 'adjustment', key: '2024-12' }
 */
export function readPeriod(text: string): PeriodRead | null {
  const t = text.trim();
  for (const form of PERIOD_FORMS) {
    const m = form.exec(t);
    if (m) return numbered(m[1] as string, Number(m[2]));
  }
  for (const form of MONTH_FORMS) {
    const m = form.exec(t);
    if (!m) continue;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > 31) return null;
    }
    return { kind: 'month', key: `${m[1]}-${pad2(month)}` };
  }
  const year = YEAR.exec(t);
  if (year) return isPlausibleYear(Number(year[1])) ? { kind: 'year', key: year[1] as string } : null;
  let name: string | undefined;
  let y: string | undefined;
  let m = NAME_YEAR.exec(t);
  if (m) [, name, y] = m;
  else if ((m = NAME_YY.exec(t))) [name, y] = [m[1], `20${m[2]}`];
  else if ((m = YEAR_NAME.exec(t))) [, y, name] = m;
  if (name === undefined || y === undefined) return null;
  const month = monthOfName(name);
  return month === null ? null : { kind: 'month', key: `${y}-${pad2(month)}` };
}

/**
 * The month `YYYY-MM` of a period text, or null when it is not a month (a year, an
 * adjustment period or the opening balance included): what `--period` accepts.
 */
export function parsePeriod(text: string): string | null {
  const p = readPeriod(text);
  return p?.kind === 'month' ? p.key : null;
}

/**
 * The period of a year field and a month field (an `År` and a `Månad` column): the month as
 * a number `1`..`12` (`0`/`00` the opening balance, `13`–`15` adjustment periods) or a month
 * name, or a whole period of the same year (`2024-08` beside `2024`). Null when either is
 * not one.
 * @example combinePeriod('2024', 'augusti') // { kind: 'month', key: '2024-08' }
 */
export function combinePeriod(yearText: string, monthText: string): PeriodRead | null {
  const year = yearText.trim();
  if (!YEAR.test(year) || !isPlausibleYear(Number(year))) return null;
  const month = monthText.trim();
  if (/^\d{1,2}$/.test(month)) return numbered(year, Number(month));
  const named = monthOfName(month);
  if (named !== null) return { kind: 'month', key: `${year}-${pad2(named)}` };
  const whole = readPeriod(month);
  if (whole === null || whole.kind === 'year' || whole.key.slice(0, 4) !== year) return null;
  return whole;
}
