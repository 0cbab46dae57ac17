import { join } from 'node:path';
import { nativeImage, type BrowserWindow } from 'electron';
import type { HostCapabilities } from '../../shared/contract';
import type { HostServices } from '../host/host-services';
import { sendContractEvent } from './ipc-main';
import { hideOnClose, type QuitState } from './quit';
import { createWindow } from './window';
import { connectWindowFeed } from './window-feed';

/**
 * Opens the monitor's window from the built app in `outDir`: its page (the custom scheme, or the dev server), the
 * host's events per loaded page, and hiding on close unless quitting.
 */
export function openMonitorWindow(
  services: HostServices,
  options: {
    readonly outDir: string;
    readonly pageUrl: string;
    readonly quit: QuitState;
    /** Who shows notifications: where the window does (toasts), it is sent them. */
    readonly capabilities: HostCapabilities;
  },
): BrowserWindow {
  const window = createWindow({
    preloadPath: join(options.outDir, 'preload', 'index.cjs'),
    pageUrl: options.pageUrl,
    icon: nativeImage.createFromPath(join(options.outDir, '..', 'resources', 'icon.png')),
    onLoadFailed: (message) => {
      console.error(message);
    },
  });
  hideOnClose(window, options.quit);
  connectWindowFeed(
    window,
    (listener) => services.subscribe(listener),
    (message) => {
      sendContractEvent(window.webContents, message);
    },
    options.capabilities,
  );
  return window;
}
