import type { HeldBy, RefreshOutcome, ScheduleFacts } from '../../../shared/engine-api';
import type { Entry } from './entry';
import type { ActiveHold } from './global-holds';

/** A hold as hosts see it, with its end in epoch ms. */
export function heldByOf(hold: ActiveHold, toEpoch: (monotonicMs: number) => number): HeldBy {
  return { reason: hold.reason, until: hold.until === null ? null : toEpoch(hold.until) };
}

/** Where one id stands, given the hold in force now (ignored while its request is in flight). */
export function factsOf(
  entry: Entry,
  hold: ActiveHold | null,
  toEpoch: (monotonicMs: number) => number,
): ScheduleFacts {
  const inFlight = entry.request !== null;
  const heldBy = inFlight || hold === null ? null : heldByOf(hold, toEpoch);
  let nextCheckAt: number | null = null;
  if (!inFlight && hold?.until !== null)
    nextCheckAt = toEpoch(Math.max(entry.dueAt, hold?.until ?? Number.NEGATIVE_INFINITY));
  return {
    nextCheckAt,
    inFlight,
    consecutiveFailures: entry.consecutiveFailures + entry.notFoundCount,
    heldBy,
  };
}

/** What refreshing one id does: nothing (in flight, cached, not watched), or queue it (held or not). */
export function refreshOutcomeOf(
  messageId: string,
  entry: Entry | undefined,
  cached: boolean,
  hold: ActiveHold | null,
  toEpoch: (monotonicMs: number) => number,
): RefreshOutcome {
  if (!entry) return { messageId, outcome: 'not_watched' };
  if (entry.request !== null) return { messageId, outcome: 'in_flight' };
  if (cached) return { messageId, outcome: 'cached' };
  if (hold !== null) return { messageId, outcome: 'held', heldBy: heldByOf(hold, toEpoch) };
  return { messageId, outcome: 'queued', at: toEpoch(entry.dueAt) };
}
