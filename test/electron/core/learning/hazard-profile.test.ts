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
  poissonAtMost,
  priorHazard,
  rulesOutNeighbour,
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

  it('pools a quiet bin with its neighbours by default, even when they are a hump', () => {
    const { counts, quiet } = humpsAroundQuietBin();
    const pooled = estimateHazards(counts);
    expect(hazardAt(pooled, quiet)).toBeGreaterThan(0.02);
  });

  it("with consistent-only pooling, stops at a hump the quiet bin's own counts rule out", () => {
    const { counts, quiet } = humpsAroundQuietBin();
    const hazards = estimateHazards(counts, { poolOnlyConsistent: true });
    // One event in 1,000 s watched: about 0.001 per second, not the humps' 0.1.
    expect(hazardAt(hazards, quiet)).toBeLessThan(0.005);
    expect(hazardAt(hazards, binStartS(binOf(quiet) - 1))).toBeCloseTo(0.1, 2);
  });
});

describe('the test that stops pooling', () => {
  it('computes the Poisson lower tail', () => {
    expect(poissonAtMost(0, 2)).toBeCloseTo(Math.exp(-2), 10);
    expect(poissonAtMost(2, 2)).toBeCloseTo(5 * Math.exp(-2), 10);
    expect(poissonAtMost(-1, 2)).toBe(0);
    expect(poissonAtMost(3, 0)).toBe(1);
  });

  it('rules out a neighbour far above or below, never one alike or never watched', () => {
    expect(rulesOutNeighbour(1, 1000, 100, 1000)).toBe(true);
    expect(rulesOutNeighbour(50, 1000, 0, 1000)).toBe(true);
    expect(rulesOutNeighbour(3, 1000, 4, 1000)).toBe(false);
    expect(rulesOutNeighbour(1, 1000, 100, 0)).toBe(false);
  });

  it('at a looser significance, also rules out a neighbour only three times as busy', () => {
    // Nothing in 1,000 s where the neighbour's hazard expects 3: a 5 % chance, kept at 1 %, ruled out at 10 %.
    expect(rulesOutNeighbour(0, 1000, 3, 1000)).toBe(false);
    expect(rulesOutNeighbour(0, 1000, 3, 1000, 0.1)).toBe(true);
    const counts = emptyCounts();
    const bin = binOf(100);
    counts.exposureS[bin] = 1000;
    for (const other of [bin - 1, bin + 1]) {
      counts.events[other] = 6;
      counts.exposureS[other] = 2000;
    }
    const strict = estimateHazards(counts, { poolOnlyConsistent: true });
    const loose = estimateHazards(counts, { poolOnlyConsistent: true, poolTestLevel: 0.1 });
    expect(hazardAt(loose, 100)).toBeLessThan(hazardAt(strict, 100) / 2);
  });
});

/** Two bins with hazard 0.1 around a bin that saw one event in 1,000 s of watching. */
function humpsAroundQuietBin(): { counts: ReturnType<typeof emptyCounts>; quiet: number } {
  const counts = emptyCounts();
  const quiet = 100;
  const bin = binOf(quiet);
  for (const hump of [bin - 1, bin + 1]) {
    counts.events[hump] = 100;
    counts.exposureS[hump] = 1000;
  }
  counts.events[bin] = 1;
  counts.exposureS[bin] = 1000;
  return { counts, quiet };
}
