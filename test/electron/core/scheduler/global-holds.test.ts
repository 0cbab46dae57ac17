import { describe, expect, it } from 'vitest';
import {
  activeHold,
  answered,
  clientReplaced,
  connectFailed,
  credentialsFailed,
  globalBackoffMs,
  initialHolds,
  rateLimited,
  setPaused,
  woke,
  succeeded,
} from '../../../../electron/core/scheduler/global-holds';

const tuning = { offlineAfterFailures: 3, maxGlobalBackoffMs: 60_000 };

describe('the pause state machine', () => {
  it('holds nothing at first, or everything without credentials', () => {
    expect(activeHold(initialHolds(true), 0)).toBeNull();
    expect(activeHold(initialHolds(false), 0)).toEqual({ reason: 'no_credentials', until: null });
  });

  it('backs off 1 s, 2 s, 4 s… up to the cap after 429s without Retry-After', () => {
    expect([1, 2, 3, 7, 20].map((streak) => globalBackoffMs(streak, 60_000))).toEqual([
      1_000, 2_000, 4_000, 60_000, 60_000,
    ]);
    let state = rateLimited(initialHolds(true), 0, null, tuning);
    expect(activeHold(state, 500)).toEqual({ reason: 'rate_limited', until: 1_000 });
    // A 429 to a request that was in flight together counts no further step.
    state = rateLimited(state, 800, null, tuning);
    expect(state.rateLimitStreak).toBe(1);
    expect(state.rateLimitedUntil).toBe(1_800);
    state = rateLimited(state, 1_800, null, tuning);
    expect(activeHold(state, 1_800)).toEqual({ reason: 'rate_limited', until: 3_800 });
    expect(activeHold(state, 3_800)).toBeNull();
    expect(succeeded(state).rateLimitStreak).toBe(0);
  });

  it('honours Retry-After, at least one second', () => {
    expect(rateLimited(initialHolds(true), 0, 7_000, tuning).rateLimitedUntil).toBe(7_000);
    expect(rateLimited(initialHolds(true), 0, 0, tuning).rateLimitedUntil).toBe(1_000);
  });

  it('goes offline after enough connection failures in a row, and back online on any answer', () => {
    let state = initialHolds(true);
    for (const at of [0, 100]) {
      const result = connectFailed(state, at, 'ECONNREFUSED', tuning);
      expect(result.offline).toBe(false);
      state = result.state;
    }
    const third = connectFailed(state, 200, 'ECONNREFUSED', tuning);
    expect(third.offline).toBe(true);
    expect(activeHold(third.state, 300)).toEqual({ reason: 'offline', until: 1_200 });
    expect(third.state.offlineSince).toBe(200);
    expect(activeHold(answered(third.state), 300)).toBeNull();
    expect(answered(third.state).offlineSince).toBeNull();
  });

  it('shows a pause, but credentials problems come first and outlast it', () => {
    const paused = setPaused(initialHolds(true), true);
    expect(activeHold(paused, 0)).toEqual({ reason: 'paused', until: null });
    const rejected = credentialsFailed(paused, { kind: 'credentials_rejected', message: 'Invalid API key' });
    expect(activeHold(rejected, 0)).toEqual({ reason: 'credentials_rejected', until: null });
    const resumed = setPaused(rejected, false);
    expect(activeHold(resumed, 0)?.reason).toBe('credentials_rejected');
    expect(activeHold(clientReplaced(resumed, true), 0)).toBeNull();
    expect(activeHold(clientReplaced(resumed, false), 0)?.reason).toBe('no_credentials');
  });

  it('ends an offline wait on waking, but keeps a pause, a credentials problem and a 429 wait', () => {
    const offline = connectFailed(
      { ...initialHolds(true), connectFailuresInRow: 2 },
      0,
      'down',
      tuning,
    ).state;
    expect(activeHold(woke(offline), 10)).toBeNull();
    expect(activeHold(woke(setPaused(offline, true)), 10)?.reason).toBe('paused');
    const rejected = credentialsFailed(offline, { kind: 'credentials_rejected', message: '401' });
    expect(activeHold(woke(rejected), 10)?.reason).toBe('credentials_rejected');
    const limited = rateLimited(initialHolds(true), 0, 30_000, tuning);
    expect(activeHold(woke(limited), 10)).toEqual({ reason: 'rate_limited', until: 30_000 });
  });

  it('ends an offline wait on resume', () => {
    const offline = connectFailed(
      { ...initialHolds(true), connectFailuresInRow: 2 },
      0,
      'down',
      tuning,
    ).state;
    expect(activeHold(offline, 10)?.reason).toBe('offline');
    expect(activeHold(setPaused(offline, false), 10)).toBeNull();
  });
});
