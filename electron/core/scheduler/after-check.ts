import type { StatusSnapshot } from '../../../shared/message';
import { isFinalKind } from '../../../shared/status';
import { capRetryAfterMs } from '../client/retry-after';
import type { SmsbatError } from '../errors';
import { jitter, type CheckOutcome, type CheckPolicy, type CheckState } from './check-policy';
import { handlingOf } from './failures';
import * as holds from './global-holds';

/** What the decision after a check needs to know of an id, and changes. Times are monotonic ms. */
export interface IdState {
  readonly addedAt: number;
  readonly deadlineAt: number | null;
  readonly overdueReported: boolean;
  readonly seen: boolean;
  readonly lastRaw: string | null;
  readonly delayMs: number;
  readonly notFoundCount: number;
  readonly consecutiveFailures: number;
}

/** A report the scheduler delivers for the id; `at` is monotonic. */
export type IdReport =
  | { readonly kind: 'overdue'; readonly at: number }
  | { readonly kind: 'snapshot'; readonly snapshot: StatusSnapshot; readonly at: number }
  | { readonly kind: 'check_failed'; readonly error: SmsbatError; readonly at: number }
  | { readonly kind: 'not_found'; readonly at: number };

/** What follows a check: the id's new state, the global holds, the reports, and the next check or the end. */
export interface CheckDecision {
  readonly state: IdState;
  readonly holds: holds.HoldState;
  readonly reports: readonly IdReport[];
  /** When the next check is due (before the per-id gap is applied), or `remove` when the watch ends. */
  readonly next: number | 'remove';
}

/** What the decision depends on beyond the id. */
export interface CheckContext {
  readonly now: number;
  readonly holds: holds.HoldState;
  readonly policy: CheckPolicy;
  readonly initialIntervalMs: number;
  readonly notFoundRetries: number;
  readonly tuning: holds.HoldTuning;
  /** Whether the request was sent with the current client (an older client's 401 blocks nothing). */
  readonly currentClient: boolean;
  /** Random spread of each delay, as a fraction of it. */
  readonly jitterRatio: number;
  /** A number in [0, 1) for the spread. */
  readonly random: number;
  /** The id, how many ids are watched and the rate cap in force, for policies that use them. */
  readonly messageId?: string;
  readonly pendingCount?: number;
  readonly maxRequestsPerSecond?: number;
}

/**
 * After a status seen at `seenAt` (earlier than `now` when it came from the cache): a final status ends the watch,
 * reported overdue first when it came at or after the deadline; otherwise the policy picks the next delay.
 */
export function afterSnapshot(
  state: IdState,
  snapshot: StatusSnapshot,
  seenAt: number,
  context: CheckContext,
): CheckDecision {
  const { now } = context;
  const final = isFinalKind(snapshot.kind);
  const late = final ? overdueReport(state, now) : null;
  const reports: IdReport[] = late ? [late] : [];
  reports.push({ kind: 'snapshot', snapshot, at: seenAt });
  const overdueReported = state.overdueReported || late !== null;
  if (final) return { state: { ...state, overdueReported }, holds: context.holds, reports, next: 'remove' };
  const outcome: CheckOutcome = state.lastRaw === snapshot.rawStatus ? 'unchanged' : 'changed';
  const next: IdState = { ...state, lastRaw: snapshot.rawStatus, seen: true };
  const delayMs = nextDelay(next, outcome, context);
  return {
    state: { ...next, delayMs },
    holds: context.holds,
    reports,
    next: plannedAt(next, now, delayMs, context),
  };
}

/** After a check answered by SMSBAT: success clears the failure counts and any offline or 429 streak. */
export function afterSuccess(state: IdState, snapshot: StatusSnapshot, context: CheckContext): CheckDecision {
  const cleared = { ...state, notFoundCount: 0, consecutiveFailures: 0 };
  return afterSnapshot(cleared, snapshot, context.now, { ...context, holds: holds.succeeded(context.holds) });
}

/**
 * After a failed check: credentials or base-URL problems and 429s hold every id (this one waits, due now); a 404
 * counts against the id until it is reported not found; a connection failure may mean offline (then the id waits
 * for the network, not penalised); anything else backs off the id alone.
 */
export function afterFailure(state: IdState, error: SmsbatError, context: CheckContext): CheckDecision {
  const { now } = context;
  // Any HTTP answer, even an error, means SMSBAT is reachable.
  const reached = error.httpStatus === null ? context.holds : holds.answered(context.holds);
  const handling = handlingOf(error);
  const failed = (next: IdState, holdState: holds.HoldState, dueAt: number): CheckDecision => ({
    state: next,
    holds: holdState,
    reports: [{ kind: 'check_failed', error, at: now }],
    next: dueAt,
  });
  switch (handling.kind) {
    case 'blocker': {
      const blocked = context.currentClient
        ? holds.credentialsFailed(reached, handling.credentials)
        : reached;
      return { state, holds: blocked, reports: [], next: now };
    }
    case 'rate_limited': {
      const retryAfter = handling.retryAfterMs === null ? null : capRetryAfterMs(handling.retryAfterMs);
      return {
        state,
        holds: holds.rateLimited(reached, now, retryAfter, context.tuning),
        reports: [],
        next: now,
      };
    }
    case 'not_found': {
      const next = { ...state, notFoundCount: state.notFoundCount + 1 };
      if (next.notFoundCount > context.notFoundRetries) {
        return { state: next, holds: reached, reports: [{ kind: 'not_found', at: now }], next: 'remove' };
      }
      return failed(next, reached, plannedAt(next, now, nextDelay(next, 'not_found', context), context));
    }
    case 'connectivity': {
      const next = { ...state, consecutiveFailures: state.consecutiveFailures + 1 };
      const result = holds.connectFailed(reached, now, error.message, context.tuning);
      // Everything fails: wait for the network as a whole, probing with backoff, without penalising each id.
      const dueAt = result.offline ? now : plannedAt(next, now, nextDelay(next, 'failed', context), context);
      return failed(next, result.state, dueAt);
    }
    case 'other': {
      const next = { ...state, consecutiveFailures: state.consecutiveFailures + 1 };
      return failed(next, reached, plannedAt(next, now, nextDelay(next, 'failed', context), context));
    }
  }
}

/** The overdue report due for an id at `now`, or null (no deadline, already reported, not yet passed). */
export function overdueReport(state: IdState, now: number): IdReport | null {
  const { deadlineAt } = state;
  if (deadlineAt === null || state.overdueReported || now < deadlineAt) return null;
  return { kind: 'overdue', at: deadlineAt };
}

function nextDelay(state: IdState, outcome: CheckOutcome, context: CheckContext): number {
  return context.policy.nextDelayMs({
    outcome,
    previousDelayMs: state.delayMs,
    ageMs: context.now - state.addedAt,
    consecutiveFailures: state.consecutiveFailures,
    notFoundCount: state.notFoundCount,
    initialIntervalMs: context.initialIntervalMs,
    rawStatus: state.lastRaw,
    ...checkStateExtras(state, context),
  });
}

/** The optional parts of a policy's state: the id, the time, the load, the cap and the time left to a deadline. */
export function checkStateExtras(state: IdState, context: CheckContext): Partial<CheckState> {
  const { deadlineAt } = state;
  return {
    messageId: context.messageId,
    nowMs: context.now,
    pendingCount: context.pendingCount,
    maxRequestsPerSecond: context.maxRequestsPerSecond,
    deadlineInMs: deadlineAt === null || state.overdueReported ? null : Math.max(0, deadlineAt - context.now),
  };
}

/** `delayMs` (spread by the jitter) after `at`, but no later than a deadline still ahead. */
function plannedAt(state: IdState, at: number, delayMs: number, context: CheckContext): number {
  const dueAt = at + jitter(delayMs, context.jitterRatio, context.random);
  const { deadlineAt } = state;
  const beforeDeadline = deadlineAt !== null && !state.overdueReported && deadlineAt > at;
  return beforeDeadline ? Math.min(dueAt, deadlineAt) : dueAt;
}
