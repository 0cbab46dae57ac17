import type { RefreshOutcome, ScheduleFacts } from '../../shared/engine-api';
import type { EngineHealth } from '../../shared/engine-health';
import { systemClock, type Clock } from './clock';
import { Alarms, type AlarmKind, type AlarmTimes } from './scheduler/alarms';
import {
  afterFailure,
  afterSnapshot,
  afterSuccess,
  overdueReport,
  type CheckContext,
  type CheckDecision,
  type IdReport,
} from './scheduler/after-check';
import { backoffPolicy, type CheckPolicy } from './scheduler/check-policy';
import { DueQueue } from './scheduler/due-queue';
import type { Entry, PendingRequest } from './scheduler/entry';
import { factsOf, refreshOutcomeOf } from './scheduler/facts';
import { asSmsbatError } from './scheduler/failures';
import * as holds from './scheduler/global-holds';
import { HealthReporter } from './scheduler/health-reporter';
import { laneOf } from './scheduler/lanes';
import type { PollObserver, WatchRequest } from './scheduler/observer';
import {
  applyRuntimeOptions,
  MIN_PER_ID_GAP_MS,
  resolveOptions,
  type PollSchedulerOptions,
  type ResolvedOptions,
  type RuntimeOptionName,
  type RuntimeOptions,
} from './scheduler/options';
import { Outbox } from './scheduler/outbox';
import { Requests, type Answer } from './scheduler/requests';
import { timeBaseOf, type TimeBase } from './scheduler/time-base';
import { TimerSlot } from './scheduler/timer-slot';
import { StatusCache } from './status-cache';
import type { StatusClient } from './status-client';

export { MIN_PER_ID_GAP_MS, SMSBAT_STATUS_RATE_LIMIT } from './scheduler/options';
export type { PollSchedulerOptions, RuntimeOptions } from './scheduler/options';
export type { PollObserver, WatchRequest } from './scheduler/observer';
export { backoffPolicy, type CheckPolicy, type CheckState } from './scheduler/check-policy';
export { HEALTH_SAMPLE_MS } from './scheduler/health-reporter';

/**
 * Decides when each watched message is checked and runs the checks, within a global rate cap, a concurrency cap
 * and at most one request per id per second. It only composes pure decisions: the next delay (a pluggable
 * `CheckPolicy`), the pause state machine (`global-holds`), the lane of each check and the share between lanes
 * (`lanes`, `due-queue`), and the health object (`health`). Runs on monotonic time; reports epoch times, always
 * from outside its dispatch loop.
 */
export class PollScheduler {
  readonly #observer: PollObserver;
  readonly #clock: Clock;
  readonly #time: TimeBase;
  readonly #policy: CheckPolicy;
  readonly #random: () => number;
  #options: ResolvedOptions;
  #holds: holds.HoldState;
  readonly #entries = new Map<string, Entry>();
  readonly #requests: Requests;
  readonly #due: DueQueue;
  readonly #alarms: Alarms;
  readonly #cache: StatusCache;
  readonly #health: HealthReporter;
  readonly #outbox = new Outbox();
  readonly #run = { stopped: false, turnQueued: false, wake: null as TimerSlot | null };

  constructor(options: PollSchedulerOptions) {
    this.#options = resolveOptions(options);
    this.#observer = options.observer;
    this.#clock = options.clock ?? systemClock;
    this.#time = timeBaseOf(this.#clock);
    this.#random = options.random ?? Math.random;
    this.#policy = options.policy ?? backoffPolicy(this.#options);
    this.#requests = new Requests(options.client, this.#options.concurrency, (request, answer) => {
      this.#onAnswer(request, answer);
    });
    this.#holds = holds.initialHolds(options.client !== null);
    this.#cache = new StatusCache(this.#options.cacheTtlMs);
    this.#due = new DueQueue(
      (id, lane, dueAt) => {
        const entry = this.#entries.get(id);
        return entry?.request === null && entry.lane === lane && entry.dueAt === dueAt;
      },
      () => [...this.#entries.values()].filter((entry) => entry.request === null),
      this.#options.maxRequestsPerSecond,
      this.#options.routineShareEvery,
    );
    this.#alarms = new Alarms(
      this.#clock,
      (id, kind, at) => {
        const entry = this.#entries.get(id);
        if (!entry) return false;
        return kind === 'give_up' ? entry.giveUpAt === at : !entry.overdueReported && entry.deadlineAt === at;
      },
      (kind, id, at) => {
        this.#onAlarm(kind, id, at);
      },
      () => {
        this.#turn();
      },
    );
    this.#health = new HealthReporter(
      this.#clock,
      this.#time,
      () => this.#healthSource(),
      (health) => {
        this.#observer.onHealth(health);
      },
    );
    this.#run.wake = new TimerSlot(this.#clock, () => {
      this.#turn();
    });
  }

  /** How many ids are still being checked. */
  get size(): number {
    return this.#entries.size;
  }

  /** The current values of the options that can change at run time. */
  get options(): RuntimeOptions {
    const { maxRequestsPerSecond, concurrency, watchWindowMs, initialIntervalMs } = this.#options;
    return { maxRequestsPerSecond, concurrency, watchWindowMs, initialIntervalMs };
  }

  /** The engine's health right now (counts exact at this moment). */
  get health(): EngineHealth {
    return this.#health.current();
  }

  /** Whether `messageId` is still being checked. */
  isWatching(messageId: string): boolean {
    return this.#entries.has(messageId);
  }

  /**
   * Starts checking an id: at once (ahead of routine re-checks), or from a status fetched within the cache time.
   * Saved epoch times are converted to monotonic time here, once. Watching an id already watched changes nothing.
   */
  watch(request: WatchRequest): void {
    if (this.#run.stopped || this.#entries.has(request.messageId)) return;
    const now = this.#clock.monotonicNow();
    const addedAt = this.#time.toMonotonic(request.addedAt);
    // A request still in flight from before an unwatch is adopted, not doubled.
    const pending = this.#requests.pending(request.messageId);
    const lastCheckedAt = Math.min(
      this.#time.toMonotonic(request.lastCheckedAt ?? Number.NEGATIVE_INFINITY),
      now,
    );
    const deadlineAt = request.deadlineAt ?? null;
    const lastRaw = request.lastRawStatus ?? null;
    const entry: Entry = {
      id: request.messageId,
      addedAt,
      giveUpAt: addedAt + this.#options.watchWindowMs,
      deadlineAt: deadlineAt === null ? null : this.#time.toMonotonic(deadlineAt),
      overdueReported: request.overdueReported ?? false,
      seen: lastRaw !== null,
      lastRaw,
      dueAt: now,
      lane: 'first',
      delayMs: this.#options.initialIntervalMs,
      lastRequestAt: Math.max(lastCheckedAt, pending?.sentAt ?? Number.NEGATIVE_INFINITY),
      notFoundCount: 0,
      consecutiveFailures: 0,
      request: pending,
    };
    this.#entries.set(entry.id, entry);
    this.#alarms.set(alarmTimes(entry));
    this.#alarms.arm();
    const cached = this.#cache.get(entry.id, now);
    if (cached)
      this.#apply(entry, afterSnapshot(entry, cached.snapshot, cached.at, this.#context(now, null)));
    else if (pending === null) this.#enqueue(entry, now);
    this.#outbox.changed(entry.id);
    this.#soon();
  }

  /** Stops checking an id; a request already in flight for it is ignored when it returns. */
  unwatch(messageId: string): void {
    if (this.#remove(messageId)) this.#soon();
  }

  /**
   * Checks the given ids (or every watched id) as soon as the rate cap and the per-id gap allow, and says per id
   * what happened: queued (with when), answered from the cache, already in flight, held by a pause or blocker
   * (until when), or not watched.
   */
  refreshNow(messageIds?: Iterable<string>): RefreshOutcome[] {
    const now = this.#clock.monotonicNow();
    const hold = holds.activeHold(this.#holds, now);
    const toEpoch = (ms: number): number => this.#time.toEpoch(ms);
    const outcomes: RefreshOutcome[] = [];
    for (const messageId of messageIds ?? [...this.#entries.keys()]) {
      const entry = this.#run.stopped ? undefined : this.#entries.get(messageId);
      const cached = this.#cache.get(messageId, now) !== undefined;
      if (entry?.request === null && !cached) this.#enqueue(entry, Math.min(entry.dueAt, now));
      outcomes.push(refreshOutcomeOf(messageId, entry, cached, hold, toEpoch));
    }
    this.#soon();
    return outcomes;
  }

  /** Stops starting requests until `resume()`; overdue and give-up still happen on time. */
  pause(): void {
    this.#setHolds(holds.setPaused(this.#holds, true));
  }

  /** Starts requests again; also ends an offline wait, so waking from sleep or coming back online checks at once. */
  resume(): void {
    this.#setHolds(holds.setPaused(this.#holds, false));
  }

  /**
   * Replaces the client (new credentials or base URL) in one step: lifts a credentials or base-URL blocker, forgets
   * cached statuses and checks the held ids again. An answer to a request sent with the old client does not block
   * the new one. `null` means no credentials: nothing is sent until a client is set.
   */
  setClient(client: StatusClient | null): void {
    if (this.#run.stopped) return;
    this.#requests.setClient(client);
    this.#cache.clear();
    this.#setHolds(holds.clientReplaced(this.#holds, client !== null));
  }

  /** Sets or clears (null) the deadline of a watched id, in epoch ms; a deadline already past is reported at once. */
  setDeadline(messageId: string, deadlineAt: number | null): void {
    const entry = this.#entries.get(messageId);
    if (this.#run.stopped || !entry) return;
    const now = this.#clock.monotonicNow();
    entry.deadlineAt = deadlineAt === null ? null : this.#time.toMonotonic(deadlineAt);
    if (entry.deadlineAt !== null && entry.deadlineAt > now) entry.overdueReported = false;
    this.#alarms.set(alarmTimes(entry));
    this.#alarms.arm();
    if (entry.request === null) {
      const soonest = entry.deadlineAt !== null && entry.deadlineAt > now ? entry.deadlineAt : entry.dueAt;
      this.#enqueue(entry, Math.min(entry.dueAt, soonest));
    }
    this.#outbox.changed(entry.id);
    this.#soon();
  }

  /**
   * Changes run-time options at once. Every value is checked first: on a bad one a TypeError names it, and nothing
   * changes.
   */
  updateOptions(partial: Partial<Pick<PollSchedulerOptions, RuntimeOptionName>>): void {
    const next = applyRuntimeOptions(this.#options, partial);
    if (this.#run.stopped) return;
    const previous = this.#options;
    this.#options = next;
    if (next.maxRequestsPerSecond !== previous.maxRequestsPerSecond)
      this.#due.setRate(next.maxRequestsPerSecond);
    if (next.concurrency !== previous.concurrency) this.#requests.setConcurrency(next.concurrency);
    if (next.watchWindowMs !== previous.watchWindowMs) {
      for (const entry of this.#entries.values()) entry.giveUpAt = entry.addedAt + next.watchWindowMs;
      this.#alarms.rebuild(Array.from(this.#entries.values(), alarmTimes));
      this.#alarms.arm();
    }
    this.#soon();
  }

  /** Where one watched id stands: next check (epoch ms), in flight, failures in a row, what holds it. */
  facts(messageId: string): ScheduleFacts | null {
    const entry = this.#entries.get(messageId);
    if (!entry) return null;
    const hold = holds.activeHold(this.#holds, this.#clock.monotonicNow());
    return factsOf(entry, hold, (ms) => this.#time.toEpoch(ms));
  }

  /** Stops for good: no new requests, in-flight ones aborted, no timers left, no more reports after this call. */
  stop(): void {
    if (this.#run.stopped) return;
    this.#run.stopped = true;
    this.#run.wake?.disarm();
    this.#alarms.stop();
    this.#requests.abortAll();
    this.#deliver();
  }

  /** Runs a turn soon (in a microtask): deliver reports, dispatch what is due, deliver again. */
  #soon(): void {
    if (this.#run.turnQueued || this.#run.stopped) return;
    this.#run.turnQueued = true;
    queueMicrotask(() => {
      this.#run.turnQueued = false;
      this.#turn();
    });
  }

  #turn(): void {
    if (this.#run.stopped) return;
    this.#deliver();
    this.#pump();
    this.#deliver();
  }

  /** Starts every check that is due, within the holds, the concurrency cap and the rate cap. No listener runs here. */
  #pump(): void {
    const now = this.#clock.monotonicNow();
    let wakeAt = Number.POSITIVE_INFINITY;
    while (this.#requests.canSend) {
      const hold = holds.activeHold(this.#holds, now);
      const next = hold === null ? this.#due.next(now) : { wakeAt: hold.until ?? Number.POSITIVE_INFINITY };
      if ('wakeAt' in next) {
        wakeAt = next.wakeAt;
        break;
      }
      const entry = this.#entries.get(next.id);
      if (!entry) continue;
      entry.request = this.#requests.send(entry.id, now);
      entry.lastRequestAt = now;
      this.#health.recordRequest(now);
      this.#outbox.changed(entry.id);
    }
    // A full concurrency cap needs no timer: the next answer runs a turn.
    if (this.#requests.belowConcurrency) this.#run.wake?.arm(wakeAt);
  }

  #onAnswer(request: PendingRequest, answer: Answer): void {
    if (this.#run.stopped) return;
    const entry = this.#entries.get(request.id);
    if (entry?.request === request) {
      entry.request = null;
      const context = this.#context(this.#clock.monotonicNow(), request);
      if ('snapshot' in answer) {
        this.#health.recordSuccess(context.now);
        this.#cache.set(entry.id, answer.snapshot, context.now);
      }
      this.#apply(
        entry,
        'snapshot' in answer
          ? afterSuccess(entry, answer.snapshot, context)
          : afterFailure(entry, asSmsbatError(answer.error), context),
      );
    }
    this.#turn();
  }

  /** Applies the decision after a check (or a cached status) to the id, the holds and the reports. */
  #apply(entry: Entry, decision: CheckDecision): void {
    Object.assign(entry, decision.state);
    this.#setHolds(decision.holds);
    for (const report of decision.reports) this.#report(entry.id, report);
    if (decision.next === 'remove') this.#remove(entry.id);
    else this.#enqueue(entry, decision.next);
  }

  #context(now: number, request: PendingRequest | null): CheckContext {
    return {
      now,
      holds: this.#holds,
      policy: this.#policy,
      initialIntervalMs: this.#options.initialIntervalMs,
      notFoundRetries: this.#options.notFoundRetries,
      tuning: this.#options,
      currentClient: request === null || this.#requests.isCurrent(request),
      random: this.#random(),
    };
  }

  /** Queues a check of `entry` at `dueAt`, never within the per-id gap of its last request, in its lane. */
  #enqueue(entry: Entry, dueAt: number): void {
    entry.dueAt = Math.max(dueAt, entry.lastRequestAt + MIN_PER_ID_GAP_MS);
    entry.lane = laneOf(entry);
    this.#due.push(entry, this.#entries.size);
    this.#outbox.changed(entry.id);
  }

  #remove(messageId: string): boolean {
    if (!this.#entries.delete(messageId)) return false;
    this.#outbox.changed(messageId);
    if (this.#entries.size === 0) this.#alarms.arm();
    return true;
  }

  #onAlarm(kind: AlarmKind, id: string, at: number): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    if (kind === 'give_up') {
      this.#remove(id);
      this.#report(id, { kind: 'gave_up', at });
      return;
    }
    const overdue = overdueReport(entry, at);
    if (overdue === null) return;
    entry.overdueReported = true;
    // Its next check is no longer a deadline check.
    if (entry.request === null) this.#enqueue(entry, entry.dueAt);
    this.#report(id, overdue);
  }

  /** Queues a report for delivery outside the dispatch loop, its time (monotonic) as epoch ms. */
  #report(id: string, report: IdReport | { readonly kind: 'gave_up'; readonly at: number }): void {
    const at = this.#time.toEpoch(report.at);
    const observer = this.#observer;
    this.#outbox.add(() => {
      switch (report.kind) {
        case 'snapshot':
          observer.onSnapshot(id, report.snapshot, at);
          break;
        case 'check_failed':
          observer.onCheckFailed(id, report.error, at);
          break;
        case 'not_found':
          observer.onNotFound(id, at);
          break;
        case 'overdue':
          observer.onOverdue(id, at);
          break;
        case 'gave_up':
          observer.onGaveUp(id, at);
      }
    });
  }

  #setHolds(next: holds.HoldState): void {
    if (next === this.#holds) return;
    const now = this.#clock.monotonicNow();
    const before = holds.activeHold(this.#holds, now);
    this.#holds = next;
    const after = holds.activeHold(next, now);
    if (before?.reason !== after?.reason || before?.until !== after?.until) this.#outbox.allChanged();
    if (after !== null && after.until === null) this.#run.wake?.disarm();
    this.#soon();
  }

  #deliver(): void {
    this.#outbox.deliver(
      (ids) => {
        this.#observer.onScheduleChanged(ids);
      },
      () => [...this.#entries.keys()],
    );
    this.#health.update(false);
  }

  #healthSource() {
    const entries = this.#entries;
    return {
      stopped: this.#run.stopped,
      holds: this.#holds,
      watching: entries.size,
      inFlight: this.#requests.size,
      rateCapPerSecond: this.#options.maxRequestsPerSecond,
      backlog(now: number): number {
        let count = 0;
        for (const entry of entries.values()) if (entry.request === null && entry.dueAt <= now) count += 1;
        return count;
      },
    };
  }
}

function alarmTimes(entry: Entry): AlarmTimes {
  const overdue = entry.deadlineAt !== null && !entry.overdueReported;
  return { id: entry.id, giveUpAt: entry.giveUpAt, overdueAt: overdue ? entry.deadlineAt : null };
}
