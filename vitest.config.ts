import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Exact amounts (decimal.js) compare by value; see the file.
    setupFiles: ['test/setup.ts'],
    // Temporary files of a run in one folder, removed at its end (see the file).
    globalSetup: ['test/global-setup.ts'],
    // CLI golden tests spawn a few processes; keep them from timing out on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
