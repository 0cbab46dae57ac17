import { CLOSE_TOKEN_REFUSED } from '../../../shared/browser-link';

/**
 * Where the window's link to the browser host stands: `connecting` (first attempt), `open`, `lost` (the host went
 * away or went silent; retrying with backoff), `refused` (the host is there but does not take this tab's token: it
 * was restarted, so the person must open the address it printed).
 */
export type LinkStatus = 'connecting' | 'open' | 'lost' | 'refused';

/** How the window retries and how long a silent link is trusted. */
export interface ReconnectPolicy {
  /** The wait before the first retry; each failed retry doubles it. @default 500 */
  readonly firstDelayMs: number;
  /** The longest wait between retries. @default 8000 */
  readonly maxDelayMs: number;
  /** A link that brought no frame for longer than this is taken for dead (the host sends a heartbeat every 5 s). @default 15000 */
  readonly silenceLimitMs: number;
}

/** The policy the window runs with. */
export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  firstDelayMs: 500,
  maxDelayMs: 8_000,
  silenceLimitMs: 15_000,
};

/** The wait before retry number `failedAttempts + 1`: doubling from `firstDelayMs`, never above `maxDelayMs`. */
export function reconnectDelayMs(failedAttempts: number, policy: ReconnectPolicy): number {
  const exponent = Math.min(Math.max(0, failedAttempts), 30);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** exponent);
}

/** What a closed link means: refused when the host said the token is not this run's, else lost. */
export function statusAfterClose(closeCode: number): 'lost' | 'refused' {
  return closeCode === CLOSE_TOKEN_REFUSED ? 'refused' : 'lost';
}

/** Whether to keep retrying: not once the host refused the token (it never takes it again). */
export function shouldReconnect(status: LinkStatus): boolean {
  return status !== 'refused';
}

/** True when the link has brought nothing for longer than the silence limit. */
export function isLinkSilent(lastFrameAtMs: number, nowMs: number, policy: ReconnectPolicy): boolean {
  return nowMs - lastFrameAtMs > policy.silenceLimitMs;
}
