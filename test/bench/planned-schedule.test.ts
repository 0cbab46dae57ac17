import { describe, expect, it } from 'vitest';
import { cappedOracleBound } from '../../bench/capped-oracle';
import { simulate, type SimWorkload } from '../../bench/event-sim';
import { planned } from '../../bench/sim-strategies';

/** Three ids sent at once, final at 4 s, one request a second, requests that take no time. */
const threeIds: SimWorkload = {
  rateCap: 1,
  durationMs: 60_000,
  latencyMs: 0,
  ids: Array.from({ length: 3 }, () => ({
    arrivalMs: 0,
    deadlineAgeMs: null,
    finalAgeMs: 4_000,
    processingAgeMs: null,
    mix: 'sms' as const,
  })),
};

describe('a schedule planned in advance', () => {
  it('checks at the planned ages as the cap allows; a check the cap pushed late stands for the planned ones it passed', () => {
    // All planned at 2 s and 5 s: the cap sends the first checks at 2, 3 and 4 s (the one at 4 s finds its id
    // final), then the other two ids' second checks at 5 and 6 s.
    const strategy = planned('plan', () => [2, 5]).create(() => 0.5);
    const outcome = simulate(threeIds, strategy, () => 0.5);
    expect(outcome.requests).toBe(5);
    const detected = [...outcome.detectedAtMs].map((ms) => Math.round(ms)).sort((a, b) => a - b);
    expect(detected).toEqual([4_000, 5_000, 6_000]);
    expect(outcome.peakPerSecond).toBe(1);
  });

  it('stops after the last planned check: a final still to come is never found', () => {
    // One check planned at 1 s: the cap sends them at 1, 2 and 3 s, before any id is final at 4 s.
    const strategy = planned('plan', () => [1]).create(() => 0.5);
    const outcome = simulate(threeIds, strategy, () => 0.5);
    expect(outcome.requests).toBe(3);
    expect([...outcome.detectedAtMs].every(Number.isNaN)).toBe(true);
  });

  it("the capped oracle's last price rounds give one plan of ascending ages within the horizon per round", () => {
    const bound = cappedOracleBound({
      finalShareBy: (ageS) => (ageS >= 10 ? 1 : 0),
      groups: [{ arrivalFromS: 0, arrivalToS: 0, horizonS: 60, weight: 4 }],
      checksPerId: 1,
      rateCap: 1,
      durationS: 60,
      iterations: 50,
      targetMeanS: 2,
      p95: false,
      keepPlans: 5,
    });
    const rounds = bound.plansS?.[0] ?? [];
    expect(rounds).toHaveLength(5);
    for (const agesS of rounds) {
      expect(agesS.length).toBeGreaterThan(0);
      agesS.forEach((age, k) => {
        expect(age).toBeGreaterThan(k === 0 ? 0 : (agesS[k - 1] ?? 0));
        expect(age).toBeLessThan(60);
      });
    }
  });
});
