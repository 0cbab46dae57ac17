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
}

/** The longest wait between two attempts to save after failures. */
const MAX_SAVE_RETRY_MS = 60_000;

/**
 * Saves batches of watch-list changes in order. A batch whose save fails is kept (at its messages' newest state)
 * and saved with the next batch, or on a retry after 1 s, 2 s, 4 s... up to a minute. `close()` ends the retries
 * with one last attempt and rejects if it fails, so a quitting app can tell the user.
 */
export class WatchListSaver {
  readonly #options: WatchListSaverOptions;
  #saving: Promise<void> = Promise.resolve();
  #unsavedUpserts = new Map<string, WatchRecord>();
  #unsavedRemovals = new Set<string>();
  #retryMs = 0;
  #retryTimer: TimerHandle | null = null;
  #closed = false;

  constructor(options: WatchListSaverOptions) {
    this.#options = options;
  }

  /** Queues a batch (with any earlier unsaved changes) for saving. */
  save(change: WatchListChange): void {
    const toSave = this.#withUnsaved(change);
    if (toSave.upserted.length === 0 && toSave.removed.length === 0) return;
    this.#saving = this.#saving.then(() => this.#attempt(toSave));
  }

  /** Resolves once every batch queued so far was attempted. */
  settled(): Promise<void> {
    return this.#saving;
  }

  /**
   * Stops retrying: waits for the saves queued, then saves `last` with whatever failed before in one attempt,
   * rejecting if it fails (what failed stays queued for another `close()`).
   */
  async close(last: WatchListChange): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer !== null) {
      this.#options.clock.clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
    }
    await this.#saving;
    const toSave = this.#withUnsaved(last);
    if (toSave.upserted.length === 0 && toSave.removed.length === 0) return;
    const attempt = this.#options.store.save(toSave);
    this.#saving = attempt.catch(() => {
      this.#requeue(toSave);
    });
    await attempt;
  }

  async #attempt(change: WatchListChange): Promise<void> {
    try {
      await this.#options.store.save(change);
      this.#retryMs = 0;
    } catch (error) {
      callSafely(this.#options.onStoreError, error, this.#options.onListenerError);
      this.#requeue(change);
      this.#retryLater();
    }
  }

  #retryLater(): void {
    if (this.#closed || this.#retryTimer !== null) return;
    this.#retryMs = Math.min(MAX_SAVE_RETRY_MS, Math.max(1000, this.#retryMs * 2));
    this.#retryTimer = this.#options.clock.setTimeout(() => {
      this.#retryTimer = null;
      this.#options.onRetryDue();
    }, this.#retryMs);
  }

  /** Merges the changes whose save failed under the new ones (newer wins) and forgets them. */
  #withUnsaved(change: WatchListChange): WatchListChange {
    if (this.#unsavedUpserts.size === 0 && this.#unsavedRemovals.size === 0) return change;
    const upserts = this.#unsavedUpserts;
    const removals = this.#unsavedRemovals;
    this.#unsavedUpserts = new Map();
    this.#unsavedRemovals = new Set();
    for (const id of change.removed) {
      upserts.delete(id);
      removals.add(id);
    }
    for (const message of change.upserted) {
      removals.delete(message.id);
      upserts.set(message.id, message);
    }
    return { upserted: [...upserts.values()], removed: [...removals] };
  }

  /** Keeps a batch whose save failed (at the messages' current state) for the next save. */
  #requeue(change: WatchListChange): void {
    for (const message of change.upserted) {
      const current = this.#options.current(message.id);
      if (current && !this.#unsavedUpserts.has(message.id)) this.#unsavedUpserts.set(message.id, current);
    }
    for (const id of change.removed) {
      if (!this.#options.current(id)) this.#unsavedRemovals.add(id);
    }
  }
}
