/**
 * Ids streamed in behind a backlog of first checks (`tail -f sent.log | smsbat-monitor watch` after a paste): 200
 * ids with deadlines at once, then one more each second, at 5 requests a second, on the real PollScheduler in
 * virtual time. Reports how soon the streamed ids get their first check and what that costs the backlog (its first
 * checks and its finals come later by the slots the streamed ids take).
 *
 * Run alone: `node --import tsx bench/streaming-backlog.ts` (also printed by `npm run bench`).
 */
import { DEFAULT_PROFILE, type DeliveryProfile } from '../electron/core/simulator';
import { runEngine, type EnginePolicyKind } from './engine-run';
import { summarizeLags } from './lag-stats';
import { table } from './stats';
import { OTP_DEADLINE_MS, type Arrival, type WorkloadSpec } from './workloads';

const BACKLOG = 200;
const STREAMED = 60;

/** The workload: the backlog at 0 s, then one streamed id a second from 1 s on, for two minutes at 5/s. */
export function streamingSpec(): WorkloadSpec {
  const backlog: Arrival[] = Array.from({ length: BACKLOG }, (_, i) => ({
    id: `backlog-${i}`,
    atMs: 0,
    deadlineAgeMs: OTP_DEADLINE_MS,
  }));
  const streamed: Arrival[] = Array.from({ length: STREAMED }, (_, i) => ({
    id: `streamed-${i}`,
    atMs: 1_000 + i * 1_000,
    deadlineAgeMs: OTP_DEADLINE_MS,
  }));
  return {
    name: `${BACKLOG} ids with deadlines, then one a second, cap 5/s, 2 min`,
    slug: 'streaming-backlog',
    rateCap: 5,
    durationMs: 120_000,
    arrivals: [...backlog, ...streamed],
  };
}

/** One policy's row: first-check waits of the streamed ids and of the backlog, and the backlog's final lag. */
async function row(policy: EnginePolicyKind, profile: DeliveryProfile, seeds: number): Promise<string[]> {
  const spec = streamingSpec();
  const streamedWait: number[] = [];
  const backlogWait: number[] = [];
  const backlogLag: number[] = [];
  for (let seed = 1; seed <= seeds; seed += 1) {
    const outcome = await runEngine(spec, { profile, seed, policy });
    spec.arrivals.forEach((arrival, i) => {
      const first = outcome.firstCheckAtMs[i] ?? Number.NaN;
      const wait = (Number.isNaN(first) ? spec.durationMs : first) - arrival.atMs;
      (arrival.id.startsWith('streamed') ? streamedWait : backlogWait).push(wait);
      const detected = outcome.detectedAtMs[i] ?? Number.NaN;
      if (!arrival.id.startsWith('streamed') && !Number.isNaN(detected)) backlogLag.push(detected);
    });
  }
  const s = summarizeLags(streamedWait);
  const b = summarizeLags(backlogWait);
  const lag = summarizeLags(backlogLag);
  const sec = (value: number) => `${value.toFixed(1)} s`;
  return [policy, sec(s.p95), sec(s.max), sec(b.mean), sec(b.max), sec(lag.mean), sec(lag.p95)];
}

/** The section's text: a table of both policies over `seeds` seeds. */
export async function streamingBacklogText(profile: DeliveryProfile, seeds: number): Promise<string> {
  const rows = [await row('backoff', profile, seeds), await row('learning', profile, seeds)];
  return (
    `## ${streamingSpec().name}, ${seeds} seed${seeds === 1 ? '' : 's'}\n` +
    'first check = time from being watched to the first request; backlog known = time from being watched to the\n' +
    'monitor knowing its final status\n' +
    table(
      [
        'policy (engine)',
        'streamed 1st p95',
        'streamed 1st max',
        'backlog 1st mean',
        'backlog 1st max',
        'backlog known mean',
        'backlog known p95',
      ],
      rows,
    )
  );
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  console.log(await streamingBacklogText(DEFAULT_PROFILE, 2));
}
