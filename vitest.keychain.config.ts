import { defineConfig } from 'vitest/config';

/**
 * The keychain suite against a real Secret Service: run it through `scripts/with-test-keyring.sh`
 * (`npm run test:keychain`). Its files end in `.keychain.test.ts`; the everyday run (vitest.config.ts) leaves them
 * out.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.keychain.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', './test/reporters/summary-line.ts'],
  },
});
