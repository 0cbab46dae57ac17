import type { BlockerKind, HealthMode } from './glossary';

/**
 * Why every check is held right now. Times are epoch milliseconds, for people; the engine schedules on monotonic
 * time and converts when it reports.
 */
export type Blocker =
  | { readonly kind: 'rate_limited'; readonly until: number; readonly message: string }
  | { readonly kind: 'credentials_rejected'; readonly message: string }
  | { readonly kind: 'wrong_base_url'; readonly baseUrl: string; readonly message: string }
  | {
      readonly kind: 'offline';
      readonly since: number;
      readonly nextProbeAt: number;
      readonly message: string;
    }
  | { readonly kind: 'no_credentials' };

/** Blocker of one kind. */
export type BlockerOf<K extends BlockerKind> = Extract<Blocker, { readonly kind: K }>;

/** How busy the engine is. */
export interface HealthCounts {
  /** Messages still being checked. */
  readonly watching: number;
  /** Requests sent and not yet answered. */
  readonly inFlight: number;
  /** Checks that are due and waiting for a slot under the rate cap (or held by the blocker). */
  readonly backlog: number;
  /** Requests started in the last 60 s. */
  readonly requestsLastMinute: number;
  /** The most requests started in any one second. */
  readonly rateCapPerSecond: number;
}

/**
 * The engine as a whole, for the window, the tray and the CLI: its mode, the blocker holding every check (if any,
 * also while paused: pausing never hides a blocker), how busy it is, and when a check last succeeded.
 * Per-message problems live on each message.
 */
export interface EngineHealth {
  readonly mode: HealthMode;
  readonly blocker: Blocker | null;
  readonly counts: HealthCounts;
  /** When a check last got an answer from SMSBAT (epoch ms), or null. */
  readonly lastSuccessAt: number | null;
}

/** True when two health objects say the same thing (the engine emits health only when this is false). */
export function sameHealth(a: EngineHealth, b: EngineHealth): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
