/**
 * The fast path's hash table: an open-addressing table from (code bytes, period index) to an
 * exact running sum, so the scanner totals rows without creating a string per row. Sums are
 * exact: integer öre are added into float64 slots that are flushed into a bigint before they
 * could pass 2^52, so every intermediate value is an integer below 2^53.
 */

const FLUSH_LIMIT = 2 ** 52;

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

  /** Adds `amount` (integer öre, |amount| < 2^53) to the entry of code bytes buf[s, e) and `period`. */
  add(buf: Uint8Array, s: number, e: number, period: number, amount: number): void {
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
        const sum = (this.sums[entry] as number) + amount;
        if (sum > FLUSH_LIMIT || sum < -FLUSH_LIMIT) {
          this.big[entry] = (this.big[entry] as bigint) + BigInt(sum);
          this.sums[entry] = 0;
        } else this.sums[entry] = sum;
        this.rows[entry] = (this.rows[entry] as number) + 1;
        return;
      }
      i = (i + 1) & mask;
    }
    const entry = this.insert(buf, s, e, period);
    this.slots[i] = entry + 1;
    this.hashes[i] = h;
    this.sums[entry] = amount;
    this.rows[entry] = 1;
    if (this.count * 2 > this.cap) this.grow();
  }

  private sameKey(entry: number, buf: Uint8Array, s: number, e: number): boolean {
    const len = this.keyLen[entry] as number;
    if (len !== e - s) return false;
    const start = this.keyStart[entry] as number;
    for (let k = 0; k < len; k++) if (this.arena[start + k] !== buf[s + k]) return false;
    return true;
  }

  private insert(buf: Uint8Array, s: number, e: number, period: number): number {
    const entry = this.count++;
    if (entry >= this.keyStart.length) {
      const n = this.keyStart.length * 2;
      const grow32 = (a: Int32Array) => {
        const b = new Int32Array(n);
        b.set(a);
        return b;
      };
      this.keyStart = grow32(this.keyStart);
      this.keyLen = grow32(this.keyLen);
      this.period = grow32(this.period);
      this.rows = grow32(this.rows);
      const sums = new Float64Array(n);
      sums.set(this.sums);
      this.sums = sums;
    }
    if (this.arenaUsed + (e - s) > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + (e - s)));
      arena.set(this.arena);
      this.arena = arena;
    }
    this.arena.set(buf.subarray(s, e), this.arenaUsed);
    this.keyStart[entry] = this.arenaUsed;
    this.keyLen[entry] = e - s;
    this.arenaUsed += e - s;
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

  /** Every entry's code (decoded), period index, exact total and row count. */
  *entries(): Generator<[string, number, bigint, number]> {
    const decoder = new TextDecoder('latin1');
    for (let e = 0; e < this.count; e++) {
      const start = this.keyStart[e] as number;
      const code = decoder.decode(this.arena.subarray(start, start + (this.keyLen[e] as number)));
      yield [code, this.period[e] as number, (this.big[e] as bigint) + BigInt(this.sums[e] as number), this.rows[e] as number];
    }
  }
}
