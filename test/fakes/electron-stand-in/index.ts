/**
 * A recording stand-in for Electron's main-process API, kept to the names, argument shapes and events Electron
 * documents, so the built app can run under plain Node: `register.ts` resolves `electron` to this module. Every
 * call the app makes is recorded; with a control channel (a forked process), the test drives it (see `control.ts`).
 */
import { app } from './app';
import { pageScripts, StandInBrowserWindow } from './browser-window';
import { listenToBridge, openControlChannel } from './control';
import { ipcMain } from './ipc';
import { StandInNotification, StandInTray } from './notification-and-tray';
import { protocol } from './protocol';
import { session } from './session';
import {
  clipboard,
  dialog,
  Menu,
  nativeImage,
  net,
  powerMonitor,
  safeStorage,
  screen,
  shell,
} from './small-modules';

if (process.env['ELECTRON_STAND_IN_CONTROL'] === '1') {
  pageScripts.push((page, windowId) => {
    const api = page.exposed.get('smsbat');
    if (api !== undefined) listenToBridge(api as Record<string, unknown>, windowId, page.url);
  });
  openControlChannel();
}

export {
  app,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  StandInBrowserWindow as BrowserWindow,
  StandInNotification as Notification,
  StandInTray as Tray,
};

/**
 * Electron's main-process module is CommonJS, so `import electron from 'electron'` gets all of it (electron-store
 * imports it that way).
 */
const electron: Readonly<Record<string, unknown>> = {
  app,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  BrowserWindow: StandInBrowserWindow,
  Notification: StandInNotification,
  Tray: StandInTray,
};
export default electron;
