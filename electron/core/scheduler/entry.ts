import type { WatchRequest } from './observer';
import type { TimeBase } from './time-base';
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

/**
 * The entry of a newly watched id at `now` (monotonic ms): saved epoch times converted once, a last check in the
 * future (the wall clock moved back) taken as now, and `pending`, a request still in flight for the id, adopted.
 */
export function newEntry(
  request: WatchRequest,
  now: number,
  pending: PendingRequest | null,
  options: { readonly watchWindowMs: number; readonly initialIntervalMs: number },
  time: TimeBase,
): Entry {
  const addedAt = time.toMonotonic(request.addedAt);
  const lastCheckedAt = Math.min(time.toMonotonic(request.lastCheckedAt ?? Number.NEGATIVE_INFINITY), now);
  const deadlineAt = request.deadlineAt ?? null;
  const lastRaw = request.lastRawStatus ?? null;
  return {
    id: request.messageId,
    addedAt,
    giveUpAt: addedAt + options.watchWindowMs,
    deadlineAt: deadlineAt === null ? null : time.toMonotonic(deadlineAt),
    overdueReported: request.overdueReported ?? false,
    seen: lastRaw !== null,
    lastRaw,
    dueAt: now,
    lane: 'first',
    delayMs: options.initialIntervalMs,
    lastRequestAt: Math.max(lastCheckedAt, pending?.sentAt ?? Number.NEGATIVE_INFINITY),
    notFoundCount: 0,
    consecutiveFailures: 0,
    request: pending,
  };
}
