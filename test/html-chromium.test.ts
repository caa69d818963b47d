/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium`, installed by
 * .ci/run) loads it without console errors, page errors or any network request, and every
 * chart has one bar per table row. One browser for all cases, to keep it fast. Outside CI a
 * machine without Chromium skips this file (CI fails instead).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, cli, UTFALL } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}; .ci/run installs it`);

const F = 'fixtures';
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
      expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);

      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
      const counts = await page.$$eval('section.report-table', (sections) =>
        sections.map((s) => ({ rows: s.querySelectorAll('tbody tr').length, bars: s.querySelectorAll('svg rect.bar').length })),
      );
      await page.close();
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(out).href]);
      expect(counts.length).toBeGreaterThan(0);
      for (const c of counts) expect(c.bars).toBe(c.rows);
    });
  }
});
