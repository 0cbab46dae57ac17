import { describe, expect, it } from 'vitest';
import {
  BIN_COUNT,
  addFinal,
  addPending,
  binEndS,
  binOf,
  binStartS,
  emptyCounts,
  estimateHazards,
  forEachOverlap,
  hazardAt,
  priorHazard,
  shareFinalBy,
} from '../../../../electron/core/learning';
import { mulberry32 } from '../../../../electron/core/simulator/random';

describe('age bins', () => {
  it('start at 1 s, grow by 1.25 up to a day, and put every age in the bin that holds it', () => {
    expect(binEndS(0)).toBe(1);
    expect(binEndS(1)).toBeCloseTo(1.25);
    expect(binStartS(BIN_COUNT - 1)).toBe(86_400);
    for (const age of [0, 0.5, 1, 1.2, 1.25, 7, 30, 299.9, 3600, 86_399, 86_400, 10 ** 7]) {
      const bin = binOf(age);
      expect(binStartS(bin)).toBeLessThanOrEqual(age);
      expect(binEndS(bin)).toBeGreaterThan(age);
    }
  });

  it('split an interval into overlaps that add up to its length', () => {
    let total = 0;
    forEachOverlap(3.3, 4000, (_bin, overlap) => (total += overlap));
    expect(total).toBeCloseTo(4000 - 3.3, 6);
  });
});

describe('hazard estimate', () => {
  it('recovers a constant hazard from checks every few seconds', () => {
    const counts = emptyCounts();
    const random = mulberry32(1);
    const meanS = 40;
    for (let i = 0; i < 3000; i += 1) {
      const finalAt = -meanS * Math.log(1 - random());
      let last = 0;
      for (let at = 2 + random() * 2; ; at += 3) {
        if (at >= finalAt) {
          addFinal(counts, last, at);
          break;
        }
        addPending(counts, last, at);
        last = at;
      }
    }
    const hazards = estimateHazards(counts);
    for (const age of [5, 20, 60, 120]) expect(hazardAt(hazards, age)).toBeCloseTo(1 / meanS, 2);
    expect(shareFinalBy(hazards, 40)).toBeCloseTo(1 - Math.exp(-1), 1);
  });

  it('falls back to the weak prior where nothing was ever seen, and data outweigh it where seen', () => {
    const cold = estimateHazards(emptyCounts());
    expect(hazardAt(cold, 100)).toBeCloseTo(priorHazard(100), 2);
    const counts = emptyCounts();
    for (let i = 0; i < 200; i += 1) addFinal(counts, 9, 10);
    for (let i = 0; i < 200; i += 1) addPending(counts, 0, 10);
    const warm = estimateHazards(counts);
    expect(hazardAt(warm, 9.5)).toBeGreaterThan(10 * hazardAt(warm, 3));
  });
});
