import type {
  CheckError,
  HistoryEntry,
  StatusSnapshot,
  WatchedMessage,
  WatchPhase,
} from '../../shared/message';
import { isFinalKind, mayReplaceStatus } from '../../shared/status';
import { callSafely, printError, type ErrorSink } from './call-safely';
import { systemClock, type Clock, type TimerHandle } from './clock';
import type { SmsbatError } from './errors';
import { numberOption } from './option-checks';
import type { WatchListChange, WatchListStore } from './watch-list-store';
import { InMemoryWatchListStore } from './watch-list-store';

/** Options of the watch list. */
export interface WatchListOptions {
  /** @default an in-memory store */
  readonly store?: WatchListStore;
  /** @default systemClock */
  readonly clock?: Clock;
  /** Changes within this long of each other are reported (and saved) as one batch. @default 50 */
  readonly batchWindowMs?: number;
  /** History entries kept per message; the first and the newest survive. @default 50 */
  readonly maxHistoryEntries?: number;
  /** Called when saving a batch fails; the change stays in memory and saving is tried again with backoff. */
  readonly onStoreError?: (error: unknown) => void;
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
  readonly added: readonly WatchedMessage[];
  readonly alreadyWatched: readonly string[];
}

/** Listener for batches of changes. */
export type WatchListListener = (change: WatchListChange) => void;

/** Longest label kept. */
export const MAX_LABEL_LENGTH = 100;

/**
 * The state of every watched message and the history of its status changes. Each update replaces the message's
 * object (nothing is mutated in place), and listeners get one event for everything that changed in a batch.
 */
export class WatchList {
  readonly #store: WatchListStore;
  readonly #clock: Clock;
  readonly #batchWindowMs: number;
  readonly #maxHistoryEntries: number;
  readonly #onStoreError: (error: unknown) => void;
  readonly #onListenerError: ErrorSink;
  /** Delay before saving again after a failed save; doubles while saves keep failing. */
  #saveRetryMs = 0;
  #retryTimer: TimerHandle | null = null;
  readonly #messages = new Map<string, WatchedMessage>();
  readonly #listeners = new Set<WatchListListener>();
  #pendingUpserts = new Map<string, WatchedMessage>();
  #pendingRemovals = new Set<string>();
  /** Changes already announced whose save failed; saved again with the next batch or retry. */
  #unsavedUpserts = new Map<string, WatchedMessage>();
  #unsavedRemovals = new Set<string>();
  #flushTimer: TimerHandle | null = null;
  #saving: Promise<void> = Promise.resolve();

  constructor(options: WatchListOptions = {}) {
    this.#store = options.store ?? new InMemoryWatchListStore();
    this.#clock = options.clock ?? systemClock;
    this.#batchWindowMs = numberOption('batchWindowMs', options.batchWindowMs, 50, { min: 0 });
    this.#maxHistoryEntries = numberOption('maxHistoryEntries', options.maxHistoryEntries, 50, {
      min: 2,
      integer: true,
    });
    this.#onStoreError = options.onStoreError ?? (() => undefined);
    this.#onListenerError = options.onListenerError ?? printError;
  }

  /** Reads the saved messages into memory (replacing none already added) and returns them. */
  async load(): Promise<readonly WatchedMessage[]> {
    const saved = await this.#store.load();
    for (const message of saved) {
      if (!this.#messages.has(message.id)) this.#messages.set(message.id, message);
    }
    return saved;
  }

  /** How many messages are on the list. */
  get size(): number {
    return this.#messages.size;
  }

  /** One message, if watched. */
  get(messageId: string): WatchedMessage | undefined {
    return this.#messages.get(messageId);
  }

  /** Every message, in the order added. */
  all(): WatchedMessage[] {
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
    const added: WatchedMessage[] = [];
    const alreadyWatched: string[] = [];
    for (const id of messageIds) {
      const existing = this.#messages.get(id);
      if (existing && (existing.phase === 'watching' || existing.phase === 'final')) {
        alreadyWatched.push(id);
        continue;
      }
      const message: WatchedMessage = {
        id,
        label: label ?? existing?.label ?? null,
        phase: 'watching',
        snapshot: existing?.snapshot ?? null,
        history: existing?.history ?? [],
        addedAt: now,
        lastCheckedAt: existing?.lastCheckedAt ?? null,
        lastChangedAt: existing?.lastChangedAt ?? null,
        deadlineAt: deadlineMs === null ? null : now + deadlineMs,
        overdue: false,
        lastError: null,
      };
      this.#put(message);
      added.push(message);
    }
    return { added, alreadyWatched };
  }

  /** Removes ids from the list; returns those that were on it. */
  remove(messageIds: Iterable<string>): string[] {
    const removed: string[] = [];
    for (const id of messageIds) {
      if (!this.#messages.delete(id)) continue;
      this.#pendingUpserts.delete(id);
      this.#pendingRemovals.add(id);
      removed.push(id);
    }
    if (removed.length > 0) this.#scheduleFlush();
    return removed;
  }

  /**
   * Records a status check. A final status is never replaced by a non-final one (answers can arrive out of
   * order); a new status is appended to the history.
   */
  recordSnapshot(messageId: string, snapshot: StatusSnapshot, at: number): void {
    const message = this.#messages.get(messageId);
    if (!message) return;
    const current = message.snapshot;
    if (current && !mayReplaceStatus(current.kind, snapshot.kind)) {
      this.#put({ ...message, lastCheckedAt: at, lastError: null });
      return;
    }
    const statusChanged = current?.rawStatus !== snapshot.rawStatus;
    const phase: WatchPhase = isFinalKind(snapshot.kind) ? 'final' : 'watching';
    this.#put({
      ...message,
      phase,
      snapshot,
      history: statusChanged ? this.#appendHistory(message.history, snapshot, at) : message.history,
      lastCheckedAt: at,
      lastChangedAt: statusChanged ? at : message.lastChangedAt,
      lastError: null,
    });
  }

  /** Records a failed check; the message keeps its last known status. */
  recordError(messageId: string, error: SmsbatError, at: number): void {
    const message = this.#messages.get(messageId);
    if (!message) return;
    const lastError: CheckError = {
      kind: error.kind,
      message: error.message,
      httpStatus: error.httpStatus,
      at,
    };
    this.#put({ ...message, lastError, lastCheckedAt: at });
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

  /** Emits and saves the pending batch now; resolves once it (and any earlier save) is stored. */
  async flush(): Promise<void> {
    if (this.#flushTimer !== null) {
      this.#clock.clearTimeout(this.#flushTimer);
      this.#flushTimer = null;
    }
    this.#emitBatch();
    await this.#saving;
  }

  #setPhase(messageId: string, phase: WatchPhase, at: number): void {
    const message = this.#messages.get(messageId);
    if (!message || message.phase === 'final') return;
    this.#put({ ...message, phase, lastChangedAt: at });
  }

  #appendHistory(history: readonly HistoryEntry[], snapshot: StatusSnapshot, at: number): HistoryEntry[] {
    const entry: HistoryEntry = { at, rawStatus: snapshot.rawStatus, kind: snapshot.kind };
    const next = [...history, entry];
    if (next.length <= this.#maxHistoryEntries) return next;
    const first = next[0];
    const newest = next.slice(next.length - (this.#maxHistoryEntries - 1));
    return first ? [first, ...newest] : newest;
  }

  #put(message: WatchedMessage): void {
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
    const announced: WatchListChange = {
      upserted: [...this.#pendingUpserts.values()],
      removed: [...this.#pendingRemovals],
    };
    this.#pendingUpserts = new Map();
    this.#pendingRemovals = new Set();
    const toSave = this.#withUnsaved(announced);
    if (toSave.upserted.length > 0 || toSave.removed.length > 0) {
      this.#saving = this.#saving.then(() => this.#save(toSave));
    }
    if (announced.upserted.length === 0 && announced.removed.length === 0) return;
    for (const listener of this.#listeners) callSafely(listener, announced, this.#onListenerError);
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

  async #save(change: WatchListChange): Promise<void> {
    try {
      await this.#store.save(change);
      this.#saveRetryMs = 0;
    } catch (error) {
      callSafely(this.#onStoreError, error, this.#onListenerError);
      this.#requeueUnsaved(change);
      this.#retrySaveLater();
    }
  }

  /** Saves the unsaved changes again after a growing delay (1 s, 2 s, 4 s... up to a minute). */
  #retrySaveLater(): void {
    if (this.#retryTimer !== null) return;
    this.#saveRetryMs = Math.min(60_000, Math.max(1000, this.#saveRetryMs * 2));
    this.#retryTimer = this.#clock.setTimeout(() => {
      this.#retryTimer = null;
      this.#emitBatch();
    }, this.#saveRetryMs);
  }

  /** Keeps a batch whose save failed (at the messages' current state) for the next save. */
  #requeueUnsaved(change: WatchListChange): void {
    for (const message of change.upserted) {
      const current = this.#messages.get(message.id);
      if (current && !this.#unsavedUpserts.has(message.id)) this.#unsavedUpserts.set(message.id, current);
    }
    for (const id of change.removed) {
      if (!this.#messages.has(id)) this.#unsavedRemovals.add(id);
    }
  }
}

function normaliseLabel(label: string | null | undefined): string | null {
  if (label == null) return null;
  const trimmed = label.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > MAX_LABEL_LENGTH) {
    throw new TypeError(
      `Expected \`label\` to be at most ${MAX_LABEL_LENGTH} characters, got ${trimmed.length}`,
    );
  }
  return trimmed;
}
