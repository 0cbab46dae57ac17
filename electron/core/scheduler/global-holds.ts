/**
 * The pause state machine: what holds every check at once (a person's pause, missing or rejected credentials, a
 * wrong base URL, SMSBAT's 429s, a lost connection), as a plain value and pure transitions, tested without timers.
 * Times are monotonic milliseconds.
 */

/** Whether the credentials can be used. */
export type CredentialsState =
  | { readonly kind: 'ok' }
  | { readonly kind: 'no_credentials' }
  | { readonly kind: 'credentials_rejected'; readonly message: string }
  | { readonly kind: 'wrong_base_url'; readonly baseUrl: string; readonly message: string };

/** Every global hold, and the streaks that size the next one. */
export interface HoldState {
  readonly paused: boolean;
  readonly credentials: CredentialsState;
  /** No request starts before this (429). */
  readonly rateLimitedUntil: number;
  /** 429 pauses in a row without a success between. */
  readonly rateLimitStreak: number;
  /** Connection failures in a row, across ids, with no answer between. */
  readonly connectFailuresInRow: number;
  /** When the engine went offline, or null while online. */
  readonly offlineSince: number | null;
  /** The next probe while offline. */
  readonly offlineUntil: number;
  readonly offlineStreak: number;
  readonly offlineMessage: string;
}

/** Limits the transitions need. */
export interface HoldTuning {
  /** Connection failures in a row that mean offline. */
  readonly offlineAfterFailures: number;
  /** Longest backoff without Retry-After. */
  readonly maxGlobalBackoffMs: number;
}

/** Nothing holds anything. */
export function initialHolds(hasClient: boolean): HoldState {
  return {
    paused: false,
    credentials: hasClient ? { kind: 'ok' } : { kind: 'no_credentials' },
    rateLimitedUntil: 0,
    rateLimitStreak: 0,
    connectFailuresInRow: 0,
    offlineSince: null,
    offlineUntil: 0,
    offlineStreak: 0,
    offlineMessage: '',
  };
}

/** 1 s, 2 s, 4 s… up to `maxMs`: the wait after the `streak`-th global failure in a row without a server hint. */
export function globalBackoffMs(streak: number, maxMs: number): number {
  return Math.min(maxMs, 1000 * 2 ** (Math.max(1, streak) - 1));
}

/**
 * A 429 at `at`. `retryAfterMs` is the server's wait, already capped, or null. Requests that were in flight together
 * all get the 429: only the first counts a step of backoff.
 */
export function rateLimited(
  state: HoldState,
  at: number,
  retryAfterMs: number | null,
  tuning: HoldTuning,
): HoldState {
  const streak = at >= state.rateLimitedUntil ? state.rateLimitStreak + 1 : state.rateLimitStreak;
  const delay =
    retryAfterMs === null ? globalBackoffMs(streak, tuning.maxGlobalBackoffMs) : Math.max(retryAfterMs, 1000);
  return {
    ...state,
    rateLimitStreak: streak,
    rateLimitedUntil: Math.max(state.rateLimitedUntil, at + delay),
  };
}

/**
 * A connection failure (no answer at all) at `at`. Returns the new state and whether the engine is now offline
 * (the id should then wait for the network as a whole, not back off by itself).
 */
export function connectFailed(
  state: HoldState,
  at: number,
  message: string,
  tuning: HoldTuning,
): { readonly state: HoldState; readonly offline: boolean } {
  const inRow = state.connectFailuresInRow + 1;
  if (inRow < tuning.offlineAfterFailures)
    return { state: { ...state, connectFailuresInRow: inRow }, offline: false };
  const streak = at >= state.offlineUntil ? state.offlineStreak + 1 : state.offlineStreak;
  return {
    state: {
      ...state,
      connectFailuresInRow: inRow,
      offlineStreak: streak,
      offlineSince: state.offlineSince ?? at,
      offlineMessage: message,
      offlineUntil: Math.max(state.offlineUntil, at + globalBackoffMs(streak, tuning.maxGlobalBackoffMs)),
    },
    offline: true,
  };
}

/** SMSBAT answered (even with an error): it is reachable, so any offline wait ends. */
export function answered(state: HoldState): HoldState {
  if (state.connectFailuresInRow === 0 && state.offlineSince === null) return state;
  return {
    ...state,
    connectFailuresInRow: 0,
    offlineSince: null,
    offlineUntil: 0,
    offlineStreak: 0,
    offlineMessage: '',
  };
}

/** A check succeeded: SMSBAT is reachable and no longer limiting us. */
export function succeeded(state: HoldState): HoldState {
  const next = answered(state);
  return next.rateLimitStreak === 0 ? next : { ...next, rateLimitStreak: 0 };
}

/** Rejected credentials or a wrong base URL (from a request sent with the current client). */
export function credentialsFailed(state: HoldState, credentials: CredentialsState): HoldState {
  return { ...state, credentials };
}

/** A new client (or none): lifts the credentials and base-URL blockers. */
export function clientReplaced(state: HoldState, hasClient: boolean): HoldState {
  return { ...state, credentials: hasClient ? { kind: 'ok' } : { kind: 'no_credentials' } };
}

/** A person paused or resumed. Resuming also ends an offline wait: waking from sleep checks at once. */
export function setPaused(state: HoldState, paused: boolean): HoldState {
  return paused ? { ...state, paused: true } : answered({ ...state, paused: false });
}

/**
 * The computer woke from sleep, the screen was unlocked or the network came back: an offline wait ends (the
 * network is worth trying again at once), while a person's pause, a credentials problem and SMSBAT's own rate-limit
 * wait stay as they are.
 */
export function woke(state: HoldState): HoldState {
  return answered(state);
}

/** What holds every check at `now`, most serious first, with when it ends (null: until someone acts). */
export type ActiveHold =
  | {
      readonly reason: 'no_credentials' | 'credentials_rejected' | 'wrong_base_url' | 'paused';
      readonly until: null;
    }
  | { readonly reason: 'offline' | 'rate_limited'; readonly until: number };

/** The hold in force at `now`, or null when a check may start. */
export function activeHold(state: HoldState, now: number): ActiveHold | null {
  if (state.credentials.kind !== 'ok') return { reason: state.credentials.kind, until: null };
  if (state.paused) return { reason: 'paused', until: null };
  const offline = state.offlineSince !== null && state.offlineUntil > now;
  const limited = state.rateLimitedUntil > now;
  if (offline && (!limited || state.offlineUntil >= state.rateLimitedUntil)) {
    return { reason: 'offline', until: state.offlineUntil };
  }
  if (limited) return { reason: 'rate_limited', until: state.rateLimitedUntil };
  return null;
}
