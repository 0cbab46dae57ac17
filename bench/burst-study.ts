/**
 * Why the burst of codes misses its p95 target: the learning policy cold, warm, and fed the profile's TRUE hazard
 * (the best any learner could do with the p = 2 rule), each matched against fixed polling at the same requests,
 * with the checks per pending id-second by age and the learned hazard per bin beside the true one.
 *
 * Run: `npx tsx bench/burst-study.ts [--profile FILE] [--seeds N] [--price S,S,...] [--hazards]`.
 */
import { parseArgs } from 'node:util';
import {
  BIN_COUNT,
  DeliveryLearner,
  binEndS,
  binStartS,
  type SavedDeliveryProfile,
} from '../electron/core/learning';
import { DEFAULT_PROFILE, readProfileFile, type DeliveryProfile } from '../electron/core/simulator';
import { mulberry32 } from '../electron/core/simulator/random';
import { simulate, type SimStrategy, type SimWorkload } from './event-sim';
import { matchedRatio, summarizeLags, type CurvePoint, type LagSummary } from './lag-stats';
import { profileFinalShareBy, WARM_UP_RUNS } from './run-bench';
import { fixedInterval, learning, type NamedStrategy } from './sim-strategies';
import { table } from './stats';
import { drawWorkload, workloads, type WorkloadSpec } from './workloads';

/** Age buckets (s) of the density table. */
const AGE_BUCKETS_S = [0, 2, 5, 10, 20, 30, 45, 60, 120, 240, 480, 900, 1800] as const;

/** The profile's true hazard per bin of the learner: final share in the bin over pending share-seconds in it. */
export function trueHazards(profile: DeliveryProfile): Float64Array {
  const finalBy = profileFinalShareBy(profile);
  const hazards = new Float64Array(BIN_COUNT);
  for (let bin = 0; bin < BIN_COUNT; bin += 1) {
    const from = binStartS(bin);
    const to = Math.min(binEndS(bin), 3 * 86_400);
    const steps = 200;
    let exposure = 0;
    for (let i = 0; i < steps; i += 1)
      exposure += (1 - finalBy(from + ((i + 0.5) * (to - from)) / steps)) / steps;
    hazards[bin] = (finalBy(to) - finalBy(from)) / (exposure * (to - from));
  }
  return hazards;
}

interface Measured {
  readonly requests: number;
  readonly lag: LagSummary;
  /** Checks per pending id-second, per age bucket. */
  readonly density: readonly number[];
}

function bucketOf(ageS: number): number {
  let bucket = 0;
  while (bucket + 2 < AGE_BUCKETS_S.length && ageS >= (AGE_BUCKETS_S[bucket + 1] ?? 0)) bucket += 1;
  return bucket;
}

/** Runs a strategy on every seed's workload as the benchmark does (random streams from `k`). */
function measure(workloadsBySeed: readonly SimWorkload[], strategy: NamedStrategy, k: number): Measured {
  const lags: number[] = [];
  const checks = new Float64Array(AGE_BUCKETS_S.length - 1);
  const exposure = new Float64Array(AGE_BUCKETS_S.length - 1);
  let requests = 0;
  workloadsBySeed.forEach((workload, s) => {
    const seed = 7 + s;
    const base = strategy.create(mulberry32(seed * 97 + k));
    const count = (index: number, startMs: number) => {
      const bucket = bucketOf((startMs - (workload.ids[index]?.arrivalMs ?? 0)) / 1000);
      checks[bucket] = (checks[bucket] ?? 0) + 1;
    };
    const counted: SimStrategy = {
      ...(base.maxRatePerSecond === undefined ? {} : { maxRatePerSecond: base.maxRatePerSecond }),
      first: (view, index) => base.first(view, index),
      next: (view, index, startMs, observed) => {
        count(index, startMs);
        return base.next(view, index, startMs, observed);
      },
      finished: (view, index, startMs) => {
        count(index, startMs);
        base.finished?.(view, index, startMs);
      },
    };
    const outcome = simulate(workload, counted, mulberry32(seed * 89 + k));
    requests += outcome.requests;
    workload.ids.forEach((id, index) => {
      const seenAt = outcome.detectedAtMs[index] ?? Number.NaN;
      const endAge = ((Number.isNaN(seenAt) ? workload.durationMs : seenAt) - id.arrivalMs) / 1000;
      for (let b = 0; b + 1 < AGE_BUCKETS_S.length; b += 1) {
        const overlap = Math.min(endAge, AGE_BUCKETS_S[b + 1] ?? 0) - (AGE_BUCKETS_S[b] ?? 0);
        if (overlap > 0) exposure[b] = (exposure[b] ?? 0) + overlap;
      }
      if (id.finalAgeMs === null || id.arrivalMs + id.finalAgeMs > workload.durationMs) return;
      const finalAt = id.arrivalMs + id.finalAgeMs;
      lags.push(Number.isNaN(seenAt) ? workload.durationMs - finalAt : Math.max(0, seenAt - finalAt));
    });
  });
  return {
    requests: requests / workloadsBySeed.length,
    lag: summarizeLags(lags),
    density: [...checks].map((value, b) => value / (exposure[b] || 1)),
  };
}

/** What the warm policy starts from: the profile saved after three earlier runs (as `runBench` builds it). */
function warmProfileFor(
  spec: WorkloadSpec,
  profile: DeliveryProfile,
  priceS: number,
): SavedDeliveryProfile | null {
  let warm: SavedDeliveryProfile | null = null;
  for (let run = 0; run < WARM_UP_RUNS; run += 1) {
    const saved = warm;
    let learner: DeliveryLearner | null = null;
    const strategy = learning(
      'learning-cold',
      () => saved,
      priceS,
      (created) => (learner = created),
    );
    simulate(
      drawWorkload(spec, 7 + 1000 + run, profile, 80),
      strategy.create(mulberry32(7 + 999 - run)),
      mulberry32(7 + 998 - run),
    );
    warm = (learner as DeliveryLearner | null)?.save(0) ?? null;
  }
  return warm;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string' },
      seeds: { type: 'string', default: '40' },
      price: { type: 'string', default: '1' },
      hazards: { type: 'boolean', default: false },
    },
  });
  const profile = values.profile === undefined ? DEFAULT_PROFILE : readProfileFile(values.profile);
  const spec = workloads(1).find((workload) => workload.slug === 'one-time-codes');
  if (spec === undefined) throw new Error('no burst workload');
  const seeds = Math.max(1, Math.round(Number(values.seeds)));
  const byseed = Array.from({ length: seeds }, (_, s) => drawWorkload(spec, 7 + s, profile, 80));
  const truth = trueHazards(profile);
  const fixed = [3, 4, 5, 7.5, 10, 15, 20, 30].map((interval, k) =>
    measure(byseed, fixedInterval(interval), k),
  );
  const curve = (key: 'mean' | 'p95'): CurvePoint[] =>
    fixed.map((m) => ({ requests: m.requests, lag: m.lag[key] }));
  console.log(`burst of 50 codes, cap 10/s, ${values.profile ?? 'default profile'}, ${seeds} seeds pooled`);
  const rows: string[][] = [];
  const densities: { name: string; density: readonly number[] }[] = [];
  for (const priceS of values.price.split(',').map(Number)) {
    const warm = warmProfileFor(spec, profile, priceS);
    const variants: [string, NamedStrategy][] = [
      ['cold', learning('learning-cold', () => null, priceS)],
      ['warm', learning('learning-warm', () => warm, priceS)],
      [
        'true hazard',
        // The learner's estimate replaced by the profile's true hazard: p = 2 as well as it can be done.
        learning(
          'learning-cold',
          () => null,
          priceS,
          (learner) => (learner.hazards = () => truth),
        ),
      ],
    ];
    variants.forEach(([name, strategy], k) => {
      const m = measure(byseed, strategy, 100 + k);
      rows.push([
        `${name}, price ${priceS} s`,
        m.requests.toFixed(0),
        m.lag.mean.toFixed(2),
        m.lag.p95.toFixed(2),
        matchedRatio(curve('mean'), m.requests, m.lag.mean).toFixed(2),
        matchedRatio(curve('p95'), m.requests, m.lag.p95).toFixed(2),
      ]);
      if (priceS === Number(values.price.split(',')[0])) densities.push({ name, density: m.density });
    });
  }
  console.log(table(['policy', 'requests', 'mean s', 'p95 s', 'x mean', 'x p95'], rows));
  console.log('\nchecks per pending id-second by age (the cap allows 0.2 while all 50 are pending)');
  console.log(
    table(
      ['age from (s)', ...densities.map((d) => d.name)],
      AGE_BUCKETS_S.slice(0, -1).map((age, b) => [
        String(age),
        ...densities.map((d) => (d.density[b] ?? 0).toFixed(3)),
      ]),
    ),
  );
  if (values.hazards) {
    const warm = warmProfileFor(spec, profile, Number(values.price.split(',')[0]));
    const learned = new DeliveryLearner({ saved: warm }).hazards(null);
    const cold = new DeliveryLearner().hazards(null);
    console.log(
      '\nhazard per bin (per second): true, warm (pooled mixes), the cold prior; warm/true in density',
    );
    const hazardRows: string[][] = [];
    for (let bin = 0; bin < BIN_COUNT && binStartS(bin) < 1800; bin += 1) {
      const t = truth[bin] ?? 0;
      const w = learned[bin] ?? 0;
      hazardRows.push([
        binStartS(bin).toFixed(1),
        t.toExponential(2),
        w.toExponential(2),
        (cold[bin] ?? 0).toExponential(2),
        t > 0 ? ((w / t) ** (1 / 3)).toFixed(2) : '-',
      ]);
    }
    console.log(table(['bin from (s)', 'true', 'warm', 'cold prior', 'warm/true density'], hazardRows));
  }
}

main();
