/**
 * Pinned output files (test/golden/*.txt, test/errors/*.txt): a test compares its output with
 * the checked-in file and fails when the file is missing. Writing them is an explicit step,
 * `npm run golden:update` (UPDATE_GOLDEN=1), after which the diff must be read before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The command that (re)writes every pinned output file. */
export const GOLDEN_UPDATE = 'npm run golden:update';

/**
 * Compares `actual` with the pinned file at `path` (relative to the repository root). With
 * UPDATE_GOLDEN set it writes the file first; without it a missing file fails the test with
 * the command that creates it.
 *
 * @example expectGolden('test/golden/report-md.txt', render(run));
 */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing. Create it with \`${GOLDEN_UPDATE}\`, then read the new file (and git diff) before committing it.`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
