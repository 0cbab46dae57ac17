import { describe, expect, it } from 'vitest';
import {
  BIN_COUNT,
  binEndS,
  binOf,
  binStartS,
  checkDensity,
  DEFAULT_EVEN_GAP_RULE,
  HUMP_EVEN_GAP_RULE,
  defaultMaxGapS,
  nextCheckAgeS,
  priceForRate,
  rootHazard,
} from '../../../../electron/core/learning';

const flat = (hazard: number) => new Float64Array(BIN_COUNT).fill(hazard);

describe('check placement', () => {
  it('uses density (h / c)^(1/3): eight times the hazard, half the gap', () => {
    const gapLow = nextCheckAgeS(flat(0.01), 100, 1) - 100;
    const gapHigh = nextCheckAgeS(flat(0.08), 100, 1) - 100;
    expect(checkDensity(0.08, 0.01)).toBeCloseTo(2);
    expect(gapLow).toBeGreaterThan(2);
    expect(gapLow / gapHigh).toBeCloseTo(2, 5);
  });

  it('checks sooner where finals are likely, even across bins', () => {
    const hazards = flat(0.0001);
    hazards[binOf(40)] = 1;
    const next = nextCheckAgeS(hazards, 20, 1);
    expect(next).toBeGreaterThan(binOf(40) > 0 ? 35 : 0);
    expect(next).toBeLessThan(45);
  });

  it('keeps at least 1 s and at most min(10 min, age / 2 + 10 s) between checks', () => {
    expect(nextCheckAgeS(flat(100), 5, 0.001) - 5).toBe(1);
    expect(nextCheckAgeS(flat(1e-9), 30, 10) - 30).toBe(defaultMaxGapS(30));
    expect(defaultMaxGapS(30)).toBe(25);
    expect(defaultMaxGapS(5000)).toBe(600);
  });

  it('lands a check exactly on the deadline instead of skipping past it', () => {
    expect(nextCheckAgeS(flat(1e-6), 20, 1, { deadlineAgeS: 30 })).toBe(30);
    expect(nextCheckAgeS(flat(1e-6), 30, 1, { deadlineAgeS: 30 })).toBeGreaterThan(30);
  });

  it('places a first check at a fraction of the mass, so ids sent together spread out', () => {
    const hazards = flat(0.001);
    const a = nextCheckAgeS(hazards, 0, 0.001, { minGapS: 0, maxGapS: 1000 }, 0.2);
    const b = nextCheckAgeS(hazards, 0, 0.001, { minGapS: 0, maxGapS: 1000 }, 0.9);
    expect(a).toBeCloseTo(0.2, 5);
    expect(b).toBeCloseTo(0.9, 5);
  });

  it('prices requests so the pending ids use the rate given, no more', () => {
    // 1000 ids at hazard 0.001 each: density (0.001 / c)^(1/3) per id, 1000 of them = 10 per second.
    const sum = 1000 * 0.001 ** (1 / 3);
    const price = priceForRate(sum, 10);
    expect(1000 * checkDensity(0.001, price)).toBeCloseTo(10, 6);
  });

  it('with a higher p, checks the tail relatively more often than the hump', () => {
    const ratio = (p: number) => checkDensity(0.08, 1, p) / checkDensity(0.0008, 1, p);
    expect(ratio(2)).toBeCloseTo(100 ** (1 / 3), 6);
    expect(ratio(3)).toBeCloseTo(100 ** (1 / 4), 6);
    expect(ratio(3)).toBeLessThan(ratio(2));
  });

  it('with the even-gap rule, is flat at 1 / gap over the bulk of finals, thins beyond it and is capped above', () => {
    const rule = { gapS: 8, fromHazard: 0.0003, topRatio: 1.5 };
    const shape = { lagPower: 2, evenGap: rule };
    // Between the cut and the hazard whose p = 2 density is 1 / 8 s, the density is flat at 1 / 8 s.
    for (const hazard of [0.0003, 0.0006, 0.001])
      expect(checkDensity(hazard, 1, shape)).toBeCloseTo(1 / 8, 9);
    // Above it, p = 2's, up to 1.5 / 8 s.
    expect(checkDensity(0.004, 1, shape)).toBeCloseTo(checkDensity(0.004, 1), 9);
    expect(checkDensity(0.5, 1, shape)).toBeCloseTo(1.5 / 8, 9);
    // Below the cut the rarest ages are left to p = 2 alone: sparser.
    expect(checkDensity(0.0001, 1, shape)).toBe(checkDensity(0.0001, 1));
    expect(checkDensity(0.0001, 1, shape)).toBeLessThan(1 / 8);
    // A higher price stretches the gap as it stretches p = 2's: eight times the price, twice the gap.
    expect(checkDensity(0.0006, 8, shape)).toBeCloseTo(1 / 16, 9);
  });

  it('with the even-gap rule, keeps the gap limits and lands exactly on a deadline', () => {
    const shape = { lagPower: 2, evenGap: { gapS: 8, fromHazard: 0.0003, topRatio: 1.5 } };
    expect(nextCheckAgeS(flat(0.0006), 300, 1, {}, 1, shape)).toBeCloseTo(308, 9);
    expect(nextCheckAgeS(flat(0.0006), 300, 1, { maxGapS: 5 }, 1, shape)).toBe(305);
    expect(nextCheckAgeS(flat(0.0006), 300, 1e-6, { minGapS: 1 }, 1, shape)).toBe(301);
    expect(nextCheckAgeS(flat(0.0006), 300, 1, { deadlineAgeS: 303 }, 1, shape)).toBe(303);
    // Below the cut: p = 2's longer gap.
    expect(nextCheckAgeS(flat(0.0001), 300, 1, {}, 1, shape)).toBeGreaterThan(320);
  });

  it('prices requests for the rate with the even-gap rule too', () => {
    const shape = { lagPower: 2, evenGap: { gapS: 8, fromHazard: 0.0003, topRatio: 1.5 } };
    const hazards = [0.0001, 0.0006, 0.004, 0.5];
    const sum = hazards.reduce((total, hazard) => total + rootHazard(flat(hazard), 100, shape), 0);
    const price = priceForRate(sum, 0.2);
    const used = hazards.reduce((total, hazard) => total + checkDensity(hazard, price, shape), 0);
    expect(used).toBeCloseTo(0.2, 9);
  });

  it('follows the flatter tail exponent below the knee hazard, joined continuously at the knee', () => {
    const shape = { lagPower: 2, kneeHazard: 0.002, tailLagPower: 5 };
    expect(checkDensity(0.08, 1, shape)).toBe(checkDensity(0.08, 1, 2));
    expect(checkDensity(0.002 * (1 - 1e-9), 1, shape)).toBeCloseTo(checkDensity(0.002, 1, 2), 6);
    // Ten times below the knee: the density falls by 10^(1/6), not 10^(1/3).
    expect(checkDensity(0.0002, 1, shape) / checkDensity(0.002, 1, shape)).toBeCloseTo(10 ** (-1 / 6), 6);
    // So an id in the late tail is checked sooner than with p = 2 throughout.
    const tail = flat(0.0002);
    expect(nextCheckAgeS(tail, 300, 1, {}, 1, shape)).toBeLessThan(nextCheckAgeS(tail, 300, 1));
  });

  it('with a hump exponent, checks the hump as that power asks past the top, and nothing else differently', () => {
    const rule = { gapS: 8, fromHazard: 0.0003, topRatio: 1.5 };
    const plain = { lagPower: 2, evenGap: rule };
    const hump = { lagPower: 2, evenGap: { ...rule, humpLagPower: 1.5 } };
    // In the hump (0.05 per second) p = 1.5's density, 0.05^0.4, where the top alone holds it at 1.5 / 8 s.
    expect(checkDensity(0.05, 1, plain)).toBeCloseTo(1.5 / 8, 9);
    expect(checkDensity(0.05, 1, hump)).toBeCloseTo(0.05 ** 0.4, 9);
    // Where the top does not bind (the even gap, p = 2's range, below the cut) nothing changes.
    for (const hazard of [0.0001, 0.0006, 0.004])
      expect(checkDensity(hazard, 1, hump)).toBe(checkDensity(hazard, 1, plain));
    // Just above the top's hazard p = 1.5 asks less than the top: the top stays.
    expect(checkDensity(0.007, 1, hump)).toBe(checkDensity(0.007, 1, plain));
  });

  it("holds the hump's density to the id's share of the cap, never below the top", () => {
    const rule = { gapS: 8, fromHazard: 0.0003, topRatio: 1.5, humpLagPower: 1.5 };
    const within = (share: number) => ({ lagPower: 2, evenGap: { ...rule, capShareDensity: share } });
    expect(checkDensity(0.05, 1, within(0.25))).toBeCloseTo(0.25, 9);
    expect(checkDensity(0.05, 1, within(1))).toBeCloseTo(0.05 ** 0.4, 9);
    expect(checkDensity(0.05, 1, within(0.1))).toBeCloseTo(1.5 / 8, 9);
  });

  it('with guard bins, checks the bins just past a hump as densely as the hump', () => {
    const hazards = flat(0.0006);
    const hump = binOf(20);
    hazards[hump] = 0.05;
    const rule = { gapS: 8, fromHazard: 0.0003, topRatio: 1.5 };
    const place = (guardBins: number, fromS: number) =>
      nextCheckAgeS(hazards, fromS, 1, {}, 1, { lagPower: 2, evenGap: { ...rule, guardBins } }) - fromS;
    // From the start of the bin after the hump: the even gap without guard bins, the hump's with one or two.
    const after = binStartS(hump + 1);
    expect(place(0, after)).toBeCloseTo(8, 6);
    expect(place(1, after)).toBeLessThan(8 / 1.5 + 1e-6);
    expect(place(2, after)).toBeLessThan(8 / 1.5 + 1e-6);
    // Two bins on the guard reaches that far and no further.
    const third = binStartS(hump + 3);
    expect(place(2, third)).toBeCloseTo(8, 6);
    expect(binEndS(hump + 2)).toBe(third);
  });

  it('names the hump rule as an option beside the default', () => {
    expect(HUMP_EVEN_GAP_RULE).toEqual({
      ...DEFAULT_EVEN_GAP_RULE,
      humpLagPower: 1.5,
      humpWithinCap: true,
      bandExponent: 1,
    });
  });

  it('with a band exponent, rises from 1 / gap to the top as that power of the hazard', () => {
    const rule = { gapS: 8, fromHazard: 0.0003, topRatio: 1.5 };
    const linear = { lagPower: 2, evenGap: { ...rule, bandExponent: 1 } };
    const atFloor = 8 ** -3;
    expect(checkDensity(atFloor, 1, linear)).toBeCloseTo(1 / 8, 9);
    // 1.2 times the hazard: 1.2 times the density, where p = 2 asks 1.2^(1/3) times.
    expect(checkDensity(1.2 * atFloor, 1, linear)).toBeCloseTo(1.2 / 8, 9);
    expect(checkDensity(1.2 * atFloor, 1, { lagPower: 2, evenGap: rule })).toBeCloseTo(1.2 ** (1 / 3) / 8, 9);
    // Held at the top, and at 1 / gap down to the cut, as without it.
    expect(checkDensity(2 * atFloor, 1, linear)).toBeCloseTo(1.5 / 8, 9);
    expect(checkDensity(0.0004, 1, linear)).toBeCloseTo(1 / 8, 9);
  });
});
