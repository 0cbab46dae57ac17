import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // A stray it.only fails the run instead of quietly running one file's focused tests.
    allowOnly: false,
    hookTimeout: 20_000,
    reporters: ['default', './test/reporters/summary-line.ts'],
  },
});
