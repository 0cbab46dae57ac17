import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startHost, test } from './host-kit';

test('the window keeps its token for the tab, says when the monitor is gone, and asks for the new address after a restart', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Connect to SMSBAT' })).toBeVisible();
  // The token is wiped from the address bar at once, and a reload still connects.
  expect(page.url()).not.toContain('token');
  await page.reload();
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByRole('table', { name: 'Watched messages' })).toBeVisible();

  const port = Number(new URL(host.url).port);
  await host.stop();
  await expect(page.getByText('Lost the connection to the monitor')).toBeVisible({ timeout: 10_000 });

  const dataDir = mkdtempSync(join(tmpdir(), 'smsbat-e2e-restart-'));
  const again = await startHost(dataDir, port);
  try {
    expect(again.url).not.toBe(host.url);
    await expect(page.getByText('This tab no longer has access to the monitor')).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText(/open the address it printed in the terminal/)).toBeVisible();
    // Opening the new address in the same tab changes only its fragment: the window takes the new token.
    await page.goto(again.url);
    await expect(page.getByRole('heading', { name: 'Connect to SMSBAT' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('This tab no longer has access to the monitor')).toHaveCount(0);
    expect(page.url()).not.toContain('token');
  } finally {
    await again.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a cookie another server on 127.0.0.1 planted changes nothing: the window still opens and connects', async ({
  page,
  host,
}) => {
  const port = new URL(host.url).port;
  await page.context().addCookies([
    { name: `smsbat_monitor_${port}`, value: 'planted', domain: '127.0.0.1', path: '/' },
    { name: 'smsbat_monitor', value: 'planted', domain: '127.0.0.1', path: '/' },
  ]);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Connect to SMSBAT' })).toBeVisible();
  await expect(page.getByText('This tab no longer has access to the monitor')).toHaveCount(0);
});
