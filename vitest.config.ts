import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The keychain suite needs a Secret Service: `npm run test:keychain` runs it (vitest.keychain.config.ts).
    exclude: [...configDefaults.exclude, 'test/**/*.keychain.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // A stray it.only fails the run instead of quietly running one file's focused tests.
    allowOnly: false,
    hookTimeout: 20_000,
    reporters: ['default', './test/reporters/summary-line.ts'],
    // Compiled with the tests so that a test can stand in for `electron` under the real electron-store.
    server: { deps: { inline: ['electron-store'] } },
  },
});
