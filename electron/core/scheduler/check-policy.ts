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
  /** A number in [0, 1) for jitter. */
  readonly random: number;
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
}

/**
 * Decides when an id is checked next. Pure: same state, same answer. The scheduler then keeps the result within
 * the per-id gap, the deadline and the watch window, so a policy need not.
 */
export interface CheckPolicy {
  /** Milliseconds from now until the next check. */
  nextDelayMs(state: CheckState): number;
  /** Milliseconds from now until a new id's first check; at once when absent. `outcome` is `changed`. */
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
  /** Random spread of each delay, as a fraction of it. @default 0.1 */
  readonly jitterRatio: number;
}

/**
 * Exponential backoff: the initial interval after a change, growing by `backoffFactor` per unchanged check up to a
 * cap that depends on the watch's age; failures and 404s double from the initial interval; ± `jitterRatio`.
 */
export function backoffPolicy(tuning: BackoffTuning): CheckPolicy {
  return {
    nextDelayMs(state) {
      const cap = state.ageMs < tuning.lateAfterMs ? tuning.maxIntervalMs : tuning.lateMaxIntervalMs;
      let delay: number;
      switch (state.outcome) {
        case 'changed':
          delay = state.initialIntervalMs;
          break;
        case 'unchanged':
          delay = Math.min(cap, state.previousDelayMs * tuning.backoffFactor);
          break;
        case 'failed':
          delay = Math.min(cap, state.initialIntervalMs * 2 ** (state.consecutiveFailures - 1));
          break;
        case 'not_found':
          delay = state.initialIntervalMs * 2 ** (state.notFoundCount - 1);
          break;
      }
      return jitter(delay, tuning.jitterRatio, state.random);
    },
  };
}

/** Spreads `delayMs` by ± `ratio` of it: random 0 gives the low end, random near 1 the high end. */
export function jitter(delayMs: number, ratio: number, random: number): number {
  return delayMs * (1 + ratio * (2 * random - 1));
}
