import type { MonitorClient, PreloadBridge } from '../../../shared/contract';

/**
 * The window's client inside Electron: the preload's named functions as they are, and `on` mapped to the bridge's
 * `onFeed`, `onConnection`, ... (the bridge exposes nothing generic).
 */
export function createPreloadClient(bridge: PreloadBridge): MonitorClient {
  const subscribe: { readonly [E in keyof PreloadBridge]: PreloadBridge[E] } = bridge;
  return {
    ...subscribe,
    on(event, listener) {
      switch (event) {
        case 'feed':
          return bridge.onFeed(listener as Parameters<PreloadBridge['onFeed']>[0]);
        case 'connection':
          return bridge.onConnection(listener as Parameters<PreloadBridge['onConnection']>[0]);
        case 'preferences':
          return bridge.onPreferences(listener as Parameters<PreloadBridge['onPreferences']>[0]);
        case 'notification':
          return bridge.onNotification(listener as Parameters<PreloadBridge['onNotification']>[0]);
        case 'capabilities':
          return bridge.onCapabilities(listener as Parameters<PreloadBridge['onCapabilities']>[0]);
        case 'reveal':
          return bridge.onReveal(listener as Parameters<PreloadBridge['onReveal']>[0]);
      }
      throw new TypeError(`Unknown event ${String(event)}`);
    },
  };
}
