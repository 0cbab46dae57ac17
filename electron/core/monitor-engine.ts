import type { RefreshOutcome } from '../../shared/engine-api';
import type { EngineHealth } from '../../shared/engine-health';
import type { WatchedMessage } from '../../shared/message';
import { callSafely, printError, type ErrorSink } from './call-safely';
import { systemClock, type Clock } from './clock';
import { PollScheduler, type PollObserver, type PollSchedulerOptions } from './poll-scheduler';
import type { StatusClient } from './status-client';
import { WatchList, type AddOptions, type AddResult, type WatchListListener } from './watch-list';
import type { WatchListStore } from './watch-list-store';

/** Options of the engine: the client, where to keep the list, and the scheduler's tuning. */
export interface MonitorEngineOptions extends Omit<PollSchedulerOptions, 'client' | 'observer'> {
  readonly client: StatusClient;
  /** @default an in-memory store */
  readonly store?: WatchListStore;
  /** @default 50 */
  readonly batchWindowMs?: number;
  /** Called when saving the list fails (the list stays in memory and saving is tried again). */
  readonly onStoreError?: (error: unknown) => void;
  /** Where errors thrown by change and health listeners go. @default printed to stderr */
  readonly onListenerError?: ErrorSink;
}

/** Listener for the engine's overall state. */
export type HealthListener = (health: EngineHealth) => void;

/**
 * The monitor's engine: the watch list, kept current by the poll scheduler through a status client. Hosts (the
 * desktop app, the CLI, the loopback server) drive it through this one object.
 */
export class MonitorEngine {
  readonly #clock: Clock;
  readonly #watchList: WatchList;
  readonly #scheduler: PollScheduler;
  readonly #client: StatusClient;
  readonly #healthListeners = new Set<HealthListener>();
  readonly #onListenerError: ErrorSink;
  #started = false;

  constructor(options: MonitorEngineOptions) {
    const { client, store, batchWindowMs, onStoreError, onListenerError, ...schedulerOptions } = options;
    this.#clock = options.clock ?? systemClock;
    this.#onListenerError = onListenerError ?? printError;
    this.#watchList = new WatchList({
      store,
      clock: this.#clock,
      batchWindowMs,
      onStoreError,
      onListenerError: this.#onListenerError,
    });
    this.#client = client;
    this.#scheduler = new PollScheduler({ ...schedulerOptions, client, observer: this.#observer() });
  }

  /** Loads the saved list and resumes watching every message that was still being watched. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const saved = await this.#watchList.load();
    for (const message of saved) {
      if (message.phase !== 'watching') continue;
      this.#scheduler.watch({
        messageId: message.id,
        addedAt: message.addedAt,
        deadlineAt: message.deadlineAt,
        overdueReported: message.overdue,
        lastRawStatus: message.snapshot?.rawStatus ?? null,
        lastCheckedAt: message.lastCheckedAt,
      });
    }
  }

  /** Starts watching ids (already validated with `parseMessageIds`). */
  watch(messageIds: readonly string[], options: AddOptions = {}): AddResult {
    const result = this.#watchList.add(messageIds, options);
    for (const message of result.added) {
      this.#scheduler.watch({
        messageId: message.id,
        addedAt: message.addedAt,
        deadlineAt: message.deadlineAt,
      });
    }
    return result;
  }

  /** Stops watching ids and forgets them; returns those that were watched. */
  unwatch(messageIds: readonly string[]): string[] {
    for (const id of messageIds) this.#scheduler.unwatch(id);
    return this.#watchList.remove(messageIds);
  }

  /** Checks the given ids (or all) now, within the rate cap; says per id what happened. */
  refreshNow(messageIds?: readonly string[]): RefreshOutcome[] {
    return this.#scheduler.refreshNow(messageIds);
  }

  /** Pauses all checks. */
  pause(): void {
    this.#scheduler.pause();
  }

  /** Resumes checks at once (also after sleep or a network change). */
  resume(): void {
    this.#scheduler.resume();
  }

  /** The credentials were replaced: checks start again if they had been rejected. */
  credentialsChanged(): void {
    this.#scheduler.setClient(this.#client);
  }

  /** Stops checking and saves the list. */
  async stop(): Promise<void> {
    this.#scheduler.stop();
    await this.#watchList.flush();
  }

  /** Every watched message, in the order added. */
  messages(): WatchedMessage[] {
    return this.#watchList.all();
  }

  /** One watched message. */
  message(messageId: string): WatchedMessage | undefined {
    return this.#watchList.get(messageId);
  }

  /** The engine's overall state. */
  get health(): EngineHealth {
    return this.#scheduler.health;
  }

  /** How many messages are still being checked. */
  get activeCount(): number {
    return this.#scheduler.size;
  }

  /** Subscribes to batches of message changes. */
  onChange(listener: WatchListListener): () => void {
    return this.#watchList.onChange(listener);
  }

  /** Subscribes to changes of the engine's overall state. */
  onHealth(listener: HealthListener): () => void {
    this.#healthListeners.add(listener);
    return () => this.#healthListeners.delete(listener);
  }

  /** Emits and saves pending changes now. */
  flush(): Promise<void> {
    return this.#watchList.flush();
  }

  #observer(): PollObserver {
    const list = this.#watchList;
    return {
      onSnapshot: (id, snapshot, at) => {
        list.recordSnapshot(id, snapshot, at);
      },
      onCheckFailed: (id, error, at) => {
        list.recordError(id, error, at);
      },
      onNotFound: (id, at) => {
        list.markNotFound(id, at);
      },
      onGaveUp: (id, at) => {
        list.markGaveUp(id, at);
      },
      onOverdue: (id) => {
        list.markOverdue(id);
      },
      onHealth: (health) => {
        for (const listener of this.#healthListeners) callSafely(listener, health, this.#onListenerError);
      },
      onScheduleChanged: () => undefined,
    };
  }
}
