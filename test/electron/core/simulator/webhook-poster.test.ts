import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulator,
  startWebhookPoster,
  type WebhookFaults,
  type WebhookPoster,
} from '../../../../electron/core/simulator';
import type { WebhookStatus } from '../../../../electron/core/webhook/webhook-payload';
import {
  startWebhookReceiver,
  type RunningWebhookReceiver,
} from '../../../../electron/core/webhook/webhook-receiver';

const TIME_SCALE = 0.002; // a delivery after 30 s of simulated time comes after 60 ms
const IDS = ['fast-sms-1', 'fast-viber-2', 'fast-fallback-3', 'undeliverable-sms-4', 'permanenterror-sms-5'];

describe("the simulator's webhooks, posted to the monitor's receiver over real HTTP", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function run(options: { faults?: WebhookFaults; hostile?: boolean }) {
    const statuses: WebhookStatus[] = [];
    const receiver: RunningWebhookReceiver = await startWebhookReceiver({
      secret: 'dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdC1z',
      onStatus: (status) => statuses.push(status),
    });
    closers.push(() => receiver.close());
    const poster: WebhookPoster = startWebhookPoster({
      url: `http://127.0.0.1:${receiver.port}${receiver.path()}`,
      timeScale: TIME_SCALE,
      ...options,
    });
    closers.push(() => poster.close());
    const simulator = await startSimulator({
      timeScale: TIME_SCALE,
      onTimelineStarted: (timeline, startedAt) => {
        poster.schedule(timeline, startedAt);
      },
    });
    closers.push(() => simulator.close());
    for (const id of IDS) simulator.simulator.markSent(id);
    const finalOf = (id: string): WebhookStatus | undefined =>
      statuses.find(
        (status) => status.messageId === id && (status.kind === 'delivered' || status.kind === 'failed'),
      );
    return { statuses, receiver, poster, simulator, finalOf };
  }

  it('posts every status change, each final one with its true time and cost, and the receiver takes them', async () => {
    const { finalOf, poster, simulator } = await run({});
    await expect.poll(() => IDS.every((id) => finalOf(id) !== undefined), { timeout: 10_000 }).toBe(true);
    for (const id of IDS) {
      const final = finalOf(id);
      const finalAt = simulator.simulator.finalStatusAt(id);
      expect(final?.at).toBe(Math.round(finalAt ?? NaN));
      expect(final?.cost).toBe(final?.kind === 'delivered' ? simulator.simulator.timeline(id).finalCost : 0);
    }
    expect(poster.stats().failed).toBe(0);
  });

  it('sends nothing at a loss rate of 1', async () => {
    const { statuses, poster } = await run({ faults: { lossRate: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(statuses).toEqual([]);
    expect(poster.stats()).toEqual({ delivered: 0, failed: 0, hostile: 0 });
  });

  it('in hostile mode mixes in requests the receiver refuses, and every true final still arrives', async () => {
    const { finalOf, receiver, poster } = await run({ hostile: true, faults: { duplicateRate: 0.5 } });
    await expect.poll(() => IDS.every((id) => finalOf(id) !== undefined), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => poster.stats().hostile, { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
    await expect
      .poll(
        () => {
          const refused = receiver.refusals();
          return [
            refused.wrong_path,
            refused.wrong_method,
            refused.not_json_type,
            refused.not_json,
            refused.bad_shape,
            refused.too_large,
          ].every((n) => n > 0);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  });
});
