import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-options';

/**
 * End-to-end tests: the real window served by the browser host, against the SMSBAT simulator, in Debian's Chromium
 * (Playwright never downloads a browser here). Screenshots land in test-results/screenshots.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // A stray test.only fails the run instead of quietly running one test.
  forbidOnly: true,
  reporter: [['list'], ['./test/reporters/e2e-summary-line.ts']],
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS],
    },
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'off',
    // Screenshots show charts drawn, not mid-animation; the window honours reduced motion.
    reducedMotion: 'reduce',
  },
});
