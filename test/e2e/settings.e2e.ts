import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { makeReadOnly, makeWritable } from '../electron/host/read-only-dir';
import { connectWithApiKey, expect, screenshot, test } from './host-kit';

/** The page's colour scheme and background as the person sees them. */
async function appearance(page: Page): Promise<{ scheme: string; background: string; theme: string }> {
  // A string: the test's code is compiled without the DOM library.
  return page.evaluate(`({
    scheme: getComputedStyle(document.documentElement).colorScheme,
    background: getComputedStyle(document.body).backgroundColor,
    theme: document.documentElement.dataset.theme ?? '',
  })`);
}

/** Light and dark backgrounds of the window (app.css `--bg`). */
const LIGHT_BACKGROUND = 'rgb(246, 247, 249)';
const DARK_BACKGROUND = 'rgb(16, 19, 25)';

/** Starts keeping every text the window's in-window notifications show, so a toast that came and went is still seen. */
async function recordToasts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    const seen = (globalThis.__toastTexts = []);
    const record = () => {
      const text = document.querySelector('.toasts')?.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  return () => page.evaluate('globalThis.__toastTexts');
}

/** Clicks a radio button the host's answer checks (the window shows saved preferences), and waits for it. */
async function choose(radio: Locator): Promise<void> {
  await radio.click();
  await expect(radio).toBeChecked();
}

test('settings take effect as a person notices them: theme, language, notifications, the first retry and the watch window', async ({
  page,
  host,
  sim,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);
  await connectWithApiKey(page, sim);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });

  await test.step('theme: dark and light override the OS, system follows it', async () => {
    expect(await appearance(page)).toMatchObject({ background: LIGHT_BACKGROUND });
    await choose(settings.getByRole('radio', { name: 'Dark' }));
    await expect
      .poll(() => appearance(page))
      .toEqual({
        scheme: 'dark',
        background: DARK_BACKGROUND,
        theme: 'dark',
      });
    await screenshot(page, 'settings-dark');
    await page.emulateMedia({ colorScheme: 'dark' });
    await choose(settings.getByRole('radio', { name: 'Light' }));
    await expect
      .poll(() => appearance(page))
      .toEqual({
        scheme: 'light',
        background: LIGHT_BACKGROUND,
        theme: 'light',
      });
    await choose(settings.getByRole('radio', { name: 'System' }));
    await expect.poll(() => appearance(page)).toMatchObject({ background: DARK_BACKGROUND, theme: 'system' });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect
      .poll(() => appearance(page))
      .toMatchObject({ background: LIGHT_BACKGROUND, theme: 'system' });
  });

  await test.step('language: Ukrainian and back to English', async () => {
    await settings.getByLabel('Language').selectOption('uk');
    const ukSettings = page.getByRole('dialog', { name: 'Налаштування' });
    await expect(ukSettings.getByRole('radio', { name: 'Темна' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('button', { name: 'Додати повідомлення' })).toBeVisible();
    await ukSettings.getByLabel('Мова').selectOption('en');
    await expect(settings.getByRole('radio', { name: 'Dark' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Add messages' })).toBeVisible();
  });

  await test.step('the first retry setting: an id SMSBAT does not know yet is tried again that much later', async () => {
    await settings.getByLabel('First retry after an error (seconds)').fill('60');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings.getByText('Saved.', { exact: true })).toBeVisible();
  });

  const readToasts = await recordToasts(page);
  await test.step('notifications: with "Delivered" off, a delivery makes no notification', async () => {
    const delivered = settings.getByRole('checkbox', { name: 'Delivered' });
    await delivered.click();
    await expect(delivered).not.toBeChecked();
    await expect(settings.getByRole('checkbox', { name: 'Failed' })).toBeChecked();
    await settings.getByRole('button', { name: 'Close settings' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  const add = async (ids: readonly string[]) => {
    await page.getByRole('button', { name: 'Add messages' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add messages' });
    await dialog.getByLabel('Message IDs').fill(ids.join('\n'));
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(`Added ${ids.length} message`);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  };
  const totals = page.getByRole('region', { name: 'Totals' });
  const toasts = page.getByRole('region', { name: 'Notifications' });
  const table = page.getByRole('table', { name: 'Watched messages' });

  await add(['fast-sms-quiet-1', 'undeliverable-sms-loud-2', 'missing-later-3']);
  await expect(totals.getByRole('button', { name: /^Delivered/ })).toHaveText(/1$/);
  await expect(totals.getByRole('button', { name: /^Failed/ })).toHaveText(/1$/);
  await expect(toasts).toContainText('undeliverable-sms-loud-2');

  await test.step('the id SMSBAT does not know is checked again after about a minute, not 5 seconds', async () => {
    const row = table.getByRole('row').filter({ hasText: 'missing-later-3' });
    await expect(row.locator('.cell--error')).not.toBeEmpty();
    // 60 s with the scheduler's ±10 % jitter, counted down from the moment the answer came.
    await expect(row.locator('.cell--nextCheck')).toHaveText(/^next in ([56]\d seconds|1 minute)$/);
  });

  await test.step('with "Delivered" on again, the next delivery is notified', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await settings.getByRole('checkbox', { name: 'Delivered' }).click();
    await expect(settings.getByRole('checkbox', { name: 'Delivered' })).toBeChecked();
    await settings.getByRole('button', { name: 'Close settings' }).click();
    await add(['fast-sms-loud-4']);
    await expect(toasts).toContainText('fast-sms-loud-4');
    await expect(totals.getByRole('button', { name: /^Delivered/ })).toHaveText(/2$/);
    const shown = await readToasts();
    expect(shown.join('\n')).toContain('undeliverable-sms-loud-2');
    expect(shown.join('\n')).not.toContain('fast-sms-quiet-1');
  });

  await test.step('the watch window: a message watched for longer is given up', async () => {
    // A message that has been on its way for two hours, brought in from an export (no waiting for hours).
    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    const file = test.info().outputPath('two-hours-old.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'smsbat-monitor-export',
        version: 1,
        messages: [
          {
            id: 'stuck-sms-old-5',
            label: null,
            phase: 'watching',
            snapshot: null,
            history: [],
            addedAt: twoHoursAgo,
            lastCheckedAt: null,
            lastChangedAt: null,
            deadlineAt: null,
            overdue: false,
            lastError: null,
            acknowledged: false,
          },
        ],
      }),
    );
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import JSON' }).click(),
    ]);
    await chooser.setFiles(file);
    const row = table.getByRole('row').filter({ hasText: 'stuck-sms-old-5' });
    await expect(row.locator('.cell--status')).toHaveText('On its way');
    await page.getByRole('button', { name: 'Settings' }).click();
    await settings.getByLabel('Watch window (hours)').fill('1');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings.getByText('Saved.', { exact: true })).toBeVisible();
    await settings.getByRole('button', { name: 'Close settings' }).click();
    await expect(row.locator('.cell--status')).toHaveText('Gave up');
    await expect(totals.getByRole('button', { name: /^Gave up/ })).toHaveText(/1$/);
  });
});

test('a setting that could not be saved is not shown as chosen, and the window says why and what to do', async ({
  page,
  host,
  sim,
  dataDir,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);
  await connectWithApiKey(page, sim);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('radio', { name: 'System' })).toBeChecked();
  await makeReadOnly(dataDir);
  // The toasts' region (the settings dialog has a "Notifications" section too).
  const toasts = page.locator('.toasts');
  try {
    await settings.getByRole('radio', { name: 'Dark' }).click();
    await expect(toasts).toContainText('Could not save the settings: the folder is read-only');
    await expect(toasts).toContainText('Make the folder writable');
    await expect(settings.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(await appearance(page)).toMatchObject({ background: LIGHT_BACKGROUND, theme: 'system' });
    await screenshot(page, 'settings-not-saved');
  } finally {
    await makeWritable(dataDir);
  }
  await choose(settings.getByRole('radio', { name: 'Dark' }));
  await expect.poll(() => appearance(page)).toMatchObject({ background: DARK_BACKGROUND, theme: 'dark' });
});
