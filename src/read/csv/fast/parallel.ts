/**
 * The fast path's parallel split: a large file is cut at a line boundary near its middle, and
 * a worker thread (worker.ts) scans the second half on its own while the calling thread scans
 * the first. The worker runs in pure mode — it has no general consumer, so a record outside
 * the byte subset makes it report 'impure' and the caller reads the file again on one thread.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { NL, Scanner, scanRange, type ScanSpec, type ScanStatus, type TotalsColumnCount } from './scanner.js';
import type { TableEntry } from './sum-table.js';

/** A table entry as a worker posts it: the amount as a decimal string. */
export type WireEntry = Omit<TableEntry, 'amount'> & { amount: string };

/** What a worker gets: the spec and its byte range. */
export interface WorkerTask {
  file: string;
  start: number;
  end: number;
  spec: ScanSpec;
}

/** Result of the worker for one range: its exact entries (amounts as decimal strings) and counts, or why it stopped. */
export interface RangeResult {
  status: ScanStatus;
  entries: WireEntry[];
  rows: number;
  signs: number[];
  /** Rows per period index, for a file with month columns (Scanner.periodRows); null otherwise. */
  periodRows: [number, number][] | null;
  /** The totals column's check (Scanner.totals), its lines counted from the range's start. */
  totals: TotalsColumnCount;
}

/** Scans one range on its own (the worker's job), in pure mode. */
export function scanTask(task: WorkerTask): RangeResult {
  const fd = openSync(task.file, 'r');
  try {
    const scanner = new Scanner(task.spec, null);
    const status = scanRange(fd, task.start, task.end, scanner);
    const entries: WireEntry[] = [];
    if (status === 'ok') for (const entry of scanner.table.entries()) entries.push({ ...entry, amount: entry.amount.toString() });
    const periodRows = scanner.periodRows === null ? null : [...scanner.periodRows];
    return { status, entries, rows: scanner.rows, signs: [...scanner.signs], periodRows, totals: scanner.totals };
  } finally {
    closeSync(fd);
  }
}

/** The position just after the first newline at or after `at` (or `total`). */
export function lineBoundaryAfter(fd: number, at: number, total: number): number {
  const probe = Buffer.allocUnsafe(1 << 16);
  for (let pos = at; pos < total; pos += probe.length) {
    const n = readSync(fd, probe, 0, probe.length, pos);
    const nl = probe.subarray(0, n).indexOf(NL);
    if (nl >= 0) return pos + nl + 1;
  }
  return total;
}

/**
 * Starts scanTask in a worker thread (the built worker.js beside this module) at once —
 * synchronously, so that it runs while this thread scans its own half without yielding.
 */
export function runWorker(task: WorkerTask): Promise<RangeResult> {
  const url = new URL('./worker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    if (!existsSync(url)) {
      reject(new Error('no fast-path worker file'));
      return;
    }
    const w = new Worker(url, { workerData: task });
    w.once('message', (r: RangeResult) => resolve(r));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`fast-path worker exited with ${code}`));
    });
  });
}
