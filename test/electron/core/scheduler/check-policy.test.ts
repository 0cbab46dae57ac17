import { describe, expect, it } from 'vitest';
import { backoffPolicy, jitter, type CheckState } from '../../../../electron/core/scheduler/check-policy';

const tuning = {
  maxIntervalMs: 60_000,
  lateAfterMs: 3_600_000,
  lateMaxIntervalMs: 600_000,
  backoffFactor: 1.4,
};

const policy = backoffPolicy(tuning);

function state(overrides: Partial<CheckState>): CheckState {
  return {
    outcome: 'unchanged',
    previousDelayMs: 5_000,
    ageMs: 0,
    consecutiveFailures: 0,
    notFoundCount: 0,
    initialIntervalMs: 5_000,
    rawStatus: 'processing',
    ...overrides,
  };
}

describe('backoffPolicy', () => {
  it('grows the delay ×1.4 per unchanged check, and goes back to the first interval after a change', () => {
    expect(policy.nextDelayMs(state({ previousDelayMs: 10_000 }))).toBe(14_000);
    expect(policy.nextDelayMs(state({ previousDelayMs: 40_000, outcome: 'changed' }))).toBe(5_000);
  });

  it('caps at a minute in the first hour of a watch, then at ten minutes', () => {
    expect(policy.nextDelayMs(state({ previousDelayMs: 59_000 }))).toBe(60_000);
    expect(policy.nextDelayMs(state({ previousDelayMs: 59_000, ageMs: 3_600_000 }))).toBeCloseTo(82_600);
    expect(policy.nextDelayMs(state({ previousDelayMs: 590_000, ageMs: 3_600_000 }))).toBe(600_000);
  });

  it('doubles from the first interval per failure in a row, within the cap, and per 404', () => {
    expect(
      [1, 2, 3, 4, 5].map((n) => policy.nextDelayMs(state({ outcome: 'failed', consecutiveFailures: n }))),
    ).toEqual([5_000, 10_000, 20_000, 40_000, 60_000]);
    expect(
      [1, 2, 3].map((n) => policy.nextDelayMs(state({ outcome: 'not_found', notFoundCount: n }))),
    ).toEqual([5_000, 10_000, 20_000]);
  });

  it('uses the scheduler’s current first interval', () => {
    expect(policy.nextDelayMs(state({ outcome: 'changed', initialIntervalMs: 2_000 }))).toBe(2_000);
  });
});

describe('jitter', () => {
  it('stays within the ratio for any random value in [0, 1)', () => {
    for (const random of [0, 0.25, 0.5, 0.75, 0.999_999]) {
      const value = jitter(1_000, 0.2, random);
      expect(value).toBeGreaterThanOrEqual(800);
      expect(value).toBeLessThan(1_200);
    }
    expect(jitter(1_000, 0, 0.9)).toBe(1_000);
  });
});
