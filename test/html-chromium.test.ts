/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium`, installed by
 * .ci/run) loads it without console errors, page errors or any network request, and every
 * chart has one bar per table row. One browser for all cases, to keep it fast. Outside CI a
 * machine without Chromium skips this file (CI fails instead). One case carries hostile names
 * and comments (test/payloads.ts: `<script>`, `<img onerror>`, terminal escapes, formulas):
 * they show as text, nothing runs (no dialog, no error), nothing is fetched.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';
import { payloadInputs } from './payloads.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}; .ci/run installs it`);

const F = 'fixtures';
const P = payloadInputs();
/** The case whose names and comments are PAYLOADS. */
const HOSTILE = 'injection.html';
const CASES: [string, string[]][] = [
  ['drift.html', ['--utfall', UTFALL, '--budget', BUDGET, '--sub', '51']],
  [
    'manad.html',
    [
      '--utfall',
      UTFALL,
      '--budget',
      BUDGET,
      '--period',
      '2024-08',
      '--kommentarer',
      `${F}/kommentarer-2024-08.csv`,
      '--sub',
      '56',
      '--prognos',
      `${F}/prognos-2024-08.csv`,
    ],
  ],
  [
    'analys.html',
    ['--utfall', UTFALL, `${F}/kapitaltjanst-2024.csv`, '--budget', BUDGET, `${F}/budget-kapitaltjanst-2024.csv`, '--analys', '--resultat'],
  ],
  [
    'investering.html',
    [
      '--utfall',
      `${F}/investeringar-2024.csv`,
      '--budget',
      `${F}/investeringsbudget-2024.csv`,
      '--by',
      'projekt',
      '--perspective',
      'resultat',
      '--lang',
      'en',
    ],
  ],
  [HOSTILE, ['--utfall', P.utfall, '--budget', P.budget, '--names', P.names, '--period', '2024-08', '--kommentarer', P.comments]],
];

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-html-'));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, args] of CASES) {
    it(`${name} loads cleanly and draws one bar per row`, async () => {
      const out = join(dir, name);
      const run = await cli(['report', ...args, '--out', out]);
      expect(run.code).toBe(0);
      const html = readFileSync(out, 'utf8');
      // The hostile names hold a URL as text; every other case has none at all.
      expect(html).not.toMatch(
        name === HOSTILE ? /<script|<img|<link|@import|url\(|href=/ : /<script|<link|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/,
      );

      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
      const counts = await page.$$eval('section.report-table', (sections) =>
        sections.map((s) => ({ rows: s.querySelectorAll('tbody tr').length, bars: s.querySelectorAll('svg rect.bar').length })),
      );
      const elements = await page.$$eval('script, img, iframe, object, embed, a[href]', (found) => found.length);
      const text = await page.$eval('body', (b) => (b as unknown as { innerText: string }).innerText);
      await page.close();
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(out).href]);
      expect(counts.length).toBeGreaterThan(0);
      for (const c of counts) expect(c.bars).toBe(c.rows);
      expect(elements).toBe(0);
      // The names are shown as the text they are.
      if (name === HOSTILE) expect(text).toContain('<script>alert(1)</script><img src=x onerror=alert(2)>');
    });
  }
});
