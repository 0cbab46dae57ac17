import type {
  ContractEventMessage,
  HostCapabilities,
  NotificationEvent,
  UiPreferences,
} from '../../../shared/contract';
import { resolveLanguage } from '../../../shared/i18n/languages';
import { translator } from '../../../shared/i18n/translate';
import { batchNotifications } from '../../../shared/notification-batch';
import { revealTargetOf, type RevealTarget } from '../../../shared/reveal';
import type { TimerPort } from '../timer-port';
import { notificationWords } from './notification-words';
import type { SnoozeControl } from './snooze-control';

/**
 * The part of Electron's `Notification` this module uses (Electron's class fits it): shown once, clicked or closed
 * later.
 */
export interface NotificationPort {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
  close(): void;
}

/** What a shown notification is made from (a subset of Electron's `NotificationConstructorOptions`). */
export interface NotificationOptions {
  readonly title: string;
  readonly body: string;
}

/** What `installNotifications` needs from the composition root. */
export interface NotificationsDeps {
  /** The host services: their pushed events (notifications, preferences) and `reveal` for a click. */
  readonly services: {
    subscribe(listener: (message: ContractEventMessage) => void): () => void;
    reveal(target: RevealTarget): void;
  };
  /** `(options) => new Notification(options)` from Electron. */
  readonly createNotification: (options: NotificationOptions) => NotificationPort;
  /** Shows, restores and focuses the window (creating it if needed). */
  readonly showWindow: () => void;
  /** The OS's preferred languages, for the "system" language (`app.getPreferredSystemLanguages()`). */
  readonly systemLanguages: () => readonly string[];
  /** The snooze the tray sets; while it lasts nothing is shown (checking goes on). */
  readonly snooze: SnoozeControl;
  readonly timers: TimerPort;
  /** Notifications arriving within this time of the first become one. @default 700 */
  readonly burstMs?: number;
  /** The most shown notifications kept referenced for their clicks. @default 50 */
  readonly maxKept?: number;
}

/** Who shows notifications in the Electron host: the main process where the OS can, else the window's toasts. */
export function notificationCapabilities(osSupportsNotifications: boolean): HostCapabilities {
  return { notifications: osSupportsNotifications ? 'host' : 'toasts' };
}

/**
 * Shows the host's notifications as operating system notifications, in the person's language: a burst (several
 * within `burstMs`) becomes one summary; nothing is shown while snoozed; a click opens the window on the message or
 * on the list filtered to what a summary covered. Shown notifications stay referenced until closed (Electron drops
 * the clicks of notifications that were garbage-collected). Returns the function that undoes it.
 */
export function installNotifications(deps: NotificationsDeps): () => void {
  const burstMs = deps.burstMs ?? 700;
  const maxKept = deps.maxKept ?? 50;
  const kept = new Set<NotificationPort>();
  let language: UiPreferences['language'] = 'system';
  let pending: NotificationEvent[] = [];
  let timer: unknown = null;

  const flush = () => {
    timer = null;
    const display = batchNotifications(pending);
    pending = [];
    if (display === null || deps.snooze.isSnoozed()) return;
    const t = translator(resolveLanguage(language, deps.systemLanguages()));
    const target = revealTargetOf({ items: display.kind === 'single' ? [display.item] : display.items });
    const notification = deps.createNotification(notificationWords(display, t));
    const forget = () => kept.delete(notification);
    notification.on('click', () => {
      forget();
      deps.showWindow();
      deps.services.reveal(target);
    });
    notification.on('close', forget);
    kept.add(notification);
    for (const oldest of kept) {
      if (kept.size <= maxKept) break;
      kept.delete(oldest);
    }
    notification.show();
  };

  const unsubscribe = deps.services.subscribe((message) => {
    if (message.event === 'preferences') language = message.payload.language;
    if (message.event !== 'notification' || deps.snooze.isSnoozed()) return;
    pending.push(message.payload);
    timer ??= deps.timers.setTimeout(flush, burstMs);
  });

  return () => {
    unsubscribe();
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    kept.clear(); // Shown ones stay in the notification centre; only the references go.
  };
}
