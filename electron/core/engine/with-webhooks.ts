import type { DeliveryLearner } from '../learning';
import type { CheckPolicy } from '../scheduler/check-policy';
import { webhookAwarePolicy } from '../webhook/webhook-aware-policy';
import type { WebhookIntake } from './webhook-intake';

/** The share of messages final by the age the safety net waits for. */
export const SAFETY_NET_SHARE = 0.9;

/**
 * The polling policy wrapped for webhooks: while they flow, a seen id waits until the age by which 90% of messages
 * are final as learned (two minutes while nothing is learned, or with the backoff policy).
 */
export function withWebhooks(
  polling: CheckPolicy,
  intake: WebhookIntake,
  learner: DeliveryLearner | null,
): CheckPolicy {
  return webhookAwarePolicy(polling, {
    mode: () => intake.mode(),
    mostFinalByAgeMs: () => {
      const ageS = learner?.finalByAgeS(null, SAFETY_NET_SHARE) ?? null;
      return ageS === null ? null : ageS * 1000;
    },
  });
}
