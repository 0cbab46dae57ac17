import type { RefreshOutcome, ScheduleFacts } from '../../shared/engine-api';
import type { EngineHealth } from '../../shared/engine-health';
import type { StatusSnapshot } from '../../shared/message';
import { isFinalKind } from '../../shared/status';
import { callSafely, printError } from './call-safely';
import { systemClock, type Clock } from './clock';
import { afterSnapshot } from './scheduler/after-check';
import { CheckFlow } from './scheduler/check-flow';
import { backoffPolicy, type CheckPolicy } from './scheduler/check-policy';
import { newEntry, type PendingRequest } from './scheduler/entry';
import { factsOf, refreshOutcomeOf } from './scheduler/facts';
import * as holds from './scheduler/global-holds';
import { HealthReporter, type HealthSource } from './scheduler/health-reporter';
import type { WatchRequest } from './scheduler/observer';
import {
  applyRuntimeOptions,
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
import { WatchedIds } from './scheduler/watched-ids';
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
export { HEALTH_SAMPLE_MS } from './scheduler/health-reporter';

/**
 * Decides when each watched message is checked and runs the checks, within a global rate cap, a concurrency cap
 * and at most one request per id per second. It only composes pure decisions: the next delay (a pluggable
 * `CheckPolicy`), the pause state machine (`global-holds`), the lane of each check and the share between lanes
 * (`lanes`, `due-queue`), and the health object (`health`); starting checks and handling their answers is the
 * check flow's (`check-flow`). Runs on monotonic time; reports epoch times, always from outside its dispatch loop.
 */
export class PollScheduler {
  readonly #clock: Clock;
  readonly #time: TimeBase;
  #options: ResolvedOptions;
  #holds: holds.HoldState;
  readonly #ids: WatchedIds;
  readonly #requests: Requests;
  readonly #cache: StatusCache;
  readonly #health: HealthReporter;
  readonly #outbox: Outbox;
  readonly #run = { stopped: false, turnQueued: false, wake: null as TimerSlot | null };
  readonly #flow: CheckFlow;
  readonly #policy: CheckPolicy;

  constructor(options: PollSchedulerOptions) {
    this.#options = resolveOptions(options);
    this.#clock = options.clock ?? systemClock;
    this.#time = timeBaseOf(this.#clock);
    this.#outbox = new Outbox(
      options.observer,
      (ms) => this.#time.toEpoch(ms),
      () => this.#ids.ids(),
    );
    this.#requests = new Requests(options.client, this.#options.concurrency, (request, answer) => {
      this.#onAnswer(request, answer);
    });
    this.#holds = holds.initialHolds(options.client !== null);
    this.#cache = new StatusCache(this.#options.cacheTtlMs);
    this.#ids = new WatchedIds(this.#clock, this.#options, {
      onAlarm: (kind, entry, at) => {
        this.#flow.alarm(kind, entry, at);
      },
      afterAlarms: () => {
        this.#turn();
      },
      onChanged: (id) => {
        this.#outbox.changed(id);
      },
    });
    const source: HealthSource = {
      stopped: () => this.#run.stopped,
      holds: () => this.#holds,
      watching: () => this.#ids.size,
      inFlight: () => this.#requests.size,
      rateCapPerSecond: () => this.#options.maxRequestsPerSecond,
      backlog: (now) => this.#ids.backlog(now),
    };
    this.#health = new HealthReporter(this.#clock, this.#time, source, (health) => {
      callSafely(
        (changed: EngineHealth) => {
          options.observer.onHealth(changed);
        },
        health,
        printError,
      );
    });
    this.#run.wake = new TimerSlot(this.#clock, () => {
      this.#turn();
    });
    this.#policy = options.policy ?? backoffPolicy(this.#options);
    this.#flow = new CheckFlow({
      clock: this.#clock,
      policy: this.#policy,
      random: options.random ?? Math.random,
      ids: this.#ids,
      requests: this.#requests,
      cache: this.#cache,
      health: this.#health,
      outbox: this.#outbox,
      options: () => this.#options,
      holds: () => this.#holds,
      setHolds: (next) => {
        this.#setHolds(next);
      },
      wakeAt: (at) => this.#run.wake?.arm(at),
    });
  }

  /** How many ids are still being checked. */
  get size(): number {
    return this.#ids.size;
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
    return this.#ids.get(messageId) !== undefined;
  }

  /**
   * Starts checking an id: at once (ahead of routine re-checks), or from a status fetched within the cache time.
   * Saved epoch times are converted to monotonic time here, once. Watching an id already watched changes nothing.
   */
  watch(request: WatchRequest): void {
    if (this.#run.stopped || this.#ids.get(request.messageId)) return;
    const now = this.#clock.monotonicNow();
    // A request still in flight from before an unwatch is adopted, not doubled.
    const entry = newEntry(
      request,
      now,
      this.#requests.pending(request.messageId),
      this.#options,
      this.#time,
    );
    this.#ids.add(entry);
    const cached = this.#cache.get(entry.id, now);
    const flow = this.#flow;
    if (cached)
      flow.apply(entry, afterSnapshot(entry, cached.snapshot, cached.at, flow.context(now, null, entry.id)));
    else if (entry.request === null) this.#ids.schedule(entry, now + flow.firstDelay(entry, now));
    this.#soon();
  }

  /**
   * A status SMSBAT pushed (a webhook) for a watched id, dated `at` (epoch ms): the policy learns it at that exact
   * time; a final one ends the watch, or, with `confirm`, is checked once more first; a pending one becomes the last
   * status seen, so the next check counts from it.
   */
  pushed(messageId: string, snapshot: StatusSnapshot, at: number, confirm: boolean): void {
    const entry = this.#ids.get(messageId);
    if (this.#run.stopped || !entry) return;
    const now = this.#clock.monotonicNow();
    const final = isFinalKind(snapshot.kind);
    if (!(final && confirm)) {
      const ageMs = Math.max(0, this.#time.toMonotonic(at) - entry.addedAt);
      this.#policy.observe?.({ messageId, ageMs, nowMs: now, final, snapshot, exact: true });
    }
    if (final && !confirm) {
      this.unwatch(messageId);
      return;
    }
    entry.seen = true;
    entry.lastRaw = snapshot.rawStatus;
    if (final && entry.request === null) this.#ids.schedule(entry, Math.min(entry.dueAt, now));
    this.#outbox.changed(messageId);
    this.#soon();
  }

  /** Stops checking an id; a request already in flight for it is ignored when it returns. */
  unwatch(messageId: string): void {
    if (this.#flow.remove(messageId)) this.#soon();
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
    for (const messageId of messageIds ?? this.#ids.ids()) {
      const entry = this.#run.stopped ? undefined : this.#ids.get(messageId);
      const cached = this.#cache.get(messageId, now) !== undefined;
      if (entry?.request === null && !cached) this.#ids.schedule(entry, Math.min(entry.dueAt, now));
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
   * The computer woke (or the network came back): ends an offline wait, forgets cached statuses and checks every
   * watched id as soon as the rate cap allows, since the monotonic clock may not have counted the time asleep. A
   * pause stays: its ids are checked once the person resumes.
   */
  wake(): void {
    if (this.#run.stopped) return;
    this.#cache.clear();
    this.#setHolds(holds.woke(this.#holds));
    this.refreshNow();
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
    const entry = this.#ids.get(messageId);
    if (this.#run.stopped || !entry) return;
    const monotonic = deadlineAt === null ? null : this.#time.toMonotonic(deadlineAt);
    this.#flow.setDeadline(entry, monotonic, this.#clock.monotonicNow());
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
      this.#ids.setRate(next.maxRequestsPerSecond);
    if (next.concurrency !== previous.concurrency) this.#requests.setConcurrency(next.concurrency);
    if (next.watchWindowMs !== previous.watchWindowMs) this.#ids.setWatchWindow(next.watchWindowMs);
    this.#soon();
  }

  /** Where one watched id stands: next check (epoch ms), in flight, failures in a row, what holds it. */
  facts(messageId: string): ScheduleFacts | null {
    const entry = this.#ids.get(messageId);
    if (!entry) return null;
    const hold = holds.activeHold(this.#holds, this.#clock.monotonicNow());
    return factsOf(entry, hold, (ms) => this.#time.toEpoch(ms));
  }

  /** Stops for good: no new requests, in-flight ones aborted, no timers left, no more reports after this call. */
  stop(): void {
    if (this.#run.stopped) return;
    this.#run.stopped = true;
    this.#run.wake?.disarm();
    this.#ids.stop();
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
    this.#outbox.deliver();
    this.#flow.pump();
    this.#deliver();
  }

  #onAnswer(request: PendingRequest, answer: Answer): void {
    if (this.#run.stopped) return;
    this.#flow.answer(request, answer);
    this.#turn();
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
    this.#outbox.deliver();
    this.#health.update(false);
  }
}
