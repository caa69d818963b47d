/**
 * The node-value rule (src/rules/subtree.ts) against a declarative oracle: a node shows in the
 * one row that holds all of its codes, never split; the Summa counts each node wholly inside
 * the table once and is unknown when a node lies partly outside it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePattern } from '../../src/core/codes.js';
import { ore, ZERO, type Ore } from '../../src/core/money.js';
import { rowKey, subTableKey } from '../../src/rules/rollup.js';
import { covered, placeNodes, type NodeInput } from '../../src/rules/subtree.js';

/** The rule as stated, per row and for the Summa. */
function oracle(input: NodeInput): { rows: Map<string, Ore | null>; summa: Ore | null } {
  const { nodes, codes, keyOf, replaces, computed } = input;
  const keysOf = (node: string) => new Set(covered(node, codes).map(keyOf));
  const isCovered = (c: string) => [...nodes.keys()].some((n) => c.startsWith(n));
  const rows = new Map<string, Ore | null>();
  for (const key of new Set(codes.map(keyOf).filter((k): k is string => k !== null))) {
    const touching = [...nodes].filter(([n]) => keysOf(n).has(key));
    const whole = touching.filter(([n]) => keysOf(n).size === 1);
    if (whole.length < touching.length || (!replaces && whole.length === 0)) rows.set(key, null);
    else {
      const own = replaces ? codes.filter((c) => keyOf(c) === key && !isCovered(c)).reduce((a, c) => a.plus(computed(c)), ZERO) : ZERO;
      rows.set(key, whole.reduce((a, [, v]) => a.plus(v), ZERO).plus(own));
    }
  }
  const inTable = [...nodes].filter(([n]) => [...keysOf(n)].some((k) => k !== null));
  const partlyOutside = inTable.some(([n]) => keysOf(n).has(null));
  if (partlyOutside || (!replaces && [...rows.values()].some((v) => v === null))) return { rows, summa: null };
  const own = replaces ? codes.filter((c) => keyOf(c) !== null && !isCovered(c)).reduce((a, c) => a.plus(computed(c)), ZERO) : ZERO;
  return { rows, summa: inTable.reduce((a, [, v]) => a.plus(v), ZERO).plus(own) };
}

const codes = fc.uniqueArray(fc.stringMatching(/^[1-5][0-9]{0,3}$/), { maxLength: 12 });
const nodes = fc
  .array(fc.tuple(fc.stringMatching(/^[1-5][0-9]{0,2}$/), fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).map(ore)), { maxLength: 4 })
  .map((e) => new Map(e));
const level = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
const keyOf = fc.oneof(
  level.map((l) => rowKey(l)),
  fc.tuple(fc.constantFrom('5', '51', '1?'), level).map(([glob, l]) => subTableKey(codePattern(glob), l)),
);
const computed = (c: string): Ore => ore(BigInt(c) * 7n);

describe('node values', () => {
  it('a whole cannot be split: its codes show nothing, the Summa shows the whole', () => {
    const placed = placeNodes({
      nodes: new Map([['56', ore(900n)]]),
      codes: ['5601', '5602'],
      keyOf: (c) => c,
      replaces: true,
      computed: () => ore(0n),
    });
    expect(placed).toEqual({
      rows: new Map([
        ['5601', null],
        ['5602', null],
      ]),
      summa: 900n,
    });
    // Rolled up to 56, the row holds the whole node.
    expect(
      placeNodes({
        nodes: new Map([['56', ore(900n)]]),
        codes: ['5601', '5602', '5101'],
        keyOf: rowKey(2),
        replaces: true,
        computed: () => ore(5n),
      }),
    ).toEqual({
      rows: new Map([
        ['56', 900n],
        ['51', 5n],
      ]),
      summa: 905n,
    });
  });

  it('follow the rule for any codes, nodes, roll-up and sub-table, replacing or not', () => {
    fc.assert(
      fc.property(codes, nodes, keyOf, fc.boolean(), (cs, ns, key, replaces) => {
        const input: NodeInput = { nodes: ns, codes: cs, keyOf: key, replaces, computed };
        expect(placeNodes(input)).toEqual(oracle(input));
      }),
      { numRuns: 500 },
    );
  });

  it('a Summa that is known and whose rows are all known is their sum: each node counted once', () => {
    fc.assert(
      fc.property(codes, nodes, keyOf, (cs, ns, key) => {
        const { rows, summa } = placeNodes({ nodes: ns, codes: cs, keyOf: key, replaces: true, computed });
        const values = [...rows.values()];
        fc.pre(summa !== null && values.every((v) => v !== null));
        expect(summa).toEqual(values.reduce((a, v) => a.plus(v), ZERO));
      }),
      { numRuns: 500 },
    );
  });
});
