import { record } from './recorder';

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** Electron's `ipcMain` (the invoke side the app uses). */
export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  },
  handleOnce(channel: string, listener: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  on(): void {
    record('ipcMain.on');
  },
};

/** Runs an invoke as Electron does: arguments and result cloned, errors wrapped as the renderer sees them. */
export async function invokeMain(
  channel: string,
  event: unknown,
  args: readonly unknown[],
): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (handler === undefined)
    throw new Error(
      `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
    );
  try {
    return structuredClone(await handler(event, ...structuredClone(args)));
  } catch (error) {
    throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
  }
}
