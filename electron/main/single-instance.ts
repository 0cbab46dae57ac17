import type { App } from 'electron';

/**
 * Takes the one-instance lock (per user-data folder, so set that first). Returns false when another instance holds
 * it: that one is told (its `second-instance` shows its window) and this one should quit without doing any work.
 * The first instance shows its window on every later launch.
 */
export function installSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  showWindow: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    showWindow();
  });
  return true;
}
