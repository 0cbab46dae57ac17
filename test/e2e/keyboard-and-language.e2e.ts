import { connectWithApiKey, expect, screenshot, test } from './host-kit';

test('keyboard only: paste to add, arrows to move, Enter to inspect, Esc to close, Delete to stop watching', async ({
  page,
  host,
  sim,
}) => {
  await page.goto(host.url);
  await connectWithApiKey(page, sim);
  // The page's own clipboard (the test's Node side has no navigator).
  type PageGlobals = { navigator: { clipboard: { writeText(text: string): Promise<void> } } };
  await page.evaluate(
    (text) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(text),
    'fast-viber-kb-1\nfast-sms-kb-2\nundeliverable-sms-kb-3',
  );
  await page.locator('body').focus();
  await page.keyboard.press('ControlOrMeta+V');
  const dialog = page.getByRole('dialog', { name: 'Add messages' });
  await expect(dialog.getByLabel('Message IDs')).toHaveValue(/fast-viber-kb-1/);
  await expect(dialog.getByLabel('Message IDs')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog.getByRole('status')).toContainText('Added 3 messages.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  const table = page.getByRole('table', { name: 'Watched messages' });
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(table.getByRole('row').nth(2)).toBeFocused();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: /Message details/ });
  await expect(detail.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await table.getByRole('row').nth(2).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByText('2 of 2 shown')).toBeVisible();
});

test('the Ukrainian window, chosen in settings, with dates and numbers in Ukrainian', async ({
  page,
  host,
  sim,
}) => {
  await page.goto(host.url);
  await connectWithApiKey(page, sim);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('uk');
  await expect(page.getByRole('dialog', { name: 'Налаштування' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Додати повідомлення' }).click();
  await page
    .getByLabel('Ідентифікатори повідомлень')
    .fill('fast-viber-uk-1\nfast-fallback-uk-2\nundeliverable-sms-uk-3');
  await page.getByRole('button', { name: 'Додати', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('Додано 3 повідомлення.');
  await page.keyboard.press('Escape');
  const table = page.getByRole('table', { name: 'Відстежувані повідомлення' });
  await expect(table.getByRole('columnheader', { name: 'Статус' })).toBeVisible();
  const totals = page.getByRole('region', { name: 'Підсумки' });
  await expect(totals.getByRole('button', { name: /^Не доставлено/ })).toHaveText(/1$/, { timeout: 40_000 });
  await expect(totals.getByRole('button', { name: /^Доставлено/ })).toHaveText(/2$/);
  await expect(page).toHaveTitle(/не доставлено · Монітор SMSBAT/);
  const toasts = page.getByRole('region', { name: 'Сповіщення' });
  await expect(toasts).toContainText(/[Дд]оставлено/);
  await expect(toasts).not.toContainText(/delivered|failed|undeliverable|changed/i);
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'ukrainian-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'ukrainian-dark');
});
