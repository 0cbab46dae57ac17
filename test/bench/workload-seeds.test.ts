import { describe, expect, it } from 'vitest';
import { MIN_POOLED_IDS, seedsFor, workloads } from '../../bench/workloads';

describe('seeds per workload', () => {
  it('pools enough seeds that every workload rests on at least as many ids as the floor asks', () => {
    for (const spec of workloads()) {
      const seeds = seedsFor(spec, 10);
      expect(seeds).toBeGreaterThanOrEqual(10);
      expect(seeds * spec.arrivals.length).toBeGreaterThanOrEqual(MIN_POOLED_IDS);
      // No more than it takes: one seed fewer would fall short, or it is the count asked for.
      expect(seeds === 10 || (seeds - 1) * spec.arrivals.length < MIN_POOLED_IDS).toBe(true);
    }
  });

  it('gives the burst of 50 codes 160 seeds and the large workloads the count asked for', () => {
    const bySlug = new Map(workloads().map((spec) => [spec.slug, seedsFor(spec, 10)]));
    expect(bySlug.get('one-time-codes')).toBe(160);
    expect(bySlug.get('campaign')).toBe(10);
    const burst = workloads().find((spec) => spec.slug === 'one-time-codes');
    if (burst === undefined) throw new Error('no burst workload');
    expect(seedsFor(burst, 400)).toBe(400);
  });
});
