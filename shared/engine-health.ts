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
  | { readonly kind: 'no_credentials' }
  | { readonly kind: 'save_failed'; readonly reason: SaveFailureReason; readonly message: string };

/** Why the watch list cannot be saved: the disk is full, the data folder is read-only, another program holds it. */
export type SaveFailureReason = 'disk_full' | 'read_only' | 'locked' | 'other';

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

/** The health with a failed save as its blocker (it outranks the others: what is not saved can be lost). */
export function withSaveBlocker(
  health: EngineHealth,
  blocker: BlockerOf<'save_failed'> | null,
): EngineHealth {
  if (blocker === null || health.mode === 'stopped') return health;
  return { ...health, blocker };
}

/**
 * Whether SMSBAT's webhooks are carrying the statuses (polling backs off to a safety net) or have gone silent
 * (polling as usual); absent while the receiver is off.
 */
export interface WebhookHealth {
  readonly mode: 'flowing' | 'silent';
  /** When the last webhook arrived (epoch ms), or null when none has this run. */
  readonly lastAt: number | null;
  /** How long without a webhook, while messages are pending, counts as silent. */
  readonly silentAfterMs: number;
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
  /** Webhooks' state, while the receiver is on. */
  readonly webhooks?: WebhookHealth;
}

/** True when two health objects say the same thing (the engine emits health only when this is false). */
export function sameHealth(a: EngineHealth, b: EngineHealth): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One line for people: what the engine is doing and, when something holds every check, what to do about it. */
export function describeHealth(health: EngineHealth, now: number): string {
  const { blocker } = health;
  if (health.mode === 'stopped') return 'Stopped.';
  const mode = health.mode === 'paused' ? 'Paused. ' : '';
  if (blocker === null) {
    if (health.mode === 'paused') return 'Paused.';
    return health.mode === 'idle' ? 'Nothing to watch.' : 'Watching.';
  }
  switch (blocker.kind) {
    case 'rate_limited':
      return `${mode}SMSBAT asked us to slow down; resuming in ${secondsUntil(blocker.until, now)} s.`;
    case 'credentials_rejected':
      return `${mode}Credentials rejected: ${blocker.message} Check the API key or login, then try again.`;
    case 'wrong_base_url':
      return `${mode}${blocker.baseUrl} does not answer like SMSBAT: ${blocker.message} Check the base URL.`;
    case 'offline':
      return `${mode}Offline: ${blocker.message} Retrying in ${secondsUntil(blocker.nextProbeAt, now)} s.`;
    case 'no_credentials':
      return `${mode}No credentials yet: add an API key or login to start checking.`;
    case 'save_failed':
      return `${mode}${blocker.message}`;
  }
}

/** One line for people about webhooks, or null while the receiver is off. */
export function describeWebhooks(health: EngineHealth): string | null {
  const { webhooks } = health;
  if (webhooks === undefined) return null;
  if (webhooks.mode === 'flowing') return 'Webhooks arriving: polling only as a safety net.';
  const minutes = Math.round(webhooks.silentAfterMs / 60_000);
  return webhooks.lastAt === null
    ? 'No webhook yet: polling as usual.'
    : `No webhooks for ${minutes} min: polling as usual.`;
}

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
