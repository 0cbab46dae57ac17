import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { plain, record } from './recorder';

/** Electron's `dialog` (the parts the app uses): every dialog is recorded, message boxes answer the first button. */
export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', { title, content });
  },
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    record('dialog.showMessageBox', args.at(-1));
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
  showMessageBoxSync(...args: unknown[]): number {
    record('dialog.showMessageBoxSync', args.at(-1));
    return 0;
  },
};

/** Electron's `shell`: links are recorded, never opened. */
export const shell = {
  openExternal(url: string, options?: unknown): Promise<void> {
    record('shell.openExternal', { url, options });
    return Promise.resolve();
  },
  openPath(path: string): Promise<string> {
    record('shell.openPath', { path });
    return Promise.resolve('');
  },
};

/** Electron's `powerMonitor`: an emitter of 'suspend', 'resume', 'lock-screen', 'unlock-screen', ... */
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState(): string {
    return 'active';
  },
  isOnBatteryPower(): boolean {
    return false;
  },
});

/** Stand-in only: the network state `net.isOnline()` reports. */
export const network = { online: true };

/** Electron's `net` (the part the app uses). */
export const net = {
  isOnline(): boolean {
    return network.online;
  },
};

/** A native image, as far as the app can tell: where it came from and whether it is empty. */
export class StandInNativeImage {
  readonly source: string;
  readonly #empty: boolean;

  constructor(source: string, empty: boolean) {
    this.source = source;
    this.#empty = empty;
  }

  isEmpty(): boolean {
    return this.#empty;
  }

  getSize(): { width: number; height: number } {
    return this.#empty ? { width: 0, height: 0 } : { width: 256, height: 256 };
  }

  resize(): this {
    return this;
  }

  setTemplateImage(option: boolean): void {
    record('nativeImage.setTemplateImage', { source: this.source, option });
  }

  toJSON(): unknown {
    return { nativeImage: this.source, empty: this.#empty };
  }
}

/** Electron's `nativeImage`: an image from a missing file is empty, as Electron's is. */
export const nativeImage = {
  createFromPath(path: string): StandInNativeImage {
    return new StandInNativeImage(path, !existsSync(path));
  },
  createFromBuffer(buffer: Buffer): StandInNativeImage {
    return new StandInNativeImage(`buffer:${buffer.length}`, buffer.length === 0);
  },
  createFromDataURL(dataUrl: string): StandInNativeImage {
    return new StandInNativeImage(dataUrl.slice(0, 32), false);
  },
  createEmpty(): StandInNativeImage {
    return new StandInNativeImage('empty', true);
  },
};

/** Electron's `safeStorage`: no encryption here, as on a Linux box without a keyring. */
export const safeStorage = {
  isEncryptionAvailable(): boolean {
    return false;
  },
  encryptString(): Buffer {
    throw new Error(
      'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
    );
  },
  decryptString(): string {
    throw new Error(
      'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
    );
  },
};

/** Electron's `screen` (one display). */
export const screen = Object.assign(new EventEmitter(), {
  getPrimaryDisplay() {
    return {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      scaleFactor: 1,
    };
  },
  getAllDisplays() {
    return [this.getPrimaryDisplay()];
  },
  getCursorScreenPoint() {
    return { x: 0, y: 0 };
  },
});

/** A menu built from a template, with the template kept as plain JSON. */
export class StandInMenu {
  readonly items: unknown[];
  readonly #template: readonly Record<string, unknown>[];

  constructor(template: readonly Record<string, unknown>[]) {
    this.#template = template;
    this.items = plain(template) as unknown[];
  }

  /** Stand-in only: runs the click of the item with this label (searching submenus). */
  click(label: string): boolean {
    const find = (items: readonly Record<string, unknown>[]): Record<string, unknown> | undefined => {
      for (const item of items) {
        if (item['label'] === label) return item;
        const submenu = item['submenu'];
        if (Array.isArray(submenu)) {
          const found = find(submenu as Record<string, unknown>[]);
          if (found) return found;
        }
      }
      return undefined;
    };
    const item = find(this.#template);
    const click = item?.['click'];
    if (typeof click !== 'function') return false;
    (click as (...args: unknown[]) => void)(item, undefined, {});
    return true;
  }

  popup(): void {
    record('Menu.popup');
  }
}

/** Electron's `Menu`. */
export const Menu = {
  applicationMenu: null as StandInMenu | null,
  buildFromTemplate(template: readonly Record<string, unknown>[]): StandInMenu {
    return new StandInMenu(template);
  },
  setApplicationMenu(menu: StandInMenu | null): void {
    record('Menu.setApplicationMenu', menu === null ? null : menu.items);
    this.applicationMenu = menu;
  },
  getApplicationMenu(): StandInMenu | null {
    return this.applicationMenu;
  },
};

/** Stand-in only: what the clipboard holds (set by the `setClipboard` command). */
export const clipboardContents = { text: '' };

/** Electron's `clipboard` (Electron 45: its text is read and written through promises). */
export const clipboard = {
  readText(): Promise<string> {
    record('clipboard.readText');
    return Promise.resolve(clipboardContents.text);
  },
  writeText(text: string): Promise<void> {
    record('clipboard.writeText', { length: text.length });
    clipboardContents.text = text;
    return Promise.resolve();
  },
};
