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
  filter: 'DIMENSION=GLOB, e.g. ansvar=41*',
  columnsMixed: 'either utfall, budget, avvikelse or monthly columns, not both',
  relation: 'COLUMN=COLUMN+COLUMN−COLUMN, e.g. Netto=Intäkt+Kostnad',
  parent: 'TABLE TITLE=ROW, e.g. Redovisning verksamhet 51*=51',
  notWithAnalys: '--prognos, --fg-prognos and --columns cannot be combined with --analys or --resultat',
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
  EIO: 'input/output error on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would be too large',
  EPIPE: 'the reader closed the pipe',
  ELOOP: 'too many symbolic links in a row',
  ENXIO: 'the device or socket cannot be opened as a file',
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
  sie: 'the file is a SIE file (#FLAGGA/#SIETYP), not a CSV file, and avvikelse does not read SIE yet: export the utfall as CSV from the ledger system (per verksamhet, konto and period)',
  html: 'the file is a web page (HTML), not a CSV file (some systems save these with the extension .xls): open it in Excel, save it with File › Save As › "CSV UTF-8 (Comma delimited)" and give the CSV file',
};

/** The reasons of OUTPUT_FORMAT. */
const outputFormatEn: Record<string, (p: Params) => string> = {
  unknown: (p) => `avvikelse does not write ${p.ext} files; give --out an extension avvikelse writes: ${p.formats} (Excel opens .csv)`,
  none: (p) => `the output file has no extension; give it one (${p.formats}) or name the format with --format`,
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
    p.stated !== undefined
      ? `"${p.value}" is in ${p.stated}, but the file is read in ${p.unit}; give the unit with --input-unit ${p.stated} (or --utfall-unit, --budget-unit)`
      : `"${p.value}" is not an amount (for example -1 234,50 or -1234.50)`,
  AMOUNT_PRECISION: (p) => `"${p.value}" has more decimals than whole öre in ${p.unit} (at most ${p.max})`,
  PERIOD_INVALID: (p) => `"${p.value}" is not a period (for example 2024-08, 202408, 2024-08-31, 2024M08 or Aug 2024)`,
  PERIOD_OUTSIDE_DATA: (p) => `the period ${p.period} is outside the utfall (${p.first} – ${p.last})`,
  PERIOD_MISSING: () => 'the file has no period column; a monthly report needs utfall per period (name it with --col period=HEADER)',
  PERIOD_YEAR_MISSING: () =>
    'the month columns of the utfall (Jan … Dec) name no year; give the report month with --period, e.g. --period 2024-08, or give the file a Year column',
  WEIGHT_INVALID: (p) =>
    `"${p.value}" is not a weight: ${{ precision: 'a number ≥ 0 with at most 6 decimals, e.g. 8.5', negative: 'weights cannot be negative', zero: 'the weights of the line sum to 0' }[p.reason as string]}`,
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
    `unknown command "${p.command}"; commands: report (rapport), verify (kontroll), codes (koder); see avvikelse --help`,
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
  TOTALS_ROW_MISMATCH: (p) => {
    const kr = (o: string | number | undefined) => `${amountText(o ?? 0, Number(p.exp), '.', ',')} ${p.unit}`;
    const rows = p.basis === 'all' ? 'all data rows of the file' : 'the rows since the previous total row';
    return `the total row "${p.label}" says ${kr(p.found)}, but ${rows} add up to ${kr(p.expected)} (difference ${kr(p.diff)}); correct the total row or remove it from the file`;
  },
};

const dimensions: Record<string, string> = {
  verksamhet: 'Activity',
  konto: 'Account',
  ansvar: 'Responsibility',
  projekt: 'Project',
  aktivitet: 'Aktivitet',
  objekt: 'Object',
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
    madeBy: 'Made with avvikelse from the exact ledger amounts.',
    rules: 'Signs and rounding',
    signRule: 'A positive deviation is always better than budget (surplus), a negative one worse (deficit).',
    run: 'Run',
    chartCaption: (col, unit) => `${col} per row, ${unit}: deficits to the left, surpluses to the right.`,
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
      `${p.file}: ${kronor(p.amount, 'en')} on ${p.codes} ${p.codes === 1 ? 'code' : 'codes'} dated ${monthSpan(months, p.first, p.last)} ${p.year} are left out of the report for ${p.reportYear}`,
    uncategorised: (p) =>
      `accounts with no category are left out of the activity analysis and result (give them with --kategorier): ${list(p.accounts)}`,
    noName: (p) => `${dimension(p.dimension).toLowerCase()} codes without a name (shown by code): ${list(p.codes)}`,
    emptySub: (p) => `no codes match ${p.pattern}`,
    commentsNotShown: (p) => `comments on codes that are not in the tables: ${list(p.codes)}`,
    prognosUnknown: (p) => `${p.file}: forecasts for codes that are in neither utfall nor budget are ignored: ${list(p.codes)}`,
    prognosNested: (p) => `${p.file}: the forecast for ${p.inner} is ignored; it is part of the forecast for ${p.outer}`,
    keyNormalised: (p) => `the periodisation key for ${p.key} sums to ${p.sum}, not 1 or 100; the weights are normalised`,
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
  },
  thresholdCrossed: (table, row, column, value, condition) => `${table}: ${row}: ${column} ${value} (condition ${condition})`,
  roundingNote: (shown, summa, col) => `${col}: the rounded rows add up to ${shown}; the total ${summa} is the exact total, rounded`,
  codes: { kod: 'Code', namn: 'Name', niva: 'Level', none: (p) => `no codes under ${p}` },
  verify: {
    basis: (b) =>
      (({ rows: 'sum of the rows', 'summa-rows': 'sum of the total rows', children: 'sum of the child rows' }) as Record<string, string>)[
        b
      ] ?? b,
    error: (row, column, expected, basis, found, diff) =>
      `${row} ${column}: expected ${expected} (${basis}), found ${found} (difference ${diff})`,
    rounding: (row, column, found, expected, basis, diff, terms) =>
      `${row} ${column}: ${found} against ${expected} (${basis}); the difference ${diff} is explained by rounding (${terms} rounded numbers)`,
    missingInTable: (row, table) => `the row ${row} is missing from ${table} but is in the ledger`,
    notInLedger: (row) => `the row ${row} is not in the ledger`,
    summary: (tables, checks, errors, notes) =>
      `${tables} ${tables === 1 ? 'table' : 'tables'}, ${checks} checks: ${errors} errors, ${notes} rounding notes`,
    ledger: 'the ledger',
    unusedRelation: (r) => `the relation ${r} matches no columns in the tables`,
  },
};

/** The English texts. */
export const en = withRenderers(dictionary);
