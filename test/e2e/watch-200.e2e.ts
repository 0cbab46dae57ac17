import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectWithApiKey, expect, screenshot, startHost, test } from './host-kit';

/** 200 ids whose outcome the simulator decides from their prefixes: fast deliveries, fallbacks and failures. */
const IDS = [
  ...Array.from({ length: 140 }, (_, i) => `fast-sms-e2e-${i}`),
  ...Array.from({ length: 30 }, (_, i) => `fast-fallback-e2e-${i}`),
  ...Array.from({ length: 30 }, (_, i) => `undeliverable-sms-e2e-${i}`),
];

/** What a JSON export holds (the parts these checks read). */
interface ExportFile {
  readonly messages: readonly { readonly id: string; readonly deadlineAt: number | null }[];
}

/** Clicks a download button and returns the saved file's text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('200 pasted ids reach their final states with totals equal to the simulator, and survive a restart', async ({
  page,
  host,
  sim,
  dataDir,
}) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);
  await connectWithApiKey(page, sim);

  await test.step('settings take effect: a faster first check and a higher rate cap', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Rate cap (requests per second, at most 50)').fill('40');
    await settings.getByLabel('First retry after an error (seconds)').fill('1');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings.getByText('Saved.', { exact: true })).toBeVisible();
    await screenshot(page, 'settings-light');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByText(/of 40\/s/)).toBeVisible();
  });

  await test.step('paste 200 ids with a label and read the report', async () => {
    await page.getByRole('button', { name: 'Add messages' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add messages' });
    await dialog.getByLabel('Message IDs').fill([...IDS, IDS[0], 'not/an-id'].join('\n'));
    await expect(dialog.getByText('200 IDs found · 1 repeated · 1 not an ID')).toBeVisible();
    await dialog.getByLabel('Label (campaign, order batch)').fill('E2E batch');
    await dialog.getByLabel('Expect delivery within').selectOption({ label: '15 minutes' });
    await screenshot(page, 'add-dialog-light');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    const report = dialog.getByRole('status');
    await expect(report).toContainText('Added 200 messages.');
    await expect(report).toContainText('Skipped 1 repeated in the paste.');
    await expect(report).toContainText('not/an-id');
    await page.keyboard.press('Escape');
  });

  const truth = { delivered: 0, failed: 0 };
  for (const id of IDS) {
    const category = sim.simulator.timeline(id).category;
    if (category === 'delivered-fast' || category === 'delivered-late') truth.delivered += 1;
    else truth.failed += 1;
  }
  const totals = page.getByRole('region', { name: 'Totals' });

  await test.step('every message reaches its final state; totals equal the simulator truth', async () => {
    await expect(totals.getByRole('button', { name: /^Delivered/ })).toHaveText(
      new RegExp(`${truth.delivered}$`),
      {
        timeout: 90_000,
      },
    );
    await expect(totals.getByRole('button', { name: /^Failed/ })).toHaveText(new RegExp(`${truth.failed}$`));
    await expect(totals.getByRole('button', { name: /^On its way/ })).toHaveText(/0$/);
    const rate = ((truth.delivered / IDS.length) * 100).toFixed(1).replace(/\.0$/, '');
    await expect(totals.getByText(`${rate}%`).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show the delivery curve of E2E batch' })).toContainText(
      '200',
    );
    await screenshot(page, 'main-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'main-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  let timeline = '';
  await test.step('filter, sort, search and the detail timeline', async () => {
    await totals.getByRole('button', { name: /^Failed/ }).click();
    await expect(page.getByText(`${truth.failed} of 200 shown`)).toBeVisible();
    await totals.getByRole('button', { name: /^Failed/ }).click();
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    const firstId = page.getByRole('table', { name: 'Watched messages' }).getByRole('row').nth(1);
    await expect(firstId).toContainText('fast-fallback-e2e-0');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await expect(firstId).toContainText('undeliverable-sms-e2e-29');
    await page.getByPlaceholder('Search by ID').fill('fast-fallback-e2e-1');
    await expect(page.getByText('11 of 200 shown')).toBeVisible();
    await page.getByPlaceholder('Search by ID').fill('fast-fallback-e2e-12');
    await expect(page.getByText('1 of 200 shown')).toBeVisible();
    await firstId.click();
    const detail = page.getByRole('complementary', { name: 'Message details: fast-fallback-e2e-12' });
    await expect(detail.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(detail.getByText('queued for sending')).toBeVisible();
    await expect(detail.getByText('delivered', { exact: true }).first()).toBeVisible();
    await expect(detail.getByText('Viber')).toBeVisible();
    await expect(firstId).toContainText(/Viber failed, SMS delivered/);
    timeline = (await detail.locator('ol').first().textContent()) ?? '';
    await screenshot(page, 'detail-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'detail-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect(detail).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filter' }).click();
  });

  let exported = '';
  await test.step('export the view as CSV and JSON', async () => {
    const csv = await download(page, 'Export CSV');
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(201);
    expect(lines[0]?.toLowerCase()).toContain('id');
    expect(csv.text).toContain('undeliverable-sms-e2e-3');
    const json = await download(page, 'Export JSON');
    expect(json.name).toMatch(/\.json$/);
    expect(json.text).toContain('fast-sms-e2e-139');
    expect(() => JSON.parse(json.text) as unknown).not.toThrow();
    exported = json.text;
  });

  await test.step('restart the host: everything is still there', async () => {
    await page.goto('about:blank');
    const stopStarted = Date.now();
    await host.stop();
    test.info().annotations.push({ type: 'host stop ms', description: String(Date.now() - stopStarted) });
    const again = await startHost(dataDir);
    try {
      await page.goto(again.url);
      await expect(page.getByText('200 of 200 shown')).toBeVisible();
      await expect(totals.getByRole('button', { name: /^Delivered/ })).toHaveText(
        new RegExp(`${truth.delivered}$`),
      );
      await expect(page.getByRole('button', { name: 'Show the delivery curve of E2E batch' })).toBeVisible();
    } finally {
      await again.stop();
    }
  });

  await test.step('import the JSON export into an empty monitor: the round trip loses nothing', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'smsbat-e2e-import-'));
    const file = test.info().outputPath('export.json');
    writeFileSync(file, exported);
    const fresh = await startHost(emptyDir);
    try {
      await page.goto(fresh.url);
      await connectWithApiKey(page, sim);
      await expect(page.getByText('0 of 0 shown')).toBeVisible();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Import JSON' }).click(),
      ]);
      await chooser.setFiles(file);
      await expect(page.getByText('Imported 200, skipped 0.')).toBeVisible();
      await expect(page.getByText('200 of 200 shown')).toBeVisible();
      await expect(totals.getByRole('button', { name: /^Delivered/ })).toHaveText(
        new RegExp(`${truth.delivered}$`),
      );
      await expect(totals.getByRole('button', { name: /^Failed/ })).toHaveText(
        new RegExp(`${truth.failed}$`),
      );
      await expect(page.getByRole('button', { name: 'Show the delivery curve of E2E batch' })).toContainText(
        '200',
      );

      await page.getByPlaceholder('Search by ID').fill('fast-fallback-e2e-12');
      await page.getByRole('table', { name: 'Watched messages' }).getByRole('row').nth(1).click();
      const detail = page.getByRole('complementary', { name: 'Message details: fast-fallback-e2e-12' });
      await expect(detail.locator('ol').first()).toHaveText(timeline);
      await page.keyboard.press('Escape');
      await page.getByPlaceholder('Search by ID').fill('');

      // Exported again, every message is what it was: id, label, deadline, status, cost, history and the rest.
      const again = JSON.parse((await download(page, 'Export JSON')).text) as ExportFile;
      const before = JSON.parse(exported) as ExportFile;
      const byId = (file: ExportFile) =>
        Object.fromEntries(file.messages.map((message) => [message.id, message] as const));
      expect(again.messages).toHaveLength(200);
      expect(byId(again)).toEqual(byId(before));
      expect(before.messages.every((message) => message.deadlineAt !== null)).toBe(true);
    } finally {
      await fresh.stop();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
