import { mkdir } from 'node:fs/promises';
import { listedFeedItem, type ContractEventMessage, type RequestHandlers } from '../../shared/contract';
import { DEMO_TIME_SCALE } from '../cli/demo-ids';
import { startSimulator } from '../core/simulator';
import { ConnectionManager, type DemoSimulator } from './connection-manager';
import { testConnection } from './connection-test';
import type { EngineConnection, HostEngine, HostEngineFactory } from './engine-port';
import { connectionFromEnvironment } from './environment-credentials';
import { EventHub } from './event-hub';
import { JsonFileSettingsStore, JsonFileWatchListStore } from './file-stores';
import { JsonFileProfileStore, ProfileFileError } from './profile-file-store';
import { decideNotifications } from './notifications';
import { createRequestHandlers } from './request-handlers';
import { WebhookHost } from './webhook-host';
import { WebhookSettingsStore } from './webhook-settings-store';
import { InMemorySecretStore, type SecretStore } from './secret-store';

/** What a host is built from. */
export interface HostServicesOptions {
  /** Where settings and the watch list are kept. */
  readonly dataDir: string;
  /** The environment to read SMSBAT_* credentials from. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly createEngine: HostEngineFactory;
  /** @default an in-memory store (credentials do not survive a restart) */
  readonly secretStore?: SecretStore;
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
}

/** One engine with its stores and connection, served the same way by either host. */
export interface HostServices {
  /** One handler per contract request (give them to `dispatch`). */
  readonly handlers: RequestHandlers;
  readonly engine: HostEngine;
  /** Sends the connection, the preferences and the engine's snapshot at once, then every pushed event. */
  subscribe(listener: (message: ContractEventMessage) => void): () => void;
  /** Stops the engine (saving the list) and the demo simulator. */
  stop(): Promise<void>;
}

/** What to tell people when the engine could not read or save one of its files: which file, and what follows. */
export function storeErrorMessage(error: unknown): string {
  if (error instanceof ProfileFileError)
    return `${error.message} (the monitor goes on with what it has learned in memory).`;
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
  const settings = new JsonFileSettingsStore(dataDir, onProblem);
  const saved = await settings.load();
  const webhookSettings = new WebhookSettingsStore(dataDir, onProblem);
  const engine = options.createEngine({
    webhooks: { enabled: () => webhookSettings.current.enabled },
    store: new JsonFileWatchListStore(dataDir, onProblem),
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
      onPreferences: (preferences) => {
        hub.emit('preferences', preferences);
      },
      now: options.now,
    }),
  };

  return {
    handlers,
    engine,
    subscribe(listener) {
      listener({ event: 'connection', payload: connections.info() });
      listener({ event: 'preferences', payload: settings.current.preferences });
      const stopFeed = engine.subscribe((item) => {
        listener({ event: 'feed', payload: listedFeedItem(item) });
      });
      const stopHub = hub.on(listener);
      return () => {
        stopFeed();
        stopHub();
      };
    },
    async stop() {
      stopNotifying();
      await webhooks.close();
      await engine.stop();
      await connections.close();
    },
  };
}
