/**
 * A worksheet is read as a stream (src/read/xlsx/zip.ts, xml.ts, index.ts): unpacked chunk by
 * chunk, scanned piece by piece, its records handed on as rows close. These tests pin that a
 * sheet's stated `<dimension>` is only a guess (too wide, too narrow or missing gives the same
 * ledger and the same errors); that entries larger than one chunk, stored or deflated, and
 * ZIP64 directories are read. That the sheet's scanner reads the same, wherever the pieces are
 * cut, as the generic scanner reads the whole part: test/xlsx-sheet.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readLedger } from '../src/read/index.js';
import { openWorkbook } from '../src/read/xlsx/workbook.js';
import { cli, ledgerSpec } from './helpers.js';
import { num, str, testWorkbook, workbookFile } from './xlsx-build.js';

const HEADER = str('B4', 'Period') + str('C4', 'Verksamhet') + str('D4', 'Belopp');
const ROWS =
  `<row r="2">${str('B2', 'Utfall augusti')}</row>` +
  `<row r="4">${HEADER}</row>` +
  `<row r="5">${num('B5', '202408')}${num('C5', '5101')}${num('D5', '10.5')}</row>` +
  `<row r="6">${num('B6', '202408')}${num('C6', '5102')}${num('D6', '-3')}</row>`;

describe("a sheet's stated <dimension> is a guess, never a source of a different reading", () => {
  const totalsOf = async (file: string) => {
    const l = await readLedger(file, ledgerSpec());
    return Object.fromEntries([...l.totals].map(([k, m]) => [k, Object.fromEntries([...m].map(([p, v]) => [p, v.toFixed()]))]));
  };
  const cases = { exact: 'B2:D6', none: undefined, wide: 'A1:F6', narrow: 'A1', left: 'C2:D6' } as const;

  it('exact, missing, too wide, too narrow, starting too far right: the same ledger', async () => {
    for (const [name, dimension] of Object.entries(cases)) {
      const file = workbookFile(`dim-${name}.xlsx`, testWorkbook([{ name: 'Blad1', data: ROWS, ...(dimension ? { dimension } : {}) }]));
      expect(await totalsOf(file), name).toEqual({ '5101': { '2024-08': '1050' }, '5102': { '2024-08': '-300' } });
    }
  });

  it('and the same error at the same cell, with the same excerpt', async () => {
    const bad = ROWS.replace(num('D6', '-3'), str('D6', 'tio'));
    const outputs = new Set<string>();
    for (const [name, dimension] of Object.entries(cases)) {
      const file = workbookFile(`dim-fel-${name}.xlsx`, testWorkbook([{ name: 'Blad1', data: bad, ...(dimension ? { dimension } : {}) }]));
      const run = await cli(['report', '--utfall', file, '--budget', file]);
      expect(run.code, name).toBe(2);
      outputs.add(run.stderr.replace(file, 'F'));
    }
    expect([...outputs]).toEqual([
      'avvikelse: fel: F:Blad1!D6: kolumn Belopp: "tio" är inte ett belopp (till exempel -1 234,50) [AMOUNT_INVALID]\n' +
        '  6 | 202408;5102;tio\n' +
        '    |             ^^^\n',
    ]);
  });
});

/** A ledger sheet of `n` rows with amounts that do not compress away, and its exact total in öre. */
function bigSheet(n: number): { data: string; total: bigint } {
  let data = `<row r="1">${str('A1', 'Period')}${str('B1', 'Verksamhet')}${str('C1', 'Belopp')}</row>`;
  let total = 0n;
  let x = 12345;
  const rows: string[] = [];
  for (let i = 2; i <= n + 1; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const ore = BigInt(x % 10_000_000) - 5_000_000n;
    total += ore;
    const kr = `${ore < 0n ? '-' : ''}${(ore < 0n ? -ore : ore) / 100n}.${String((ore < 0n ? -ore : ore) % 100n).padStart(2, '0')}`;
    rows.push(`<row r="${i}">${num(`A${i}`, '202408')}${num(`B${i}`, String(5101 + (i % 7)))}${num(`C${i}`, kr)}</row>`);
  }
  data += rows.join('');
  return { data, total };
}

describe('entries larger than one chunk', () => {
  const { data, total } = bigSheet(60_000);

  for (const level of [0, 6] as const) {
    it(`a ${level === 0 ? 'stored' : 'deflated'} sheet of 60 000 rows (several MiB) is read whole and exactly, its rows handed on one by one`, async () => {
      const bytes = testWorkbook([{ name: 'Blad1', data, dimension: 'A1:C60001' }], { level });
      const book = openWorkbook(bytes);
      let rows = 0;
      book.stream(book.sheets[0]!, { row: () => void rows++ });
      expect(rows).toBe(60_001);
      const l = await readLedger(workbookFile(`stor-${level}.xlsx`, bytes), ledgerSpec());
      let sum = 0n;
      for (const m of l.totals.values()) for (const v of m.values()) sum += BigInt(v.toFixed());
      expect(sum).toBe(total);
    });
  }
});

/**
 * The same zip with a ZIP64 directory: every size and offset in the central directory says
 * 0xFFFFFFFF and the values are in ZIP64 extra fields, and a ZIP64 end record and locator precede
 * the end record (as writers do for files beyond 4 GiB, and some always).
 */
function toZip64(zip: Uint8Array): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (v.getUint32(end, true) !== 0x06054b50) end--;
  const count = v.getUint16(end + 10, true);
  const dirOffset = v.getUint32(end + 16, true);
  const parts: Uint8Array[] = [zip.subarray(0, dirOffset)];
  let at = dirOffset;
  let dirSize = 0;
  for (let n = 0; n < count; n++) {
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const head = Buffer.from(zip.subarray(at, at + 46 + nameLength));
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(42)), 20);
    for (const f of [20, 24, 42]) head.writeUInt32LE(0xffffffff, f);
    head.writeUInt16LE(extra.length + extraLength, 30);
    const entry = Buffer.concat([head, extra, zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength + commentLength)]);
    parts.push(entry);
    dirSize += entry.length;
    at += 46 + nameLength + extraLength + commentLength;
  }
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeBigUInt64LE(BigInt(count), 24);
  end64.writeBigUInt64LE(BigInt(count), 32);
  end64.writeBigUInt64LE(BigInt(dirSize), 40);
  end64.writeBigUInt64LE(BigInt(dirOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(dirOffset + dirSize), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.from(zip.subarray(end, end + 22));
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...parts, end64, locator, eocd]);
}

describe('the zip directory', () => {
  it('a ZIP64 directory is read', async () => {
    const bytes = testWorkbook([{ name: 'Blad1', data: ROWS }]);
    const file = workbookFile('zip64.xlsx', toZip64(bytes));
    const l = await readLedger(file, ledgerSpec());
    expect([...l.totals.keys()]).toEqual(['5101', '5102']);
  });

  it('an encrypted entry, an unknown method, a zip cut short: WORKBOOK_INVALID naming why', async () => {
    /** The workbook with one 16-bit field of the sheet's central directory entry set. */
    const patched = (offset: number, value: number): string => {
      const bytes = testWorkbook([{ name: 'Blad1', data: ROWS }]);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i + 46 < bytes.length; i++) {
        if (view.getUint32(i, true) !== 0x02014b50) continue;
        const name = Buffer.from(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))).toString();
        if (name === 'xl/worksheets/sheet1.xml') view.setUint16(i + offset, value, true);
      }
      return workbookFile(`patched-${offset}.xlsx`, bytes);
    };
    const reasons: string[] = [];
    for (const file of [patched(8, 1), patched(10, 12)]) {
      const e = await readLedger(file, ledgerSpec()).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'WORKBOOK_INVALID' });
      reasons.push((e as { params: { reason: string } }).params.reason);
    }
    expect(reasons).toEqual([
      'zip: xl/worksheets/sheet1.xml is encrypted',
      'zip: xl/worksheets/sheet1.xml: compression method 12 is not supported',
    ]);
    const bytes = testWorkbook([{ name: 'Blad1', data: ROWS }]);
    const cut = workbookFile('kort.xlsx', bytes.subarray(0, bytes.length - 30));
    await expect(readLedger(cut, ledgerSpec())).rejects.toMatchObject({
      code: 'WORKBOOK_INVALID',
      params: { reason: 'zip: no central directory (not a zip file, or cut short)' },
    });
  });
});
