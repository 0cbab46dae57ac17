import type { Locator, Page } from '@playwright/test';
import type { RunningSimulator } from '../../electron/core/simulator';
import { connectWithApiKey, expect, screenshot, test } from './host-kit';

/** Ids that fill every column: long ids, fallbacks, failures, ids SMSBAT does not know, messages still on their way. */
const IDS = [
  'fast-sms-3f2c9a7e-8d41-4b6a-9c3e-2a7f5b1d0e64',
  'fast-fallback-layout-1',
  'fast-viber-layout-2',
  'undeliverable-fallback-layout-3',
  'undeliverable-sms-layout-4',
  'stuck-sms-layout-5',
  'missing-layout-6',
  'missing-9b1e4c2d-7a35-4f08-b6d9-0c8e2f4a1b37',
];

/** The parts of a DOM element these checks read (the test's own code is compiled without the DOM library). */
interface ElementBox {
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly parentElement: ElementBox | null;
  querySelectorAll(selector: string): ArrayLike<ElementBox>;
  getBoundingClientRect(): { readonly left: number; readonly right: number };
}

/** Every column header of the list lies inside the window and inside the list's visible area. */
async function expectAllColumnsInView(page: Page, table: Locator): Promise<void> {
  // A resized window settles its layout a frame later: the reading is taken again until it has.
  await expect(async () => {
    const viewportWidth = page.viewportSize()?.width ?? 0;
    const scroll = await table.locator('.message-table__scroll').boundingBox();
    if (scroll === null) throw new Error('The list is not on the page.');
    const headers = await table.getByRole('columnheader').evaluateAll((cells) =>
      (cells as unknown as ElementBox[]).map((cell) => {
        const box = cell.getBoundingClientRect();
        return { name: cell.textContent ?? '', left: box.left, right: box.right };
      }),
    );
    expect(headers).toHaveLength(10);
    for (const header of headers) {
      expect(header.left, `${header.name} starts inside the list`).toBeGreaterThanOrEqual(scroll.x);
      expect(header.right, `${header.name} ends inside the list`).toBeLessThanOrEqual(
        scroll.x + scroll.width + 0.5,
      );
      expect(header.right, `${header.name} ends inside the window`).toBeLessThanOrEqual(viewportWidth);
    }
    // Nothing to scroll sideways to.
    const sideways = await table
      .locator('.message-table__scroll')
      .evaluate(
        (box) => (box as unknown as ElementBox).scrollWidth - (box as unknown as ElementBox).clientWidth,
      );
    expect(sideways).toBeLessThanOrEqual(0);
  }).toPass();
}

/**
 * Headers, status, channel and next-check cells carry no tooltip, so their words are shown whole: wrapped within the
 * row's height, never cut.
 */
async function expectWordsShownWhole(table: Locator): Promise<void> {
  await expect(async () => {
    const cut = await table
      .locator('.cell--status, .cell--nextCheck, .cell--channel, [role="columnheader"]')
      .evaluateAll((cells) =>
        (cells as unknown as ElementBox[]).flatMap((cell) => {
          const rowHeight = cell.parentElement?.clientHeight ?? 0;
          const parts = [cell, ...Array.from(cell.querySelectorAll('span'))];
          const overflows = parts.some(
            (part) =>
              part.scrollWidth > part.clientWidth + 1 ||
              part.scrollHeight > part.clientHeight + 1 ||
              part.scrollHeight > rowHeight,
          );
          const size = `${String(cell.scrollWidth)}x${String(cell.scrollHeight)} in ${String(cell.clientWidth)}x${String(rowHeight)}`;
          return overflows ? [`${cell.textContent ?? ''}: ${size}`] : [];
        }),
      );
    expect(cut).toEqual([]);
  }).toPass();
}

/**
 * Opens the window at 1440 x 900 in light colours, connects to the simulator and watches {@link IDS} under a long
 * label until their first outcomes are in; returns the list.
 */
async function openListThatFillsEveryColumn(
  page: Page,
  url: string,
  sim: RunningSimulator,
): Promise<Locator> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url);
  await connectWithApiKey(page, sim);
  await page.getByRole('button', { name: 'Add messages' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add messages' });
  await dialog.getByLabel('Message IDs').fill(IDS.join('\n'));
  await dialog.getByLabel('Label (campaign, order batch)').fill('Black Friday reminders, second wave');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`Added ${IDS.length} messages.`);
  await page.keyboard.press('Escape');
  const totals = page.getByRole('region', { name: 'Totals' });
  await expect(totals.getByRole('button', { name: /^Failed/ })).toHaveText(/2$/);
  await expect(totals.getByRole('button', { name: /^Delivered/ })).toHaveText(/3$/);
  return page.getByRole('table', { name: 'Watched messages' });
}

/** Switches the window to Ukrainian in Settings and closes the dialog. */
async function chooseUkrainian(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('uk');
  await expect(page.getByRole('dialog', { name: 'Налаштування' })).toBeVisible();
  await page.getByRole('button', { name: 'Закрити налаштування' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('at 1440 x 900 every column of the list is in view, in English and in Ukrainian, light and dark', async ({
  page,
  host,
  sim,
}) => {
  const table = await openListThatFillsEveryColumn(page, host.url, sim);
  await test.step('English', async () => {
    await expectAllColumnsInView(page, table);
    await expectWordsShownWhole(table);
    await screenshot(page, 'list-1440-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'list-1440-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('Ukrainian', async () => {
    await chooseUkrainian(page);
    const ukTable = page.getByRole('table', { name: 'Відстежувані повідомлення' });
    await expect(ukTable.getByRole('columnheader', { name: 'Наступна перевірка' })).toBeVisible();
    await expectAllColumnsInView(page, ukTable);
    await expectWordsShownWhole(ukTable);
    await screenshot(page, 'list-1440-uk-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'list-1440-uk-dark');
  });

  await test.step('Ukrainian at 1280 x 800', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const ukTable = page.getByRole('table', { name: 'Відстежувані повідомлення' });
    await expectAllColumnsInView(page, ukTable);
    await expectWordsShownWhole(ukTable);
    await screenshot(page, 'list-1280-uk-dark');
  });
});

/** The columns a user needs beside the detail panel: which message, where it stands and when it is checked next. */
const KEPT_BESIDE_DETAIL = ['id', 'status', 'channel', 'lastChange', 'nextCheck'] as const;

/**
 * With the detail panel open the list has nothing to scroll sideways to, the columns it keeps lie inside its visible
 * area, and every row offers the accessibility tree as many cells as the header has column headers.
 */
async function expectListFitsBesideDetail(table: Locator): Promise<void> {
  // A resized window settles its layout a frame later: the reading is taken again until it has.
  await expect(async () => {
    // One reading of the layout, so that the list's edges and its headers' edges come from the same frame.
    const layout = await table.locator('.message-table__scroll').evaluate((element, columns) => {
      const scroll = element as unknown as ElementBox;
      const box = scroll.getBoundingClientRect();
      return {
        sideways: scroll.scrollWidth - scroll.clientWidth,
        left: box.left,
        right: box.right,
        headers: columns.map((column) => {
          const header = Array.from(scroll.querySelectorAll(`[role="columnheader"].cell--${column}`))[0];
          const edges = header?.getBoundingClientRect() ?? { left: -1, right: -1 };
          return { column, left: edges.left, right: edges.right };
        }),
      };
    }, KEPT_BESIDE_DETAIL);
    expect(layout.sideways, 'the list scrolls sideways').toBeLessThanOrEqual(1);
    for (const header of layout.headers) {
      expect(header.left, `${header.column} starts inside the list`).toBeGreaterThanOrEqual(layout.left);
      expect(header.right, `${header.column} ends inside the list`).toBeLessThanOrEqual(layout.right + 0.5);
    }
  }).toPass();
  for (const column of KEPT_BESIDE_DETAIL) {
    await expect(table.locator(`[role="columnheader"].cell--${column}`)).toBeVisible();
  }
  const headers = await table.getByRole('columnheader').count();
  expect(headers).toBeLessThan(10);
  const firstRow = table.getByRole('rowgroup').nth(1).getByRole('row').first();
  await expect(firstRow.getByRole('cell')).toHaveCount(headers);
}

test('with the detail panel open the list fits without sideways scrolling at 1440 x 900 and 1280 x 800', async ({
  page,
  host,
  sim,
}) => {
  const table = await openListThatFillsEveryColumn(page, host.url, sim);
  await table.getByRole('row').filter({ hasText: 'undeliverable-fallback-layout-3' }).click();
  // Rows still move as later checks sort them, so whichever message the click lands on has its details open.
  await expect(page.getByRole('complementary', { name: /^Message details: / })).toBeVisible();

  await test.step('English', async () => {
    await expectListFitsBesideDetail(table);
    await expectWordsShownWhole(table);
    await screenshot(page, 'list-1440-detail-light');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectListFitsBesideDetail(table);
    await expectWordsShownWhole(table);
    await screenshot(page, 'list-1280-detail-light');
  });

  await test.step('Ukrainian', async () => {
    await chooseUkrainian(page);
    const ukTable = page.getByRole('table', { name: 'Відстежувані повідомлення' });
    await expect(ukTable.getByRole('columnheader', { name: 'Наступна перевірка' })).toBeVisible();
    // Rows still move as later checks sort them, so whichever message the click lands on has its details open.
    await expect(page.getByRole('complementary', { name: /^Подробиці повідомлення: / })).toBeVisible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectListFitsBesideDetail(ukTable);
    await expectWordsShownWhole(ukTable);
    await screenshot(page, 'list-1280-uk-detail-dark');
    await page.setViewportSize({ width: 1440, height: 900 });
    await expectListFitsBesideDetail(ukTable);
    await expectWordsShownWhole(ukTable);
    await screenshot(page, 'list-1440-uk-detail-dark');
  });
});
