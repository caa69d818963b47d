#!/usr/bin/env node
// Thin launcher. The program is dist/bin/main.js: src/cli bundled into one file by
// `npm run build` (scripts/bundle.mjs), with the parts a run may not need in chunks beside it.
//
// `avvikelse --version` (or -V) alone is answered here, from package.json, without loading the
// program: the same line the program prints. If stdout cannot be written, the program runs
// instead, so that a failed write gets its usual message and exit code.
//
// --debug turns on source maps, so that the stack trace of an internal error names the lines
// of src/*.ts rather than of the bundle (reading the maps costs time, so only then).
//
// Node 22.1+ keeps the compiled code of the program in its on-disk compile cache (in
// NODE_COMPILE_CACHE, else the system temp directory), which shortens every later start;
// older Nodes have no such function, and a cache that cannot be written changes nothing.
import { readFileSync, writeSync } from 'node:fs';
import module from 'node:module';

const args = process.argv.slice(2);

/** Prints the version when that is all that is asked; false when the program must run. */
function versionOnly() {
  if (args.length !== 1 || (args[0] !== '--version' && args[0] !== '-V')) return false;
  try {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    writeSync(1, `${version}\n`);
    return true;
  } catch {
    return false;
  }
}

if (!versionOnly()) {
  if (args.includes('--debug')) process.setSourceMapsEnabled(true);
  try {
    module.enableCompileCache?.();
  } catch {
    // No cache: the program runs the same, only its start is not shortened.
  }
  const { main } = await import('../dist/bin/main.js');
  process.exitCode = await main(args);
}
