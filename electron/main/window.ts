import { BrowserWindow, type NativeImage } from 'electron';

/** What the window is opened with. */
export interface WindowOptions {
  /** The built preload (`out/preload/index.cjs`). */
  readonly preloadPath: string;
  /** The page: the custom scheme's URL, or the dev server's during `electron-vite dev`. */
  readonly pageUrl: string;
  readonly icon?: NativeImage;
  /** Told when the page could not be loaded (the window is shown anyway, so the person sees it). */
  readonly onLoadFailed: (message: string) => void;
}

/** The one line that says a page did not load. */
export function loadFailedMessage(url: string, code: number, description: string): string {
  return `The window could not load ${url} (${description}, ${code}).`;
}

/** Shows a window the person asked for: restored if minimised, shown if hidden, and focused. */
export function showWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Opens the monitor window with the renderer locked down (isolated, sandboxed, no Node) and loads its page. It is
 * shown once drawn, or at once when the page fails to load, so a broken start is never an invisible window.
 */
export function createWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 640,
    title: 'SMSBAT Delivery Monitor',
    show: false,
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    options.onLoadFailed(loadFailedMessage(url, code, description));
    showWindow(window);
  });
  window.loadURL(options.pageUrl).catch(() => {
    // `did-fail-load` has said what went wrong and shown the window.
  });
  return window;
}
