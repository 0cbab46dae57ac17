/**
 * Runs the real PollScheduler on one workload in virtual time, against the simulator in process, and reports the
 * same outcome as the event simulation: the cross-check that the event simulation measures what the engine does.
 */
import { DeliveryLearner, learningCheckPolicy, type SavedDeliveryProfile } from '../electron/core/learning';
import { PollScheduler, backoffPolicy } from '../electron/core/poll-scheduler';
import { resolveOptions } from '../electron/core/scheduler/options';
import { createSimulator, type DeliveryProfile } from '../electron/core/simulator';
import { mulberry32 } from '../electron/core/simulator/random';
import { VirtualClock } from '../electron/core/virtual-clock';
import { isFinalKind, type StatusKind } from '../shared/status';
import { WebhookSim, type WebhookSimOptions } from './webhook-sim';
import type { SimOutcome } from './event-sim';
import { InProcessSimulatorClient } from './in-process-client';
import type { WorkloadSpec } from './workloads';

/** Which policy the real scheduler runs. */
export type EnginePolicyKind = 'backoff' | 'learning';

/** Options of {@link runEngine}. */
export interface EngineRunOptions {
  readonly profile: DeliveryProfile;
  readonly seed: number;
  readonly policy: EnginePolicyKind;
  /** A saved profile to start the learning policy warm. @default null (cold) */
  readonly saved?: SavedDeliveryProfile | null;
  /** Request latency in ms. @default 80 */
  readonly latencyMs?: number;
  /** The learning policy's price of a request in seconds of lag. */
  readonly priceS?: number;
  /** The learning policy's exponent p for ids without a deadline. @default DEFAULT_PLAIN_LAG_POWER */
  readonly lagPower?: number;
  /** Receives the learner after the run (to save a warm profile). */
  readonly onLearner?: (learner: DeliveryLearner) => void;
  /** Told of every request: the id's index in the workload and ms into the run (to compare runs id by id). */
  readonly onRequest?: (index: number, atMs: number) => void;
  /** SMSBAT posts webhooks for every change (see `webhook-sim`); polling backs off while they flow. @default none */
  readonly webhooks?: WebhookSimOptions;
}

/** Runs the engine's scheduler on `spec` with the simulator's timelines for `seed` (the same as `drawWorkload`). */
export async function runEngine(spec: WorkloadSpec, options: EngineRunOptions): Promise<SimOutcome> {
  const latencyMs = options.latencyMs ?? 80;
  const clock = new VirtualClock();
  const start = clock.now();
  const pushes =
    options.webhooks === undefined ? null : new WebhookSim(clock, options.webhooks, options.seed);
  const simulator = createSimulator({
    clock,
    seed: options.seed,
    rateLimit: null,
    profile: options.profile,
    ...(pushes === null ? {} : { onTimelineStarted: pushes.onTimelineStarted }),
  });
  const client = new InProcessSimulatorClient(simulator, clock, latencyMs);
  const index = new Map(spec.arrivals.map((arrival, i) => [arrival.id, i]));
  const n = spec.arrivals.length;
  const detectedAtMs = new Float64Array(n).fill(Number.NaN);
  const firstCheckAtMs = new Float64Array(n).fill(Number.NaN);
  const endedAtMs = new Float64Array(n).fill(spec.durationMs);
  const lastStart = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const starts: number[] = [];
  let minGap = Number.POSITIVE_INFINITY;
  const counting = {
    getStatus: (messageId: string) => {
      const i = index.get(messageId) ?? -1;
      const at = clock.now() - start;
      starts.push(at);
      minGap = Math.min(minGap, at - (lastStart[i] ?? Number.NEGATIVE_INFINITY));
      lastStart[i] = at;
      if (Number.isNaN(firstCheckAtMs[i] ?? 0)) firstCheckAtMs[i] = at;
      options.onRequest?.(i, at);
      return client.getStatus(messageId);
    },
  };
  const learner = new DeliveryLearner({
    saved: options.saved ?? null,
    ...(options.lagPower === undefined ? {} : { lagPower: options.lagPower }),
  });
  const policy =
    options.policy === 'learning'
      ? learningCheckPolicy({
          fallback: backoffPolicy(resolveOptions({})),
          learner,
          now: () => clock.now(),
          random: mulberry32(options.seed * 31 + 1),
          ...(options.priceS === undefined ? {} : { priceS: options.priceS }),
        })
      : undefined;
  const pollingPolicy = policy ?? backoffPolicy(resolveOptions({}));
  const finalPolicy =
    pushes === null ? policy : pushes.wrap(pollingPolicy, policy === undefined ? null : learner);
  const ended = (id: string, at: number) => {
    const i = index.get(id);
    if (i !== undefined) endedAtMs[i] = Math.min(spec.durationMs, at - start);
  };
  const detected = (id: string, snapshot: { readonly kind: StatusKind }, at: number) => {
    const i = index.get(id);
    if (i === undefined || !isFinalKind(snapshot.kind) || !Number.isNaN(detectedAtMs[i] ?? 0)) return;
    detectedAtMs[i] = at - start;
    ended(id, at);
  };
  const scheduler = new PollScheduler({
    client: counting,
    clock,
    maxRequestsPerSecond: spec.rateCap,
    concurrency: Math.max(4, Math.ceil((spec.rateCap * latencyMs) / 1000) + 2),
    random: mulberry32(options.seed * 37 + 3),
    ...(finalPolicy === undefined ? {} : { policy: finalPolicy }),
    observer: {
      onSnapshot: (id, snapshot, at) => {
        detected(id, snapshot, at);
      },
      onCheckFailed: () => undefined,
      onNotFound: (id, at) => {
        ended(id, at);
      },
      onGaveUp: (id, at) => {
        ended(id, at);
      },
      onOverdue: () => undefined,
      onHealth: () => undefined,
      onScheduleChanged: () => undefined,
    },
  });
  pushes?.attach(scheduler, (id, snapshot) => {
    detected(id, snapshot, clock.now());
  });
  for (const arrival of spec.arrivals) {
    if (arrival.atMs >= spec.durationMs) break;
    if (start + arrival.atMs > clock.now()) await clock.advanceTo(start + arrival.atMs);
    simulator.markSent(arrival.id, clock.now());
    scheduler.watch({
      messageId: arrival.id,
      addedAt: clock.now(),
      ...(arrival.deadlineAgeMs === null ? {} : { deadlineAt: clock.now() + arrival.deadlineAgeMs }),
    });
  }
  await clock.advanceTo(start + spec.durationMs);
  scheduler.stop();
  pushes?.stop();
  options.onLearner?.(learner);
  let watchedMs = 0;
  spec.arrivals.forEach((arrival, i) => {
    if (arrival.atMs < spec.durationMs) watchedMs += (endedAtMs[i] ?? spec.durationMs) - arrival.atMs;
  });
  let peak = 0;
  for (let from = 0, to = 0; to < starts.length; to += 1) {
    while ((starts[to] ?? 0) - (starts[from] ?? 0) >= 1000) from += 1;
    peak = Math.max(peak, to - from + 1);
  }
  return {
    requests: starts.length,
    detectedAtMs,
    firstCheckAtMs,
    peakPerSecond: peak,
    minPerIdGapMs: minGap,
    watchedMs,
  };
}
