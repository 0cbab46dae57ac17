import { vi } from 'vitest';

type Handler = (event: unknown, payload: unknown) => unknown;
type Listener = (event: unknown, payload: unknown) => void;

/** An in-memory stand-in for the parts of Electron the IPC wiring uses: main handlers, renderer listeners. */
export const electronMock = {
  handlers: new Map<string, Handler>(),
  rendererListeners: new Map<string, Listener[]>(),
  exposed: new Map<string, unknown>(),
  /** The event the next `ipcRenderer.invoke` arrives with (who the sender is). */
  senderEvent: {} as unknown,
  reset(): void {
    this.handlers.clear();
    this.rendererListeners.clear();
    this.exposed.clear();
  },
};

/** The module `vi.mock('electron', ...)` returns. */
export function electronModule(): Record<string, unknown> {
  return {
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => {
        if (electronMock.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        electronMock.handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => {
        electronMock.handlers.delete(channel);
      }),
    },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, payload: unknown) => {
        const handler = electronMock.handlers.get(channel);
        if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
        // Electron clones payloads between processes; a JSON round trip is close enough here.
        return JSON.parse(JSON.stringify(await handler(electronMock.senderEvent, payload))) as unknown;
      }),
      on: vi.fn((channel: string, listener: Listener) => {
        electronMock.rendererListeners.set(channel, [
          ...(electronMock.rendererListeners.get(channel) ?? []),
          listener,
        ]);
      }),
    },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        electronMock.exposed.set(key, api);
      }),
    },
  };
}
