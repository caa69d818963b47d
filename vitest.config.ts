import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Exact amounts (decimal.js) compare by value; see the file.
    setupFiles: ['test/setup.ts'],
    // CLI golden tests spawn a few processes; keep them from timing out on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
