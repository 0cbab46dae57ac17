import type { Credentials } from '../../shared/credentials';
import type {
  EngineFeedItem,
  EngineSettings,
  EngineSnapshot,
  MessageView,
  MonitorApi,
  RefreshOutcome,
  WatchOptions,
  WatchResult,
} from '../../shared/engine-api';
import { withSaveBlocker, type BlockerOf, type EngineHealth } from '../../shared/engine-health';
import { SettingsError, unknownSettings, validateSettings } from '../../shared/engine-settings';
import type { RejectedToken } from '../../shared/message-ids';
import { summarize } from '../../shared/totals';
import { callSafely, printError, type ErrorSink } from './call-safely';
import { systemClock, type Clock } from './clock';
import { validateCredentials } from './client/options';
import { checkMessageIds } from './engine/check-ids';
import { Connection } from './engine/connection';
import { EngineStoppedError } from './engine/engine-errors';
import {
  applyTuning,
  CHECK_POLICY_NAMES,
  connectionSource,
  prepareConnection,
  initialSettings,
  schedulerTuning,
  type MonitorEngineOptions,
} from './engine/engine-options';
import { FeedPublisher } from './engine/feed-publisher';
import { HealthNotifier } from './engine/health-notifier';
import { toMessageView } from './engine/message-view';
import { recordChange, reportRecorder } from './engine/report-recorder';
import { WebhookIntake } from './engine/webhook-intake';
import { withWebhooks } from './engine/with-webhooks';
import type { PushedOutcome } from './webhook/apply-pushed';
import type { WebhookStatus } from './webhook/webhook-payload';
import { confirmPushedFinal, type WebhookMode } from './webhook/webhook-mode';
import { numberOption } from './option-checks';
import {
  learningCheckPolicy,
  MemoryProfileStore,
  type DeliveryLearner,
  type DeliveryProfileStore,
  type SavedDeliveryProfile,
} from './learning';
import { backoffPolicy, PollScheduler } from './poll-scheduler';
import { saveFailedBlocker } from './save-failure';
import { resolveOptions } from './scheduler/options';
import { WatchList, type WatchListListener } from './watch-list';
import type { SavedRecord, WatchRecord } from './watch-list-store';

export type { MonitorEngineOptions } from './engine/engine-options';
export type { ClientConfig, ClientFactory } from './engine/connection';
export { EngineStoppedError } from './engine/engine-errors';
export { SettingsError } from '../../shared/engine-settings';

/** Listener for the engine's overall state. */
export type HealthListener = (health: EngineHealth) => void;

/** The label of a message watched because a webhook told of it. */
export const FROM_WEBHOOK_LABEL = 'From webhook';

/** What `applyPushed` did: the outcome for the message, and whether it was put on the list for it. */
export interface AppliedPush {
  readonly outcome: PushedOutcome;
  readonly added: boolean;
}

type Lifecycle = 'new' | 'starting' | 'started' | 'stopped';

/** What `restore` did with each record: put back, left alone (already on the list), or rejected (not an id). */
export interface RestoreResult {
  readonly restored: readonly string[];
  readonly alreadyWatched: readonly string[];
  readonly rejected: readonly RejectedToken[];
}

/**
 * The monitor's engine: the watch list, kept current by the poll scheduler through a client built from the
 * settings and credentials. Every host (the desktop app, the loopback server, the CLI) drives it through
 * `MonitorApi`: a versioned snapshot and feed, and one method per action.
 */
export class MonitorEngine implements MonitorApi {
  readonly #clock: Clock;
  readonly #list: WatchList;
  readonly #connection: Connection;
  readonly #scheduler: PollScheduler;
  readonly #feed: FeedPublisher;
  readonly #healthNotifier: HealthNotifier;
  readonly #onListenerError: ErrorSink;
  #settings: EngineSettings;
  #lifecycle: Lifecycle = 'new';
  #starting: Promise<void> | null = null;
  #stopping: Promise<void> | null = null;
  readonly #learner: DeliveryLearner | null;
  readonly #profileStore: DeliveryProfileStore;
  readonly #onStoreError: (error: unknown) => void;
  #profileRestored = false;
  /** Set while the watch list cannot be saved; lifted by the next successful save. */
  #saveBlocker: BlockerOf<'save_failed'> | null = null;
  readonly #webhooks: WebhookIntake | null;

  constructor(options: MonitorEngineOptions) {
    // The scheduler gets its tuning only: never the credentials, the client factory or the list's options.
    const {
      store,
      batchWindowMs,
      onStoreError,
      checkPolicy,
      profileStore,
      webhooks,
      onListenerError: _listenerErrors,
      client: _client,
      createClient: _createClient,
      credentials: _credentials,
      baseUrl: _baseUrl,
      authMethod: _authMethod,
      ...schedulerOptions
    } = options;
    this.#onStoreError = onStoreError ?? printError;
    this.#profileStore = profileStore ?? new MemoryProfileStore();
    const policyName = checkPolicy ?? 'learning';
    if (!CHECK_POLICY_NAMES.includes(policyName))
      throw new TypeError(
        `Expected \`checkPolicy\` to be one of ${CHECK_POLICY_NAMES.join(', ')}, got ${policyName}`,
      );
    this.#clock = options.clock ?? systemClock;
    const onListenerError: ErrorSink = options.onListenerError ?? printError;
    this.#onListenerError = onListenerError;
    this.#settings = initialSettings(options);
    this.#connection = new Connection(connectionSource(options), this.#settings.baseUrl);
    this.#list = new WatchList({
      store,
      clock: this.#clock,
      batchWindowMs,
      onStoreError: (error) => {
        this.#setSaveBlocker(saveFailedBlocker(error));
        onStoreError?.(error);
      },
      onStoreSaved: () => {
        this.#setSaveBlocker(null);
      },
      onListenerError,
    });
    this.#feed = new FeedPublisher({
      clock: this.#clock,
      batchWindowMs: numberOption('batchWindowMs', batchWindowMs, 50, { min: 0 }),
      onListenerError,
      source: {
        messages: () => this.#list.all().map((record) => this.#view(record)),
        message: (id) => {
          const record = this.#list.get(id);
          return record && this.#view(record);
        },
        health: () => this.health,
        settings: () => this.#settings,
        totals: () => summarize(this.#list.all()),
      },
    });
    this.#healthNotifier = new HealthNotifier(onListenerError);
    const clock = this.#clock;
    const learning =
      schedulerOptions.policy === undefined && policyName === 'learning'
        ? learningCheckPolicy({
            fallback: backoffPolicy(resolveOptions(schedulerOptions)),
            now: () => clock.now(),
            ...(schedulerOptions.random === undefined ? {} : { random: schedulerOptions.random }),
          })
        : null;
    this.#learner = learning?.learner ?? null;
    this.#webhooks =
      webhooks === undefined
        ? null
        : new WebhookIntake(clock, webhooks, (mode, before) => {
            this.#webhookModeChanged(mode, before);
          });
    const pollingPolicy = learning ?? schedulerOptions.policy;
    const policy =
      this.#webhooks === null
        ? pollingPolicy
        : withWebhooks(
            pollingPolicy ?? backoffPolicy(resolveOptions(schedulerOptions)),
            this.#webhooks,
            this.#learner,
          );
    this.#scheduler = new PollScheduler({
      ...schedulerOptions,
      ...(policy === undefined ? {} : { policy }),
      client: this.#connection.connect(),
      observer: reportRecorder({
        list: this.#list,
        feed: this.#feed,
        onHealth: (health) => {
          this.#webhooks?.pending(health.counts.watching);
          this.#publishHealth();
        },
      }),
    });
  }

  /**
   * Loads the saved list and resumes watching every message still being watched. Can be called again after it
   * failed (the store could not be read); ids watched or unwatched meanwhile stay as they are.
   */
  start(): Promise<void> {
    if (this.#lifecycle === 'stopped') return Promise.reject(new EngineStoppedError('start'));
    if (this.#lifecycle === 'started') return Promise.resolve();
    this.#starting ??= this.#load().then(
      () => {
        if (this.#lifecycle === 'starting') this.#lifecycle = 'started';
      },
      (error: unknown) => {
        this.#starting = null;
        if (this.#lifecycle === 'starting') this.#lifecycle = 'new';
        throw error;
      },
    );
    this.#lifecycle = 'starting';
    return this.#starting;
  }

  /**
   * Stops checking, publishes the last changes and saves the list one last time (failed saves are no longer
   * retried after this). Rejects when that last save fails, so a quitting app can tell the user.
   */
  stop(): Promise<void> {
    if (this.#stopping) return this.#stopping;
    this.#lifecycle = 'stopped';
    this.#scheduler.stop();
    this.#webhooks?.close();
    this.#connection.close();
    this.#feed.healthChanged(this.health);
    this.#feed.close();
    // Both saves end before `stop` settles, even when the list's fails (a host may then let go of its files).
    this.#stopping = Promise.allSettled([this.#list.close(), this.#saveProfile()]).then(([list]) => {
      if (list.status === 'rejected') throw list.reason;
    });
    return this.#stopping;
  }

  /** The whole state at the current version: plain JSON, never a secret. */
  snapshot(): EngineSnapshot {
    return this.#feed.snapshot();
  }

  /** Delivers a snapshot, then every change with a version one higher; never synchronously. */
  subscribe(listener: (item: EngineFeedItem) => void): () => void {
    return this.#feed.subscribe(listener);
  }

  /** Starts watching ids; ids that are not valid message ids are rejected with a reason. Throws once stopped. */
  watch(messageIds: readonly string[], options: WatchOptions = {}): WatchResult {
    this.#assertRunning('watch');
    const { valid, rejected } = checkMessageIds(messageIds);
    const result = this.#list.add(valid, options);
    for (const message of result.added) {
      this.#scheduler.watch({
        messageId: message.id,
        addedAt: message.addedAt,
        deadlineAt: message.deadlineAt,
      });
    }
    const added = result.added.map((message) => message.id);
    this.#feed.upserted(added);
    if (added.length > 0) this.#feed.totalsMayHaveChanged();
    return { added, alreadyWatched: result.alreadyWatched, rejected };
  }

  /** Stops watching ids and forgets them; returns those that were on the list. */
  unwatch(messageIds: readonly string[]): readonly string[] {
    for (const id of messageIds) this.#scheduler.unwatch(id);
    const removed = this.#list.remove(messageIds);
    this.#feed.removed(removed);
    return removed;
  }

  /** Checks the given ids (or every watched id) as soon as the rate cap allows; says what it did with each. */
  refreshNow(messageIds?: readonly string[]): readonly RefreshOutcome[] {
    if (this.#lifecycle === 'stopped') return [];
    if (messageIds === undefined) return this.#scheduler.refreshNow();
    const { valid, rejected } = checkMessageIds(messageIds);
    const notWatched = rejected.map((rejection): RefreshOutcome => ({
      messageId: rejection.token,
      outcome: 'not_watched',
    }));
    return [...this.#scheduler.refreshNow(valid), ...notWatched];
  }

  /** Holds every check until `resume()`. */
  pause(): void {
    this.#scheduler.pause();
  }

  /** Lifts a person's pause and checks again at once; a credentials or base URL hold stays. */
  resume(): void {
    this.#scheduler.resume();
  }

  /**
   * After sleep, an unlocked screen or the network coming back: checks every watched message again as soon as the
   * rate cap allows and ends an offline wait, without lifting a pause the person set.
   */
  wake(): void {
    this.#scheduler.wake();
  }

  /**
   * Validates and applies settings; a new base URL or auth method rebuilds the client. Throws `SettingsError`
   * naming every refused setting, and then changes nothing.
   */
  updateSettings(partial: Partial<EngineSettings>): EngineSettings {
    this.#assertRunning('change settings');
    const unknown = unknownSettings(partial);
    if (unknown.length > 0) throw new TypeError(`Unknown settings: ${unknown.join(', ')}`);
    const problems = validateSettings(partial);
    if (partial.authMethod !== undefined && !problems.some((problem) => problem.setting === 'authMethod')) {
      const problem = this.#connection.authMethodProblem(partial.authMethod);
      if (problem !== null) problems.push(problem);
    }
    if (problems.length > 0) throw new SettingsError(problems);
    const previous = this.#settings;
    const next: EngineSettings = { ...previous, ...partial };
    const changed = (key: keyof EngineSettings): boolean => next[key] !== previous[key];
    const pending =
      changed('baseUrl') || changed('authMethod')
        ? prepareConnection(this.#connection, next, changed('baseUrl') ? 'baseUrl' : 'authMethod')
        : null;
    try {
      // The scheduler checks its tuning against its other options and changes nothing when it refuses.
      applyTuning(this.#scheduler, schedulerTuning(next, changed));
    } catch (error) {
      pending?.discard();
      throw error;
    }
    this.#settings = next;
    if (pending) this.#scheduler.setClient(pending.commit());
    if (JSON.stringify(next) !== JSON.stringify(previous)) this.#feed.settingsChanged();
    return next;
  }

  /**
   * Replaces the credentials in one step: a new client, and a hold for rejected credentials lifted; a 401 to a
   * request sent with the old ones is not held against the new. Null leaves the engine waiting for credentials.
   */
  setCredentials(credentials: Credentials | null): void {
    this.#assertRunning('change credentials');
    const checked = credentials === null ? null : validateCredentials(credentials);
    this.#scheduler.setClient(this.#connection.setCredentials(checked));
    if (checked !== null && checked.method !== this.#settings.authMethod) {
      this.#settings = { ...this.#settings, authMethod: checked.method };
      this.#feed.settingsChanged();
    }
  }

  /** Forgets every message whose watch ended (final, not found, gave up); returns their ids. */
  clearFinished(): readonly string[] {
    const removed = this.#list.removeFinished();
    this.#feed.removed(removed);
    return removed;
  }

  /** Sets (or clears) the label of messages on the list; returns the ids found. */
  setLabel(messageIds: readonly string[], label: string | null): readonly string[] {
    this.#feed.upserted(this.#list.setLabel(messageIds, label));
    return this.#found(messageIds);
  }

  /** Expects a final status within `deadlineMs` from now (or no deadline, with null); returns the watched ids found. */
  setDeadline(messageIds: readonly string[], deadlineMs: number | null): readonly string[] {
    const deadlineAt =
      deadlineMs === null
        ? null
        : this.#clock.now() + numberOption('deadlineMs', deadlineMs, 0, { min: 0, minInclusive: false });
    const changed = this.#list.setDeadline(messageIds, deadlineAt);
    for (const id of changed) this.#scheduler.setDeadline(id, deadlineAt);
    this.#feed.upserted(changed);
    if (changed.length > 0) this.#feed.totalsMayHaveChanged();
    return this.#found(messageIds).filter((id) => this.#list.get(id)?.phase === 'watching');
  }

  /** Marks failures as seen by a person (until something new goes wrong); returns the ids found. */
  acknowledge(messageIds: readonly string[]): readonly string[] {
    this.#feed.upserted(this.#list.setAcknowledged(messageIds, true));
    return this.#found(messageIds);
  }

  /**
   * Puts saved messages (an import) back on the list exactly as they were (status, history, label, deadline,
   * acknowledgement) and resumes checking those still being watched. Ids already on the list are left as they
   * are; ids that are not valid message ids are rejected. Throws once stopped.
   */
  restore(records: readonly SavedRecord[]): RestoreResult {
    this.#assertRunning('restore messages');
    const { valid, rejected } = checkMessageIds(records.map((record) => record.id));
    const acceptable = new Set(valid);
    const candidates = records.filter((record) => acceptable.has(record.id));
    const restored = this.#list.restore(candidates);
    this.#resume(restored);
    const added = new Set(restored.map((record) => record.id));
    return {
      restored: [...added],
      alreadyWatched: candidates.filter((record) => !added.has(record.id)).map((record) => record.id),
      rejected,
    };
  }

  /** Every message as hosts see it, in the order added. */
  messages(): MessageView[] {
    return this.#list.all().map((record) => this.#view(record));
  }

  /** One message as hosts see it. */
  message(messageId: string): MessageView | undefined {
    const record = this.#list.get(messageId);
    return record && this.#view(record);
  }

  /** The engine's overall state right now (also in every snapshot); a failed save outranks the scheduler's blockers. */
  get health(): EngineHealth {
    return this.#withWebhooks(withSaveBlocker(this.#scheduler.health, this.#saveBlocker));
  }

  /**
   * Resolves once every change made so far (a `watch`, a `restore`...) is committed to the store; rejects with the
   * store's error when it could not be saved (the change stays on the list and is saved again).
   */
  persisted(): Promise<void> {
    return this.#list.persisted();
  }

  #setSaveBlocker(blocker: BlockerOf<'save_failed'> | null): void {
    if (blocker === null && this.#saveBlocker === null) return;
    this.#saveBlocker = blocker;
    this.#publishHealth();
  }

  #publishHealth(): void {
    const health = this.health;
    this.#feed.healthChanged(health);
    this.#healthNotifier.publish(health);
  }

  /**
   * Applies a status SMSBAT pushed to the webhook, like a check's answer (see `recordWithPushed`): for a watched
   * message, or, with `watchUnknown`, for any id, which is then watched with the label "From webhook". A final status
   * ends the watch (after one confirming check when the charge is unknown). Says what it did; never throws.
   */
  applyPushed(status: WebhookStatus, options: { readonly watchUnknown?: boolean } = {}): AppliedPush {
    if (this.#lifecycle === 'stopped') return { outcome: 'not_watched', added: false };
    this.#webhooks?.received();
    const id = status.messageId;
    let added = false;
    if (this.#list.get(id) === undefined) {
      if (options.watchUnknown !== true) return { outcome: 'not_watched', added };
      added = this.watch([id], { label: FROM_WEBHOOK_LABEL }).added.length > 0;
    }
    const result: { outcome: PushedOutcome } = { outcome: 'not_watched' };
    recordChange(this.#list, this.#feed, id, status.at, () => {
      result.outcome = this.#list.recordPushed(status);
    });
    const { outcome } = result;
    const snapshot = this.#list.get(id)?.snapshot;
    if ((outcome === 'applied' || outcome === 'cost_filled') && snapshot)
      this.#scheduler.pushed(id, snapshot, status.at, confirmPushedFinal(snapshot.charge));
    return { outcome, added };
  }

  /** How many messages are still being checked. */
  get activeCount(): number {
    return this.#list.all().filter((message) => message.phase === 'watching').length;
  }

  /** Subscribes to the watch list's batches (older form of `subscribe`), each delivered from a microtask. */
  onChange(listener: WatchListListener): () => void {
    let subscribed = true;
    const off = this.#list.onChange((change) => {
      queueMicrotask(() => {
        if (subscribed) callSafely(listener, change, this.#onListenerError);
      });
    });
    return () => {
      subscribed = false;
      off();
    };
  }

  /** Subscribes to health changes alone, each delivered from a microtask (`subscribe` carries them too). */
  onHealth(listener: HealthListener): () => void {
    return this.#healthNotifier.add(listener);
  }

  /** The credentials were replaced inside the client: lifts a hold for rejected credentials. */
  credentialsChanged(): void {
    this.#scheduler.setClient(this.#connection.connect());
  }

  /** Publishes and saves pending changes now. */
  async flush(): Promise<void> {
    this.#feed.publish();
    await this.#list.flush();
  }

  /** The learned profile as it stands (null with the backoff policy). */
  learnedProfile(): SavedDeliveryProfile | null {
    return this.#learner?.save(this.#clock.now()) ?? null;
  }

  /** Saves the learned profile; a failed save is reported, never thrown (the next run starts colder). */
  async #saveProfile(): Promise<void> {
    const profile = this.learnedProfile();
    if (profile === null) return;
    try {
      await this.#profileStore.save(profile);
    } catch (error) {
      this.#onStoreError(error);
    }
  }

  /** Restores the saved profile once; one that cannot be read leaves the policy cold. */
  async #restoreProfile(): Promise<void> {
    if (this.#learner === null || this.#profileRestored) return;
    this.#profileRestored = true;
    try {
      const saved = await this.#profileStore.load();
      if (saved !== null) this.#learner.restore(saved);
    } catch (error) {
      this.#onStoreError(error);
    }
  }

  async #load(): Promise<void> {
    const [loaded] = await Promise.all([this.#list.load(), this.#restoreProfile()]);
    if (this.#lifecycle === 'stopped') return;
    this.#resume(loaded);
  }

  /** Schedules the records still being watched (saved or imported) and publishes them. */
  #resume(records: readonly WatchRecord[]): void {
    for (const message of records) {
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
    this.#feed.upserted(records.map((message) => message.id));
    if (records.length > 0) this.#feed.totalsMayHaveChanged();
  }

  #withWebhooks(health: EngineHealth): EngineHealth {
    const webhooks = this.#webhooks?.health();
    return webhooks === undefined ? health : { ...health, webhooks };
  }

  /** Publishes the new mode; webhooks that fell silent may have lost statuses, so every watched id is checked. */
  #webhookModeChanged(mode: WebhookMode, before: WebhookMode): void {
    if (this.#lifecycle === 'stopped') return;
    if (mode === 'silent' && before === 'flowing') this.#scheduler.refreshNow();
    this.#publishHealth();
  }

  #assertRunning(action: string): void {
    if (this.#lifecycle === 'stopped') throw new EngineStoppedError(action);
  }

  #found(messageIds: readonly string[]): string[] {
    return [...new Set(messageIds)].filter((id) => this.#list.get(id) !== undefined);
  }

  #view(record: WatchRecord): MessageView {
    return toMessageView(record, this.#scheduler.facts(record.id));
  }
}
