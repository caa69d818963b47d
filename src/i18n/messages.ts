/**
 * Every user-visible string, in Swedish (the default) and English (`--lang en`).
 * Error messages take the parameters their AvvikelseError carries; report headings and
 * column titles are looked up by id. Nothing else in the code base writes prose for users.
 */
import type { ErrorCode } from '../errors.js';
import type { ColumnId } from '../report/model.js';

export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];

type P = Record<string, string | number>;
type ErrorTexts = Record<ErrorCode, (p: P) => string>;

/** csv-parse's error codes, explained (the reason parameter of CSV_SYNTAX is the code). */
const csvReasonSv: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'ett citattecken öppnas men stängs aldrig före filens slut',
  CSV_INVALID_CLOSING_QUOTE: 'tecken direkt efter ett avslutande citattecken',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'tecken direkt efter ett avslutande citattecken',
  CSV_QUOTE_IN_UNQUOTED_FIELD: 'citattecken mitt i ett fält utan citattecken',
  INVALID_OPENING_QUOTE: 'citattecken mitt i ett fält utan citattecken (sätt fältet inom citattecken och dubblera citattecknet: "Skärm 24"" Dell")',
};
const csvReasonEn: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote is opened but never closed before the end of the file',
  CSV_INVALID_CLOSING_QUOTE: 'characters right after a closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'characters right after a closing quote',
  CSV_QUOTE_IN_UNQUOTED_FIELD: 'a quote inside an unquoted field',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the field and double the quote: "Screen 24"" Dell")',
};

/** Hints for OPTION_INVALID's `expected` that are prose, not a list of values. */
const hintSv: Record<string, string> = {
  period: 'ÅÅÅÅ-MM, t.ex. 2024-08',
  threshold: 'KOLUMN<TAL, t.ex. prognosavvikelse<-5000',
  columnMap: 'ROLL=RUBRIK, t.ex. verksamhet=Vht',
  filter: 'DIMENSION=MÖNSTER, t.ex. ansvar=41*',
  columnsMixed: 'antingen utfall, budget, avvikelse eller månadskolumner, inte båda',
  relation: 'KOLUMN=KOLUMN+KOLUMN−KOLUMN, t.ex. Netto=Intäkt+Kostnad',
  parent: 'TABELLRUBRIK=RAD, t.ex. Redovisning verksamhet 51*=51',
  notWithAnalys: 'månadsflaggor och --columns går inte att kombinera med --analys eller --resultat',
};
const hintEn: Record<string, string> = {
  period: 'YYYY-MM, e.g. 2024-08',
  threshold: 'COLUMN<NUMBER, e.g. prognosavvikelse<-5000',
  columnMap: 'ROLE=HEADER, e.g. verksamhet=Vht',
  filter: 'DIMENSION=GLOB, e.g. ansvar=41*',
  columnsMixed: 'either utfall, budget, avvikelse or monthly columns, not both',
  relation: 'COLUMN=COLUMN+COLUMN−COLUMN, e.g. Netto=Intäkt+Kostnad',
  parent: 'TABLE TITLE=ROW, e.g. Redovisning verksamhet 51*=51',
  notWithAnalys: 'monthly options and --columns cannot be combined with --analys or --resultat',
};
const configSv: Record<string, (p: P) => string> = {
  json: (p) => `ingen giltig JSON (${p.detail})`,
  object: () => 'filen ska innehålla ett JSON-objekt',
  unknownKey: (p) => `okänd nyckel "${p.key}" (kända: ${p.known})`,
  type: (p) => `"${p.key}" ska vara ${{ paths: 'en lista med filnamn', strings: 'en lista med texter', path: 'ett filnamn', record: 'ett objekt med texter', number: 'ett heltal', string: 'en text', boolean: 'true eller false' }[p.type as string]}`,
};
const configEn: Record<string, (p: P) => string> = {
  json: (p) => `not valid JSON (${p.detail})`,
  object: () => 'the file must hold a JSON object',
  unknownKey: (p) => `unknown key "${p.key}" (known: ${p.known})`,
  type: (p) => `"${p.key}" must be ${{ paths: 'a list of file names', strings: 'a list of strings', path: 'a file name', record: 'an object of strings', number: 'an integer', string: 'a string', boolean: 'true or false' }[p.type as string]}`,
};

const errorsSv: ErrorTexts = {
  FILE_NOT_FOUND: () => 'filen finns inte',
  FILE_UNREADABLE: (p) => `filen kan inte läsas (${p.reason})`,
  FILE_EMPTY: () => 'filen är tom',
  NO_DATA_ROWS: () => 'filen har en rubrikrad men inga datarader',
  COLUMN_MISSING: (p) =>
    `kolumnen för ${p.role} saknas (rubriker: ${p.headers}); ange den med --col ${p.role}=RUBRIK`,
  COLUMN_AMBIGUOUS: (p) =>
    `flera kolumner kan vara ${p.role}: ${p.candidates}; välj en med --col ${p.role}=RUBRIK`,
  COLUMN_UNKNOWN: (p) => `kolumnen "${p.name}" (från ${p.source}) finns inte; rubriker: ${p.headers}`,
  AMOUNT_INVALID: (p) => `"${p.value}" är inte ett belopp (till exempel -1 234,50)`,
  AMOUNT_PRECISION: (p) =>
    `"${p.value}" har fler decimaler än hela ören i ${p.unit} (högst ${p.max})`,
  PERIOD_INVALID: (p) => `"${p.value}" är inte en period (till exempel 2024-08, 202408, 2024-08-31 eller 2024M08)`,
  PERIOD_OUTSIDE_DATA: (p) => `perioden ${p.period} ligger utanför utfallet (${p.first} – ${p.last})`,
  PERIOD_MISSING: () => 'filen har ingen periodkolumn; en månadsrapport behöver utfall per period (ange den med --col period=RUBRIK)',
  WEIGHT_INVALID: (p) => `"${p.value}" är ingen vikt: ${{ precision: 'ett tal ≥ 0 med högst 6 decimaler, t.ex. 8,5', negative: 'vikter kan inte vara negativa', zero: 'radens vikter summerar till 0' }[p.reason as string]}`,
  TABLE_NOT_FOUND: () => 'ingen tabell hittades: en tabell behöver en rubrikrad och rader med belopp',
  CATEGORY_INVALID: (p) => `"${p.value}" är ingen kategori (intakt, personalkostnad, kapitalkostnad, ovrig_kostnad, exkluderad)`,
  CODE_EMPTY: () => 'koden är tom',
  FIELD_COUNT: (p) => `raden har ${p.found} fält men rubrikraden har ${p.expected}`,
  CSV_SYNTAX: (p) => `felaktig CSV: ${csvReasonSv[p.reason as string] ?? p.reason}`,
  ENCODING_INVALID: (p) =>
    `filen är inte giltig ${p.encoding} (ogiltig byte 0x${p.byte}); ange rätt teckenkodning med --encoding`,
  OPTION_INVALID: (p) => `ogiltigt värde för ${p.option}: "${p.value}" (${hintSv[p.expected as string] ?? p.expected})`,
  OPTION_MISSING: (p) => `${p.option} saknas; se avvikelse ${p.command} --help`,
  OPTION_UNKNOWN: (p) => `okänd flagga ${p.option}; se avvikelse ${p.command} --help`,
  USAGE: (p) => `${p.reason}; se avvikelse ${p.command} --help`,
  COMMAND_UNKNOWN: (p) => `okänt kommando "${p.command}"; kommandon: report (rapport), verify (kontroll), codes (koder); se avvikelse --help`,
  CONFIG_INVALID: (p) => `ogiltig konfiguration: ${configSv[p.reason as string]?.(p) ?? p.reason}`,
  OUTPUT_IS_INPUT: () => 'utfilen är samma fil som en indatafil; indata skrivs aldrig över',
  OUTPUT_UNWRITABLE: (p) => `utfilen kan inte skrivas (${p.reason})`,
};

const errorsEn: ErrorTexts = {
  FILE_NOT_FOUND: () => 'no such file',
  FILE_UNREADABLE: (p) => `cannot read the file (${p.reason})`,
  FILE_EMPTY: () => 'the file is empty',
  NO_DATA_ROWS: () => 'the file has a header row but no data rows',
  COLUMN_MISSING: (p) =>
    `no column for ${p.role} (headers: ${p.headers}); name it with --col ${p.role}=HEADER`,
  COLUMN_AMBIGUOUS: (p) =>
    `several columns could be ${p.role}: ${p.candidates}; choose one with --col ${p.role}=HEADER`,
  COLUMN_UNKNOWN: (p) => `no column "${p.name}" (from ${p.source}); headers: ${p.headers}`,
  AMOUNT_INVALID: (p) => `"${p.value}" is not an amount (for example -1 234,50 or -1234.50)`,
  AMOUNT_PRECISION: (p) =>
    `"${p.value}" has more decimals than whole öre in ${p.unit} (at most ${p.max})`,
  PERIOD_INVALID: (p) => `"${p.value}" is not a period (for example 2024-08, 202408, 2024-08-31 or 2024M08)`,
  PERIOD_OUTSIDE_DATA: (p) => `the period ${p.period} is outside the utfall (${p.first} – ${p.last})`,
  PERIOD_MISSING: () => 'the file has no period column; a monthly report needs utfall per period (name it with --col period=HEADER)',
  WEIGHT_INVALID: (p) => `"${p.value}" is not a weight: ${{ precision: 'a number ≥ 0 with at most 6 decimals, e.g. 8.5', negative: 'weights cannot be negative', zero: 'the weights of the line sum to 0' }[p.reason as string]}`,
  TABLE_NOT_FOUND: () => 'no table found: a table needs a header row and rows with amounts',
  CATEGORY_INVALID: (p) => `"${p.value}" is not a category (intakt, personalkostnad, kapitalkostnad, ovrig_kostnad, exkluderad)`,
  CODE_EMPTY: () => 'the code is empty',
  FIELD_COUNT: (p) => `the row has ${p.found} fields but the header row has ${p.expected}`,
  CSV_SYNTAX: (p) => `malformed CSV: ${csvReasonEn[p.reason as string] ?? p.reason}`,
  ENCODING_INVALID: (p) =>
    `the file is not valid ${p.encoding} (invalid byte 0x${p.byte}); give the right encoding with --encoding`,
  OPTION_INVALID: (p) => `invalid value for ${p.option}: "${p.value}" (${hintEn[p.expected as string] ?? p.expected})`,
  OPTION_MISSING: (p) => `${p.option} is required; see avvikelse ${p.command} --help`,
  OPTION_UNKNOWN: (p) => `unknown option ${p.option}; see avvikelse ${p.command} --help`,
  USAGE: (p) => `${p.reason}; see avvikelse ${p.command} --help`,
  COMMAND_UNKNOWN: (p) => `unknown command "${p.command}"; commands: report (rapport), verify (kontroll), codes (koder); see avvikelse --help`,
  CONFIG_INVALID: (p) => `invalid configuration: ${configEn[p.reason as string]?.(p) ?? p.reason}`,
  OUTPUT_IS_INPUT: () => 'the output file is one of the input files; inputs are never overwritten',
  OUTPUT_UNWRITABLE: (p) => `cannot write the output file (${p.reason})`,
};

export interface Texts {
  error: ErrorTexts;
  /** Prefix of every error line. */
  errorLabel: string;
  warningLabel: string;
  line: string;
  column: string;
  columns: Record<ColumnId | 'kod' | 'namn', string>;
  /** Row labels of the Resultat summary. */
  resultat: { intakter: string; kostnader: string; personal: string; kapital: string; resultat: string };
  /** Heading of the comments section under a terminal table. */
  comments: string;
  html: { lang: string; heading: (first: string) => string; madeBy: string; rules: string; signRule: string; run: string; chartCaption: (column: string, unit: string) => string };
  noteLabel: string;
  reading: (file: string, percent: number) => string;
  /** Month names, January first. */
  months: readonly string[];
  dimension: (dim: string) => string;
  summa: string;
  title: {
    drift: (year: string, unit: string) => string;
    grouped: (dimension: string, year: string, unit: string) => string;
    sub: (dimension: string, pattern: string) => string;
    /** "per 31 augusti 2024": `day`, `month` (1..12), `year`. */
    monthly: (dimension: string | null, day: number, month: number, year: number, unit: string) => string;
    analys: (year: string, unit: string) => string;
    resultat: (year: string, unit: string) => string;
    investering: (year: string, unit: string) => string;
  };
  perspective: { kostnad: string; resultat: string };
  rounding: { 'half-away-from-zero': string; 'half-even': string };
  roundingNote: (shownSum: string, summa: string, column: string) => string;
  warn: {
    noName: (dim: string, codes: string) => string;
    signsLookReversed: (file: string, positive: number, total: number) => string;
    encodingFallback: (file: string) => string;
    emptySub: (pattern: string) => string;
    commentsNotShown: (codes: string) => string;
    prognosUnknown: (file: string, codes: string) => string;
    prognosNested: (file: string, inner: string, outer: string) => string;
    otherYears: (file: string, year: number) => string;
    uncategorised: (kontos: string) => string;
  };
  note: {
    keyNormalised: (key: string, sum: string) => string;
    fgArFallback: (codes: string) => string;
    prognosFgArFallback: (codes: string) => string;
    thresholdCrossed: (table: string, row: string, column: string, value: string, condition: string) => string;
  };
  codes: { kod: string; namn: string; niva: string; none: (prefix: string) => string };
  verify: {
    /** What an expectation rests on, by the check's basis. */
    basis: (basis: string) => string;
    error: (row: string, column: string, expected: string, basis: string, found: string, diff: string) => string;
    rounding: (row: string, column: string, found: string, expected: string, basis: string, diff: string, terms: number) => string;
    missingInTable: (row: string, table: string) => string;
    notInLedger: (row: string) => string;
    summary: (tables: number, checks: number, errors: number, notes: number) => string;
    ledger: string;
    unusedRelation: (relation: string) => string;
  };
}

const dimSv: Record<string, string> = {
  verksamhet: 'Verksamhet',
  konto: 'Konto',
  ansvar: 'Ansvar',
  projekt: 'Projekt',
  aktivitet: 'Aktivitet',
  objekt: 'Objekt',
};
const dimEn: Record<string, string> = {
  verksamhet: 'Activity',
  konto: 'Account',
  ansvar: 'Responsibility',
  projekt: 'Project',
  aktivitet: 'Aktivitet',
  objekt: 'Object',
};
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const sv: Texts = {
  error: errorsSv,
  errorLabel: 'fel',
  warningLabel: 'varning',
  line: 'rad',
  column: 'kolumn',
  columns: {
    kod: 'Kod',
    namn: 'Namn',
    utfall: 'Utfall',
    budget: 'Budget',
    avvikelse: 'Avvikelse',
    budget_helar: 'Budget helår',
    budget_ack: 'Budget ack',
    utfall_ack: 'Utfall ack',
    avvikelse_ack: 'Avvikelse ack',
    prognos: 'Prognos helår',
    prognosavvikelse: 'Prognosavvikelse',
    prognosforandring: 'Prognosförändring',
    utfall_fg_ar: 'Utfall fg år',
    avvikelse_procent: 'Avvikelse %',
    kommentar: 'Kommentar',
    intakt_utfall: 'Intäkt utfall',
    kostnad_utfall: 'Kostnad utfall',
    intakt_budget: 'Intäkt budget',
    kostnad_budget: 'Kostnad budget',
    nettoavvikelse: 'Nettoavvikelse',
  },
  resultat: { intakter: 'Intäkter', kostnader: 'Kostnader', personal: 'varav personalkostnader', kapital: 'varav kapitalkostnader', resultat: 'Resultat' },
  comments: 'Kommentarer',
  html: {
    lang: 'sv',
    heading: (first) => `Avvikelserapport${first ? `: ${first}` : ''}`,
    madeBy: 'Framtagen med avvikelse från huvudbokens exakta belopp.',
    rules: 'Tecken och avrundning',
    signRule: 'Positiv avvikelse är alltid bättre än budget (överskott), negativ sämre (underskott).',
    run: 'Körning',
    chartCaption: (col, unit) => `${col} per rad, ${unit}: underskott till vänster, överskott till höger.`,
  },
  noteLabel: 'not',
  reading: (file, percent) => `läser ${file}: ${percent} %`,
  months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  dimension: (d) => dimSv[d] ?? capitalise(d),
  summa: 'Summa',
  title: {
    drift: (year, unit) => `Driftredovisning${year ? ` ${year}` : ''}, ${unit}`,
    grouped: (dim, year, unit) => `Redovisning per ${dim.toLowerCase()}${year ? ` ${year}` : ''}, ${unit}`,
    sub: (dim, pattern) => `Redovisning ${dim.toLowerCase()} ${pattern}`,
    monthly: (dim, day, month, year, unit) =>
      `Månadsuppföljning${dim ? ` per ${dim.toLowerCase()},` : ''} per ${day} ${sv.months[month - 1]} ${year}, ${unit}`,
    analys: (year, unit) => `Verksamhetsanalys driftbudget${year ? ` ${year}` : ''}, ${unit}`,
    resultat: (year, unit) => `Resultat${year ? ` ${year}` : ''}, ${unit}`,
    investering: (year, unit) => `Investeringsredovisning${year ? ` ${year}` : ''}, ${unit}`,
  },
  perspective: {
    kostnad: 'kostnadsperspektiv: nettokostnad positiv, avvikelse = budget − utfall',
    resultat: 'resultatperspektiv: intäkter positiva, kostnader negativa, avvikelse = utfall − budget',
  },
  rounding: {
    'half-away-from-zero': 'avrundning: varje cell avrundas en gång från exakt belopp, halvor bort från noll',
    'half-even': 'avrundning: varje cell avrundas en gång från exakt belopp, halvor till jämnt',
  },
  roundingNote: (shown, summa, col) =>
    `${col}: de avrundade raderna summerar till ${shown}, summan ${summa} är det exakta totalbeloppet avrundat`,
  warn: {
    noName: (dim, codes) => `${dim.toLowerCase()} utan namn (visas med koden): ${codes}`,
    signsLookReversed: (file, pos, total) =>
      `${file}: ${pos} av ${total} belopp på intäktskonton (klass 3) är positiva och kostnadskonton negativa; är tecknen omvända? Standard är kostnader positiva (debet +); se --input-sign`,
    encodingFallback: (file) => `${file}: inte giltig UTF-8, läses som Windows-1252`,
    emptySub: (pattern) => `inga koder matchar ${pattern}`,
    commentsNotShown: (codes) => `kommentarer till koder som inte finns i tabellerna: ${codes}`,
    prognosUnknown: (file, codes) => `${file}: prognos för koder som inte finns i utfall eller budget ignoreras: ${codes}`,
    prognosNested: (file, inner, outer) => `${file}: prognosen för ${inner} ignoreras, den ingår i prognosen för ${outer}`,
    otherYears: (file, year) => `${file}: belopp för andra år än ${year} tas inte med`,
    uncategorised: (k) => `konton utan kategori tas inte med i verksamhetsanalys och resultat (ange dem med --kategorier): ${k}`,
  },
  note: {
    keyNormalised: (key, sum) => `periodiseringsnyckeln för ${key} summerar till ${sum}, inte 1 eller 100; vikterna normaliseras`,
    fgArFallback: (codes) => `fg år saknar utfall för ${codes}; budgeten periodiseras där i jämna tolftedelar`,
    prognosFgArFallback: (codes) => `fg år saknar utfall t.o.m. perioden för ${codes}; prognosen beräknas där som utfall ack + återstående budget`,
    thresholdCrossed: (table, row, column, value, condition) => `${table}: ${row}: ${column} ${value} (villkor ${condition})`,
  },
  codes: { kod: 'Kod', namn: 'Namn', niva: 'Nivå', none: (p) => `inga koder under ${p}` },
  verify: {
    basis: (b) =>
      ({ rows: 'summan av raderna', 'summa-rows': 'summan av summaraderna', children: 'summan av underraderna' } as Record<string, string>)[b] ?? b,
    error: (row, column, expected, basis, found, diff) => `${row} ${column}: väntat ${expected} (${basis}), fann ${found} (skillnad ${diff})`,
    rounding: (row, column, found, expected, basis, diff, terms) =>
      `${row} ${column}: ${found} mot ${expected} (${basis}), skillnaden ${diff} förklaras av avrundning (${terms} avrundade tal)`,
    missingInTable: (row, table) => `raden ${row} saknas i ${table} men finns i huvudboken`,
    notInLedger: (row) => `raden ${row} finns inte i huvudboken`,
    summary: (tables, checks, errors, notes) =>
      `${tables} ${tables === 1 ? 'tabell' : 'tabeller'}, ${checks} kontroller: ${errors} fel, ${notes} avrundningsnoter`,
    ledger: 'huvudboken',
    unusedRelation: (r) => `relationen ${r} gäller inga kolumner i tabellerna`,
  },
};

const en: Texts = {
  error: errorsEn,
  errorLabel: 'error',
  warningLabel: 'warning',
  line: 'line',
  column: 'column',
  columns: {
    kod: 'Code',
    namn: 'Name',
    utfall: 'Actual',
    budget: 'Budget',
    avvikelse: 'Deviation',
    budget_helar: 'Budget full year',
    budget_ack: 'Budget YTD',
    utfall_ack: 'Actual YTD',
    avvikelse_ack: 'Deviation YTD',
    prognos: 'Forecast full year',
    prognosavvikelse: 'Forecast deviation',
    prognosforandring: 'Forecast change',
    utfall_fg_ar: 'Actual prev. year YTD',
    avvikelse_procent: 'Deviation %',
    kommentar: 'Comment',
    intakt_utfall: 'Revenue actual',
    kostnad_utfall: 'Cost actual',
    intakt_budget: 'Revenue budget',
    kostnad_budget: 'Cost budget',
    nettoavvikelse: 'Net deviation',
  },
  resultat: { intakter: 'Revenue', kostnader: 'Costs', personal: 'of which personnel costs', kapital: 'of which capital costs', resultat: 'Result' },
  comments: 'Comments',
  html: {
    lang: 'en',
    heading: (first) => `Deviation report${first ? `: ${first}` : ''}`,
    madeBy: 'Made with avvikelse from the exact ledger amounts.',
    rules: 'Signs and rounding',
    signRule: 'A positive deviation is always better than budget (surplus), a negative one worse (deficit).',
    run: 'Run',
    chartCaption: (col, unit) => `${col} per row, ${unit}: deficits to the left, surpluses to the right.`,
  },
  noteLabel: 'note',
  reading: (file, percent) => `reading ${file}: ${percent} %`,
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  dimension: (d) => dimEn[d] ?? capitalise(d),
  summa: 'Total',
  title: {
    drift: (year, unit) => `Operating statement${year ? ` ${year}` : ''}, ${unit}`,
    grouped: (dim, year, unit) => `Statement by ${dim.toLowerCase()}${year ? ` ${year}` : ''}, ${unit}`,
    sub: (dim, pattern) => `Breakdown of ${dim.toLowerCase()} ${pattern}`,
    monthly: (dim, day, month, year, unit) =>
      `Monthly follow-up${dim ? ` by ${dim.toLowerCase()},` : ''} to ${day} ${en.months[month - 1]} ${year}, ${unit}`,
    analys: (year, unit) => `Activity analysis${year ? ` ${year}` : ''}, ${unit}`,
    resultat: (year, unit) => `Result${year ? ` ${year}` : ''}, ${unit}`,
    investering: (year, unit) => `Capital expenditure${year ? ` ${year}` : ''}, ${unit}`,
  },
  perspective: {
    kostnad: 'cost perspective: net cost positive, deviation = budget − actual',
    resultat: 'result perspective: revenue positive, costs negative, deviation = actual − budget',
  },
  rounding: {
    'half-away-from-zero': 'rounding: each cell rounded once from the exact amount, halves away from zero',
    'half-even': 'rounding: each cell rounded once from the exact amount, halves to even',
  },
  roundingNote: (shown, summa, col) =>
    `${col}: the rounded rows add up to ${shown}; the total ${summa} is the exact total, rounded`,
  warn: {
    noName: (dim, codes) => `${dim.toLowerCase()} codes without a name (shown by code): ${codes}`,
    signsLookReversed: (file, pos, total) =>
      `${file}: ${pos} of ${total} amounts on revenue accounts (class 3) are positive and cost accounts negative; are the signs reversed? The default is costs positive (debit +); see --input-sign`,
    encodingFallback: (file) => `${file}: not valid UTF-8, read as Windows-1252`,
    emptySub: (pattern) => `no codes match ${pattern}`,
    commentsNotShown: (codes) => `comments on codes that are not in the tables: ${codes}`,
    prognosUnknown: (file, codes) => `${file}: forecasts for codes that are in neither utfall nor budget are ignored: ${codes}`,
    prognosNested: (file, inner, outer) => `${file}: the forecast for ${inner} is ignored; it is part of the forecast for ${outer}`,
    otherYears: (file, year) => `${file}: amounts for years other than ${year} are left out`,
    uncategorised: (k) => `accounts with no category are left out of the activity analysis and result (give them with --kategorier): ${k}`,
  },
  note: {
    keyNormalised: (key, sum) => `the periodisation key for ${key} sums to ${sum}, not 1 or 100; the weights are normalised`,
    fgArFallback: (codes) => `last year has no utfall for ${codes}; their budget is spread in even twelfths`,
    prognosFgArFallback: (codes) => `last year has no utfall up to this month for ${codes}; their forecast is utfall YTD + remaining budget`,
    thresholdCrossed: (table, row, column, value, condition) => `${table}: ${row}: ${column} ${value} (condition ${condition})`,
  },
  codes: { kod: 'Code', namn: 'Name', niva: 'Level', none: (p) => `no codes under ${p}` },
  verify: {
    basis: (b) => ({ rows: 'sum of the rows', 'summa-rows': 'sum of the total rows', children: 'sum of the child rows' } as Record<string, string>)[b] ?? b,
    error: (row, column, expected, basis, found, diff) => `${row} ${column}: expected ${expected} (${basis}), found ${found} (difference ${diff})`,
    rounding: (row, column, found, expected, basis, diff, terms) =>
      `${row} ${column}: ${found} against ${expected} (${basis}); the difference ${diff} is explained by rounding (${terms} rounded numbers)`,
    missingInTable: (row, table) => `the row ${row} is missing from ${table} but is in the ledger`,
    notInLedger: (row) => `the row ${row} is not in the ledger`,
    summary: (tables, checks, errors, notes) => `${tables} ${tables === 1 ? 'table' : 'tables'}, ${checks} checks: ${errors} errors, ${notes} rounding notes`,
    ledger: 'the ledger',
    unusedRelation: (r) => `the relation ${r} matches no columns in the tables`,
  },
};

/** A chooser between a Swedish and an English text, for option descriptions and help. */
export function bilingual(lang: Lang): (sv: string, en: string) => string {
  return (sv, en) => (lang === 'en' ? en : sv);
}

export function texts(lang: Lang): Texts {
  return lang === 'en' ? en : sv;
}
