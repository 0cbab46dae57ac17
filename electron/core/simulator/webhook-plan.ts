import { isFinalStep, type MessageTimeline } from './delivery-model';
import type { Random } from './random';

/** How the simulator's webhooks go wrong, as real ones do (SMSBAT documents no retry, order or signature). */
export interface WebhookFaults {
  /** Share of status changes never posted. @default 0 */
  readonly lossRate?: number;
  /** Share of posts sent twice. @default 0 */
  readonly duplicateRate?: number;
  /** Each post waits a random 0..maxDelayMs (simulated ms) after its status change. @default 0 */
  readonly maxDelayMs?: number;
  /** Share of posts held until after the next status change's post (out of order). @default 0 */
  readonly reorderRate?: number;
}

/** One webhook to post: when (epoch ms) and the JSON body SMSBAT documents. */
export interface PlannedWebhook {
  readonly sendAt: number;
  readonly body: {
    readonly messageId: string;
    readonly deliverystatus: string;
    readonly timestamp: string;
    readonly cost?: number;
  };
}

/** The gap after the next change's post at which a reordered post goes out (simulated ms). */
export const REORDER_GAP_MS = 250;

/**
 * The webhooks for one message whose timeline started at `startedAt` (epoch ms): one per status change after the
 * first (`scheduled`), stamped with the change's time, sent then plus any delay, some lost, doubled or reordered
 * as `faults` say. Pure: the same timeline, start and random draws give the same plan. `timeScale` converts the
 * timeline's simulated ms to real ones, as the simulator's own answers do.
 */
export function planWebhooks(
  timeline: MessageTimeline,
  startedAt: number,
  timeScale: number,
  faults: WebhookFaults,
  random: Random,
): PlannedWebhook[] {
  const { lossRate = 0, duplicateRate = 0, maxDelayMs = 0, reorderRate = 0 } = faults;
  const changes = timeline.steps.slice(1);
  const plan: PlannedWebhook[] = [];
  changes.forEach((step, index) => {
    // Every draw is made whatever the outcome, so one fault never shifts the next message's draws.
    const [lost, delayDraw, doubled, reordered, extraDraw] = [
      random(),
      random(),
      random(),
      random(),
      random(),
    ];
    const at = Math.round(startedAt + step.afterMs * timeScale);
    const next = changes[index + 1];
    const body = {
      messageId: timeline.messageId,
      deliverystatus: step.status,
      timestamp: new Date(at).toISOString(),
      ...(isFinalStep(step) ? { cost: step.status === 'delivered' ? (timeline.finalCost ?? 0) : 0 } : {}),
    };
    if (lost < lossRate) return;
    let sendAt = at + delayDraw * maxDelayMs * timeScale;
    if (reordered < reorderRate && next !== undefined)
      sendAt = Math.max(sendAt, startedAt + (next.afterMs + maxDelayMs + REORDER_GAP_MS) * timeScale);
    plan.push({ sendAt, body });
    if (doubled < duplicateRate)
      plan.push({ sendAt: sendAt + extraDraw * (maxDelayMs + 1000) * timeScale, body });
  });
  return plan.sort((a, b) => a.sendAt - b.sendAt);
}
