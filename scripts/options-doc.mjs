// Rewrites the option tables in README.md from the option schema (src/cli/options.ts), via
// the built dist: `npm run docs:options`. test/options.test.ts fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { withGuideSections, withOptionSections } from '../dist/cli/options-doc.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withOptionSections(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md: option tables up to date' : 'README.md: option tables rewritten');

const guidePath = new URL('../docs/anvandarguide.md', import.meta.url);
const guideBefore = readFileSync(guidePath, 'utf8');
const guideAfter = withGuideSections(guideBefore);
if (guideAfter !== guideBefore) writeFileSync(guidePath, guideAfter);
console.log(
  guideAfter === guideBefore ? 'docs/anvandarguide.md: option tables up to date' : 'docs/anvandarguide.md: option tables rewritten',
);
