import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../fakes/scripted-status-client';
import {
  AuthError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  WrongBaseUrlError,
} from '../../../../electron/core/errors';
import {
  afterFailure,
  afterSnapshot,
  afterSuccess,
  type CheckContext,
  type IdState,
} from '../../../../electron/core/scheduler/after-check';
import { backoffPolicy } from '../../../../electron/core/scheduler/check-policy';
import { activeHold, initialHolds } from '../../../../electron/core/scheduler/global-holds';

const NOW = 100_000;

const id: IdState = {
  addedAt: 0,
  deadlineAt: null,
  overdueReported: false,
  seen: true,
  lastRaw: 'processing',
  delayMs: 10_000,
  notFoundCount: 0,
  consecutiveFailures: 0,
};

const context: CheckContext = {
  now: NOW,
  holds: initialHolds(true),
  policy: backoffPolicy({
    maxIntervalMs: 60_000,
    lateAfterMs: 3_600_000,
    lateMaxIntervalMs: 600_000,
    backoffFactor: 1.4,
  }),
  initialIntervalMs: 5_000,
  notFoundRetries: 3,
  tuning: { offlineAfterFailures: 3, maxGlobalBackoffMs: 60_000 },
  currentClient: true,
  jitterRatio: 0.1,
  random: 0.5,
};

describe('what follows a check', () => {
  it('plans the next check from the policy, spread by the jitter: random 0 the low end, near 1 the high end', () => {
    const unchanged = afterSnapshot(id, snapshotOf('a', 'processing'), NOW, context);
    expect(unchanged.next).toBe(NOW + 14_000);
    // The policy gets back the unspread delay, so the spread never compounds.
    expect(unchanged.state.delayMs).toBe(14_000);
    expect(afterSnapshot(id, snapshotOf('a', 'processing'), NOW, { ...context, random: 0 }).next).toBe(
      NOW + 12_600,
    );
    const high = afterSnapshot(id, snapshotOf('a', 'processing'), NOW, { ...context, random: 0.999_999 });
    expect(high.next).toBeLessThan(NOW + 15_400);
    expect(high.next).toBeGreaterThan(NOW + 15_399);
    expect(high.state.delayMs).toBe(14_000);
  });

  it('goes back to the first interval after a change, and never plans past a deadline still ahead', () => {
    const changed = afterSnapshot(id, snapshotOf('a', 'sent'), NOW, context);
    expect(changed).toMatchObject({ next: NOW + 5_000, state: { lastRaw: 'sent', delayMs: 5_000 } });
    expect(
      afterSnapshot({ ...id, deadlineAt: NOW + 3_000 }, snapshotOf('a', 'sent'), NOW, context).next,
    ).toBe(NOW + 3_000);
  });

  it('ends the watch at a final status, reporting it overdue first when it came after the deadline', () => {
    const inTime = afterSnapshot({ ...id, deadlineAt: NOW + 1 }, snapshotOf('a', 'delivered'), NOW, context);
    expect(inTime.next).toBe('remove');
    expect(inTime.reports.map((report) => report.kind)).toEqual(['snapshot']);
    const late = afterSnapshot(
      { ...id, deadlineAt: NOW - 5_000 },
      snapshotOf('a', 'delivered'),
      NOW,
      context,
    );
    expect(late.reports).toEqual([
      { kind: 'overdue', at: NOW - 5_000 },
      { kind: 'snapshot', snapshot: snapshotOf('a', 'delivered'), at: NOW },
    ]);
    expect(late.state.overdueReported).toBe(true);
  });

  it('clears the failure counts and a 429 streak on success', () => {
    const decision = afterSuccess(
      { ...id, consecutiveFailures: 4, notFoundCount: 1 },
      snapshotOf('a', 'processing'),
      { ...context, holds: { ...initialHolds(true), rateLimitStreak: 3 } },
    );
    expect(decision.state).toMatchObject({ consecutiveFailures: 0, notFoundCount: 0 });
    expect(decision.holds.rateLimitStreak).toBe(0);
  });

  it('blocks every check on rejected credentials or a wrong base URL, unless the request used an older client', () => {
    const rejected = afterFailure(id, new AuthError('Invalid API key', { httpStatus: 401 }), context);
    expect(activeHold(rejected.holds, NOW)).toEqual({ reason: 'credentials_rejected', until: null });
    expect(rejected).toMatchObject({ next: NOW, reports: [] });
    const wrongUrl = afterFailure(
      id,
      new WrongBaseUrlError('HTML, not SMSBAT', { httpStatus: 404, baseUrl: 'https://example.test' }),
      context,
    );
    expect(wrongUrl.holds.credentials).toEqual({
      kind: 'wrong_base_url',
      baseUrl: 'https://example.test',
      message: 'HTML, not SMSBAT',
    });
    expect(wrongUrl.state.notFoundCount).toBe(0);
    const stale = afterFailure(id, new AuthError('Invalid API key', { httpStatus: 401 }), {
      ...context,
      currentClient: false,
    });
    expect(activeHold(stale.holds, NOW)).toBeNull();
  });

  it('caps a Retry-After beyond an hour at an hour', () => {
    const decision = afterFailure(
      id,
      new RateLimitedError('slow down', { httpStatus: 429, retryAfterMs: 7_200_000 }),
      context,
    );
    expect(activeHold(decision.holds, NOW)).toEqual({ reason: 'rate_limited', until: NOW + 3_600_000 });
  });

  it('counts 404s against the id until it is reported not found', () => {
    const error = new NotFoundError('Message not found', { httpStatus: 404 });
    const third = afterFailure({ ...id, notFoundCount: 2 }, error, context);
    expect(third).toMatchObject({ next: NOW + 20_000, state: { notFoundCount: 3 } });
    expect(afterFailure({ ...id, notFoundCount: 3 }, error, context)).toMatchObject({
      next: 'remove',
      reports: [{ kind: 'not_found', at: NOW }],
    });
  });

  it('backs off one id alone on a server error', () => {
    const decision = afterFailure(
      { ...id, consecutiveFailures: 1 },
      new ServerError('Service Unavailable', { httpStatus: 503 }),
      context,
    );
    expect(decision).toMatchObject({ next: NOW + 10_000, state: { consecutiveFailures: 2 } });
    expect(activeHold(decision.holds, NOW)).toBeNull();
  });
});
