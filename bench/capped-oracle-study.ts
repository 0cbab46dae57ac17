/**
 * How loose the oracle under the cap is on one workload: its Lagrangian bound after a number of price rounds, the
 * first-check bound, and the mean lag of a schedule built from the bound's last prices (the plans of its last
 * rounds shared out over the ids and run under the cap by the event simulation). The best capped schedule lies
 * between the larger bound and the best schedule measured (this one, or a strategy's from `npm run bench`).
 *
 * With `--split`, also where the warm learning policy loses: its mean lag by the age of the final (0–10 s, 10–30 s,
 * 30–120 s, later) beside the first-check bound's.
 *
 * Run: `npx tsx bench/capped-oracle-study.ts --workload SLUG --checks-per-id N --target-mean S [--profile FILE]
 * [--seeds N] [--iterations N] [--keep N] [--split]` (the budget and target: the warm learning policy's requests
 * per id and mean lag from `npm run bench`).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE, readProfileFile } from '../electron/core/simulator';
import { mulberry32 } from '../electron/core/simulator/random';
import { cappedOracleBound, firstCheckBound } from './capped-oracle';
import { simulate, type SimOutcome, type SimWorkload } from './event-sim';
import { arrivalGroups, profileFinalShareBy, warmProfileFor } from './run-bench';
import { learning, planned } from './sim-strategies';
import { drawWorkload, workloads } from './workloads';

const LATENCY_MS = 80;

const { values } = parseArgs({
  options: {
    workload: { type: 'string', default: 'campaign' },
    profile: { type: 'string' },
    seeds: { type: 'string', default: '2' },
    'checks-per-id': { type: 'string' },
    'target-mean': { type: 'string' },
    iterations: { type: 'string' },
    keep: { type: 'string', default: '30' },
    split: { type: 'boolean', default: false },
  },
});

const spec = workloads().find((candidate) => candidate.slug === values.workload);
if (spec === undefined) throw new TypeError(`--workload must name a workload, got ${values.workload}`);
const checksPerId = Number(values['checks-per-id']);
const targetMeanS = Number(values['target-mean']);
if (!(checksPerId > 0) || !(targetMeanS > 0))
  throw new TypeError('--checks-per-id and --target-mean must be numbers above 0');
const profile = values.profile === undefined ? DEFAULT_PROFILE : readProfileFile(values.profile);
const seeds = Math.max(1, Math.round(Number(values.seeds)));
const finalShareBy = profileFinalShareBy(profile);
const groups = arrivalGroups(spec);
// As the benchmark prices it: per second where most ids are sent at once, per five minutes otherwise.
const atOnce = groups.some(
  (group) => group.arrivalFromS === group.arrivalToS && 2 * group.weight >= spec.arrivals.length,
);
const bound = cappedOracleBound({
  finalShareBy,
  groups,
  checksPerId,
  rateCap: spec.rateCap,
  durationS: spec.durationMs / 1000,
  latencyS: LATENCY_MS / 1000,
  targetMeanS,
  p95: false,
  keepPlans: Math.max(1, Math.round(Number(values.keep))),
  ...(groups.length > 1 ? { gridS: 0.5 } : {}),
  ...(atOnce ? { iterations: 150 } : { binS: 300, iterations: 40 }),
  ...(values.iterations === undefined ? {} : { iterations: Math.round(Number(values.iterations)) }),
});
const firstChecks = firstCheckBound({
  finalShareBy,
  arrivalsS: spec.arrivals.map((arrival) => arrival.atMs / 1000),
  rateCap: spec.rateCap,
  durationS: spec.durationMs / 1000,
  latencyS: LATENCY_MS / 1000,
});

// Each id takes its group's plans in turn (groups hold consecutive ids in the order sent).
const order = spec.arrivals
  .map((arrival, index) => ({ atMs: arrival.atMs, index }))
  .sort((a, b) => a.atMs - b.atMs);
const plansOf = new Array<readonly number[]>(spec.arrivals.length).fill([]);
let cursor = 0;
groups.forEach((group, g) => {
  const rounds = bound.plansS?.[g] ?? [];
  for (let k = 0; k < group.weight; k += 1) {
    const entry = order[cursor];
    cursor += 1;
    if (entry !== undefined) plansOf[entry.index] = rounds[k % Math.max(1, rounds.length)] ?? [];
  }
});
const strategy = planned("the bound's plans", (index) => plansOf[index] ?? []);
/** Upper ends of the age bands of finals the split reports, seconds. */
const BANDS_S = [10, 30, 120, Number.POSITIVE_INFINITY];
const bandOf = (ageS: number) => BANDS_S.findIndex((end) => ageS < end);

/** Lag summed over counted finals, overall and by band of the final's age. */
function addLags(
  totals: Float64Array,
  counts: Float64Array,
  workload: SimWorkload,
  outcome: SimOutcome,
): void {
  workload.ids.forEach((id, index) => {
    if (id.finalAgeMs === null) return;
    const finalAt = id.arrivalMs + id.finalAgeMs;
    if (finalAt > workload.durationMs) return;
    const seenAt = outcome.detectedAtMs[index] ?? Number.NaN;
    const lagMs = Number.isNaN(seenAt) ? workload.durationMs - finalAt : Math.max(0, seenAt - finalAt);
    for (const band of [BANDS_S.length, bandOf(id.finalAgeMs / 1000)]) {
      totals[band] = (totals[band] ?? 0) + lagMs / 1000;
      counts[band] = (counts[band] ?? 0) + 1;
    }
  });
}

/** Mean lag over all seeds, overall (last) and by band. */
function meanLags(create: (seed: number) => Parameters<typeof simulate>[1]): {
  means: number[];
  requests: number;
} {
  const totals = new Float64Array(BANDS_S.length + 1);
  const counts = new Float64Array(BANDS_S.length + 1);
  let requests = 0;
  for (let s = 0; s < seeds; s += 1) {
    const workload = drawWorkload(spec as NonNullable<typeof spec>, 7 + s, profile, LATENCY_MS);
    const outcome = simulate(workload, create(s), mulberry32(s + 1));
    requests += outcome.requests;
    addLags(totals, counts, workload, outcome);
  }
  return { means: [...totals].map((total, band) => total / (counts[band] ?? 1)), requests: requests / seeds };
}

const fromPrices = meanLags(() => strategy.create(mulberry32(0)));
process.stdout.write(
  `${spec.name}: Lagrangian bound ${bound.mean.toFixed(1)} s, first-check bound ${firstChecks.toFixed(1)} s; ` +
    `schedule from the bound's prices ${(fromPrices.means[BANDS_S.length] ?? 0).toFixed(1)} s at ` +
    `${(fromPrices.requests / spec.arrivals.length).toFixed(1)} requests per id (${seeds} seeds)\n`,
);

if (values.split) {
  // The warm profile as the benchmark makes it: three earlier runs of the same traffic on other seeds.
  const warmProfile = warmProfileFor(spec, { profile, latencyMs: LATENCY_MS });
  const policy = learning('learning-warm', () => warmProfile);
  const measured = meanLags((s) => policy.create(mulberry32(97 * s + 11)));
  const bounds = firstCheckBandMeans();
  const names = ['0–10 s', '10–30 s', '30–120 s', 'later'];
  process.stdout.write(
    `warm learning policy, mean lag by the age of the final (first-check bound): ` +
      names
        .map(
          (name, band) =>
            `${name} ${(measured.means[band] ?? 0).toFixed(1)} s (${(bounds[band] ?? 0).toFixed(1)} s)`,
        )
        .join(', ') +
      `; all ${(measured.means[BANDS_S.length] ?? 0).toFixed(1)} s (${firstChecks.toFixed(1)} s)\n`,
  );
}

/** The first-check bound's mean lag of the finals in each band of age (each id's first check as early as it allows). */
function firstCheckBandMeans(): number[] {
  const stepS = 0.05;
  const lag = new Float64Array(BANDS_S.length);
  const mass = new Float64Array(BANDS_S.length);
  const durationS = (spec as NonNullable<typeof spec>).durationMs / 1000;
  const rateCap = (spec as NonNullable<typeof spec>).rateCap;
  let nextStart = Number.NEGATIVE_INFINITY;
  for (const { atMs } of order) {
    const at = atMs / 1000;
    const start = Math.max(at, nextStart);
    nextStart = start + 1 / rateCap;
    const horizon = durationS - at;
    const x = Math.min(start - at + LATENCY_MS / 2000, horizon);
    for (let age = 0; age < horizon; age += stepS) {
      const share = finalShareBy(Math.min(horizon, age + stepS)) - finalShareBy(age);
      if (!(share > 0)) continue;
      const band = bandOf(age);
      mass[band] = (mass[band] ?? 0) + share;
      if (age + stepS <= x) lag[band] = (lag[band] ?? 0) + share * (x - age - stepS);
    }
  }
  return [...lag].map((total, band) => total / (mass[band] ?? 1));
}
