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
import type { SavedRecord } from '../core/watch-list-store';
import { fromSaved } from '../core/watch-record';
import type { EngineConnection, HostEngine, HostEngineOptions, RestoreResult } from './engine-port';

type FeedListener = (item: EngineFeedItem) => void;

/** Applies saved settings, dropping (and reporting) any the engine refuses; returns the ones it kept. */
function applySavedSettings(
  engine: MonitorEngine,
  saved: Partial<EngineSettings>,
  onProblem: (m: string) => void,
): Partial<EngineSettings> {
  if (Object.keys(saved).length === 0) return saved;
  try {
    engine.updateSettings(saved);
    return saved;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    const refused = new Set(error.problems.map((problem) => problem.setting));
    onProblem(`Saved settings were refused and the defaults kept: ${error.message}`);
    const rest = Object.fromEntries(
      Object.entries(saved).filter(([key]) => !refused.has(key as keyof EngineSettings)),
    );
    if (Object.keys(rest).length > 0) engine.updateSettings(rest);
    return rest;
  }
}

/**
 * The host's engine: `MonitorEngine` building real SMSBAT clients, plus importing an export whole. An import
 * saves the new records first, then puts them on the running engine, so statuses, history, labels, deadlines and
 * acknowledgements come back exactly while checks and other windows' actions go on.
 */
export class RestartableHostEngine implements HostEngine {
  readonly #options: HostEngineOptions;
  readonly #engine: MonitorEngine;
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
    this.#settings = applySavedSettings(engine, this.#settings, this.#options.onProblem);
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
    this.#connect(this.#engine, connection);
  }

  snapshot(): EngineSnapshot {
    return this.#engine.snapshot();
  }

  message(messageId: string): MessageView | undefined {
    return this.#engine.message(messageId);
  }

  subscribe(listener: FeedListener): () => void {
    return this.#engine.subscribe(listener);
  }

  watch(messageIds: readonly string[], options?: WatchOptions): WatchResult {
    return this.#engine.watch(messageIds, options);
  }

  persisted(): Promise<void> {
    return this.#engine.persisted();
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

  wake(): void {
    this.#engine.wake();
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

  restore(records: readonly SavedRecord[]): Promise<RestoreResult> {
    const run = this.#restoring.then(() => this.#restore(records));
    this.#restoring = run.catch(() => undefined);
    return run;
  }

  /**
   * Saves the records not yet on the list, then puts them on the running engine. The engine never stops: other
   * windows' adds go on during an import, and a failed save rejects with the list, the pause and the checks as
   * they were.
   */
  async #restore(records: readonly SavedRecord[]): Promise<RestoreResult> {
    const fresh = records.filter((record) => this.#engine.message(record.id) === undefined);
    if (fresh.length > 0)
      await this.#options.store.save({ upserted: fresh.map((record) => fromSaved(record)), removed: [] });
    const result = this.#engine.restore(records);
    return {
      restored: result.restored,
      skipped: result.alreadyWatched,
      refused: result.rejected.map((token) => ({ id: token.token, reason: token.message })),
    };
  }
}

/** Builds the engine both hosts serve. */
export function createRestartableHostEngine(options: HostEngineOptions): HostEngine {
  return new RestartableHostEngine(options);
}
