/**
 * Column mapping: which header of a ledger export holds which role (verksamhet, konto,
 * ansvar, projekt, aktivitet, objekt, period, belopp) per SPEC §2.1, which columns hold
 * names of codes, which hold one amount per month (a budget in wide format), and which
 * hold debit and credit amounts (`Debet`/`Kredit`, `Debit`/`Credit`: amount = debet − kredit,
 * in ledger sign). Headers are matched case-insensitively, Swedish or English; any role can be mapped
 * explicitly (`--col verksamhet=Vht`), and every other column is kept as a dimension
 * under its own (lower-cased) header, so `--by` and `--where` can use it.
 */
import { AvvikelseError, type Place } from '../errors.js';
import type { Unit } from '../core/money.js';
import { normaliseHeader } from '../core/text.js';
import { monthOfName, parsePeriod } from './period.js';

export const CODE_ROLES = ['verksamhet', 'konto', 'ansvar', 'projekt', 'aktivitet', 'objekt'] as const;
export const ROLES = [...CODE_ROLES, 'period', 'belopp', 'namn'] as const;
export type Role = (typeof ROLES)[number];

/** The roles of a debit and a credit column (`--col debet=Debet --col kredit=Kredit`): the amount is debet − kredit. */
export const SIDE_ROLES = ['debet', 'kredit'] as const;
const SIDE_ALIASES: Record<(typeof SIDE_ROLES)[number], readonly string[]> = {
  debet: ['debet', 'debit'],
  kredit: ['kredit', 'credit'],
};

/**
 * The role a user means by `role` in `--col ROLE=HEADER`: `belopp`, `period`, `namn`,
 * `debet` (also `debit`) and `kredit` (also `credit`) as they are, else a dimension.
 * @example columnRole('Credit') // 'kredit'
 * @example columnRole('vht') // 'verksamhet'
 */
export function columnRole(role: string): string {
  const r = role.trim().toLowerCase();
  if (r === 'belopp' || r === 'period' || r === 'namn') return r;
  for (const side of SIDE_ROLES) if (SIDE_ALIASES[side].includes(r)) return side;
  return canonicalDimension(r);
}

/** The side a heading names (`Debet`, `Kredit (kr)`, `Credit`), or null. */
function sideOf(header: string): (typeof SIDE_ROLES)[number] | null {
  const h = normaliseHeader(headingUnit(header)?.rest ?? header);
  for (const side of SIDE_ROLES) if (SIDE_ALIASES[side].includes(h)) return side;
  return null;
}

const ALIASES: Record<Exclude<Role, 'namn'>, readonly string[]> = {
  verksamhet: ['verksamhet', 'vht', 'verksamhetskod', 'activity', 'verks'],
  konto: ['konto', 'account', 'kto', 'kontonr'],
  ansvar: ['ansvar', 'responsibility', 'ansvarskod', 'ansv'],
  projekt: ['projekt', 'project', 'proj'],
  aktivitet: ['aktivitet'],
  objekt: ['objekt', 'object'],
  period: ['period', 'månad', 'manad', 'month', 'datum', 'date', 'bokföringsdatum'],
  belopp: ['belopp', 'amount', 'utfall', 'budget', 'prognos', 'värde', 'varde', 'helår', 'helar', 'år', 'summa', 'netto'],
};

// `(t)`: Unit4 (Agresso) exports give each code column a text twin, `Konto(T)`.
const NAME_SUFFIXES = ['namn', 'snamn', 'name', 'text', 'benämning', 'sbenämning', 'beskrivning', '(t)'];

/** Headers of a column holding the year whose month another column holds (`År` + `Månad`). */
const YEAR_ALIASES = ['år', 'ar', 'year', 'räkenskapsår', 'rakenskapsar', 'bokföringsår', 'bokforingsar', 'fiscalyear'];

/** The dimension a user means by `name` (`Vht` → verksamhet, `Kostnadsställe` → kostnadsställe). */
export function canonicalDimension(name: string): string {
  const n = normaliseHeader(name);
  for (const role of CODE_ROLES) if (ALIASES[role].includes(n)) return role;
  return n;
}

/** The month a wide-format column stands for (`jan`, `01`, `2024-01`, `Jan 2024`, `jan-24`), or null. */
export function monthColumnPeriod(header: string): string | null {
  const h = header.trim().replace(/\.$/, '');
  const named = monthOfName(h);
  if (named !== null) return `M${String(named).padStart(2, '0')}`;
  if (/^(0[1-9]|1[0-2])$/.test(h)) return `M${h}`;
  return parsePeriod(h);
}

export interface AmountColumn {
  /** The amount's column; with `credit`, the debit column. */
  index: number;
  /** The credit column of a debit/credit pair: the amount is the cell at `index` − the cell at `credit`. */
  credit?: number;
  /** `YYYY-MM`, `Mmm` (a month of an unspecified year) or null (the row's period, if any). */
  period: string | null;
}

export interface ColumnLayout {
  headers: string[];
  /** Dimension name → column index, for roles and for every other non-amount column. */
  dims: Map<string, number>;
  /** Dimension name → index of the column holding its codes' names. */
  names: Map<string, number>;
  amounts: AmountColumn[];
  /** Index of the period column, or -1. */
  period: number;
  /**
   * Index of the year column that completes the period column's month (`År` + `Månad`,
   * or `--col period=År+Månad`), or -1. Without a period column, a year column is the
   * period column (a year: an annual amount), and it gives month columns (`jan … dec`) their year.
   */
  year: number;
  /** A totals column beside month columns (`Totalt`, `Helår`, `Summa`): checked against the months, never added; or -1. */
  total: number;
}

export interface ColumnRequest {
  /** The header record's place, where its errors are reported. */
  at: Place;
  /** The role whose codes the report groups by; it must be present. */
  required: string;
  /** 'utfall' or 'budget': breaks a tie when a file has both an Utfall and a Budget column. */
  kind: string;
  /** Explicit role (or dimension) → header. */
  explicit: Record<string, string>;
}

const list = (hs: string[]): string => hs.map((h) => `"${h}"`).join(', ');

/** Resolves the roles of a header row, or throws COLUMN_MISSING / COLUMN_AMBIGUOUS / COLUMN_UNKNOWN. */
export function resolveColumns(headers: string[], req: ColumnRequest): ColumnLayout {
  const norm = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const dims = new Map<string, number>();
  const names = new Map<string, number>();
  const at = req.at;
  const find = (h: string): number => norm.indexOf(normaliseHeader(h));

  const explicitIndex = new Map<string, number>();
  let year = -1;
  for (const [role, header] of Object.entries(req.explicit)) {
    const unknown = (name: string) => new AvvikelseError('COLUMN_UNKNOWN', { name, source: `--col ${role}`, headers: list(headers) }, at);
    let i = find(header);
    if (i < 0 && role === 'period' && header.includes('+')) {
      // `--col period=År+Månad`: the year, then the month.
      const [yearHeader = '', monthHeader = ''] = header.split('+', 2);
      year = find(yearHeader);
      if (year < 0) throw unknown(yearHeader.trim());
      i = find(monthHeader);
      if (i < 0) throw unknown(monthHeader.trim());
      taken.add(year);
    }
    if (i < 0) throw unknown(header);
    explicitIndex.set(role, i);
    taken.add(i);
  }
  // A year column (`År`, `Year`): the year of the period column's months, unless it is the file's only amount column.
  if (year < 0 && !explicitIndex.has('period')) {
    const years = norm.flatMap((h, i) => (!taken.has(i) && YEAR_ALIASES.includes(h) ? [i] : []));
    if (years.length === 1) year = years[0] as number;
  }

  // Amount columns: explicit, else a debit and a credit column, else one amount-named column, else month columns (wide).
  let amounts: AmountColumn[] = [];
  let total = -1;
  const explicitAmount = explicitIndex.get('belopp');
  const explicitDebit = explicitIndex.get('debet');
  const explicitCredit = explicitIndex.get('kredit');
  if (explicitAmount !== undefined && (explicitDebit !== undefined || explicitCredit !== undefined)) {
    const mapped = [explicitAmount, explicitDebit, explicitCredit].filter((i): i is number => i !== undefined);
    throw new AvvikelseError(
      'COLUMN_AMBIGUOUS',
      { role: 'belopp', candidates: list(mapped.map((i) => headers[i] as string)), sides: 1 },
      at,
    );
  }
  if ((explicitDebit !== undefined) !== (explicitCredit !== undefined)) {
    throw new AvvikelseError('COLUMN_MISSING', { role: explicitDebit === undefined ? 'debet' : 'kredit', headers: list(headers) }, at);
  }
  if (explicitAmount !== undefined) {
    amounts = [{ index: explicitAmount, period: null }];
  } else if (explicitDebit !== undefined && explicitCredit !== undefined) {
    amounts = [{ index: explicitDebit, credit: explicitCredit, period: null }];
  } else {
    const months = norm
      .map((_, i) => ({ index: i, period: taken.has(i) ? null : monthColumnPeriod(headers[i] as string) }))
      .filter((m): m is AmountColumn & { period: string } => m.period !== null);
    if (months.length >= 2) {
      amounts = months;
      total = totalsColumn(headers, taken);
      if (total >= 0) taken.add(total);
    } else {
      const base = headers.map(amountBase);
      let candidates = base.flatMap((h, i) => (!taken.has(i) && h !== null ? [i] : []));
      if (candidates.length > 1 && candidates.includes(year)) candidates = candidates.filter((i) => i !== year);
      else if (candidates.length === 1 && candidates[0] === year) year = -1; // `År`: an annual amount
      if (candidates.length > 1) {
        const byKind = candidates.filter((i) => base[i] === req.kind);
        if (byKind.length === 1) candidates = byKind;
      }
      const sides = headers.map(sideOf);
      const debits = sides.flatMap((s, i) => (!taken.has(i) && s === 'debet' ? [i] : []));
      const credits = sides.flatMap((s, i) => (!taken.has(i) && s === 'kredit' ? [i] : []));
      if (debits.length > 0 || credits.length > 0) {
        // Debet and Kredit beside a Belopp column: which one is meant only the user knows.
        const all = [...candidates, ...debits, ...credits].sort((a, b) => a - b);
        if (candidates.length > 0 || debits.length > 1 || credits.length > 1) {
          throw new AvvikelseError(
            'COLUMN_AMBIGUOUS',
            { role: 'belopp', candidates: list(all.map((i) => headers[i] as string)), sides: 1 },
            at,
          );
        }
        const [debit] = debits;
        const [credit] = credits;
        if (debit === undefined || credit === undefined) {
          throw new AvvikelseError('COLUMN_MISSING', { role: debit === undefined ? 'debet' : 'kredit', headers: list(headers) }, at);
        }
        candidates = [];
        amounts = [{ index: debit, credit, period: null }];
      }
      if (candidates.length > 1) {
        throw new AvvikelseError('COLUMN_AMBIGUOUS', { role: 'belopp', candidates: list(candidates.map((i) => headers[i] as string)) }, at);
      }
      if (candidates.length === 1) amounts = [{ index: candidates[0] as number, period: null }];
    }
  }
  if (amounts.length === 0) throw new AvvikelseError('COLUMN_MISSING', { role: 'belopp', headers: list(headers) }, at);
  for (const a of amounts) {
    taken.add(a.index);
    if (a.credit !== undefined) taken.add(a.credit);
  }
  if (year >= 0) taken.add(year);

  // Code roles and the period.
  let period = explicitIndex.get('period') ?? -1;
  for (const role of [...CODE_ROLES, 'period'] as const) {
    const explicit = explicitIndex.get(role);
    if (explicit !== undefined) {
      if (role !== 'period') dims.set(role, explicit);
      continue;
    }
    const aliases = ALIASES[role];
    const candidates = norm.flatMap((h, i) => (!taken.has(i) && aliases.includes(h) ? [i] : []));
    if (candidates.length > 1) {
      throw new AvvikelseError('COLUMN_AMBIGUOUS', { role, candidates: list(candidates.map((i) => headers[i] as string)) }, at);
    }
    const i = candidates[0];
    if (i === undefined) continue;
    taken.add(i);
    if (role === 'period') period = i;
    else dims.set(role, i);
  }

  // Name columns: "Verksamhetsnamn", "Vht text", "Konto namn"; a lone "Namn" names the grouping role.
  const explicitName = explicitIndex.get('namn');
  if (explicitName !== undefined) names.set(req.required, explicitName);
  norm.forEach((h, i) => {
    if (taken.has(i)) return;
    for (const role of CODE_ROLES) {
      for (const alias of ALIASES[role]) {
        if (h.startsWith(alias) && NAME_SUFFIXES.includes(h.slice(alias.length)) && !names.has(role)) {
          names.set(role, i);
          taken.add(i);
          return;
        }
      }
    }
    if ((h === 'namn' || h === 'name' || h === 'benämning') && !names.has(req.required)) {
      names.set(req.required, i);
      taken.add(i);
    }
  });

  // Explicit mappings of extra dimensions (`--col kostnadsstalle=KSt`) and every other column.
  for (const [role, i] of explicitIndex) {
    if (role !== 'belopp' && role !== 'period' && role !== 'namn' && role !== 'debet' && role !== 'kredit') dims.set(role, i);
  }
  norm.forEach((h, i) => {
    if (!taken.has(i) && h !== '' && !dims.has(h)) dims.set(h, i);
  });

  if (!dims.has(req.required)) {
    throw new AvvikelseError('COLUMN_MISSING', { role: req.required, headers: list(headers) }, at);
  }
  // A year column without a month column is the period column: each row's period is a year.
  if (year >= 0 && period < 0) [period, year] = [year, -1];
  return { headers, dims, names, amounts, period, year, total };
}

/** Unit words in headings, each with its unit; the longer forms first. */
const UNIT_WORD = /(tusentals?\s+kronor|tusen\s+kr(?:onor)?|miljoner\s+kronor|mn\s?kr|mnkr|mkr|msek|tkr|tsek|ksek|kronor|kr|sek)\.?/.source;
const UNIT_OF: readonly [RegExp, Unit][] = [
  [/^(mn\s?kr|mnkr|mkr|msek|miljoner\s+kronor)$/, 'mnkr'],
  [/^(tkr|tsek|ksek|tusentals?\s+kronor|tusen\s+kr(onor)?)$/, 'tkr'],
  [/^(kr|kronor|sek)$/, 'kr'],
];
/** `Budget 2024 (tkr)`, `Belopp, mnkr`, `Utfall i tkr`, `Belopp [kr]`, `Mkr`: the heading without its unit, and the unit. */
const WITH_UNIT = new RegExp(`^(.*?)(?:\\s*[([]\\s*(?:i\\s+)?${UNIT_WORD}\\s*[)\\]]|(?:^|[\\s,;:/]+)(?:i\\s+)?${UNIT_WORD})\\s*$`, 'i');

/**
 * The unit an amount heading states, with the heading without it, or null when it states none.
 * @example headingUnit('Budget 2024 (tkr)') // { unit: 'tkr', rest: 'Budget 2024' }
 * @example headingUnit('Belopp, mnkr') // { unit: 'mnkr', rest: 'Belopp' }
 * @example headingUnit('Mkr') // { unit: 'mnkr', rest: '' }
 */
export function headingUnit(header: string): { unit: Unit; rest: string } | null {
  const m = WITH_UNIT.exec(header.trim());
  if (!m) return null;
  const word = (m[2] ?? m[3] ?? '').toLowerCase().replace(/\.$/, '');
  for (const [re, unit] of UNIT_OF) if (re.test(word)) return { unit, rest: (m[1] as string).trim() };
  return null;
}

/**
 * The amount role an amount heading has without its unit and a trailing year (`Budget 2024
 * (tkr)` → `budget`), or null when the heading is not an amount heading. A heading that is
 * only a unit (`Mkr`) is an amount heading too (`belopp`).
 */
function amountBase(header: string): string | null {
  const u = headingUnit(header);
  const rest = u ? u.rest : header;
  const h = normaliseHeader(rest.replace(/[\s,]+(19|20)\d\d$/, ''));
  if (h === '' && u) return 'belopp';
  return ALIASES.belopp.includes(h) ? h : null;
}

/** Headings of a totals column beside month columns (without a unit or year). */
const TOTALS_COLUMN = ['totalt', 'total', 'helår', 'helar', 'summa', 'totalsumma', 'årssumma'];

/** The totals column of a wide file (`Totalt`, `Helår`, `Summa`, also `Helår 2024 (tkr)`), or -1. */
export function totalsColumn(headers: readonly string[], taken: ReadonlySet<number>): number {
  return headers.findIndex((h, i) => {
    if (taken.has(i)) return false;
    const rest = headingUnit(h)?.rest ?? h;
    return TOTALS_COLUMN.includes(normaliseHeader(rest.replace(/[\s,]+(19|20)\d\d$/, '')));
  });
}

/** Words that open a totals row's label: `Summa 4100`, `Totalt`, `Total`, `Totalsumma`, `Delsumma`, `Subtotal`. */
const TOTALS_LABEL = /^(summa|totalt|total|totalsumma|delsumma|subtotal)(?![\p{L}\p{N}])/iu;

/**
 * Whether a cell's text marks a totals row. Its byte-level twin, which accepts at least every
 * text this accepts, is `maybeTotalsLabel` in read/csv/fast/bytes.ts.
 * @example isTotalsLabel('Summa 4100') // true
 * @example isTotalsLabel('Totalförsvar') // false
 */
export function isTotalsLabel(text: string): boolean {
  return TOTALS_LABEL.test(text.trim());
}
