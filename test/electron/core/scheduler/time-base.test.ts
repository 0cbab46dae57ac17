import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../electron/core/clock';
import { timeBaseOf } from '../../../../electron/core/scheduler/time-base';

/** A clock frozen at one reading: epoch ms and a fractional monotonic ms, as `performance.now()` gives. */
function frozenClock(epochMs: number, monotonicMs: number): Clock {
  return {
    now: () => epochMs,
    monotonicNow: () => monotonicMs,
    setTimeout: () => {
      throw new Error('not used');
    },
    clearTimeout: () => undefined,
  };
}

describe('timeBaseOf', () => {
  it('reports epoch times in whole milliseconds, as people and saved files read them', () => {
    const time = timeBaseOf(frozenClock(1_790_000_000_000, 1000.25));
    const epoch = time.toEpoch(6000.875);
    expect(Number.isInteger(epoch)).toBe(true);
    expect(epoch).toBe(1_790_000_005_001);
  });

  it('turns an epoch time into the monotonic time that lies as far ahead', () => {
    const time = timeBaseOf(frozenClock(1_790_000_000_000, 1000.25));
    expect(time.toMonotonic(1_790_000_030_000)).toBe(31_000.25);
    expect(time.toEpoch(time.toMonotonic(1_790_000_030_000))).toBe(1_790_000_030_000);
  });
});
