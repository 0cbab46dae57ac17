import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVEN_GAP_RULE,
  DEFAULT_PLAIN_LAG_POWER,
  DeliveryLearner,
  binOf,
  isSavedDeliveryProfile,
} from '../../../../electron/core/learning';

const HOUR = 3_600_000;

/** Feeds `count` messages final at `finalS` (checked every 2 s) on one mix. */
function teach(
  learner: DeliveryLearner,
  mix: 'sms' | 'viber-fallback',
  finalS: number,
  count: number,
  nowMs: number,
) {
  for (let i = 0; i < count; i += 1) {
    let last = 0;
    for (let at = 2; ; at += 2) {
      const final = at >= finalS;
      learner.observe(mix, last, at, final, nowMs);
      if (final) break;
      last = at;
    }
  }
}

/** Most final at 10 s, one a minute from 5 to 20 minutes, 20 never: a profile with a bulk and a sparse late tail. */
function teachBulkAndTail(learner: DeliveryLearner) {
  teach(learner, 'sms', 10, 100, 0);
  for (let finalS = 300; finalS <= 1200; finalS += 60) teach(learner, 'sms', finalS, 1, 0);
  for (let i = 0; i < 20; i += 1) {
    for (let at = 2; at <= 1200; at += 2) learner.observe('sms', at - 2, at, false, 0);
  }
}

describe('delivery learner', () => {
  it('summarises the share final by 10 s, 30 s, 2 min, 10 min and 1 h', () => {
    const learner = new DeliveryLearner();
    teach(learner, 'sms', 7, 200, 0);
    const summary = learner.summary();
    expect(summary.shareFinalBy.map((entry) => entry.ageS)).toEqual([10, 30, 120, 600, 3600]);
    expect(summary.shareFinalBy[0]?.share).toBeGreaterThan(0.9);
    expect(summary.events).toBeCloseTo(200, 5);
  });

  it('keeps a profile per channel mix once it has enough events, the pooled one before', () => {
    const learner = new DeliveryLearner({ minMixEvents: 30 });
    teach(learner, 'sms', 6, 100, 0);
    teach(learner, 'viber-fallback', 200, 10, 0);
    const early = learner.nextCheckAgeS('viber-fallback', 4, 0.01);
    teach(learner, 'viber-fallback', 200, 100, 0);
    // With its own profile, a Viber-with-fallback message at 4 s is not expected soon: the check moves later.
    expect(learner.nextCheckAgeS('viber-fallback', 4, 0.01)).toBeGreaterThan(early);
    expect(learner.summary('sms').shareFinalBy[0]?.share).toBeGreaterThan(0.9);
  });

  it('saves and restores, so the next run starts warm, and old observations fade', () => {
    const learner = new DeliveryLearner({ halfLifeMs: 6 * HOUR });
    teach(learner, 'sms', 8, 300, 0);
    const saved = JSON.parse(JSON.stringify(learner.save(0))) as unknown;
    expect(isSavedDeliveryProfile(saved)).toBe(true);
    if (!isSavedDeliveryProfile(saved)) return;
    const warm = new DeliveryLearner({ saved });
    expect(warm.nextCheckAgeS('sms', 1, 0.01)).toBeCloseTo(learner.nextCheckAgeS('sms', 1, 0.01), 6);
    const dayLater = new DeliveryLearner({ saved, halfLifeMs: 6 * HOUR });
    dayLater.observe('sms', 0, 1, false, 24 * HOUR);
    expect(dayLater.summary().events).toBeCloseTo(300 / 16, 3);
    expect(isSavedDeliveryProfile({ version: 1, savedAt: 0, mixes: {} })).toBe(false);
  });

  it('prices a request by the rate cap when many ids are pending', () => {
    const learner = new DeliveryLearner();
    expect(learner.priceS(0.5, 0, 10)).toBe(0.5);
    expect(learner.priceS(0.5, 1000, 10)).toBeCloseTo(100 ** (DEFAULT_PLAIN_LAG_POWER + 1));
  });

  it('places checks with the density shape it is given: a higher p or a flatter tail checks an old id sooner', () => {
    const learners = [
      new DeliveryLearner({ lagPower: 2 }),
      new DeliveryLearner({ lagPower: 3 }),
      new DeliveryLearner({ lagPower: 2, kneeHazard: 0.05, tailLagPower: 6 }),
    ];
    for (const learner of learners) teachBulkAndTail(learner);
    const [p2, p3, flatTail] = learners.map((learner) => learner.nextCheckAgeS('sms', 600, 1) - 600);
    expect(p3).toBeLessThan(p2 ?? 0);
    expect(flatTail).toBeLessThan(p2 ?? 0);
  });

  it('places an id without a deadline for a lower p than a code: its checks lean more on the bulk of finals', () => {
    const learner = new DeliveryLearner();
    const withP2 = new DeliveryLearner({ lagPower: 2 });
    teachBulkAndTail(learner);
    teachBulkAndTail(withP2);
    const tailOverBulk = (placer: DeliveryLearner) =>
      (placer.nextCheckAgeS('sms', 600, 1) - 600) / (placer.nextCheckAgeS('sms', 4, 1) - 4);
    expect(tailOverBulk(learner)).toBeGreaterThan(1.3 * tailOverBulk(withP2));
    // A code is placed for p = 2 whatever the exponent of the other ids.
    for (const fromS of [4, 600]) {
      expect(learner.nextCheckAgeS('sms', fromS, 1, {}, 1, learner.evenGap)).toBeCloseTo(
        withP2.nextCheckAgeS('sms', fromS, 1, {}, 1, withP2.evenGap),
        9,
      );
    }
  });

  it('checks a code in the late tail at the even gap, where an id without a deadline waits longer', () => {
    const learner = new DeliveryLearner();
    teachBulkAndTail(learner);
    const plain = learner.nextCheckAgeS('sms', 600, 1) - 600;
    const code = learner.nextCheckAgeS('sms', 600, 1, {}, 1, learner.evenGap) - 600;
    expect(code).toBeCloseTo(DEFAULT_EVEN_GAP_RULE.gapS, 6);
    expect(plain).toBeGreaterThan(code + 2);
    // At eight times the price both gaps double, as p = 2's do.
    expect(learner.nextCheckAgeS('sms', 600, 8, {}, 1, learner.evenGap) - 600).toBeCloseTo(2 * code, 6);
    // Without the rule a code is placed like any other id.
    expect(new DeliveryLearner({ evenGap: null }).evenGap).toBeNull();
  });

  it('re-estimates after as many observations as it is told, so a cold start can react sooner', () => {
    const at601 = (learner: DeliveryLearner) => learner.hazards(null)[binOf(601)] ?? 0;
    const often = new DeliveryLearner({ recomputeEveryObservations: 1 });
    const seldom = new DeliveryLearner();
    const before = [often, seldom].map((learner) => {
      teach(learner, 'sms', 10, 100, 0);
      const hazard = at601(learner);
      // Ten messages final between 600 s and 602 s: new at that age.
      for (let i = 0; i < 10; i += 1) learner.observe('sms', 600, 602, true, 0);
      return hazard;
    });
    expect(at601(often)).toBeGreaterThan(5 * (before[0] ?? 0));
    expect(at601(seldom)).toBe(before[1]);
    expect(() => new DeliveryLearner({ recomputeEveryObservations: 0 })).toThrow(
      /recomputeEveryObservations must be a whole number of at least 1, got 0/,
    );
  });
});
