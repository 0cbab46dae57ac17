import { setMaxListeners } from 'node:events';
import FlatQueue from 'flatqueue';
import type { LegacyHealth } from '../../shared/legacy-health';
import type { StatusSnapshot } from '../../shared/message';
import { isFinalKind } from '../../shared/status';
import { MAX_TIMER_DELAY_MS, systemClock, type Clock, type TimerHandle } from './clock';
import { AuthError, NotFoundError, RateLimitedError, SmsbatError, isConnectivityError } from './errors';
import { numberOption } from './option-checks';
import { RatePacer } from './rate-pacer';
import { StatusCache } from './status-cache';
import type { StatusClient } from './status-client';

/** No message id is ever requested more often than this, whatever else asks for it. */
export const MIN_PER_ID_GAP_MS = 1000;

/** SMSBAT's documented limit for the status endpoint; the scheduler's rate cap may not exceed it. */
export const SMSBAT_STATUS_RATE_LIMIT = 50;

/** What the scheduler reports as checks complete. Calls are synchronous and must not throw. */
export interface PollObserver {
  /** A check succeeded (or a cached result was reused). */
  onSnapshot(messageId: string, snapshot: StatusSnapshot, at: number): void;
  /** A check failed and will be retried later; `error` is one of the SmsbatError kinds. */
  onCheckFailed(messageId: string, error: SmsbatError, at: number): void;
  /** SMSBAT kept answering 404 after the retries a just-sent id gets: the id is no longer checked. */
  onNotFound(messageId: string, at: number): void;
  /** The watch window ended before a final status: the id is no longer checked. */
  onGaveUp(messageId: string, at: number): void;
  /** The id's deadline passed without a final status (it is still checked). */
  onOverdue(messageId: string, at: number): void;
  /** The engine as a whole changed state (offline, rate limited, credentials rejected...). */
  onHealth(health: LegacyHealth): void;
}

/** Tuning of the scheduler. Every field is optional; the defaults follow SMSBAT's polling guidance. */
export interface PollSchedulerOptions {
  readonly client: StatusClient;
  readonly observer: PollObserver;
  /** @default systemClock */
  readonly clock?: Clock;
  /** Random source in [0, 1) for jitter. @default Math.random */
  readonly random?: () => number;
  /** The most requests started in any one second, across all ids (SMSBAT allows 50). @default 10 */
  readonly maxRequestsPerSecond?: number;
  /** The most requests in flight at once. @default 4 */
  readonly concurrency?: number;
  /** Delay before the second check of an id, and after each status change. @default 5_000 */
  readonly initialIntervalMs?: number;
  /** The longest delay between two checks of a pending id during the first `lateAfterMs` of its watch. @default 60_000 */
  readonly maxIntervalMs?: number;
  /** Age of a watch after which its checks may grow further apart, up to `lateMaxIntervalMs`. @default 3_600_000 */
  readonly lateAfterMs?: number;
  /** The longest delay between two checks of a pending id older than `lateAfterMs`. @default 600_000 */
  readonly lateMaxIntervalMs?: number;
  /** How much the delay grows after each check that saw no change. @default 1.4 */
  readonly backoffFactor?: number;
  /** Random spread of each delay, as a fraction of it. @default 0.1 */
  readonly jitterRatio?: number;
  /** How long after being added an id is given to reach a final status before the monitor gives up. @default 86_400_000 */
  readonly watchWindowMs?: number;
  /** How many 404s a just-sent id is forgiven before it is reported not found. @default 3 */
  readonly notFoundRetries?: number;
  /** How long a fetched status is reused for repeated adds and refreshes. @default 30_000 */
  readonly cacheTtlMs?: number;
  /** Connection failures in a row (with no success between) after which the engine reports offline. @default 3 */
  readonly offlineAfterFailures?: number;
  /** The longest pause after 429s or while offline, when the server gives no `Retry-After`. @default 60_000 */
  readonly maxGlobalBackoffMs?: number;
}

/** An id to watch and what is already known of it (when resuming after a restart). */
export interface WatchRequest {
  readonly messageId: string;
  /** When the watch began; the watch window counts from here. */
  readonly addedAt: number;
  /** When a final status is expected by, or null. */
  readonly deadlineAt?: number | null;
  /** Whether the deadline was already reported missed. */
  readonly overdueReported?: boolean;
  /** The last status seen, so a change after a restart still counts as a change. */
  readonly lastRawStatus?: string | null;
  readonly lastCheckedAt?: number | null;
}

interface Entry {
  readonly id: string;
  readonly addedAt: number;
  readonly deadlineAt: number | null;
  overdueReported: boolean;
  dueAt: number;
  intervalMs: number;
  lastRequestAt: number;
  lastRaw: string | null;
  notFoundCount: number;
  failureCount: number;
  inFlight: boolean;
}

/**
 * Decides when each watched message is checked and runs the checks, within a global rate cap, a concurrency cap
 * and at most one request per id per second. Due times live in a priority queue, so the cost of a tick does not
 * grow with the number of ids. Checks back off while nothing changes, speed up after a change, stop at a final
 * status, and stop at the end of the watch window. 429s pause every request; rejected credentials pause
 * everything until they change; when every request fails to connect the engine waits, probing with backoff,
 * and resumes by itself.
 */
export class PollScheduler {
  readonly #client: StatusClient;
  readonly #observer: PollObserver;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #concurrency: number;
  readonly #initialIntervalMs: number;
  readonly #maxIntervalMs: number;
  readonly #lateAfterMs: number;
  readonly #lateMaxIntervalMs: number;
  readonly #backoffFactor: number;
  readonly #jitterRatio: number;
  readonly #watchWindowMs: number;
  readonly #notFoundRetries: number;
  readonly #offlineAfterFailures: number;
  readonly #maxGlobalBackoffMs: number;
  readonly #pacer: RatePacer;
  readonly #cache: StatusCache;

  readonly #entries = new Map<string, Entry>();
  #queue = new FlatQueue<string>();
  #timer: TimerHandle | null = null;
  #timerAt = Number.POSITIVE_INFINITY;
  #pumpQueued = false;
  #inFlight = 0;
  /** When each id's request in flight started, kept even if the id is unwatched meanwhile. */
  readonly #inFlightSince = new Map<string, number>();
  #abort = new AbortController();
  /** Bumped on every credentials change, so a 401 to a request sent with old credentials is not held against new ones. */
  #credentialsGeneration = 0;
  /** Ids waiting out the offline pause, checked at once when `resume()` is called. */
  readonly #parkedWhileOffline = new Set<string>();

  #stopped = false;
  #paused = false;
  #authMessage: string | null = null;
  #rateHoldUntil = 0;
  #rateLimitStreak = 0;
  #offlineSince: number | null = null;
  #offlineHoldUntil = 0;
  #offlineStreak = 0;
  #offlineMessage = '';
  #connectFailuresInRow = 0;
  #health: LegacyHealth = { state: 'idle' };

  constructor(options: PollSchedulerOptions) {
    this.#client = options.client;
    this.#observer = options.observer;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    const rate = numberOption('maxRequestsPerSecond', options.maxRequestsPerSecond, 10, {
      min: 0,
      minInclusive: false,
      max: SMSBAT_STATUS_RATE_LIMIT,
    });
    this.#concurrency = numberOption('concurrency', options.concurrency, 4, { min: 1, integer: true });
    this.#initialIntervalMs = numberOption('initialIntervalMs', options.initialIntervalMs, 5_000, {
      min: MIN_PER_ID_GAP_MS,
    });
    this.#maxIntervalMs = numberOption('maxIntervalMs', options.maxIntervalMs, 60_000, {
      min: this.#initialIntervalMs,
    });
    this.#lateAfterMs = numberOption('lateAfterMs', options.lateAfterMs, 3_600_000, { min: 0 });
    this.#lateMaxIntervalMs = numberOption('lateMaxIntervalMs', options.lateMaxIntervalMs, 600_000, {
      min: this.#maxIntervalMs,
    });
    this.#backoffFactor = numberOption('backoffFactor', options.backoffFactor, 1.4, { min: 1 });
    this.#jitterRatio = numberOption('jitterRatio', options.jitterRatio, 0.1, { min: 0, max: 0.5 });
    this.#watchWindowMs = numberOption('watchWindowMs', options.watchWindowMs, 86_400_000, {
      min: 0,
      minInclusive: false,
    });
    this.#notFoundRetries = numberOption('notFoundRetries', options.notFoundRetries, 3, {
      min: 0,
      integer: true,
    });
    this.#offlineAfterFailures = numberOption('offlineAfterFailures', options.offlineAfterFailures, 3, {
      min: 1,
      integer: true,
    });
    this.#maxGlobalBackoffMs = numberOption('maxGlobalBackoffMs', options.maxGlobalBackoffMs, 60_000, {
      min: 1000,
    });
    this.#pacer = new RatePacer(rate);
    // Every request in flight listens on the one stop signal.
    setMaxListeners(this.#concurrency + 10, this.#abort.signal);
    this.#cache = new StatusCache(numberOption('cacheTtlMs', options.cacheTtlMs, 30_000, { min: 0 }));
  }

  /** How many ids are still being checked. */
  get size(): number {
    return this.#entries.size;
  }

  /** The engine's current state. */
  get health(): LegacyHealth {
    return this.#health;
  }

  /** Whether `messageId` is still being checked. */
  isWatching(messageId: string): boolean {
    return this.#entries.has(messageId);
  }

  /**
   * Starts checking an id: at once, or from a status fetched within the cache time. Adding an id already
   * watched changes nothing.
   */
  watch(request: WatchRequest): void {
    if (this.#stopped || this.#entries.has(request.messageId)) return;
    const now = this.#clock.now();
    const lastCheckedAt = Math.min(request.lastCheckedAt ?? Number.NEGATIVE_INFINITY, now);
    const entry: Entry = {
      id: request.messageId,
      addedAt: request.addedAt,
      deadlineAt: request.deadlineAt ?? null,
      overdueReported: request.overdueReported ?? false,
      dueAt: now,
      intervalMs: this.#initialIntervalMs,
      lastRequestAt: Math.max(
        lastCheckedAt,
        this.#inFlightSince.get(request.messageId) ?? Number.NEGATIVE_INFINITY,
      ),
      lastRaw: request.lastRawStatus ?? null,
      notFoundCount: 0,
      failureCount: 0,
      inFlight: false,
    };
    this.#entries.set(entry.id, entry);
    const cached = this.#cache.get(entry.id, now);
    if (cached) {
      this.#observer.onSnapshot(entry.id, cached.snapshot, cached.at);
      this.#afterSnapshot(entry, cached.snapshot, now);
    } else {
      this.#enqueue(entry, Math.max(now, entry.lastRequestAt + MIN_PER_ID_GAP_MS));
    }
    this.#pumpSoon();
    this.#updateHealth();
  }

  /** Stops checking an id; a request already in flight for it is ignored when it returns. */
  unwatch(messageId: string): void {
    this.#entries.delete(messageId);
    this.#updateHealth();
  }

  /**
   * Checks the given ids (or every watched id) as soon as the rate cap allows, except those fetched within the
   * cache time or in flight. Returns how many were queued.
   */
  refreshNow(messageIds?: Iterable<string>): number {
    if (this.#stopped) return 0;
    const now = this.#clock.now();
    let queued = 0;
    for (const entry of this.#selectEntries(messageIds)) {
      if (entry.inFlight || this.#cache.get(entry.id, now)) continue;
      this.#enqueue(entry, Math.max(now, entry.lastRequestAt + MIN_PER_ID_GAP_MS));
      queued += 1;
    }
    this.#pumpSoon();
    return queued;
  }

  /** Stops starting requests until `resume()`. */
  pause(): void {
    if (this.#stopped) return;
    this.#paused = true;
    this.#disarm();
    this.#updateHealth();
  }

  /**
   * Starts requests again. Also clears the offline wait, so waking from sleep or coming back online checks at
   * once. It does not lift a pause for rejected credentials: `credentialsChanged()` does.
   */
  resume(): void {
    if (this.#stopped) return;
    this.#paused = false;
    this.#clearOffline(this.#clock.now());
    this.#pumpSoon();
    this.#updateHealth();
  }

  /** The credentials were replaced: forget cached results and the auth failure, and check again. */
  credentialsChanged(): void {
    if (this.#stopped) return;
    this.#authMessage = null;
    this.#credentialsGeneration += 1;
    this.#cache.clear();
    this.#pumpSoon();
    this.#updateHealth();
  }

  /** Stops for good: no new requests, in-flight ones aborted, no more reports. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#disarm();
    this.#abort.abort();
    this.#setHealth({ state: 'stopped' });
  }

  *#selectEntries(messageIds: Iterable<string> | undefined): Iterable<Entry> {
    if (messageIds === undefined) {
      yield* this.#entries.values();
      return;
    }
    for (const id of messageIds) {
      const entry = this.#entries.get(id);
      if (entry) yield entry;
    }
  }

  #enqueue(entry: Entry, dueAt: number): void {
    entry.dueAt = dueAt;
    this.#queue.push(entry.id, dueAt);
    this.#compactQueueIfBloated();
  }

  /** Stale queue items (rescheduled or removed ids) are skipped lazily; rebuild when they dominate. */
  #compactQueueIfBloated(): void {
    if (this.#queue.length <= 4 * this.#entries.size + 1024) return;
    const queue = new FlatQueue<string>();
    for (const entry of this.#entries.values()) {
      if (!entry.inFlight) queue.push(entry.id, entry.dueAt);
    }
    this.#queue = queue;
  }

  #pumpSoon(): void {
    if (this.#pumpQueued) return;
    this.#pumpQueued = true;
    queueMicrotask(() => {
      this.#pumpQueued = false;
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#stopped || this.#paused || this.#authMessage !== null) return;
    const now = this.#clock.now();
    const holdUntil = Math.max(this.#rateHoldUntil, this.#offlineHoldUntil);
    if (holdUntil > now) {
      this.#arm(holdUntil);
      return;
    }
    this.#updateHealth();
    while (this.#inFlight < this.#concurrency) {
      const entry = this.#peekDue();
      if (!entry) {
        this.#disarm();
        return;
      }
      const startAt = Math.max(entry.dueAt, this.#pacer.nextSlot(now));
      if (startAt > now) {
        this.#arm(startAt);
        return;
      }
      this.#queue.pop();
      this.#dispatch(entry, now);
    }
  }

  #peekDue(): Entry | undefined {
    while (this.#queue.length > 0) {
      const id = this.#queue.peek();
      const dueAt = this.#queue.peekValue();
      const entry = id === undefined ? undefined : this.#entries.get(id);
      if (entry && !entry.inFlight && entry.dueAt === dueAt) return entry;
      this.#queue.pop();
    }
    return undefined;
  }

  #dispatch(entry: Entry, now: number): void {
    entry.inFlight = true;
    entry.lastRequestAt = now;
    this.#pacer.take(now);
    this.#inFlight += 1;
    this.#inFlightSince.set(entry.id, now);
    void this.#check(entry, this.#abort.signal, this.#credentialsGeneration);
  }

  async #check(entry: Entry, signal: AbortSignal, generation: number): Promise<void> {
    let snapshot: StatusSnapshot | undefined;
    let failure: unknown;
    try {
      snapshot = await this.#client.getStatus(entry.id, signal);
    } catch (error) {
      failure = error;
    }
    this.#inFlight -= 1;
    entry.inFlight = false;
    if (this.#inFlightSince.get(entry.id) === entry.lastRequestAt) this.#inFlightSince.delete(entry.id);
    if (this.#stopped) return;
    if (this.#entries.get(entry.id) === entry) {
      const at = this.#clock.now();
      if (snapshot) this.#onSuccess(entry, snapshot, at);
      else this.#onFailure(entry, failure, at, generation);
    }
    this.#pump();
  }

  #onSuccess(entry: Entry, snapshot: StatusSnapshot, at: number): void {
    this.#rateLimitStreak = 0;
    this.#clearOffline(at);
    entry.notFoundCount = 0;
    entry.failureCount = 0;
    this.#cache.set(entry.id, snapshot, at);
    this.#observer.onSnapshot(entry.id, snapshot, at);
    this.#afterSnapshot(entry, snapshot, at);
    this.#updateHealth();
  }

  #afterSnapshot(entry: Entry, snapshot: StatusSnapshot, at: number): void {
    if (isFinalKind(snapshot.kind)) {
      this.#entries.delete(entry.id);
      return;
    }
    const changed = entry.lastRaw !== snapshot.rawStatus;
    entry.intervalMs = changed
      ? this.#initialIntervalMs
      : Math.min(this.#intervalCap(entry, at), entry.intervalMs * this.#backoffFactor);
    entry.lastRaw = snapshot.rawStatus;
    this.#reportOverdue(entry, at);
    this.#scheduleNext(entry, at, entry.intervalMs);
  }

  #onFailure(entry: Entry, error: unknown, at: number, generation: number): void {
    const failure = asSmsbatError(error);
    // Any HTTP answer, even an error, means SMSBAT is reachable.
    if (failure.httpStatus !== null) this.#clearOffline(at);
    this.#reportOverdue(entry, at);
    if (failure instanceof AuthError) {
      // A 401 to a request sent before the credentials changed says nothing about the new ones.
      if (generation === this.#credentialsGeneration) this.#authMessage = failure.message;
      this.#holdEntry(entry, at, at);
    } else if (failure instanceof RateLimitedError) {
      this.#onRateLimited(entry, failure, at);
    } else if (failure instanceof NotFoundError) {
      this.#onNotFound(entry, failure, at);
    } else if (isConnectivityError(failure)) {
      this.#onConnectFailure(entry, failure, at);
    } else {
      this.#observer.onCheckFailed(entry.id, failure, at);
      this.#backOffEntry(entry, at);
    }
    this.#updateHealth();
  }

  #onRateLimited(entry: Entry, error: RateLimitedError, at: number): void {
    // Requests in flight together all get the 429: count one step of backoff for the lot.
    if (at >= this.#rateHoldUntil) this.#rateLimitStreak += 1;
    const delay =
      error.retryAfterMs === null
        ? this.#globalBackoff(this.#rateLimitStreak)
        : Math.min(Math.max(error.retryAfterMs, 1000), MAX_TIMER_DELAY_MS);
    this.#rateHoldUntil = Math.max(this.#rateHoldUntil, at + delay);
    this.#holdEntry(entry, at, this.#rateHoldUntil);
  }

  #onNotFound(entry: Entry, error: NotFoundError, at: number): void {
    entry.notFoundCount += 1;
    if (entry.notFoundCount > this.#notFoundRetries) {
      this.#entries.delete(entry.id);
      this.#observer.onNotFound(entry.id, at);
      return;
    }
    this.#observer.onCheckFailed(entry.id, error, at);
    this.#scheduleNext(entry, at, this.#initialIntervalMs * 2 ** (entry.notFoundCount - 1));
  }

  #onConnectFailure(entry: Entry, error: SmsbatError, at: number): void {
    this.#connectFailuresInRow += 1;
    this.#observer.onCheckFailed(entry.id, error, at);
    if (this.#connectFailuresInRow < this.#offlineAfterFailures) {
      this.#backOffEntry(entry, at);
      return;
    }
    // Everything fails: wait for the network as a whole, probing with backoff, without penalising each id.
    if (at >= this.#offlineHoldUntil) this.#offlineStreak += 1;
    this.#offlineSince ??= at;
    this.#offlineMessage = error.message;
    this.#offlineHoldUntil = Math.max(this.#offlineHoldUntil, at + this.#globalBackoff(this.#offlineStreak));
    if (this.#holdEntry(entry, at, this.#offlineHoldUntil)) this.#parkedWhileOffline.add(entry.id);
  }

  /** SMSBAT is reachable again (or the host says so): end the offline pause and check the parked ids now. */
  #clearOffline(now: number): void {
    this.#connectFailuresInRow = 0;
    this.#offlineStreak = 0;
    this.#offlineSince = null;
    this.#offlineHoldUntil = 0;
    for (const id of this.#parkedWhileOffline) {
      const entry = this.#entries.get(id);
      if (entry && !entry.inFlight)
        this.#enqueue(entry, Math.max(now, entry.lastRequestAt + MIN_PER_ID_GAP_MS));
    }
    this.#parkedWhileOffline.clear();
  }

  /**
   * Puts an id back to wait out a global pause (429, offline, rejected credentials) without counting it against
   * the id, unless its watch window is over. Returns whether it is still watched.
   */
  #holdEntry(entry: Entry, at: number, until: number): boolean {
    if (at >= entry.addedAt + this.#watchWindowMs) {
      this.#giveUp(entry, at);
      return false;
    }
    this.#enqueue(entry, Math.max(until, entry.lastRequestAt + MIN_PER_ID_GAP_MS));
    return true;
  }

  #backOffEntry(entry: Entry, at: number): void {
    entry.failureCount += 1;
    const delay = Math.min(
      this.#intervalCap(entry, at),
      this.#initialIntervalMs * 2 ** (entry.failureCount - 1),
    );
    this.#scheduleNext(entry, at, delay);
  }

  /** Young watches are checked at least every `maxIntervalMs`; old ones may wait up to `lateMaxIntervalMs`. */
  #intervalCap(entry: Entry, at: number): number {
    return at - entry.addedAt < this.#lateAfterMs ? this.#maxIntervalMs : this.#lateMaxIntervalMs;
  }

  #globalBackoff(streak: number): number {
    return Math.min(this.#maxGlobalBackoffMs, 1000 * 2 ** (streak - 1));
  }

  #scheduleNext(entry: Entry, at: number, delayMs: number): void {
    const giveUpAt = entry.addedAt + this.#watchWindowMs;
    if (at >= giveUpAt) {
      this.#giveUp(entry, at);
      return;
    }
    let dueAt = at + this.#jitter(delayMs);
    if (entry.deadlineAt !== null && !entry.overdueReported && entry.deadlineAt > at) {
      dueAt = Math.min(dueAt, entry.deadlineAt);
    }
    dueAt = Math.max(Math.min(dueAt, giveUpAt), entry.lastRequestAt + MIN_PER_ID_GAP_MS);
    this.#enqueue(entry, dueAt);
  }

  #reportOverdue(entry: Entry, at: number): void {
    if (entry.deadlineAt === null || entry.overdueReported || at < entry.deadlineAt) return;
    entry.overdueReported = true;
    this.#observer.onOverdue(entry.id, at);
  }

  #giveUp(entry: Entry, at: number): void {
    this.#entries.delete(entry.id);
    this.#observer.onGaveUp(entry.id, at);
    this.#updateHealth();
  }

  #jitter(delayMs: number): number {
    return delayMs * (1 + this.#jitterRatio * (2 * this.#random() - 1));
  }

  #arm(at: number): void {
    if (this.#timer !== null && this.#timerAt === at) return;
    this.#disarm();
    this.#timerAt = at;
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = null;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#pump();
      },
      Math.min(at - this.#clock.now(), MAX_TIMER_DELAY_MS),
    );
  }

  #disarm(): void {
    if (this.#timer === null) return;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  #updateHealth(): void {
    if (!this.#stopped) this.#setHealth(this.#currentHealth(this.#clock.now()));
  }

  #currentHealth(now: number): LegacyHealth {
    if (this.#paused) return { state: 'paused' };
    if (this.#authMessage !== null) return { state: 'auth_failed', message: this.#authMessage };
    if (this.#offlineSince !== null) {
      return {
        state: 'offline',
        since: this.#offlineSince,
        retryAt: Math.max(now, this.#offlineHoldUntil),
        message: this.#offlineMessage,
      };
    }
    if (this.#rateHoldUntil > now) {
      return {
        state: 'rate_limited',
        resumesAt: this.#rateHoldUntil,
        message: 'SMSBAT answered 429 Too Many Requests.',
      };
    }
    return this.#entries.size === 0 ? { state: 'idle' } : { state: 'running' };
  }

  #setHealth(health: LegacyHealth): void {
    if (sameHealth(this.#health, health)) return;
    this.#health = health;
    this.#observer.onHealth(health);
  }
}

function sameHealth(a: LegacyHealth, b: LegacyHealth): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Anything thrown by a client that is not an SmsbatError (a bug, an abort) is treated as a connection failure. */
function asSmsbatError(error: unknown): SmsbatError {
  if (error instanceof SmsbatError) return error;
  return new UnexpectedFailure(error instanceof Error ? error.message : String(error), { cause: error });
}

class UnexpectedFailure extends SmsbatError {
  readonly kind = 'network' as const;
}
