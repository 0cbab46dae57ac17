import { describe, expect, it } from 'vitest';
import {
  DEADLINE_APPROACH_GAP_S,
  DEFAULT_EVEN_GAP_RULE,
  evenGapFor,
  placeNextCheck,
  type PlacementRequest,
} from '../../../../electron/core/learning';
import { learnerWithTail } from './learned-profiles';

const request = (overrides: Partial<PlacementRequest>): PlacementRequest => ({
  ageS: 600,
  lastCheckAgeS: 600,
  mix: 'sms',
  deadlineAgeS: null,
  pendingRootHazardSum: 0,
  pendingCount: 1,
  maxRequestsPerSecond: 10,
  priceS: 1,
  random: 0.5,
  ...overrides,
});

describe('the even-gap rule of one placement', () => {
  it('is none for an id without a deadline or for a first check, raised before the deadline, whole after', () => {
    const rule = DEFAULT_EVEN_GAP_RULE;
    expect(evenGapFor(rule, false, 100, null)).toBeNull();
    expect(evenGapFor(rule, true, 0, 30)).toBeNull();
    expect(evenGapFor(null, false, 100, 30)).toBeNull();
    expect(evenGapFor(rule, false, 40, 30)).toEqual(rule);
    // Before the deadline the top lets checks come every DEADLINE_APPROACH_GAP_S at a price of 1 s.
    const before = evenGapFor(rule, false, 20, 30);
    expect((before?.gapS ?? 0) / (before?.topRatio ?? 1)).toBeCloseTo(DEADLINE_APPROACH_GAP_S, 9);
  });

  it("gives a rule that holds the hump within the cap the id's share of it, and only such a rule", () => {
    const rule = { ...DEFAULT_EVEN_GAP_RULE, humpLagPower: 1.5, humpWithinCap: true };
    expect(evenGapFor(rule, false, 40, 30, 0.25)?.capShareDensity).toBe(0.25);
    expect(evenGapFor(rule, false, 20, 30, 0.25)?.capShareDensity).toBe(0.25);
    expect(evenGapFor(DEFAULT_EVEN_GAP_RULE, false, 40, 30, 0.25)).toEqual(DEFAULT_EVEN_GAP_RULE);
  });
});

describe('placing the next check', () => {
  it('checks a code past its first check at the even gap, where an id without a deadline waits longer', () => {
    const learner = learnerWithTail();
    const code = placeNextCheck(learner, request({ deadlineAgeS: 30 })) - 600;
    const other = placeNextCheck(learner, request({})) - 600;
    expect(code).toBeCloseTo(DEFAULT_EVEN_GAP_RULE.gapS, 6);
    expect(other).toBeGreaterThan(code + 2);
  });

  it('still checks a code within a second of sending and exactly at its deadline', () => {
    const learner = learnerWithTail();
    const first = placeNextCheck(
      learner,
      request({ ageS: 0, lastCheckAgeS: null, deadlineAgeS: 30, random: 1 }),
    );
    expect(first).toBeLessThanOrEqual(1);
    expect(placeNextCheck(learner, request({ ageS: 26, lastCheckAgeS: 26, deadlineAgeS: 30 }))).toBe(30);
  });
});
