import { describe, expect, it } from 'vitest';
import { peakPerSecond } from '../../../bench/stats';
import { setup } from './scheduler/harness';

describe('PollScheduler with ids streamed in behind a backlog of first checks', () => {
  it('checks an id written behind 200 never-checked ids with deadlines within 2 s at 5 requests a second', async () => {
    const { clock, client, scheduler } = setup(() => 'processing', { maxRequestsPerSecond: 5 });
    for (let i = 0; i < 200; i += 1) {
      scheduler.watch({ messageId: `queued-${i}`, addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    }
    // A moment later: a handful checked, the rest of the 200 still waiting for their first check.
    await clock.advanceBy(1_000);
    expect(scheduler.health.counts.backlog).toBeGreaterThan(150);
    const writtenAt = clock.now();
    scheduler.watch({ messageId: 'new', addedAt: writtenAt, deadlineAt: writtenAt + 30_000 });
    await clock.advanceBy(60_000);

    const first = client.callsFor('new')[0]?.at ?? Number.POSITIVE_INFINITY;
    expect(first - writtenAt).toBeLessThanOrEqual(2_000);
    // The backlog still gets its first checks: every one of the 200 is asked within the minute.
    for (let i = 0; i < 200; i += 1) expect(client.callsFor(`queued-${i}`).length).toBeGreaterThanOrEqual(1);
    expect(peakPerSecond(client.calls.map((call) => call.at))).toBeLessThanOrEqual(5);
    scheduler.stop();
  });

  it('serves ids streamed one a second each within 2 s while the backlog drains', async () => {
    const { clock, client, scheduler } = setup(() => 'processing', { maxRequestsPerSecond: 5 });
    for (let i = 0; i < 200; i += 1) {
      scheduler.watch({ messageId: `queued-${i}`, addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    }
    const written: { id: string; at: number }[] = [];
    for (let i = 0; i < 20; i += 1) {
      await clock.advanceBy(1_000);
      const at = clock.now();
      scheduler.watch({ messageId: `stream-${i}`, addedAt: at, deadlineAt: at + 30_000 });
      written.push({ id: `stream-${i}`, at });
    }
    await clock.advanceBy(10_000);
    for (const { id, at } of written) {
      expect((client.callsFor(id)[0]?.at ?? Number.POSITIVE_INFINITY) - at).toBeLessThanOrEqual(2_000);
    }
    scheduler.stop();
  });
});
