/**
 * Why the burst of codes met or missed its p95 target: the learning policy cold, warm, and fed the profile's TRUE
 * hazard (the best any learner could do with the shape), each matched against fixed polling at the same requests,
 * with the checks per pending id-second by age and the learned hazard per bin beside the true one.
 *
 * Run: `npx tsx bench/burst-study.ts [--profile FILE] [--seeds N] [--first-seed N] [--price S,S,...] [--hazards]
 * [--summary] [--variant classic,p=3 ...]` (each variant changes the learner's defaults, see {@link parseVariant}:
 * `classic` is the shape before the even-gap rule; an empty variant is the default).
 */
import { parseArgs } from 'node:util';
import {
  BIN_COUNT,
  DEFAULT_EVEN_GAP_RULE,
  DeliveryLearner,
  type DeliveryLearnerOptions,
  type EvenGapRule,
  HUMP_LEARNER_OPTIONS,
  binEndS,
  binStartS,
} from '../electron/core/learning';
import { DEFAULT_PROFILE, readProfileFile, type DeliveryProfile } from '../electron/core/simulator';
import { mulberry32 } from '../electron/core/simulator/random';
import { simulate, type SimStrategy, type SimWorkload } from './event-sim';
import { matchedRatio, summarizeLags, type CurvePoint, type LagSummary } from './lag-stats';
import { arrivalGroups, profileFinalShareBy, warmProfileFor } from './run-bench';
import { cappedOracleBound } from './capped-oracle';
import { fixedInterval, learning, type LearnerShape, type NamedStrategy } from './sim-strategies';
import { table } from './stats';
import { drawWorkload, workloads, type WorkloadSpec } from './workloads';

/**
 * A variant's learner options: the bench's shape plus the p95 rule's even gap (passed through to the learner as
 * they are).
 */
export type StudyShape = LearnerShape &
  Pick<
    DeliveryLearnerOptions,
    'evenGap' | 'minPooledEvents' | 'poolTestLevel' | 'recomputeEveryObservations'
  >;

/** Time per request (ms), as the benchmark's. */
const LATENCY_MS = 80;

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
  /** Per age bucket of the final: how many finals (per run), their mean lag, and how many lag past the p95. */
  readonly byFinalAge: readonly {
    readonly finals: number;
    readonly meanLag: number;
    readonly pastP95: number;
  }[];
}

function bucketOf(ageS: number): number {
  let bucket = 0;
  while (bucket + 2 < AGE_BUCKETS_S.length && ageS >= (AGE_BUCKETS_S[bucket + 1] ?? 0)) bucket += 1;
  return bucket;
}

/** Runs a strategy on every seed's workload as the benchmark does (random streams from `k`). */
function measure(
  workloadsBySeed: readonly SimWorkload[],
  strategy: NamedStrategy,
  k: number,
  firstSeed: number,
): Measured {
  const lags: number[] = [];
  const finalBuckets: number[] = [];
  const checks = new Float64Array(AGE_BUCKETS_S.length - 1);
  const exposure = new Float64Array(AGE_BUCKETS_S.length - 1);
  let requests = 0;
  workloadsBySeed.forEach((workload, s) => {
    const seed = firstSeed + s;
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
      finalBuckets.push(bucketOf(id.finalAgeMs / 1000));
    });
  });
  const lag = summarizeLags(lags);
  const byFinalAge = AGE_BUCKETS_S.slice(0, -1).map((_, b) => {
    const inBucket = lags.filter((_lag, i) => finalBuckets[i] === b);
    return {
      finals: inBucket.length / workloadsBySeed.length,
      meanLag: inBucket.reduce((sum, value) => sum + value, 0) / (inBucket.length || 1) / 1000,
      pastP95: inBucket.filter((value) => value > lag.p95 * 1000).length / workloadsBySeed.length,
    };
  });
  return {
    requests: requests / workloadsBySeed.length,
    lag,
    density: [...checks].map((value, b) => value / (exposure[b] || 1)),
    byFinalAge,
  };
}

/**
 * A variant from `p=3,knee=0.003,q=6,pool,prior=0.1,c=3,L=7,from=0.0003,top=1.7`, each part changing the learner's
 * default: the learner's shape (p is the exponent of ids without a deadline, and of codes too where the even gap
 * is off), and a price of its own (c, seconds). `classic` is the shape before the even-gap rule
 * (p = 2 alone for every id, pooling to 4 events without the test, prior weight 0.5); `even=off` drops the rule; L, from and top
 * change its gap, hazard and top ratio; pool / nopool turn the pooling test on or off; level its significance; min
 * the events a pooled estimate rests on; hump=Q checks the hump for p = Q past the top, hcap within each id's share
 * of the cap; guard=N carries a bin's hazard N bins on; band=K makes the density rise as h^K from the gap to the
 * top; every=N re-estimates after N observations; hump-option is `HUMP_LEARNER_OPTIONS`.
 */
export function parseVariant(variant: string): { shape: StudyShape; priceS?: number } {
  const shape: { -readonly [K in keyof StudyShape]: StudyShape[K] } = {};
  let priceS: number | undefined;
  const even = (change: Partial<EvenGapRule>) => {
    shape.evenGap = { ...(shape.evenGap ?? DEFAULT_EVEN_GAP_RULE), ...change };
  };
  for (const part of variant.split(',').filter((item) => item !== '')) {
    const [key, value] = part.split('=');
    if (key === 'p') shape.lagPower = Number(value);
    else if (key === 'q') shape.tailLagPower = Number(value);
    else if (key === 'knee') shape.kneeHazard = Number(value);
    else if (key === 'pool') shape.poolOnlyConsistent = true;
    else if (key === 'nopool') shape.poolOnlyConsistent = false;
    else if (key === 'prior') shape.priorWeight = Number(value);
    else if (key === 'c') priceS = Number(value);
    else if (key === 'classic')
      Object.assign(shape, { lagPower: 2, evenGap: null, poolOnlyConsistent: false, priorWeight: 0.5 });
    else if (key === 'even' && value === 'off') shape.evenGap = null;
    else if (key === 'L') even({ gapS: Number(value) });
    else if (key === 'from') even({ fromHazard: Number(value) });
    else if (key === 'top') even({ topRatio: Number(value) });
    else if (key === 'hump') even({ humpLagPower: Number(value) });
    else if (key === 'hcap') even({ humpWithinCap: true });
    else if (key === 'guard') even({ guardBins: Number(value) });
    else if (key === 'band') even({ bandExponent: Number(value) });
    else if (key === 'hump-option') Object.assign(shape, HUMP_LEARNER_OPTIONS);
    else if (key === 'min') shape.minPooledEvents = Number(value);
    else if (key === 'level') shape.poolTestLevel = Number(value);
    else if (key === 'every') shape.recomputeEveryObservations = Number(value);
    else throw new Error(`unknown variant part: ${part}`);
  }
  return priceS === undefined ? { shape } : { shape, priceS };
}

/** The three profiles the summary runs on. */
const SUMMARY_PROFILES = ['default', 'second-hump', 'heavy-tail'] as const;

interface Prepared {
  readonly spec: WorkloadSpec;
  readonly profile: DeliveryProfile;
  readonly byseed: readonly SimWorkload[];
  readonly firstSeed: number;
  readonly truth: Float64Array;
  readonly curve: (key: 'mean' | 'p95') => CurvePoint[];
}

interface VariantRun {
  readonly name: 'cold' | 'warm' | 'true hazard';
  readonly measured: Measured;
  readonly xMean: number;
  readonly xP95: number;
}

/**
 * The run's mean lag over the oracle under the cap at the same requests per id (the benchmark's "÷ oracle under
 * the cap": the Lagrangian bound, 150 rounds, one price per second of the run).
 */
function cappedRatio(bench: Prepared, run: VariantRun): number {
  const checksPerId = run.measured.requests / bench.spec.arrivals.length;
  const bound = cappedOracleBound({
    finalShareBy: profileFinalShareBy(bench.profile),
    groups: arrivalGroups(bench.spec),
    checksPerId,
    rateCap: bench.spec.rateCap,
    durationS: bench.spec.durationMs / 1000,
    latencyS: LATENCY_MS / 1000,
    targetMeanS: run.measured.lag.mean,
    iterations: 150,
    p95: false,
  });
  return run.measured.lag.mean / bound.mean;
}

function burstSpec(): WorkloadSpec {
  const spec = workloads(1).find((workload) => workload.slug === 'one-time-codes');
  if (spec === undefined) throw new Error('no burst workload');
  return spec;
}

/** The seeds' workloads and the fixed-polling curve they are matched against. */
function prepare(spec: WorkloadSpec, profile: DeliveryProfile, seeds: number, firstSeed: number): Prepared {
  const byseed = Array.from({ length: seeds }, (_, s) => drawWorkload(spec, firstSeed + s, profile, 80));
  const fixed = [3, 4, 5, 7.5, 10, 15, 20, 30].map((interval, k) =>
    measure(byseed, fixedInterval(interval), k, firstSeed),
  );
  return {
    spec,
    firstSeed,
    profile,
    byseed,
    truth: trueHazards(profile),
    curve: (key) => fixed.map((m) => ({ requests: m.requests, lag: m.lag[key] })),
  };
}

/** The policy with this shape and price cold, warm, and on the true hazard, each matched against fixed polling. */
function runVariant(bench: Prepared, shape: StudyShape, priceS: number): VariantRun[] {
  const warm = warmProfileFor(bench.spec, { profile: bench.profile, priceS, shape });
  const variants: [VariantRun['name'], NamedStrategy][] = [
    ['cold', learning('learning-cold', () => null, priceS, undefined, shape)],
    ['warm', learning('learning-warm', () => warm, priceS, undefined, shape)],
    [
      'true hazard',
      // The learner's estimate replaced by the profile's true hazard: the shape as well as it can be done.
      learning(
        'learning-cold',
        () => null,
        priceS,
        (learner) => (learner.hazards = () => bench.truth),
        shape,
      ),
    ],
  ];
  return variants.map(([name, strategy], k) => {
    const measured = measure(bench.byseed, strategy, 100 + k, bench.firstSeed);
    return {
      name,
      measured,
      xMean: matchedRatio(bench.curve('mean'), measured.requests, measured.lag.mean),
      xP95: matchedRatio(bench.curve('p95'), measured.requests, measured.lag.p95),
    };
  });
}

/** One Markdown row per variant: × mean / × p95, cold and warm, on each of the three profiles. */
function printSummary(
  spec: WorkloadSpec,
  seeds: number,
  firstSeed: number,
  variants: readonly string[],
  priceS: number,
): void {
  const benches = SUMMARY_PROFILES.map((name) =>
    prepare(spec, readProfileFile(`electron/core/simulator/profiles/${name}.json`), seeds, firstSeed),
  );
  const header = SUMMARY_PROFILES.flatMap((name) => [`${name} cold`, `${name} warm`, `warm ÷ capped`]);
  console.log(`| variant | ${header.join(' | ')} |`);
  console.log(`| --- | ${header.map(() => '---:').join(' | ')} |`);
  for (const variant of variants) {
    const parsed = parseVariant(variant);
    const cells = benches.flatMap((bench) => {
      const runs = runVariant(bench, parsed.shape, parsed.priceS ?? priceS).filter(
        (run) => run.name !== 'true hazard',
      );
      const warm = runs.find((run) => run.name === 'warm');
      return [
        ...runs.map((run) => `${run.xMean.toFixed(2)}x / ${run.xP95.toFixed(2)}x`),
        warm === undefined ? '-' : `${cappedRatio(bench, warm).toFixed(3)}x`,
      ];
    });
    console.log(`| ${variant === '' ? 'default' : variant} | ${cells.join(' | ')} |`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string' },
      seeds: { type: 'string', default: '40' },
      'first-seed': { type: 'string', default: '7' },
      price: { type: 'string', default: '1' },
      hazards: { type: 'boolean', default: false },
      variant: { type: 'string', multiple: true, default: [''] },
      summary: { type: 'boolean', default: false },
    },
  });
  const spec = burstSpec();
  const seeds = Math.max(1, Math.round(Number(values.seeds)));
  const firstSeed = Math.round(Number(values['first-seed']));
  const prices = values.price.split(',').map(Number);
  if (values.summary) {
    printSummary(spec, seeds, firstSeed, values.variant, prices[0] ?? 1);
    return;
  }
  const profile = values.profile === undefined ? DEFAULT_PROFILE : readProfileFile(values.profile);
  const bench = prepare(spec, profile, seeds, firstSeed);
  console.log(`burst of 50 codes, cap 10/s, ${values.profile ?? 'default profile'}, ${seeds} seeds pooled`);
  const rows: string[][] = [];
  const densities: { name: string; density: readonly number[]; measured: Measured }[] = [];
  for (const variant of values.variant) {
    const { shape, priceS: variantPriceS } = parseVariant(variant);
    const label = variant === '' ? '' : `${variant}, `;
    for (const priceS of variantPriceS === undefined ? prices : [variantPriceS]) {
      for (const run of runVariant(bench, shape, priceS)) {
        rows.push([
          `${label}${run.name}, price ${priceS} s`,
          run.measured.requests.toFixed(0),
          run.measured.lag.mean.toFixed(2),
          run.measured.lag.p95.toFixed(2),
          run.xMean.toFixed(2),
          run.xP95.toFixed(2),
          cappedRatio(bench, run).toFixed(3),
        ]);
        if (priceS === prices[0] && variant === values.variant[0])
          densities.push({ name: run.name, density: run.measured.density, measured: run.measured });
      }
    }
  }
  console.log(table(['policy', 'requests', 'mean s', 'p95 s', 'x mean', 'x p95', '÷ capped'], rows));
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
  console.log(
    '\nby age of the final: finals per run, their mean lag (s), and how many lag past the pooled p95',
  );
  console.log(
    table(
      ['age from (s)', ...densities.flatMap((d) => [`${d.name} finals`, 'mean lag', 'past p95'])],
      AGE_BUCKETS_S.slice(0, -1).map((age, b) => [
        String(age),
        ...densities.flatMap((d) => {
          const bucket = d.measured.byFinalAge[b];
          return [
            (bucket?.finals ?? 0).toFixed(2),
            (bucket?.meanLag ?? 0).toFixed(2),
            (bucket?.pastP95 ?? 0).toFixed(2),
          ];
        }),
      ]),
    ),
  );
  if (values.hazards) {
    // The first variant's learner: its warm profile and its cold prior.
    const { shape } = parseVariant(values.variant[0] ?? '');
    const warm = warmProfileFor(spec, { profile, priceS: prices[0] ?? 1, shape });
    const learned = new DeliveryLearner({ ...shape, saved: warm }).hazards(null);
    const cold = new DeliveryLearner(shape).hazards(null);
    console.log(
      '\nhazard per bin (per second): true, warm (pooled mixes), the cold prior; warm/true in density',
    );
    const hazardRows: string[][] = [];
    for (let bin = 0; bin < BIN_COUNT && binStartS(bin) < 1800; bin += 1) {
      const t = bench.truth[bin] ?? 0;
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

if (process.argv[1] === import.meta.filename) main();
