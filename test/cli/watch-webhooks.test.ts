import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/run';
import {
  DEMO_CREDENTIALS,
  startSimulator,
  startWebhookPoster,
  type WebhookPoster,
} from '../../electron/core/simulator';
import { newWebhookSecret } from '../../electron/core/webhook/webhook-secret';
import { fakeIo } from './fake-io';
import { freePort } from '../fakes/free-port';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('smsbat-monitor watch --webhook-port', () => {
  it('settles every message from the simulator webhooks, polling each id about once, duplicates and lateness included', async () => {
    const port = await freePort();
    const secret = newWebhookSecret();
    const posters: WebhookPoster[] = [];
    const poster = startWebhookPoster({
      url: `http://127.0.0.1:${port}/webhook/${secret}`,
      faults: { duplicateRate: 0.5, maxDelayMs: 2_000, reorderRate: 0.3 },
      timeScale: 0.01,
      seed: 3,
    });
    posters.push(poster);
    const sim = await startSimulator({
      host: '127.0.0.1',
      port: 0,
      timeScale: 0.01,
      latencyMs: 5,
      onTimelineStarted: (timeline, startedAt) => {
        poster.schedule(timeline, startedAt);
      },
    });
    cleanups.push(
      () => sim.close(),
      () => poster.close(),
    );
    const ids = ['fast-sms-w1', 'fast-viber-w2', 'fast-fallback-w3', 'undeliverable-sms-w4', 'fast-sms-w5'];
    const io = fakeIo({
      env: {
        SMSBAT_BASE_URL: sim.url,
        SMSBAT_API_KEY: DEMO_CREDENTIALS.apiKey,
        SMSBAT_WEBHOOK_SECRET: secret,
      },
    });
    const code = await run(['watch', ...ids, '--webhook-port', String(port), '--timeout', '60'], io);
    expect(io.err()).toContain(`Receiving SMSBAT's webhooks at http://127.0.0.1:${port}/webhook/${secret}`);
    expect(io.err()).toContain('Webhooks arriving: polling only as a safety net.');
    expect(code).toBe(1); // one of them is undeliverable
    expect(poster.stats().delivered).toBeGreaterThan(0);
    const polls = sim.simulator.requests().length;
    // Each id is checked once, to confirm it exists (its first answer is never final: the timeline starts then);
    // polling alone would need a second check at least. The webhooks bring every final status.
    expect(polls).toBe(ids.length);
    expect(io.out()).toMatch(/undeliverable-sms-w4/);
  });

  it('says which port it could not take', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise((resolve) =>
          blocker.close(() => {
            resolve();
          }),
        ),
    );
    const address = blocker.address();
    const port = address !== null && typeof address !== 'string' ? address.port : 0;
    const io = fakeIo({ env: { SMSBAT_BASE_URL: 'http://127.0.0.1:9', SMSBAT_API_KEY: 'k'.repeat(20) } });
    expect(await run(['watch', 'a-1', '--webhook-port', String(port)], io)).toBe(3);
    expect(io.err()).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`));
  });
});
