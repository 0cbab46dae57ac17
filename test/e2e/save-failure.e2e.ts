import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mountTinyDisk } from '../electron/host/tiny-disk';
import { connectWithApiKey, expect, startHost, test } from './host-kit';

test('a full disk is shown in the engine state with what to do, the add is refused, and both clear once space is free', async ({
  page,
  sim,
}) => {
  test.setTimeout(120_000);
  // The data folder on a 2 MB RAM disk (the tests run as root) that a filler file makes full.
  const disk = await mountTinyDisk(2048);
  const host = await startHost(disk.path);
  try {
    await page.goto(host.url);
    await connectWithApiKey(page, sim);
    const engine = page
      .getByRole('status')
      .filter({ has: page.locator('strong') })
      .first();
    const filler = join(disk.path, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
    } catch {
      // ENOSPC: the disk is full, which is the point.
    }

    await page.getByRole('button', { name: 'Add messages' }).click();
    await page.getByLabel('Message IDs').fill('full-disk-1');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    // The answer is an error, shown as an alert; the dialog keeps the ids so nothing typed is lost.
    await expect(page.getByRole('alert').first()).toContainText('Cannot save the watch list: disk full');
    await expect(page.getByLabel('Message IDs')).toHaveValue('full-disk-1');
    await page.keyboard.press('Escape');
    await expect(engine).toContainText(
      'Cannot save the watch list: disk full. Free some space on the disk that holds the data folder',
    );

    rmSync(filler);
    await page.getByRole('button', { name: 'Add messages' }).click();
    await page.getByLabel('Message IDs').fill('full-disk-2');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('status')).toContainText('Added 1 message');
    await page.keyboard.press('Escape');
    await expect(engine).not.toContainText('Cannot save');
  } finally {
    await host.stop();
    await disk.remove();
  }
});
