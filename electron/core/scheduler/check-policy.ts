import type { StatusSnapshot } from '../../../shared/message';

/** What an id's last check told, as far as choosing the next delay goes. */
export type CheckOutcome = 'changed' | 'unchanged' | 'failed' | 'not_found';

/** Everything a policy may use to choose the delay before an id's next check. Times in ms. */
export interface CheckState {
  readonly outcome: CheckOutcome;
  /** The delay chosen after the previous check (the initial interval before the first). */
  readonly previousDelayMs: number;
  /** How long the id has been watched. */
  readonly ageMs: number;
  /** Failed checks in a row, this one included when `outcome` is `failed`. */
  readonly consecutiveFailures: number;
  /** 404s in a row, this one included when `outcome` is `not_found`. */
  readonly notFoundCount: number;
  /** The scheduler's current delay before a second check (and after a change). */
  readonly initialIntervalMs: number;
  /** The status SMSBAT reported last, or null. */
  readonly rawStatus: string | null;
  /** The id, for policies that keep per-id state. */
  readonly messageId?: string;
  /** The scheduler's monotonic now (ms). */
  readonly nowMs?: number;
  /** How many ids are being watched. */
  readonly pendingCount?: number;
  /** The rate cap in force (requests per second). */
  readonly maxRequestsPerSecond?: number;
  /** Time until the id's deadline (ms), or null when it has none or it was already reported overdue. */
  readonly deadlineInMs?: number | null;
}

/** An answered check, for policies that learn from them. */
export interface CheckObservation {
  readonly messageId: string;
  /** How long the id had been watched when SMSBAT answered. */
  readonly ageMs: number;
  /** The scheduler's monotonic time of the answer (ms). */
  readonly nowMs: number;
  readonly final: boolean;
  readonly snapshot: StatusSnapshot;
  /** The status's own time (a webhook's timestamp), not just known to fall since the previous check. */
  readonly exact?: boolean;
}

/**
 * Decides when an id is checked next. Pure: same state, same answer. The scheduler then spreads the result by its
 * jitter and keeps it within the per-id gap and the deadline, so a policy need not; the unspread delay is what the
 * policy gets back as `previousDelayMs`.
 */
export interface CheckPolicy {
  /** Milliseconds from now until the next check. */
  nextDelayMs(state: CheckState): number;
  /** Milliseconds from now until a new id's first check (not spread by the jitter); at once when absent. */
  firstDelayMs?(state: CheckState): number;
  /** Every answered check of a watched id, pending or final (cached answers excluded). Must not throw. */
  observe?(observation: CheckObservation): void;
  /** The id is no longer watched. */
  forget?(messageId: string): void;
}

/** Tuning of {@link backoffPolicy}. */
export interface BackoffTuning {
  /** The longest delay during the first `lateAfterMs` of a watch. @default 60_000 */
  readonly maxIntervalMs: number;
  /** Age after which delays may grow up to `lateMaxIntervalMs`. @default 3_600_000 */
  readonly lateAfterMs: number;
  /** The longest delay for older watches. @default 600_000 */
  readonly lateMaxIntervalMs: number;
  /** Growth of the delay per check that saw no change. @default 1.4 */
  readonly backoffFactor: number;
}

/**
 * Exponential backoff: the initial interval after a change, growing by `backoffFactor` per unchanged check up to a
 * cap that depends on the watch's age; failures and 404s double from the initial interval.
 */
export function backoffPolicy(tuning: BackoffTuning): CheckPolicy {
  return {
    nextDelayMs(state) {
      const cap = state.ageMs < tuning.lateAfterMs ? tuning.maxIntervalMs : tuning.lateMaxIntervalMs;
      switch (state.outcome) {
        case 'changed':
          return state.initialIntervalMs;
        case 'unchanged':
          return Math.min(cap, state.previousDelayMs * tuning.backoffFactor);
        case 'failed':
          return Math.min(cap, state.initialIntervalMs * 2 ** (state.consecutiveFailures - 1));
        case 'not_found':
          return state.initialIntervalMs * 2 ** (state.notFoundCount - 1);
      }
    },
  };
}

/** Spreads `delayMs` by ± `ratio` of it: random 0 gives the low end, random near 1 the high end. */
export function jitter(delayMs: number, ratio: number, random: number): number {
  return delayMs * (1 + ratio * (2 * random - 1));
}
