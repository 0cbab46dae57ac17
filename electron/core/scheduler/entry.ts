import type { Lane } from './lanes';

/** A request sent and not yet answered. Kept even if its id is unwatched meanwhile. */
export interface PendingRequest {
  readonly id: string;
  /** Monotonic ms. */
  readonly sentAt: number;
  /** The client generation it was sent with: answers about old credentials are not held against new ones. */
  readonly generation: number;
}

/** One watched id, as the scheduler tracks it. Times are monotonic ms. */
export interface Entry {
  readonly id: string;
  readonly addedAt: number;
  giveUpAt: number;
  deadlineAt: number | null;
  overdueReported: boolean;
  /** Whether a status was ever seen (a first check is urgent). */
  seen: boolean;
  lastRaw: string | null;
  /** When the next check is due (meaningless while `request` is set). */
  dueAt: number;
  lane: Lane;
  /** The delay chosen after the last answered check. */
  delayMs: number;
  lastRequestAt: number;
  notFoundCount: number;
  consecutiveFailures: number;
  request: PendingRequest | null;
}
