#!/usr/bin/env node
// Thin launcher: all logic lives in dist/cli (built from src/cli by `npm install`).
// Node 22.1+ keeps the compiled code of the modules below in its on-disk compile cache (in
// NODE_COMPILE_CACHE, else the system temp directory), which shortens every later start;
// older Nodes have no such function, and a cache that cannot be written changes nothing.
import module from 'node:module';

try {
  module.enableCompileCache?.();
} catch {
  // No cache: the program runs the same, only its start is not shortened.
}
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
