import { readFileSync } from 'node:fs';
import { compileFunction } from 'node:vm';
import { EventEmitter } from 'node:events';
import * as timers from 'node:timers';
import * as url from 'node:url';
import { invokeMain } from './ipc';
import { record } from './recorder';

type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** What a loaded page's renderer side needs from its web contents. */
export interface PageHost {
  readonly id: number;
  /** The event `ipcMain.handle` handlers get for a call from this page's top frame. */
  invokeEvent(): unknown;
}

/**
 * One loaded page's renderer side: its own `ipcRenderer` listeners and what its preload exposed with
 * `contextBridge`. A navigation replaces it, as a new document starts empty.
 */
export class Page {
  readonly url: string;
  readonly exposed = new Map<string, unknown>();
  readonly #listeners = new Map<string, RendererListener[]>();
  readonly #host: PageHost;
  #gone = false;

  constructor(host: PageHost, pageUrl: string) {
    this.#host = host;
    this.url = pageUrl;
  }

  /** The page is replaced or its window closed: nothing reaches it any more. */
  leave(): void {
    this.#gone = true;
    this.#listeners.clear();
  }

  get gone(): boolean {
    return this.#gone;
  }

  /** Delivers a message `webContents.send` sent, a hop later, cloned. */
  deliver(channel: string, args: readonly unknown[]): void {
    const cloned = structuredClone(args);
    setImmediate(() => {
      if (this.#gone) return;
      for (const listener of [...(this.#listeners.get(channel) ?? [])])
        listener({ sender: this.ipcRenderer }, ...cloned);
    });
  }

  /** Electron's `ipcRenderer` for this page. */
  readonly ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: (channel: string, ...args: unknown[]): Promise<unknown> => {
      if (this.#gone) return new Promise(() => undefined);
      return invokeMain(channel, this.#host.invokeEvent(), args);
    },
    on: (channel: string, listener: RendererListener) => {
      this.#listeners.set(channel, [...(this.#listeners.get(channel) ?? []), listener]);
      return this.ipcRenderer;
    },
    once: (channel: string, listener: RendererListener) => {
      const once: RendererListener = (event, ...args) => {
        this.ipcRenderer.removeListener(channel, once);
        listener(event, ...args);
      };
      return this.ipcRenderer.on(channel, once);
    },
    removeListener: (channel: string, listener: RendererListener) => {
      this.#listeners.set(
        channel,
        (this.#listeners.get(channel) ?? []).filter((item) => item !== listener),
      );
      return this.ipcRenderer;
    },
    off: (channel: string, listener: RendererListener) => this.ipcRenderer.removeListener(channel, listener),
    removeAllListeners: (channel?: string) => {
      if (channel === undefined) this.#listeners.clear();
      else this.#listeners.delete(channel);
      return this.ipcRenderer;
    },
    send: (channel: string) => {
      record('ipcRenderer.send', { channel });
    },
  });

  /** Electron's `contextBridge` for this page. */
  readonly contextBridge = {
    exposeInMainWorld: (apiKey: string, api: unknown): void => {
      if (this.exposed.has(apiKey))
        throw new Error(`Cannot bind an API on top of an existing property on the window object`);
      this.exposed.set(apiKey, api);
      record('contextBridge.exposeInMainWorld', { apiKey, keys: Object.keys(api as object).sort() });
    },
  };

  /**
   * Runs a sandboxed preload as Electron does: CommonJS, with a `require` that gives only `electron` (its renderer
   * modules) and the few Node modules a sandboxed preload may load.
   */
  runPreload(path: string): void {
    const code = readFileSync(path, 'utf8');
    const electron = { ipcRenderer: this.ipcRenderer, contextBridge: this.contextBridge };
    const allowed: Readonly<Record<string, unknown>> = {
      electron,
      events: { EventEmitter, default: EventEmitter },
      timers,
      url,
    };
    const sandboxRequire = (id: string): unknown => {
      const module = allowed[id];
      if (module === undefined) throw new Error(`module not found: ${id}`);
      return module;
    };
    const module = { exports: {} as unknown };
    const run = compileFunction(code, ['require', 'module', 'exports'], { filename: path }) as (
      ...args: unknown[]
    ) => unknown;
    run(sandboxRequire, module, module.exports);
  }
}
