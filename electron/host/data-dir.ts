import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder name both hosts keep their data in (Electron's `userData` uses the package name too). */
export const APP_DIR_NAME = 'smsbat-delivery-monitor';

/**
 * The user's config directory for the monitor, as Electron's `userData` would be: `%APPDATA%` on Windows,
 * `~/Library/Application Support` on macOS, `$XDG_CONFIG_HOME` or `~/.config` elsewhere.
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg = env['XDG_CONFIG_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(home, '.config'), APP_DIR_NAME);
}
