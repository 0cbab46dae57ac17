/**
 * SMSBAT's webhooks in the benchmark: each status change after the first is pushed at its time plus a delay (some
 * lost), to the real scheduler's `pushed` (as the engine's `applyPushed` does), with polling wrapped by the
 * webhook-aware policy and the webhook mode decided from the arrivals, on the virtual clock.
 */
import type { StatusSnapshot } from '../shared/message';
import { classifyStatus, isFinalKind } from '../shared/status';
import type { DeliveryLearner } from '../electron/core/learning';
import { SAFETY_NET_SHARE } from '../electron/core/engine/with-webhooks';
import type { PollScheduler } from '../electron/core/poll-scheduler';
import type { CheckPolicy } from '../electron/core/scheduler/check-policy';
import { planWebhooks, type MessageTimeline } from '../electron/core/simulator';
import { mulberry32 } from '../electron/core/simulator/random';
import type { VirtualClock } from '../electron/core/virtual-clock';
import type { TimerHandle } from '../electron/core/clock';
import { webhookAwarePolicy } from '../electron/core/webhook/webhook-aware-policy';
import { DEFAULT_WEBHOOK_SILENT_AFTER_MS, webhookMode } from '../electron/core/webhook/webhook-mode';

/** How the benchmark's webhooks behave. */
export interface WebhookSimOptions {
  /** Share of webhooks never sent. */
  readonly lossRate: number;
  /** Each webhook arrives a random 0..maxDelayMs after its change. @default 500 */
  readonly maxDelayMs?: number;
}

/** The webhooks of one benchmark run. */
export class WebhookSim {
  readonly #clock: VirtualClock;
  readonly #options: WebhookSimOptions;
  readonly #random: () => number;
  #lastAt: number | null = null;
  #scheduler: PollScheduler | null = null;
  #onFinal: ((id: string, snapshot: StatusSnapshot) => void) | null = null;
  readonly #timers = new Set<TimerHandle>();
  #stopped = false;

  constructor(clock: VirtualClock, options: WebhookSimOptions, seed: number) {
    this.#clock = clock;
    this.#options = options;
    this.#random = mulberry32(seed * 41 + 5);
  }

  /** The polling policy wrapped: a safety net while webhooks flow. */
  wrap(polling: CheckPolicy, learner: DeliveryLearner | null): CheckPolicy {
    return webhookAwarePolicy(polling, {
      mode: () =>
        webhookMode({
          enabled: true,
          lastWebhookAt: this.#lastAt,
          pendingSince: this.#lastAt === null ? null : 0,
          now: this.#clock.monotonicNow(),
          silentAfterMs: DEFAULT_WEBHOOK_SILENT_AFTER_MS,
        }),
      mostFinalByAgeMs: () => {
        const ageS = learner?.finalByAgeS(null, SAFETY_NET_SHARE) ?? null;
        return ageS === null ? null : ageS * 1000;
      },
    });
  }

  /** Where webhooks go, and who is told of a final one. */
  attach(scheduler: PollScheduler, onFinal: (id: string, snapshot: StatusSnapshot) => void): void {
    this.#scheduler = scheduler;
    this.#onFinal = onFinal;
  }

  /** The simulator's hook: plans the message's webhooks. */
  readonly onTimelineStarted = (timeline: MessageTimeline, startedAt: number): void => {
    const plan = planWebhooks(
      timeline,
      startedAt,
      1,
      { lossRate: this.#options.lossRate, maxDelayMs: this.#options.maxDelayMs ?? 500 },
      this.#random,
    );
    for (const webhook of plan) {
      const handle = this.#clock.setTimeout(
        () => {
          this.#timers.delete(handle);
          if (this.#stopped) return;
          this.#deliver(webhook.body, Date.parse(webhook.body.timestamp));
        },
        Math.max(0, webhook.sendAt - this.#clock.now()),
      );
      this.#timers.add(handle);
    }
  };

  /** No more webhooks. */
  stop(): void {
    this.#stopped = true;
    for (const handle of this.#timers) this.#clock.clearTimeout(handle);
    this.#timers.clear();
  }

  #deliver(
    body: { readonly messageId: string; readonly deliverystatus: string; readonly cost?: number },
    at: number,
  ) {
    this.#lastAt = this.#clock.monotonicNow();
    const kind = classifyStatus(body.deliverystatus);
    const snapshot: StatusSnapshot = {
      messageId: body.messageId,
      messagelistId: null,
      rawStatus: body.deliverystatus,
      kind,
      partsCount: null,
      charge: body.cost === undefined ? null : { amount: body.cost, currency: null },
      rate: null,
      channels: [],
      fallbacks: [],
    };
    const scheduler = this.#scheduler;
    if (scheduler === null || !scheduler.isWatching(body.messageId)) return;
    scheduler.pushed(body.messageId, snapshot, at, snapshot.charge === null);
    if (isFinalKind(kind)) this.#onFinal?.(body.messageId, snapshot);
  }
}
