import type {
  EngineChange,
  EngineFeedItem,
  EngineSettings,
  EngineSnapshot,
  MessageEvent,
  MessageView,
  RefreshOutcome,
  WatchOptions,
  WatchResult,
} from '../../shared/engine-api';
import type { EngineHealth } from '../../shared/engine-health';
import { isValidMessageId } from '../../shared/message-ids';
import { summarize } from '../../shared/totals';
import type { EngineConnection, HostEngine, RestoreResult } from '../../electron/host/engine-port';
import type { SavedRecord } from '../../electron/core/watch-list-store';
import { freshMessage } from './message-views';
import type { AppliedPush } from '../../electron/core/monitor-engine';
import type { WebhookStatus } from '../../electron/core/webhook/webhook-payload';

/** Settings a fresh fake engine reports. */
export const FAKE_ENGINE_SETTINGS: EngineSettings = {
  rateCapPerSecond: 10,
  concurrency: 10,
  watchWindowMs: 86_400_000,
  firstIntervalMs: 5_000,
  baseUrl: 'https://restapi.smsbat.com',
  authMethod: 'api-key-header',
};

/** The problems a fake `SettingsError` carries. */
export class FakeSettingsError extends Error {
  readonly problems: readonly { setting: keyof EngineSettings; message: string }[];

  constructor(problems: readonly { setting: keyof EngineSettings; message: string }[]) {
    super('Some settings were refused.');
    this.problems = problems;
  }
}

/**
 * An in-memory engine with the host's port and no polling: it keeps messages, settings and versions, and lets a
 * test push changes and message events as the real engine would.
 */
export class FakeHostEngine implements HostEngine {
  readonly connections: (EngineConnection | null)[] = [];
  /** When set, `useConnection` throws this (as the real engine does for an address it refuses). */
  refuseConnections: Error | null = null;
  readonly calls: string[] = [];
  started = false;
  stopped = false;
  #messages = new Map<string, MessageView>();
  #settings: EngineSettings = FAKE_ENGINE_SETTINGS;
  #version = 0;
  #paused = false;
  readonly #listeners = new Set<(item: EngineFeedItem) => void>();
  readonly #now: () => number;

  constructor(now: () => number = () => 1_700_000_000_000) {
    this.#now = now;
  }

  /** Loads nothing; marks the engine started. */
  start(): Promise<void> {
    this.started = true;
    return Promise.resolve();
  }

  /** Marks the engine stopped. */
  stop(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }

  /** What the next `persisted()` rejects with (a store that cannot write), or null: everything is saved. */
  saveError: Error | null = null;

  /** Resolves at once, or rejects with `saveError`. */
  persisted(): Promise<void> {
    return this.saveError === null ? Promise.resolve() : Promise.reject(this.saveError);
  }

  /** Records the connection, or throws `refuseConnections` when set. */
  useConnection(connection: EngineConnection | null): void {
    if (this.refuseConnections !== null) throw this.refuseConnections;
    this.connections.push(connection);
  }

  /** The health the fake reports. */
  health(): EngineHealth {
    return {
      mode: this.#paused ? 'paused' : this.#messages.size === 0 ? 'idle' : 'running',
      blocker: this.connections.at(-1) ? null : { kind: 'no_credentials' },
      counts: {
        watching: this.#messages.size,
        inFlight: 0,
        backlog: 0,
        requestsLastMinute: 0,
        rateCapPerSecond: 10,
      },
      lastSuccessAt: null,
    };
  }

  /** Everything at the current version. */
  message(messageId: string): MessageView | undefined {
    return this.#messages.get(messageId);
  }

  snapshot(): EngineSnapshot {
    const messages = [...this.#messages.values()];
    return {
      version: this.#version,
      messages,
      health: this.health(),
      totals: summarize(messages),
      settings: this.#settings,
    };
  }

  /** Sends the snapshot, then every change. */
  subscribe(listener: (item: EngineFeedItem) => void): () => void {
    this.#listeners.add(listener);
    listener({ type: 'snapshot', snapshot: this.snapshot() });
    return () => this.#listeners.delete(listener);
  }

  /** Number of feed subscribers (to check hosts unsubscribe). */
  get subscriberCount(): number {
    return this.#listeners.size;
  }

  /** Watches valid new ids. */
  watch(messageIds: readonly string[], options: WatchOptions = {}): WatchResult {
    this.calls.push(`watch ${messageIds.join(',')}`);
    const added: string[] = [];
    const alreadyWatched: string[] = [];
    const rejected: WatchResult['rejected'][number][] = [];
    const upserted: MessageView[] = [];
    for (const id of messageIds) {
      if (!isValidMessageId(id)) {
        rejected.push({ token: id, reason: 'invalid_characters', message: `${id} is not a message id.` });
      } else if (this.#messages.has(id)) {
        alreadyWatched.push(id);
      } else {
        const message = {
          ...freshMessage(id, this.#now(), options.label ?? null),
          deadlineAt: options.deadlineMs == null ? null : this.#now() + options.deadlineMs,
        };
        this.#messages.set(id, message);
        added.push(id);
        upserted.push(message);
      }
    }
    if (upserted.length > 0) this.#publish({ upserted });
    return { added, alreadyWatched, rejected };
  }

  /** Forgets ids. */
  unwatch(messageIds: readonly string[]): readonly string[] {
    const removed = messageIds.filter((id) => this.#messages.delete(id));
    if (removed.length > 0) this.#publish({ removed });
    return removed;
  }

  /** Queues every watched id. */
  refreshNow(messageIds?: readonly string[]): readonly RefreshOutcome[] {
    return (messageIds ?? [...this.#messages.keys()]).map((messageId) =>
      this.#messages.has(messageId)
        ? { messageId, outcome: 'queued', at: this.#now() }
        : { messageId, outcome: 'not_watched' },
    );
  }

  /** Pauses. */
  pause(): void {
    this.#paused = true;
    this.#publish({ health: this.health() });
  }

  /** Resumes. */
  resume(): void {
    this.#paused = false;
    this.#publish({ health: this.health() });
  }

  /** How many times the host woke the engine (after sleep, an unlock or the network coming back). */
  wakes = 0;

  /** Counts a wake; a pause stays. */
  wake(): void {
    this.wakes += 1;
  }

  /** Refuses a negative rate cap, like the engine refuses invalid settings. */
  updateSettings(partial: Partial<EngineSettings>): EngineSettings {
    if (
      partial.rateCapPerSecond !== undefined &&
      !(partial.rateCapPerSecond > 0 && partial.rateCapPerSecond <= 50)
    ) {
      throw new FakeSettingsError([{ setting: 'rateCapPerSecond', message: 'must be between 1 and 50' }]);
    }
    this.#settings = { ...this.#settings, ...partial };
    this.#publish({ settings: this.#settings });
    return this.#settings;
  }

  /** Forgets messages that are not watching. */
  clearFinished(): readonly string[] {
    const finished = [...this.#messages.values()].filter((m) => m.phase !== 'watching').map((m) => m.id);
    return this.unwatch(finished);
  }

  /** Sets labels. */
  setLabel(messageIds: readonly string[], label: string | null): readonly string[] {
    return this.#update(messageIds, (message) => ({ ...message, label }));
  }

  /** Sets deadlines. */
  setDeadline(messageIds: readonly string[], deadlineMs: number | null): readonly string[] {
    return this.#update(messageIds, (message) => ({
      ...message,
      deadlineAt: deadlineMs === null ? null : this.#now() + deadlineMs,
    }));
  }

  /** Marks failures seen. */
  acknowledge(messageIds: readonly string[]): readonly string[] {
    return this.#update(messageIds, (message) => ({ ...message, acknowledged: true }));
  }

  /** Puts messages back as they were. */
  /** Webhooks pushed to this engine, in order. */
  readonly pushed: WebhookStatus[] = [];

  /** Records the webhook; a message on the list takes its status. */
  applyPushed(status: WebhookStatus): AppliedPush {
    this.pushed.push(status);
    return { outcome: 'not_watched', added: false };
  }

  restore(records: readonly SavedRecord[]): Promise<RestoreResult> {
    const restored: MessageView[] = [];
    const skipped: string[] = [];
    for (const record of records) {
      if (this.#messages.has(record.id)) {
        skipped.push(record.id);
      } else {
        const message: MessageView = {
          ...record,
          acknowledged: record.acknowledged === true,
          schedule: null,
        };
        this.#messages.set(record.id, message);
        restored.push(message);
      }
    }
    if (restored.length > 0) this.#publish({ upserted: restored });
    return Promise.resolve({ restored: restored.map((message) => message.id), skipped, refused: [] });
  }

  /** Test hook: replaces messages and emits message events, as a round of checks would. */
  emitChange(upserted: readonly MessageView[], events: readonly MessageEvent[]): void {
    for (const message of upserted) this.#messages.set(message.id, message);
    this.#publish({ upserted, events });
  }

  #update(messageIds: readonly string[], change: (message: MessageView) => MessageView): readonly string[] {
    const upserted: MessageView[] = [];
    for (const id of messageIds) {
      const message = this.#messages.get(id);
      if (message === undefined) continue;
      const next = change(message);
      this.#messages.set(id, next);
      upserted.push(next);
    }
    if (upserted.length > 0) this.#publish({ upserted });
    return upserted.map((message) => message.id);
  }

  #publish(parts: Partial<Omit<EngineChange, 'version'>>): void {
    this.#version += 1;
    const change: EngineChange = { version: this.#version, upserted: [], removed: [], events: [], ...parts };
    for (const listener of [...this.#listeners]) listener({ type: 'change', change });
  }
}
