/**
 * Compares polling strategies in virtual time on the simulator's delivery model: fixed-interval polling as a
 * curve, today's backoff, SMSBAT's guide, and the learning policy cold and warm, on four workloads and several
 * seeds, each against the fixed curve at the same number of requests and against the oracle bound.
 *
 * Ids streamed in behind a backlog of first checks run on the real scheduler too (see `streaming-backlog.ts`).
 *
 * The burst of codes and the trickle also run on the real PollScheduler (rows marked "engine"), as a check that the
 * event simulation measures what the engine does.
 *
 * Run: `npm run bench` (options: `-- --profile FILE --seeds N --engine-seeds N --json --quick --scale X --charts DIR
 * --price S --no-memory --workload SLUG`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE, ProfileError, readProfileFile } from '../electron/core/simulator';
import { measureMemoryPerId } from './memory';
import { benchJson, workloadSvg, workloadText } from './report';
import { streamingBacklogText } from './streaming-backlog';
import { engineResults, runBench, type WorkloadResult } from './run-bench';

/** The workloads also run on the real scheduler. */
const ENGINE_WORKLOADS = new Set(['one-time-codes', 'trickle']);
import { MIN_POOLED_IDS, seedsFor, workloads } from './workloads';

const { values } = parseArgs({
  options: {
    profile: { type: 'string' },
    seeds: { type: 'string' },
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    charts: { type: 'string' },
    price: { type: 'string' },
    exponent: { type: 'string' },
    'no-memory': { type: 'boolean', default: false },
    'engine-seeds': { type: 'string' },
    workload: { type: 'string' },
  },
});

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!(value > 0 && value <= max))
    throw new TypeError(`--${name} must be a number above 0 and at most ${max}, got ${raw}`);
  return value;
}

async function main(): Promise<number> {
  const quick = values.quick;
  const seeds = Math.round(positive('seeds', values.seeds, quick ? 2 : 10, 1000));
  const scale = positive('scale', values.scale, quick ? 0.05 : 1, 1);
  let profile = DEFAULT_PROFILE;
  const profileName = values.profile ?? 'default';
  if (values.profile !== undefined) {
    try {
      profile = readProfileFile(values.profile);
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      process.stderr.write(`bench: --profile ${error.message}\n`);
      return 3;
    }
  }
  const engineSeeds = Math.round(positive('engine-seeds', values['engine-seeds'], seeds, 1000));
  const chartsDir = values.charts ?? (quick || values.json ? null : 'bench/charts');
  if (!values.json) {
    console.log(
      `Polling benchmark: virtual time, profile ${profileName}, at least ${seeds} seeds pooled (a workload of ` +
        `fewer than ${MIN_POOLED_IDS.toLocaleString('en')} ids pools more), 80 ms per request` +
        (scale < 1 ? `, workloads scaled to ${scale}` : ''),
    );
    console.log(
      'lag = time from a final status existing at SMSBAT to the monitor knowing it (a final never learned of counts\n' +
        'with its lag to the end of the run); x mean / x p95 = lag / fixed polling at the same number of requests',
    );
    console.log(
      `rows marked (engine): the real PollScheduler in virtual time on the simulator, first ${engineSeeds} seeds, ` +
        'each matched against fixed polling on those seeds',
    );
  }
  const priceS = values.price === undefined ? undefined : positive('price', values.price, 0, 1e9);
  const lagPower = values.exponent === undefined ? undefined : positive('exponent', values.exponent, 2, 20);
  const options = {
    profile,
    seeds,
    ...(priceS === undefined ? {} : { priceS }),
    ...(lagPower === undefined ? {} : { lagPower }),
  };
  const results: WorkloadResult[] = [];
  const specs = workloads(scale).filter(
    (spec) => values.workload === undefined || spec.slug === values.workload,
  );
  if (specs.length === 0) {
    process.stderr.write(
      `bench: --workload must be one of ${workloads(scale)
        .map((spec) => spec.slug)
        .join(', ')}, got ${values.workload ?? ''}\n`,
    );
    return 3;
  }
  for (const spec of specs) {
    const [simulated] = runBench([spec], { ...options, seeds: quick ? seeds : seedsFor(spec, seeds) });
    if (simulated === undefined) continue;
    // The real scheduler beside the event simulation, on the workloads small enough to drive it.
    const engineRows = ENGINE_WORKLOADS.has(spec.slug)
      ? await engineResults(spec, { ...options, seeds: engineSeeds })
      : [];
    const result = { ...simulated, strategies: [...simulated.strategies, ...engineRows] };
    results.push(result);
    if (!values.json) console.log(`\n${workloadText(result)}`);
    if (chartsDir !== null) {
      mkdirSync(chartsDir, { recursive: true });
      writeFileSync(join(chartsDir, `${result.slug}.svg`), workloadSvg(result));
    }
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(benchJson(profileName, profile, seeds, results))}\n`);
    return 0;
  }
  // Ids streamed in behind a backlog of first checks: how soon they are checked, and what it costs the backlog.
  if (values.workload === undefined)
    console.log(`\n${await streamingBacklogText(profile, Math.min(seeds, 4))}`);
  if (chartsDir !== null) console.log(`\ncharts: ${chartsDir}/<workload>.svg`);
  return 0;
}

const code = await main();
if (code === 0 && !values.json && !values['no-memory']) {
  const ids = values.quick ? 10_000 : 100_000;
  const bytesPerId = await measureMemoryPerId(ids);
  console.log(
    `\n## memory\nengine heap per watched id at ${ids.toLocaleString('en')} ids: ${Math.round(bytesPerId)} bytes`,
  );
}
process.exitCode = code;
