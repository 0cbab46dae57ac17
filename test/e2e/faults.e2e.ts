import { connectWithApiKey, expect, test } from './host-kit';

test('the window tells the user about 500s, 429s and a rejected key, then recovers', async ({
  page,
  host,
  sim,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await connectWithApiKey(page, sim);
  await page.getByRole('button', { name: 'Add messages' }).click();
  const ids = Array.from({ length: 10 }, (_, i) => `stuck-sms-faults-${i}`);
  await page.getByLabel('Message IDs').fill(ids.join('\n'));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('Added 10 messages.');
  await page.keyboard.press('Escape');
  const table = page.getByRole('table', { name: 'Watched messages' });
  await expect(table.getByText('On its way')).toHaveCount(10);
  const engine = page
    .getByRole('status')
    .filter({ has: page.locator('strong') })
    .first();

  await test.step('500s: each message shows the server error in plain words, then clears', async () => {
    sim.simulator.setFaults({ errorRates: { 500: 1 } });
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(table.getByText('SMSBAT had a server error.').first()).toBeVisible();
    sim.simulator.setFaults({});
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await expect(table.getByText('SMSBAT had a server error.')).toHaveCount(0, { timeout: 2000 });
    }).toPass({ timeout: 40_000 });
  });

  await test.step('429s: rate limited until a time, then running again', async () => {
    sim.simulator.setFaults({ rateLimitedRate: 1, retryAfterSeconds: 2 });
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await expect(engine).toContainText('Rate limited until', { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    sim.simulator.setFaults({});
    await expect(engine).not.toContainText('Rate limited', { timeout: 40_000 });
  });

  await test.step('401: credentials rejected with a button that fixes it', async () => {
    sim.simulator.setFaults({ rejectAllAuth: true });
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await expect(engine).toContainText('Credentials rejected', { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await expect(page).toHaveTitle('Credentials rejected · SMSBAT Monitor');
    sim.simulator.setFaults({});
    await page.getByRole('button', { name: 'Update credentials' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Base URL').fill(sim.url);
    await settings.getByLabel('API key', { exact: true }).fill(sim.simulator.credentials.apiKey);
    await settings.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(settings.getByRole('alert')).toContainText('Connected as');
    await page.keyboard.press('Escape');
    await expect(engine).not.toContainText('Credentials rejected');
    await expect(page).toHaveTitle('10 watching · SMSBAT Monitor');
  });
});
