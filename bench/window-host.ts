import {
  listedFeedItem,
  listedSnapshot,
  type ConnectionInfo,
  type ContractEventMessage,
  type ListedSnapshot,
  type RequestHandlers,
  type UiPreferences,
} from '../shared/contract';
import { startBrowserHost, type RunningBrowserHost } from '../electron/host/loopback/browser-host';
import { DEFAULT_PREFERENCES } from '../electron/host/preferences';
import type { SyntheticFeed } from './window-feed';

/** The connection the benchmark's host reports: signed in, so the window shows its list at once. */
const CONNECTION: ConnectionInfo = {
  source: 'memory',
  signedInAs: 'API key ending 0000',
  baseUrl: 'https://restapi.smsbat.com',
  authMethod: 'api-key-header',
  noCredentialsReason: null,
  demo: false,
  persistent: false,
};

/** A browser host serving the built window with a synthetic feed instead of an engine. */
export interface WindowBenchHost {
  /** The address to open (with the run's token). */
  readonly url: string;
  /** Publishes the feed's next change of `messageCount` messages to every open window. */
  publishChange(messageCount: number): void;
  close(): Promise<void>;
}

/** What the benchmark's host serves. */
export interface WindowBenchHostOptions {
  /** The built window (`out/renderer`). */
  readonly rendererDir: string;
  readonly feed: SyntheticFeed;
}

function unavailable(name: string): never {
  throw new Error(`${name} is not available in the window benchmark.`);
}

/**
 * Starts the real loopback browser host (same HTTP, WebSocket and token rules as `npm run start:browser`) on
 * 127.0.0.1 with request handlers over the synthetic feed: each window gets the connection, the preferences and
 * the feed's snapshot on connect, then every published change.
 */
export async function startWindowBenchHost(options: WindowBenchHostOptions): Promise<WindowBenchHost> {
  const { feed } = options;
  const listeners = new Set<(message: ContractEventMessage) => void>();
  const preferences: UiPreferences = { ...DEFAULT_PREFERENCES, language: 'en', theme: 'light' };
  // The window gets what the app's hosts push: messages without their histories.
  const snapshot = (): ListedSnapshot => listedSnapshot(feed.snapshot());
  const handlers: RequestHandlers = {
    snapshot,
    messageHistory: ({ messageId }) =>
      feed.snapshot().messages.find((message) => message.id === messageId)?.history ?? null,
    watch: () => unavailable('watch'),
    watchText: () => unavailable('watchText'),
    unwatch: () => [],
    refresh: () => [],
    pause: () => null,
    resume: () => null,
    acknowledge: () => [],
    clearFinished: () => [],
    setLabel: () => [],
    setDeadline: () => [],
    getSettings: () => snapshot().settings,
    updateSettings: () => unavailable('updateSettings'),
    getPreferences: () => preferences,
    updatePreferences: () => preferences,
    getConnection: () => CONNECTION,
    connect: () => CONNECTION,
    testConnection: () => ({ ok: true, signedInAs: CONNECTION.signedInAs ?? '' }),
    disconnect: () => CONNECTION,
    startDemo: () => CONNECTION,
    exportView: () => unavailable('exportView'),
    importMessages: () => unavailable('importMessages'),
    getWebhooks: () => unavailable('getWebhooks'),
    updateWebhooks: () => unavailable('updateWebhooks'),
    newWebhookSecret: () => unavailable('newWebhookSecret'),
  };
  const host: RunningBrowserHost = await startBrowserHost({
    handlers,
    rendererDir: options.rendererDir,
    subscribe(listener) {
      listener({ event: 'connection', payload: CONNECTION });
      listener({ event: 'preferences', payload: preferences });
      listener({ event: 'feed', payload: { type: 'snapshot', snapshot: snapshot() } });
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  });
  return {
    url: host.url,
    publishChange(messageCount) {
      const change = feed.nextChange(messageCount);
      for (const listener of listeners)
        listener({ event: 'feed', payload: listedFeedItem({ type: 'change', change }) });
    },
    close: () => host.close(),
  };
}
