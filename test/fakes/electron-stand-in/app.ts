import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { StandInBrowserWindow, webContentsCreated, windowsClosed } from './browser-window';
import { electronEvent } from './events';
import { readiness } from './protocol';
import { record } from './recorder';
import { SingleInstanceLock } from './single-instance-lock';

/** Work to finish before the process may exit (records on their way to the test, a second-instance message). */
export const beforeExit: (() => Promise<void>)[] = [];

function packageJson(): { name?: string; productName?: string; version?: string } {
  let dir = dirname(process.argv[1] ?? process.cwd());
  for (;;) {
    const path = join(dir, 'package.json');
    if (existsSync(path))
      return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; productName?: string };
    const parent = dirname(dir);
    if (parent === dir) return {};
    dir = parent;
  }
}

/** Electron's `appData` on Linux: `$XDG_CONFIG_HOME` or `~/.config` (the stand-in runs on Linux). */
function appDataDir(): string {
  const xdg = process.env['XDG_CONFIG_HOME'];
  return xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.config');
}

/**
 * Electron's `app`: ready once the main script has run, paths (userData from the product name, as Electron
 * derives it), the single-instance lock, and quitting as Electron documents it: `before-quit`, windows closed
 * (any `close` may cancel), `will-quit` (cancellable), `quit`, exit; `exit()` skips all of that.
 */
class StandInApp extends EventEmitter {
  readonly #package = packageJson();
  /** `productName`, else `name`, as Electron names the app (the stand-in takes an override to test other names). */
  name =
    process.env['ELECTRON_STAND_IN_PRODUCT_NAME'] ??
    this.#package.productName ??
    this.#package.name ??
    'Electron';
  readonly #paths = new Map<string, string>();
  readonly #lock = new SingleInstanceLock();
  readonly #keepAlive = setInterval(() => undefined, 60_000);
  #ready = false;
  #quitting = false;
  #exiting = false;
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      record('app.commandLine.appendSwitch', { name, value });
    },
    hasSwitch: () => false,
    getSwitchValue: () => '',
  };
  readonly isPackaged = false;

  constructor() {
    super();
    webContentsCreated.on('created', (contents: unknown) => {
      this.emit('web-contents-created', electronEvent(), contents);
    });
    windowsClosed.on('closed', () => {
      if (this.#quitting || StandInBrowserWindow.getAllWindows().length > 0) return;
      if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
      else this.quit();
    });
    setImmediate(() => {
      this.#ready = true;
      readiness.ready = true;
      record('app.ready');
      this.emit('will-finish-launching');
      this.emit('ready', electronEvent(), {});
    });
  }

  getName(): string {
    return this.name;
  }

  /** The OS's preferred languages (`ELECTRON_STAND_IN_LANGUAGES`, comma-separated; English by default). */
  getPreferredSystemLanguages(): string[] {
    return (process.env['ELECTRON_STAND_IN_LANGUAGES'] ?? 'en-US').split(',').filter((tag) => tag !== '');
  }

  getVersion(): string {
    return this.#package.version ?? '0.0.0';
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve) => {
      this.once('ready', () => {
        resolve();
      });
    });
  }

  getPath(name: string): string {
    const set = this.#paths.get(name);
    if (set !== undefined) return set;
    switch (name) {
      case 'appData':
        return appDataDir();
      case 'userData':
      case 'sessionData':
        return join(this.getPath('appData'), this.name);
      case 'home':
        return homedir();
      case 'temp':
        return tmpdir();
      case 'logs':
        return join(this.getPath('userData'), 'logs');
      case 'exe':
        return process.execPath;
      default:
        throw new Error(`Failed to get '${name}' path`);
    }
  }

  setPath(name: string, path: string): void {
    record('app.setPath', { name, path });
    this.#paths.set(name, path);
  }

  getAppPath(): string {
    return dirname(dirname(dirname(process.argv[1] ?? '')));
  }

  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', { id });
  }

  setLoginItemSettings(settings: unknown): void {
    record('app.setLoginItemSettings', settings);
  }

  getLoginItemSettings(): { openAtLogin: boolean } {
    return { openAtLogin: false };
  }

  focus(options?: unknown): void {
    record('app.focus', options);
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    const got = this.#lock.request(
      this.getPath('userData'),
      { argv: process.argv, workingDirectory: process.cwd(), additionalData: additionalData ?? {} },
      (message) => {
        record('app.second-instance', message);
        this.emit(
          'second-instance',
          electronEvent(),
          message.argv,
          message.workingDirectory,
          message.additionalData,
        );
      },
    );
    record('app.requestSingleInstanceLock', { got, userData: this.getPath('userData') });
    if (!got) beforeExit.push(() => this.#lock.pending);
    return got;
  }

  hasSingleInstanceLock(): boolean {
    return this.#lock.held;
  }

  releaseSingleInstanceLock(): void {
    this.#lock.release();
  }

  /** Quits as Electron does: each step may be cancelled by a listener. */
  quit(): void {
    record('app.quit');
    if (this.#exiting) return;
    const before = electronEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.#quitting = true;
    for (const window of StandInBrowserWindow.getAllWindows()) {
      window.close();
      if (!window.isDestroyed()) {
        this.#quitting = false;
        record('app.quitCancelledByWindow', { id: window.id });
        return;
      }
    }
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.#quitting = false;
      return;
    }
    this.emit('quit', electronEvent(), 0);
    this.#finish(0);
  }

  /** Exits at once with `exitCode`: no `before-quit`, no `will-quit`, windows closed without asking. */
  exit(exitCode = 0): void {
    record('app.exit', { exitCode });
    this.#finish(exitCode);
  }

  relaunch(): void {
    record('app.relaunch');
  }

  #finish(exitCode: number): void {
    if (this.#exiting) return;
    this.#exiting = true;
    void Promise.allSettled(beforeExit.map((work) => work())).then(() => {
      clearInterval(this.#keepAlive);
      this.#lock.release();
      process.exit(exitCode);
    });
  }
}

/** The one `app`. */
export const app = new StandInApp();
