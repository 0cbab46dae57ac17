import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeImage,
  net,
  powerMonitor,
  protocol,
  session,
  shell,
} from 'electron';
import { createHostEngine } from '../host/create-host-engine';
import { acquireDataDirLock } from '../host/data-dir-lock';
import { startHostServices, type HostServices } from '../host/host-services';
import { settleAppIdentity } from './app-identity';
import { appMenuTemplate } from './app-menu';
import { APP_ORIGIN, APP_PAGE_URL, registerAppScheme, serveAppScheme } from './app-scheme';
import { registerContractIpc, sendContractEvent } from './ipc-main';
import { hideOnClose, installQuit, type QuitState } from './quit';
import { denyPermissions, guardAllWebContents } from './security';
import { showNotification } from './show-notification';
import { installSingleInstance } from './single-instance';
import { runStartup } from './startup';
import { isOwnWindowUrl, trustedSenderCheck } from './trusted-sender';
import { installWakeChecks } from './wake-checks';
import { createWindow, showWindow } from './window';
import { connectWindowFeed } from './window-feed';

/** The Electron host: the shared host services, the contract over IPC, one window, OS notifications. */
const OUT_DIR = join(import.meta.dirname, '..');
const DEV_URL = process.env['ELECTRON_RENDERER_URL'] ?? null;
const ORIGINS = { appOrigin: APP_ORIGIN, devUrl: DEV_URL };
const quit: QuitState = { quitting: false };
let window: BrowserWindow | null = null;

// Before anything else: the page's scheme, the folders, and one instance per data folder.
registerAppScheme(protocol);
const dataDir = settleAppIdentity(app);
if (
  !installSingleInstance(app, () => {
    showWindow(window);
  })
)
  app.quit();
else void runStartup(start, { app, dialog });

async function start(): Promise<void> {
  guardAllWebContents(app, shell);
  await app.whenReady();
  const lock = await acquireDataDirLock(dataDir);
  denyPermissions(session.defaultSession, (url) => isOwnWindowUrl(url, ORIGINS));
  serveAppScheme(protocol, join(OUT_DIR, 'renderer'));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, DEV_URL !== null)));
  const services = await startHostServices({
    dataDir,
    env: process.env,
    createEngine: createHostEngine,
    onProblem: (message) => {
      console.error(message);
    },
  });
  // Notifications are the main process's alone here; `installNotifications(deps)` takes this line over.
  services.subscribe(showNotification);
  // The tray (`installTray(deps)`) plugs in here, with the services, `showWindow` and `app.quit`.
  registerContractIpc(services.handlers, {
    isTrustedSender: trustedSenderCheck(
      () => BrowserWindow.getAllWindows().map((w) => w.webContents),
      ORIGINS,
    ),
    onHandlerError: (name, error) => {
      console.error(`${name} failed:`, error);
    },
  });
  installWakeChecks({
    powerMonitor,
    isOnline: () => net.isOnline(),
    wake: () => {
      services.engine.wake();
    },
  });
  installQuit(app, {
    state: quit,
    stop: async () => {
      await services.stop();
      await lock.release();
    },
    showError: (title, content) => {
      dialog.showErrorBox(title, content);
    },
  });
  window = openWindow(services);
  app.on('activate', () => {
    showWindow(window);
  });
}

function openWindow(services: HostServices): BrowserWindow {
  const opened = createWindow({
    preloadPath: join(OUT_DIR, 'preload', 'index.cjs'),
    pageUrl: DEV_URL ?? APP_PAGE_URL,
    icon: nativeImage.createFromPath(join(OUT_DIR, '..', 'resources', 'icon.png')),
    onLoadFailed: (message) => {
      console.error(message);
    },
  });
  hideOnClose(opened, quit);
  connectWindowFeed(
    opened,
    (listener) => services.subscribe(listener),
    (message) => {
      sendContractEvent(opened.webContents, message);
    },
  );
  return opened;
}
