import type { Money } from '../../../shared/message';

/** Whether webhooks carry the statuses: flowing (polling backs off), silent (polling as usual), or off. */
export type WebhookMode = 'off' | 'flowing' | 'silent';

/** No webhook for this long while messages are pending: polling returns to normal. */
export const DEFAULT_WEBHOOK_SILENT_AFTER_MS = 10 * 60 * 1000;

/** What the mode depends on. Times in ms on one clock. */
export interface WebhookModeInput {
  /** Whether the receiver is on. */
  readonly enabled: boolean;
  /** When the last webhook was accepted, or null when none was this run. */
  readonly lastWebhookAt: number | null;
  /** Since when messages have been pending without a break, or null when none is. */
  readonly pendingSince: number | null;
  readonly now: number;
  readonly silentAfterMs: number;
}

/**
 * The webhook mode: off when the receiver is off; silent until a first webhook arrives, and once none has arrived for
 * `silentAfterMs` while messages were pending (quiet time counts from the later of the last webhook and the moment
 * messages became pending, so an idle evening does not count); flowing otherwise.
 */
export function webhookMode(input: WebhookModeInput): WebhookMode {
  if (!input.enabled) return 'off';
  if (input.lastWebhookAt === null) return 'silent';
  if (input.pendingSince === null) return 'flowing';
  const quietFrom = Math.max(input.lastWebhookAt, input.pendingSince);
  return input.now - quietFrom >= input.silentAfterMs ? 'silent' : 'flowing';
}

/** When the mode turns silent if nothing else happens, or null when it cannot (off, silent, nothing pending). */
export function silentFrom(input: WebhookModeInput): number | null {
  if (webhookMode(input) !== 'flowing' || input.pendingSince === null || input.lastWebhookAt === null)
    return null;
  return Math.max(input.lastWebhookAt, input.pendingSince) + input.silentAfterMs;
}

/** What the safety-net delay depends on. Times in ms. */
export interface SafetyNetInput {
  /** How long the id has been watched. */
  readonly ageMs: number;
  /** The delay the polling policy alone would choose. */
  readonly pollingDelayMs: number;
  /** The age by which most messages are final as learned, or null when unknown. */
  readonly mostFinalByAgeMs: number | null;
  /** The age to wait for when nothing is learned yet. */
  readonly unknownFinalByAgeMs: number;
}

/**
 * The delay before an id's next check while webhooks flow: no check before the age by which most messages are final
 * (the webhook will tell), a check then (the safety net for a lost webhook), and from then on each time the id's age
 * doubles (a lost webhook is found within its age), never more often than polling alone. The scheduler still checks
 * at the id's deadline.
 */
export function safetyNetDelayMs(input: SafetyNetInput): number {
  const finalByMs = Math.max(0, input.mostFinalByAgeMs ?? input.unknownFinalByAgeMs);
  const waitMs = finalByMs - input.ageMs;
  return Math.max(input.pollingDelayMs, waitMs, input.ageMs, waitMs > 0 ? 0 : finalByMs);
}

/**
 * Whether a final status a webhook brought is checked once to confirm it: only when something the list would show
 * is missing (no charge, as when the webhook carried no cost).
 */
export function confirmPushedFinal(charge: Money | null): boolean {
  return charge === null;
}
