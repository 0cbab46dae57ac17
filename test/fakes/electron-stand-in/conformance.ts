/**
 * Compile-time check that the stand-in keeps Electron's documented shapes (electron.d.ts) for every member the app
 * calls: a renamed method or a changed argument in either is a type error here, not a silently wrong fake. (IPC,
 * sessions, the power monitor, menus and images hand the app stand-in objects of their own, so they are not here.)
 */
// Types only: the real IPC objects are never used here, only compared with.
// eslint-disable-next-line no-restricted-imports -- a type-level comparison with Electron's documented API
import type * as Electron from 'electron';
import type { app } from './app';
import type { StandInBrowserWindow, StandInWebContents } from './browser-window';
import type { StandInNotification, StandInTray } from './notification-and-tray';
import type { Page } from './page';
import type { protocol } from './protocol';
import type { clipboard, dialog, nativeImage, net, shell } from './small-modules';

/** `Stand` must be usable wherever the app expects `Real`. */
type Conforms<Real, Stand extends Real> = Stand;

/** Each line: the real module's members the app uses, and the stand-in that replaces them. */
export type StandInConformance = [
  Conforms<
    Pick<
      Electron.App,
      | 'quit'
      | 'exit'
      | 'whenReady'
      | 'isReady'
      | 'getPath'
      | 'setPath'
      | 'setAppUserModelId'
      | 'requestSingleInstanceLock'
      | 'setLoginItemSettings'
      | 'getName'
      | 'getVersion'
      | 'getPreferredSystemLanguages'
      | 'isPackaged'
    >,
    typeof app
  >,
  Conforms<
    Pick<
      Electron.BrowserWindow,
      | 'show'
      | 'hide'
      | 'focus'
      | 'restore'
      | 'minimize'
      | 'isMinimized'
      | 'isVisible'
      | 'isDestroyed'
      | 'close'
    >,
    StandInBrowserWindow
  >,
  Conforms<Pick<Electron.BrowserWindow, 'loadURL' | 'loadFile' | 'destroy'>, StandInBrowserWindow>,
  Conforms<
    Pick<Electron.WebContents, 'send' | 'isDestroyed' | 'getURL' | 'reload' | 'loadURL'>,
    StandInWebContents
  >,
  Conforms<Pick<Electron.Notification, 'show' | 'close'>, StandInNotification>,
  Conforms<Pick<typeof Electron.Notification, 'isSupported'>, typeof StandInNotification>,
  Conforms<
    Pick<Electron.Tray, 'setToolTip' | 'setTitle' | 'destroy' | 'isDestroyed' | 'popUpContextMenu'>,
    StandInTray
  >,
  Conforms<Pick<Electron.ContextBridge, 'exposeInMainWorld'>, Page['contextBridge']>,
  Conforms<
    Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'>,
    typeof protocol
  >,
  Conforms<Pick<Electron.Dialog, 'showErrorBox'>, typeof dialog>,
  Conforms<Pick<Electron.Shell, 'openExternal'>, typeof shell>,
  Conforms<Pick<Electron.Net, 'isOnline'>, typeof net>,
  Conforms<Pick<Electron.Clipboard, 'readText' | 'writeText'>, typeof clipboard>,
  // Arguments: the stand-in takes everything Electron documents as an argument.
  Conforms<
    Parameters<typeof nativeImage.createFromPath>,
    Parameters<typeof Electron.nativeImage.createFromPath>
  >,
  Conforms<ConstructorParameters<typeof StandInTray>, ConstructorParameters<typeof Electron.Tray>>,
];
