/**
 * Architecture test: reads every import of src/**\/*.ts (static, type-only, re-exports, dynamic
 * `import('…')` and `import('…').Type`, with TypeScript's own import scanner) and fails on any import cycle
 * between files and on any import against the layer order below (ARCHITECTURE.md explains it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Which layers each layer may import (besides itself). `errors` is src/errors.ts. */
const LAYERS: Record<string, readonly string[] | 'any'> = {
  errors: [],
  core: ['errors'],
  rules: ['core', 'errors'],
  read: ['core', 'rules', 'errors'],
  report: ['core', 'rules', 'errors'],
  i18n: ['report', 'core', 'rules', 'errors'],
  write: ['i18n', 'report', 'core', 'rules', 'errors'],
  app: ['read', 'report', 'core', 'rules', 'errors'],
  cli: 'any',
};

type Graph = Map<string, string[]>;

/** The module specifiers a TypeScript source imports or re-exports (TypeScript's own scanner: comments and strings are skipped). */
const importSpecifiers = (text: string): string[] => ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);

/** The file graph of src/: paths relative to src (`read/index.ts`), relative imports only. */
function srcGraph(root = 'src'): Graph {
  const files = (readdirSync(root, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = importSpecifiers(readFileSync(join(root, file), 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => posix.normalize(posix.join(posix.dirname(file), s)).replace(/\.js$/, '.ts'));
    for (const t of targets)
      if (!t.startsWith('../') && !existsSync(join(root, t))) throw new Error(`${file} imports ${t}, which is not a file`);
    graph.set(file, [...new Set(targets.filter((t) => !t.startsWith('../')))]);
  }
  return graph;
}

const layerOf = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, ''));

/** Every edge against LAYERS, as `from → to`; a file outside every layer is a violation too. */
function layerViolations(graph: Graph, layers = LAYERS): string[] {
  const bad: string[] = [];
  for (const [from, tos] of graph) {
    const allowed = layers[layerOf(from)];
    if (allowed === undefined) bad.push(`${from} is in no layer (add its folder to LAYERS)`);
    for (const to of tos) {
      if (allowed === undefined || allowed === 'any' || layerOf(to) === layerOf(from) || allowed.includes(layerOf(to))) continue;
      bad.push(`${from} → ${to}`);
    }
  }
  return bad.sort();
}

/**
 * Import cycles: for every edge u → v that lies on a cycle, the shortest cycle through it,
 * printed `a → b → … → a` from its smallest file; each distinct cycle once.
 */
function importCycles(graph: Graph): string[] {
  const cycles = new Set<string>();
  for (const [u, tos] of graph) {
    for (const v of tos) {
      // Breadth-first from v until u: the shortest way back, which the edge u → v closes.
      const prev = new Map([[v, v]]);
      for (let queue = [v]; queue.length > 0 && !prev.has(u);) {
        queue = queue.flatMap((n) => (graph.get(n) ?? []).filter((t) => !prev.has(t) && prev.set(t, n)));
      }
      if (!prev.has(u)) continue;
      const ring = [u];
      while (ring[0] !== v) ring.unshift(prev.get(ring[0]!)!);
      const start = ring.indexOf([...ring].sort()[0]!);
      cycles.add([...ring.slice(start), ...ring.slice(0, start), ring[start]].join(' → '));
    }
  }
  return [...cycles].sort();
}

/** Fails listing what was found, one per line. */
function expectNone(found: string[], what: string): void {
  if (found.length > 0) throw new Error([`${found.length} ${what}:`, ...found.map((a) => `  ${a}`)].join('\n'));
}

describe('architecture of src/', () => {
  const graph = srcGraph();

  it('has no import cycle between files (type-only imports included)', () => {
    expectNone(importCycles(graph), 'import cycle(s)');
  });

  it('imports only along the layer order', () => {
    expectNone(layerViolations(graph), 'import(s) against the layer order');
  });
});

describe('the architecture checker itself', () => {
  it('reads every kind of import specifier', () => {
    const text = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "import './c.js';",
      "export { d } from './d.js';",
      "export type * from './e.js';",
      "const f = await import('./f.js');",
      "function g(x: { y: import('./g.js').G }): import('./h.js').H {}",
      "// import x from './comment.js';",
      'const s = "import y from \'./string.js\'";',
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js', './g.js', './h.js']);
  });

  it('fails on a cycle and a backward edge in a small fake graph', () => {
    const fake: Graph = new Map([
      ['core/a.ts', ['core/b.ts']],
      ['core/b.ts', ['rules/c.ts']],
      ['rules/c.ts', ['core/a.ts', 'errors.ts']],
      ['errors.ts', []],
      ['cli/main.ts', ['rules/c.ts', 'core/a.ts']],
      ['extra/x.ts', []],
    ]);
    expect(importCycles(fake)).toEqual(['core/a.ts → core/b.ts → rules/c.ts → core/a.ts']);
    expect(layerViolations(fake)).toEqual(['core/b.ts → rules/c.ts', 'extra/x.ts is in no layer (add its folder to LAYERS)']);
    expect(() => expectNone(importCycles(fake), 'import cycle(s)')).toThrow('1 import cycle(s):\n  core/a.ts → core/b.ts');
    expect(() => expectNone(layerViolations(fake), 'import(s) against the layer order')).toThrow(
      '2 import(s) against the layer order:\n  core/b.ts → rules/c.ts',
    );
    expect(() => expectNone([], 'x')).not.toThrow();
  });
});
