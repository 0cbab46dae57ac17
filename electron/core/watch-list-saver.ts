import { callSafely, type ErrorSink } from './call-safely';
import type { Clock, TimerHandle } from './clock';
import type { WatchListChange, WatchListStore, WatchRecord } from './watch-list-store';

/** What the saver needs from its owner. */
export interface WatchListSaverOptions {
  readonly store: WatchListStore;
  readonly clock: Clock;
  /** The record of an id as it is now (a failed save is retried with the newest state), or undefined if removed. */
  readonly current: (messageId: string) => WatchRecord | undefined;
  /** Called when a save fails; saving is tried again with backoff until `close()`. */
  readonly onStoreError: (error: unknown) => void;
  readonly onListenerError: ErrorSink;
  /** Called when a retry is due, so the owner can save its pending changes with the unsaved ones. */
  readonly onRetryDue: () => void;
  /** Called after each successful save (a failed save's blocker can be lifted). */
  readonly onSaved?: () => void;
}

/** A promise with its settle functions; a rejection nobody awaits is not reported as unhandled. */
interface Waiter {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function waiter(): Waiter {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** The longest wait between two attempts to save after failures. */
const MAX_SAVE_RETRY_MS = 60_000;

/**
 * Saves batches of watch-list changes, one save at a time: batches that arrive while a save is under way are folded
 * into one (the newest state of each message wins), so a slow store costs one save per save's duration, never one
 * per batch. A batch whose save fails is kept (at its messages' newest state) and saved with the next batch, or on
 * a retry after 1 s, 2 s, 4 s... up to a minute. `close()` ends the retries with one last attempt and rejects if it
 * fails, so a quitting app can tell the user.
 */
export class WatchListSaver {
  readonly #options: WatchListSaverOptions;
  #inFlight: Promise<void> | null = null;
  /** Settles when the save under way has committed (or failed). */
  #inFlightWaiter: Waiter | null = null;
  /** Settles when what is queued now has been saved by the next attempt (or that attempt failed). */
  #nextWaiter: Waiter | null = null;
  #queuedUpserts = new Map<string, WatchRecord>();
  #queuedRemovals = new Set<string>();
  #retryMs = 0;
  #retryTimer: TimerHandle | null = null;
  #closed = false;

  constructor(options: WatchListSaverOptions) {
    this.#options = options;
  }

  /**
   * Queues a batch (with any earlier unsaved changes) for saving. Resolves once the batch and everything queued
   * before it are committed; rejects with the store's error when the attempt that carried them failed (they stay
   * queued and are saved again). An empty batch waits for the save under way, if any.
   */
  save(change: WatchListChange): Promise<void> {
    this.#queue(change);
    if (!this.#hasQueued()) return this.#inFlightWaiter?.promise ?? Promise.resolve();
    this.#nextWaiter ??= waiter();
    if (this.#closed) return this.#nextWaiter.promise;
    const saved = this.#nextWaiter.promise;
    this.#saveQueued();
    return saved;
  }

  /** Resolves once no save is under way (what failed waits for its retry). */
  async settled(): Promise<void> {
    while (this.#inFlight !== null) await this.#inFlight;
  }

  /**
   * Stops retrying: waits for the save under way, then saves `last` with everything still unsaved in one attempt,
   * rejecting if it fails (what failed stays queued for another `close()`).
   */
  async close(last: WatchListChange): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer !== null) {
      this.#options.clock.clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
    }
    this.#queue(last);
    await this.settled();
    const toSave = this.#takeQueued();
    const next = this.#nextWaiter;
    this.#nextWaiter = null;
    if (toSave === null) {
      next?.resolve();
      return;
    }
    try {
      await this.#options.store.save(toSave);
      next?.resolve();
    } catch (error) {
      this.#requeue(toSave);
      next?.reject(error);
      throw error;
    }
  }

  /** Starts a save of everything queued, unless one is under way (it starts the next when it ends) or closed. */
  #saveQueued(): void {
    if (this.#inFlight !== null || this.#closed) return;
    const toSave = this.#takeQueued();
    if (toSave === null) return;
    const done = this.#nextWaiter ?? waiter();
    this.#nextWaiter = null;
    this.#inFlightWaiter = done;
    this.#inFlight = this.#attempt(toSave, done).then((saved) => {
      this.#inFlight = null;
      this.#inFlightWaiter = null;
      // After a failure, what was queued meanwhile is tried at once when someone waits for its answer.
      if (saved || this.#nextWaiter !== null) this.#saveQueued();
    });
  }

  /**
   * Saves one change and settles its waiter; on failure keeps the change for the next save and schedules a retry.
   * Resolves to whether it saved.
   */
  async #attempt(change: WatchListChange, done: Waiter): Promise<boolean> {
    try {
      await this.#options.store.save(change);
      this.#retryMs = 0;
      done.resolve();
      if (this.#options.onSaved) callSafely(this.#options.onSaved, undefined, this.#options.onListenerError);
      return true;
    } catch (error) {
      callSafely(this.#options.onStoreError, error, this.#options.onListenerError);
      this.#requeue(change);
      this.#retryLater();
      done.reject(error);
      return false;
    }
  }

  #hasQueued(): boolean {
    return this.#queuedUpserts.size > 0 || this.#queuedRemovals.size > 0;
  }

  #retryLater(): void {
    if (this.#closed || this.#retryTimer !== null) return;
    this.#retryMs = Math.min(MAX_SAVE_RETRY_MS, Math.max(1000, this.#retryMs * 2));
    this.#retryTimer = this.#options.clock.setTimeout(() => {
      this.#retryTimer = null;
      this.#options.onRetryDue();
      this.#saveQueued();
    }, this.#retryMs);
  }

  /** Merges a change over what is queued: the newest state of each message wins. */
  #queue(change: WatchListChange): void {
    for (const id of change.removed) {
      this.#queuedUpserts.delete(id);
      this.#queuedRemovals.add(id);
    }
    for (const message of change.upserted) {
      this.#queuedRemovals.delete(message.id);
      this.#queuedUpserts.set(message.id, message);
    }
  }

  /** Everything queued, as one change, or null when nothing is. */
  #takeQueued(): WatchListChange | null {
    if (this.#queuedUpserts.size === 0 && this.#queuedRemovals.size === 0) return null;
    const change = { upserted: [...this.#queuedUpserts.values()], removed: [...this.#queuedRemovals] };
    this.#queuedUpserts = new Map();
    this.#queuedRemovals = new Set();
    return change;
  }

  /** Puts a change whose save failed back in the queue, at its messages' current state, under anything newer. */
  #requeue(change: WatchListChange): void {
    for (const message of change.upserted) {
      const current = this.#options.current(message.id);
      if (current && !this.#queuedUpserts.has(message.id) && !this.#queuedRemovals.has(message.id))
        this.#queuedUpserts.set(message.id, current);
    }
    for (const id of change.removed) {
      if (!this.#options.current(id) && !this.#queuedUpserts.has(id)) this.#queuedRemovals.add(id);
    }
  }
}
