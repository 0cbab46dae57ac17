import { EventEmitter } from 'node:events';
import { plain, record } from './recorder';
import { electronEvent } from './events';

/** Every notification the app created, in order. */
export const notifications: StandInNotification[] = [];

/** Electron's `Notification`: `show()` is recorded; clicking one is a stand-in command. */
export class StandInNotification extends EventEmitter {
  /** True, unless `ELECTRON_STAND_IN_NOTIFICATIONS=unsupported` (a system that cannot show notifications). */
  static isSupported(): boolean {
    return process.env['ELECTRON_STAND_IN_NOTIFICATIONS'] !== 'unsupported';
  }

  readonly options: Readonly<Record<string, unknown>>;
  readonly index: number;

  constructor(options: Readonly<Record<string, unknown>> = {}) {
    super();
    this.options = options;
    this.index = notifications.length;
    notifications.push(this);
  }

  get title(): unknown {
    return this.options['title'];
  }

  get body(): unknown {
    return this.options['body'];
  }

  show(): void {
    record('Notification.show', { index: this.index, ...(plain(this.options) as object) });
    this.emit('show', electronEvent());
  }

  close(): void {
    record('Notification.close', { index: this.index });
    this.emit('close', electronEvent());
  }
}

/** Every tray the app created, in order. */
export const trays: StandInTray[] = [];

/** Electron's `Tray`: every change is recorded; clicks are stand-in commands. */
export class StandInTray extends EventEmitter {
  readonly index: number;
  #destroyed = false;
  contextMenu: unknown = null;

  constructor(image: unknown, guid?: string) {
    super();
    this.index = trays.length;
    trays.push(this);
    record('Tray.constructor', { index: this.index, image, guid });
  }

  #alive(method: string): void {
    if (this.#destroyed) throw new TypeError(`Object has been destroyed (Tray.${method})`);
  }

  setImage(image: unknown): void {
    this.#alive('setImage');
    record('Tray.setImage', { index: this.index, image });
  }

  setToolTip(toolTip: string): void {
    this.#alive('setToolTip');
    record('Tray.setToolTip', { index: this.index, toolTip });
  }

  setTitle(title: string): void {
    this.#alive('setTitle');
    record('Tray.setTitle', { index: this.index, title });
  }

  setContextMenu(menu: { items?: unknown } | null): void {
    this.#alive('setContextMenu');
    this.contextMenu = menu;
    record('Tray.setContextMenu', { index: this.index, items: menu?.items ?? null });
  }

  popUpContextMenu(): void {
    record('Tray.popUpContextMenu', { index: this.index });
  }

  destroy(): void {
    record('Tray.destroy', { index: this.index });
    this.#destroyed = true;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }
}
