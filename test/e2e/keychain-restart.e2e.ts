import { connectWithApiKey, expect, startHost, test } from './host-kit';

/*
 * Needs a Secret Service: `npm run test:e2e` runs Playwright inside a throwaway keyring
 * (scripts/with-test-keyring.sh), and the hosts it starts inherit that session.
 */
test('credentials typed in the window survive a restart in the OS keychain, and checks go on with them', async ({
  page,
  sim,
  dataDir,
}) => {
  const first = await startHost(dataDir);
  try {
    await page.goto(first.url);
    await connectWithApiKey(page, sim);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings.getByText('Saved in the system keychain')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.goto('about:blank');
  } finally {
    await first.stop();
  }

  const again = await startHost(dataDir);
  try {
    await page.goto(again.url);
    // No first-run form: the saved credentials are in use at once.
    await expect(page.getByRole('table', { name: 'Watched messages' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Connect to SMSBAT' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Add messages' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add messages' });
    await dialog.getByLabel('Message IDs').fill('fast-sms-keychain-1');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Added 1 message');
    await page.keyboard.press('Escape');
    const totals = page.getByRole('region', { name: 'Totals' });
    await expect(totals.getByRole('button', { name: /^Delivered/ })).toHaveText(/1$/);

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings.getByText('Saved in the system keychain')).toBeVisible();
    await expect(settings.getByLabel('Base URL')).toHaveValue(sim.url);
    await expect(settings.getByLabel('API key header (X-Authorization-Key)')).toBeChecked();
    await expect(settings.getByLabel('API key', { exact: true })).toHaveValue('');
  } finally {
    await again.stop();
  }
});
