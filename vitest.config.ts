import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', './test/reporters/summary-line.ts'],
    // Compiled with the tests so that a test can stand in for `electron` under the real electron-store.
    server: { deps: { inline: ['electron-store'] } },
  },
});
