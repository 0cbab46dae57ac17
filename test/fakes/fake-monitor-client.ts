import type { WebhookInfo } from '../../shared/webhook-settings';
import {
  LISTED_REJECTIONS,
  listedFeedItem,
  type ConnectionInfo,
  type ContractEvents,
  type ContractResult,
  type EventName,
  type MonitorClient,
  type RequestName,
  type RequestPayload,
  type UiPreferences,
} from '../../shared/contract';
import type { EngineChange, EngineSettings, MessageView } from '../../shared/engine-api';
import type { EngineHealth } from '../../shared/engine-health';
import { parseMessageIdsWithin } from '../../shared/message-ids';
import { summarize } from '../../shared/totals';
import { TEST_SETTINGS, runningHealth } from './message-views';

/** One request the fake received. */
export interface RecordedCall {
  readonly name: RequestName;
  readonly payload: unknown;
}

/** Overrides one request's answer. */
type Responder<N extends RequestName> = (payload: RequestPayload<N>) => ContractResult<N>;

/** How the fake starts. */
export interface FakeClientOptions {
  readonly messages?: readonly MessageView[];
  readonly health?: EngineHealth;
  readonly connection?: Partial<ConnectionInfo>;
  readonly preferences?: Partial<UiPreferences>;
  readonly settings?: EngineSettings;
  /** Holds the snapshot a subscriber gets until `sendHeldSnapshots()`, as a slow host would. */
  readonly holdSnapshot?: boolean;
}

const CONNECTED: ConnectionInfo = {
  source: 'keychain',
  signedInAs: 'API key ending 0000',
  baseUrl: 'https://restapi.smsbat.com',
  authMethod: 'api-key-header',
  noCredentialsReason: null,
  demo: false,
  persistent: true,
};

/**
 * An in-memory MonitorClient for component tests and the UI harness: keeps messages, answers every request like a
 * host would, pushes feed changes, and records each call. No timers; tests drive it through `upsert` and `emit`.
 */
export class FakeMonitorClient {
  readonly calls: RecordedCall[] = [];
  #version = 1;
  #messages = new Map<string, MessageView>();
  #health: EngineHealth;
  #settings: EngineSettings;
  #connection: ConnectionInfo;
  #preferences: UiPreferences;
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>();
  readonly #responders = new Map<RequestName, (payload: never) => unknown>();
  readonly #holdSnapshot: boolean;
  /** The webhook receiver as this fake reports it. */
  webhooks: WebhookInfo = {
    enabled: false,
    host: '127.0.0.1',
    port: 8789,
    publicBaseUrl: null,
    watchUnknown: false,
    url: 'http://127.0.0.1:8789/webhook/secret',
    state: { kind: 'off' },
    refusals: {
      wrong_path: 0,
      wrong_method: 0,
      too_large: 0,
      not_json_type: 0,
      rate_limited: 0,
      not_json: 0,
      bad_shape: 0,
    },
  };
  #heldSubscribers: ((item: unknown) => void)[] = [];

  constructor(options: FakeClientOptions = {}) {
    for (const message of options.messages ?? []) this.#messages.set(message.id, message);
    this.#health = options.health ?? runningHealth(this.#messages.size);
    this.#settings = options.settings ?? TEST_SETTINGS;
    this.#connection = { ...CONNECTED, ...options.connection };
    this.#holdSnapshot = options.holdSnapshot ?? false;
    this.#preferences = {
      theme: 'system',
      language: 'en',
      notify: { delivered: false, failed: true, overdue: true },
      ...options.preferences,
    };
  }

  /** The MonitorClient view of this fake. */
  get client(): MonitorClient {
    const call =
      <N extends RequestName>(name: N) =>
      (payload: RequestPayload<N>): Promise<ContractResult<N>> => {
        this.calls.push({ name, payload });
        const responder = this.#responders.get(name) as Responder<N> | undefined;
        return Promise.resolve(responder ? responder(payload) : this.#answer(name, payload));
      };
    return {
      snapshot: call('snapshot'),
      messageHistory: call('messageHistory'),
      watch: call('watch'),
      watchText: call('watchText'),
      unwatch: call('unwatch'),
      refresh: call('refresh'),
      pause: call('pause'),
      resume: call('resume'),
      acknowledge: call('acknowledge'),
      clearFinished: call('clearFinished'),
      setLabel: call('setLabel'),
      setDeadline: call('setDeadline'),
      getSettings: call('getSettings'),
      updateSettings: call('updateSettings'),
      getPreferences: call('getPreferences'),
      updatePreferences: call('updatePreferences'),
      getConnection: call('getConnection'),
      connect: call('connect'),
      testConnection: call('testConnection'),
      disconnect: call('disconnect'),
      startDemo: call('startDemo'),
      exportView: call('exportView'),
      importMessages: call('importMessages'),
      getWebhooks: call('getWebhooks'),
      updateWebhooks: call('updateWebhooks'),
      newWebhookSecret: call('newWebhookSecret'),
      on: <E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void) => {
        let set = this.#listeners.get(event);
        if (!set) {
          set = new Set();
          this.#listeners.set(event, set);
        }
        set.add(listener);
        if (event === 'feed' && this.#holdSnapshot)
          this.#heldSubscribers.push(listener as (item: unknown) => void);
        else if (event === 'feed')
          queueMicrotask(() => {
            listener(this.#snapshotItem() as ContractEvents[E]);
          });
        return () => set.delete(listener);
      },
    };
  }

  /** Sends the snapshot each feed subscriber was held from (see `holdSnapshot`). */
  sendHeldSnapshots(): void {
    for (const listener of this.#heldSubscribers.splice(0)) listener(this.#snapshotItem());
  }

  /** Makes one request answer with the given function instead of the fake's own logic. */
  respond<N extends RequestName>(name: N, responder: Responder<N>): void {
    this.#responders.set(name, responder);
  }

  /** Pushes an event to every listener. */
  emit<E extends EventName>(event: E, payload: ContractEvents[E]): void {
    for (const listener of this.#listeners.get(event) ?? [])
      (listener as (p: ContractEvents[E]) => void)(payload);
  }

  /** Adds or replaces messages and pushes the change. */
  upsert(messages: readonly MessageView[], events: EngineChange['events'] = []): void {
    for (const message of messages) this.#messages.set(message.id, message);
    this.#pushChange({ upserted: messages, removed: [], events });
  }

  /** Replaces the engine health and pushes the change. */
  setHealth(health: EngineHealth): void {
    this.#health = health;
    this.#pushChange({ upserted: [], removed: [], events: [], health });
  }

  /** The messages the fake holds now. */
  get messages(): readonly MessageView[] {
    return [...this.#messages.values()];
  }

  #snapshotItem(): ContractEvents['feed'] {
    return listedFeedItem({
      type: 'snapshot',
      snapshot: {
        version: this.#version,
        messages: this.messages,
        health: this.#health,
        totals: summarize(this.messages),
        settings: this.#settings,
      },
    });
  }

  #pushChange(change: Omit<EngineChange, 'version' | 'totals'>): void {
    this.#version += 1;
    this.emit(
      'feed',
      listedFeedItem({
        type: 'change',
        change: { ...change, version: this.#version, totals: summarize(this.messages) },
      }),
    );
  }

  #watch(ids: readonly string[], label: string | null, deadlineMs: number | null) {
    const added: string[] = [];
    const alreadyWatched: string[] = [];
    const upserted: MessageView[] = [];
    const now = Date.now();
    for (const id of ids) {
      if (this.#messages.has(id)) {
        alreadyWatched.push(id);
        continue;
      }
      added.push(id);
      const message: MessageView = {
        id,
        label,
        phase: 'watching',
        snapshot: null,
        history: [],
        addedAt: now,
        lastCheckedAt: null,
        lastChangedAt: null,
        deadlineAt: deadlineMs === null ? null : now + deadlineMs,
        overdue: false,
        lastError: null,
        acknowledged: false,
        schedule: { nextCheckAt: now, inFlight: false, consecutiveFailures: 0, heldBy: null },
      };
      this.#messages.set(id, message);
      upserted.push(message);
    }
    if (upserted.length > 0) this.#pushChange({ upserted, removed: [], events: [] });
    return { added, alreadyWatched };
  }

  #remove(ids: readonly string[]): string[] {
    const removed = ids.filter((id) => this.#messages.delete(id));
    if (removed.length > 0) this.#pushChange({ upserted: [], removed, events: [] });
    return removed;
  }

  #answer<N extends RequestName>(name: N, raw: RequestPayload<N>): ContractResult<N> {
    const ok = (value: unknown) => ({ ok: true, value }) as unknown as ContractResult<N>;
    const payload = raw as Record<string, unknown>;
    const ids = (payload.messageIds as readonly string[] | undefined) ?? [];
    switch (name) {
      case 'snapshot': {
        const item = this.#snapshotItem();
        return ok(item.type === 'snapshot' ? item.snapshot : null);
      }
      case 'messageHistory':
        return ok(this.#messages.get(payload.messageId as string)?.history ?? null);
      case 'watch': {
        const result = this.#watch(
          ids,
          (payload.label as string | null | undefined) ?? null,
          (payload.deadlineMs as number | null | undefined) ?? null,
        );
        return ok({ ...result, rejected: [] });
      }
      case 'watchText': {
        const parsed = parseMessageIdsWithin(payload.text as string, {
          maxListedRejections: LISTED_REJECTIONS,
        });
        const result = this.#watch(
          parsed.ids,
          (payload.label as string | null | undefined) ?? null,
          (payload.deadlineMs as number | null | undefined) ?? null,
        );
        return ok({
          ...result,
          rejected: parsed.rejected,
          duplicates: parsed.duplicates,
          moreRejected: parsed.unlistedRejections,
        });
      }
      case 'unwatch':
      case 'clearFinished': {
        const target =
          name === 'unwatch' ? ids : this.messages.filter((m) => m.phase !== 'watching').map((m) => m.id);
        return ok(this.#remove(target));
      }
      case 'refresh': {
        const target = ids.length > 0 ? ids : [...this.#messages.keys()];
        return ok(target.map((messageId) => ({ messageId, outcome: 'queued', at: Date.now() })));
      }
      case 'acknowledge': {
        const upserted = ids.flatMap((id) => {
          const message = this.#messages.get(id);
          return message ? [{ ...message, acknowledged: true }] : [];
        });
        this.upsert(upserted);
        return ok(upserted.map((m) => m.id));
      }
      case 'pause':
      case 'resume':
        this.setHealth({ ...this.#health, mode: name === 'pause' ? 'paused' : 'running' });
        return ok(null);
      case 'setLabel':
      case 'setDeadline':
        return ok(ids);
      case 'getSettings':
        return ok(this.#settings);
      case 'updateSettings':
        this.#settings = { ...this.#settings, ...(payload.settings as Partial<EngineSettings>) };
        this.#pushChange({ upserted: [], removed: [], events: [], settings: this.#settings });
        return ok(this.#settings);
      case 'getPreferences':
        return ok(this.#preferences);
      case 'updatePreferences': {
        const next = payload.preferences as Partial<UiPreferences>;
        this.#preferences = {
          ...this.#preferences,
          ...next,
          notify: { ...this.#preferences.notify, ...next.notify },
        };
        this.emit('preferences', this.#preferences);
        return ok(this.#preferences);
      }
      case 'getConnection':
        return ok(this.#connection);
      case 'connect':
      case 'startDemo':
      case 'disconnect': {
        this.#connection =
          name === 'connect'
            ? { ...CONNECTED, baseUrl: payload.baseUrl as string }
            : name === 'startDemo'
              ? {
                  source: 'demo',
                  signedInAs: 'user demo',
                  baseUrl: 'http://127.0.0.1:0',
                  authMethod: null,
                  noCredentialsReason: null,
                  demo: true,
                  persistent: true,
                }
              : {
                  ...this.#connection,
                  source: 'none',
                  signedInAs: null,
                  noCredentialsReason: 'not-connected',
                  demo: false,
                };
        this.emit('connection', this.#connection);
        return ok(this.#connection);
      }
      case 'testConnection':
        return ok({ ok: true, signedInAs: 'API key ending 0000' });
      case 'exportView': {
        const format = payload.format as string;
        const content =
          format === 'csv'
            ? 'id\n' + this.messages.map((m) => m.id).join('\n')
            : JSON.stringify(this.messages);
        return ok({
          fileName: `messages.${format}`,
          mimeType: format === 'csv' ? 'text/csv' : 'application/json',
          content,
        });
      }
      case 'importMessages':
        return ok({ imported: 0, skipped: 0, problems: [] });
      case 'getWebhooks':
      case 'newWebhookSecret':
        return ok(this.webhooks);
      case 'updateWebhooks':
        this.webhooks = { ...this.webhooks, ...(payload.webhooks as Partial<WebhookInfo>) };
        return ok(this.webhooks);
    }
    return {
      ok: false,
      error: { kind: 'failed', message: `The fake does not know ${name}.` },
    };
  }
}
