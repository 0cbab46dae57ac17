import type { App, Settings } from 'electron';

/** Whether the operating system lets the app start at login through Electron (macOS and Windows). */
export function startAtLoginSupported(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/** The login item for the "start at login" setting, or null where the operating system has none for the app. */
export function loginItemSettings(openAtLogin: boolean, platform: NodeJS.Platform): Settings | null {
  if (!startAtLoginSupported(platform)) return null;
  return { openAtLogin };
}

/** Applies the "start at login" setting; returns false where the operating system has no such thing here. */
export function applyStartAtLogin(
  app: Pick<App, 'setLoginItemSettings'>,
  openAtLogin: boolean,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const settings = loginItemSettings(openAtLogin, platform);
  if (settings === null) return false;
  app.setLoginItemSettings(settings);
  return true;
}
