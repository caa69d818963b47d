/**
 * Files that are not CSV (issue 11, item 8): workbooks, SIE, PDF, HTML and other binaries are
 * recognised by their first bytes — whatever their extension, for every input — and refused
 * with FORMAT_UNSUPPORTED, never read as CSV, never an internal error, never bytes on screen.
 * An .xlsx workbook is recognised the same way and read by its own source (issue 13).
 * The pinned messages are in the error catalogue (test/errors/format-*.txt); this file checks
 * the sniffs, the choice of source, and every input option.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AvvikelseError } from '../src/errors.js';
import { findSource, readLedger, readRecords } from '../src/read/index.js';
import { isBinary, isHtml, isOds, isPdf, isSie, isXls, isXlsx, isZip } from '../src/read/refusals.js';
import { BUDGET, cli, ledgerSpec, UTFALL } from './helpers.js';

const E = 'test/errors';
const dir = mkdtempSync(join(tmpdir(), 'avvikelse-refusals-'));
const bytes = (path: string) => new Uint8Array(readFileSync(path));
const named = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Each kind, a file of it (as real tools write them), and the sniff that must recognise it. */
const KINDS = [
  { kind: 'xlsx', file: `${E}/utfall.xlsx`, sniff: isXlsx },
  { kind: 'ods', file: `${E}/budget.ods`, sniff: isOds },
  { kind: 'xls', file: `${E}/gammal.xls`, sniff: isXls },
  { kind: 'zip', file: `${E}/kommentarer.docx`, sniff: isZip },
  { kind: 'pdf', file: `${E}/driftredovisning.pdf`, sniff: isPdf },
  { kind: 'html', file: `${E}/utfall-webb.xls`, sniff: isHtml },
  { kind: 'binary', file: `${E}/prognos.png`, sniff: isBinary },
] as const;

/** The kinds still refused (an .xlsx is read since issue 13). */
const REFUSED = KINDS.filter((k) => k.kind !== 'xlsx');

const refusal = (kind: string, file: string) => new AvvikelseError('FORMAT_UNSUPPORTED', { kind }, { file });

describe('files that are not CSV', () => {
  it('reads an .xlsx workbook by its own source whatever its name, as a ledger and as a small file', async () => {
    const file = `${E}/utfall.xlsx`;
    for (const path of [file, named('as-xlsx.csv', bytes(file)), named('as-xlsx.md', bytes(file))]) {
      expect(findSource(path, 'read').format).toBe('xlsx');
      expect(findSource(path, 'records').format).toBe('xlsx');
      expect((await readLedger(path, ledgerSpec())).totals.get('5101')?.get('2024-08')).toEqual(123450n);
      expect((await readRecords(path)).map((r) => r.cells)).toEqual([
        ['Period', 'Verksamhet', 'Belopp'],
        ['202408', '5101', '1234.5'],
      ]);
    }
  });

  for (const { kind, file, sniff } of REFUSED) {
    it(`recognises ${kind} by its first bytes, and refuses it as a ledger and as a small file, also when named .csv or .md`, async () => {
      expect(sniff(bytes(file))).toBe(true);
      for (const path of [file, named(`as-${kind}.csv`, bytes(file)), named(`as-${kind}.md`, bytes(file))]) {
        expect(findSource(path, 'read').format).toBe(kind);
        expect(findSource(path, 'records').format).toBe(kind);
        expect(findSource(path, 'excerpt').excerpt({ file: path, line: 1 })).toEqual([]);
        await expect(readLedger(path, ledgerSpec())).rejects.toEqual(refusal(kind, path));
        await expect(readRecords(path)).rejects.toEqual(refusal(kind, path));
      }
    });
  }

  it('tells the kinds apart: an .ods is no .xlsx; the general sniffs (zip, binary) also match, so the registry asks them last', () => {
    expect(KINDS.map(({ file }) => KINDS.filter((k) => k.sniff(bytes(file))).map((k) => k.kind))).toEqual([
      ['xlsx', 'zip', 'binary'],
      ['ods', 'zip', 'binary'],
      ['xls', 'binary'],
      ['zip', 'binary'],
      ['pdf'],
      ['html'],
      ['binary'],
    ]);
  });

  // SIE files are read as ledgers now (test/sie.test.ts); the sniff that recognises them stays here.
  it('recognises SIE in CP437 and in UTF-8, with a byte-order mark and #SIETYP first', () => {
    const sie = '#FLAGGA 0\r\n#PROGRAM "Fortnox" 3.0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#FNAMN "Sjöviks kommun"\r\n';
    expect(isSie(iconv.encode(sie, 'cp437'))).toBe(true);
    expect(isSie(Buffer.from(`\ufeff${sie}`))).toBe(true);
    expect(isSie(Buffer.from('#SIETYP 4\n#FNAMN "X"\n'))).toBe(true);
  });

  it('leaves text alone: CSV that mentions the signatures, UTF-16 text with and without a byte-order mark', async () => {
    const csv = 'Verksamhet;Kommentar\n51;"#FLAGGA i texten, %PDF- och <html> mitt i en rad"\n';
    const text = [
      Buffer.from(csv),
      iconv.encode(csv, 'win1252'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')]),
      iconv.encode(csv, 'utf-16le'),
      iconv.encode(csv, 'utf-16be'),
    ];
    for (const sample of text) {
      expect(KINDS.filter((k) => k.sniff(new Uint8Array(sample))).map((k) => k.kind)).toEqual([]);
    }
    expect(findSource(named('kommentarer.csv', text[1] as Buffer), 'records').format).toBe('csv');
    expect((await readRecords(join(dir, 'kommentarer.csv')))[1]?.cells[0]).toBe('51');
  });

  it('refuses a workbook it does not read (.ods) given to any input option, through the CLI: exit 2, one line, no bytes of the file', async () => {
    const xlsx = named('arbetsbok.ods', bytes(`${E}/budget.ods`));
    const runs = [
      ['--utfall', xlsx, '--budget', BUDGET],
      ['--utfall', UTFALL, '--budget', xlsx],
      ['--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--fg-ar', xlsx],
      ['--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--prognos', xlsx],
      ['--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--fg-prognos', xlsx],
      ['--utfall', UTFALL, '--budget', BUDGET, '--period', '2024-08', '--periodisering', xlsx],
      ['--utfall', UTFALL, '--budget', BUDGET, '--kommentarer', xlsx],
      ['--utfall', UTFALL, '--budget', BUDGET, '--names', xlsx],
      ['--utfall', UTFALL, '--budget', BUDGET, '--resultat', '--kategorier', xlsx],
    ];
    for (const args of runs) {
      const run = await cli(['report', ...args]);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(
        /^avvikelse: fel: .*arbetsbok\.ods: filen är ett OpenDocument-kalkylark \(\.ods\).*\[FORMAT_UNSUPPORTED\]\n$/,
      );
    }
    const verify = await cli(['verify', xlsx]);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain('[FORMAT_UNSUPPORTED]');
    const ledger = await cli(['verify', 'fixtures/publicerade/driftredovisning-2024.csv', '--utfall', xlsx, '--budget', BUDGET]);
    expect(ledger.code).toBe(2);
    expect(ledger.stderr).toContain('[FORMAT_UNSUPPORTED]');
  });

  it('never shows the bytes of a refused file', async () => {
    for (const { file } of REFUSED) {
      const copy = named(`kopia-${file.split('/').pop() ?? ''}`, bytes(file));
      copyFileSync(file, copy);
      const run = await cli(['report', '--utfall', copy, '--budget', BUDGET]);
      expect(run.code).toBe(2);
      // eslint-disable-next-line no-control-regex
      expect(run.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\ufffd]/);
      expect(run.stderr.split('\n').length).toBe(2);
    }
  });
});
