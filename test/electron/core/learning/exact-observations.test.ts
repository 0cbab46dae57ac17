import { describe, expect, it } from 'vitest';
import { DeliveryLearner, learningCheckPolicy } from '../../../../electron/core/learning';
import { ageWhenShareFinal, shareFinalBy } from '../../../../electron/core/learning/hazard-profile';
import { backoffPolicy } from '../../../../electron/core/poll-scheduler';
import { snapshotOf } from '../../../fakes/scripted-status-client';

const BACKOFF = backoffPolicy({
  maxIntervalMs: 60_000,
  lateAfterMs: 3_600_000,
  lateMaxIntervalMs: 600_000,
  backoffFactor: 1.4,
});

/** Fifty messages, each first checked at 1 s and final at 30 s: by polling at 60 s, or by a webhook dated 30 s. */
function learn(exact: boolean): DeliveryLearner {
  const learner = new DeliveryLearner({ recomputeEveryObservations: 1 });
  const policy = learningCheckPolicy({ fallback: BACKOFF, learner, now: () => 0 });
  for (let i = 0; i < 50; i += 1) {
    const messageId = `m-${i}`;
    policy.observe?.({
      messageId,
      ageMs: 1_000,
      nowMs: 1_000,
      final: false,
      snapshot: snapshotOf(messageId, 'sent'),
    });
    policy.observe?.({
      messageId,
      ageMs: exact ? 30_000 : 60_000,
      nowMs: exact ? 30_000 : 60_000,
      final: true,
      snapshot: snapshotOf(messageId, 'delivered'),
      ...(exact ? { exact: true } : {}),
    });
  }
  return learner;
}

describe('learning from webhook times', () => {
  it('places the deliveries a webhook dates at their time, not anywhere since the last check', () => {
    const polled = learn(false).hazards(null);
    const pushed = learn(true).hazards(null);
    // Polling only knows they happened between 1 s and 60 s: some share looks final by 15 s. Webhooks say none is.
    expect(shareFinalBy(polled, 15)).toBeGreaterThan(0.2);
    expect(shareFinalBy(pushed, 15)).toBeLessThan(0.1);
    expect(shareFinalBy(pushed, 31)).toBeGreaterThan(0.8);
  });

  it('finds the age by which a share of messages is final', () => {
    const hazards = new Float64Array(learn(true).hazards(null));
    const age = ageWhenShareFinal(hazards, 0.5);
    expect(age).not.toBeNull();
    expect(shareFinalBy(hazards, age ?? 0)).toBeCloseTo(0.5, 3);
    expect(ageWhenShareFinal(hazards, 0)).toBe(0);
    expect(ageWhenShareFinal(new Float64Array(hazards.length), 0.5)).toBeNull();
  });
});
