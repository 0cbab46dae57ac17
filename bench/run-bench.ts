/**
 * Runs every strategy on every workload for several seeds, pools the lags, and compares each strategy with the
 * fixed-interval curve at the same number of requests and with the oracle bound. Pure apart from CPU time.
 */
import type { DeliveryLearner, SavedDeliveryProfile } from '../electron/core/learning';
import type { DeliveryProfile } from '../electron/core/simulator';
import { delayCdf } from '../electron/core/simulator/profiles';
import { simulate, type SimOutcome, type SimWorkload } from './event-sim';
import { matchedRatio, summarizeLags, type CurvePoint, type LagSummary } from './lag-stats';
import { oracleBound, type HorizonGroup, type OracleBound } from './oracle';
import { cappedOracleBound, firstCheckBound, type ArrivalGroup } from './capped-oracle';
import {
  backoff,
  fixedInterval,
  guide,
  learning,
  type LearnerShape,
  type NamedStrategy,
  type StrategyKind,
} from './sim-strategies';
import { mulberry32 } from '../electron/core/simulator/random';
import { drawWorkload, type WorkloadSpec } from './workloads';
import { runEngine } from './engine-run';

/** How many earlier runs the warm learning policy's saved profile comes from. */
const WARM_UP_RUNS = 3;

/** The fixed intervals that make up the fixed-polling curve, in seconds. */
export const FIXED_INTERVALS_S = [5, 7.5, 10, 15, 20, 30, 45, 60] as const;

/** A final status counts as missed only if it existed this long before the end (the longest gap between checks). */
export const DETECTION_MARGIN_MS = 600_000;

/** One strategy's pooled figures on one workload. */
export interface StrategyResult {
  readonly name: string;
  readonly kind: StrategyKind;
  readonly intervalS?: number;
  /** Requests per run (mean over seeds). */
  readonly requests: number;
  /** Requests per hour of watching one pending id. */
  readonly requestsPerIdHour: number;
  /** Share of final statuses that existed 10 min before the end of the run and were learned of (0..1). */
  readonly detected: number;
  readonly lag: LagSummary;
  /** Lag divided by the fixed curve's lag at the same requests. */
  readonly matched: { readonly mean: number; readonly p95: number };
  /** The most requests started in any one second, over all seeds. */
  readonly peakPerSecond: number;
  /** The least time between two requests for one id, seconds. */
  readonly minPerIdGapS: number;
  /** For ids with a deadline: the longest wait for a first check, and the share known by the deadline among those final 5 s before it. */
  readonly deadlines?: { readonly firstCheckMaxS: number; readonly knownInTimeShare: number };
}

/** One workload's results. */
export interface WorkloadResult {
  readonly name: string;
  readonly slug: string;
  readonly rateCap: number;
  readonly ids: number;
  /** How many seeds its lags are pooled over. */
  readonly seeds: number;
  readonly strategies: readonly StrategyResult[];
  /** The oracle at the warm learning policy's budget, ignoring the rate cap. */
  readonly oracle: OracleBound;
  /** The oracle at the same budget under the workload's rate cap (a lower bound; the targets are judged on it). */
  readonly oracleCapped: OracleBound;
  /** The two lower bounds on the mean under the cap whose larger is `oracleCapped.mean` (seconds). */
  readonly oracleCappedMeans: { readonly lagrangian: number; readonly firstChecks: number };
  /** The share of the gap between fixed polling (matched) and the oracle that the warm learning policy closes. */
  readonly gapClosed: { readonly mean: number; readonly p95: number };
}

/** Options of a benchmark run. */
export interface BenchOptions {
  readonly profile: DeliveryProfile;
  readonly seeds: number;
  readonly firstSeed?: number;
  readonly latencyMs?: number;
  /** The learning policy's price of a request in seconds of lag. */
  readonly priceS?: number;
  /** The learning policy's exponent p of the check density (h / c)^(1/(p+1)) for ids without a deadline. @default DEFAULT_PLAIN_LAG_POWER */
  readonly lagPower?: number;
  /** Called as each workload finishes (progress). */
  readonly onWorkload?: (result: WorkloadResult) => void;
}

interface Pool {
  readonly lagsMs: number[];
  requests: number;
  watchedMs: number;
  finals: number;
  detected: number;
  peak: number;
  minGapMs: number;
  firstCheckMaxMs: number;
  deadlineEligible: number;
  deadlineKnown: number;
}

function emptyPool(): Pool {
  return {
    lagsMs: [],
    requests: 0,
    watchedMs: 0,
    finals: 0,
    detected: 0,
    peak: 0,
    minGapMs: Number.POSITIVE_INFINITY,
    firstCheckMaxMs: 0,
    deadlineEligible: 0,
    deadlineKnown: 0,
  };
}

/** Adds one run to a pool: an undetected final counts with its full lag to the end of the run. */
function addRun(pool: Pool, workload: SimWorkload, outcome: SimOutcome): void {
  pool.requests += outcome.requests;
  pool.watchedMs += outcome.watchedMs;
  pool.peak = Math.max(pool.peak, outcome.peakPerSecond);
  pool.minGapMs = Math.min(pool.minGapMs, outcome.minPerIdGapMs);
  workload.ids.forEach((id, index) => {
    if (id.deadlineAgeMs !== null) {
      const first = outcome.firstCheckAtMs[index] ?? Number.NaN;
      const wait = Number.isNaN(first) ? workload.durationMs - id.arrivalMs : first - id.arrivalMs;
      pool.firstCheckMaxMs = Math.max(pool.firstCheckMaxMs, wait);
      if (id.finalAgeMs !== null && id.finalAgeMs <= id.deadlineAgeMs - 5_000) {
        pool.deadlineEligible += 1;
        if ((outcome.detectedAtMs[index] ?? Number.NaN) <= id.arrivalMs + id.deadlineAgeMs)
          pool.deadlineKnown += 1;
      }
    }
    if (id.finalAgeMs === null) return;
    const finalAt = id.arrivalMs + id.finalAgeMs;
    if (finalAt > workload.durationMs) return;
    const seenAt = outcome.detectedAtMs[index] ?? Number.NaN;
    pool.lagsMs.push(Number.isNaN(seenAt) ? workload.durationMs - finalAt : Math.max(0, seenAt - finalAt));
    // Detection is judged on finals that existed for at least the longest gap between checks before the end.
    if (finalAt <= workload.durationMs - DETECTION_MARGIN_MS) {
      pool.finals += 1;
      if (!Number.isNaN(seenAt)) pool.detected += 1;
    }
  });
}

/** The profile's share of messages final by an age. */
export function profileFinalShareBy(profile: DeliveryProfile): (ageS: number) => number {
  return (ageS) =>
    profile.outcomes.reduce(
      (sum, outcome) =>
        sum + (outcome.status === 'never' ? 0 : outcome.share * delayCdf(outcome.after, ageS)),
      0,
    );
}

/** Ids grouped by horizon (time from sending to the end of the run), at most `count` groups. */
function horizonGroups(spec: WorkloadSpec, count = 6): HorizonGroup[] {
  const horizons = spec.arrivals
    .map((arrival) => (spec.durationMs - arrival.atMs) / 1000)
    .sort((a, b) => a - b);
  const groups: HorizonGroup[] = [];
  for (let g = 0; g < count; g += 1) {
    const slice = horizons.slice(
      Math.floor((g * horizons.length) / count),
      Math.floor(((g + 1) * horizons.length) / count),
    );
    if (slice.length === 0) continue;
    groups.push({ horizonS: slice.reduce((a, b) => a + b, 0) / slice.length, weight: slice.length });
  }
  return groups;
}

/** Longest span of arrival times one group of the capped oracle covers. */
const ARRIVAL_GROUP_SPAN_MS = 60_000;

/**
 * Ids grouped by arrival for the capped oracle: ids sent at one instant form a group, the others are chunked into
 * spans of at most a minute (each priced at the cheapest time any of its ids could check).
 */
export function arrivalGroups(spec: WorkloadSpec): ArrivalGroup[] {
  const times = spec.arrivals.map((arrival) => arrival.atMs).sort((a, b) => a - b);
  const groups: ArrivalGroup[] = [];
  let from = 0;
  while (from < times.length) {
    const start = times[from] ?? 0;
    let to = from;
    const sameInstant = (times[from + 1] ?? Number.NaN) === start;
    while (
      to + 1 < times.length &&
      (sameInstant
        ? times[to + 1] === start
        : (times[to + 1] ?? 0) !== (times[to + 2] ?? Number.NaN) &&
          (times[to + 1] ?? 0) - start < ARRIVAL_GROUP_SPAN_MS)
    ) {
      to += 1;
    }
    const slice = times.slice(from, to + 1);
    const meanAt = slice.reduce((sum, at) => sum + at, 0) / slice.length;
    groups.push({
      arrivalFromS: start / 1000,
      arrivalToS: (times[to] ?? start) / 1000,
      horizonS: (spec.durationMs - meanAt) / 1000,
      weight: slice.length,
    });
    from = to + 1;
  }
  return groups;
}

/** True when one group of ids sent at the same instant holds at least half of all ids. */
function mostlyAtOnce(groups: readonly ArrivalGroup[]): boolean {
  const total = groups.reduce((sum, group) => sum + group.weight, 0);
  return groups.some((group) => group.arrivalFromS === group.arrivalToS && 2 * group.weight >= total);
}

/** The fixed-polling curve of a workload: lag against requests, for mean and p95. */
export interface FixedCurve {
  readonly mean: readonly CurvePoint[];
  readonly p95: readonly CurvePoint[];
}

/** One strategy's pooled figures, compared with the fixed curve at the same requests. */
function resultOf(
  strategy: { readonly name: string; readonly kind: StrategyKind; readonly intervalS?: number },
  pool: Pool,
  seeds: number,
  curve: FixedCurve,
  hasDeadlines: boolean,
): StrategyResult {
  const lag = summarizeLags(pool.lagsMs);
  const requests = pool.requests / seeds;
  return {
    name: strategy.name,
    kind: strategy.kind,
    ...(strategy.intervalS === undefined ? {} : { intervalS: strategy.intervalS }),
    requests,
    requestsPerIdHour: pool.watchedMs > 0 ? pool.requests / (pool.watchedMs / 3_600_000) : Number.NaN,
    detected: pool.finals === 0 ? Number.NaN : pool.detected / pool.finals,
    lag,
    matched: {
      mean: matchedRatio(curve.mean, requests, lag.mean),
      p95: matchedRatio(curve.p95, requests, lag.p95),
    },
    peakPerSecond: pool.peak,
    minPerIdGapS: pool.minGapMs / 1000,
    ...(hasDeadlines
      ? {
          deadlines: {
            firstCheckMaxS: pool.firstCheckMaxMs / 1000,
            knownInTimeShare: pool.deadlineEligible === 0 ? 1 : pool.deadlineKnown / pool.deadlineEligible,
          },
        }
      : {}),
  };
}

/**
 * The fixed curve on the first `options.seeds` seeds, run exactly as `runBench` runs it, so that rows from the real
 * scheduler (often on fewer seeds than the simulation) are set against fixed polling on the same timelines.
 */
function fixedCurveOn(spec: WorkloadSpec, options: BenchOptions): FixedCurve {
  const firstSeed = options.firstSeed ?? 7;
  const latencyMs = options.latencyMs ?? 80;
  const mean: CurvePoint[] = [];
  const p95: CurvePoint[] = [];
  FIXED_INTERVALS_S.forEach((interval, k) => {
    const pool = emptyPool();
    for (let s = 0; s < options.seeds; s += 1) {
      const seed = firstSeed + s;
      const workload = drawWorkload(spec, seed, options.profile, latencyMs);
      const strategy = fixedInterval(interval).create(mulberry32(seed * 97 + k));
      addRun(pool, workload, simulate(workload, strategy, mulberry32(seed * 89 + k)));
    }
    const lag = summarizeLags(pool.lagsMs);
    mean.push({ requests: pool.requests / options.seeds, lag: lag.mean });
    p95.push({ requests: pool.requests / options.seeds, lag: lag.p95 });
  });
  return { mean, p95 };
}

/** The engine's own policies the cross-check runs, as report rows. */
export const ENGINE_STRATEGIES = [
  { name: 'backoff (engine)', kind: 'engine-backoff', policy: 'backoff' },
  { name: 'learning, cold (engine)', kind: 'engine-learning', policy: 'learning' },
] as const;

/**
 * Runs the real PollScheduler (virtual time, the simulator in process) with today's backoff and with the learning
 * policy (cold) on the same seeds as the event simulation, pooled the same way; the rows to set beside the
 * event simulation's.
 */
export async function engineResults(spec: WorkloadSpec, options: BenchOptions): Promise<StrategyResult[]> {
  const firstSeed = options.firstSeed ?? 7;
  const latencyMs = options.latencyMs ?? 80;
  const curve = fixedCurveOn(spec, options);
  const hasDeadlines = spec.arrivals.some((arrival) => arrival.deadlineAgeMs !== null);
  const rows: StrategyResult[] = [];
  for (const strategy of ENGINE_STRATEGIES) {
    const pool = emptyPool();
    for (let s = 0; s < options.seeds; s += 1) {
      const seed = firstSeed + s;
      const workload = drawWorkload(spec, seed, options.profile, latencyMs);
      const outcome = await runEngine(spec, {
        profile: options.profile,
        seed,
        policy: strategy.policy,
        latencyMs,
        ...(options.priceS === undefined ? {} : { priceS: options.priceS }),
        ...(options.lagPower === undefined ? {} : { lagPower: options.lagPower }),
      });
      addRun(pool, workload, outcome);
    }
    rows.push(resultOf(strategy, pool, options.seeds, curve, hasDeadlines));
  }
  return rows;
}

/**
 * What the warm learning policy starts from: the profile it saved after {@link WARM_UP_RUNS} earlier runs of the
 * same kind of traffic on other seeds, each run starting from what the one before saved.
 */
export function warmProfileFor(
  spec: WorkloadSpec,
  options: {
    readonly profile: DeliveryProfile;
    readonly firstSeed?: number;
    readonly latencyMs?: number;
    readonly priceS?: number | undefined;
    readonly shape?: LearnerShape;
  },
): SavedDeliveryProfile | null {
  const firstSeed = options.firstSeed ?? 7;
  let warm: SavedDeliveryProfile | null = null;
  for (let run = 0; run < WARM_UP_RUNS; run += 1) {
    const warmUp = drawWorkload(spec, firstSeed + 1000 + run, options.profile, options.latencyMs ?? 80);
    const saved = warm;
    let learner: DeliveryLearner | null = null;
    const strategy = learning(
      'learning-cold',
      () => saved,
      options.priceS,
      (created) => (learner = created),
      options.shape,
    );
    simulate(warmUp, strategy.create(mulberry32(firstSeed + 999 - run)), mulberry32(firstSeed + 998 - run));
    warm = (learner as DeliveryLearner | null)?.save(0) ?? null;
  }
  return warm;
}

/** Runs the whole benchmark. */
export function runBench(specs: readonly WorkloadSpec[], options: BenchOptions): WorkloadResult[] {
  const firstSeed = options.firstSeed ?? 7;
  const latencyMs = options.latencyMs ?? 80;
  const results: WorkloadResult[] = [];
  const shape = options.lagPower === undefined ? {} : { lagPower: options.lagPower };
  for (const spec of specs) {
    const warmProfile = warmProfileFor(spec, {
      profile: options.profile,
      firstSeed,
      latencyMs,
      priceS: options.priceS,
      shape,
    });
    const strategies: NamedStrategy[] = [
      ...FIXED_INTERVALS_S.map((interval) => fixedInterval(interval)),
      backoff,
      guide,
      learning('learning-cold', () => null, options.priceS, undefined, shape),
      learning('learning-warm', () => warmProfile, options.priceS, undefined, shape),
    ];
    const pools = strategies.map(() => emptyPool());
    for (let s = 0; s < options.seeds; s += 1) {
      const seed = firstSeed + s;
      const workload = drawWorkload(spec, seed, options.profile, latencyMs);
      strategies.forEach((strategy, k) => {
        const pool = pools[k];
        if (pool === undefined) return;
        const outcome = simulate(
          workload,
          strategy.create(mulberry32(seed * 97 + k)),
          mulberry32(seed * 89 + k),
        );
        addRun(pool, workload, outcome);
      });
    }
    const summaries = pools.map((pool) => summarizeLags(pool.lagsMs));
    const fixedMean: CurvePoint[] = [];
    const fixedP95: CurvePoint[] = [];
    strategies.forEach((strategy, k) => {
      if (strategy.kind !== 'fixed') return;
      const requests = (pools[k]?.requests ?? 0) / options.seeds;
      fixedMean.push({ requests, lag: summaries[k]?.mean ?? Number.NaN });
      fixedP95.push({ requests, lag: summaries[k]?.p95 ?? Number.NaN });
    });
    const hasDeadlines = spec.arrivals.some((arrival) => arrival.deadlineAgeMs !== null);
    const curve = { mean: fixedMean, p95: fixedP95 };
    const strategyResults: StrategyResult[] = strategies.map((strategy, k) =>
      resultOf(strategy, pools[k] ?? emptyPool(), options.seeds, curve, hasDeadlines),
    );
    const warm = strategyResults.find((result) => result.kind === 'learning-warm');
    const oracle = oracleBound({
      finalShareBy: profileFinalShareBy(options.profile),
      groups: horizonGroups(spec),
      checksPerId: (warm?.requests ?? 0) / spec.arrivals.length,
      latencyS: latencyMs / 1000,
    });
    const groups = arrivalGroups(spec);
    const capped = cappedOracleBound({
      finalShareBy: profileFinalShareBy(options.profile),
      groups,
      checksPerId: (warm?.requests ?? 0) / spec.arrivals.length,
      rateCap: spec.rateCap,
      durationS: spec.durationMs / 1000,
      latencyS: latencyMs / 1000,
      ...(warm === undefined ? {} : { targetMeanS: warm.lag.mean, targetP95S: warm.lag.p95 }),
      // The p95 search is costly where many arrival groups or long lags meet; the burst of codes gets it.
      p95: groups.length === 1 && (warm?.lag.p95 ?? Infinity) < 60,
      // Priced per second of the run where most ids are sent at one instant (a burst, a campaign); per five minutes
      // where arrivals are spread (the trickle: prices per second do not settle in the rounds given), on a coarser
      // grid where there are many groups. Still a bound either way, only a looser one.
      ...(groups.length > 1 ? { gridS: 0.5 } : {}),
      ...(mostlyAtOnce(groups) ? { iterations: 150 } : { binS: 300, iterations: 40 }),
    });
    // First checks alone bound the mean where the first pass is what the cap makes slow (a campaign).
    const firstChecks = firstCheckBound({
      finalShareBy: profileFinalShareBy(options.profile),
      arrivalsS: spec.arrivals.map((arrival) => arrival.atMs / 1000),
      rateCap: spec.rateCap,
      durationS: spec.durationMs / 1000,
      latencyS: latencyMs / 1000,
    });
    // Each is a lower bound, so the larger is one. The cap can only make the bound larger; on a coarse grid the
    // Lagrangian one may come out a hair under the cap-free one.
    const oracleCapped = {
      mean: Math.max(capped.mean, oracle.mean, Number.isFinite(firstChecks) ? firstChecks : 0),
      p95: Number.isFinite(capped.p95) ? Math.max(capped.p95, oracle.p95) : Number.NaN,
    };
    const closed = (matched: number, ours: number, best: number) => {
      const fixedLag = ours / matched;
      return fixedLag - best > 0 ? (fixedLag - ours) / (fixedLag - best) : Number.NaN;
    };
    const result: WorkloadResult = {
      name: spec.name,
      slug: spec.slug,
      rateCap: spec.rateCap,
      ids: spec.arrivals.length,
      seeds: options.seeds,
      strategies: strategyResults,
      oracle,
      oracleCapped,
      oracleCappedMeans: { lagrangian: capped.mean, firstChecks },
      gapClosed: {
        mean: warm ? closed(warm.matched.mean, warm.lag.mean, oracle.mean) : Number.NaN,
        p95: warm ? closed(warm.matched.p95, warm.lag.p95, oracle.p95) : Number.NaN,
      },
    };
    options.onWorkload?.(result);
    results.push(result);
  }
  return results;
}
