import type { BrowserWindow } from 'electron';
import type { ContractEventMessage, HostCapabilities } from '../../shared/contract';

/** Subscribes to the host's events; returns the function that ends the subscription. */
export type EventSubscription = (listener: (message: ContractEventMessage) => void) => () => void;

/**
 * Whether an event goes to the window in the desktop app: everything, except notifications while the main process
 * shows them itself as the operating system's (one owner, so nothing is shown twice). Where the OS cannot show
 * them (`toasts`), the window gets them for its toasts.
 */
export function forwardsToWindow(message: ContractEventMessage, capabilities: HostCapabilities): boolean {
  return message.event !== 'notification' || capabilities.notifications !== 'host';
}

/**
 * Feeds a window the host's events, one subscription per loaded page: each finished load replaces the previous
 * page's subscription (the new page's preload starts empty and gets the state again), and a closed window or a
 * crashed page ends it. A navigation that is refused changes nothing.
 */
export function connectWindowFeed(
  window: BrowserWindow,
  subscribe: EventSubscription,
  send: (message: ContractEventMessage) => void,
  capabilities: HostCapabilities,
): () => void {
  let current: (() => void) | null = null;
  const end = (): void => {
    current?.();
    current = null;
  };
  window.webContents.on('did-finish-load', () => {
    end();
    current = subscribe((message) => {
      if (forwardsToWindow(message, capabilities)) send(message);
    });
  });
  window.webContents.on('render-process-gone', end);
  window.once('closed', end);
  return end;
}
