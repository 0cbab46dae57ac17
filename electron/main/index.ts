import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  net,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
} from 'electron';
import { createHostEngine } from '../host/create-host-engine';
import { acquireDataDirLock } from '../host/data-dir-lock';
import { startHostServices } from '../host/host-services';
import { createKeychainSecretStore, KEYCHAIN_SERVICES } from '../host/keychain-secret-store';
import { settleAppIdentity } from './app-identity';
import { appMenuTemplate } from './app-menu';
import { APP_ORIGIN, APP_PAGE_URL, registerAppScheme, serveAppScheme } from './app-scheme';
import type { DesktopDeps } from './desktop-deps';
import { installDesktopParts, installWindowCloseHint } from './desktop-parts';
import { openElectronSettingsStore } from './electron-settings-store';
import { registerContractIpc } from './ipc-main';
import { openMonitorWindow } from './monitor-window';
import { notificationCapabilities } from './notifications/notifications';
import { installQuit, type QuitState } from './quit';
import { denyPermissions, guardAllWebContents } from './security';
import { installSingleInstance } from './single-instance';
import { runStartup } from './startup';
import { isOwnWindowUrl, trustedSenderCheck } from './trusted-sender';
import { installWakeChecks } from './wake-checks';
import { showWindow } from './window';

/** The Electron host: the shared host services, the contract over IPC, one window, the tray, OS notifications. */
const OUT_DIR = join(import.meta.dirname, '..');
const DEV_URL = process.env['ELECTRON_RENDERER_URL'] ?? null;
const ORIGINS = { appOrigin: APP_ORIGIN, devUrl: DEV_URL };
const quit: QuitState = { quitting: false };
let window: BrowserWindow | null = null;
const showTheWindow = (): void => {
  showWindow(window);
};

// Before anything else: the page's scheme, the folders, and one instance per data folder.
registerAppScheme(protocol);
const dataDir = settleAppIdentity(app);
if (installSingleInstance(app, showTheWindow)) void runStartup(start, { app, dialog });
else app.quit();

async function start(): Promise<void> {
  guardAllWebContents(app, shell);
  await app.whenReady();
  const lock = await acquireDataDirLock(dataDir);
  denyPermissions(session.defaultSession, (url) => isOwnWindowUrl(url, ORIGINS));
  serveAppScheme(protocol, join(OUT_DIR, 'renderer'));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, DEV_URL !== null)));
  const onProblem = (message: string): void => {
    console.error(message);
  };
  const osNotifications = Notification.isSupported();
  const capabilities = notificationCapabilities(osNotifications);
  const services = await startHostServices({
    dataDir,
    env: process.env,
    createEngine: createHostEngine,
    capabilities,
    secretStore: createKeychainSecretStore({
      service: app.isPackaged ? KEYCHAIN_SERVICES.release : KEYCHAIN_SERVICES.development,
      onProblem,
    }),
    openSettingsStore: openElectronSettingsStore,
    onProblem,
  });
  const deps: DesktopDeps = {
    services,
    showWindow: showTheWindow,
    quit: () => {
      app.quit();
    },
    isQuitting: () => quit.quitting,
  };
  installDesktopParts(deps, { osNotifications, mainDir: import.meta.dirname, onProblem });
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
  window = openMonitorWindow(services, {
    outDir: OUT_DIR,
    pageUrl: DEV_URL ?? APP_PAGE_URL,
    quit,
    capabilities,
  });
  installWindowCloseHint(window, deps, osNotifications);
  app.on('activate', showTheWindow);
}
