import { describe, expect, it } from 'vitest';
import { peakPerSecond } from '../../../bench/stats';
import { RateLimitedError, ServerError } from '../../../electron/core/errors';
import { gaps, setup } from './scheduler/harness';

describe('PollScheduler facts, options and deadlines', () => {
  it('tells where each id stands: next check, in flight, failures in a row, what holds it', async () => {
    let failing = true;
    const { clock, scheduler, watch, start } = setup(
      () => (failing ? new ServerError('Service Unavailable', { httpStatus: 503 }) : 'processing'),
      {},
      200,
    );
    watch('a');
    await clock.advanceBy(100);
    expect(scheduler.facts('a')).toEqual({
      nextCheckAt: null,
      inFlight: true,
      consecutiveFailures: 0,
      heldBy: null,
    });
    await clock.advanceBy(200);
    // Failed at 200 ms: next check 5 s later.
    expect(scheduler.facts('a')).toEqual({
      nextCheckAt: start + 5_200,
      inFlight: false,
      consecutiveFailures: 1,
      heldBy: null,
    });
    failing = false;
    await clock.advanceBy(6_000);
    expect(scheduler.facts('a')?.consecutiveFailures).toBe(0);
    expect(scheduler.facts('nobody')).toBeNull();
    scheduler.stop();
  });

  it('shows a 429 pause on every held id, with its end in epoch time', async () => {
    const { clock, scheduler, watch, start } = setup(
      (id) =>
        id === 'a' ? new RateLimitedError('slow', { httpStatus: 429, retryAfterMs: 30_000 }) : 'processing',
      { concurrency: 1 },
    );
    watch('a', 'b');
    await clock.advanceBy(100);
    expect(scheduler.facts('b')).toMatchObject({
      nextCheckAt: start + 30_050,
      heldBy: { reason: 'rate_limited', until: start + 30_050 },
    });
    scheduler.stop();
  });

  it('reports ids whose facts changed in batches, outside the dispatch loop', async () => {
    const { clock, scheduler, reports, watch } = setup(() => 'processing');
    watch('a', 'b', 'c');
    expect(reports.scheduleChanged).toEqual([]);
    await clock.advanceBy(0);
    expect(reports.scheduleChanged[0]).toEqual(['a', 'b', 'c']);
    await clock.advanceBy(1_000);
    const changed = new Set(reports.scheduleChanged.flat());
    expect(changed).toEqual(new Set(['a', 'b', 'c']));
    const batches = reports.scheduleChanged.length;
    scheduler.pause();
    await clock.advanceBy(0);
    expect(reports.scheduleChanged.length).toBe(batches + 1);
    expect(new Set(reports.scheduleChanged.at(-1))).toEqual(new Set(['a', 'b', 'c']));
    scheduler.unwatch('b');
    await clock.advanceBy(0);
    expect(reports.scheduleChanged.at(-1)).toEqual(['b']);
    scheduler.stop();
  });

  it('checks every option of a runtime change first, and changes nothing when one is wrong', () => {
    const { scheduler } = setup(() => 'processing');
    const before = scheduler.options;
    expect(() => {
      scheduler.updateOptions({ maxRequestsPerSecond: 20, concurrency: 0 });
    }).toThrow(new TypeError('Expected `concurrency` to be a whole number from 1 and up, got `0` (number)'));
    expect(() => {
      scheduler.updateOptions({ maxRequestsPerSecond: 80 });
    }).toThrow(/maxRequestsPerSecond.*up to 50.*`80`/);
    expect(() => {
      scheduler.updateOptions({ initialIntervalMs: 500 });
    }).toThrow(/initialIntervalMs.*1000.*`500`/);
    expect(() => {
      scheduler.updateOptions({ watchWindowMs: Number.NaN });
    }).toThrow(/watchWindowMs/);
    expect(scheduler.options).toEqual(before);
    scheduler.updateOptions({ maxRequestsPerSecond: 20, concurrency: 6 });
    expect(scheduler.options).toEqual({ ...before, maxRequestsPerSecond: 20, concurrency: 6 });
    expect(scheduler.health.counts.rateCapPerSecond).toBe(20);
    scheduler.stop();
  });

  it('applies a new rate cap, interval and watch window at once', async () => {
    const { clock, client, scheduler, watch, reports, start } = setup(() => 'processing', {
      maxRequestsPerSecond: 10,
      concurrency: 8,
    });
    watch(...Array.from({ length: 300 }, (_, i) => `id-${i}`));
    await clock.advanceBy(5_000);
    scheduler.updateOptions({ maxRequestsPerSecond: 40 });
    const since = clock.now();
    await clock.advanceBy(5_000);
    const recent = client.calls.filter((call) => call.at >= since).map((call) => call.at);
    expect(peakPerSecond(recent)).toBeGreaterThan(30);
    expect(peakPerSecond(recent)).toBeLessThanOrEqual(40);

    scheduler.updateOptions({ watchWindowMs: 8_000 });
    await clock.advanceBy(0);
    expect(scheduler.size).toBe(0);
    expect(reports.gaveUp).toHaveLength(300);
    expect(reports.gaveUp[0]?.at).toBe(start + 8_000);
    scheduler.stop();

    const second = setup(() => 'processing');
    second.watch('a');
    second.scheduler.updateOptions({ initialIntervalMs: 2_000 });
    await second.clock.advanceBy(10_000);
    expect(gaps(second.client.callsFor('a').map((call) => call.at))[0]).toBe(2_050);
    second.scheduler.stop();
  });

  it('sets, moves and clears a deadline of a watched id', async () => {
    const { clock, client, scheduler, watch, reports, elapsed } = setup(() => 'processing');
    watch('a', 'b', 'c');
    await clock.advanceBy(1_000);
    scheduler.setDeadline('a', clock.now() + 2_000);
    scheduler.setDeadline('b', clock.now() + 2_000);
    scheduler.setDeadline('b', null);
    scheduler.setDeadline('c', clock.now() - 1);
    await clock.advanceBy(0);
    expect(reports.overdue.map((report) => report.id)).toEqual(['c']);
    await clock.advanceBy(10_000);
    expect(reports.overdue.map((report) => [report.id, elapsed(report.at)])).toEqual([
      ['c', 999],
      ['a', 3_000],
    ]);
    // a is checked right at its deadline.
    expect(client.callsFor('a').some((call) => elapsed(call.at) === 3_000)).toBe(true);
    scheduler.stop();
  });

  it('asks a plugged-in policy for every next delay, and keeps its answers within the per-id gap', async () => {
    const asked: string[] = [];
    const { clock, client, watch } = setup((_id, call) => (call < 2 ? 'processing' : 'sent'), {
      policy: {
        nextDelayMs: (state) => {
          asked.push(`${state.outcome}:${state.rawStatus ?? ''}`);
          return 10;
        },
      },
    });
    watch('a');
    await clock.advanceBy(10_000);
    expect(asked.slice(0, 3)).toEqual(['changed:processing', 'unchanged:processing', 'changed:sent']);
    expect(Math.min(...gaps(client.callsFor('a').map((call) => call.at)))).toBeGreaterThanOrEqual(1_000);
  });
});
