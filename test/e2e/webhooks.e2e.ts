import { request } from 'undici';
import { startSimulator, startWebhookPoster, type WebhookPoster } from '../../electron/core/simulator';
import { connectWithApiKey, expect, test } from './host-kit';
import { freePort } from '../fakes/free-port';

function post(url: string, body: unknown, options: { method?: string; contentType?: string } = {}) {
  return request(url, {
    method: (options.method ?? 'POST') as 'POST',
    headers: { 'content-type': options.contentType ?? 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).then(async (answer) => {
    await answer.body.text();
    return answer.statusCode;
  });
}

test('webhooks from the simulator reach the window without a poll, and what the receiver refuses is counted', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  let poster: WebhookPoster | null = null;
  const sim = await startSimulator({
    timeScale: 0.05,
    seed: 11,
    onTimelineStarted: (timeline, startedAt) => {
      poster?.schedule(timeline, startedAt);
    },
  });
  try {
    await page.goto(host.url);
    await connectWithApiKey(page, sim);

    const settings = page.getByRole('dialog', { name: 'Settings' });
    const url = await test.step('turn the receiver on in Settings and take its address', async () => {
      await page.getByRole('button', { name: 'Settings' }).click();
      await settings.getByLabel('Port').fill(String(await freePort()));
      await settings.getByRole('button', { name: 'Apply address' }).click();
      // The box shows what the host saved, so it changes when the host answers.
      const enabled = settings.getByLabel('Receive webhooks from SMSBAT');
      await enabled.click();
      await expect(enabled).toBeChecked();
      await expect(settings.getByText('Listening.')).toBeVisible();
      const address = await settings.getByLabel('Address to give SMSBAT').inputValue();
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/[A-Za-z0-9_-]{32}$/);
      await page.keyboard.press('Escape');
      return address;
    });
    poster = startWebhookPoster({
      url,
      faults: { duplicateRate: 0.5, reorderRate: 0.5, maxDelayMs: 2_000 },
      hostile: true,
      timeScale: 0.05,
      seed: 5,
    });

    const table = page.getByRole('table', { name: 'Watched messages' });
    await page.getByRole('button', { name: 'Add messages' }).click();
    const ids = ['stuck-sms-wh-1', 'fast-sms-wh-2', 'fast-viber-wh-3', 'undeliverable-sms-wh-4'];
    await page.getByLabel('Message IDs').fill(ids.join('\n'));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('status')).toContainText('Added 4 messages.');
    await page.keyboard.press('Escape');

    await test.step('a webhook changes a row at once, with no poll of that message', async () => {
      const row = table.getByRole('row', { name: /stuck-sms-wh-1/ });
      await expect(row).toContainText('On its way');
      const polls = () => sim.simulator.requests().filter((r) => r.path.includes('stuck-sms-wh-1')).length;
      await expect.poll(polls).toBeGreaterThan(0);
      const before = polls();
      const status = await post(url, {
        messageId: 'stuck-sms-wh-1',
        deliverystatus: 'delivered',
        timestamp: new Date().toISOString(),
        cost: 0.42,
      });
      expect(status).toBe(204);
      await expect(row).toContainText('Delivered', { timeout: 5_000 });
      expect(polls()).toBe(before);
    });

    await test.step('duplicates and out-of-order webhooks leave every row at its true final status', async () => {
      await expect(table.getByRole('row', { name: /fast-sms-wh-2/ })).toContainText('Delivered', {
        timeout: 30_000,
      });
      await expect(table.getByRole('row', { name: /fast-viber-wh-3/ })).toContainText('Delivered', {
        timeout: 30_000,
      });
      await expect(table.getByRole('row', { name: /undeliverable-sms-wh-4/ })).toContainText(
        /Failed|Undeliverable/i,
        {
          timeout: 30_000,
        },
      );
    });

    await test.step('wrong path, wrong method, oversized, non-JSON and a flood are refused; the receiver stays up', async () => {
      const origin = new URL(url).origin;
      const body = { messageId: 'flood-1', deliverystatus: 'delivered', timestamp: new Date().toISOString() };
      expect(await post(`${origin}/webhook/not-the-secret`, body)).toBe(404);
      // Each port serves its own: the window's never takes a webhook, the receiver's never serves the window.
      expect(await post(`${new URL(host.url).origin}${new URL(url).pathname}`, body)).not.toBe(204);
      expect(await post(`${origin}/`, '', { method: 'GET' })).toBe(404);
      expect(await post(url, '', { method: 'PUT' })).toBe(405);
      expect(await post(url, { pad: 'x'.repeat(70 * 1024) })).toBe(413);
      expect(await post(url, 'deliverystatus=delivered')).toBe(400);
      // Past the receiver's connection cap (256) a flood's extra connections are dropped unanswered: also a refusal.
      const flood = await Promise.all(
        Array.from({ length: 300 }, () => post(url, body).catch(() => 'dropped' as const)),
      );
      expect(flood).toContain(429);
      expect(flood.every((answer) => answer === 204 || answer === 429 || answer === 'dropped')).toBe(true);
      await expect
        .poll(() => post(url, { ...body, messageId: 'after-flood' }), { timeout: 10_000 })
        .toBe(204);
      await page.getByRole('button', { name: 'Settings' }).click();
      const refusals = settings.getByRole('list', { name: 'Webhooks' });
      await expect(refusals).toContainText(/webhooks? refused in the last hour: too many at once/);
      await expect(refusals).toContainText(/refused in the last hour: not JSON/);
      await expect(refusals).toContainText(/refused in the last hour: wrong address/);
      await expect(refusals).toContainText(/refused in the last hour: too large/);
      await expect(refusals).toContainText(/refused in the last hour: not a POST/);
    });
  } finally {
    await poster?.close();
    await sim.close();
  }
});
