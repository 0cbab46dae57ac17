import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorClient, NotificationEvent, NotificationOwner } from '../../../shared/contract';
import { mayAskPermission, notificationRoute } from '../logic/notification-route';
import { batchNotifications } from '../../../shared/notification-batch';
import { notificationText } from '../logic/notification-text';
import { useToasts } from '../state/toasts';

const BURST_MS = 700;
/** Notifications this recent are summed up in the one running summary toast. */
const SUMMARY_WINDOW_MS = 8000;

/** The web Notification API's permission, or `unsupported` where there is no such API. */
function webPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Shows the host's notifications in the window's language, as the host's capabilities say: not at all where the
 * host shows them itself (the desktop app), as toasts only where the host says so, else through the browser's
 * Notification API where the person allowed it, or as in-window toasts. A burst (many messages settling at once)
 * becomes one summary. Permission is asked once, on the first click in the window (browsers need a gesture).
 */
export function useHostNotifications(client: MonitorClient): void {
  const { push } = useToasts();
  const { t } = useTranslation();
  useEffect(() => {
    let owner: NotificationOwner | null = null;
    let recent: { readonly at: number; readonly event: NotificationEvent }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const now = Date.now();
      recent = recent.filter((item) => now - item.at < SUMMARY_WINDOW_MS);
      const display = batchNotifications(recent.map((item) => item.event));
      if (display === null) return;
      const { title, body } = notificationText(display, t);
      const severity = display.severity;
      const route = notificationRoute(owner, webPermission());
      if (route === 'web') new Notification(title, { body, tag: 'smsbat-monitor' });
      else if (route === 'toast')
        push({ severity, text: (t) => notificationText(display, t), key: 'host-notifications' });
    };
    const offCapabilities = client.on('capabilities', (capabilities) => {
      owner = capabilities.notifications;
    });
    const off = client.on('notification', (event) => {
      if (notificationRoute(owner, webPermission()) === 'none') return;
      recent.push({ at: Date.now(), event });
      timer ??= setTimeout(flush, BURST_MS);
    });
    const askOnce = () => {
      if (mayAskPermission(owner, webPermission())) void Notification.requestPermission();
    };
    window.addEventListener('click', askOnce, { once: true });
    return () => {
      offCapabilities();
      off();
      if (timer !== null) clearTimeout(timer);
      window.removeEventListener('click', askOnce);
    };
  }, [client, push, t]);
}
