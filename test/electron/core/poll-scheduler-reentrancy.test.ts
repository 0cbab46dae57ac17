import { describe, expect, it } from 'vitest';
import { sameHealth } from '../../../shared/engine-health';
import { RateLimitedError } from '../../../electron/core/errors';
import { PollScheduler } from '../../../electron/core/poll-scheduler';
import { VirtualClock } from '../../../electron/core/virtual-clock';
import { ScriptedStatusClient } from '../../fakes/scripted-status-client';
import { setup, silentObserver } from './scheduler/harness';

describe('PollScheduler re-entrancy', () => {
  it('sends nothing more once a health listener pauses it as a 429 pause ends', async () => {
    const clock = new VirtualClock();
    let limited = true;
    const client = new ScriptedStatusClient(
      clock,
      () => (limited ? new RateLimitedError('slow', { httpStatus: 429 }) : 'processing'),
      10,
    );
    let pausedAt: number | null = null;
    const scheduler: PollScheduler = new PollScheduler({
      client,
      clock,
      concurrency: 4,
      maxRequestsPerSecond: 50,
      observer: {
        ...silentObserver,
        onHealth: (health) => {
          if (health.blocker === null && !limited && pausedAt === null) {
            pausedAt = client.calls.length;
            scheduler.pause();
          }
        },
      },
    });
    for (const id of ['a', 'b', 'c', 'd']) scheduler.watch({ messageId: id, addedAt: clock.now() });
    await clock.advanceBy(100);
    limited = false;
    await clock.advanceBy(60_000);
    expect(pausedAt).not.toBeNull();
    expect(client.calls.length).toBe(pausedAt);
  });

  it('sends nothing more once a snapshot listener pauses it', async () => {
    const clock = new VirtualClock();
    const client = new ScriptedStatusClient(clock, () => 'processing', 10);
    const scheduler: PollScheduler = new PollScheduler({
      client,
      clock,
      concurrency: 8,
      maxRequestsPerSecond: 50,
      observer: {
        ...silentObserver,
        onSnapshot: () => {
          scheduler.pause();
        },
      },
    });
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) scheduler.watch({ messageId: id, addedAt: clock.now() });
    await clock.advanceBy(60_000);
    // The first answer pauses: only requests already in flight then were sent.
    expect(client.calls.length).toBeLessThan(6);
  });

  it('never calls a listener from inside watch(), even for a status answered from the cache', async () => {
    const { clock, scheduler, reports, watch } = setup(() => 'processing');
    watch('a');
    await clock.advanceBy(1_000);
    scheduler.unwatch('a');
    const before = reports.log.length;
    watch('a');
    expect(reports.log.length).toBe(before);
    await clock.advanceBy(0);
    expect(reports.log.slice(before)).toEqual(['snapshot:a:processing']);
  });

  it('lets a listener watch and unwatch from inside a report', async () => {
    const clock = new VirtualClock();
    const client = new ScriptedStatusClient(clock, (id) => (id === 'a' ? 'delivered' : 'processing'), 10);
    const scheduler: PollScheduler = new PollScheduler({
      client,
      clock,
      observer: {
        ...silentObserver,
        onSnapshot: (id) => {
          if (id === 'a') {
            scheduler.unwatch('b');
            scheduler.watch({ messageId: 'c', addedAt: clock.now() });
          }
        },
      },
    });
    scheduler.watch({ messageId: 'a', addedAt: clock.now() });
    scheduler.watch({ messageId: 'b', addedAt: clock.now() });
    await clock.advanceBy(2_000);
    expect(scheduler.isWatching('b')).toBe(false);
    expect(client.callsFor('c')).toHaveLength(1);
    scheduler.stop();
  });

  it('keeps one request in flight when an id is unwatched and watched again while its request is out', async () => {
    const { clock, client, scheduler, reports, watch } = setup(() => 'processing', { cacheTtlMs: 0 }, 3_000);
    watch('a');
    await clock.advanceBy(100);
    scheduler.unwatch('a');
    watch('a');
    expect(scheduler.facts('a')?.inFlight).toBe(true);
    await clock.advanceBy(2_500);
    expect(client.callsFor('a')).toHaveLength(1);
    // The answer of the adopted request counts for the new watch.
    await clock.advanceBy(1_000);
    expect(reports.snapshots.map((report) => report.id)).toEqual(['a']);
    expect(client.maxInFlight).toBe(1);
    scheduler.stop();
  });

  it('says per id what refreshNow did', async () => {
    const start = Date.UTC(2026, 0, 1);
    const { clock, scheduler, watch } = setup(
      (id) =>
        id === 'limited'
          ? new RateLimitedError('slow', { httpStatus: 429, retryAfterMs: 60_000 })
          : 'processing',
      { cacheTtlMs: 2_000 },
      5_000,
    );
    watch('slow', 'fresh');
    await clock.advanceBy(5_500);
    watch('slow-2');
    await clock.advanceBy(10);
    expect(scheduler.refreshNow(['fresh', 'slow-2', 'nobody'])).toEqual([
      { messageId: 'fresh', outcome: 'cached' },
      { messageId: 'slow-2', outcome: 'in_flight' },
      { messageId: 'nobody', outcome: 'not_watched' },
    ]);
    await clock.advanceBy(2_000);
    expect(scheduler.refreshNow(['fresh'])).toEqual([
      { messageId: 'fresh', outcome: 'queued', at: start + 7_510 },
    ]);
    scheduler.pause();
    expect(scheduler.refreshNow(['fresh'])).toEqual([
      { messageId: 'fresh', outcome: 'held', heldBy: { reason: 'paused', until: null } },
    ]);
    scheduler.resume();
    watch('limited');
    await clock.advanceBy(20_000);
    const [limited] = scheduler.refreshNow(['limited']);
    expect(limited?.outcome === 'held' ? limited.heldBy.reason : limited?.outcome).toBe('rate_limited');
    scheduler.stop();
  });

  it('emits health only when it changed, not on every request', async () => {
    const { clock, client, scheduler, reports, watch } = setup(() => 'processing', {
      maxRequestsPerSecond: 10,
    });
    watch(...Array.from({ length: 200 }, (_, i) => `id-${i}`));
    await clock.advanceBy(10 * 60_000);
    for (let i = 1; i < reports.health.length; i += 1) {
      const [previous, current] = [reports.health[i - 1], reports.health[i]];
      if (previous && current) expect(sameHealth(previous, current)).toBe(false);
    }
    // Busy counts are sampled every few seconds, not per request.
    expect(reports.health.length).toBeLessThan(client.calls.length / 10);
    expect(reports.health.length).toBeLessThanOrEqual(10 * 12 + 5);
    expect(reports.health.at(-1)?.counts).toMatchObject({ watching: 200, rateCapPerSecond: 10 });
    scheduler.stop();
  });
});
