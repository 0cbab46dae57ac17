import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronEvent } from './events';
import { Page } from './page';
import { protocol } from './protocol';
import { record } from './recorder';
import { session, type StandInSession } from './session';

type WindowOpenHandler = (details: {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
}) => {
  action: 'allow' | 'deny';
};

/** Emitted by the app when a web contents is created (the app module listens: `web-contents-created`). */
export const webContentsCreated = new EventEmitter();

let nextId = 1;

/** What runs in each page after its preload, standing in for the window's own scripts (the test's listeners). */
export const pageScripts: ((page: Page, windowId: number) => void)[] = [];

/** What loading a URL gave: the page's body and headers, or the Chromium error. */
type Loaded =
  | { readonly ok: true; readonly body: string; readonly headers: Record<string, string> }
  | { readonly ok: false; readonly code: number; readonly description: string };

async function fetchPage(pageUrl: string): Promise<Loaded> {
  const parsed = new URL(pageUrl);
  if (parsed.protocol === 'file:') {
    try {
      return { ok: true, body: await readFile(fileURLToPath(parsed), 'utf8'), headers: {} };
    } catch {
      return { ok: false, code: -6, description: 'ERR_FILE_NOT_FOUND' };
    }
  }
  const response = await protocol.fetchThroughHandler(pageUrl).catch(() => null);
  if (response === null) {
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      // The stand-in never reaches the network.
      return { ok: false, code: -106, description: 'ERR_INTERNET_DISCONNECTED' };
    }
    return { ok: false, code: -301, description: 'ERR_UNKNOWN_URL_SCHEME' };
  }
  if (!response.ok) return { ok: false, code: -379, description: 'ERR_HTTP_RESPONSE_CODE_FAILURE' };
  return { ok: true, body: await response.text(), headers: Object.fromEntries(response.headers) };
}

/** The scripts and styles a page's HTML asks for, resolved against the page's URL. */
function subresources(html: string, base: string): string[] {
  const found = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
  return found
    .filter((link) => link !== '' && !link.startsWith('data:'))
    .map((link) => new URL(link, base).href);
}

/** Electron's `webContents` of one window: loading, navigation events, IPC to the page, the open handler. */
export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session: StandInSession = session.defaultSession;
  readonly #preload: string | null;
  #page: Page | null = null;
  #url = '';
  #destroyed = false;
  #openHandler: WindowOpenHandler | null = null;
  /** Called once the first page finished loading (the window's `ready-to-show`). */
  onFirstPaint: (() => void) | null = null;

  constructor(preload: string | null) {
    super();
    this.#preload = preload;
  }

  get page(): Page | null {
    return this.#page;
  }

  get mainFrame(): { url: string; parent: null; origin: string; top: unknown } {
    const origin = this.#url === '' ? '' : `${new URL(this.#url).protocol}//${new URL(this.#url).host}`;
    return { url: this.#url, parent: null, origin, top: null };
  }

  getURL(): string {
    return this.#url;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isLoading(): boolean {
    return false;
  }

  destroy(): void {
    this.#page?.leave();
    this.#destroyed = true;
    this.emit('destroyed', electronEvent());
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new TypeError('Object has been destroyed');
    this.#page?.deliver(channel, args);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.#openHandler = handler;
  }

  loadFile(filePath: string): Promise<void> {
    return this.loadURL(pathToFileURL(filePath).href);
  }

  /** Loads a page: navigation events, the document through its scheme, the preload, then `did-finish-load`. */
  async loadURL(pageUrl: string): Promise<void> {
    record('webContents.loadURL', { id: this.id, url: pageUrl });
    const details = electronEvent({ url: pageUrl, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit('did-start-navigation', details, pageUrl, false, true, 1, 1);
    await this.#commit(pageUrl);
  }

  reload(): void {
    record('webContents.reload', { id: this.id });
    const details = electronEvent({ url: this.#url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit('did-start-navigation', details, this.#url, false, true, 1, 1);
    void this.#commit(this.#url).catch(() => undefined);
  }

  /** Stand-in only: the page itself navigates (a link, `location.href`): `will-navigate` may refuse it. */
  async pageNavigates(pageUrl: string): Promise<boolean> {
    const details = electronEvent({ url: pageUrl, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit('did-start-navigation', details, pageUrl, false, true, 1, 1);
    const event = electronEvent({ url: pageUrl, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit('will-frame-navigate', event);
    this.emit('will-navigate', event, pageUrl);
    if (event.defaultPrevented) {
      record('webContents.navigationRefused', { id: this.id, url: pageUrl });
      return false;
    }
    await this.#commit(pageUrl).catch(() => undefined);
    return true;
  }

  /** Stand-in only: the page calls `window.open(url)`; returns what the open handler decided. */
  pageOpensWindow(pageUrl: string): 'allow' | 'deny' {
    const action =
      this.#openHandler?.({ url: pageUrl, frameName: '', features: '', disposition: 'new-window' }).action ??
      'allow';
    record('webContents.windowOpen', { id: this.id, url: pageUrl, action });
    return action;
  }

  /** Stand-in only: the page's renderer process dies. */
  crash(): void {
    this.#page?.leave();
    this.emit('render-process-gone', electronEvent(), { reason: 'crashed', exitCode: 1 });
  }

  async #commit(pageUrl: string): Promise<void> {
    const loaded = await fetchPage(pageUrl);
    if (this.#destroyed) return;
    if (!loaded.ok) {
      record('webContents.did-fail-load', { id: this.id, url: pageUrl, code: loaded.code });
      this.emit('did-fail-load', electronEvent(), loaded.code, loaded.description, pageUrl, true, 1, 1);
      throw new Error(`${loaded.description} (${loaded.code}) loading '${pageUrl}'`);
    }
    const assets = await Promise.all(
      subresources(loaded.body, pageUrl).map(async (asset) => ({
        url: asset,
        status: (await protocol.fetchThroughHandler(asset).catch(() => null))?.status ?? null,
      })),
    );
    this.#page?.leave();
    this.#url = pageUrl;
    const page: Page = new Page(
      { id: this.id, invokeEvent: (): unknown => this.#invokeEvent(page) },
      pageUrl,
    );
    this.#page = page;
    record('page.loaded', { id: this.id, url: pageUrl, headers: loaded.headers, assets });
    if (this.#preload !== null) {
      try {
        page.runPreload(this.#preload);
      } catch (error) {
        record('webContents.preload-error', { id: this.id, error: String(error) });
        this.emit('preload-error', electronEvent(), this.#preload, error);
      }
    }
    for (const script of pageScripts) script(page, this.id);
    this.emit('dom-ready', electronEvent());
    this.emit('did-finish-load', electronEvent());
    record('webContents.did-finish-load', { id: this.id, url: pageUrl });
    const paint = this.onFirstPaint;
    this.onFirstPaint = null;
    paint?.();
  }

  #invokeEvent(page: Page): unknown {
    return {
      type: 'frame',
      processId: 1,
      frameId: 1,
      sender: this,
      senderFrame: page.gone ? null : this.mainFrame,
    };
  }
}

const windows: StandInBrowserWindow[] = [];

/** Electron's `BrowserWindow`: visibility, focus, close (cancellable) and its web contents. */
export class StandInBrowserWindow extends EventEmitter {
  static getAllWindows(): StandInBrowserWindow[] {
    return windows.filter((window) => !window.isDestroyed());
  }

  static getFocusedWindow(): StandInBrowserWindow | null {
    return windows.find((window) => window.#focused && !window.isDestroyed()) ?? null;
  }

  static fromWebContents(contents: unknown): StandInBrowserWindow | null {
    return windows.find((window) => window.webContents === contents) ?? null;
  }

  readonly id: number;
  readonly webContents: StandInWebContents;
  readonly options: Readonly<Record<string, unknown>>;
  #visible: boolean;
  #focused = false;
  #minimized = false;
  #destroyed = false;

  constructor(options: Readonly<Record<string, unknown>> = {}) {
    super();
    this.options = options;
    const preferences = (options['webPreferences'] ?? {}) as Record<string, unknown>;
    const preload = typeof preferences['preload'] === 'string' ? preferences['preload'] : null;
    this.webContents = new StandInWebContents(preload);
    this.id = this.webContents.id;
    this.#visible = options['show'] !== false;
    windows.push(this);
    record('BrowserWindow.constructor', { id: this.id, options });
    webContentsCreated.emit('created', this.webContents);
    this.webContents.onFirstPaint = () => {
      this.emit('ready-to-show', electronEvent());
    };
  }

  #alive(method: string): void {
    if (this.#destroyed) throw new TypeError(`Object has been destroyed (BrowserWindow.${method})`);
  }

  loadURL(pageUrl: string): Promise<void> {
    this.#alive('loadURL');
    return this.webContents.loadURL(pageUrl);
  }

  loadFile(filePath: string): Promise<void> {
    this.#alive('loadFile');
    return this.webContents.loadFile(filePath);
  }

  show(): void {
    this.#alive('show');
    record('BrowserWindow.show', { id: this.id });
    const was = this.#visible;
    this.#visible = true;
    this.#focused = true;
    if (!was) this.emit('show', electronEvent());
  }

  showInactive(): void {
    this.#alive('showInactive');
    record('BrowserWindow.showInactive', { id: this.id });
    this.#visible = true;
  }

  hide(): void {
    this.#alive('hide');
    record('BrowserWindow.hide', { id: this.id });
    const was = this.#visible;
    this.#visible = false;
    this.#focused = false;
    if (was) this.emit('hide', electronEvent());
  }

  focus(): void {
    this.#alive('focus');
    record('BrowserWindow.focus', { id: this.id });
    this.#focused = true;
    this.emit('focus', electronEvent());
  }

  minimize(): void {
    this.#alive('minimize');
    record('BrowserWindow.minimize', { id: this.id });
    this.#minimized = true;
    this.emit('minimize', electronEvent());
  }

  restore(): void {
    this.#alive('restore');
    record('BrowserWindow.restore', { id: this.id });
    this.#minimized = false;
    this.#visible = true;
    this.emit('restore', electronEvent());
  }

  isVisible(): boolean {
    this.#alive('isVisible');
    return this.#visible && !this.#minimized;
  }

  isMinimized(): boolean {
    this.#alive('isMinimized');
    return this.#minimized;
  }

  isFocused(): boolean {
    this.#alive('isFocused');
    return this.#focused;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  setMenu(menu: unknown): void {
    record('BrowserWindow.setMenu', { id: this.id, menu });
  }

  setTitle(title: string): void {
    record('BrowserWindow.setTitle', { id: this.id, title });
  }

  /** Tries to close: `close` may be cancelled with `preventDefault()`; otherwise the window is destroyed. */
  close(): void {
    if (this.#destroyed) return;
    record('BrowserWindow.close', { id: this.id });
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  /** Closes without `close` (as Electron's `destroy`). */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#visible = false;
    this.webContents.destroy();
    record('BrowserWindow.closed', { id: this.id });
    this.emit('closed');
    windowsClosed.emit('closed');
  }

  /** Stand-in only: the window's state as the person would see it. */
  state(): {
    id: number;
    visible: boolean;
    focused: boolean;
    minimized: boolean;
    destroyed: boolean;
    url: string;
  } {
    return {
      id: this.id,
      visible: !this.#destroyed && this.#visible && !this.#minimized,
      focused: this.#focused,
      minimized: this.#minimized,
      destroyed: this.#destroyed,
      url: this.#destroyed ? '' : this.webContents.getURL(),
    };
  }
}

/** Emits `closed` whenever a window closes (the app module decides about `window-all-closed`). */
export const windowsClosed = new EventEmitter();
