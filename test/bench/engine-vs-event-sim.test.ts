import { describe, expect, it } from 'vitest';
import { matchedRatio } from '../../bench/lag-stats';
import { engineResults, runBench, type StrategyResult } from '../../bench/run-bench';
import { workloads } from '../../bench/workloads';
import { DEFAULT_PROFILE } from '../../electron/core/simulator';

/** How far the event simulation may be from the real scheduler: requests ±10 %, mean and p95 lag ±25 %. */
const REQUESTS_TOLERANCE = 0.1;
const LAG_TOLERANCE = 0.25;

function within(simulated: number, engine: number, tolerance: number): boolean {
  return Math.abs(simulated - engine) <= tolerance * engine;
}

describe('the event simulation against the real scheduler', () => {
  it.each(['one-time-codes', 'trickle'])(
    'agrees on requests and mean/p95 lag for backoff and the learning policy: %s',
    async (slug) => {
      const spec = workloads(0.05).find((workload) => workload.slug === slug);
      if (spec === undefined) throw new Error(slug);
      const options = { profile: DEFAULT_PROFILE, seeds: 2 };
      const [simulated] = runBench([spec], options);
      if (simulated === undefined) throw new Error('no result');
      const engine = await engineResults(spec, options);
      const pairs: [StrategyResult | undefined, StrategyResult | undefined][] = [
        [
          simulated.strategies.find((s) => s.kind === 'backoff'),
          engine.find((s) => s.kind === 'engine-backoff'),
        ],
        [
          simulated.strategies.find((s) => s.kind === 'learning-cold'),
          engine.find((s) => s.kind === 'engine-learning'),
        ],
      ];
      for (const [sim, real] of pairs) {
        if (sim === undefined || real === undefined) throw new Error('missing row');
        const label = `${sim.name} vs ${real.name}`;
        expect(within(sim.requests, real.requests, REQUESTS_TOLERANCE), `${label} requests`).toBe(true);
        expect(within(sim.lag.mean, real.lag.mean, LAG_TOLERANCE), `${label} mean`).toBe(true);
        expect(within(sim.lag.p95, real.lag.p95, LAG_TOLERANCE), `${label} p95`).toBe(true);
        // The real scheduler keeps the promises too: every final found, the cap, one check per id per second.
        expect(real.detected).toBe(1);
        expect(real.peakPerSecond).toBeLessThanOrEqual(spec.rateCap);
        expect(real.minPerIdGapS).toBeGreaterThanOrEqual(1);
      }
    },
    60_000,
  );

  it('matches the real scheduler against fixed polling on the seeds it ran', async () => {
    // Seeds differ a lot (a burst of 50 draws 0 to 5 codes that never end, each checked for the whole run), so a
    // row from fewer seeds must be set against the fixed curve on those seeds.
    const spec = workloads(0.05).find((workload) => workload.slug === 'one-time-codes');
    if (spec === undefined) throw new Error('one-time-codes');
    const [sameSeeds] = runBench([spec], { profile: DEFAULT_PROFILE, seeds: 1 });
    if (sameSeeds === undefined) throw new Error('no result');
    const engine = await engineResults(spec, { profile: DEFAULT_PROFILE, seeds: 1 });
    const fixed = sameSeeds.strategies.filter((s) => s.kind === 'fixed');
    for (const row of engine) {
      const expected = matchedRatio(
        fixed.map((s) => ({ requests: s.requests, lag: s.lag.mean })),
        row.requests,
        row.lag.mean,
      );
      expect(row.matched.mean, row.name).toBeCloseTo(expected, 6);
    }
  }, 60_000);
});
