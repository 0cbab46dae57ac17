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
import type { LegacyHealth } from '../../shared/legacy-health';
import type { WatchedMessage } from '../../shared/message';
import { isValidMessageId } from '../../shared/message-ids';
import { summarize } from '../../shared/totals';
import { DEFAULT_BASE_URL, SmsbatClient } from '../core/client';
import { AuthError } from '../core/errors';
import { MonitorEngine } from '../core/monitor-engine';
import type { StatusClient } from '../core/status-client';
import type { EngineConnection, HostEngine, HostEngineOptions, RestoreResult } from './engine-port';

/** A status client whose connection can be swapped while the engine runs; with none, every check is refused. */
class SwitchableStatusClient implements StatusClient {
  #client: SmsbatClient | null = null;

  use(connection: EngineConnection | null): void {
    const previous = this.#client;
    this.#client = connection === null ? null : new SmsbatClient(connection);
    void previous?.close();
  }

  getStatus(messageId: string, signal?: AbortSignal): ReturnType<StatusClient['getStatus']> {
    if (this.#client === null) {
      return Promise.reject(new AuthError('No credentials yet: connect to SMSBAT or try the demo.'));
    }
    return this.#client.getStatus(messageId, signal);
  }
}

function toHealth(legacy: LegacyHealth, watching: number, rateCapPerSecond: number): EngineHealth {
  const counts = { watching, inFlight: 0, backlog: 0, requestsLastMinute: 0, rateCapPerSecond };
  const base = { counts, lastSuccessAt: null };
  switch (legacy.state) {
    case 'idle':
    case 'running':
    case 'paused':
    case 'stopped':
      return { ...base, mode: legacy.state, blocker: null };
    case 'rate_limited':
      return {
        ...base,
        mode: 'running',
        blocker: { kind: 'rate_limited', until: legacy.resumesAt, message: legacy.message },
      };
    case 'auth_failed':
      return { ...base, mode: 'running', blocker: { kind: 'credentials_rejected', message: legacy.message } };
    case 'offline':
      return {
        ...base,
        mode: 'running',
        blocker: {
          kind: 'offline',
          since: legacy.since,
          nextProbeAt: legacy.retryAt,
          message: legacy.message,
        },
      };
  }
}

function eventFor(before: WatchedMessage | undefined, after: WatchedMessage): MessageEvent | null {
  const rawStatus = after.snapshot?.rawStatus ?? null;
  const previousRawStatus = before?.snapshot?.rawStatus ?? null;
  const base = {
    messageId: after.id,
    at: after.lastChangedAt ?? Date.now(),
    label: after.label,
    rawStatus,
    previousRawStatus,
  };
  if (before?.phase !== after.phase) {
    if (after.phase === 'not_found') return { ...base, kind: 'not_found' };
    if (after.phase === 'gave_up') return { ...base, kind: 'gave_up' };
    if (after.phase === 'final')
      return { ...base, kind: after.snapshot?.kind === 'delivered' ? 'delivered' : 'failed' };
  }
  if (after.overdue && before?.overdue !== true) return { ...base, kind: 'overdue' };
  if (rawStatus !== previousRawStatus && rawStatus !== null) return { ...base, kind: 'status_changed' };
  return null;
}

/**
 * The host port over today's `MonitorEngine`, until the engine serves `MonitorApi` itself: it versions changes,
 * derives message events, and keeps acknowledgements and settings beside the engine. Labels and deadlines of
 * watched ids cannot change yet, and restored messages are watched afresh (their history is not kept).
 */
export class LegacyHostEngine implements HostEngine {
  readonly #client = new SwitchableStatusClient();
  readonly #engine: MonitorEngine;
  readonly #listeners = new Set<(item: EngineFeedItem) => void>();
  readonly #acknowledged = new Set<string>();
  readonly #known = new Map<string, WatchedMessage>();
  #settings: EngineSettings;
  #health: EngineHealth;
  #version = 0;

  constructor(options: HostEngineOptions) {
    this.#settings = {
      rateCapPerSecond: 10,
      concurrency: 10,
      watchWindowMs: 86_400_000,
      firstIntervalMs: 5_000,
      baseUrl: DEFAULT_BASE_URL,
      authMethod: 'api-key-header',
      ...options.settings,
    };
    this.#engine = new MonitorEngine({
      client: this.#client,
      store: options.store,
      onStoreError: options.onStoreError,
      maxRequestsPerSecond: this.#settings.rateCapPerSecond,
    });
    this.#health = toHealth(this.#engine.health, 0, this.#settings.rateCapPerSecond);
    this.#engine.onChange((change) => {
      const events: MessageEvent[] = [];
      for (const message of change.upserted) {
        const event = eventFor(this.#known.get(message.id), message);
        if (event !== null) events.push(event);
        this.#known.set(message.id, message);
      }
      for (const id of change.removed) this.#known.delete(id);
      this.#publish({
        upserted: change.upserted.map((m) => this.#view(m)),
        removed: change.removed,
        events,
        totals: this.#totals(),
      });
    });
    this.#engine.onHealth((health) => {
      this.#health = toHealth(health, this.#engine.activeCount, this.#settings.rateCapPerSecond);
      this.#publish({ health: this.#health });
    });
  }

  async start(): Promise<void> {
    await this.#engine.start();
    for (const message of this.#engine.messages()) this.#known.set(message.id, message);
  }

  stop(): Promise<void> {
    return this.#engine.stop();
  }

  useConnection(connection: EngineConnection | null): void {
    this.#client.use(connection);
    this.#engine.credentialsChanged();
  }

  snapshot(): EngineSnapshot {
    const messages = this.#engine.messages().map((m) => this.#view(m));
    return {
      version: this.#version,
      messages,
      health: this.#health,
      totals: summarize(messages),
      settings: this.#settings,
    };
  }

  subscribe(listener: (item: EngineFeedItem) => void): () => void {
    this.#listeners.add(listener);
    listener({ type: 'snapshot', snapshot: this.snapshot() });
    return () => this.#listeners.delete(listener);
  }

  watch(messageIds: readonly string[], options: WatchOptions = {}): WatchResult {
    const valid = messageIds.filter(isValidMessageId);
    const rejected = messageIds
      .filter((id) => !isValidMessageId(id))
      .map((token) => ({
        token,
        reason: 'invalid_characters' as const,
        message: `${token} is not a message id.`,
      }));
    const result = this.#engine.watch(valid, options);
    return { added: result.added.map((m) => m.id), alreadyWatched: result.alreadyWatched, rejected };
  }

  unwatch(messageIds: readonly string[]): readonly string[] {
    return this.#engine.unwatch(messageIds);
  }

  refreshNow(messageIds?: readonly string[]): readonly RefreshOutcome[] {
    const ids = messageIds ?? this.#engine.messages().map((m) => m.id);
    this.#engine.refreshNow(ids);
    const at = Date.now();
    return ids.map((messageId) =>
      this.#engine.message(messageId) === undefined
        ? { messageId, outcome: 'not_watched' as const }
        : { messageId, outcome: 'queued' as const, at },
    );
  }

  pause(): void {
    this.#engine.pause();
  }

  resume(): void {
    this.#engine.resume();
  }

  updateSettings(partial: Partial<EngineSettings>): EngineSettings {
    this.#settings = { ...this.#settings, ...partial };
    this.#publish({ settings: this.#settings });
    return this.#settings;
  }

  clearFinished(): readonly string[] {
    return this.unwatch(
      this.#engine
        .messages()
        .filter((m) => m.phase !== 'watching')
        .map((m) => m.id),
    );
  }

  setLabel(): readonly string[] {
    return [];
  }

  setDeadline(): readonly string[] {
    return [];
  }

  acknowledge(messageIds: readonly string[]): readonly string[] {
    const done = messageIds.filter((id) => this.#engine.message(id) !== undefined);
    for (const id of done) this.#acknowledged.add(id);
    const upserted = done.flatMap((id) => {
      const message = this.#engine.message(id);
      return message === undefined ? [] : [this.#view(message)];
    });
    if (upserted.length > 0) this.#publish({ upserted });
    return done;
  }

  restore(messages: readonly MessageView[]): RestoreResult {
    const restored: string[] = [];
    const skipped: string[] = [];
    for (const message of messages) {
      const result = this.#engine.watch([message.id], { label: message.label });
      if (result.added.length > 0) restored.push(message.id);
      else skipped.push(message.id);
    }
    return { restored, skipped };
  }

  #view(message: WatchedMessage): MessageView {
    return { ...message, acknowledged: this.#acknowledged.has(message.id), schedule: null };
  }

  #totals() {
    return summarize(this.#engine.messages());
  }

  #publish(parts: Partial<Omit<EngineChange, 'version'>>): void {
    this.#version += 1;
    const change: EngineChange = { version: this.#version, upserted: [], removed: [], events: [], ...parts };
    for (const listener of [...this.#listeners]) listener({ type: 'change', change });
  }
}

/** Builds the host's engine on today's `MonitorEngine`. */
export function createLegacyHostEngine(options: HostEngineOptions): HostEngine {
  return new LegacyHostEngine(options);
}
