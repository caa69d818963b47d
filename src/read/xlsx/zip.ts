/**
 * The zip container of a workbook, read by offset: the central directory names each part, a
 * small part is inflated whole, and a worksheet is inflated as a stream of chunks, so a sheet
 * of a million rows never has to be in memory at once (nor, read from a file, the zip itself).
 * Inflating is fflate's; the directory (including ZIP64, which Excel writes for large files)
 * is read here (APPNOTE.TXT 4.3).
 */
import { readSync } from 'node:fs';
import { zip as fflate } from '../lazy.js';

/** A problem with the workbook's structure (a broken zip, a missing part): the source's WORKBOOK_INVALID. */
export class WorkbookError extends Error {}

/** Bytes of a zip by offset: a whole file in memory, or an open file read as needed. */
export interface ZipBytes {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

/** The bytes of a zip held in memory. */
export const memoryBytes = (bytes: Uint8Array): ZipBytes => ({
  size: bytes.length,
  read: (offset, length) => bytes.subarray(offset, offset + length),
});

/** The bytes of an open file of `size` bytes, read as needed. */
export function fileBytes(fd: number, size: number): ZipBytes {
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, buf, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return buf.subarray(0, got);
    },
  };
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The unpacked size the directory states. */
  size: number;
  /** Offset of the entry's local header. */
  local: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
const u64 = (v: DataView, at: number): number => Number(v.getBigUint64(at, true));
const damaged = (what: string): never => {
  throw new WorkbookError(`zip: ${what}`);
};

/** The parts of a zip by name, from its central directory. Throws WorkbookError when there is none. */
export function zipEntries(src: ZipBytes): Map<string, ZipEntry> {
  // The end record is in the last 22 bytes plus a comment of at most 65 535.
  const tailStart = Math.max(0, src.size - 22 - 0xffff);
  const tail = src.read(tailStart, src.size - tailStart);
  const tv = view(tail);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) damaged('no central directory (not a zip file, or cut short)');
  let count = tv.getUint16(end + 10, true);
  let dirSize = tv.getUint32(end + 12, true);
  let dirOffset = tv.getUint32(end + 16, true);
  if ((dirOffset === MAX32 || count === 0xffff || dirSize === MAX32) && end >= 20 && tv.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const z = view(src.read(u64(tv, end - 20 + 8), 56));
    if (z.byteLength < 56 || z.getUint32(0, true) !== ZIP64_EOCD) damaged('broken ZIP64 end record');
    count = u64(z, 32);
    dirSize = u64(z, 40);
    dirOffset = u64(z, 48);
  }
  const dir = src.read(dirOffset, dirSize);
  if (dir.length < dirSize) damaged('central directory cut short');
  const dv = view(dir);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || dv.getUint32(at, true) !== CENTRAL) damaged('broken central directory');
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let size = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let local = dv.getUint32(at + 42, true);
    const name = decoder.decode(dir.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field: the 64-bit values of the fields that say 0xFFFFFFFF, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const id = dv.getUint16(e, true);
      const len = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === MAX32) {
          size = u64(dv, p);
          p += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(dv, p);
          p += 8;
        }
        if (local === MAX32) local = u64(dv, p);
      }
      e += 4 + len;
    }
    if ((flags & 1) !== 0) damaged(`${name} is encrypted`);
    entries.set(name, { name, method, compressedSize, size, local });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's packed bytes start (after its local header). */
function dataStart(src: ZipBytes, e: ZipEntry): number {
  const h = src.read(e.local, 30);
  const hv = view(h);
  if (h.length < 30 || hv.getUint32(0, true) !== LOCAL) damaged(`${e.name}: broken local header`);
  return e.local + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
}

/** Packed bytes read at a time: their unpacked text (some 8 times more) stays small enough to die young. */
const CHUNK = 1 << 16;

/**
 * Unpacks an entry chunk by chunk (64 KiB packed at a time), handing each unpacked
 * chunk to `onData`. Throws WorkbookError on a method other than stored or deflated, on
 * damaged data, and when the unpacked size is not the one the directory states.
 */
export function streamEntry(src: ZipBytes, e: ZipEntry, onData: (chunk: Uint8Array) => void): void {
  if (e.method !== 0 && e.method !== 8) damaged(`${e.name}: compression method ${e.method} is not supported`);
  const start = dataStart(src, e);
  let unpacked = 0;
  // Unpacked chunks are handed on outside the inflater, so an error of `onData` stays its own.
  const pending: Uint8Array[] = [];
  const inflate = e.method === 8 ? new (fflate().Inflate)((chunk) => pending.push(chunk)) : null;
  for (let at = 0; ; at += CHUNK) {
    const n = Math.min(CHUNK, e.compressedSize - at);
    const chunk = src.read(start + at, n);
    if (chunk.length < n) damaged(`${e.name} is cut short`);
    const final = at + n >= e.compressedSize;
    if (inflate === null) pending.push(chunk);
    else {
      try {
        inflate.push(chunk, final);
      } catch (err) {
        damaged(`${e.name}: ${(err as Error).message}`);
      }
    }
    for (const c of pending) {
      unpacked += c.length;
      if (c.length > 0) onData(c);
    }
    pending.length = 0;
    if (final) break;
  }
  if (unpacked !== e.size) damaged(`${e.name} unpacks to ${unpacked} bytes, not the ${e.size} the zip states`);
}

/** An entry unpacked whole. */
export function readEntry(src: ZipBytes, e: ZipEntry): Uint8Array {
  const out = new Uint8Array(e.size);
  let at = 0;
  streamEntry(src, e, (chunk) => {
    if (at + chunk.length > out.length) damaged(`${e.name} unpacks to more than the ${e.size} bytes the zip states`);
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}
