/**
 * The Swedish texts (the default): errors, column and row labels, table titles, warnings
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
const csvReasonSv: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'ett citattecken öppnas men stängs aldrig före filens slut',
  CSV_MAX_RECORD_SIZE: 'raden är längre än 1 MiB; är ett citattecken aldrig stängt?',
  CSV_INVALID_CLOSING_QUOTE: 'tecken direkt efter ett avslutande citattecken',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'tecken direkt efter ett avslutande citattecken',
  CSV_QUOTE_IN_UNQUOTED_FIELD: 'citattecken mitt i ett fält utan citattecken',
  INVALID_OPENING_QUOTE:
    'citattecken mitt i ett fält utan citattecken (sätt fältet inom citattecken och dubblera citattecknet: "Skärm 24"" Dell")',
};

/** Hints for OPTION_INVALID's `expected` that are prose, not a list of values. */
const hintSv: Record<string, string> = {
  period: 'ÅÅÅÅ-MM, t.ex. 2024-08',
  threshold: 'KOLUMN<TAL, t.ex. prognosavvikelse<-5000',
  columnMap: 'ROLL=RUBRIK, t.ex. verksamhet=Vht',
  columnRole:
    'okänd roll; roller: verksamhet, konto, ansvar, projekt, aktivitet, objekt, period, belopp, namn, debet, kredit, eller utfall, budget, fg-ar för den indatans belopp',
  sieDim: 'ROLL=DIMENSION, t.ex. verksamhet=20 (dimensionens nummer eller namn i SIE-filen)',
  filter: 'DIMENSION=MÖNSTER, t.ex. ansvar=41*',
  columnsMixed: 'antingen utfall, budget, avvikelse eller månadskolumner, inte båda',
  relation: 'KOLUMN=KOLUMN+KOLUMN−KOLUMN, t.ex. Netto=Intäkt+Kostnad',
  parent: 'TABELLRUBRIK=RAD, t.ex. Redovisning verksamhet 51*=51',
  notWithAnalys: '--prognos, --fg-prognos och --columns går inte att kombinera med --analys eller --resultat',
  amount: 'ett belopp i visad enhet, t.ex. 500 eller 0,5',
};

/** The reasons of CONFIG_INVALID. */
const configSv: Record<string, (p: Params) => string> = {
  json: (p) => `ingen giltig JSON (${p.detail})`,
  object: () => 'filen ska innehålla ett JSON-objekt',
  unknownKey: (p) => `okänd nyckel "${p.key}" (kända: ${p.known})`,
  twice: (p) => `både "${p.other}" och "${p.key}" anger filerna; använd en av dem`,
  type: (p) =>
    `"${p.key}" ska vara ${{ paths: 'en lista med filnamn', strings: 'en lista med texter', path: 'ett filnamn', record: 'ett objekt med texter', number: 'ett heltal', string: 'en text', boolean: 'true eller false', sections: 'ett objekt med ett avsnitt per indata', section: 'ett objekt med files och inställningar' }[p.type as string]}`,
};

/** File-system error codes (the reason of FILE_UNREADABLE and OUTPUT_UNWRITABLE), explained; the code itself is kept for searching. */
const ioReasonSv: Record<string, string> = {
  EISDIR: 'det är en mapp, inte en fil',
  ENOENT: 'mappen finns inte',
  ENOTDIR: 'en del av sökvägen är en fil, inte en mapp',
  EACCES: 'behörighet saknas',
  EPERM: 'behörighet saknas',
  EROFS: 'filsystemet är skrivskyddat',
  ENOSPC: 'disken är full',
  EBUSY: 'filen används av ett annat program',
  EIO: 'läs- eller skrivfel på disken eller enheten',
  EDQUOT: 'diskkvoten är slut',
  EFBIG: 'filen blir för stor',
  EPIPE: 'mottagaren har stängt röret',
  ELOOP: 'de symboliska länkarna går i en slinga, eller är för många i rad',
  ENXIO: 'det är en socket eller en enhet utan någon i andra änden, ingen fil',
};
const ioReason = (reason: string | number | undefined) => explained(ioReasonSv, reason);

/** What a refused file is and what to do (FORMAT_UNSUPPORTED's kind; read/refusals.ts). */
const formatSv: Record<string, string> = {
  xlsx: 'filen är en Excel-arbetsbok (.xlsx), inte en CSV-fil, och avvikelse läser inte .xlsx ännu: öppna den i Excel, spara bladet med Arkiv › Spara som › "CSV UTF-8 (kommaavgränsad)" och ange CSV-filen',
  ods: 'filen är ett OpenDocument-kalkylark (.ods), inte en CSV-fil: spara bladet som CSV (i LibreOffice Arkiv › Spara som › "Text CSV", teckenuppsättning UTF-8) och ange CSV-filen',
  xls: 'filen är en Excel-arbetsbok i det äldre formatet (.xls), inte en CSV-fil: öppna den i Excel, spara bladet med Arkiv › Spara som › "CSV UTF-8 (kommaavgränsad)" och ange CSV-filen',
  zip: 'filen är ett zip-arkiv (till exempel en Word-fil eller packade filer), inte en CSV-fil: packa upp den eller ta ut tabellen som CSV',
  pdf: 'filen är en PDF, inte en CSV-fil; belopp i en PDF kan inte läsas exakt: ta ut samma tabell som CSV ur systemet den kommer från',
  binary:
    'filen är inte text (den har nollbyte i början) och alltså ingen CSV-fil: ange en CSV-fil, text med semikolon, komma eller tabb mellan fälten',
  sie: 'filen är en SIE-fil (#FLAGGA/#SIETYP): den kan anges som --utfall, --budget eller --fg-ar, men den här filen ska vara en tabell (CSV eller Markdown)',
  html: 'filen är en webbsida (HTML), inte en CSV-fil (en del system sparar sådana med filändelsen .xls): öppna den i Excel, spara med Arkiv › Spara som › "CSV UTF-8 (kommaavgränsad)" och ange CSV-filen',
};

/** The reasons of OUTPUT_FORMAT. */
const outputFormatSv: Record<string, (p: Params) => string> = {
  unknown: (p) => `avvikelse skriver inte ${p.ext}-filer; ge --out en filändelse som avvikelse skriver: ${p.formats} (Excel öppnar .csv)`,
  none: (p) => `utfilen har ingen filändelse; ge den en (${p.formats}) eller ange formatet med --format`,
  stdout: () => 'en Excel-arbetsbok skrivs bara till en fil: ange --out, till exempel --out rapport.xlsx',
  mismatch: (p) =>
    `filändelsen ${p.ext} passar inte --format ${p.format}; låt filnamnet sluta på ${p.expected}, eller ta bort --format så väljer filändelsen formatet`,
};

/** The kind of file each option names, for COLUMN_ROLE. */
const roleSv: Record<string, string> = {
  '--prognos': 'en prognosfil (--prognos)',
  '--fg-prognos': 'förra rapportens prognosfil (--fg-prognos)',
  '--kommentarer': 'en kommentarsfil (--kommentarer)',
  '--names': 'en namnfil (--names)',
};
const expectedSv: Record<string, string> = {
  prognos:
    'ska ha en kolumn Prognos (helårsprognosen) eller Prognosavvikelse; ange prognosfilen, eller döp om kolumnen till Prognos om den är prognosen',
  text: 'ska ha text per kod, inte belopp; ange rätt fil',
};

/** Usage errors commander reports, in Swedish (others keep commander's own text). */
const usageSv: Record<string, (p: Params) => string> = {
  excessArguments: (p) => `för många argument: högst ${p.expected}, fick ${p.found}`,
};

/** What is wrong with a SIE record (SIE_SYNTAX's problem). */
const sieSyntaxSv: Record<string, (p: Params) => string> = {
  fields: (p) => `posten har för få fält (${p.found}); den ska vara ${p.layout}`,
  objectsHere: (p) => `en objektlista ${p.value} där posten (${p.layout}) ska ha ett fält`,
  year: (p) => `årsnumret "${p.value}" är inget heltal (0 är räkenskapsåret, -1 året före)`,
  amount: (p) => `"${p.value}" är inget SIE-belopp (siffror med punkt som decimaltecken, utan tusentalsavgränsare, t.ex. -1234.50)`,
  account: () => 'kontonumret saknas',
  date: (p) => `"${p.value}" är inget datum ÅÅÅÅMMDD`,
  period: (p) => `"${p.value}" är ingen period ÅÅÅÅMM`,
  quote: (p) => `citattecknet i ${p.value} stängs aldrig`,
  objects: (p) => `objektlistan ${p.value} är felaktig: den ska vara {dimensionsnr "objektkod" …}, par för par, och stängas med }`,
  verUnclosed: () => 'verifikationen stängs aldrig med en rad }',
  brace: () => 'en rad { eller } som inte hör till någon #VER',
  outsideVer: () => 'en transaktion utanför en verifikation (#VER följd av { … })',
};

/** Why a role has no SIE dimension (SIE_DIMENSION's reason). */
const sieDimensionSv: Record<string, (p: Params) => string> = {
  missing: (p) =>
    `ingen dimension i SIE-filen har ett namn som betyder ${p.role} (dimensioner: ${p.dims}); ange vilken dimension som är ${p.role} med --sie-dim ${p.role}=NR`,
  ambiguous: (p) =>
    `flera dimensioner i SIE-filen kan vara ${p.role} (${p.dim}); ange vilken med --sie-dim ${p.role}=NR (dimensioner: ${p.dims})`,
  unknown: (p) => `--sie-dim ${p.role}=${p.dim}: SIE-filen har ingen sådan dimension (dimensioner: ${p.dims})`,
};

/** What a SIE file lacks (SIE_NO_AMOUNTS's reason). */
const sieNoAmountsSv: Record<string, (p: Params) => string> = {
  utfall: (p) => `SIE-filen har inga #TRANS, #PSALDO eller #RES för år ${p.year} (räkenskapsår: ${p.years})`,
  budget: (p) =>
    `SIE-filen har ingen budget (#PBUDGET) för år ${p.year} (räkenskapsår: ${p.years}); exportera SIE-filen med budget (#PBUDGET, i SIE typ 2 och 3) eller ange budgeten i en egen fil`,
  year: (p) =>
    `SIE-filen har inget räkenskapsår ${p.year} (räkenskapsår: ${p.years}); ange en SIE-fil för ${p.year} med --fg-ar, eller årets fil om den har föregående års saldon (#RAR -1)`,
};

const errorsSv: ErrorTexts = {
  FILE_NOT_FOUND: () => 'filen finns inte',
  FILE_UNREADABLE: (p) => `filen kan inte läsas: ${ioReason(p.reason)}`,
  FILE_EMPTY: () => 'filen är tom',
  NO_DATA_ROWS: () => 'filen har en rubrikrad men inga datarader',
  COLUMN_MISSING: (p) => `kolumnen för ${p.role} saknas (rubriker: ${p.headers}); ange den med --col ${p.role}=RUBRIK`,
  COLUMN_AMBIGUOUS: (p) =>
    p.sides !== undefined
      ? `flera kolumner kan vara ${p.role}: ${p.candidates}; välj beloppet med --col belopp=RUBRIK, eller debet och kredit med --col debet=RUBRIK --col kredit=RUBRIK`
      : `flera kolumner kan vara ${p.role}: ${p.candidates}; välj en med --col ${p.role}=RUBRIK`,
  COLUMN_UNKNOWN: (p) => `kolumnen "${p.name}" (från ${p.source}) finns inte; rubriker: ${p.headers}`,
  AMOUNT_INVALID: (p) =>
    p.length !== undefined
      ? `"${p.value}" är för långt för ett belopp (${p.length} tecken, högst ${p.max})`
      : p.stated !== undefined
        ? `"${p.value}" är angivet i ${p.stated}, men filen läses i ${p.unit}; ange enheten med --input-unit ${p.stated} (eller --utfall-unit, --budget-unit)`
        : `"${p.value}" är inte ett belopp (till exempel -1 234,50)`,
  AMOUNT_PRECISION: (p) => `"${p.value}" har fler än ${p.max} siffror; så långa belopp finns inte`,
  AMOUNT_AMBIGUOUS: (p) =>
    `"${p.value}" kan vara tusental (${String(p.value).replace(/[,.]/, ' ')} ${p.unit}) eller tre decimaler, finare än ören; ange decimaltecknet med --decimal , (svensk export) eller --decimal . (engelsk export)`,
  PERIOD_INVALID: (p) => `"${p.value}" är inte en period (till exempel 2024-08, 202408, 2024-08-31, 2024M08 eller aug 2024)`,
  PERIOD_OUTSIDE_DATA: (p) => `perioden ${p.period} ligger utanför utfallet (${p.first} – ${p.last})`,
  PERIOD_MISSING: () => 'filen har ingen periodkolumn; en månadsrapport behöver utfall per period (ange den med --col period=RUBRIK)',
  PERIOD_YEAR_MISSING: () =>
    'utfallets månadskolumner (jan … dec) anger inget år; ange rapportmånaden med --period, t.ex. --period 2024-08, eller ge filen en kolumn År',
  WEIGHT_INVALID: (p) =>
    `"${p.value}" är ingen vikt: ${{ invalid: 'ett tal ≥ 0, t.ex. 8,5', negative: 'vikter kan inte vara negativa', zero: 'radens vikter summerar till 0' }[p.reason as string]}`,
  TABLE_NOT_FOUND: () => 'ingen tabell hittades: en tabell behöver en rubrikrad och rader med belopp',
  CATEGORY_INVALID: (p) => `"${p.value}" är ingen kategori (intakt, personalkostnad, kapitalkostnad, ovrig_kostnad, exkluderad)`,
  CODE_EMPTY: () => 'koden är tom',
  FIELD_COUNT: (p) => `raden har ${p.found} fält men rubrikraden har ${p.expected}`,
  CSV_SYNTAX: (p) => `felaktig CSV: ${csvReasonSv[p.reason as string] ?? p.reason}`,
  ENCODING_INVALID: (p) => `filen är inte giltig ${p.encoding} (ogiltig byte 0x${p.byte}); ange rätt teckenkodning med --encoding`,
  OPTION_INVALID: (p) => `ogiltigt värde för ${p.option}: "${p.value}" (${hintSv[p.expected as string] ?? p.expected})`,
  OPTION_MISSING: (p) => `${p.option} saknas; se avvikelse ${p.command} --help`,
  OPTION_UNKNOWN: (p) => `okänd flagga ${p.option}; se avvikelse ${p.command} --help`,
  USAGE: (p) => `${usageSv[p.reason as string]?.(p) ?? p.reason}; se avvikelse ${p.command} --help`,
  COMMAND_UNKNOWN: (p) =>
    `okänt kommando "${p.command}"; kommandon: report (rapport), verify (kontroll), codes (koder), init (initiera); se avvikelse --help`,
  CONFIG_INVALID: (p) => `ogiltig konfiguration: ${configSv[p.reason as string]?.(p) ?? p.reason}`,
  OUTPUT_IS_INPUT: () => 'utfilen är samma fil som en indatafil; indata skrivs aldrig över',
  OUTPUT_UNWRITABLE: (p) => `utfilen kan inte skrivas: ${ioReason(p.reason)}`,
  STDOUT_UNWRITABLE: (p) => `standard ut kan inte skrivas: ${ioReason(p.reason)}`,
  SAME_AMOUNT_COLUMN: (p) =>
    `filen är både ${p.first} och ${p.second} och båda läser beloppen ur ${p.column ? `kolumnen "${p.column}"` : 'samma kolumn'} med samma urval, så varje avvikelse blir 0; ange var sitt belopp med ${p.first}-col belopp=… och ${p.second}-col belopp=…, eller var sitt urval med ${p.first}-where och ${p.second}-where`,
  FORMAT_UNSUPPORTED: (p) => formatSv[p.kind as string] ?? `filen är ingen CSV-fil (${p.kind})`,
  OUTPUT_FORMAT: (p) => outputFormatSv[p.reason as string]?.(p) ?? String(p.reason),
  COLUMN_ROLE: (p) =>
    `rubriken "${p.heading}" hör till en annan sorts fil: ${roleSv[p.option as string] ?? p.option} ${expectedSv[p.expected as string] ?? p.expected}`,
  SIE_SYNTAX: (p) => `felaktig SIE-post ${p.record}: ${sieSyntaxSv[p.problem as string]?.(p) ?? p.problem}`,
  SIE_DIMENSION: (p) => sieDimensionSv[p.reason as string]?.(p) ?? String(p.reason),
  SIE_NO_OBJECTS: (p) =>
    `SIE-filens ${p.record} har inga objekt i dimension ${p.dim} (${p.role}), bara belopp per konto: exportera objektsaldon (SIE typ 3) eller verifikationer (SIE typ 4) med ${p.role} på raderna, ange en annan dimension med --sie-dim ${p.role}=NR, eller gruppera per konto med --by konto`,
  SIE_NO_AMOUNTS: (p) => sieNoAmountsSv[p.reason as string]?.(p) ?? String(p.reason),
  TOTALS_ROW_MISMATCH: (p) => {
    const kr = (o: string | number | undefined) => `${amountText(o ?? 0, Number(p.exp), ',', ' ')} ${p.unit}`;
    const rows = p.basis === 'all' ? 'alla datarader i filen' : 'raderna sedan föregående summarad';
    return `summaraden "${p.label}" anger ${kr(p.found)}, men ${rows} summerar till ${kr(p.expected)} (skillnad ${kr(p.diff)}); rätta summaraden eller ta bort den ur filen`;
  },
  SHEET_NOT_FOUND: (p) => `arbetsboken har inget blad som heter "${p.sheet}"; bladen är: ${p.sheets} (ange ett av dem med --sheet)`,
  FORMULA_UNCACHED: (p) =>
    `cellen har formeln =${p.formula} men inget beräknat värde sparat (filen är skapad av ett program och aldrig räknad om); öppna arbetsboken i Excel eller LibreOffice, spara den och ange den igen`,
  WORKBOOK_INVALID: (p) =>
    `filen ser ut som en Excel-arbetsbok (.xlsx) men går inte att läsa (${p.reason}); öppna den i Excel och spara den på nytt`,
  CONFIG_EXISTS: () => 'konfigurationsfilen finns redan; ange --force för att skriva över den, eller --config NY.json för en annan fil',
};

const dimensions: Record<string, string> = {
  verksamhet: 'Verksamhet',
  konto: 'Konto',
  ansvar: 'Ansvar',
  projekt: 'Projekt',
  aktivitet: 'Aktivitet',
  objekt: 'Objekt',
};
/** `A, B och C`. */
const andList = (items: readonly string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
/** A dimension's codes counted in the Övriga row: `1 verksamhet`, `3 verksamheter`. */
const otherSingularSv: Record<string, string> = {
  verksamhet: 'verksamhet',
  konto: 'konto',
  ansvar: 'ansvar',
  projekt: 'projekt',
  aktivitet: 'aktivitet',
  objekt: 'objekt',
};
const otherPluralSv: Record<string, string> = {
  verksamhet: 'verksamheter',
  konto: 'konton',
  ansvar: 'ansvar',
  projekt: 'projekt',
  aktivitet: 'aktiviteter',
  objekt: 'objekt',
};
const dimension = (d: string): string => dimensions[d] ?? capitalise(d);
const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
/** `, utfall januari–augusti` in the title of a report whose utfall covers part of the year. */
const covers = (c: { first: number; last: number } | undefined): string => (c ? `, utfall ${monthSpan(months, c.first, c.last)}` : '');
/** ` per 31 augusti 2024` for a report through a month. */
const per = (p: { year: number; month: number }): string => ` per ${lastDay(p)} ${months[p.month - 1]} ${p.year}`;

const dictionary: Dictionary = {
  error: errorsSv,
  errorLabel: 'fel',
  characters: (n) => `${n} tecken`,
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
    forandring: 'Förändring',
    forandring_procent: 'Förändring %',
    intakt_utfall: 'Intäkt utfall',
    kostnad_utfall: 'Kostnad utfall',
    intakt_budget: 'Intäkt budget',
    kostnad_budget: 'Kostnad budget',
    nettoavvikelse: 'Nettoavvikelse',
  },
  resultat: {
    intakter: 'Intäkter',
    kostnader: 'Kostnader',
    personalkostnader: 'varav personalkostnader',
    kapitalkostnader: 'varav kapitalkostnader',
    resultat: 'Resultat',
  },
  comments: 'Kommentarer',
  html: {
    lang: 'sv',
    heading: (first) => `Avvikelserapport${first ? `: ${first}` : ''}`,
    madeBy: 'Framtagen av verktyget avvikelse ur huvudbokens exakta belopp.',
    rules: 'Tecken och avrundning',
    signRule: 'Positiv avvikelse är alltid bättre än budget (överskott), negativ sämre (underskott).',
    run: 'Körning',
    chartCaption: (col, unit) => `${col} per rad, ${unit}: underskott till vänster, överskott till höger.`,
    unit: (unit) => `Alla belopp i ${unit}, avrundade så som rapporten visar dem.`,
    summaRule:
      'Summa är det exakta totalbeloppet avrundat en gång, inte summan av de avrundade raderna; bladen har inga formler. Där de avrundade raderna summerar till något annat står det under tabellen.',
  },
  noteLabel: 'not',
  reading: (file, percent) => `läser ${file}: ${percent} %`,
  months,
  dimension,
  summa: 'Summa',
  perspective: {
    kostnad: 'kostnadsperspektiv: nettokostnad positiv, avvikelse = budget − utfall',
    resultat: 'resultatperspektiv: intäkter positiva, kostnader negativa, avvikelse = utfall − budget',
  },
  rounding: {
    'half-away-from-zero': 'avrundning: varje cell avrundas en gång från exakt belopp, halvor bort från noll',
    'half-even': 'avrundning: varje cell avrundas en gång från exakt belopp, halvor till jämnt',
  },
  titles: {
    drift: (t) => `Driftredovisning${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`,
    investering: (t) => `Investeringsredovisning${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`,
    grouped: (t) => `Redovisning per ${dimension(t.dimension).toLowerCase()}${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`,
    sub: (t) => `Redovisning ${dimension(t.dimension).toLowerCase()} ${t.pattern}`,
    manad: (t) =>
      `Månadsuppföljning${t.dimension ? ` per ${dimension(t.dimension).toLowerCase()},` : ''} per ${lastDay(t.period)} ${months[t.period.month - 1]} ${t.period.year}, ${t.unit}`,
    analys: (t) =>
      t.period
        ? `Verksamhetsanalys driftbudget${per(t.period)}, utfall och budget ackumulerat, ${t.unit}`
        : `Verksamhetsanalys driftbudget${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`,
    resultat: (t) => (t.period ? `Resultat${per(t.period)}, ${t.unit}` : `Resultat${yearSuffix(t.year)}${covers(t.coverage)}, ${t.unit}`),
  },
  messages: {
    encodingFallback: (p) => `${p.file}: inte giltig UTF-8, läses som Windows-1252`,
    signsLookReversed: (p) =>
      `${p.file}: ${p.positive} av ${p.total} belopp på intäktskonton (klass 3) är positiva och kostnadskonton negativa; är tecknen omvända? Standard är kostnader positiva (debet +); se --input-sign`,
    otherYears: (p) =>
      `${p.file}: ${p.rows} ${p.rows === 1 ? 'rad' : 'rader'} (${p.codes} ${p.codes === 1 ? 'kod' : 'koder'}) daterade ${monthSpan(months, p.first, p.last)} ${p.year}, netto ${kronor(p.amount, 'sv')}, tas inte med i rapporten för ${p.reportYear}`,
    uncategorised: (p) =>
      `konton utan kategori tas inte med i verksamhetsanalys och resultat (ange dem med --kategorier): ${list(p.accounts)}`,
    noName: (p) => `${dimension(p.dimension).toLowerCase()} utan namn (visas med koden): ${list(p.codes)}`,
    emptySub: (p) => `inga koder matchar ${p.pattern}`,
    commentsNotShown: (p) => `kommentarer till koder som inte finns i tabellerna: ${list(p.codes)}`,
    prognosUnknown: (p) => `${p.file}: prognos för koder som inte finns i utfall eller budget ignoreras: ${list(p.codes)}`,
    prognosNested: (p) => `${p.file}: prognosen för ${p.inner} ignoreras, den ingår i prognosen för ${p.outer}`,
    keyNormalised: (p) => `periodiseringsnyckeln för ${p.key} summerar till ${p.sum}, inte 1 eller 100; vikterna normaliseras`,
    fgArBeyondHelar: (p) =>
      `budget ack är större än budget helår för ${list(p.codes)}: fg års utfall till och med månaden var större än helåret (senare månader hade intäkter eller negativa belopp), och periodiseringen följer den profilen`,
    fgArFallback: (p) => `fg år saknar utfall för ${list(p.codes)}; budgeten periodiseras där i jämna tolftedelar`,
    openingLeftOut: (p) =>
      `${p.file}: ${p.rows} ${p.rows === 1 ? 'rad' : 'rader'} med period 00 (ingående balans), netto ${kronor(p.amount, 'sv')}, räknas inte med`,
    adjustmentInDecember: (p) =>
      `${p.file}: ${p.rows} ${p.rows === 1 ? 'rad' : 'rader'} med period 13–15 (bokslutsperioder), netto ${kronor(p.amount, 'sv')}, räknas in i december`,
    prognosFgArFallback: (p) =>
      `fg år saknar utfall t.o.m. perioden för ${list(p.codes)}; prognosen beräknas där som utfall ack + återstående budget`,
    prognosFromDeviation: (p) =>
      `${p.file}: kolumnen "${p.column}" är en prognosavvikelse, inte en prognos; Prognos helår = Budget helår − avvikelsen (positiv avvikelse = bättre än budget, i båda perspektiven)`,
    totalsRows: (p) =>
      p.lines.length === 1
        ? `${p.file} rad ${p.lines[0]}: summaraden '${p.labels[0]}' stämmer och räknas inte med`
        : `${p.file}: summaraderna ${rowList(p.lines, p.labels, 'rad', 'och', 'till')} stämmer och räknas inte med`,
    totalsColumn: (p) => `${p.file}: kolumnen '${p.column}' är månadernas summa på alla ${p.rows} rader och räknas inte med`,
    totalsColumnDiffers: (p) =>
      `${p.file}: kolumnen '${p.column}' skiljer sig från månadernas summa med mer än avrundning på ${p.differing} av ${p.rows} rader (rad ${list(p.lines.map(String))}); den räknas inte med, månaderna gäller`,
    headingUnit: (p) => `${p.file}: rubriken '${p.heading}' anger ${p.unit}; beloppen läses i ${p.unit}`,
    headingUnitConflict: (p) =>
      `${p.file}: rubriken '${p.heading}' anger ${p.unit}, men enheten ${p.given} är angiven och används; stämmer den?`,
    unitsLookMixed: (p) =>
      `totalen för ${p.larger} är omkring ${p.factor} gånger totalen för ${p.smaller}: enheterna är troligen blandade; ange rätt enhet med ${p.option} (eller --input-unit för alla filer)`,
    partYear: (p) =>
      `utfallet gäller bara ${monthSpan(months, p.first, p.last)} ${p.year} men budgeten hela året; jämför med budget ack med --period ${p.period}`,
    annualBudget: (p) =>
      `budgetens alla rader har perioden ${p.period}; den läses som årsbudget för ${p.period.slice(0, 4)}${p.periodised ? ' och periodiseras' : ''}`,
    periodiseringUnused: (p) => `--periodisering ${p.value} används inte: budgeten har inga årsbelopp, dess månadsbelopp används som de är`,
    sieRead: (p) =>
      `${p.file}: läst ur ${p.record} för räkenskapsår ${p.year}${p.dates ? ` (${p.dates})` : ''}${p.dimensions ? `; dimensioner ${p.dimensions}` : ''}`,
    sieBalanceAccounts: (p) =>
      `${p.file}: ${p.accounts} ${p.accounts === 1 ? 'balanskonto' : 'balanskonton'} (#KTYP T/S, eller klass 1–2) i ${p.rows} ${p.rows === 1 ? 'post' : 'poster'} räknas inte med`,
    sieUnallocated: (p) =>
      `${p.file}: objekten i dimension ${p.dim} täcker inte alla belopp i ${p.record}; det som saknar ${p.role} (${p.rows} ${p.rows === 1 ? 'post' : 'poster'}, netto ${kronor(p.amount, 'sv')}) visas på raden ${p.code} Ofördelat`,
  },
  thresholdCrossed: (table, row, column, value, condition) => `${table}: ${row}: ${column} ${value} (villkor ${condition})`,
  roundingNote: (shown, summa, col) =>
    `${col}: de avrundade raderna summerar till ${shown}, summan ${summa} är det exakta totalbeloppet avrundat`,
  codes: {
    kod: 'Kod',
    namn: 'Namn',
    niva: 'Nivå',
    none: (p) => `inga koder under ${p}`,
    noHits: (s, p) => `inga träffar för "${s}"${p === '' ? '' : ` under ${p}`}`,
  },
  verify: {
    basis: (b) =>
      (
        ({
          rows: 'summan av raderna',
          'summa-rows': 'summan av summaraderna',
          children: 'summan av underraderna',
          'rows-below': 'summan av raderna under',
          running: 'föregående delsumma och raderna därefter',
          'row-and-column': 'radens samband och kolumnens summa',
          'row-relations': 'radens två samband',
        }) as Record<string, string>
      )[b] ?? b,
    error: (row, column, expected, basis, found, diff) =>
      `${row} ${column}: väntat ${expected} (${basis}), fann ${found} (skillnad ${diff})`,
    rounding: (row, column, found, expected, basis, diff, terms) =>
      `${row} ${column}: ${found} mot ${expected} (${basis}), skillnaden ${diff} förklaras av avrundning (${terms} avrundade tal)`,
    missingInTable: (row, table) => `raden ${row} saknas i ${table} men finns i huvudboken`,
    notInLedger: (row) => `raden ${row} finns inte i huvudboken`,
    summary: (tables, checks, errors, notes) =>
      `${tables} ${tables === 1 ? 'tabell' : 'tabeller'}, ${checks} kontroller: ${errors} fel, ${notes} avrundningsnoter`,
    ledger: 'huvudboken',
    empty: (table) => `${table}: inga kontroller kunde göras (inga summor eller samband hittades)`,
    warning: (row, column, found, expected, basis, diff, terms) =>
      `${row} ${column}: ${found} mot ${expected} (${basis}), skillnaden ${diff} ryms i avrundningens värsta fall men är osannolik för ${terms} avrundade tal`,
    warnings: (n) => `, ${n} ${n === 1 ? 'varning' : 'varningar'}`,
    unusedRelation: (r) => `relationen ${r} gäller inga kolumner i tabellerna`,
    cross: (table, o) =>
      `${o.relation === 'analys' ? 'nettoavvikelse per verksamhet' : 'resultatets total mot driftredovisningens summa'}: ${table} mot ${o.table}, ${o.row} ${o.column}${o.negated ? ' med omvänt tecken' : ''}, ${o.file}:${o.line}`,
  },
  init: {
    input: (input, file) => `${input === 'utfall' ? 'Utfall' : 'Budget'}: ${file}`,
    format: (format, encoding, delimiter) =>
      [
        format.toUpperCase(),
        encoding && `teckenkodning ${encoding}`,
        delimiter && `avgränsare "${delimiter === '\t' ? 'tabb' : delimiter}"`,
      ]
        .filter(Boolean)
        .join(', '),
    columns: (code, amounts) =>
      `koder ur ${code === undefined ? 'filens dimension' : `kolumnen "${code}"`}${amounts.length > 0 ? `, belopp ur ${amounts.map((a) => `"${a}"`).join(', ')}` : ''}`,
    unit: (unit, heading) => `belopp i ${unit}${heading === undefined ? '' : ` (enligt rubriken "${heading}")`}`,
    periods: (kind, first, last, rows) =>
      `${
        {
          months: first === last ? `period ${first}` : `perioder ${first}–${last}`,
          year: `helår ${first}`,
          yearless: 'månadskolumner utan år (ange --period ÅÅÅÅ-MM)',
          none: 'ingen periodkolumn: årsbelopp',
        }[kind]
      }, ${amountText(rows, 0, ',', ' ')} rader`,
    wrote: (file) => `Skrev ${file}. Flaggor på kommandoraden går före filen.`,
    thisMonth: 'Månadens rapport:',
    nextMonth: 'Nästa månad, med nya exporter i samma filer:',
    periodPlaceholder: 'ÅÅÅÅ-MM',
  },
  report: {
    others: (n, dim) => `Övriga (${n} ${(n === 1 ? otherSingularSv : otherPluralSv)[dim] ?? dimension(dim).toLowerCase()})`,
    roundingFootnote: (cols) =>
      `Avrundning: i ${andList(cols, 'och')} summerar de avrundade raderna inte exakt till Summa, som är det exakta totalbeloppet avrundat en gång.`,
    splitTitle: (dim, code, name) => `${dimension(dim)} ${code}${name ? ` ${name}` : ''}`,
    splitIndex: (dim) => `Rapporter per ${dimension(dim).toLowerCase()}`,
    intakt: 'Intäkt',
    kostnad: 'Kostnad',
  },
};

/** The Swedish texts. */
export const sv = withRenderers(dictionary);
