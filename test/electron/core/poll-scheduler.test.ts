import { describe, expect, it } from 'vitest';
import { peakPerSecond } from '../../../bench/stats';
import type { EngineHealth } from '../../../shared/engine-health';
import type { StatusSnapshot } from '../../../shared/message';
import {
  AuthError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
} from '../../../electron/core/errors';
import { PollScheduler } from '../../../electron/core/poll-scheduler';
import { VirtualClock } from '../../../electron/core/virtual-clock';
import { ScriptedStatusClient, snapshotOf, type ScriptedAnswer } from '../../fakes/scripted-status-client';
import { gaps, setup, silentObserver } from './scheduler/harness';

describe('PollScheduler', () => {
  it('checks a new id at once, again after about 5 s, then less and less often up to the cap', async () => {
    const { clock, client, watch, elapsed } = setup(() => 'processing', { maxIntervalMs: 60_000 });
    watch('a');
    await clock.advanceBy(30 * 60_000);
    const times = client.callsFor('a').map((call) => elapsed(call.at));
    expect(times[0]).toBe(0);
    const intervals = gaps(times);
    expect(intervals[0]).toBeGreaterThanOrEqual(4_500);
    expect(intervals[0]).toBeLessThanOrEqual(5_600);
    for (let i = 1; i < intervals.length; i += 1) {
      expect(intervals[i]).toBeGreaterThanOrEqual(Math.min(intervals[i - 1] ?? 0, 55_000));
    }
    expect(Math.max(...intervals)).toBeLessThanOrEqual(60_000 * 1.1 + 100);
    expect(intervals.at(-1)).toBeGreaterThan(50_000);
  });

  it('checks a pending id at least every minute in its first hour, then lets checks drift up to 10 minutes apart', async () => {
    const { clock, client, watch, elapsed } = setup(() => 'processing');
    watch('a');
    await clock.advanceBy(4 * 60 * 60_000);
    const calls = client.callsFor('a').map((call) => elapsed(call.at));
    const firstHour = gaps(calls.filter((at) => at <= 60 * 60_000));
    const later = gaps(calls.filter((at) => at >= 2 * 60 * 60_000));
    expect(Math.max(...firstHour)).toBeLessThanOrEqual(60_000 * 1.1);
    expect(Math.min(...later)).toBeGreaterThan(5 * 60_000);
    expect(Math.max(...later)).toBeLessThanOrEqual(600_000 * 1.1);
  });

  it('stops checking an id once its status is final and reports every status it saw', async () => {
    const { clock, client, watch, reports } = setup((_id, call) =>
      call === 0 ? 'scheduled' : call === 1 ? 'processing' : 'delivered',
    );
    watch('a');
    await clock.advanceBy(10 * 60_000);
    expect(client.callsFor('a')).toHaveLength(3);
    expect(reports.snapshots.map((report) => report.snapshot.rawStatus)).toEqual([
      'scheduled',
      'processing',
      'delivered',
    ]);
  });

  it('checks sooner again after a status change', async () => {
    const { clock, client, watch, elapsed } = setup((_id, _call, now) =>
      now - Date.UTC(2026, 0, 1) < 60_000 ? 'scheduled' : 'processing',
    );
    watch('a');
    await clock.advanceBy(5 * 60_000);
    const times = client.callsFor('a').map((call) => elapsed(call.at));
    const firstAfterChange = times.findIndex((time) => time >= 60_000);
    const intervals = gaps(times);
    const beforeChange = intervals[firstAfterChange - 1] ?? 0;
    const afterChange = intervals[firstAfterChange] ?? 0;
    expect(beforeChange).toBeGreaterThan(10_000);
    expect(afterChange).toBeLessThanOrEqual(5_600);
  });

  it('never exceeds the global rate cap, yet uses it when many ids are due', async () => {
    const { clock, client, watch } = setup(() => 'processing', { maxRequestsPerSecond: 10, concurrency: 8 });
    watch(...Array.from({ length: 200 }, (_, i) => `id-${i}`));
    await clock.advanceBy(3 * 60_000);
    const times = client.calls.map((call) => call.at);
    expect(peakPerSecond(times)).toBeLessThanOrEqual(10);
    // 200 first checks at 10/s, with one slot in four kept for the re-checks that fall due meanwhile, take
    // about 200 / 7.5 = 27 s, not longer.
    const firstChecks = new Map<string, number>();
    for (const call of client.calls)
      if (!firstChecks.has(call.messageId)) firstChecks.set(call.messageId, call.at);
    expect(Math.max(...firstChecks.values()) - clock.now() + 3 * 60_000).toBeLessThan(27_500);
  });

  it('keeps no more requests in flight than the concurrency cap', async () => {
    const { clock, client, watch } = setup(
      () => 'processing',
      { maxRequestsPerSecond: 50, concurrency: 3 },
      800,
    );
    watch(...Array.from({ length: 40 }, (_, i) => `id-${i}`));
    await clock.advanceBy(60_000);
    expect(client.maxInFlight).toBe(3);
  });

  it('never requests the same id more than once per second, however often it is refreshed', async () => {
    const { clock, client, scheduler, watch } = setup(() => 'processing', { cacheTtlMs: 0 });
    watch('a');
    for (let i = 0; i < 50; i += 1) {
      scheduler.refreshNow(['a']);
      await clock.advanceBy(100);
    }
    const intervals = gaps(client.callsFor('a').map((call) => call.at));
    expect(intervals.length).toBeGreaterThan(2);
    expect(Math.min(...intervals)).toBeGreaterThanOrEqual(1000);
  });

  it('pauses every request after a 429, backing off 1 s, 2 s, 4 s without Retry-After', async () => {
    let limited = true;
    const { clock, client, watch, reports } = setup(() =>
      limited ? new RateLimitedError('slow down', { httpStatus: 429 }) : 'processing',
    );
    watch('a', 'b');
    await clock.advanceBy(6_000);
    // Each 429 holds every id: requests come 1 s, then 2 s apart (plus the 50 ms the 429 took to arrive).
    const intervals = gaps(client.calls.map((call) => call.at));
    expect(intervals).toHaveLength(2);
    expect(intervals[0]).toBeGreaterThanOrEqual(1000);
    expect(intervals[0]).toBeLessThan(1200);
    expect(intervals[1]).toBeGreaterThanOrEqual(2000);
    expect(intervals[1]).toBeLessThan(2200);
    expect(reports.health.at(-1)?.blocker?.kind).toBe('rate_limited');
    limited = false;
    await clock.advanceBy(20_000);
    expect(reports.health.at(-1)).toMatchObject({ mode: 'running', blocker: null });
    expect(reports.snapshots.map((report) => report.id)).toEqual(expect.arrayContaining(['a', 'b']));
  });

  it("honours the server's Retry-After on a 429", async () => {
    const { clock, client, watch } = setup((_id, call) =>
      call === 0 ? new RateLimitedError('slow down', { httpStatus: 429, retryAfterMs: 7_000 }) : 'processing',
    );
    watch('a');
    await clock.advanceBy(10_000);
    const intervals = gaps(client.callsFor('a').map((call) => call.at));
    expect(intervals[0]).toBeGreaterThanOrEqual(7_000);
    expect(intervals[0]).toBeLessThan(7_200);
  });

  it('stops all requests when credentials are rejected, until they change', async () => {
    let rejected = true;
    const { clock, client, scheduler, watch, reports } = setup(() =>
      rejected ? new AuthError('Invalid API key', { httpStatus: 401 }) : 'processing',
    );
    watch(...Array.from({ length: 20 }, (_, i) => `id-${i}`));
    await clock.advanceBy(10 * 60_000);
    expect(client.calls.length).toBeLessThanOrEqual(4);
    expect(reports.health.at(-1)?.blocker).toEqual({
      kind: 'credentials_rejected',
      message: 'Invalid API key',
    });
    rejected = false;
    scheduler.setClient(client);
    await clock.advanceBy(10_000);
    expect(new Set(reports.snapshots.map((report) => report.id)).size).toBe(20);
    expect(reports.health.at(-1)).toMatchObject({ mode: 'running', blocker: null });
  });

  it('reports offline when every request fails, probes with backoff, and resumes by itself', async () => {
    let online = false;
    const { clock, client, watch, reports, scheduler } = setup(() =>
      online ? 'delivered' : new NetworkError('connect ECONNREFUSED'),
    );
    watch(...Array.from({ length: 30 }, (_, i) => `id-${i}`));
    await clock.advanceBy(5 * 60_000);
    const offline = reports.health.find((health) => health.blocker?.kind === 'offline');
    expect(offline?.blocker).toMatchObject({ kind: 'offline', message: 'connect ECONNREFUSED' });
    // Probing, not hammering: far fewer requests than 30 ids polled every few seconds would make.
    expect(client.calls.length).toBeLessThan(40);
    online = true;
    await clock.advanceBy(2 * 60_000);
    expect(reports.health.at(-1)).toMatchObject({ mode: 'idle', blocker: null });
    expect(new Set(reports.snapshots.map((report) => report.id)).size).toBe(30);
    expect(scheduler.size).toBe(0);
  });

  it('backs off a single id that keeps failing with server errors, without stopping the others', async () => {
    const { clock, client, watch, reports } = setup((id) =>
      id === 'bad' ? new ServerError('Service Unavailable', { httpStatus: 503 }) : 'processing',
    );
    watch('bad', 'good');
    await clock.advanceBy(5 * 60_000);
    const badIntervals = gaps(client.callsFor('bad').map((call) => call.at));
    expect(badIntervals[1]).toBeGreaterThan(badIntervals[0] ?? 0);
    expect(reports.failures.every((failure) => failure.id === 'bad')).toBe(true);
    expect(reports.health.at(-1)).toMatchObject({ mode: 'running', blocker: null });
    expect(client.callsFor('good').length).toBeGreaterThan(3);
  });

  it('retries a 404 a few times (a just-sent id may not be visible yet), then reports not found', async () => {
    const { clock, client, watch, reports, scheduler } = setup(
      (id, call) => (id === 'late' && call >= 2 ? 'delivered' : new NotFoundError('Message not found')),
      { notFoundRetries: 3 },
    );
    watch('late', 'ghost');
    await clock.advanceBy(10 * 60_000);
    expect(reports.notFound).toEqual(['ghost']);
    expect(client.callsFor('ghost')).toHaveLength(4);
    expect(reports.snapshots.find((report) => report.id === 'late')?.snapshot.rawStatus).toBe('delivered');
    expect(scheduler.size).toBe(0);
  });

  it('gives up at the end of the watch window instead of polling forever', async () => {
    const { clock, client, watch, reports, elapsed } = setup(() => 'processing', {
      watchWindowMs: 60 * 60_000,
    });
    watch('a');
    await clock.advanceBy(3 * 60 * 60_000);
    expect(reports.gaveUp).toHaveLength(1);
    expect(elapsed(reports.gaveUp[0]?.at ?? 0)).toBeGreaterThanOrEqual(60 * 60_000);
    expect(elapsed(reports.gaveUp[0]?.at ?? 0)).toBeLessThan(61 * 60_000);
    const last = client.callsFor('a').at(-1)?.at ?? 0;
    expect(elapsed(last)).toBeLessThan(61 * 60_000);
  });

  it('flags an id overdue when its deadline passes without a final status, checking right at the deadline', async () => {
    const { clock, client, scheduler, reports, elapsed } = setup(() => 'processing');
    scheduler.watch({ messageId: 'otp', addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    await clock.advanceBy(29_000);
    expect(reports.overdue).toHaveLength(0);
    await clock.advanceBy(2_000);
    expect(reports.overdue).toHaveLength(1);
    expect(client.callsFor('otp').some((call) => elapsed(call.at) === 30_000)).toBe(true);
  });

  it('does not flag an id overdue when it is delivered in time', async () => {
    const { clock, scheduler, reports } = setup((_id, call) => (call < 2 ? 'processing' : 'delivered'));
    scheduler.watch({ messageId: 'otp', addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    await clock.advanceBy(60_000);
    expect(reports.overdue).toHaveLength(0);
  });

  it('answers a repeated add or refresh within 30 s from the cache, without asking the API again', async () => {
    const { clock, client, scheduler, watch, reports } = setup(() => 'processing');
    watch('a');
    await clock.advanceBy(2_000);
    scheduler.unwatch('a');
    watch('a');
    expect(scheduler.refreshNow(['a'])).toEqual([{ messageId: 'a', outcome: 'cached' }]);
    await clock.advanceBy(1_000);
    expect(client.callsFor('a')).toHaveLength(1);
    expect(reports.snapshots.filter((report) => report.id === 'a')).toHaveLength(2);
    // The cache serves repeats only: the regular checks still go to the API.
    await clock.advanceBy(30_000);
    expect(client.callsFor('a').length).toBeGreaterThan(2);
  });

  it('makes no requests while paused and catches up on resume', async () => {
    const { clock, client, scheduler, watch, reports } = setup(() => 'processing');
    watch('a');
    await clock.advanceBy(1_000);
    scheduler.pause();
    const before = client.calls.length;
    await clock.advanceBy(10 * 60_000);
    expect(client.calls.length).toBe(before);
    expect(reports.health.at(-1)?.mode).toBe('paused');
    scheduler.resume();
    await clock.advanceBy(100);
    expect(client.calls.length).toBe(before + 1);
  });

  it('stops for good: requests in flight aborted, no timer left, no further requests or reports', async () => {
    const { clock, client, scheduler, watch, reports } = setup(() => 'processing', { concurrency: 2 }, 500);
    watch('a', 'b', 'c');
    await clock.advanceBy(100);
    expect(client.inFlight).toBe(2);
    scheduler.stop();
    await clock.advanceBy(0);
    expect(client.aborted).toBe(2);
    expect(client.inFlight).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    const calls = client.calls.length;
    const reported = reports.log.length;
    const health = reports.health.length;
    await clock.advanceBy(10 * 60_000);
    expect(client.calls.length).toBe(calls);
    expect(reports.log.length).toBe(reported);
    expect(reports.health.length).toBe(health);
    expect(reports.health.at(-1)?.mode).toBe('stopped');
  });

  it('ignores a 401 to a request sent with the old credentials once they have changed', async () => {
    const clock = new VirtualClock();
    let key = 'old';
    const health: EngineHealth[] = [];
    const client = {
      calls: [] as number[],
      async getStatus(): Promise<StatusSnapshot> {
        const sentWith = key;
        this.calls.push(clock.now());
        await clock.sleep(2_000);
        if (sentWith === 'old') throw new AuthError('Invalid API key', { httpStatus: 401 });
        return snapshotOf('a', 'processing');
      },
    };
    const scheduler = new PollScheduler({
      client,
      clock,
      concurrency: 4,
      observer: { ...silentObserver, onHealth: (state) => health.push(state) },
    });
    scheduler.watch({ messageId: 'a', addedAt: clock.now() });
    scheduler.watch({ messageId: 'b', addedAt: clock.now() });
    await clock.advanceBy(2_050);
    expect(scheduler.health.blocker?.kind).toBe('credentials_rejected');
    // b's request, sent with the old key, is still in flight when the key is fixed.
    key = 'new';
    scheduler.setClient(client);
    await clock.advanceBy(30_000);
    expect(health.at(-1)).toMatchObject({ mode: 'running', blocker: null });
    expect(health.filter((state) => state.blocker?.kind === 'credentials_rejected')).toHaveLength(1);
  });

  it('counts one step of 429 backoff for requests that were in flight together', async () => {
    let limited = true;
    const { clock, client, watch } = setup(
      () => (limited ? new RateLimitedError('slow down', { httpStatus: 429 }) : 'processing'),
      { maxRequestsPerSecond: 50, concurrency: 4 },
      300,
    );
    watch('a', 'b', 'c', 'd');
    await clock.advanceBy(400);
    limited = false;
    await clock.advanceBy(3_000);
    const starts = client.calls.map((call) => call.at);
    // Four 429s together pause for about 1 s, not 1 + 2 + 4 + 8.
    const firstAfterPause = starts.find((at) => at > (starts[3] ?? 0)) ?? Number.POSITIVE_INFINITY;
    expect(firstAfterPause - (starts[0] ?? 0)).toBeLessThan(1_600);
  });

  it('checks at once on resume() after an outage, and no longer reports offline', async () => {
    let online = false;
    const { clock, client, scheduler, watch } = setup(
      () => (online ? 'processing' : new NetworkError('connect ECONNREFUSED')),
      { maxGlobalBackoffMs: 60_000 },
    );
    watch('a', 'b', 'c');
    await clock.advanceBy(5 * 60_000);
    expect(scheduler.health.blocker?.kind).toBe('offline');
    online = true;
    const before = client.calls.length;
    scheduler.resume();
    expect(scheduler.health.blocker).toBeNull();
    await clock.advanceBy(1_000);
    expect(client.calls.length - before).toBe(3);
  });

  it('checks at once on wake() after an outage, and no longer reports offline', async () => {
    let online = false;
    const { clock, client, scheduler, watch } = setup(
      () => (online ? 'processing' : new NetworkError('connect ECONNREFUSED')),
      { maxGlobalBackoffMs: 60_000 },
    );
    watch('a', 'b', 'c');
    await clock.advanceBy(5 * 60_000);
    expect(scheduler.health.blocker?.kind).toBe('offline');
    online = true;
    const before = client.calls.length;
    scheduler.wake();
    expect(scheduler.health.blocker).toBeNull();
    await clock.advanceBy(1_000);
    expect(client.calls.length - before).toBe(3);
  });

  it('still gives up at the end of the watch window while offline', async () => {
    const { clock, watch, reports } = setup(() => new NetworkError('connect ECONNREFUSED'), {
      watchWindowMs: 60_000,
    });
    watch('a', 'b');
    await clock.advanceBy(10 * 60_000);
    expect(reports.gaveUp.map((report) => report.id).sort()).toEqual(['a', 'b']);
  });

  it('flags an id overdue even when every check of it fails', async () => {
    const { clock, scheduler, reports } = setup(
      () => new ServerError('Internal Server Error', { httpStatus: 500 }),
    );
    scheduler.watch({ messageId: 'otp', addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    await clock.advanceBy(45_000);
    expect(reports.overdue.map((report) => report.id)).toEqual(['otp']);
  });

  it('keeps the one-second gap when an id is removed and added again while its request is in flight', async () => {
    const { clock, client, scheduler, watch } = setup(() => 'processing', { cacheTtlMs: 0 }, 500);
    watch('a');
    await clock.advanceBy(100);
    scheduler.unwatch('a');
    watch('a');
    await clock.advanceBy(3_000);
    const intervals = gaps(client.callsFor('a').map((call) => call.at));
    expect(Math.min(...intervals)).toBeGreaterThanOrEqual(1_000);
  });

  it('keeps the one-second gap per id after rejected credentials and after a 429 with Retry-After: 0', async () => {
    let answer: () => ScriptedAnswer = () => new AuthError('Invalid API key', { httpStatus: 401 });
    const { clock, client, scheduler, watch } = setup(() => answer(), {}, 0);
    watch('a');
    await clock.advanceBy(10);
    answer = () => new RateLimitedError('slow down', { httpStatus: 429, retryAfterMs: 0 });
    scheduler.setClient(client);
    await clock.advanceBy(5_000);
    const intervals = gaps(client.callsFor('a').map((call) => call.at));
    expect(intervals.length).toBeGreaterThan(1);
    expect(Math.min(...intervals)).toBeGreaterThanOrEqual(1_000);
  });

  it('checks an id restored with a last-check time in the future (clock moved back) right away', async () => {
    const { clock, client, scheduler } = setup(() => 'processing');
    scheduler.watch({ messageId: 'a', addedAt: clock.now(), lastCheckedAt: clock.now() + 3_600_000 });
    await clock.advanceBy(1_000);
    expect(client.callsFor('a')).toHaveLength(1);
  });

  it('stops reporting offline as soon as SMSBAT answers at all, even with an error', async () => {
    let mode: 'down' | 'erroring' = 'down';
    const { clock, scheduler, watch } = setup(() =>
      mode === 'down'
        ? new NetworkError('connect ECONNREFUSED')
        : new ServerError('Service Unavailable', { httpStatus: 503 }),
    );
    watch('a', 'b', 'c');
    await clock.advanceBy(60_000);
    expect(scheduler.health.blocker?.kind).toBe('offline');
    mode = 'erroring';
    await clock.advanceBy(70_000);
    expect(scheduler.health).toMatchObject({ mode: 'running', blocker: null });
  });

  it('rejects bad options with a TypeError naming the option and the value', () => {
    const client = new ScriptedStatusClient(new VirtualClock(), () => 'processing');
    const observer = silentObserver;
    expect(() => new PollScheduler({ client, observer, maxRequestsPerSecond: 80 })).toThrow(
      /maxRequestsPerSecond.*up to 50.*80/,
    );
    expect(() => new PollScheduler({ client, observer, concurrency: 0 })).toThrow(/concurrency.*got `0`/);
    expect(() => new PollScheduler({ client, observer, initialIntervalMs: 200 })).toThrow(TypeError);
  });

  it.each([
    { random: 0, expected: 4_500 },
    { random: 0.999_999, expected: 5_500 },
  ])(
    'spreads delays by ±10 % (random $random: second check after $expected ms)',
    async ({ random, expected }) => {
      const { clock, client, watch } = setup(() => 'processing', { random: () => random }, 0);
      watch('a');
      await clock.advanceBy(120_000);
      const intervals = gaps(client.callsFor('a').map((call) => call.at));
      expect(Math.abs((intervals[0] ?? 0) - expected)).toBeLessThanOrEqual(1);
      // The spread does not compound: the fifth delay is still within 10 % of 5 s × 1.4⁴.
      expect(Math.abs((intervals[4] ?? 0) - (5_000 * 1.4 ** 4 * expected) / 5_000)).toBeLessThanOrEqual(1);
    },
  );
});
