import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startSimulator } from '../../electron/core/simulator';
import type { RunningSimulator } from '../../electron/core/simulator';

const ROOT = join(import.meta.dirname, '..', '..');

/** A browser host started for one test: its address (with the run's token), and how to stop it. */
export interface RunningHost {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts `start:browser` on a free loopback port (or `port`) with the given data directory and no credentials in
 * the env. Its address carries the run's token in the fragment (`#token=`), which the window takes and keeps.
 */
export async function startHost(dataDir: string, port?: number): Promise<RunningHost> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SMSBAT_')));
  const portArgs = port === undefined ? [] : ['--port', String(port)];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start-browser.ts', '--no-open', '--data-dir', dataDir, ...portArgs],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The browser host did not start: ${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser host exited (${String(code)}): ${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        // A host that has not finished within a grace period is stopped hard, so a slow shutdown cannot stall the run.
        const hard = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.once('exit', () => {
          clearTimeout(hard);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** What every end-to-end test gets: a fresh data directory, a simulator in fast time, and a host on both. */
export const test = base.extend<{ dataDir: string; sim: RunningSimulator; host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'smsbat-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern -- as above.
  sim: async ({}, use) => {
    const sim = await startSimulator({ timeScale: 0.05, seed: 7 });
    await use(sim);
    await sim.close();
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(dataDir);
    await use(host);
    await host.stop();
  },
});

export { expect };

/** Saves a screenshot of the page as a test artefact under test-results/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', `${name}.png`) });
}

/** Connects the window to the simulator with the API key header method through the first-run form. */
export async function connectWithApiKey(page: Page, sim: RunningSimulator): Promise<void> {
  await page.getByLabel('Base URL').fill(sim.url);
  await page.getByLabel('API key header (X-Authorization-Key)').check();
  await page.getByLabel('API key', { exact: true }).fill(sim.simulator.credentials.apiKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Watched messages' })).toBeVisible();
}
