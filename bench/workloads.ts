/** The benchmark's workloads, and their ids' true timelines drawn from a delivery profile for one seed. */
import { finalAfterMs, timelineFor } from '../electron/core/simulator';
import type { DeliveryProfile } from '../electron/core/simulator';
import type { SimId, SimWorkload } from './event-sim';

const MINUTE = 60_000;

/** One arrival: an id sent at `atMs`, optionally with a deadline (one-time codes). */
export interface Arrival {
  readonly id: string;
  readonly atMs: number;
  readonly deadlineAgeMs: number | null;
}

/** A workload before timelines are drawn. */
export interface WorkloadSpec {
  readonly name: string;
  /** File-name friendly name (charts). */
  readonly slug: string;
  readonly rateCap: number;
  readonly durationMs: number;
  readonly arrivals: readonly Arrival[];
}

/**
 * The fewest ids a workload's pooled lags rest on: a workload with few ids (the burst of 50 codes) runs on more seeds
 * than asked, so that its p95 is not a handful of the slowest finals (on 10 seeds the burst's p95 rests on 25 of
 * them and moves by ±0.08× from one set of seeds to the next).
 */
export const MIN_POOLED_IDS = 8_000;

/** The seeds a workload runs on: at least `seeds`, and enough for {@link MIN_POOLED_IDS} ids pooled. */
export function seedsFor(spec: WorkloadSpec, seeds: number, minPooledIds = MIN_POOLED_IDS): number {
  return Math.max(seeds, Math.ceil(minPooledIds / Math.max(1, spec.arrivals.length)));
}

/** The deadline of a one-time code. */
export const OTP_DEADLINE_MS = 30_000;

/** The four workloads; `scale` (0..1] shrinks the large ones for a quick pass. */
export function workloads(scale = 1): WorkloadSpec[] {
  const campaignSize = Math.round(10_000 * scale);
  const trickleMinutes = Math.max(1, Math.round(60 * scale));
  const campaign = (prefix: string): Arrival[] =>
    Array.from({ length: campaignSize }, (_, i) => ({ id: `${prefix}-${i}`, atMs: 0, deadlineAgeMs: null }));
  const otpEvery10s = Array.from({ length: Math.max(12, Math.round(120 * scale)) }, (_, i) => ({
    id: `otp-during-${i}`,
    atMs: 5_000 + i * 10_000,
    deadlineAgeMs: OTP_DEADLINE_MS,
  }));
  return [
    {
      name: 'burst of 50 one-time codes, cap 10/s, 30 min',
      slug: 'one-time-codes',
      rateCap: 10,
      durationMs: 30 * MINUTE,
      arrivals: Array.from({ length: 50 }, (_, i) => ({
        id: `otp-${i}`,
        atMs: 0,
        deadlineAgeMs: OTP_DEADLINE_MS,
      })),
    },
    {
      name: `campaign of ${campaignSize.toLocaleString('en')} ids, cap 50/s, 2 h`,
      slug: 'campaign',
      rateCap: 50,
      durationMs: 120 * MINUTE,
      arrivals: campaign('campaign'),
    },
    {
      name: `trickle of 1 id/s for ${trickleMinutes} min, cap 10/s, then 30 min`,
      slug: 'trickle',
      rateCap: 10,
      durationMs: (trickleMinutes + 30) * MINUTE,
      arrivals: Array.from({ length: trickleMinutes * 60 }, (_, i) => ({
        id: `trickle-${i}`,
        atMs: i * 1000,
        deadlineAgeMs: null,
      })),
    },
    {
      name: `${otpEvery10s.length} one-time codes during a campaign of ${campaignSize.toLocaleString('en')}, cap 50/s, 1 h`,
      slug: 'codes-during-campaign',
      rateCap: 50,
      durationMs: 60 * MINUTE,
      arrivals: [...campaign('bulk'), ...otpEvery10s].sort((a, b) => a.atMs - b.atMs),
    },
  ];
}

/** The workload with every id's true timeline for one seed. */
export function drawWorkload(
  spec: WorkloadSpec,
  seed: number,
  profile: DeliveryProfile,
  latencyMs: number,
): SimWorkload {
  const ids: SimId[] = spec.arrivals.map((arrival) => {
    const timeline = timelineFor(seed, arrival.id, profile);
    return {
      arrivalMs: arrival.atMs,
      deadlineAgeMs: arrival.deadlineAgeMs,
      finalAgeMs: finalAfterMs(timeline),
      processingAgeMs: timeline.steps.find((step) => step.status === 'processing')?.afterMs ?? null,
      mix: timeline.shape === 'extended' ? 'viber-fallback' : 'sms',
    };
  });
  return { rateCap: spec.rateCap, durationMs: spec.durationMs, latencyMs, ids };
}
