#!/usr/bin/env node
// Thin launcher: all logic lives in dist/cli (built from src/cli by `npm install`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
