/**
 * Compares the monitor's poll scheduler with SMSBAT's own polling advice and with plain fixed polling, in
 * virtual time on the simulator's delivery model, then measures engine memory per watched id.
 * Run: `npm run bench` (add `-- --quick` for a smaller, faster pass).
 */
import { createSimulator, finalAfterMs } from '../electron/core/simulator';
import { VirtualClock } from '../electron/core/virtual-clock';
import { InProcessSimulatorClient } from './in-process-client';
import { measureMemoryPerId } from './memory';
import { peakPerSecond, quantile, ratio, seconds, table } from './stats';
import { fixedStrategy, oursStrategy, seedStrategy, type Strategy } from './strategies';

const LATENCY_MS = 80;
const SEED = 7;
const quick = process.argv.includes('--quick');

interface Workload {
  readonly name: string;
  readonly rateCap: number;
  /** Send time of each id, in ms from the start. */
  readonly arrivals: readonly { readonly id: string; readonly atMs: number }[];
  readonly durationMs: number;
}

interface Result {
  readonly strategy: string;
  readonly requests: number;
  readonly perId: number;
  readonly lagP50: number;
  readonly lagP95: number;
  readonly lagMax: number;
  readonly detected: number;
  readonly peak: number;
}

const MINUTE = 60_000;
const scale = quick ? 0.1 : 1;

const workloads: readonly Workload[] = [
  {
    name: 'burst of 50 one-time codes, cap 10/s, 30 min',
    rateCap: 10,
    arrivals: Array.from({ length: 50 }, (_, i) => ({ id: `otp-${i}`, atMs: 0 })),
    durationMs: 30 * MINUTE,
  },
  {
    name: `campaign of ${10_000 * scale} ids, cap 50/s, 2 h`,
    rateCap: 50,
    arrivals: Array.from({ length: 10_000 * scale }, (_, i) => ({ id: `campaign-${i}`, atMs: 0 })),
    durationMs: 120 * MINUTE,
  },
  {
    name: `trickle of 1 id/s for ${60 * scale} min, cap 10/s, then 30 min`,
    rateCap: 10,
    arrivals: Array.from({ length: 3600 * scale }, (_, i) => ({ id: `trickle-${i}`, atMs: i * 1000 })),
    durationMs: (60 * scale + 30) * MINUTE,
  },
];

async function run(workload: Workload, strategy: Strategy): Promise<Result> {
  const clock = new VirtualClock();
  const start = clock.now();
  const simulator = createSimulator({ clock, seed: SEED });
  const client = new InProcessSimulatorClient(simulator, clock, LATENCY_MS);
  const detectedAt = new Map<string, number>();
  const running = strategy.start({
    client,
    clock,
    rateCap: workload.rateCap,
    onFinal: (id, at) => {
      if (!detectedAt.has(id)) detectedAt.set(id, at);
    },
  });
  for (const arrival of workload.arrivals) {
    await clock.advanceTo(start + arrival.atMs);
    simulator.markSent(arrival.id, clock.now());
    running.add(arrival.id);
  }
  const end = start + workload.durationMs;
  await clock.advanceTo(end);
  running.stop();

  const lags: number[] = [];
  let finalsExisting = 0;
  for (const arrival of workload.arrivals) {
    const finalAfter = finalAfterMs(simulator.timeline(arrival.id));
    if (finalAfter === null) continue;
    const finalAt = start + arrival.atMs + finalAfter;
    if (finalAt > end) continue;
    finalsExisting += 1;
    const seenAt = detectedAt.get(arrival.id);
    if (seenAt !== undefined) lags.push(Math.max(0, seenAt - finalAt));
  }
  lags.sort((a, b) => a - b);
  return {
    strategy: strategy.name,
    requests: client.requestTimes.length,
    perId: client.requestTimes.length / workload.arrivals.length,
    lagP50: quantile(lags, 0.5),
    lagP95: quantile(lags, 0.95),
    lagMax: lags.at(-1) ?? Number.NaN,
    detected: finalsExisting === 0 ? Number.NaN : lags.length / finalsExisting,
    peak: peakPerSecond(client.requestTimes),
  };
}

function report(workload: Workload, results: readonly Result[]): void {
  const [ours, ...baselines] = results;
  if (!ours) return;
  console.log(`\n## ${workload.name}`);
  console.log(
    table(
      ['strategy', 'requests', 'req/id', 'lag p50', 'lag p95', 'lag max', 'detected', 'peak req/s'],
      results.map((result) => [
        result.strategy,
        String(result.requests),
        result.perId.toFixed(2),
        seconds(result.lagP50),
        seconds(result.lagP95),
        seconds(result.lagMax),
        `${(result.detected * 100).toFixed(1)} %`,
        String(result.peak),
      ]),
    ),
  );
  for (const baseline of baselines) {
    console.log(
      `scheduler vs ${baseline.strategy}: requests ${ratio(ours.requests, baseline.requests)}, ` +
        `lag p50 ${ratio(ours.lagP50, baseline.lagP50)}, lag p95 ${ratio(ours.lagP95, baseline.lagP95)}, ` +
        `detected ${ratio(ours.detected, baseline.detected)}, peak req/s ${ratio(ours.peak, baseline.peak)}`,
    );
  }
}

async function main(): Promise<void> {
  console.log(
    `Poll scheduler benchmark: virtual time, simulator seed ${SEED}, ${LATENCY_MS} ms latency per request` +
      (quick ? ' (quick pass: smaller workloads)' : ''),
  );
  console.log('lag = time from the final status existing at SMSBAT to the monitor knowing it');
  for (const workload of workloads) {
    const results: Result[] = [];
    for (const strategy of [oursStrategy, seedStrategy, fixedStrategy])
      results.push(await run(workload, strategy));
    report(workload, results);
  }
  const ids = quick ? 10_000 : 100_000;
  const bytesPerId = await measureMemoryPerId(ids);
  console.log(
    `\n## memory\nengine heap per watched id at ${ids.toLocaleString('en')} ids: ${Math.round(bytesPerId)} bytes`,
  );
}

await main();
