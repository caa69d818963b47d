/** `--help` speaks the user's language: Swedish by default, commander's English with `--lang en`. */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

/** Every help page: the program's and each command's, by flag and by `help <command>`. */
const PAGES: string[][] = [
  ['--help'],
  [],
  ['help'],
  ['report', '--help'],
  ['rapport', '-h'],
  ['verify', '--help'],
  ['codes', '--help'],
  ['help', 'koder'],
  ['init', '--help'],
];

/** Commander's own English words, which a Swedish page must not show. */
const ENGLISH = [
  'Usage:',
  'Options:',
  'Commands:',
  'Arguments:',
  'display help',
  'output the version',
  '[options]',
  '[command]',
  'default:',
  'choices:',
];

describe('--help', () => {
  for (const args of PAGES) {
    it(`is Swedish by default: avvikelse ${args.join(' ')}`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(args.length === 0 ? 2 : 0);
      expect(r.stdout).toMatch(/^Användning: avvikelse/);
      expect(r.stdout).toContain('Flaggor:');
      expect(r.stdout).toContain('visa hjälp för kommandot');
      for (const word of ENGLISH) expect(r.stdout, word).not.toContain(word);
    });
    it(`is English with --lang en: avvikelse ${args.join(' ')}`, async () => {
      const r = await cli([...args, '--lang', 'en']);
      // Without a command, commander writes the page to stderr.
      const page = r.stdout + r.stderr;
      expect(page).toMatch(/^Usage: avvikelse/);
      expect(page).toContain('Options:');
      expect(page).toContain('display help for command');
      expect(page).not.toMatch(/Användning|Flaggor|Kommandon|visa hjälp/);
    });
  }

  it('lists the commands under Swedish headings, with the help command in Swedish', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toContain('Kommandon:');
    expect(r.stdout).toMatch(/report\|rapport \[flaggor\]/);
    expect(r.stdout).toMatch(/help \[kommando\] +visa hjälp för ett kommando/);
    expect(r.stdout).toMatch(/-V, --version +visa versionsnumret/);
    const en = await cli(['--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/help \[command\] +display help for command/);
    expect(en.stdout).toMatch(/-V, --version +output the version number/);
  });

  it('writes the placeholders in English with --lang en, and keeps the Swedish ones by default', async () => {
    const en = (await cli(['rapport', '--help', '--lang', 'en'])).stdout;
    expect(en).toMatch(/--utfall <files\.\.\.>/);
    expect(en).toMatch(/--col <role=header>/);
    expect(en).toMatch(/--period <YYYY-MM>/);
    expect(en).not.toMatch(/<(fil|filer\.\.\.|roll=rubrik|mönster|villkor|ÅÅÅÅ-MM)>/);
    const verify = (await cli(['verify', '--help', '--lang', 'en'])).stdout;
    expect(verify).toMatch(/^Usage: avvikelse verify\|kontroll \[options\] <tables\.\.\.>/);
    expect(verify).toMatch(/Arguments:\n {2}tables /);
    const sv = (await cli(['rapport', '--help'])).stdout;
    expect(sv).toMatch(/--utfall <filer\.\.\.>/);
    expect(sv).toMatch(/--period <ÅÅÅÅ-MM>/);
  });

  it('shows a command argument under "Argument:"', async () => {
    expect((await cli(['koder', '--help'])).stdout).toMatch(/Argument:\n {2}prefix/);
    expect((await cli(['codes', '--help', '--lang', 'en'])).stdout).toMatch(/Arguments:\n {2}prefix/);
  });

  it("gives usage errors in the chosen language, never commander's English", async () => {
    for (const args of [['rapport', '--utfal', 'x'], ['rapport', '--utfall'], ['kontroll'], ['koder', '1', '2'], ['rapporter']]) {
      const sv = await cli(args);
      expect(sv.code).toBe(2);
      expect(sv.stderr).toMatch(/^avvikelse: fel: /);
      expect(sv.stderr.replace(/\[[A-Z_]+\]/, '')).not.toMatch(/error:|unknown|missing|too many/i);
      const en = await cli([...args, '--lang', 'en']);
      expect(en.code).toBe(2);
      expect(en.stderr).toMatch(/^avvikelse: error: /);
    }
  });
});
