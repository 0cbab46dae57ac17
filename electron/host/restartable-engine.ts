import type {
  EngineFeedItem,
  EngineSettings,
  EngineSnapshot,
  MessageView,
  RefreshOutcome,
  WatchOptions,
  WatchResult,
} from '../../shared/engine-api';
import { DEFAULT_ENGINE_SETTINGS, SettingsError } from '../../shared/engine-settings';
import { SmsbatClient } from '../core/client';
import { MonitorEngine, type AppliedPush } from '../core/monitor-engine';
import type { WebhookStatus } from '../core/webhook/webhook-payload';
import type { WatchRecord } from '../core/watch-list-store';
import type { EngineConnection, HostEngine, HostEngineOptions, RestoreResult } from './engine-port';

type FeedListener = (item: EngineFeedItem) => void;

/** Applies saved settings, dropping (and reporting) any the engine refuses. */
function applySavedSettings(
  engine: MonitorEngine,
  saved: Partial<EngineSettings>,
  onProblem: (m: string) => void,
): void {
  if (Object.keys(saved).length === 0) return;
  try {
    engine.updateSettings(saved);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    const refused = new Set(error.problems.map((problem) => problem.setting));
    onProblem(`Saved settings were refused and the defaults kept: ${error.message}`);
    const rest = Object.fromEntries(
      Object.entries(saved).filter(([key]) => !refused.has(key as keyof EngineSettings)),
    );
    if (Object.keys(rest).length > 0) engine.updateSettings(rest);
  }
}

/**
 * The host's engine: `MonitorEngine` building real SMSBAT clients, plus importing an export whole. An import
 * stops the engine (saving the list), adds the records to the store and starts a new engine on it, so statuses,
 * history, labels, deadlines and acknowledgements come back exactly; subscribers then get a fresh snapshot.
 */
export class RestartableHostEngine implements HostEngine {
  readonly #options: HostEngineOptions;
  readonly #subscribers = new Map<FeedListener, () => void>();
  #engine: MonitorEngine;
  #connection: EngineConnection | null = null;
  #settings: Partial<EngineSettings>;
  #restoring: Promise<unknown> = Promise.resolve();

  constructor(options: HostEngineOptions) {
    this.#options = options;
    this.#settings = options.settings;
    this.#engine = this.#build();
  }

  #build(): MonitorEngine {
    const engine = new MonitorEngine({
      createClient: (config) => new SmsbatClient(config),
      credentials: null,
      store: this.#options.store,
      onStoreError: this.#options.onStoreError,
      ...(this.#options.profileStore === undefined ? {} : { profileStore: this.#options.profileStore }),
      ...(this.#options.webhooks === undefined ? {} : { webhooks: this.#options.webhooks }),
    });
    applySavedSettings(engine, this.#settings, this.#options.onProblem);
    if (this.#connection !== null) this.#connect(engine, this.#connection);
    return engine;
  }

  /** Signs in with the connection; with none, checks wait and the base URL goes back to the saved one. */
  #connect(engine: MonitorEngine, connection: EngineConnection | null): void {
    engine.setCredentials(connection?.credentials ?? null);
    const baseUrl = connection?.baseUrl ?? this.#settings.baseUrl ?? DEFAULT_ENGINE_SETTINGS.baseUrl;
    if (engine.snapshot().settings.baseUrl !== baseUrl) engine.updateSettings({ baseUrl });
  }

  start(): Promise<void> {
    return this.#engine.start();
  }

  stop(): Promise<void> {
    return this.#engine.stop();
  }

  useConnection(connection: EngineConnection | null): void {
    this.#connection = connection;
    this.#connect(this.#engine, connection);
  }

  snapshot(): EngineSnapshot {
    return this.#engine.snapshot();
  }

  message(messageId: string): MessageView | undefined {
    return this.#engine.message(messageId);
  }

  subscribe(listener: FeedListener): () => void {
    this.#subscribers.set(listener, this.#engine.subscribe(listener));
    return () => {
      this.#subscribers.get(listener)?.();
      this.#subscribers.delete(listener);
    };
  }

  watch(messageIds: readonly string[], options?: WatchOptions): WatchResult {
    return this.#engine.watch(messageIds, options);
  }

  unwatch(messageIds: readonly string[]): readonly string[] {
    return this.#engine.unwatch(messageIds);
  }

  refreshNow(messageIds?: readonly string[]): readonly RefreshOutcome[] {
    return this.#engine.refreshNow(messageIds);
  }

  pause(): void {
    this.#engine.pause();
  }

  resume(): void {
    this.#engine.resume();
  }

  updateSettings(partial: Partial<EngineSettings>): EngineSettings {
    const next = this.#engine.updateSettings(partial);
    this.#settings = { ...this.#settings, ...partial };
    return next;
  }

  clearFinished(): readonly string[] {
    return this.#engine.clearFinished();
  }

  setLabel(messageIds: readonly string[], label: string | null): readonly string[] {
    return this.#engine.setLabel(messageIds, label);
  }

  setDeadline(messageIds: readonly string[], deadlineMs: number | null): readonly string[] {
    return this.#engine.setDeadline(messageIds, deadlineMs);
  }

  acknowledge(messageIds: readonly string[]): readonly string[] {
    return this.#engine.acknowledge(messageIds);
  }

  applyPushed(status: WebhookStatus, options?: { readonly watchUnknown?: boolean }): AppliedPush {
    return this.#engine.applyPushed(status, options);
  }

  restore(messages: readonly MessageView[]): Promise<RestoreResult> {
    const run = this.#restoring.then(() => this.#restore(messages));
    this.#restoring = run.catch(() => undefined);
    return run;
  }

  async #restore(messages: readonly MessageView[]): Promise<RestoreResult> {
    const skipped = messages.filter((message) => this.#engine.message(message.id) !== undefined);
    const fresh = messages.filter((message) => this.#engine.message(message.id) === undefined);
    if (fresh.length === 0) return { restored: [], skipped: skipped.map((message) => message.id) };
    const paused = this.#engine.health.mode === 'paused';
    for (const unsubscribe of this.#subscribers.values()) unsubscribe();
    await this.#engine.stop();
    const records: WatchRecord[] = fresh.map(({ schedule: _schedule, ...record }) => record);
    await this.#options.store.save({ upserted: records, removed: [] });
    this.#engine = this.#build();
    await this.#engine.start();
    if (paused) this.#engine.pause();
    for (const listener of this.#subscribers.keys())
      this.#subscribers.set(listener, this.#engine.subscribe(listener));
    return { restored: fresh.map((message) => message.id), skipped: skipped.map((message) => message.id) };
  }
}

/** Builds the engine both hosts serve. */
export function createRestartableHostEngine(options: HostEngineOptions): HostEngine {
  return new RestartableHostEngine(options);
}
