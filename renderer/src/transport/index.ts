import type { MonitorClient, PreloadBridge } from '../../../shared/contract';
import { createPreloadClient } from './preload-client';
import { createWebSocketClient, webSocketUrlFor } from './websocket-client';

export { createPreloadClient } from './preload-client';
export {
  createWebSocketClient,
  webSocketUrlFor,
  type LinkStatus,
  type WebSocketLike,
} from './websocket-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the browser host serves the window. */
    readonly smsbat?: PreloadBridge;
  }
}

/**
 * The client for whichever host serves this window: the Electron preload bridge when there is one, else the
 * browser host's WebSocket on the page's own address.
 */
export function createMonitorClient(target: Window = window): MonitorClient {
  if (target.smsbat !== undefined) return createPreloadClient(target.smsbat);
  return createWebSocketClient({ url: webSocketUrlFor(target.location) });
}
