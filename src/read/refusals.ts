/**
 * Files that are not CSV, recognised by their first bytes and refused with what they are and
 * what to do (FORMAT_UNSUPPORTED), for every input: ledgers, small code files and the tables
 * `verify` reads. Each kind is a source in the registry (registry.ts) whose `read` and
 * `records` refuse, so a real reader for a kind (.xlsx, SIE) replaces its refusal by one line.
 *
 * Every refusal is a `byContent` source: `findSource` asks it before it looks at the
 * extension, so `utfall.csv` that is really a workbook, or a SIE file saved as `.txt`, is
 * still refused, never read as CSV. Its signatures are ones no CSV export starts with.
 */
import { AvvikelseError } from '../errors.js';
import { utf16ByteOrder } from './csv/dialect.js';
import type { LedgerSource, RecordSource } from './source.js';

/** What a refused file is; i18n/ words what to do with each. */
export type RefusedKind = 'xlsx' | 'ods' | 'xls' | 'zip' | 'pdf' | 'binary' | 'sie' | 'html';

/** Bytes the sniffs look at for text signatures and NUL bytes. */
const HEAD = 1024;

const startsWith = (sample: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  sample.length >= at + bytes.length && bytes.every((b, i) => sample[at + i] === b);

/** The sample as Latin-1 text (one character per byte), for ASCII signatures. */
const latin1 = (sample: Uint8Array, end = sample.length): string =>
  Buffer.from(sample.buffer, sample.byteOffset, Math.min(end, sample.length)).toString('latin1');

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: a local file header
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE2 compound file (.xls, .doc)

/** A zip archive whose entry names (in the local headers of the first bytes) include `name`. */
function zipWith(sample: Uint8Array, name: RegExp): boolean {
  return startsWith(sample, ZIP) && name.test(latin1(sample));
}

/** An .xlsx workbook (Office Open XML): a zip with entries under `xl/`. */
export const isXlsx = (sample: Uint8Array): boolean => zipWith(sample, /xl\/(workbook|worksheets|_rels|styles|sharedStrings)/);

/** An OpenDocument spreadsheet (.ods): a zip whose first entry, `mimetype`, names it. */
export const isOds = (sample: Uint8Array): boolean => zipWith(sample, /mimetypeapplication\/vnd\.oasis\.opendocument\.spreadsheet/);

/** An Excel 97–2003 workbook (.xls): an OLE2 compound file. */
export const isXls = (sample: Uint8Array): boolean => startsWith(sample, OLE);

/** Any other zip archive (a Word document, packed files). */
export const isZip = (sample: Uint8Array): boolean => startsWith(sample, ZIP);

/** A PDF: `%PDF-` within the first KiB (the format allows bytes before it). */
export const isPdf = (sample: Uint8Array): boolean => /%PDF-\d\.\d/.test(latin1(sample, HEAD));

/**
 * Other binary content: a NUL byte in the first KiB that is not UTF-16 text (a byte-order mark,
 * or the NUL bytes of ASCII characters all on one side of each pair: `utf16ByteOrder`, which
 * the CSV reader reads such text with).
 */
export function isBinary(sample: Uint8Array): boolean {
  const head = sample.subarray(0, HEAD);
  return head.includes(0) && utf16ByteOrder(head) === null;
}

/**
 * A SIE file (the Swedish accounting export, in CP437 or UTF-8): a line that starts with
 * `#FLAGGA` or `#SIETYP` among its first lines.
 */
export const isSie = (sample: Uint8Array): boolean =>
  /^[ \t]*#(FLAGGA|SIETYP)\b/m.test(latin1(sample, 4 * HEAD).replace(/^\xef\xbb\xbf/, ''));

/** An HTML page (some systems save one as `.xls`): it opens with a doctype, `<html>` or `<table>`. */
export const isHtml = (sample: Uint8Array): boolean =>
  /^(\xef\xbb\xbf)?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|table)\b/i.test(latin1(sample, 4 * HEAD));

/** Every refused kind with its sniff, in the registry's order (specific before general). */
const KINDS: readonly (readonly [RefusedKind, (sample: Uint8Array) => boolean])[] = [
  ['xlsx', isXlsx],
  ['ods', isOds],
  ['xls', isXls],
  ['zip', isZip],
  ['pdf', isPdf],
  ['sie', isSie],
  ['html', isHtml],
  ['binary', isBinary],
];

/**
 * The kind of file the first bytes of a stream show, or null for text: what the refusals in
 * the registry decide for a regular file, for an input read once (a pipe), whose bytes cannot
 * be sampled before its reader is chosen.
 * @example refusedKind(Buffer.from('%PDF-1.7')) // 'pdf'
 */
export function refusedKind(sample: Uint8Array): RefusedKind | null {
  return KINDS.find(([, sniff]) => sniff(sample))?.[0] ?? null;
}

/** A source that recognises one kind of file and refuses it, whatever is asked of it. */
function refusal(kind: RefusedKind, sniff: (sample: Uint8Array) => boolean): LedgerSource & RecordSource {
  const refuse = (file: string): Promise<never> => Promise.reject(new AvvikelseError('FORMAT_UNSUPPORTED', { kind }, { file }));
  return {
    format: kind,
    extensions: [],
    byContent: true,
    sniff,
    excerpt: () => [],
    read: (file) => refuse(file),
    records: (file) => refuse(file),
  };
}

export const xlsxRefusal = refusal('xlsx', isXlsx);
export const odsRefusal = refusal('ods', isOds);
export const xlsRefusal = refusal('xls', isXls);
export const zipRefusal = refusal('zip', isZip);
export const pdfRefusal = refusal('pdf', isPdf);
export const binaryRefusal = refusal('binary', isBinary);
export const sieRefusal = refusal('sie', isSie);
export const htmlRefusal = refusal('html', isHtml);
