#!/usr/bin/env node
// `npm run build`'s second step: bundles the CLI from src/ into dist/bin/ with Rolldown, so
// that a start loads a few files instead of about a hundred modules.
//   dist/bin/main.js    the program: src/cli/main.ts and everything a report on CSV files needs
//   dist/bin/worker.js  the fast path's second thread (src/read/csv/fast/worker.ts), which
//                       parallel.ts starts as `new URL('./worker.js', import.meta.url)`
//   dist/bin/*-[hash].js  the code the two entries share (the fast path's scanner, amounts,
//                       decimal.js), and chunks loaded on first use: verify (cli/verify.ts and
//                       its checks), init, the .xlsx and SIE readers (through the source
//                       registry, read/registry.ts), each writer but JSON, csv-parse.
// `preserveEntrySignatures: 'allow-extension'` lets Rolldown put a module that main.js and a
// lazy chunk share into main.js (which exports it to the chunk), instead of into a chunk of
// its own that every start would load as one more file. test/startup.test.ts checks, from the
// source maps, which src/ files a CSV report, --help, a workbook, a SIE file and verify load.
// dist/bin/ is two folders deep, as dist/cli/ is, so the paths the code reads beside itself
// (`../../package.json`, `../../data/…`) stay the same. iconv-lite and fflate stay outside the
// bundle: src/read/lazy.ts requires them synchronously, on first use, from node_modules.
// Each file has a source map (--debug turns them on; see bin/avvikelse.js).
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * commander requires node:child_process when it loads, for subcommands that are separate
 * executables (`childProcess.spawn`), which avvikelse does not have; loading it costs about
 * 3 ms of every start. This plugin has commander require it on first use instead. If
 * commander's line changes, the build fails here rather than quietly keeping the cost.
 */
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  transform: {
    filter: { id: /commander[\\/]lib[\\/]command\.js$/ },
    handler(code, id) {
      const line = "const childProcess = require('node:child_process');";
      if (!code.includes(line)) throw new Error(`${id}: no "${line}" to make lazy (has commander changed?)`);
      // Same line, same place: the source map stays right (`map: null` says the code did not move).
      return {
        code: code.replace(line, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"),
        map: null,
      };
    },
  },
};
const out = join(root, 'dist/bin');
await rm(out, { recursive: true, force: true });
await build({
  cwd: root,
  input: { main: 'src/cli/main.ts', worker: 'src/read/csv/fast/worker.ts' },
  platform: 'node',
  preserveEntrySignatures: 'allow-extension',
  external: [/^node:/, 'iconv-lite', 'fflate'],
  plugins: [lazyChildProcess],
  logLevel: 'warn',
  // json.ts is also imported statically (by write/verify.ts), so it stays in the main file: expected.
  onLog(level, log, handler) {
    if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
  },
  output: {
    dir: out,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
});
