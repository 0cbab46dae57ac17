import { app, beforeExit } from './app';
import { StandInBrowserWindow } from './browser-window';
import { notifications, trays } from './notification-and-tray';
import { protocol } from './protocol';
import { allRecords, onRecord, record } from './recorder';
import { session } from './session';
import { clipboardContents, Menu, network, powerMonitor } from './small-modules';

/** A command from the test, run inside the app's process. */
export type StandInCommand =
  | { readonly op: 'bridge'; readonly name: string; readonly payload: unknown }
  | { readonly op: 'state' }
  | { readonly op: 'closeWindow' }
  | { readonly op: 'reload' }
  | { readonly op: 'navigate'; readonly url: string }
  | { readonly op: 'openWindow'; readonly url: string }
  | { readonly op: 'crashPage' }
  | { readonly op: 'emit'; readonly target: 'powerMonitor' | 'app'; readonly event: string }
  | { readonly op: 'setOnline'; readonly online: boolean }
  | { readonly op: 'permission'; readonly kind: 'request' | 'check'; readonly permission: string }
  | { readonly op: 'fetchScheme'; readonly url: string; readonly method?: string }
  | { readonly op: 'clickNotification'; readonly index: number }
  | { readonly op: 'clickTray'; readonly index: number }
  | { readonly op: 'clickMenu'; readonly label: string; readonly tray?: number }
  | { readonly op: 'setClipboard'; readonly text: string }
  | { readonly op: 'quit' };

/** The messages between the test and the app's process. */
export type ToApp = { readonly type: 'command'; readonly id: number; readonly command: StandInCommand };
/** See {@link ToApp}. */
export type FromApp =
  | { readonly type: 'record'; readonly record: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

function mainWindow(): StandInBrowserWindow {
  const window = StandInBrowserWindow.getAllWindows()[0];
  if (window === undefined) throw new Error('no window is open');
  return window;
}

function bridge(): Record<string, unknown> {
  const exposed = mainWindow().webContents.page?.exposed.get('smsbat');
  if (exposed === undefined) throw new Error('the page has no bridge');
  return exposed as Record<string, unknown>;
}

/** Subscribes to every `onX` of a freshly exposed bridge, as the window does, and records what arrives. */
export function listenToBridge(api: Record<string, unknown>, windowId: number, url: string): void {
  for (const [name, value] of Object.entries(api)) {
    if (!name.startsWith('on') || typeof value !== 'function') continue;
    const event = name.slice(2, 3).toLowerCase() + name.slice(3);
    (value as (listener: (payload: unknown) => void) => void)((payload) => {
      record('bridge.event', { windowId, url, event, payload });
    });
  }
}

async function run(command: StandInCommand): Promise<unknown> {
  switch (command.op) {
    case 'bridge': {
      const call = bridge()[command.name];
      if (typeof call !== 'function') throw new Error(`the bridge has no ${command.name}`);
      return (call as (payload: unknown) => Promise<unknown>)(command.payload);
    }
    case 'state':
      return {
        windows: StandInBrowserWindow.getAllWindows().map((window) => window.state()),
        trays: trays.map((tray) => ({ index: tray.index, destroyed: tray.isDestroyed() })),
        notifications: notifications.length,
      };
    case 'closeWindow':
      mainWindow().close();
      return null;
    case 'reload':
      mainWindow().webContents.reload();
      return null;
    case 'navigate':
      return mainWindow().webContents.pageNavigates(command.url);
    case 'openWindow':
      return mainWindow().webContents.pageOpensWindow(command.url);
    case 'crashPage':
      mainWindow().webContents.crash();
      return null;
    case 'emit':
      record(`${command.target}.${command.event}`);
      (command.target === 'app' ? app : powerMonitor).emit(
        command.event,
        ...(command.target === 'app' ? [{}] : []),
      );
      return null;
    case 'setOnline':
      network.online = command.online;
      return null;
    case 'permission': {
      const contents = mainWindow().webContents;
      return command.kind === 'request'
        ? session.defaultSession.requestPermission(contents, command.permission, contents.getURL())
        : session.defaultSession.checkPermission(contents, command.permission, contents.getURL());
    }
    case 'fetchScheme': {
      const response = await protocol.fetchThroughHandler(command.url, command.method);
      if (response === null) return null;
      const body = await response.text();
      return { status: response.status, headers: Object.fromEntries(response.headers), length: body.length };
    }
    case 'clickNotification': {
      const notification = notifications[command.index];
      if (notification === undefined) throw new Error(`no notification ${command.index}`);
      notification.emit('click', {});
      return null;
    }
    case 'clickTray': {
      const tray = trays[command.index];
      if (tray === undefined) throw new Error(`no tray ${command.index}`);
      tray.emit('click', {}, { x: 0, y: 0, width: 16, height: 16 }, { x: 0, y: 0 });
      return null;
    }
    case 'clickMenu': {
      const menu =
        command.tray === undefined
          ? Menu.applicationMenu
          : (trays[command.tray]?.contextMenu as typeof Menu.applicationMenu);
      return menu?.click(command.label) ?? false;
    }
    case 'setClipboard':
      clipboardContents.text = command.text;
      return null;
    case 'quit':
      app.quit();
      return null;
  }
}

/**
 * Opens the channel to the test (the Node IPC channel of a forked process): every record goes to the test as it
 * happens, and commands come back. Pending messages are sent before the process exits.
 */
export function openControlChannel(): void {
  const send = process.send?.bind(process);
  if (send === undefined) return;
  let queue: Promise<void> = Promise.resolve();
  const post = (message: FromApp): void => {
    queue = queue.then(
      () =>
        new Promise<void>((resolve) => {
          send(message, undefined, {}, () => {
            resolve();
          });
        }),
    );
  };
  for (const entry of allRecords()) post({ type: 'record', record: entry });
  onRecord((entry) => {
    post({ type: 'record', record: entry });
  });
  beforeExit.push(() => queue);
  process.on('message', (message: ToApp) => {
    run(message.command).then(
      (value) => {
        post({ type: 'reply', id: message.id, ok: true, value: value ?? null });
      },
      (error: unknown) => {
        post({
          type: 'reply',
          id: message.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
  });
}
