import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorClient, NotificationEvent } from '../../../shared/contract';
import { batchNotifications } from '../logic/notification-batch';
import { notificationText } from '../logic/notification-text';
import { useToasts } from '../state/toasts';

const BURST_MS = 700;
/** Notifications this recent are summed up in the one running summary toast. */
const SUMMARY_WINDOW_MS = 8000;

/**
 * Shows the host's notifications in the window's language: through the browser's Notification API where the person allowed it, else as
 * in-window toasts. A burst (many messages settling at once) becomes one summary. Permission is asked once, on the
 * first click in the window (browsers need a gesture).
 */
export function useHostNotifications(client: MonitorClient): void {
  const { push } = useToasts();
  const { t } = useTranslation();
  useEffect(() => {
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
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        new Notification(title, { body, tag: 'smsbat-monitor' });
      } else {
        push({ severity, text: (t) => notificationText(display, t), key: 'host-notifications' });
      }
    };
    const off = client.on('notification', (event) => {
      recent.push({ at: Date.now(), event });
      timer ??= setTimeout(flush, BURST_MS);
    });
    const askOnce = () => {
      if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
        void Notification.requestPermission();
      }
    };
    window.addEventListener('click', askOnce, { once: true });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
      window.removeEventListener('click', askOnce);
    };
  }, [client, push, t]);
}
