import type { MenuItemConstructorOptions } from 'electron';

const EDIT_MENU: MenuItemConstructorOptions = {
  label: 'Edit',
  submenu: [
    { role: 'undo' },
    { role: 'redo' },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ],
};

/**
 * The app's menu: the standard Edit roles (without them, copy and paste do nothing on macOS), a way to quit, and
 * the developer tools only while developing.
 */
export function appMenuTemplate(platform: NodeJS.Platform, dev: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(dev ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
    ],
  };
  if (platform === 'darwin') return [{ role: 'appMenu' }, EDIT_MENU, view, { role: 'windowMenu' }];
  return [{ label: 'File', submenu: [{ role: 'close' }, { role: 'quit' }] }, EDIT_MENU, view];
}
