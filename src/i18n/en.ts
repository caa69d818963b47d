/**
 * The English texts (`--lang en`): errors, column and row labels, table titles, warnings
 * and notes, the HTML report's and verify's sentences. The shape is `Dictionary` in
 * texts.ts; the compiler checks that every error code, title kind and message code has
 * its text here.
 */
import {
  amountText,
  explained,
  capitalise,
  kronor,
  lastDay,
  list,
  rowList,
  monthSpan,
  withRenderers,
  yearSuffix,
  type Dictionary,
  type ErrorTexts,
  type Params,
} from './texts.js';

/** csv-parse's error codes, explained (the reason parameter of CSV_SYNTAX is the code). */
const csvReasonEn: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote is opened but never closed before the end of the file',
  CSV_MAX_RECORD_SIZE: 'the record is longer than 1 MiB; is a quote never closed?',
  CSV_INVALID_CLOSING_QUOTE: 'characters right after a closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'characters right after a closing quote',
  CSV_QUOTE_IN_UNQUOTED_FIELD: 'a quote inside an unquoted field',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the field and double the quote: "Screen 24"" Dell")',
};

/** Hints for OPTION_INVALID's `expected` that are prose, not a list of values. */
const hintEn: Record<string, string> = {
  period: 'YYYY-MM, e.g. 2024-08',
  threshold: 'COLUMN<NUMBER, e.g. prognosavvikelse<-5000',
  columnMap: 'ROLE=HEADER, e.g. verksamhet=Vht',
  columnRole:
    "unknown role; roles: verksamhet, konto, ansvar, projekt, aktivitet, objekt, period, belopp, namn, debet, kredit, or utfall, budget, fg-ar for that input's amount",
  sieDim: "ROLE=DIMENSION, e.g. verksamhet=20 (the dimension's number or name in the SIE file)",
  filter: 'DIMENSION=GLOB, e.g. ansvar=41*',
  columnsMixed: 'either utfall, budget, avvikelse or monthly columns, not both',
  relation: 'COLUMN=COLUMN+COLUMN−COLUMN, e.g. Netto=Intäkt+Kostnad',
  parent: 'TABLE TITLE=ROW, e.g. Redovisning verksamhet 51*=51',
  notWithAnalys: '--prognos, --fg-prognos and --columns cannot be combined with --analys or --resultat',
  amount: 'an amount in the shown unit, e.g. 500 or 0.5',
};

/** The reasons of CONFIG_INVALID. */
const configEn: Record<string, (p: Params) => string> = {
  json: (p) => `not valid JSON (${p.detail})`,
  object: () => 'the file must hold a JSON object',
  unknownKey: (p) => `unknown key "${p.key}" (known: ${p.known})`,
  twice: (p) => `both "${p.other}" and "${p.key}" give the files; use one of them`,
  type: (p) =>
    `"${p.key}" must be ${{ paths: 'a list of file names', strings: 'a list of strings', path: 'a file name', record: 'an object of strings', number: 'an integer', string: 'a string', boolean: 'true or false', sections: 'an object with a section per input', section: 'an object with files and settings' }[p.type as string]}`,
};

/** File-system error codes (the reason of FILE_UNREADABLE and OUTPUT_UNWRITABLE), explained; the code itself is kept for searching. */
const ioReasonEn: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EBUSY: 'the file is in use by another program',
  EIO: 'an input/output error on the disk or device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would be too large',
  EPIPE: 'the reader closed the pipe',
  ELOOP: 'the symbolic links form a loop, or there are too many in a row',
  ENXIO: 'it is a socket or a device with nothing at the other end, not a file',
};
const ioReason = (reason: string | number | undefined) => explained(ioReasonEn, reason);

/** What a refused file is and what to do (FORMAT_UNSUPPORTED's kind; read/refusals.ts). */
const formatEn: Record<string, string> = {
  xlsx: 'the file is an Excel workbook (.xlsx), not a CSV file, and avvikelse does not read .xlsx yet: open it in Excel, save the sheet with File › Save As › "CSV UTF-8 (Comma delimited)" and give the CSV file',
  ods: 'the file is an OpenDocument spreadsheet (.ods), not a CSV file: save the sheet as CSV (in LibreOffice File › Save As › "Text CSV", character set UTF-8) and give the CSV file',
  xls: 'the file is an Excel workbook in the older format (.xls), not a CSV file: open it in Excel, save the sheet with File › Save As › "CSV UTF-8 (Comma delimited)" and give the CSV file',
  zip: 'the file is a zip archive (a Word file or packed files, for example), not a CSV file: unpack it or export the table as CSV',
  pdf: 'the file is a PDF, not a CSV file; amounts in a PDF cannot be read exactly: export the same table as CSV from the system it comes from',
  binary:
    'the file is not text (it has NUL bytes near the start), so it is no CSV file: give a CSV file, text with semicolons, commas or tabs between the fields',
  sie: 'the file is a SIE file (#FLAGGA/#SIETYP): it can be given as --utfall, --budget or --fg-ar, but this file must be a table (CSV or Markdown)',
  html: 'the file is a web page (HTML), not a CSV file (some systems save these with the extension .xls): open it in Excel, save it with File › Save As › "CSV UTF-8 (Comma delimited)" and give the CSV file',
};

/** The reasons of OUTPUT_FORMAT. */
const outputFormatEn: Record<string, (p: Params) => string> = {
  unknown: (p) => `avvikelse does not write ${p.ext} files; give --out an extension avvikelse writes: ${p.formats} (Excel opens .csv)`,
  none: (p) => `the output file has no extension; give it one (${p.formats}) or name the format with --format`,
  stdout: () => 'an Excel workbook is written to a file only: give --out, for example --out rapport.xlsx',
  mismatch: (p) =>
    `the extension ${p.ext} does not fit --format ${p.format}; name the file …${p.expected}, or leave out --format and let the extension pick the format`,
};

/** The kind of file each option names, for COLUMN_ROLE. */
const roleEn: Record<string, string> = {
  '--prognos': 'a forecast file (--prognos)',
  '--fg-prognos': "the previous report's forecast file (--fg-prognos)",
  '--kommentarer': 'a comments file (--kommentarer)',
  '--names': 'a names file (--names)',
};
const expectedEn: Record<string, string> = {
  prognos:
    'should have a column Prognos (the full-year forecast) or Prognosavvikelse; give the forecast file, or rename the column Prognos if it is the forecast',
  text: 'should have a text per code, not amounts; give the right file',
};

/** Usage errors commander reports, in our words (others keep commander's own text). */
const usageEn: Record<string, (p: Params) => string> = {
  excessArguments: (p) => `too many arguments: at most ${p.expected}, got ${p.found}`,
};

/** What is wrong with a SIE record (SIE_SYNTAX's problem). */
const sieSyntaxEn: Record<string, (p: Params) => string> = {
  fields: (p) => `the record has too few fields (${p.found}); it must be ${p.layout}`,
  objectsHere: (p) => `an object list ${p.value} where the record (${p.layout}) has a field`,
  year: (p) => `the year number "${p.value}" is not an integer (0 is the fiscal year, -1 the year before)`,
  amount: (p) => `"${p.value}" is not a SIE amount (digits with a decimal point, no thousands separator, e.g. -1234.50)`,
  account: () => 'the account number is missing',
  date: (p) => `"${p.value}" is not a date YYYYMMDD`,
  period: (p) => `"${p.value}" is not a period YYYYMM`,
  quote: (p) => `the quote in ${p.value} is never closed`,
  objects: (p) => `the object list ${p.value} is malformed: it must be {dimension "object" …}, in pairs, closed by }`,
  verUnclosed: () => 'the verification is never closed by a line }',
  brace: () => 'a line { or } that belongs to no #VER',
  outsideVer: () => 'a transaction outside a verification (#VER followed by { … })',
};

/** Why a role has no SIE dimension (SIE_DIMENSION's reason). */
const sieDimensionEn: Record<string, (p: Params) => string> = {
  missing: (p) =>
    `no dimension of the SIE file has a name that means ${p.role} (dimensions: ${p.dims}); say which dimension is ${p.role} with --sie-dim ${p.role}=NR`,
  ambiguous: (p) =>
    `several dimensions of the SIE file may be ${p.role} (${p.dim}); say which with --sie-dim ${p.role}=NR (dimensions: ${p.dims})`,
  unknown: (p) => `--sie-dim ${p.role}=${p.dim}: the SIE file has no such dimension (dimensions: ${p.dims})`,
};

/** What a SIE file lacks (SIE_NO_AMOUNTS's reason). */
const sieNoAmountsEn: Record<string, (p: Params) => string> = {
  utfall: (p) => `the SIE file has no #TRANS, #PSALDO or #RES for year ${p.year} (fiscal years: ${p.years})`,
  budget: (p) =>
    `the SIE file has no budget (#PBUDGET) for year ${p.year} (fiscal years: ${p.years}); export the SIE file with the budget (#PBUDGET, in SIE types 2 and 3) or give the budget in a file of its own`,
  year: (p) =>
    `the SIE file has no fiscal year ${p.year} (fiscal years: ${p.years}); give a SIE file of ${p.year} as --fg-ar, or this year's file if it has last year's balances (#RAR -1)`,
};

const errorsEn: ErrorTexts = {
  FILE_NOT_FOUND: () => 'no such file',
  FILE_UNREADABLE: (p) => `cannot read the file: ${ioReason(p.reason)}`,
  FILE_EMPTY: () => 'the file is empty',
  NO_DATA_ROWS: () => 'the file has a header row but no data rows',
  COLUMN_MISSING: (p) => `no column for ${p.role} (headers: ${p.headers}); name it with --col ${p.role}=HEADER`,
  COLUMN_AMBIGUOUS: (p) =>
    p.sides !== undefined
      ? `several columns could be ${p.role}: ${p.candidates}; choose the amount with --col belopp=HEADER, or debit and credit with --col debet=HEADER --col kredit=HEADER`
      : `several columns could be ${p.role}: ${p.candidates}; choose one with --col ${p.role}=HEADER`,
  COLUMN_UNKNOWN: (p) => `no column "${p.name}" (from ${p.source}); headers: ${p.headers}`,
  AMOUNT_INVALID: (p) =>
    p.length !== undefined
      ? `"${p.value}" is too long for an amount (${p.length} characters, at most ${p.max})`
      : p.stated !== undefined
        ? `"${p.value}" is in ${p.stated}, but the file is read in ${p.unit}; give the unit with --input-unit ${p.stated} (or --utfall-unit, --budget-unit)`
        : `"${p.value}" is not an amount (for example -1 234,50 or -1234.50)`,
  AMOUNT_PRECISION: (p) => `"${p.value}" has more than ${p.max} digits; no amount is that long`,
  AMOUNT_AMBIGUOUS: (p) =>
    `"${p.value}" may be thousands (${String(p.value).replace(/[,.]/, '')} ${p.unit}) or three decimals, finer than öre; give the decimal mark with --decimal , (Swedish export) or --decimal . (English export)`,
  PERIOD_INVALID: (p) => `"${p.value}" is not a period (for example 2024-08, 202408, 2024-08-31, 2024M08 or Aug 2024)`,
  PERIOD_OUTSIDE_DATA: (p) => `the period ${p.period} is outside the utfall (${p.first} – ${p.last})`,
  PERIOD_MISSING: () => 'the file has no period column; a monthly report needs utfall per period (name it with --col period=HEADER)',
  PERIOD_YEAR_MISSING: () =>
    'the month columns of the utfall (Jan … Dec) name no year; give the report month with --period, e.g. --period 2024-08, or give the file a Year column',
  WEIGHT_INVALID: (p) =>
    `"${p.value}" is not a weight: ${{ invalid: 'a number ≥ 0, e.g. 8.5', negative: 'weights cannot be negative', zero: 'the weights of the line sum to 0' }[p.reason as string]}`,
  TABLE_NOT_FOUND: () => 'no table found: a table needs a header row and rows with amounts',
  CATEGORY_INVALID: (p) => `"${p.value}" is not a category (intakt, personalkostnad, kapitalkostnad, ovrig_kostnad, exkluderad)`,
  CODE_EMPTY: () => 'the code is empty',
  FIELD_COUNT: (p) => `the row has ${p.found} fields but the header row has ${p.expected}`,
  CSV_SYNTAX: (p) => `malformed CSV: ${csvReasonEn[p.reason as string] ?? p.reason}`,
  ENCODING_INVALID: (p) => `the file is not valid ${p.encoding} (invalid byte 0x${p.byte}); give the right encoding with --encoding`,
  OPTION_INVALID: (p) => `invalid value for ${p.option}: "${p.value}" (${hintEn[p.expected as string] ?? p.expected})`,
  OPTION_MISSING: (p) => `${p.option} is required; see avvikelse ${p.command} --help`,
  OPTION_UNKNOWN: (p) => `unknown option ${p.option}; see avvikelse ${p.command} --help`,
  USAGE: (p) => `${usageEn[p.reason as string]?.(p) ?? p.reason}; see avvikelse ${p.command} --help`,
  COMMAND_UNKNOWN: (p) =>
    `unknown command "${p.command}"; commands: report (rapport), verify (kontroll), codes (koder), init (initiera); see avvikelse --help`,
  CONFIG_INVALID: (p) => `invalid configuration: ${configEn[p.reason as string]?.(p) ?? p.reason}`,
  OUTPUT_IS_INPUT: () => 'the output file is one of the input files; inputs are never overwritten',
  OUTPUT_UNWRITABLE: (p) => `cannot write the output file: ${ioReason(p.reason)}`,
  STDOUT_UNWRITABLE: (p) => `cannot write to standard output: ${ioReason(p.reason)}`,
  SAME_AMOUNT_COLUMN: (p) =>
    `the file is both ${p.first} and ${p.second}, and both read their amounts from ${p.column ? `the column "${p.column}"` : 'the same column'} with the same filters, so every deviation would be 0; give each its amount column with ${p.first}-col belopp=… and ${p.second}-col belopp=…, or each its filter with ${p.first}-where and ${p.second}-where`,
  FORMAT_UNSUPPORTED: (p) => formatEn[p.kind as string] ?? `the file is not a CSV file (${p.kind})`,
  OUTPUT_FORMAT: (p) => outputFormatEn[p.reason as string]?.(p) ?? String(p.reason),
  COLUMN_ROLE: (p) =>
    `the heading "${p.heading}" belongs to another kind of file: ${roleEn[p.option as string] ?? p.option} ${expectedEn[p.expected as string] ?? p.expected}`,
  SIE_SYNTAX: (p) => `malformed SIE record ${p.record}: ${sieSyntaxEn[p.problem as string]?.(p) ?? p.problem}`,
  SIE_DIMENSION: (p) => sieDimensionEn[p.reason as string]?.(p) ?? String(p.reason),
  SIE_NO_OBJECTS: (p) =>
    `the SIE file's ${p.record} has no objects of dimension ${p.dim} (${p.role}), only amounts per account: export object balances (SIE type 3) or verifications (SIE type 4) with ${p.role} on the rows, name another dimension with --sie-dim ${p.role}=NR, or group by account with --by konto`,
  SIE_NO_AMOUNTS: (p) => sieNoAmountsEn[p.reason as string]?.(p) ?? String(p.reason),
  TOTALS_ROW_MISMATCH: (p) => {
    const kr = (o: string | number | undefined) => `${amountText(o ?? 0, Number(p.exp), '.', ',')} ${p.unit}`;
    const rows = p.basis === 'all' ? 'all data rows of the file' : 'the rows since the previous total row';
    return `the total row "${p.label}" says ${kr(p.found)}, but ${rows} add up to ${kr(p.expected)} (difference ${kr(p.diff)}); correct the total row or remove it from the file`;
  },
  SHEET_NOT_FOUND: (p) => `the workbook has no sheet named "${p.sheet}"; its sheets are: ${p.sheets} (name one of them with --sheet)`,
  FORMULA_UNCACHED: (p) =>
    `the cell holds the formula =${p.formula} but no calculated value (the file was written by a program and never recalculated); open the workbook in Excel or LibreOffice, save it and give it again`,
  WORKBOOK_INVALID: (p) =>
    `the file looks like an Excel workbook (.xlsx) but cannot be read (${p.reason}); open it in Excel and save it again`,
  CONFIG_EXISTS: () => 'the configuration file exists already; give --force to overwrite it, or --config NEW.json for another file',
};

const dimensions: Record<string, string> = {
  verksamhet: 'Activity',
  konto: 'Account',
  ansvar: 'Responsibility',
  projekt: 'Project',
  aktivitet: 'Aktivitet',
  objekt: 'Object',
};
/** `A, B and C`. */
const andList = (items: readonly string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
/** A dimension's codes counted in the Others row: `1 activity`, `3 activities`. */
const otherSingularEn: Record<string, string> = {
  verksamhet: 'activity',
  konto: 'account',
  ansvar: 'responsibility',
  projekt: 'project',
  aktivitet: 'aktivitet',
  objekt: 'object',
};
const otherPluralEn: Record<string, string> = {
  verksamhet: 'activities',
  konto: 'accounts',
  ansvar: 'responsibilities',
  projekt: 'projects',
  aktivitet: 'aktiviteter',
  objekt: 'objects',
};
const dimension = (d: string): string => dimensions[d] ?? capitalise(d);
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** `, actuals January–August` in the title of a report whose utfall covers part of the year. */
const covers = (c: { first: number; last: number } | undefined): string => (c ? `, actuals ${monthSpan(months, c.first, c.last)}` : '');
/** ` to 31 August 2024` for a report through a month. */
const to = (p: { year: number; month: number }): string => ` to ${lastDay(p)} ${months[p.month - 1]} ${p.year}`;

const dictionary: Dictionary = {
  error: errorsEn,
  errorLabel: 'error',
  characters: (n) => `${n} characters`,
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
    forandring: 'Change',
    forandring_procent: 'Change %',
    intakt_utfall: 'Revenue actual',
    kostnad_utfall: 'Cost actual',
    intakt_budget: 'Revenue budget',
    kostnad_budget: 'Cost budget',
    nettoavvikelse: 'Net deviation',
  },
  resultat: {
    intakter: 'Revenue',
    kostnader: 'Costs',
    personalkostnader: 'of which personnel costs',
    kapitalkostnader: 'of which capital costs',
    resultat: 'Result',
  },
  comments: 'Comments',
  html: {
    lang: 'en',
    heading: (first) => `Deviation report${first ? `: ${first}` : ''}`,
    madeBy: 'Made by the avvikelse tool from the exact ledger amounts.',
    rules: 'Signs and rounding',
    signRule: 'A positive deviation is always better than budget (surplus), a negative one worse (deficit).',
    run: 'Run',
    chartCaption: (col, unit) => `${col} per row, ${unit}: deficits to the left, surpluses to the right.`,
    unit: (unit) => `All amounts in ${unit}, rounded as the report shows them.`,
    summaRule:
      'Summa is the exact total rounded once, not the sum of the rounded rows; the sheets hold no formulas. Where the rounded rows add up to something else, a note under the table says so.',
  },
  noteLabel: 'note',
  reading: (file, percent) => `reading ${file}: ${percent} %`,
  months,
  dimension,
  summa: 'Total',
  perspective: {
    kostnad: 'cost perspective: net cost positive, deviation = budget − actual',
    resultat: 'result perspective: revenue positive, costs negative, deviation = actual − budget',
  },
  rounding: {
    'half-away-from-zero': 'rounding: each cell rounded once from the exact amount, halves away from zero',
    'half-even': 'rounding: each cell rounded once from the exact amount, halves to even',
  },
  titles: {
    drift: (t) => `Operating statement${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`,
    investering: (t) => `Capital expenditure${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`,
    grouped: (t) => `Statement by ${dimension(t.dimension).toLowerCase()}${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`,
    sub: (t) => `Breakdown of ${dimension(t.dimension).toLowerCase()} ${t.pattern}`,
    manad: (t) =>
      `Monthly follow-up${t.dimension ? ` by ${dimension(t.dimension).toLowerCase()},` : ''} to ${lastDay(t.period)} ${months[t.period.month - 1]} ${t.period.year}, ${t.unit}`,
    analys: (t) =>
      t.period
        ? `Activity analysis${to(t.period)}, actuals and budget year to date, ${t.unit}`
        : `Activity analysis${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`,
    resultat: (t) => (t.period ? `Result${to(t.period)}, ${t.unit}` : `Result${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`),
  },
  messages: {
    encodingFallback: (p) => `${p.file}: not valid UTF-8, read as Windows-1252`,
    signsLookReversed: (p) =>
      `${p.file}: ${p.positive} of ${p.total} amounts on revenue accounts (class 3) are positive and cost accounts negative; are the signs reversed? The default is costs positive (debit +); see --input-sign`,
    otherYears: (p) =>
      `${p.file}: ${p.rows} ${p.rows === 1 ? 'row' : 'rows'} (${p.codes} ${p.codes === 1 ? 'code' : 'codes'}) dated ${monthSpan(months, p.first, p.last)} ${p.year}, net ${kronor(p.amount, 'en')}, are left out of the report for ${p.reportYear}`,
    uncategorised: (p) =>
      `accounts with no category are left out of the activity analysis and result (give them with --kategorier): ${list(p.accounts)}`,
    noName: (p) => `${dimension(p.dimension).toLowerCase()} codes without a name (shown by code): ${list(p.codes)}`,
    emptySub: (p) => `no codes match ${p.pattern}`,
    commentsNotShown: (p) => `comments on codes that are not in the tables: ${list(p.codes)}`,
    prognosUnknown: (p) => `${p.file}: forecasts for codes that are in neither utfall nor budget are ignored: ${list(p.codes)}`,
    prognosNested: (p) => `${p.file}: the forecast for ${p.inner} is ignored; it is part of the forecast for ${p.outer}`,
    keyNormalised: (p) => `the periodisation key for ${p.key} sums to ${p.sum}, not 1 or 100; the weights are normalised`,
    fgArBeyondHelar: (p) =>
      `budget ack is larger than budget helår for ${list(p.codes)}: last year's utfall through the month was larger than its full year (later months had revenues or negative amounts), and the periodisation follows that profile`,
    fgArFallback: (p) => `last year has no utfall for ${list(p.codes)}; their budget is spread in even twelfths`,
    openingLeftOut: (p) =>
      `${p.file}: ${p.rows} ${p.rows === 1 ? 'row' : 'rows'} of period 00 (opening balance), net ${kronor(p.amount, 'en')}, left out`,
    adjustmentInDecember: (p) =>
      `${p.file}: ${p.rows} ${p.rows === 1 ? 'row' : 'rows'} of periods 13–15 (year-end adjustment periods), net ${kronor(p.amount, 'en')}, counted into December`,
    prognosFgArFallback: (p) =>
      `last year has no utfall up to this month for ${list(p.codes)}; their forecast is utfall YTD + remaining budget`,
    prognosFromDeviation: (p) =>
      `${p.file}: the column "${p.column}" is a forecast deviation, not a forecast; Prognos helår = Budget helår − the deviation (a positive deviation is better than budget, in both perspectives)`,
    totalsRows: (p) =>
      p.lines.length === 1
        ? `${p.file} line ${p.lines[0]}: the total row '${p.labels[0]}' matches and is not counted`
        : `${p.file}: the total rows ${rowList(p.lines, p.labels, 'line', 'and', 'more')} match and are not counted`,
    totalsColumn: (p) => `${p.file}: the column '${p.column}' is the sum of the months on all ${p.rows} rows and is not counted`,
    totalsColumnDiffers: (p) =>
      `${p.file}: the column '${p.column}' differs from the sum of the months by more than rounding on ${p.differing} of ${p.rows} rows (line ${list(p.lines.map(String))}); it is not counted, the months are`,
    headingUnit: (p) => `${p.file}: the heading '${p.heading}' states ${p.unit}; the amounts are read in ${p.unit}`,
    headingUnitConflict: (p) =>
      `${p.file}: the heading '${p.heading}' states ${p.unit}, but the unit ${p.given} is given and used; is it right?`,
    unitsLookMixed: (p) =>
      `the total of ${p.larger} is about ${p.factor} times the total of ${p.smaller}: the units are probably mixed; give the right unit with ${p.option} (or --input-unit for every file)`,
    partYear: (p) =>
      `the actuals cover only ${monthSpan(months, p.first, p.last)} ${p.year} but the budget the whole year; compare with the budget to date with --period ${p.period}`,
    annualBudget: (p) =>
      `every budget row has the period ${p.period}; it is read as the annual budget for ${p.period.slice(0, 4)}${p.periodised ? ' and periodised' : ''}`,
    periodiseringUnused: (p) =>
      `--periodisering ${p.value} is not used: the budget has no annual amounts; its monthly amounts are used as they are`,
    sieRead: (p) =>
      `${p.file}: read from ${p.record} of fiscal year ${p.year}${p.dates ? ` (${p.dates})` : ''}${p.dimensions ? `; dimensions ${p.dimensions}` : ''}`,
    sieBalanceAccounts: (p) =>
      `${p.file}: ${p.accounts} balance ${p.accounts === 1 ? 'account' : 'accounts'} (#KTYP T/S, or class 1–2) in ${p.rows} ${p.rows === 1 ? 'record' : 'records'} left out`,
    sieUnallocated: (p) =>
      `${p.file}: the objects of dimension ${p.dim} do not cover every amount of ${p.record}; what has no ${p.role} (${p.rows} ${p.rows === 1 ? 'record' : 'records'}, net ${kronor(p.amount, 'en')}) is shown on the row ${p.code} Ofördelat (unallocated)`,
  },
  thresholdCrossed: (table, row, column, value, condition) => `${table}: ${row}: ${column} ${value} (condition ${condition})`,
  roundingNote: (shown, summa, col) => `${col}: the rounded rows add up to ${shown}; the total ${summa} is the exact total, rounded`,
  codes: {
    kod: 'Code',
    namn: 'Name',
    niva: 'Level',
    none: (p) => `no codes under ${p}`,
    noHits: (s, p) => `no hits for "${s}"${p === '' ? '' : ` under ${p}`}`,
  },
  verify: {
    basis: (b) =>
      (
        ({
          rows: 'sum of the rows',
          'summa-rows': 'sum of the total rows',
          children: 'sum of the child rows',
          'rows-below': 'sum of the rows below',
          running: 'the previous subtotal and the rows since',
          'row-and-column': "its row's relation and its column's total",
          'row-relations': "its row's two relations",
        }) as Record<string, string>
      )[b] ?? b,
    error: (row, column, expected, basis, found, diff) =>
      `${row} ${column}: expected ${expected} (${basis}), found ${found} (difference ${diff})`,
    rounding: (row, column, found, expected, basis, diff, terms) =>
      `${row} ${column}: ${found} against ${expected} (${basis}); the difference ${diff} is explained by rounding (${terms} rounded numbers)`,
    missingInTable: (row, table) => `the row ${row} is missing from ${table} but is in the ledger`,
    notInLedger: (row) => `the row ${row} is not in the ledger`,
    summary: (tables, checks, errors, notes) =>
      `${tables} ${tables === 1 ? 'table' : 'tables'}, ${checks} checks: ${errors} errors, ${notes} rounding notes`,
    ledger: 'the ledger',
    empty: (table) => `${table}: no checks could be made (no totals or relations found)`,
    warning: (row, column, found, expected, basis, diff, terms) =>
      `${row} ${column}: ${found} against ${expected} (${basis}); the difference ${diff} is within rounding's worst case but unlikely for ${terms} rounded numbers`,
    warnings: (n) => `, ${n} ${n === 1 ? 'warning' : 'warnings'}`,
    unusedRelation: (r) => `the relation ${r} matches no columns in the tables`,
    cross: (table, o) =>
      `${o.relation === 'analys' ? 'net deviation per activity' : "the result statement's total against the operating statement's total"}: ${table} against ${o.table}, ${o.row} ${o.column}${o.negated ? ' with the sign reversed' : ''}, ${o.file}:${o.line}`,
  },
  init: {
    input: (input, file) => `${input === 'utfall' ? 'Actual (utfall)' : 'Budget'}: ${file}`,
    format: (format, encoding, delimiter) =>
      [format.toUpperCase(), encoding && `encoding ${encoding}`, delimiter && `delimiter "${delimiter === '\t' ? 'tab' : delimiter}"`]
        .filter(Boolean)
        .join(', '),
    columns: (code, amounts) =>
      `codes from ${code === undefined ? "the file's dimension" : `the column "${code}"`}${amounts.length > 0 ? `, amounts from ${amounts.map((a) => `"${a}"`).join(', ')}` : ''}`,
    unit: (unit, heading) => `amounts in ${unit}${heading === undefined ? '' : ` (as the heading "${heading}" says)`}`,
    periods: (kind, first, last, rows) =>
      `${
        {
          months: first === last ? `period ${first}` : `periods ${first}–${last}`,
          year: `full year ${first}`,
          yearless: 'month columns without a year (give --period YYYY-MM)',
          none: 'no period column: annual amounts',
        }[kind]
      }, ${amountText(rows, 0, '.', ',')} rows`,
    wrote: (file) => `Wrote ${file}. Flags on the command line win over it.`,
    thisMonth: "This month's report:",
    nextMonth: 'Next month, with new exports in the same files:',
    periodPlaceholder: 'YYYY-MM',
  },
  report: {
    others: (n, dim) => `Others (${n} ${(n === 1 ? otherSingularEn : otherPluralEn)[dim] ?? dimension(dim).toLowerCase()})`,
    roundingFootnote: (cols) =>
      `Rounding: in ${andList(cols, 'and')} the rounded rows do not add up exactly to the Total, which is the exact total rounded once.`,
    splitTitle: (dim, code, name) => `${dimension(dim)} ${code}${name ? ` ${name}` : ''}`,
    splitIndex: (dim) => `Reports per ${dimension(dim).toLowerCase()}`,
    intakt: 'Revenue',
    kostnad: 'Cost',
  },
};

/** The English texts. */
export const en = withRenderers(dictionary);
