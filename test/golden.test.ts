/**
 * Golden CLI tests: each case runs the command in-process on the shipped fixtures and
 * compares exit code, stdout and stderr with a checked-in file in test/golden/. A missing
 * golden fails the test. After a deliberate change (or to create the file of a new case),
 * regenerate with `npm run golden:update` and read the diff before committing it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, GOLDEN_UPDATE } from './golden-file.js';
import { BUDGET, cli, UTFALL } from './helpers.js';

const base = ['report', '--utfall', UTFALL, '--budget', BUDGET];
/** Verksamhetsanalys and Resultat: the ledger plus the asset register's capital costs. */
const analys = [
  'report',
  '--utfall',
  UTFALL,
  'fixtures/kapitaltjanst-2024.csv',
  '--budget',
  BUDGET,
  'fixtures/budget-kapitaltjanst-2024.csv',
];
/** Investeringsredovisning per projekt, in the result perspective as published. */
const investering = [
  'report',
  '--utfall',
  'fixtures/investeringar-2024.csv',
  '--budget',
  'fixtures/investeringsbudget-2024.csv',
  '--by',
  'projekt',
  '--perspective',
  'resultat',
];
/** A full monthly close per 31 augusti: every input of a monthly report. */
const augusti = [
  ...base,
  '--period',
  '2024-08',
  '--fg-ar',
  'fixtures/utfall-2023.csv',
  '--prognos',
  'fixtures/prognos-2024-08.csv',
  '--fg-prognos',
  'fixtures/fg-prognos-2024-07.csv',
  '--kommentarer',
  'fixtures/kommentarer-2024-08.csv',
  '--periodisering',
  'fixtures/periodiseringsnyckel.csv',
  '--sub',
  '51',
];

const CASES: Record<string, { args: string[]; env?: Record<string, string>; tty?: boolean }> = {
  'report-table': { args: [...base, '--sub', '51'] },
  'report-table-en': { args: [...base, '--sub', '51*', '--lang', 'en'] },
  'report-table-colour': { args: [...base], tty: true },
  'report-table-no-color-env': { args: [...base], tty: true, env: { NO_COLOR: '1' } },
  'report-csv': { args: [...base, '--sub', '51', '--format', 'csv'] },
  'report-csv-en': { args: [...base, '--sub', '51', '--format', 'csv', '--csv-dialect', 'en', '--lang', 'en'] },
  'report-json': { args: [...base, '--sub', '51', '--format', 'json'] },
  'report-md': { args: [...base, '--sub', '51', '--format', 'md'] },
  'report-resultat-mnkr': { args: [...base, '--perspective', 'resultat', '--unit', 'mnkr'] },
  'report-kr-half-even': { args: [...base, '--unit', 'kr', '--decimals', '2', '--rounding', 'half-even', '--level', '3'] },
  'report-by-ansvar': { args: [...base, '--by', 'ansvar', '--where', 'konto!=3*'] },
  'report-level3-sublevel': { args: [...base, '--level', '3', '--sub', '5*', '--sub-level', '3', '--format', 'md'] },
  'report-names-file': {
    args: [
      'report',
      '--utfall',
      UTFALL,
      '--budget',
      'test/errors/budget-no-names.csv',
      '--names',
      'fixtures/verksamheter.csv',
      '--sub',
      '92',
    ],
  },
  'report-unnamed-codes': { args: ['report', '--utfall', UTFALL, '--budget', 'test/errors/budget-no-names.csv', '--sub', '92'] },
  'report-signs-reversed': { args: [...base, '--input-sign', 'revenue-positive'] },
  'manad-table': { args: augusti },
  'manad-table-en': { args: [...augusti, '--lang', 'en'] },
  'manad-csv': { args: [...augusti, '--format', 'csv'] },
  'manad-json': { args: [...augusti, '--format', 'json'] },
  'manad-md': { args: [...augusti, '--format', 'md'] },
  'manad-mnkr-resultat': { args: [...augusti, '--unit', 'mnkr', '--perspective', 'resultat', '--sub', '56'] },
  'manad-linjar-procent': {
    args: [
      ...base,
      '--period',
      '2024-06',
      '--prognos-metod',
      'linjar',
      '--columns',
      'budget_helar,utfall_ack,prognos,prognosavvikelse,avvikelse_procent',
    ],
  },
  'analys-resultat-table': {
    args: [...analys, '--analys', '--resultat', '--fg-ar', 'fixtures/utfall-2023.csv', 'fixtures/kapitaltjanst-2023.csv'],
  },
  'analys-resultat-csv': { args: [...analys, '--analys', '--resultat', '--format', 'csv'] },
  'analys-resultat-json': { args: [...analys, '--analys', '--resultat', '--format', 'json'] },
  'analys-resultat-md': { args: [...analys, '--analys', '--resultat', '--format', 'md', '--sub', '51'] },
  'analys-resultat-html': { args: [...analys, '--analys', '--resultat', '--format', 'html', '--lang', 'en'] },
  'delar-analys-resultat-table': {
    args: [
      ...analys,
      '--analys',
      '--resultat',
      '--period',
      '2024-08',
      '--fg-ar',
      'fixtures/utfall-2023.csv',
      'fixtures/kapitaltjanst-2023.csv',
    ],
  },
  'delar-resultat-en-md': {
    args: [...analys, '--resultat', '--period', '2024-08', '--prognos-metod', 'linjar', '--lang', 'en', '--format', 'md'],
  },
  'investering-table': { args: [...investering] },
  'investering-csv': { args: [...investering, '--format', 'csv'] },
  'investering-json': { args: [...investering, '--format', 'json'] },
  'investering-md': { args: [...investering, '--format', 'md'] },
  'investering-html': { args: [...investering, '--format', 'html'] },
  'report-html': { args: [...base, '--sub', '51', '--format', 'html'] },
  'manad-html': { args: [...augusti, '--format', 'html'] },
  // Issue 15: --sort, --top, --min-avvikelse (the rows left out summed into Övriga).
  'sort-top-table': { args: [...base, '--sort', 'avvikelse', '--top', '3', '--sub', '51'] },
  'sort-top-csv': { args: [...base, '--sort', 'avvikelse', '--top', '3', '--format', 'csv'] },
  'sort-top-json': { args: [...base, '--sort', 'avvikelse', '--top', '3', '--format', 'json'] },
  'sort-top-md': { args: [...base, '--sort', 'namn', '--min-avvikelse', '300', '--sub', '51', '--format', 'md'] },
  'sort-top-html': { args: [...base, '--top', '3', '--format', 'html'] },
  'sort-manad-en': { args: [...augusti, '--sort', 'prognosavvikelse', '--top', '2', '--lang', 'en'] },
  // Issue 15: rounding notes: one compact footnote by default; a line per column; none.
  'avrundningsnoter-full-table': { args: [...base, '--sub', '51', '--avrundningsnoter', 'full'] },
  'avrundningsnoter-av-md': { args: [...base, '--sub', '51', '--avrundningsnoter', 'av', '--format', 'md'] },
  'avrundningsnoter-av-html': { args: [...base, '--avrundningsnoter', 'av', '--format', 'html'] },
  // Issue 15: --rubrik and --organisation in every format.
  'rubrik-table': { args: [...base, ...['--rubrik', 'Månadsrapport augusti', '--organisation', 'Sjöviks kommun, socialnämnden']] },
  'rubrik-csv': {
    args: [...base, ...['--rubrik', 'Månadsrapport augusti', '--organisation', 'Sjöviks kommun, socialnämnden'], '--format', 'csv'],
  },
  'rubrik-json': {
    args: [...base, ...['--rubrik', 'Månadsrapport augusti', '--organisation', 'Sjöviks kommun, socialnämnden'], '--format', 'json'],
  },
  'rubrik-md': {
    args: [...base, ...['--rubrik', 'Månadsrapport augusti', '--organisation', 'Sjöviks kommun, socialnämnden'], '--format', 'md'],
  },
  'rubrik-html': {
    args: [
      ...base,
      ...['--rubrik', 'Månadsrapport augusti', '--organisation', 'Sjöviks kommun, socialnämnden'],
      '--format',
      'html',
      '--lang',
      'en',
    ],
  },
  // Issue 15: Förändring against last year, in the driftredovisning and the monthly report.
  'forandring-table': {
    args: [
      ...base,
      '--fg-ar',
      'fixtures/utfall-2023.csv',
      '--columns',
      'utfall,budget,avvikelse,forandring,forandring_procent',
      '--sub',
      '51',
    ],
  },
  'forandring-csv': {
    args: [...base, '--fg-ar', 'fixtures/utfall-2023.csv', '--columns', 'utfall,forandring,forandring_procent', '--format', 'csv'],
  },
  'forandring-json': {
    args: [...base, '--fg-ar', 'fixtures/utfall-2023.csv', '--columns', 'utfall,forandring,forandring_procent', '--format', 'json'],
  },
  'forandring-manad-md': {
    args: [
      ...base,
      '--period',
      '2024-08',
      '--fg-ar',
      'fixtures/utfall-2023.csv',
      '--columns',
      'utfall_ack,utfall_fg_ar,forandring,forandring_procent',
      '--format',
      'md',
    ],
  },
  'forandring-manad-html': {
    args: [
      ...base,
      '--period',
      '2024-08',
      '--fg-ar',
      'fixtures/utfall-2023.csv',
      '--columns',
      'budget_ack,utfall_ack,avvikelse_ack,utfall_fg_ar,forandring,forandring_procent',
      '--format',
      'html',
      '--lang',
      'en',
    ],
  },
  // Issue 15: kontogrupp names from the shipped Kommun-Bas classes.
  'konto-level2-table': { args: [...base, '--by', 'konto', '--level', '2'] },
  'konto-level1-md': { args: [...base, '--by', 'konto', '--level', '1', '--format', 'md'] },
  'konto-level2-json': { args: [...base, '--by', 'konto', '--level', '2', '--format', 'json'] },
  // Issue 15: on a terminal the table fits its width (two-line headings, shortened names); --bred does not.
  'manad-table-tty-100': { args: [...augusti], tty: true, env: { COLUMNS: '100', NO_COLOR: '1' } },
  'manad-table-tty-bred': { args: [...augusti, '--bred'], tty: true, env: { COLUMNS: '100', NO_COLOR: '1' } },
  // Issue 15: the published Verksamhetsanalys layout, two rows per code (--layout rader), with comments.
  'analys-rader-table': { args: [...analys, '--analys', '--layout', 'rader', '--kommentarer', 'fixtures/kommentarer-2024-08.csv'] },
  'analys-rader-csv': { args: [...analys, '--analys', '--layout', 'rader', '--format', 'csv'] },
  'analys-rader-json': { args: [...analys, '--analys', '--layout', 'rader', '--format', 'json'] },
  'analys-rader-md': {
    args: [...analys, '--analys', '--resultat', '--layout', 'rader', '--kommentarer', 'fixtures/kommentarer-2024-08.csv', '--format', 'md'],
  },
  'analys-rader-html': { args: [...analys, '--analys', '--layout', 'rader', '--format', 'html'] },
  'codes-51': { args: ['codes', '51'] },
  'koder-search': { args: ['koder', '--search', 'omsorg'] },
};

function render(run: { code: number; stdout: string; stderr: string }): string {
  return `exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
}

describe('golden CLI output', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const run = await cli(c.args, { env: c.env, tty: c.tty });
      expectGolden(`test/golden/${name}.txt`, render(run));
    });
  }

  it.skipIf(process.env.UPDATE_GOLDEN)('a missing golden fails and names the command that creates it', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'avvikelse-golden-')), 'no-such-case.txt');
    expect(() => expectGolden(missing, 'exit: 0\n')).toThrow(`${missing} is missing. Create it with \`${GOLDEN_UPDATE}\``);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('configuration file', () => {
  it('runs the monthly report from avvikelse.config.json in the working directory, flags winning', async () => {
    const { mkdtempSync, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'avvikelse-config-'));
    write(
      join(dir, 'avvikelse.config.json'),
      JSON.stringify({
        utfall: [resolve(UTFALL)],
        budget: [resolve(BUDGET)],
        sub: ['51'],
        unit: 'mnkr',
        col: { ansvar: 'Ansvar' },
      }),
    );
    const viaConfig = await cli(['report', '--format', 'json'], { cwd: dir });
    expect(viaConfig.code).toBe(0);
    const doc = JSON.parse(viaConfig.stdout);
    expect(doc.unit).toBe('mnkr');
    expect(doc.tables).toHaveLength(2);
    const overridden = JSON.parse((await cli(['report', '--format', 'json', '--unit', 'tkr'], { cwd: dir })).stdout);
    expect(overridden.unit).toBe('tkr');
    expect(overridden.tables[0].summa.utfall).toBe('317436');
  });
});

describe('the installed command', () => {
  it('runs as a separate process through bin/avvikelse.js with the right exit codes', async () => {
    const { spawnSync } = await import('node:child_process');
    const ok = spawnSync(process.execPath, ['bin/avvikelse.js', 'report', '--utfall', UTFALL, '--budget', BUDGET], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Summa');
    expect(ok.stdout).not.toContain('\u001b['); // not a TTY: no colour
    const bad = spawnSync(process.execPath, ['bin/avvikelse.js', 'report', '--utfall', 'test/errors/bad-amount.csv', '--budget', BUDGET], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad-amount.csv:3: kolumn Belopp');
  });

  it('stops quietly when the reader closes the pipe (avvikelse report | head)', async () => {
    const { spawnSync } = await import('node:child_process');
    // `true` exits without reading, so every write meets a closed pipe (EPIPE).
    const piped = spawnSync(
      'sh',
      ['-c', `node bin/avvikelse.js report --utfall ${UTFALL} --budget ${BUDGET} | true; node bin/avvikelse.js --help | true`],
      {
        encoding: 'utf8',
      },
    );
    expect(piped.stderr).toBe('');
  });
});

describe('progress on a terminal', () => {
  it('is shown on stderr only when stderr is a TTY and a read takes more than a second', async () => {
    const { progressReporter } = await import('../src/cli/io.js');
    let err = '';
    const io = { stdout: () => undefined, stderr: (t: string) => (err += t), env: {}, stdoutIsTTY: false, cwd: '.' };
    expect(progressReporter({ ...io, stderrIsTTY: false }, (f, p) => `${f} ${p}`)).toBeUndefined();
    const now = Date.now;
    let clock = 0;
    Date.now = () => clock;
    try {
      const p = progressReporter({ ...io, stderrIsTTY: true }, (f, pct) => `läser ${f}: ${pct} %`)!;
      p.report('u.csv', 10, 100); // within the first second: nothing
      expect(err).toBe('');
      clock = 1500;
      p.report('u.csv', 45, 100);
      expect(err).toBe('\rläser u.csv: 45 %\u001b[K');
      p.clear();
      expect(err.endsWith('\r\u001b[K')).toBe(true);
    } finally {
      Date.now = now;
    }
  });
});
