import type { CheckPolicy, CheckState } from '../scheduler/check-policy';
import { safetyNetDelayMs, type WebhookMode } from './webhook-mode';

/** Options of {@link webhookAwarePolicy}. */
export interface WebhookAwarePolicyOptions {
  /** The mode right now. */
  readonly mode: () => WebhookMode;
  /** The age (ms) by which most messages are final as learned, or null when unknown. */
  readonly mostFinalByAgeMs: (messageId: string | undefined) => number | null;
  /** The age to wait for when nothing is learned. @default 120_000 */
  readonly unknownFinalByAgeMs?: number;
}

/**
 * Wraps a polling policy: while webhooks flow, a seen id waits for its webhook until the age by which most messages
 * are final, then is polled as usual (the safety net); first checks (does the id exist?), failures and 404s, and
 * every check while webhooks are off or silent, are the polling policy's.
 */
export function webhookAwarePolicy<P extends CheckPolicy>(inner: P, options: WebhookAwarePolicyOptions): P {
  const unknownFinalByAgeMs = options.unknownFinalByAgeMs ?? 120_000;
  // Everything else (first checks, learning, forgetting, the learner itself) is the inner policy's.
  return {
    ...inner,
    nextDelayMs(state: CheckState) {
      const pollingDelayMs = inner.nextDelayMs(state);
      if (options.mode() !== 'flowing') return pollingDelayMs;
      if (state.outcome === 'failed' || state.outcome === 'not_found' || state.rawStatus === null)
        return pollingDelayMs;
      return safetyNetDelayMs({
        ageMs: state.ageMs,
        pollingDelayMs,
        mostFinalByAgeMs: options.mostFinalByAgeMs(state.messageId),
        unknownFinalByAgeMs,
      });
    },
  };
}
