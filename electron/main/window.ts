import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell } from 'electron';

/** The built window's page, as a file URL (what the sender check expects). */
export const WINDOW_FILE_URL = pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

/** The dev server's URL during `electron-vite dev`, else null. */
export const DEV_SERVER_URL = process.env['ELECTRON_RENDERER_URL'] ?? null;

/** Opens the monitor window with the renderer locked down (isolated, sandboxed, no Node, no navigation away). */
export function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 640,
    title: 'SMSBAT Delivery Monitor',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  window.webContents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (DEV_SERVER_URL !== null) void window.loadURL(DEV_SERVER_URL);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}
