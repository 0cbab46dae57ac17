import type { NotificationOwner } from '../../../shared/contract';

/** How the window shows a host notification: not at all, through the web Notification API, or as a toast. */
export type NotificationRoute = 'none' | 'web' | 'toast';

/**
 * Picks how the window shows a notification: nothing when the host shows them itself, a toast when the host says
 * the window may only use toasts, else the web Notification API where the person allowed it and toasts otherwise.
 * Before the host said (`null`), the window behaves as in a browser.
 */
export function notificationRoute(
  owner: NotificationOwner | null,
  permission: NotificationPermission | 'unsupported',
): NotificationRoute {
  if (owner === 'host') return 'none';
  if (owner === 'toasts') return 'toast';
  return permission === 'granted' ? 'web' : 'toast';
}

/** True when the window should ask for the web Notification API's permission (only where it may use it). */
export function mayAskPermission(
  owner: NotificationOwner | null,
  permission: NotificationPermission | 'unsupported',
): boolean {
  return (owner === null || owner === 'window') && permission === 'default';
}
