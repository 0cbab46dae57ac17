import { mkdir } from 'node:fs/promises';
import {
  listedFeedItem,
  type ContractEventMessage,
  type HostCapabilities,
  type RequestHandlers,
} from '../../shared/contract';
import type { RevealTarget } from '../../shared/reveal';
import { DEMO_TIME_SCALE } from '../cli/demo-ids';
import { startSimulator } from '../core/simulator';
import { ConnectionManager, type DemoSimulator } from './connection-manager';
import { testConnection } from './connection-test';
import type { EngineConnection, HostEngine, HostEngineFactory } from './engine-port';
import { connectionFromEnvironment } from './environment-credentials';
import { EventHub } from './event-hub';
import { WatchListSaveError } from '../core/save-failure';
import { LmdbWatchListStore } from './lmdb-watch-list-store';
import { JsonFileProfileStore, ProfileFileError } from './profile-file-store';
import { decideNotifications } from './notifications';
import { createRequestHandlers } from './request-handlers';
import { WebhookHost } from './webhook-host';
import { WebhookSettingsStore } from './webhook-settings-store';
import { InMemorySecretStore, type SecretStore } from './secret-store';
import { openConfSettingsStore, type SettingsProblemSink } from './settings-open';
import type { SettingsStore } from './settings-store';

/** What a host is built from. */
export interface HostServicesOptions {
  /** Where settings and the watch list are kept. */
  readonly dataDir: string;
  /** The environment to read SMSBAT_* credentials from. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly createEngine: HostEngineFactory;
  /** @default an in-memory store (credentials do not survive a restart) */
  readonly secretStore?: SecretStore;
  /** Opens `settings.json` in the data directory. @default conf (the Electron host passes electron-store) */
  readonly openSettingsStore?: (dataDir: string, onProblem: SettingsProblemSink) => SettingsStore;
  /** Where problems people should know about go (a corrupt file moved aside, unusable env credentials). */
  readonly onProblem: (message: string) => void;
  /** @default the SMSBAT simulator on 127.0.0.1, running faster than real time */
  readonly startDemoSimulator?: () => Promise<DemoSimulator>;
  /** @default a real status request */
  readonly testConnection?: (
    connection: EngineConnection,
  ) => Promise<import('../../shared/contract').ConnectionTestResult>;
  /** @default Date.now */
  readonly now?: () => number;
  /** What the host can do, told to every window. @default the window shows notifications (the browser host) */
  readonly capabilities?: HostCapabilities;
}

/** One engine with its stores and connection, served the same way by either host. */
export interface HostServices {
  /** One handler per contract request (give them to `dispatch`). */
  readonly handlers: RequestHandlers;
  readonly engine: HostEngine;
  /** Sends the connection, the preferences and the engine's snapshot at once, then every pushed event. */
  subscribe(listener: (message: ContractEventMessage) => void): () => void;
  /** Asks every window to show a message or a filtered list (a person clicked a notification or the tray). */
  reveal(target: RevealTarget): void;
  /** Stops the engine (saving the list) and the demo simulator. */
  stop(): Promise<void>;
}

/**
 * How long a reveal waits for a window that is not listening yet: a click on a notification may have to create and
 * load the window first.
 */
export const REVEAL_REPLAY_MS = 10_000;

/** What to tell people when the engine could not read or save one of its files: which file, and what follows. */
export function storeErrorMessage(error: unknown): string {
  if (error instanceof ProfileFileError)
    return `${error.message} (the monitor goes on with what it has learned in memory).`;
  if (error instanceof WatchListSaveError) return error.message;
  return `Saving the watch list failed (it is kept in memory and saved again): ${String(error)}`;
}

/** Starts the built-in SMSBAT simulator on a free loopback port, with simulated time running faster. */
export async function startDemoSimulator(): Promise<DemoSimulator> {
  const running = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    timeScale: 1 / DEMO_TIME_SCALE,
    latencyMs: 40,
  });
  return { url: running.url, apiKey: running.simulator.credentials.apiKey, close: () => running.close() };
}

/**
 * Composes a host: settings and watch list files in the data directory, the engine, the credentials (environment
 * first, then the secret store), the demo, notifications, and the request handlers.
 */
export async function startHostServices(options: HostServicesOptions): Promise<HostServices> {
  const { dataDir, onProblem } = options;
  await mkdir(dataDir, { recursive: true });
  const settings = (options.openSettingsStore ?? openConfSettingsStore)(dataDir, onProblem);
  const saved = settings.current;
  const webhookSettings = new WebhookSettingsStore(dataDir, onProblem);
  const store = new LmdbWatchListStore({ dataDir, onProblem });
  const engine = options.createEngine({
    webhooks: { enabled: () => webhookSettings.current.enabled },
    store,
    profileStore: new JsonFileProfileStore(dataDir, onProblem),
    settings: saved.engine,
    onProblem,
    onStoreError: (error) => {
      onProblem(storeErrorMessage(error));
    },
  });
  const hub = new EventHub((error) => {
    onProblem(`A window listener failed: ${String(error)}`);
  });

  const fromEnv = connectionFromEnvironment(options.env);
  if (fromEnv.kind === 'unusable')
    onProblem(`Ignoring SMSBAT credentials in the environment: ${fromEnv.message}`);
  const connections = new ConnectionManager({
    engine,
    secretStore: options.secretStore ?? new InMemorySecretStore(),
    environment: fromEnv.kind === 'ok' ? fromEnv.connection : null,
    ...(saved.engine.baseUrl === undefined ? {} : { savedBaseUrl: saved.engine.baseUrl }),
    ...(saved.engine.authMethod === undefined ? {} : { savedAuthMethod: saved.engine.authMethod }),
    startDemoSimulator: options.startDemoSimulator ?? startDemoSimulator,
    testConnection: options.testConnection ?? ((connection) => testConnection(connection)),
    onChange: (info) => {
      hub.emit('connection', info);
    },
  });
  await connections.init();
  await engine.start();
  const webhooks = new WebhookHost({
    store: webhookSettings,
    apply: (status, { watchUnknown }) => engine.applyPushed(status, { watchUnknown }),
    onProblem,
  });
  await webhooks.init();

  const stopNotifying = engine.subscribe((item) => {
    if (item.type !== 'change' || item.change.events.length === 0) return;
    for (const notification of decideNotifications(item.change.events, settings.current.preferences.notify)) {
      hub.emit('notification', notification);
    }
  });

  const handlers: RequestHandlers = {
    ...webhooks.handlers(),
    ...createRequestHandlers({
      engine,
      connections,
      settings,
      onProblem,
      onPreferences: (preferences) => {
        hub.emit('preferences', preferences);
      },
      now: options.now,
    }),
  };

  const capabilities: HostCapabilities = options.capabilities ?? { notifications: 'window' };
  const now = options.now ?? Date.now;
  let lastReveal: { readonly target: RevealTarget; readonly at: number } | null = null;
  return {
    handlers,
    engine,
    reveal(target) {
      lastReveal = { target, at: now() };
      hub.emit('reveal', target);
    },
    subscribe(listener) {
      listener({ event: 'capabilities', payload: capabilities });
      listener({ event: 'connection', payload: connections.info() });
      listener({ event: 'preferences', payload: settings.current.preferences });
      const stopFeed = engine.subscribe((item) => {
        listener({ event: 'feed', payload: listedFeedItem(item) });
      });
      if (lastReveal !== null && now() - lastReveal.at < REVEAL_REPLAY_MS)
        listener({ event: 'reveal', payload: lastReveal.target });
      const stopHub = hub.on(listener);
      return () => {
        stopFeed();
        stopHub();
      };
    },
    async stop() {
      stopNotifying();
      await webhooks.close();
      try {
        await engine.stop();
      } finally {
        await store.close();
      }
      await connections.close();
    },
  };
}
