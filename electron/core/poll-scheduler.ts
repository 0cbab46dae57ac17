import { setMaxListeners } from 'node:events';
import type { ScheduleFacts, RefreshOutcome } from '../../shared/engine-api';
import { sameHealth, type EngineHealth } from '../../shared/engine-health';
import type { StatusSnapshot } from '../../shared/message';
import { isFinalKind } from '../../shared/status';
import { capRetryAfterMs } from './client/retry-after';
import { systemClock, type Clock } from './clock';
import {
  AuthError,
  NotFoundError,
  RateLimitedError,
  SmsbatError,
  WrongBaseUrlError,
  isConnectivityError,
} from './errors';
import {
  backoffPolicy,
  type CheckOutcome,
  type CheckPolicy,
  type CheckState,
} from './scheduler/check-policy';
import type { Entry, PendingRequest } from './scheduler/entry';
import * as holds from './scheduler/global-holds';
import { blockerOf, buildHealth, healthKey, keyOf, MinuteCounter, modeOf } from './scheduler/health';
import { KeyedQueues } from './scheduler/keyed-queues';
import { LANES, laneOf, pickLane, type Lane } from './scheduler/lanes';
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
import { timeBaseOf, type TimeBase } from './scheduler/time-base';
import { TimerSlot } from './scheduler/timer-slot';
import { RatePacer } from './rate-pacer';
import { StatusCache } from './status-cache';
import type { StatusClient } from './status-client';

export { MIN_PER_ID_GAP_MS, SMSBAT_STATUS_RATE_LIMIT } from './scheduler/options';
export type { PollSchedulerOptions, RuntimeOptions } from './scheduler/options';
export type { PollObserver, WatchRequest } from './scheduler/observer';
export {
  backoffPolicy,
  type CheckObservation,
  type CheckPolicy,
  type CheckState,
} from './scheduler/check-policy';

/** How often the busy counts of health (in flight, backlog, requests in the last minute) are refreshed. */
export const HEALTH_SAMPLE_MS = 5_000;

type Alarm = 'overdue' | 'give_up';

/**
 * Decides when each watched message is checked and runs the checks, within a global rate cap, a concurrency cap
 * and at most one request per id per second. It composes pure decisions: the next delay (a pluggable
 * `CheckPolicy`), the pause state machine (`global-holds`), the lane of each check and the share between lanes
 * (`lanes`), and the health object (`health`). Runs on monotonic time; reports epoch times.
 */
export class PollScheduler {
  readonly #observer: PollObserver;
  readonly #clock: Clock;
  readonly #time: TimeBase;
  readonly #random: () => number;
  readonly #policy: CheckPolicy;
  #options: ResolvedOptions;
  #client: { readonly current: StatusClient | null; readonly generation: number };
  #holds: holds.HoldState;
  readonly #entries = new Map<string, Entry>();
  readonly #lanes: KeyedQueues<Lane>;
  readonly #alarms: KeyedQueues<Alarm>;
  /** Requests in flight by id, including those of ids unwatched meanwhile. */
  readonly #inFlight = new Map<string, PendingRequest>();
  readonly #pacer: RatePacer;
  readonly #cache: StatusCache;
  readonly #outbox = new Outbox();
  readonly #timers: { readonly dispatch: TimerSlot; readonly alarm: TimerSlot; readonly health: TimerSlot };
  readonly #run = {
    stopped: false,
    turnQueued: false,
    urgentInRow: 0,
    abort: new AbortController(),
    minute: new MinuteCounter(),
    lastSuccessAt: null as number | null,
    lastHealth: null as EngineHealth | null,
  };

  constructor(options: PollSchedulerOptions) {
    this.#options = resolveOptions(options);
    this.#observer = options.observer;
    this.#clock = options.clock ?? systemClock;
    this.#time = timeBaseOf(this.#clock);
    this.#random = options.random ?? Math.random;
    this.#policy = options.policy ?? backoffPolicy(this.#options);
    this.#client = { current: options.client, generation: 0 };
    this.#holds = holds.initialHolds(options.client !== null);
    this.#pacer = new RatePacer(this.#options.maxRequestsPerSecond);
    this.#cache = new StatusCache(this.#options.cacheTtlMs);
    this.#lanes = new KeyedQueues(LANES, (id, lane, at) => {
      const entry = this.#entries.get(id);
      return entry !== undefined && entry.request === null && entry.lane === lane && entry.dueAt === at;
    });
    this.#alarms = new KeyedQueues<Alarm>(['overdue', 'give_up'], (id, kind, at) => {
      const entry = this.#entries.get(id);
      if (!entry) return false;
      return kind === 'give_up' ? entry.giveUpAt === at : !entry.overdueReported && entry.deadlineAt === at;
    });
    this.#timers = {
      dispatch: new TimerSlot(this.#clock, () => {
        this.#turn();
      }),
      alarm: new TimerSlot(this.#clock, () => {
        this.#fireAlarms();
      }),
      health: new TimerSlot(this.#clock, () => {
        this.#sampleHealth();
      }),
    };
    setMaxListeners(this.#options.concurrency + 10, this.#run.abort.signal);
    this.#run.lastHealth = this.#currentHealth();
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
    return this.#currentHealth();
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
    const pending = this.#inFlight.get(request.messageId) ?? null;
    const lastCheckedAt = Math.min(
      this.#time.toMonotonic(request.lastCheckedAt ?? Number.NEGATIVE_INFINITY),
      now,
    );
    const entry: Entry = {
      id: request.messageId,
      addedAt,
      giveUpAt: addedAt + this.#options.watchWindowMs,
      deadlineAt: toMonotonicOrNull(this.#time, request.deadlineAt),
      overdueReported: request.overdueReported ?? false,
      seen: (request.lastRawStatus ?? null) !== null,
      lastRaw: request.lastRawStatus ?? null,
      dueAt: now,
      lane: 'first',
      delayMs: this.#options.initialIntervalMs,
      lastRequestAt: Math.max(lastCheckedAt, pending?.sentAt ?? Number.NEGATIVE_INFINITY),
      notFoundCount: 0,
      consecutiveFailures: 0,
      // A request still in flight from before an unwatch is adopted, not doubled.
      request: pending,
    };
    this.#entries.set(entry.id, entry);
    this.#alarms.push(entry.id, 'give_up', entry.giveUpAt);
    if (entry.deadlineAt !== null && !entry.overdueReported)
      this.#alarms.push(entry.id, 'overdue', entry.deadlineAt);
    const cached = this.#cache.get(entry.id, now);
    if (cached) this.#afterSnapshot(entry, cached.snapshot, cached.at, now);
    else if (pending === null) this.#enqueue(entry, now + this.#firstDelay(entry, now));
    this.#outbox.changed(entry.id);
    this.#armAlarms();
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
    const outcomes: RefreshOutcome[] = [];
    const now = this.#clock.monotonicNow();
    const hold = holds.activeHold(this.#holds, now);
    for (const messageId of messageIds ?? [...this.#entries.keys()]) {
      const entry = this.#run.stopped ? undefined : this.#entries.get(messageId);
      if (!entry) outcomes.push({ messageId, outcome: 'not_watched' });
      else if (entry.request !== null) outcomes.push({ messageId, outcome: 'in_flight' });
      else if (this.#cache.get(messageId, now)) outcomes.push({ messageId, outcome: 'cached' });
      else {
        this.#enqueue(entry, Math.min(entry.dueAt, now));
        if (hold === null)
          outcomes.push({ messageId, outcome: 'queued', at: this.#time.toEpoch(entry.dueAt) });
        else outcomes.push({ messageId, outcome: 'held', heldBy: this.#heldBy(hold) });
      }
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
   * cached statuses and checks again. An answer to a request sent with the old client does not block the new one.
   * `null` means no credentials: nothing is sent until a client is set.
   */
  setClient(client: StatusClient | null): void {
    if (this.#run.stopped) return;
    this.#client = { current: client, generation: this.#client.generation + 1 };
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
    if (entry.deadlineAt !== null && !entry.overdueReported)
      this.#alarms.push(entry.id, 'overdue', entry.deadlineAt);
    if (entry.request === null) {
      const soonest = entry.deadlineAt !== null && entry.deadlineAt > now ? entry.deadlineAt : entry.dueAt;
      this.#enqueue(entry, Math.min(entry.dueAt, soonest));
    }
    this.#outbox.changed(entry.id);
    this.#armAlarms();
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
      this.#pacer.setRate(next.maxRequestsPerSecond);
    if (next.concurrency !== previous.concurrency)
      setMaxListeners(next.concurrency + 10, this.#run.abort.signal);
    if (next.watchWindowMs !== previous.watchWindowMs) {
      for (const entry of this.#entries.values()) entry.giveUpAt = entry.addedAt + next.watchWindowMs;
      this.#alarms.rebuild(this.#alarmItems());
      this.#armAlarms();
    }
    this.#soon();
  }

  /** Where one watched id stands: next check (epoch ms), in flight, failures in a row, what holds it. */
  facts(messageId: string): ScheduleFacts | null {
    const entry = this.#entries.get(messageId);
    if (!entry) return null;
    const inFlight = entry.request !== null;
    const now = this.#clock.monotonicNow();
    const hold = inFlight ? null : holds.activeHold(this.#holds, now);
    const nextAt =
      hold === null ? entry.dueAt : hold.until === null ? null : Math.max(entry.dueAt, hold.until);
    return {
      nextCheckAt: inFlight || nextAt === null ? null : this.#time.toEpoch(nextAt),
      inFlight,
      consecutiveFailures: entry.consecutiveFailures + entry.notFoundCount,
      heldBy: hold === null ? null : this.#heldBy(hold),
    };
  }

  /** Stops for good: no new requests, in-flight ones aborted, no timers left, no more reports after this call. */
  stop(): void {
    if (this.#run.stopped) return;
    this.#run.stopped = true;
    for (const timer of Object.values(this.#timers)) timer.disarm();
    this.#run.abort.abort();
    this.#deliver();
    this.#emitHealth(true);
  }

  // ---- the dispatch loop -------------------------------------------------------------------------------------

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
    const { dispatch } = this.#timers;
    const now = this.#clock.monotonicNow();
    while (!this.#run.stopped && this.#inFlight.size < this.#options.concurrency) {
      const hold = holds.activeHold(this.#holds, now);
      if (hold !== null) {
        dispatch.arm(hold.until ?? Number.POSITIVE_INFINITY);
        return;
      }
      const heads = LANES.map((lane) => this.#lanes.peek(lane));
      const dueAt = Math.min(...heads.map((head) => head?.at ?? Number.POSITIVE_INFINITY));
      const startAt = Math.max(dueAt, this.#pacer.nextSlot(now));
      if (startAt > now) {
        dispatch.arm(startAt);
        return;
      }
      const [deadline, first, routine] = heads.map((head) => head !== undefined && head.at <= now);
      const pick = pickLane(
        { deadline: deadline === true, first: first === true, routine: routine === true },
        this.#run.urgentInRow,
        this.#options.routineShareEvery,
      );
      this.#run.urgentInRow = pick.urgentInRow;
      const head = pick.lane === null ? undefined : heads[LANES.indexOf(pick.lane)];
      const entry = head === undefined ? undefined : this.#entries.get(head.id);
      const client = this.#client.current;
      if (pick.lane === null || !entry || client === null) return;
      this.#lanes.pop(pick.lane);
      this.#dispatch(entry, client, now);
    }
  }

  #dispatch(entry: Entry, client: StatusClient, now: number): void {
    const request: PendingRequest = { id: entry.id, sentAt: now, generation: this.#client.generation };
    entry.request = request;
    entry.lastRequestAt = now;
    this.#inFlight.set(entry.id, request);
    this.#pacer.take(now);
    this.#run.minute.record(now);
    this.#outbox.changed(entry.id);
    void this.#check(client, request, this.#run.abort.signal);
  }

  async #check(client: StatusClient, request: PendingRequest, signal: AbortSignal): Promise<void> {
    let snapshot: StatusSnapshot | undefined;
    let failure: unknown;
    try {
      snapshot = await client.getStatus(request.id, signal);
    } catch (error) {
      failure = error;
    }
    if (this.#inFlight.get(request.id) === request) this.#inFlight.delete(request.id);
    if (this.#run.stopped) return;
    const entry = this.#entries.get(request.id);
    if (entry?.request === request) {
      entry.request = null;
      const at = this.#clock.monotonicNow();
      if (snapshot) this.#onSuccess(entry, snapshot, at);
      else this.#onFailure(entry, asSmsbatError(failure), at, request);
    }
    this.#turn();
  }

  // ---- outcomes of a check -------------------------------------------------------------------------------------

  #onSuccess(entry: Entry, snapshot: StatusSnapshot, at: number): void {
    this.#run.lastSuccessAt = at;
    this.#setHolds(holds.succeeded(this.#holds));
    entry.notFoundCount = 0;
    entry.consecutiveFailures = 0;
    this.#cache.set(entry.id, snapshot, at);
    this.#policy.observe?.({
      messageId: entry.id,
      ageMs: at - entry.addedAt,
      nowMs: at,
      final: isFinalKind(snapshot.kind),
      snapshot,
    });
    this.#afterSnapshot(entry, snapshot, at, at);
  }

  /** Reports a status seen at `seenAt` (monotonic; earlier than `now` when cached) and plans the next check. */
  #afterSnapshot(entry: Entry, snapshot: StatusSnapshot, seenAt: number, now: number): void {
    const final = isFinalKind(snapshot.kind);
    // A final status at or after the deadline is late: overdue is reported first, whatever the alarm did.
    if (final) this.#reportOverdueIfDue(entry, now);
    const at = this.#time.toEpoch(seenAt);
    this.#outbox.add(() => {
      this.#observer.onSnapshot(entry.id, snapshot, at);
    });
    if (final) {
      this.#remove(entry.id);
      return;
    }
    const outcome: CheckOutcome = entry.lastRaw === snapshot.rawStatus ? 'unchanged' : 'changed';
    entry.lastRaw = snapshot.rawStatus;
    entry.seen = true;
    entry.delayMs = this.#nextDelay(entry, outcome, now);
    this.#planNext(entry, now, entry.delayMs);
  }

  #onFailure(entry: Entry, error: SmsbatError, at: number, request: PendingRequest): void {
    // Any HTTP answer, even an error, means SMSBAT is reachable.
    if (error.httpStatus !== null) this.#setHolds(holds.answered(this.#holds));
    const current = request.generation === this.#client.generation;
    if (error instanceof AuthError || error instanceof WrongBaseUrlError) {
      // An answer to a request sent with the old client says nothing about the new one.
      if (current) this.#setHolds(holds.credentialsFailed(this.#holds, credentialsProblem(error)));
      this.#enqueue(entry, at);
    } else if (error instanceof RateLimitedError) {
      const retryAfter = error.retryAfterMs === null ? null : capRetryAfterMs(error.retryAfterMs);
      this.#setHolds(holds.rateLimited(this.#holds, at, retryAfter, this.#options));
      // Due now, held by the global pause: it goes as soon as the pause ends, however it ends.
      this.#enqueue(entry, at);
    } else if (error instanceof NotFoundError) {
      entry.notFoundCount += 1;
      if (entry.notFoundCount > this.#options.notFoundRetries) {
        this.#remove(entry.id);
        this.#report((observer, epoch) => {
          observer.onNotFound(entry.id, epoch);
        }, at);
        return;
      }
      this.#reportFailure(entry, error, at);
      this.#planNext(entry, at, this.#nextDelay(entry, 'not_found', at));
    } else if (isConnectivityError(error)) {
      entry.consecutiveFailures += 1;
      this.#reportFailure(entry, error, at);
      const result = holds.connectFailed(this.#holds, at, error.message, this.#options);
      this.#setHolds(result.state);
      // Everything fails: wait for the network as a whole, probing with backoff, without penalising each id.
      if (result.offline) this.#enqueue(entry, at);
      else this.#planNext(entry, at, this.#nextDelay(entry, 'failed', at));
    } else {
      entry.consecutiveFailures += 1;
      this.#reportFailure(entry, error, at);
      this.#planNext(entry, at, this.#nextDelay(entry, 'failed', at));
    }
  }

  #reportFailure(entry: Entry, error: SmsbatError, at: number): void {
    this.#report((observer, epoch) => {
      observer.onCheckFailed(entry.id, error, epoch);
    }, at);
  }

  #nextDelay(entry: Entry, outcome: CheckOutcome, now: number): number {
    return this.#policy.nextDelayMs(this.#checkState(entry, outcome, now));
  }

  /** Delay before a new id's first check: what the policy asks, at once by default. */
  #firstDelay(entry: Entry, now: number): number {
    const delay = this.#policy.firstDelayMs?.(this.#checkState(entry, 'changed', now)) ?? 0;
    return Number.isFinite(delay) && delay > 0 ? delay : 0;
  }

  #checkState(entry: Entry, outcome: CheckOutcome, now: number): CheckState {
    return {
      outcome,
      previousDelayMs: entry.delayMs,
      ageMs: now - entry.addedAt,
      consecutiveFailures: entry.consecutiveFailures,
      notFoundCount: entry.notFoundCount,
      initialIntervalMs: this.#options.initialIntervalMs,
      rawStatus: entry.lastRaw,
      random: this.#random(),
      messageId: entry.id,
      nowMs: now,
      pendingCount: this.#entries.size,
      maxRequestsPerSecond: this.#options.maxRequestsPerSecond,
      deadlineInMs:
        entry.deadlineAt === null || entry.overdueReported ? null : Math.max(0, entry.deadlineAt - now),
    };
  }

  /** Queues the next check `delayMs` after `at`, no later than a pending deadline. */
  #planNext(entry: Entry, at: number, delayMs: number): void {
    let dueAt = at + delayMs;
    if (entry.deadlineAt !== null && !entry.overdueReported && entry.deadlineAt > at) {
      dueAt = Math.min(dueAt, entry.deadlineAt);
    }
    this.#enqueue(entry, dueAt);
  }

  /** Queues a check of `entry` at `dueAt`, never within the per-id gap of its last request, in its lane. */
  #enqueue(entry: Entry, dueAt: number): void {
    entry.dueAt = Math.max(dueAt, entry.lastRequestAt + MIN_PER_ID_GAP_MS);
    entry.lane = laneOf(entry);
    this.#lanes.push(entry.id, entry.lane, entry.dueAt);
    this.#outbox.changed(entry.id);
    if (this.#lanes.length > 4 * this.#entries.size + 1024) {
      this.#lanes.rebuild(
        [...this.#entries.values()]
          .filter((item) => item.request === null)
          .map((item) => ({ id: item.id, key: item.lane, at: item.dueAt })),
      );
    }
  }

  #remove(messageId: string): boolean {
    if (!this.#entries.delete(messageId)) return false;
    this.#policy.forget?.(messageId);
    this.#outbox.changed(messageId);
    if (this.#entries.size === 0) this.#armAlarms();
    return true;
  }

  // ---- overdue and give-up, on their own timer ---------------------------------------------------------------

  #armAlarms(): void {
    if (!this.#run.stopped) this.#timers.alarm.arm(this.#alarms.earliest());
  }

  #fireAlarms(): void {
    const now = this.#clock.monotonicNow();
    for (let due = this.#alarms.peek('overdue'); due && due.at <= now; due = this.#alarms.peek('overdue')) {
      this.#alarms.pop('overdue');
      const entry = this.#entries.get(due.id);
      if (entry) this.#reportOverdueIfDue(entry, now);
    }
    for (let due = this.#alarms.peek('give_up'); due && due.at <= now; due = this.#alarms.peek('give_up')) {
      this.#alarms.pop('give_up');
      this.#remove(due.id);
      this.#report((observer, epoch) => {
        observer.onGaveUp(due.id, epoch);
      }, due.at);
    }
    this.#armAlarms();
    this.#turn();
  }

  #reportOverdueIfDue(entry: Entry, now: number): void {
    const { deadlineAt } = entry;
    if (deadlineAt === null || entry.overdueReported || now < deadlineAt) return;
    entry.overdueReported = true;
    // Its checks are no longer deadline checks.
    if (entry.request === null) this.#enqueue(entry, entry.dueAt);
    this.#report((observer, epoch) => {
      observer.onOverdue(entry.id, epoch);
    }, deadlineAt);
  }

  #report(call: (observer: PollObserver, epochAt: number) => void, at: number): void {
    const epoch = this.#time.toEpoch(at);
    this.#outbox.add(() => {
      call(this.#observer, epoch);
    });
  }

  // ---- holds and health -------------------------------------------------------------------------------------

  #setHolds(next: holds.HoldState): void {
    if (next === this.#holds) return;
    const now = this.#clock.monotonicNow();
    const before = holds.activeHold(this.#holds, now);
    this.#holds = next;
    const after = holds.activeHold(next, now);
    if (before?.reason !== after?.reason || before?.until !== after?.until) this.#outbox.allChanged();
    if (after !== null && after.until === null) this.#timers.dispatch.disarm();
    this.#soon();
  }

  #heldBy(hold: holds.ActiveHold): { reason: holds.ActiveHold['reason']; until: number | null } {
    return { reason: hold.reason, until: hold.until === null ? null : this.#time.toEpoch(hold.until) };
  }

  #deliver(): void {
    this.#outbox.deliver(
      (ids) => {
        this.#observer.onScheduleChanged(ids);
      },
      () => [...this.#entries.keys()],
    );
    this.#emitHealth(false);
  }

  #currentHealth(): EngineHealth {
    const now = this.#clock.monotonicNow();
    let backlog = 0;
    for (const entry of this.#entries.values())
      if (entry.request === null && entry.dueAt <= now) backlog += 1;
    return buildHealth({
      stopped: this.#run.stopped,
      holds: this.#holds,
      counts: {
        watching: this.#entries.size,
        inFlight: this.#inFlight.size,
        backlog,
        requestsLastMinute: this.#run.minute.count(now),
        rateCapPerSecond: this.#options.maxRequestsPerSecond,
      },
      lastSuccessAt: this.#run.lastSuccessAt,
      now,
      toEpoch: (monotonicMs) => this.#time.toEpoch(monotonicMs),
    });
  }

  /**
   * Emits health when its mode, blocker or watched count changed (cheap to tell), or when `sampled` and anything in
   * it changed. The busy counts are thus refreshed with every other change and every `HEALTH_SAMPLE_MS`.
   */
  #emitHealth(sampled: boolean): void {
    const last = this.#run.lastHealth;
    if (!sampled && last !== null && keyOf(last) === this.#healthKeyNow()) return;
    const health = this.#currentHealth();
    if (sampled && last !== null && sameHealth(last, health)) return;
    this.#run.lastHealth = health;
    this.#observer.onHealth(health);
    this.#armHealthSample(health);
  }

  /** The key of the health right now, without counting the backlog. */
  #healthKeyNow(): string {
    const now = this.#clock.monotonicNow();
    const { stopped } = this.#run;
    const blocker = stopped ? null : blockerOf(this.#holds, now, (monotonicMs) => monotonicMs);
    return healthKey(
      modeOf(stopped, this.#holds.paused, this.#entries.size),
      blocker?.kind ?? null,
      this.#entries.size,
      this.#options.maxRequestsPerSecond,
    );
  }

  #sampleHealth(): void {
    this.#emitHealth(true);
    if (this.#run.lastHealth) this.#armHealthSample(this.#run.lastHealth);
  }

  #armHealthSample(health: EngineHealth): void {
    const busy =
      health.counts.watching > 0 || health.counts.requestsLastMinute > 0 || health.counts.inFlight > 0;
    if (this.#run.stopped || !busy) this.#timers.health.disarm();
    else this.#timers.health.arm(this.#clock.monotonicNow() + HEALTH_SAMPLE_MS);
  }

  #alarmItems(): { id: string; key: Alarm; at: number }[] {
    const items: { id: string; key: Alarm; at: number }[] = [];
    for (const entry of this.#entries.values()) {
      items.push({ id: entry.id, key: 'give_up', at: entry.giveUpAt });
      if (entry.deadlineAt !== null && !entry.overdueReported) {
        items.push({ id: entry.id, key: 'overdue', at: entry.deadlineAt });
      }
    }
    return items;
  }
}

function toMonotonicOrNull(time: TimeBase, epochMs: number | null | undefined): number | null {
  return epochMs === null || epochMs === undefined ? null : time.toMonotonic(epochMs);
}

function credentialsProblem(error: AuthError | WrongBaseUrlError): holds.CredentialsState {
  return error instanceof WrongBaseUrlError
    ? { kind: 'wrong_base_url', baseUrl: error.baseUrl, message: error.message }
    : { kind: 'credentials_rejected', message: error.message };
}

/** Anything thrown by a client that is not an SmsbatError (a bug, an abort) is treated as a connection failure. */
function asSmsbatError(error: unknown): SmsbatError {
  if (error instanceof SmsbatError) return error;
  return new UnexpectedFailure(error instanceof Error ? error.message : String(error), { cause: error });
}

class UnexpectedFailure extends SmsbatError {
  readonly kind = 'network' as const;
}
