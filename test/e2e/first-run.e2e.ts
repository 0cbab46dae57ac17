import { connectWithApiKey, expect, screenshot, test } from './host-kit';

test('first run offers connect or demo, and the demo badges the whole app until connecting', async ({
  page,
  host,
  sim,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Connect to SMSBAT' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Try the demo' })).toBeVisible();
  // The hosts run inside a test keyring (npm run test:e2e): a keychain answers, so nothing warns of forgetting.
  await expect(page.getByText('credentials will be forgotten when the monitor restarts')).toHaveCount(0);
  await screenshot(page, 'first-run-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'first-run-dark');

  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Watched messages' })).toBeVisible();
  const totals = page.getByRole('region', { name: 'Totals' });
  await expect(totals.getByRole('button', { name: /Delivered/ })).toContainText(/[1-9]/);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Base URL').fill(sim.url);
  await settings.getByLabel('API key', { exact: true }).fill(sim.simulator.credentials.apiKey);
  await settings.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(settings.getByRole('alert')).toContainText('Connected as API key ending');
  await page.keyboard.press('Escape');
  await expect(page.getByText('DEMO', { exact: true })).toHaveCount(0);
});

test('Test connection works with each auth method and gives the exact reason for a wrong key', async ({
  page,
  host,
  sim,
}) => {
  await page.goto(host.url);
  const { apiKey, username, password } = sim.simulator.credentials;
  await page.getByLabel('Base URL').fill(sim.url);
  const test = page.getByRole('button', { name: 'Test connection' });
  const result = page.getByRole('alert');

  await page.getByLabel('API key header (X-Authorization-Key)').check();
  await page.getByLabel('API key', { exact: true }).fill(apiKey);
  await test.click();
  await expect(result).toContainText(`Connection works: signed in as API key ending ${apiKey.slice(-4)}`);

  await page.getByLabel('API key as password (@ + key)').check();
  await page.getByLabel('API key', { exact: true }).fill(apiKey);
  await test.click();
  await expect(result).toContainText('Connection works');

  await page.getByLabel('User name and password').check();
  await page.getByLabel('User name', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await test.click();
  await expect(result).toContainText(`Connection works: signed in as user ${username}`);

  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await test.click();
  await expect(result).toContainText('Connection failed:');
  await expect(result).toContainText(/401|rejected|credentials/i);

  await page.getByLabel('API key header (X-Authorization-Key)').check();
  await page.getByLabel('API key', { exact: true }).fill('wrong-key-1234');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(result).toContainText(/401|rejected|credentials/i);

  await connectWithApiKey(page, sim);
  await expect(page.getByRole('status').filter({ hasText: /Idle|Running/ })).toBeVisible();
});
