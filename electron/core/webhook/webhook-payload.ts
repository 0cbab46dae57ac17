import { z } from 'zod';
import { messageIdRejection } from '../../../shared/message-ids';
import { classifyStatus, type StatusKind } from '../../../shared/status';
import { numberish } from '../client/response-schema';

/** The longest status word a webhook may carry; SMSBAT's are a dozen letters. */
export const MAX_WEBHOOK_STATUS_LENGTH = 64;

/** A status SMSBAT pushed to the webhook, read and checked. */
export interface WebhookStatus {
  readonly messageId: string;
  /** The `deliverystatus` exactly as sent. */
  readonly rawStatus: string;
  readonly kind: StatusKind;
  /** When SMSBAT says the status happened (epoch ms). */
  readonly at: number;
  /** `cost` as sent (currency unknown: the webhook names none), or null when absent. */
  readonly cost: number | null;
}

/** Why a webhook body was not used. */
export type WebhookBodyProblem = 'not_json' | 'bad_shape';

const webhookSchema = z.object({
  messageId: z.string().refine((id) => messageIdRejection(id) === undefined, { error: 'not a message id' }),
  deliverystatus: z
    .string()
    .trim()
    .min(1, { error: 'expected a non-empty string' })
    .max(MAX_WEBHOOK_STATUS_LENGTH, { error: `longer than ${MAX_WEBHOOK_STATUS_LENGTH} characters` }),
  timestamp: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 time' }),
  cost: numberish.nullish(),
});

/**
 * Reads a webhook body: `{messageId, deliverystatus, timestamp, cost}` as SMSBAT documents it (extra fields are
 * tolerated, as in the extended status response). Never throws; a body that is not JSON or not of that shape
 * is a problem, never stored.
 */
export function parseWebhookBody(
  text: string,
):
  | { readonly ok: true; readonly status: WebhookStatus }
  | { readonly ok: false; readonly problem: WebhookBodyProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  const parsed = webhookSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: 'bad_shape' };
  const { messageId, deliverystatus, timestamp, cost } = parsed.data;
  return {
    ok: true,
    status: {
      messageId,
      rawStatus: deliverystatus,
      kind: classifyStatus(deliverystatus),
      at: Date.parse(timestamp),
      cost: cost ?? null,
    },
  };
}
