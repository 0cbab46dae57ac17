/**
 * The life of a check inside the scheduler: starting the due ones (within the holds, the concurrency cap and the
 * rate cap), handling each answer (cache, health, what the policy learns, what follows), applying a decision, and
 * the overdue and give-up alarms. The scheduler around it keeps the public surface, the turns and the holds.
 */
import { isFinalKind } from '../../../shared/status';
import type { Clock } from '../clock';
import type { StatusCache } from '../status-cache';
import type { AlarmKind } from './alarms';
import {
  afterFailure,
  afterSuccess,
  checkStateExtras,
  overdueReport,
  type CheckContext,
  type CheckDecision,
} from './after-check';
import type { CheckPolicy } from './check-policy';
import type { Entry, PendingRequest } from './entry';
import { asSmsbatError } from './failures';
import * as holds from './global-holds';
import type { HealthReporter } from './health-reporter';
import type { ResolvedOptions } from './options';
import type { Outbox } from './outbox';
import type { Answer, Requests } from './requests';
import type { WatchedIds } from './watched-ids';

/** What the check flow works on: the scheduler's parts, and its options and holds as they are now. */
export interface CheckFlowParts {
  readonly clock: Clock;
  readonly policy: CheckPolicy;
  readonly random: () => number;
  readonly ids: WatchedIds;
  readonly requests: Requests;
  readonly cache: StatusCache;
  readonly health: HealthReporter;
  readonly outbox: Outbox;
  /** The options in force (they change at run time). */
  options(): ResolvedOptions;
  /** The holds in force. */
  holds(): holds.HoldState;
  /** Changes the holds (reports what changed, runs a turn). */
  setHolds(next: holds.HoldState): void;
  /** Wakes the scheduler at `at` (monotonic ms; +Infinity for never). */
  wakeAt(at: number): void;
}

/** Starts checks, handles their answers and alarms; see the module comment. */
export class CheckFlow {
  readonly #parts: CheckFlowParts;

  constructor(parts: CheckFlowParts) {
    this.#parts = parts;
  }

  /** Starts every check that is due, within the holds, the concurrency cap and the rate cap. No listener runs here. */
  pump(): void {
    const { clock, requests, ids, health, outbox } = this.#parts;
    const now = clock.monotonicNow();
    let wakeAt = Number.POSITIVE_INFINITY;
    while (requests.canSend) {
      const hold = holds.activeHold(this.#parts.holds(), now);
      const next = hold === null ? ids.nextDue(now) : { wakeAt: hold.until ?? Number.POSITIVE_INFINITY };
      if ('wakeAt' in next) {
        wakeAt = next.wakeAt;
        break;
      }
      const entry = ids.get(next.id);
      if (!entry) continue;
      entry.request = requests.send(entry.id, now);
      entry.lastRequestAt = now;
      health.recordRequest(now);
      outbox.changed(entry.id);
    }
    // A full concurrency cap needs no timer: the next answer runs a turn.
    if (requests.belowConcurrency) this.#parts.wakeAt(wakeAt);
  }

  /** An answer arrived: an id still waiting for this very request learns from it; any other answer is ignored. */
  answer(request: PendingRequest, answer: Answer): void {
    const { ids, clock, health, cache, policy } = this.#parts;
    const entry = ids.get(request.id);
    if (entry?.request !== request) return;
    entry.request = null;
    const context = this.context(clock.monotonicNow(), request);
    if ('snapshot' in answer) {
      health.recordSuccess(context.now);
      cache.set(entry.id, answer.snapshot, context.now);
      policy.observe?.({
        messageId: entry.id,
        ageMs: context.now - entry.addedAt,
        nowMs: context.now,
        final: isFinalKind(answer.snapshot.kind),
        snapshot: answer.snapshot,
      });
    }
    this.apply(
      entry,
      'snapshot' in answer
        ? afterSuccess(entry, answer.snapshot, context)
        : afterFailure(entry, asSmsbatError(answer.error), context),
    );
  }

  /** Applies the decision after a check (or a cached status) to the id, the holds and the reports. */
  apply(entry: Entry, decision: CheckDecision): void {
    Object.assign(entry, decision.state);
    this.#parts.setHolds(decision.holds);
    for (const report of decision.reports) this.#parts.outbox.report(entry.id, report);
    if (decision.next === 'remove') this.remove(entry.id);
    else this.#parts.ids.schedule(entry, decision.next);
  }

  /** What a decision about `messageId` (or the request's id) depends on beyond the id. */
  context(now: number, request: PendingRequest | null, messageId?: string): CheckContext {
    const options = this.#parts.options();
    return {
      now,
      holds: this.#parts.holds(),
      policy: this.#parts.policy,
      initialIntervalMs: options.initialIntervalMs,
      notFoundRetries: options.notFoundRetries,
      tuning: options,
      currentClient: request === null || this.#parts.requests.isCurrent(request),
      jitterRatio: options.jitterRatio,
      random: this.#parts.random(),
      messageId: messageId ?? request?.id,
      pendingCount: this.#parts.ids.size,
      maxRequestsPerSecond: options.maxRequestsPerSecond,
    };
  }

  /** Delay before a new id's first check: what the policy asks, at once by default. */
  firstDelay(entry: Entry, now: number): number {
    const context = this.context(now, null, entry.id);
    const delay =
      this.#parts.policy.firstDelayMs?.({
        outcome: 'changed',
        previousDelayMs: entry.delayMs,
        ageMs: now - entry.addedAt,
        consecutiveFailures: entry.consecutiveFailures,
        notFoundCount: entry.notFoundCount,
        initialIntervalMs: this.#parts.options().initialIntervalMs,
        rawStatus: entry.lastRaw,
        ...checkStateExtras(entry, context),
      }) ?? 0;
    return Number.isFinite(delay) && delay > 0 ? delay : 0;
  }

  /** Ends the watch of an id and tells the policy; false when it was not watched. */
  remove(messageId: string): boolean {
    if (!this.#parts.ids.remove(messageId)) return false;
    this.#parts.policy.forget?.(messageId);
    return true;
  }

  /** Moves or clears (null) an id's deadline (monotonic ms); a deadline still ahead is checked for again. */
  setDeadline(entry: Entry, deadlineAt: number | null, now: number): void {
    const { ids } = this.#parts;
    entry.deadlineAt = deadlineAt;
    if (entry.deadlineAt !== null && entry.deadlineAt > now) entry.overdueReported = false;
    ids.alarmsChanged(entry);
    if (entry.request === null) {
      const soonest = entry.deadlineAt !== null && entry.deadlineAt > now ? entry.deadlineAt : entry.dueAt;
      ids.schedule(entry, Math.min(entry.dueAt, soonest));
    }
  }

  /** An id's watch window ended (it is given up) or its deadline passed (it is reported overdue once). */
  alarm(kind: AlarmKind, entry: Entry, at: number): void {
    const { id } = entry;
    if (kind === 'give_up') {
      this.remove(id);
      this.#parts.outbox.report(id, { kind: 'gave_up', at });
      return;
    }
    const overdue = overdueReport(entry, at);
    if (overdue === null) return;
    entry.overdueReported = true;
    // Its next check is no longer a deadline check.
    if (entry.request === null) this.#parts.ids.schedule(entry, entry.dueAt);
    this.#parts.outbox.report(id, overdue);
  }
}
