/**
 * One temporary folder per test run, under the system's: every test's temporary files go there
 * (`TMPDIR`, which `os.tmpdir()` reads, is set before the workers and the CLI processes they
 * start), and it is removed when the run ends — a run makes tens of thousands of folders
 * (property tests make one per case), which would otherwise pile up in /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'avvikelse-test-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
