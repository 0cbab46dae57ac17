import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../electron/core/errors';
import type { Script } from '../../fakes/scripted-status-client';
import { gaps, setup } from './scheduler/harness';

const HOUR = 3_600_000;

/** Runs a watch with a deadline and a 429 for 20 min, stepping the wall clock by `stepMs` after 30 s. */
async function run(stepMs: number) {
  const script: Script = (id, call) =>
    id === 'limited' && call === 1
      ? new RateLimitedError('slow down', { httpStatus: 429, retryAfterMs: 20_000 })
      : 'processing';
  const { clock, client, scheduler, reports, start } = setup(script, { watchWindowMs: 2 * HOUR });
  scheduler.watch({ messageId: 'otp', addedAt: start, deadlineAt: start + 60_000 });
  scheduler.watch({ messageId: 'limited', addedAt: start });
  await clock.advanceBy(3_000);
  scheduler.watch({ messageId: 'late', addedAt: clock.now() });
  await clock.advanceBy(27_000);
  clock.stepWallClock(stepMs);
  await clock.advanceBy(20 * 60_000);
  const monotonic = (id: string) => client.callsFor(id).map((call) => call.monotonicAt);
  return { clock, reports, monotonic, start };
}

describe('PollScheduler on a monotonic clock', () => {
  it.each([
    ['back', -HOUR],
    ['forward', HOUR],
  ])('keeps the same pace when the wall clock steps an hour %s', async (_direction, stepMs) => {
    const steady = await run(0);
    const stepped = await run(stepMs);
    for (const id of ['otp', 'limited', 'late']) {
      expect(gaps(stepped.monotonic(id))).toEqual(gaps(steady.monotonic(id)));
    }
    // The deadline passes after 60 s of real time, not at a wall-clock reading; nothing gives up early.
    expect(stepped.reports.overdue.map((report) => report.id)).toEqual(['otp']);
    expect(stepped.reports.gaveUp).toEqual([]);
    // Times reported to people are wall-clock times: after the step, shifted by it.
    expect(stepped.reports.overdue[0]?.at).toBe(stepped.start + 60_000 + stepMs);
  });

  it('shows the Retry-After pause ending at the wall-clock time it will end, after a step back', async () => {
    const { clock, scheduler, watch } = setup(
      () => new RateLimitedError('slow', { httpStatus: 429, retryAfterMs: 30_000 }),
    );
    watch('a');
    await clock.advanceBy(1_000);
    clock.stepWallClock(-HOUR);
    const blocker = scheduler.health.blocker;
    expect(blocker?.kind).toBe('rate_limited');
    if (blocker?.kind === 'rate_limited') expect(blocker.until - clock.now()).toBe(30_000 + 50 - 1_000);
  });
});
