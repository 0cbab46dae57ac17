import { describe, expect, it } from 'vitest';
import { describeWait, explainWait } from '../../../shared/wait-explanation';
import { RateLimitedError } from '../../../electron/core/errors';
import { FeedRecorder, engineKit } from './engine/engine-test-kit';

const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);

describe('MonitorEngine scheduling facts', () => {
  it('every message not yet final carries when its next check is, and the window gets the updates', async () => {
    const { engine, clock } = engineKit(() => 'processing');
    await engine.start();
    const feed = new FeedRecorder();
    engine.subscribe(feed.listener);
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    const view = engine.message('a');
    expect(view?.schedule).toMatchObject({ inFlight: false, consecutiveFailures: 0, heldBy: null });
    const nextCheckAt = view?.schedule?.nextCheckAt ?? 0;
    expect(nextCheckAt).toBeGreaterThan(clock.now());
    expect(feed.state?.messages[0]?.schedule?.nextCheckAt).toBe(nextCheckAt);
    const reason = view && explainWait(view);
    expect(reason && describeWait(reason, clock.now(), hhmm)).toMatch(/^next check in \d+ s$/);
  });

  it('explains a pause as what holds the message', async () => {
    const { engine, clock } = engineKit(() => 'processing');
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    engine.pause();
    const view = engine.message('a');
    const reason = view && explainWait(view);
    expect(reason && describeWait(reason, clock.now(), hhmm)).toBe('held: paused');
  });

  it('a deadline set on an existing id is reported overdue when it passes, and a late delivery as late', async () => {
    const { engine, clock } = engineKit((_id, _call, now) =>
      now < start + 90_000 ? 'processing' : 'delivered',
    );
    const start = clock.now();
    await engine.start();
    const feed = new FeedRecorder();
    engine.subscribe(feed.listener);
    engine.watch(['otp']);
    await clock.advanceBy(1_000);
    engine.setDeadline(['otp'], 30_000);
    await clock.advanceBy(10 * 60_000);
    expect(feed.events()).toEqual(['status_changed otp', 'overdue otp', 'delivered_late otp']);
    expect(engine.message('otp')).toMatchObject({ overdue: true, phase: 'final', schedule: null });
  });

  it('explains a rate limit with when it ends', async () => {
    const { engine, clock } = engineKit((_id, call) =>
      call === 0 ? new RateLimitedError('429', { httpStatus: 429, retryAfterMs: 120_000 }) : 'processing',
    );
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    const view = engine.message('a');
    const reason = view && explainWait(view);
    expect(reason).toMatchObject({ kind: 'held', reason: 'rate_limited' });
    const until = reason?.kind === 'held' ? reason.until : null;
    expect(until).toBeGreaterThan(clock.now() + 100_000);
    expect(reason && describeWait(reason, clock.now(), hhmm)).toBe(
      `held: SMSBAT asked us to slow down until ${hhmm(until ?? 0)}`,
    );
  });
});
