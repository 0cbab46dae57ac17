import {
  WEBHOOK_REFUSAL_REASONS,
  type WebhookInfo,
  type WebhookRefusalReason,
} from '../../../shared/webhook-settings';

/** One line of the refusal counts: a reason and how many were refused for it. */
export interface RefusalLine {
  readonly reason: WebhookRefusalReason;
  readonly count: number;
}

/** The reasons with at least one refusal in the last hour, most first (ties in the reasons' fixed order). */
export function refusalLines(refusals: WebhookInfo['refusals']): readonly RefusalLine[] {
  return WEBHOOK_REFUSAL_REASONS.map((reason) => ({ reason, count: refusals[reason] }))
    .filter((line) => line.count > 0)
    .sort((a, b) => b.count - a.count);
}
