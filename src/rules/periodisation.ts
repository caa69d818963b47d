/**
 * Periodisering: how much of an annual budget belongs to months 1..m. Every method rounds
 * the *cumulative* share to the öre (half away from zero), so the ack through month m is
 * round(A · share(1..m)) and the twelve monthly parts, as differences of those, always sum
 * to the annual amount exactly — for amounts not divisible by 12 and negative ones alike.
 */
import type { Ore } from '../core/money.js';
import { halfAwayFromZero } from './rounding.js';

/** Twelve non-negative weights, as integers at a common scale (their sum must be positive). */
export type Weights = readonly bigint[];

/** The part of an annual amount that a share `part / whole` gives, to the öre: round(A · part / whole). */
export function ackByShare(annual: Ore, part: bigint, whole: bigint): Ore {
  return halfAwayFromZero(annual * part, whole);
}

/** Budget through month m of an annual amount spread by weights: round(A · Σw[1..m] / Σw). */
export function ackByWeights(annual: Ore, weights: Weights, m: number): Ore {
  let total = 0n;
  let upTo = 0n;
  weights.forEach((w, i) => {
    total += w;
    if (i < m) upTo += w;
  });
  return ackByShare(annual, upTo, total);
}

const EVEN: Weights = new Array<bigint>(12).fill(1n);

/** Budget through month m of an annual amount in even twelfths: round(A · m / 12). */
export function ackEven(annual: Ore, m: number): Ore {
  return ackByWeights(annual, EVEN, m);
}

/** The twelve monthly parts (differences of the cumulative amounts), which sum to `annual`. */
export function monthlyParts(annual: Ore, weights: Weights = EVEN): Ore[] {
  const parts: Ore[] = [];
  let previous = 0n;
  for (let m = 1; m <= 12; m++) {
    const ack = ackByWeights(annual, weights, m);
    parts.push(ack - previous);
    previous = ack;
  }
  return parts;
}

/** The periodiseringsnyckel entry for a code: the most specific (longest) prefix that matches, or `*`. */
export function keyFor<T>(keys: ReadonlyMap<string, T>, code: string): T | undefined {
  for (let n = code.length; n >= 1; n--) {
    const hit = keys.get(code.slice(0, n));
    if (hit !== undefined) return hit;
  }
  return keys.get('*');
}
