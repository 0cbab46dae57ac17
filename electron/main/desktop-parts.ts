import type { BrowserWindow } from 'electron';
import { app, clipboard, Menu, nativeImage, Notification, Tray } from 'electron';
import type { UiPreferences } from '../../shared/contract';
import { installCloseHint } from './close-hint';
import type { DesktopDeps } from './desktop-deps';
import { installNotifications } from './notifications/notifications';
import { createSnoozeControl } from './notifications/snooze-control';
import { SYSTEM_TIMERS } from './timer-port';
import { installTray } from './tray/tray';
import { trayIconDir } from './tray/tray-icons';

/** What the tray and notifications are plugged into besides the desktop deps. */
export interface DesktopPartsOptions {
  /** `Notification.isSupported()`: where false, the window shows notifications as toasts. */
  readonly osNotifications: boolean;
  /** The built main process's folder (`import.meta.dirname` of `out/main`), to find the tray icons. */
  readonly mainDir: string;
  /** Where a failed tray action is reported. */
  readonly onProblem: (message: string) => void;
}

/**
 * The tray, the operating system's notifications (where it shows them) and the snooze they share, from Electron's
 * own classes. Returns the function that undoes them.
 */
export function installDesktopParts(deps: DesktopDeps, options: DesktopPartsOptions): () => void {
  const systemLanguages = (): string[] => app.getPreferredSystemLanguages();
  const snooze = createSnoozeControl(SYSTEM_TIMERS);
  const undoTray = installTray({
    services: deps.services,
    createTray: (image) => new Tray(image),
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Electron's own factory for menus
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadImage: (path) => nativeImage.createFromPath(path),
    iconDir: trayIconDir(options.mainDir),
    platform: process.platform,
    systemLanguages,
    readClipboard: () => clipboard.readText(),
    showWindow: deps.showWindow,
    quit: deps.quit,
    snooze,
    timers: SYSTEM_TIMERS,
    onProblem: options.onProblem,
  });
  const undoNotifications = options.osNotifications
    ? installNotifications({
        services: deps.services,
        createNotification: (notification) => new Notification(notification),
        showWindow: deps.showWindow,
        systemLanguages,
        snooze,
        timers: SYSTEM_TIMERS,
      })
    : () => undefined;
  return () => {
    undoNotifications();
    undoTray();
    snooze.dispose();
  };
}

/** The one-time "still running in the tray" notification on the window's first close. */
export function installWindowCloseHint(
  window: BrowserWindow,
  deps: DesktopDeps,
  osNotifications: boolean,
): void {
  let language: UiPreferences['language'] = 'system';
  deps.services.subscribe((message) => {
    if (message.event === 'preferences') language = message.payload.language;
  });
  installCloseHint(window, {
    isQuitting: deps.isQuitting,
    canNotify: osNotifications,
    createNotification: (notification) => new Notification(notification),
    language: () => language,
    systemLanguages: () => app.getPreferredSystemLanguages(),
    showWindow: deps.showWindow,
  });
}
