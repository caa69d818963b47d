/**
 * The fast path's hash table: an open-addressing table from (code bytes, period index) to an
 * exact running sum, so the scanner totals rows without creating a string per row. Sums are
 * exact: integer öre are added into float64 slots that are flushed into a bigint before they
 * could pass 2^52, so every intermediate value is an integer below 2^53.
 */

const FLUSH_LIMIT = 2 ** 52;
/** DETAIL_SEPARATOR (core/ledger.ts) as a byte. */
const SEPARATOR = 0x01;

/** Open-addressing table from (code bytes, period index) to an exact running sum. */
export class SumTable {
  private cap = 1024;
  private slots = new Int32Array(this.cap); // entry index + 1, 0 = empty
  private hashes = new Int32Array(this.cap);
  private arena = new Uint8Array(1 << 12);
  private arenaUsed = 0;
  count = 0;
  keyStart = new Int32Array(256);
  keyLen = new Int32Array(256);
  period = new Int32Array(256);
  sums = new Float64Array(256);
  /** Rows added per entry. */
  rows = new Int32Array(256);
  big: bigint[] = [];
  /** Code bytes at the start of each key (the whole key without a detail). */
  codeLen = new Int32Array(256);
  /** Per entry: its last non-empty name (bytes in nameArena; length -1 for none) and its line. */
  nameStart = new Int32Array(256);
  nameLen = new Int32Array(256).fill(-1);
  nameLine = new Int32Array(256);
  /** Bytes reserved for each entry's name in nameArena. */
  nameCap = new Int32Array(256);
  private nameArena = new Uint8Array(1 << 12);
  private nameUsed = 0;

  /**
   * Adds `amount` (integer öre, |amount| < 2^53) to the entry of code bytes buf[s, e) and
   * `period`; returns the entry.
   */
  add(buf: Uint8Array, s: number, e: number, period: number, amount: number): number {
    let h = 0x811c9dc5 ^ period;
    for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    h |= 0;
    const mask = this.cap - 1;
    let i = h & mask;
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === 0) break;
      const entry = slot - 1;
      if (this.hashes[i] === h && this.period[entry] === period && this.sameKey(entry, buf, s, e)) {
        // bump(), written out: this is the plain path's hottest line.
        const sum = (this.sums[entry] as number) + amount;
        if (sum > FLUSH_LIMIT || sum < -FLUSH_LIMIT) {
          this.big[entry] = (this.big[entry] as bigint) + BigInt(sum);
          this.sums[entry] = 0;
        } else this.sums[entry] = sum;
        this.rows[entry] = (this.rows[entry] as number) + 1;
        return entry;
      }
      i = (i + 1) & mask;
    }
    const entry = this.insert(buf, s, e, -1, -1, period);
    this.slots[i] = entry + 1;
    this.hashes[i] = h;
    this.sums[entry] = amount;
    this.rows[entry] = 1;
    if (this.count * 2 > this.cap) this.grow();
    return entry;
  }

  /**
   * Adds `amount` to the entry of the key code + DETAIL_SEPARATOR (byte 1) + detail, the code
   * buf[cs, ce) and the detail buf[ds, de), and `period`; returns the entry.
   */
  addDetail(buf: Uint8Array, cs: number, ce: number, ds: number, de: number, period: number, amount: number): number {
    let h = 0x811c9dc5 ^ period;
    for (let i = cs; i < ce; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    h = Math.imul(h ^ SEPARATOR, 0x01000193);
    for (let i = ds; i < de; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    h |= 0;
    const mask = this.cap - 1;
    let i = h & mask;
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === 0) break;
      const entry = slot - 1;
      if (this.hashes[i] === h && this.period[entry] === period && this.samePair(entry, buf, cs, ce, ds, de)) {
        this.bump(entry, amount);
        return entry;
      }
      i = (i + 1) & mask;
    }
    const entry = this.insert(buf, cs, ce, ds, de, period);
    this.slots[i] = entry + 1;
    this.hashes[i] = h;
    this.sums[entry] = amount;
    this.rows[entry] = 1;
    if (this.count * 2 > this.cap) this.grow();
    return entry;
  }

  private bump(entry: number, amount: number): void {
    const sum = (this.sums[entry] as number) + amount;
    if (sum > FLUSH_LIMIT || sum < -FLUSH_LIMIT) {
      this.big[entry] = (this.big[entry] as bigint) + BigInt(sum);
      this.sums[entry] = 0;
    } else this.sums[entry] = sum;
    this.rows[entry] = (this.rows[entry] as number) + 1;
  }

  private samePair(entry: number, buf: Uint8Array, cs: number, ce: number, ds: number, de: number): boolean {
    const codeLen = this.codeLen[entry] as number;
    if (codeLen !== ce - cs || this.keyLen[entry] !== codeLen + 1 + (de - ds)) return false;
    const start = this.keyStart[entry] as number;
    for (let k = 0; k < codeLen; k++) if (this.arena[start + k] !== buf[cs + k]) return false;
    const d = start + codeLen + 1;
    for (let k = 0; k < de - ds; k++) if (this.arena[d + k] !== buf[ds + k]) return false;
    return true;
  }

  /** Whether the entry's name is the bytes buf[s, e) (an entry with no name has none). */
  sameName(entry: number, buf: Uint8Array, s: number, e: number): boolean {
    const len = this.nameLen[entry] as number;
    if (len !== e - s) return false;
    const start = this.nameStart[entry] as number;
    for (let k = 0; k < len; k++) if (this.nameArena[start + k] !== buf[s + k]) return false;
    return true;
  }

  /**
   * Keeps buf[s, e) as the entry's name: in the place of the one before when it fits (so names
   * that alternate row by row keep memory bound), else appended.
   */
  setName(entry: number, buf: Uint8Array, s: number, e: number): void {
    if (this.nameLen[entry] !== -1 && e - s <= (this.nameCap[entry] as number)) {
      this.nameArena.set(buf.subarray(s, e), this.nameStart[entry]);
      this.nameLen[entry] = e - s;
      return;
    }
    if (this.nameUsed + (e - s) > this.nameArena.length) {
      const arena = new Uint8Array(Math.max(this.nameArena.length * 2, this.nameUsed + (e - s)));
      arena.set(this.nameArena);
      this.nameArena = arena;
    }
    this.nameArena.set(buf.subarray(s, e), this.nameUsed);
    this.nameStart[entry] = this.nameUsed;
    this.nameLen[entry] = e - s;
    this.nameCap[entry] = e - s;
    this.nameUsed += e - s;
  }

  private sameKey(entry: number, buf: Uint8Array, s: number, e: number): boolean {
    const len = this.keyLen[entry] as number;
    if (len !== e - s) return false;
    const start = this.keyStart[entry] as number;
    for (let k = 0; k < len; k++) if (this.arena[start + k] !== buf[s + k]) return false;
    return true;
  }

  private insert(buf: Uint8Array, s: number, e: number, ds: number, de: number, period: number): number {
    const entry = this.count++;
    if (entry >= this.keyStart.length) {
      const n = this.keyStart.length * 2;
      const grow32 = (a: Int32Array, fill = 0) => {
        const b = new Int32Array(n).fill(fill);
        b.set(a);
        return b;
      };
      this.keyStart = grow32(this.keyStart);
      this.keyLen = grow32(this.keyLen);
      this.codeLen = grow32(this.codeLen);
      this.period = grow32(this.period);
      this.rows = grow32(this.rows);
      this.nameStart = grow32(this.nameStart);
      this.nameLen = grow32(this.nameLen, -1);
      this.nameLine = grow32(this.nameLine);
      this.nameCap = grow32(this.nameCap);
      const sums = new Float64Array(n);
      sums.set(this.sums);
      this.sums = sums;
    }
    const len = ds < 0 ? e - s : e - s + 1 + (de - ds);
    if (this.arenaUsed + len > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      arena.set(this.arena);
      this.arena = arena;
    }
    this.arena.set(buf.subarray(s, e), this.arenaUsed);
    if (ds >= 0) {
      this.arena[this.arenaUsed + (e - s)] = SEPARATOR;
      this.arena.set(buf.subarray(ds, de), this.arenaUsed + (e - s) + 1);
    }
    this.keyStart[entry] = this.arenaUsed;
    this.keyLen[entry] = len;
    this.codeLen[entry] = e - s;
    this.arenaUsed += len;
    this.period[entry] = period;
    this.big[entry] = 0n;
    return entry;
  }

  private grow(): void {
    const old = { slots: this.slots, hashes: this.hashes };
    this.cap *= 2;
    this.slots = new Int32Array(this.cap);
    this.hashes = new Int32Array(this.cap);
    const mask = this.cap - 1;
    for (let i = 0; i < old.slots.length; i++) {
      const slot = old.slots[i] as number;
      if (slot === 0) continue;
      let j = (old.hashes[i] as number) & mask;
      while (this.slots[j] !== 0) j = (j + 1) & mask;
      this.slots[j] = slot;
      this.hashes[j] = old.hashes[i] as number;
    }
  }

  /**
   * Every entry's key (code, or code + DETAIL_SEPARATOR + detail; ASCII), its code, period
   * index, exact total, row count, and its last name's bytes with the line that gave it
   * (null and -1 without one).
   */
  *entries(): Generator<TableEntry> {
    const decoder = new TextDecoder('latin1');
    for (let e = 0; e < this.count; e++) {
      const start = this.keyStart[e] as number;
      const key = decoder.decode(this.arena.subarray(start, start + (this.keyLen[e] as number)));
      const codeLen = this.codeLen[e] as number;
      const nameLen = this.nameLen[e] as number;
      const nameStart = this.nameStart[e] as number;
      yield {
        key,
        code: codeLen === key.length ? key : key.slice(0, codeLen),
        period: this.period[e] as number,
        amount: (this.big[e] as bigint) + BigInt(this.sums[e] as number),
        rows: this.rows[e] as number,
        name: nameLen < 0 ? null : this.nameArena.slice(nameStart, nameStart + nameLen),
        nameLine: nameLen < 0 ? -1 : (this.nameLine[e] as number),
      };
    }
  }
}

/** One entry of a SumTable, as `entries` gives it. */
export interface TableEntry {
  key: string;
  code: string;
  period: number;
  amount: bigint;
  rows: number;
  name: Uint8Array | null;
  nameLine: number;
}

/**
 * A memo from field bytes to a small value (0 when unknown), so that a decision on a field's
 * text (a `--where` glob on the decoded, trimmed value) is made once per distinct value.
 */
export class ByteMemo {
  private cap = 256;
  private slots = new Int32Array(this.cap); // entry index + 1, 0 = empty
  private hashes = new Int32Array(this.cap);
  private starts: number[] = [];
  private lens: number[] = [];
  private values: number[] = [];
  private arena = new Uint8Array(1 << 12);
  private used = 0;

  private hash(buf: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    return h | 0;
  }

  /** The value kept for buf[s, e), or 0. */
  get(buf: Uint8Array, s: number, e: number): number {
    const h = this.hash(buf, s, e);
    const mask = this.cap - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i] as number;
      if (slot === 0) return 0;
      if (this.hashes[i] !== h) continue;
      const entry = slot - 1;
      const len = this.lens[entry] as number;
      if (len !== e - s) continue;
      const start = this.starts[entry] as number;
      let k = 0;
      while (k < len && this.arena[start + k] === buf[s + k]) k++;
      if (k === len) return this.values[entry] as number;
    }
  }

  /** Keeps `value` (not 0) for buf[s, e), which has none yet. */
  set(buf: Uint8Array, s: number, e: number, value: number): void {
    const h = this.hash(buf, s, e);
    if (this.used + (e - s) > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + (e - s)));
      arena.set(this.arena);
      this.arena = arena;
    }
    this.arena.set(buf.subarray(s, e), this.used);
    const entry = this.values.length;
    this.starts.push(this.used);
    this.lens.push(e - s);
    this.values.push(value);
    this.used += e - s;
    if ((entry + 1) * 2 > this.cap) {
      this.cap *= 2;
      const old = { slots: this.slots, hashes: this.hashes };
      this.slots = new Int32Array(this.cap);
      this.hashes = new Int32Array(this.cap);
      for (let i = 0; i < old.slots.length; i++) if (old.slots[i] !== 0) this.place(old.hashes[i] as number, old.slots[i] as number);
    }
    this.place(h, entry + 1);
  }

  private place(h: number, slot: number): void {
    const mask = this.cap - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = slot;
    this.hashes[i] = h;
  }
}
