import { describe, expect, it } from 'vitest';
import { AuthError, NetworkError, RateLimitedError } from '../../../electron/core/errors';
import type { PollScheduler } from '../../../electron/core/poll-scheduler';
import type { ScriptedAnswer } from '../../fakes/scripted-status-client';
import { setup } from './scheduler/harness';

type Hold = (scheduler: PollScheduler) => void;

const holds: [string, () => ScriptedAnswer, Hold][] = [
  [
    'paused',
    () => 'processing',
    (scheduler) => {
      scheduler.pause();
    },
  ],
  [
    'rate limited',
    () => new RateLimitedError('slow down', { httpStatus: 429, retryAfterMs: 3_600_000 }),
    () => undefined,
  ],
  ['offline', () => new NetworkError('connect ECONNREFUSED'), () => undefined],
  ['rejected', () => new AuthError('Invalid API key', { httpStatus: 401 }), () => undefined],
];

describe('PollScheduler overdue and give-up timers', () => {
  it.each(holds)(
    'reports overdue at the deadline and gives up at the window end while %s',
    async (_name, answer, hold) => {
      const { clock, scheduler, reports, elapsed } = setup(answer, { watchWindowMs: 120_000 });
      scheduler.watch({ messageId: 'otp', addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
      await clock.advanceBy(1_000);
      hold(scheduler);
      // Later ids are held from the start: nothing is ever sent for them.
      scheduler.watch({ messageId: 'held', addedAt: clock.now(), deadlineAt: clock.now() + 20_000 });
      await clock.advanceBy(5 * 60_000);
      expect(reports.overdue.map((report) => [report.id, elapsed(report.at)])).toEqual([
        ['held', 21_000],
        ['otp', 30_000],
      ]);
      expect(reports.gaveUp.map((report) => [report.id, elapsed(report.at)])).toEqual([
        ['otp', 120_000],
        ['held', 121_000],
      ]);
      expect(scheduler.size).toBe(0);
      scheduler.stop();
      expect(clock.pendingTimers).toBe(0);
    },
  );

  it('reports overdue before a final status that arrives after the deadline (delivered late)', async () => {
    const { clock, scheduler, reports } = setup(() => 'delivered', {}, 0);
    scheduler.watch({ messageId: 'late', addedAt: clock.now() - 60_000, deadlineAt: clock.now() - 30_000 });
    await clock.advanceBy(1_000);
    expect(reports.log).toEqual(['overdue:late', 'snapshot:late:delivered']);
  });

  it('reports overdue at the deadline, then the late delivery, when checks are still running', async () => {
    const start = Date.UTC(2026, 0, 1);
    const { clock, scheduler, reports, elapsed } = setup((_id, _call, now) =>
      now - start >= 40_000 ? 'delivered' : 'processing',
    );
    scheduler.watch({ messageId: 'otp', addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    await clock.advanceBy(2 * 60_000);
    expect(reports.log.filter((line) => !line.endsWith(':processing'))).toEqual([
      'overdue:otp',
      'snapshot:otp:delivered',
    ]);
    expect(elapsed(reports.overdue[0]?.at ?? 0)).toBe(30_000);
  });

  it('does not report overdue for a final status before the deadline', async () => {
    const { clock, scheduler, reports } = setup(() => 'delivered');
    scheduler.watch({ messageId: 'otp', addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    await clock.advanceBy(60_000);
    expect(reports.log).toEqual(['snapshot:otp:delivered']);
    // Once the last minute holds no request, nothing is left to time: an idle scheduler keeps no timer.
    await clock.advanceBy(60_000);
    expect(clock.pendingTimers).toBe(0);
  });
});
