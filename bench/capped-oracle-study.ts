/**
 * How loose the oracle under the cap is on one workload: its Lagrangian bound after a number of price rounds, the
 * first-check bound, and the mean lag of a schedule built from the bound's last prices (the plans of its last
 * rounds shared out over the ids and run under the cap by the event simulation). The best capped schedule lies
 * between the larger bound and the best schedule measured (this one, or a strategy's from `npm run bench`).
 *
 * Run: `npx tsx bench/capped-oracle-study.ts --workload SLUG --checks-per-id N --target-mean S [--profile FILE]
 * [--seeds N] [--iterations N] [--keep N]` (the budget and target: the warm learning policy's requests per id and
 * mean lag from `npm run bench`).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE, readProfileFile } from '../electron/core/simulator';
import { mulberry32 } from '../electron/core/simulator/random';
import { cappedOracleBound, firstCheckBound } from './capped-oracle';
import { simulate } from './event-sim';
import { arrivalGroups, profileFinalShareBy } from './run-bench';
import { planned } from './sim-strategies';
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
let lagMs = 0;
let finals = 0;
let requests = 0;
for (let s = 0; s < seeds; s += 1) {
  const workload = drawWorkload(spec, 7 + s, profile, LATENCY_MS);
  const outcome = simulate(workload, strategy.create(mulberry32(s)), mulberry32(s + 1));
  requests += outcome.requests;
  workload.ids.forEach((id, index) => {
    if (id.finalAgeMs === null) return;
    const finalAt = id.arrivalMs + id.finalAgeMs;
    if (finalAt > workload.durationMs) return;
    const seenAt = outcome.detectedAtMs[index] ?? Number.NaN;
    lagMs += Number.isNaN(seenAt) ? workload.durationMs - finalAt : Math.max(0, seenAt - finalAt);
    finals += 1;
  });
}
process.stdout.write(
  `${spec.name}: Lagrangian bound ${bound.mean.toFixed(1)} s, first-check bound ${firstChecks.toFixed(1)} s; ` +
    `schedule from the bound's prices ${(lagMs / finals / 1000).toFixed(1)} s at ` +
    `${(requests / seeds / spec.arrivals.length).toFixed(1)} requests per id (${seeds} seeds)\n`,
);
