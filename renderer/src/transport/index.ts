import type { MonitorClient, PreloadBridge } from '../../../shared/contract';
import type { LinkStatus } from './link-state';
import { createPreloadClient } from './preload-client';
import { TOKEN_STORAGE_KEY, takeRunToken, type TokenPlaces } from './run-token';
import { createWebSocketClient, webSocketUrlFor } from './websocket-client';

export { createPreloadClient } from './preload-client';
export type { LinkStatus } from './link-state';
export { createWebSocketClient, webSocketUrlFor, type WebSocketLike } from './websocket-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the browser host serves the window. */
    readonly smsbat?: PreloadBridge;
  }
}

/** The link's status as something React can subscribe to (`useSyncExternalStore`). */
export interface LinkStatusSource {
  readonly current: () => LinkStatus;
  readonly subscribe: (listener: () => void) => () => void;
}

/** The window's client, and the status of its link to the host (always open for the Electron preload). */
export interface MonitorConnection {
  readonly client: MonitorClient;
  readonly link: LinkStatusSource;
}

function linkStatusStore(initial: LinkStatus) {
  let status = initial;
  const listeners = new Set<() => void>();
  return {
    set: (next: LinkStatus): void => {
      status = next;
      for (const listener of listeners) listener();
    },
    source: {
      current: () => status,
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    } satisfies LinkStatusSource,
  };
}

/** The tab's session storage, or memory for this page when the browser refuses storage (the token then lasts until a reload). */
function tabStorage(target: Window): TokenPlaces['storage'] {
  try {
    const storage = target.sessionStorage;
    storage.getItem(TOKEN_STORAGE_KEY);
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => {
        memory.set(key, value);
      },
    };
  }
}

/**
 * The client for whichever host serves this window: the Electron preload bridge when there is one, else the
 * browser host's WebSocket on the page's own address, with this run's token taken from the address once (and
 * again when a new address is opened in the same tab) and kept for the tab.
 */
export function createMonitorConnection(target: Window = window): MonitorConnection {
  if (target.smsbat !== undefined) {
    return { client: createPreloadClient(target.smsbat), link: linkStatusStore('open').source };
  }
  const places = { location: target.location, history: target.history, storage: tabStorage(target) };
  let token = takeRunToken(places);
  const link = linkStatusStore('connecting');
  const client = createWebSocketClient({
    url: webSocketUrlFor(target.location),
    token: () => token,
    onStatus: link.set,
  });
  // Opening the new address in this tab changes only the fragment, which reloads nothing: take it from there.
  target.addEventListener('hashchange', () => {
    const before = token;
    token = takeRunToken(places);
    if (token !== before) client.reconnect();
  });
  return { client, link: link.source };
}
