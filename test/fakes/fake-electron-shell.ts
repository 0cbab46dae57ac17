import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import type { VirtualClock } from '../../electron/core/virtual-clock';
import type { NotificationOptions, NotificationPort } from '../../electron/main/notifications/notifications';
import type { TrayPort } from '../../electron/main/tray/tray';
import type { TimerPort } from '../../electron/main/timer-port';

/** A fake `NativeImage`: only the path it was loaded from. */
export interface FakeImage {
  readonly path: string;
}

/** `nativeImage.createFromPath` for tests: remembers the path. */
export function loadFakeImage(path: string): NativeImage {
  const image: FakeImage = { path };
  return image as unknown as NativeImage; // Only the tray adapter passes it on; it reads nothing from it.
}

/** A fake `Menu`: the template it was built from. */
export interface FakeMenu {
  readonly template: readonly MenuItemConstructorOptions[];
}

/** `Menu.buildFromTemplate` for tests: keeps the template. */
export function buildFakeMenu(template: MenuItemConstructorOptions[]): Menu {
  const menu: FakeMenu = { template };
  return menu as unknown as Menu; // The tray adapter only hands it to the tray.
}

/** A fake `Tray` recording what was set on it, with a click to fire and a `destroy` like Electron's. */
export class FakeTray implements TrayPort {
  readonly images: string[] = [];
  readonly tooltips: string[] = [];
  readonly titles: string[] = [];
  readonly menus: FakeMenu[] = [];
  readonly #clickListeners: (() => void)[] = [];
  #destroyed = false;

  constructor(image: NativeImage) {
    this.images.push((image as unknown as FakeImage).path);
  }

  setImage(image: NativeImage): void {
    this.#check();
    this.images.push((image as unknown as FakeImage).path);
  }

  setToolTip(toolTip: string): void {
    this.#check();
    this.tooltips.push(toolTip);
  }

  setTitle(title: string): void {
    this.#check();
    this.titles.push(title);
  }

  setContextMenu(menu: Menu | null): void {
    this.#check();
    if (menu !== null) this.menus.push(menu as unknown as FakeMenu);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#check();
    this.#destroyed = true;
  }

  on(_event: 'click', listener: () => void): this {
    this.#clickListeners.push(listener);
    return this;
  }

  /** Clicks the icon. */
  click(): void {
    for (const listener of this.#clickListeners) listener();
  }

  /** The latest menu's item labels, submenus flattened, separators as "-". */
  labels(): string[] {
    const walk = (items: readonly MenuItemConstructorOptions[]): string[] =>
      items.flatMap((item) =>
        item.type === 'separator'
          ? ['-']
          : [item.label ?? '', ...(Array.isArray(item.submenu) ? walk(item.submenu) : [])],
      );
    return walk(this.menus.at(-1)?.template ?? []);
  }

  /** Clicks the latest menu's item with this label (also inside submenus). */
  clickMenuItem(label: string): void {
    const find = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
      for (const item of items) {
        if (item.label === label) return item;
        const inner = Array.isArray(item.submenu) ? find(item.submenu) : undefined;
        if (inner !== undefined) return inner;
      }
      return undefined;
    };
    const item = find(this.menus.at(-1)?.template ?? []);
    if (item?.click === undefined) throw new Error(`No menu item "${label}" to click.`);
    if (item.enabled === false) throw new Error(`The menu item "${label}" is disabled.`);
    // Electron passes the item, the window and the event; the tray's items use none of them.
    (item.click as () => void)();
  }

  #check(): void {
    if (this.#destroyed) throw new TypeError('Object has been destroyed');
  }
}

/** A fake Electron `Notification`: records whether it was shown and closed; `click()` fires its click listeners. */
export class FakeNotification implements NotificationPort {
  shown = false;
  closed = false;
  readonly #listeners = new Map<string, (() => void)[]>();

  constructor(readonly options: NotificationOptions) {}

  on(event: 'click' | 'close', listener: () => void): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  show(): void {
    this.shown = true;
  }

  close(): void {
    this.closed = true;
    for (const listener of this.#listeners.get('close') ?? []) listener();
  }

  /** A person clicks it. */
  click(): void {
    for (const listener of this.#listeners.get('click') ?? []) listener();
  }
}

/** The main process's timers on a virtual clock. */
export function virtualTimers(clock: VirtualClock): TimerPort {
  return {
    monotonicNow: () => clock.monotonicNow(),
    epochNow: () => clock.now(),
    setTimeout: (callback, delayMs) => clock.setTimeout(callback, delayMs),
    clearTimeout: (handle) => {
      clock.clearTimeout(handle as ReturnType<VirtualClock['setTimeout']>);
    },
  };
}
