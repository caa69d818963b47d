/**
 * The Swedish user guide (docs/anvandarguide.md): every error code of src/errors.ts is
 * explained in its troubleshooting section, its option tables are what the schema generates
 * (`npm run docs:options`), each PowerShell block is the shell block before it with backtick
 * continuations, and the README links to it. Its ```sh examples run in
 * test/readme-examples.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withGuideSections } from '../src/cli/options-doc.js';

const GUIDE = readFileSync('docs/anvandarguide.md', 'utf8');

/** The error codes of the ErrorCode union, read from the source so a new code must be explained. */
const CODES = [...(/export type ErrorCode =([^;]+);/.exec(readFileSync('src/errors.ts', 'utf8'))?.[1] ?? '').matchAll(/'([A-Z_]+)'/g)].map(
  (m) => m[1] as string,
);

/** The fenced blocks of a language, with their text (indentation removed). */
function blocks(text: string, lang: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, 'gm');
  for (const m of text.matchAll(re)) {
    const indent = (m[1] as string).length;
    out.push(
      (m[2] as string)
        .split('\n')
        .map((l) => l.slice(indent))
        .join('\n'),
    );
  }
  return out;
}

describe('docs/anvandarguide.md', () => {
  it('explains every error code in the troubleshooting section', () => {
    expect(CODES.length).toBeGreaterThan(40);
    const troubleshooting = GUIDE.slice(GUIDE.indexOf('## Felsökning'));
    const missing = CODES.filter((code) => !troubleshooting.includes(`**\`${code}\`** — `));
    expect(missing, 'add each to "Felsökning: alla felkoder": what it means, what to do').toEqual([]);
  });

  it('has the option tables the schema generates (npm run docs:options)', () => {
    expect(withGuideSections(GUIDE)).toBe(GUIDE);
  });

  it('shows every multi-line shell command for PowerShell too, with backtick continuations', () => {
    const sh = blocks(GUIDE, 'sh');
    const ps = blocks(GUIDE, 'powershell');
    const multiLine = sh.filter((b) => /\\\n/.test(b));
    expect(multiLine.length).toBeGreaterThan(2);
    for (const b of multiLine) expect(ps, `no PowerShell version of:\n${b}`).toContain(b.replace(/ \\\n/g, ' `\n'));
  });

  it('is linked from the README, which stays the English entry point', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('(docs/anvandarguide.md)');
  });
});
