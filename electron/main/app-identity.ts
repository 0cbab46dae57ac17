import { join } from 'node:path';
import type { App } from 'electron';
import { APP_DIR_NAME } from '../host/data-dir';

/** The Windows application id (notifications and the taskbar group by it). */
export const APP_USER_MODEL_ID = 'com.smsbat.delivery-monitor';

/**
 * Names the app's folders and its Windows identity before anything else runs: the user-data folder is the same
 * one the browser host uses (`APP_DIR_NAME` under the platform's config folder), whatever the product name is.
 * Returns the data folder.
 */
export function settleAppIdentity(
  app: Pick<App, 'getPath' | 'setPath' | 'setAppUserModelId'>,
  platform: NodeJS.Platform = process.platform,
): string {
  const dataDir = join(app.getPath('appData'), APP_DIR_NAME);
  app.setPath('userData', dataDir);
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  return dataDir;
}
