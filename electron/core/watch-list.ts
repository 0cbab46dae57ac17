import type { StatusSnapshot, WatchPhase } from '../../shared/message';
import { MAX_HISTORY_ENTRIES } from '../../shared/record-bounds';
import { callSafely, printError, type ErrorSink } from './call-safely';
import { systemClock, type Clock, type TimerHandle } from './clock';
import type { SmsbatError } from './errors';
import { numberOption } from './option-checks';
import { WatchListSaver } from './watch-list-saver';
import { fromSaved, newWatch, normaliseLabel, withError, withSnapshot } from './watch-record';

export { MAX_LABEL_LENGTH } from './watch-record';
import type { SavedRecord, WatchListChange, WatchListStore, WatchRecord } from './watch-list-store';
import { InMemoryWatchListStore } from './watch-list-store';
import { recordWithPushed, type PushedOutcome } from './webhook/apply-pushed';
import type { WebhookStatus } from './webhook/webhook-payload';

/** Options of the watch list. */
export interface WatchListOptions {
  /** @default an in-memory store */
  readonly store?: WatchListStore;
  /** @default systemClock */
  readonly clock?: Clock;
  /** Changes within this long of each other are reported (and saved) as one batch. @default 50 */
  readonly batchWindowMs?: number;
  /** History entries kept per message (live, loaded or imported); the first and the newest survive. @default 50 */
  readonly maxHistoryEntries?: number;
  /** Called when saving a batch fails; the change stays in memory and saving is tried again with backoff until `close()`. */
  readonly onStoreError?: (error: unknown) => void;
  /** Called after each batch saved. */
  readonly onStoreSaved?: () => void;
  /** Where errors thrown by change listeners go. @default printed to stderr */
  readonly onListenerError?: ErrorSink;
}

/** How to watch newly added ids. */
export interface AddOptions {
  /** A name for the group, e.g. "Black Friday campaign"; trimmed, at most 100 characters. */
  readonly label?: string | null;
  /** Expect a final status within this many ms of adding (one-time codes); flags the message overdue after. */
  readonly deadlineMs?: number | null;
}

/** What an add did: ids that are now watched (new, or restarted after giving up) and ids that already were. */
export interface AddResult {
  readonly added: readonly WatchRecord[];
  readonly alreadyWatched: readonly string[];
}

/** Listener for batches of changes. */
export type WatchListListener = (change: WatchListChange) => void;

/**
 * The state of every watched message and the history of its status changes. Each update replaces the message's
 * object (nothing is mutated in place), and listeners get one event for everything that changed in a batch, which
 * is also what is saved.
 */
export class WatchList {
  readonly #store: WatchListStore;
  readonly #clock: Clock;
  readonly #batchWindowMs: number;
  readonly #maxHistoryEntries: number;
  readonly #onListenerError: ErrorSink;
  readonly #saver: WatchListSaver;
  readonly #messages = new Map<string, WatchRecord>();
  readonly #listeners = new Set<WatchListListener>();
  #pendingUpserts = new Map<string, WatchRecord>();
  #pendingRemovals = new Set<string>();
  #flushTimer: TimerHandle | null = null;
  /** Ids removed while a load is running: the load must not bring them back. */
  #removedWhileLoading: Set<string> | null = null;

  constructor(options: WatchListOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#batchWindowMs = numberOption('batchWindowMs', options.batchWindowMs, 50, { min: 0 });
    this.#maxHistoryEntries = numberOption(
      'maxHistoryEntries',
      options.maxHistoryEntries,
      MAX_HISTORY_ENTRIES,
      {
        min: 2,
        integer: true,
      },
    );
    this.#onListenerError = options.onListenerError ?? printError;
    this.#store = options.store ?? new InMemoryWatchListStore();
    this.#saver = new WatchListSaver({
      store: this.#store,
      clock: this.#clock,
      current: (id) => this.#messages.get(id),
      onStoreError: options.onStoreError ?? (() => undefined),
      onListenerError: this.#onListenerError,
      onRetryDue: () => {
        this.#emitBatch();
      },
      ...(options.onStoreSaved === undefined ? {} : { onSaved: options.onStoreSaved }),
    });
  }

  /**
   * Reads the saved messages into memory and returns those it added: none already on the list (added or
   * changed meanwhile) and none removed while it ran. Records saved without an acknowledgement load unacknowledged.
   */
  async load(): Promise<readonly WatchRecord[]> {
    const removed = new Set<string>();
    this.#removedWhileLoading = removed;
    let saved: readonly SavedRecord[];
    try {
      saved = await this.#store.load();
    } finally {
      this.#removedWhileLoading = null;
    }
    const loaded: WatchRecord[] = [];
    for (const message of saved) {
      if (this.#messages.has(message.id) || removed.has(message.id)) continue;
      const record = fromSaved(message, this.#maxHistoryEntries);
      this.#messages.set(record.id, record);
      loaded.push(record);
    }
    return loaded;
  }

  /** How many messages are on the list. */
  get size(): number {
    return this.#messages.size;
  }

  /** One message, if watched. */
  get(messageId: string): WatchRecord | undefined {
    return this.#messages.get(messageId);
  }

  /** Every message, in the order added. */
  all(): WatchRecord[] {
    return [...this.#messages.values()];
  }

  /** Subscribes to batches of changes; returns the unsubscribe function. */
  onChange(listener: WatchListListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Adds ids to the list. Ids already watched are left as they are, except those that gave up or were not
   * found: those start a new watch (keeping their history).
   */
  add(messageIds: readonly string[], options: AddOptions = {}): AddResult {
    const label = normaliseLabel(options.label);
    const deadlineMs =
      options.deadlineMs == null
        ? null
        : numberOption('deadlineMs', options.deadlineMs, 0, { min: 0, minInclusive: false });
    const now = this.#clock.now();
    const added: WatchRecord[] = [];
    const alreadyWatched: string[] = [];
    for (const id of messageIds) {
      const existing = this.#messages.get(id);
      if (existing && (existing.phase === 'watching' || existing.phase === 'final')) {
        alreadyWatched.push(id);
        continue;
      }
      const message = newWatch(id, existing, now, label, deadlineMs === null ? null : now + deadlineMs);
      this.#put(message);
      added.push(message);
    }
    return { added, alreadyWatched };
  }

  /**
   * Puts saved records (an import) on the list as they are, except ids already on it; returns those it added.
   * Records saved without an acknowledgement come back unacknowledged.
   */
  restore(records: readonly SavedRecord[]): WatchRecord[] {
    const restored: WatchRecord[] = [];
    for (const saved of records) {
      if (this.#messages.has(saved.id)) continue;
      const record = fromSaved(saved, this.#maxHistoryEntries);
      this.#put(record);
      restored.push(record);
    }
    return restored;
  }

  /** Removes ids from the list; returns those that were on it. */
  remove(messageIds: Iterable<string>): string[] {
    const removed: string[] = [];
    for (const id of messageIds) {
      this.#removedWhileLoading?.add(id);
      if (!this.#messages.delete(id)) continue;
      this.#pendingUpserts.delete(id);
      this.#pendingRemovals.add(id);
      removed.push(id);
    }
    if (removed.length > 0) this.#scheduleFlush();
    return removed;
  }

  /** Removes every message whose watch ended (final, not found, gave up); returns their ids. */
  removeFinished(): string[] {
    return this.remove(
      this.all()
        .filter((message) => message.phase !== 'watching')
        .map((message) => message.id),
    );
  }

  /** Sets (or clears, with null) the label of messages on the list; returns those it changed. */
  setLabel(messageIds: Iterable<string>, label: string | null): string[] {
    const normalised = normaliseLabel(label);
    return this.#update(messageIds, (message) =>
      message.label === normalised ? null : { ...message, label: normalised },
    );
  }

  /**
   * Sets (or clears) when a final status is expected by, for messages still watched; a new deadline can be
   * missed again. Returns the ids it changed.
   */
  setDeadline(messageIds: Iterable<string>, deadlineAt: number | null): string[] {
    return this.#update(messageIds, (message) => {
      if (message.phase !== 'watching' || message.deadlineAt === deadlineAt) return null;
      return { ...message, deadlineAt, overdue: false };
    });
  }

  /** Marks messages as seen by a person (or not); returns the ids it changed. */
  setAcknowledged(messageIds: Iterable<string>, acknowledged: boolean): string[] {
    return this.#update(messageIds, (message) =>
      message.acknowledged === acknowledged ? null : { ...message, acknowledged },
    );
  }

  /**
   * Records a status check. A final status is never replaced by a non-final one (answers can arrive out of
   * order); a new status is appended to the history.
   */
  recordSnapshot(messageId: string, snapshot: StatusSnapshot, at: number): void {
    const message = this.#messages.get(messageId);
    if (message) this.#put(withSnapshot(message, snapshot, at, this.#maxHistoryEntries));
  }

  /** Applies a status SMSBAT pushed (a webhook) as `recordWithPushed` decides; says what it did. */
  recordPushed(pushed: WebhookStatus): PushedOutcome {
    const message = this.#messages.get(pushed.messageId);
    if (!message) return 'not_watched';
    const result = recordWithPushed(message, pushed, this.#maxHistoryEntries);
    if (result.record !== message) this.#put(result.record);
    return result.outcome;
  }

  /** Records a failed check; the message keeps its last known status. */
  recordError(messageId: string, error: SmsbatError, at: number): void {
    const message = this.#messages.get(messageId);
    if (message) this.#put(withError(message, error, at));
  }

  /** SMSBAT does not know the id: it is no longer checked. */
  markNotFound(messageId: string, at: number): void {
    this.#setPhase(messageId, 'not_found', at);
  }

  /** The watch window ended before a final status: the id is no longer checked. */
  markGaveUp(messageId: string, at: number): void {
    this.#setPhase(messageId, 'gave_up', at);
  }

  /** The deadline passed with no final status. */
  markOverdue(messageId: string): void {
    const message = this.#messages.get(messageId);
    if (message && !message.overdue) this.#put({ ...message, overdue: true });
  }

  /**
   * Emits and saves the pending batch now; resolves once every change made so far is committed to the store, and
   * rejects with the store's error when that save failed (the changes stay in memory and are saved again).
   */
  persisted(): Promise<void> {
    this.#cancelFlushTimer();
    return this.#saver.save(this.#announceBatch());
  }

  /** Emits and saves the pending batch now; resolves once it (and any earlier save) was attempted. */
  async flush(): Promise<void> {
    this.#emitNow();
    await this.#saver.settled();
  }

  /**
   * Emits the pending batch, stops retrying failed saves, and saves what is unsaved one last time: rejects when
   * that fails. Later changes are still announced but saved only by another `close()`.
   */
  async close(): Promise<void> {
    this.#cancelFlushTimer();
    await this.#saver.close(this.#announceBatch());
  }

  #emitNow(): void {
    this.#cancelFlushTimer();
    this.#emitBatch();
  }

  #cancelFlushTimer(): void {
    if (this.#flushTimer === null) return;
    this.#clock.clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
  }

  #update(messageIds: Iterable<string>, change: (message: WatchRecord) => WatchRecord | null): string[] {
    const changed: string[] = [];
    for (const id of new Set(messageIds)) {
      const message = this.#messages.get(id);
      const next = message ? change(message) : null;
      if (next === null) continue;
      this.#put(next);
      changed.push(id);
    }
    return changed;
  }

  #setPhase(messageId: string, phase: WatchPhase, at: number): void {
    const message = this.#messages.get(messageId);
    if (!message || message.phase === 'final') return;
    this.#put({ ...message, phase, lastChangedAt: at });
  }

  #put(message: WatchRecord): void {
    this.#messages.set(message.id, message);
    this.#pendingRemovals.delete(message.id);
    this.#pendingUpserts.set(message.id, message);
    this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (this.#flushTimer !== null) return;
    this.#flushTimer = this.#clock.setTimeout(() => {
      this.#flushTimer = null;
      this.#emitBatch();
    }, this.#batchWindowMs);
  }

  /** Announces the pending changes to listeners, and saves them together with any that failed to save before. */
  #emitBatch(): void {
    // Failures reach `onStoreError`; whoever needs to know that a change is saved asks `persisted()`.
    void this.#saver.save(this.#announceBatch());
  }

  /** Takes the pending changes and tells listeners about them (when there are any). */
  #announceBatch(): WatchListChange {
    const announced: WatchListChange = {
      upserted: [...this.#pendingUpserts.values()],
      removed: [...this.#pendingRemovals],
    };
    this.#pendingUpserts = new Map();
    this.#pendingRemovals = new Set();
    if (announced.upserted.length > 0 || announced.removed.length > 0) {
      for (const listener of this.#listeners) callSafely(listener, announced, this.#onListenerError);
    }
    return announced;
  }
}
