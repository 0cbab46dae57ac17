import { describe, expect, it } from 'vitest';
import { cappedOracleBound, firstCheckBound } from '../../bench/capped-oracle';
import { MinLines } from '../../bench/min-lines';
import { oracleBound } from '../../bench/oracle';
import { arrivalGroups } from '../../bench/run-bench';
import { workloads } from '../../bench/workloads';

/** Every message final at exactly 10 s. */
const atTen = (ageS: number) => (ageS >= 10 ? 1 : 0);

function burst(ids: number, rateCap: number) {
  return {
    finalShareBy: atTen,
    groups: [{ arrivalFromS: 0, arrivalToS: 0, horizonS: 60, weight: ids }],
    checksPerId: 1,
    rateCap,
    durationS: 60,
    iterations: 400,
  };
}

describe('capped oracle bound', () => {
  it('four ids final at 10 s, one check each, one request a second: checks at 10, 11, 12 and 13 s', () => {
    // On the 0.25 s grid a final at 10 s sits mid-cell at 9.875 s: lags 0.125, 1.125, 2.125, 3.125, mean 1.625.
    const capped = cappedOracleBound({ ...burst(4, 1), targetMeanS: 2, targetP95S: 4 });
    expect(capped.mean).toBeLessThanOrEqual(1.625 + 1e-6);
    expect(capped.mean).toBeGreaterThan(1.6);
    // All but 5 % within L needs every id found within L, the last at 13 s: the bound may be loose, never above.
    expect(capped.p95).toBeLessThanOrEqual(3.125 + 1e-6);
    expect(capped.p95).toBeGreaterThanOrEqual(2);
    const free = oracleBound({ finalShareBy: atTen, groups: [{ horizonS: 60, weight: 4 }], checksPerId: 1 });
    expect(free.mean).toBeLessThan(0.2);
  });

  it('never claims more than a schedule that keeps the cap reaches (20 ids, one a second)', () => {
    const capped = cappedOracleBound({ ...burst(20, 1), targetMeanS: 10, p95: false });
    expect(capped.mean).toBeLessThanOrEqual(9.625 + 1e-6);
    expect(capped.mean).toBeGreaterThan(9);
  });

  it('is the cap-free bound when the cap leaves room', () => {
    const capped = cappedOracleBound({ ...burst(4, 100), targetMeanS: 1, p95: false });
    expect(capped.mean).toBeCloseTo(0.125, 3);
  });
});

describe('first-check bound', () => {
  /** Every message final the moment it is sent. */
  const atOnce = () => 1;

  it('ten ids final when sent, one request a second: the first checks at 0 to 9 s are the best any schedule does', () => {
    const bound = firstCheckBound({
      finalShareBy: atOnce,
      arrivalsS: Array(10).fill(0),
      rateCap: 1,
      durationS: 60,
    });
    expect(bound).toBeCloseTo(4.5, 6);
  });

  it('serves ids in the order sent: three sent at 0 s and one at 1 s wait 0, 1, 2 and 2 s', () => {
    const bound = firstCheckBound({
      finalShareBy: atOnce,
      arrivalsS: [1, 0, 0, 0],
      rateCap: 1,
      durationS: 60,
    });
    expect(bound).toBeCloseTo(5 / 4, 6);
  });

  it('never above what the capped schedule reaches (20 ids final at 10 s, one a second: 9.5 s)', () => {
    const bound = firstCheckBound({
      finalShareBy: atTen,
      arrivalsS: Array(20).fill(0),
      rateCap: 1,
      durationS: 60,
    });
    // First checks at 0..19 s find the ids final from 10 s on: (1 + ... + 9) / 20.
    expect(bound).toBeCloseTo(45 / 20, 6);
    expect(bound).toBeLessThanOrEqual(9.5);
  });

  it('counts half the request time and stops at the end of the run', () => {
    const withLatency = firstCheckBound({
      finalShareBy: atOnce,
      arrivalsS: [0, 0],
      rateCap: 1,
      durationS: 60,
      latencyS: 0.2,
    });
    expect(withLatency).toBeCloseTo((0.1 + 1.1) / 2, 6);
    // Two ids sent 0.5 s before the end: the second's first check would come after it, so it lags to the end.
    const atTheEnd = firstCheckBound({
      finalShareBy: atOnce,
      arrivalsS: [59.5, 59.5],
      rateCap: 1,
      durationS: 60,
    });
    expect(atTheEnd).toBeCloseTo(0.5 / 2, 6);
  });

  it('is near 0 where the cap leaves room for every first check (a trickle)', () => {
    const bound = firstCheckBound({
      finalShareBy: (ageS) => Math.min(1, ageS / 30),
      arrivalsS: Array.from({ length: 600 }, (_, i) => i),
      rateCap: 10,
      durationS: 1800,
    });
    expect(bound).toBe(0);
  });
});

describe('arrival groups of the capped oracle', () => {
  const specs = workloads(0.05);
  const bySlug = (slug: string) => {
    const spec = specs.find((candidate) => candidate.slug === slug);
    if (spec === undefined) throw new Error(slug);
    return spec;
  };

  it('a burst is one group sent at once, a trickle is chunked into spans of at most a minute', () => {
    expect(arrivalGroups(bySlug('one-time-codes'))).toEqual([
      { arrivalFromS: 0, arrivalToS: 0, horizonS: 1800, weight: 50 },
    ]);
    const trickle = arrivalGroups(bySlug('trickle'));
    expect(trickle.reduce((sum, group) => sum + group.weight, 0)).toBe(bySlug('trickle').arrivals.length);
    for (const group of trickle) expect(group.arrivalToS - group.arrivalFromS).toBeLessThan(60);
  });

  it('codes during a campaign: the campaign sent at once is a group of its own', () => {
    const groups = arrivalGroups(bySlug('codes-during-campaign'));
    expect(groups[0]).toMatchObject({ arrivalFromS: 0, arrivalToS: 0, weight: 500 });
    expect(groups.slice(1).reduce((sum, group) => sum + group.weight, 0)).toBe(12);
  });
});

describe('lower envelope of lines', () => {
  it('answers every query as a scan of all lines would', () => {
    let seed = 5;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const xs = Float64Array.from({ length: 200 }, (_, i) => Math.floor(i / 3) / 70);
    const lines = new MinLines(xs);
    const added: { a: number; b: number }[] = [];
    for (let round = 0; round < 150; round += 1) {
      const line = { a: random() * 10 - 5, b: random() * 20 - 10 };
      lines.add(line.a, line.b, added.length);
      added.push(line);
      const index = Math.floor(random() * xs.length);
      const x = xs[index] ?? 0;
      const best = Math.min(...added.map((candidate) => candidate.a - x * candidate.b));
      const answer = lines.query(index);
      expect(answer.value).toBeCloseTo(best, 9);
      const chosen = added[answer.id];
      expect(chosen === undefined ? Number.NaN : chosen.a - x * chosen.b).toBeCloseTo(best, 9);
    }
  });
});
