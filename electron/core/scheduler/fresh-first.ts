/**
 * When first checks pile up faster than the rate cap serves them, the oldest waiting one has already missed the
 * promise of a first check within {@link FIRST_CHECK_WITHIN_MS}; serving the queue in order would make every id
 * written after it miss it too. The first check of an id watched no longer ago than the promise ("fresh") then
 * goes ahead of the stale head, while the stale backlog keeps one slot in {@link BACKLOG_SHARE_EVERY}. Pure functions.
 */

/** How soon a newly watched id gets its first check, whatever is queued ahead. */
export const FIRST_CHECK_WITHIN_MS = 2_000;

/** Under overload the stale backlog keeps one request slot in this many; fresh first checks take the others. */
export const BACKLOG_SHARE_EVERY = 2;

/** True while a check due (or an id watched) at `since` (monotonic ms) can still be served within the promise. */
export function isFresh(since: number, now: number): boolean {
  return since <= now && now - since <= FIRST_CHECK_WITHIN_MS;
}

/** What the choice looks at: the head the lanes would serve, the oldest fresh first check, and the streak so far. */
export interface FreshChoice {
  /** When the check the lanes picked became due; null when they picked none. */
  readonly headDueAt: number | null;
  /** Whether the lanes picked an urgent lane (a routine pick keeps its guaranteed share). */
  readonly headUrgent: boolean;
  /** When the earliest id still waiting for a due first check was watched; null when there is none. */
  readonly freshAddedAt: number | null;
  /** Fresh first checks served in a row ahead of a stale head. */
  readonly freshInRow: number;
}

/** Whether to serve the fresh first check instead of the lanes' head, and the new streak. */
export interface FreshPick {
  readonly fresh: boolean;
  readonly freshInRow: number;
}

/**
 * Serves the oldest fresh first check ahead of an urgent head that is itself no longer fresh (it cannot keep the
 * promise any more; the fresh one still can), unless the backlog is owed its share of slots.
 */
export function pickFresh(choice: FreshChoice, now: number): FreshPick {
  const { headDueAt, freshAddedAt } = choice;
  const headStale = headDueAt !== null && choice.headUrgent && !isFresh(headDueAt, now);
  const freshReady = freshAddedAt !== null && isFresh(freshAddedAt, now);
  if (!headStale || !freshReady) return { fresh: false, freshInRow: 0 };
  if (choice.freshInRow >= BACKLOG_SHARE_EVERY - 1) return { fresh: false, freshInRow: 0 };
  return { fresh: true, freshInRow: choice.freshInRow + 1 };
}
