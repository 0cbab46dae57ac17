import type { TFunction } from 'i18next';
import type { NotificationItem } from '../../../shared/contract';
import { MESSAGE_EVENT_KINDS } from '../../../shared/glossary';
import type { NotificationDisplay } from '../../../shared/notification-batch';
import { rawStatusWord } from './raw-status-word';

/** A notification's words in the window's language. */
export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

function messageName(item: NotificationItem): string {
  return item.label === null ? item.messageId : `${item.messageId} (${item.label})`;
}

/**
 * Puts a notification display into the window's language: one message reads "Delivered / a-1 — delivered", a
 * summary reads "5 messages changed / 3 delivered, 1 failed, 1 overdue" followed by the latest few messages.
 */
export function notificationText(display: NotificationDisplay, t: TFunction): NotificationText {
  if (display.kind === 'single') {
    const { item } = display;
    const status = item.rawStatus === null ? '' : ` — ${rawStatusWord(t, item.rawStatus)}`;
    return { title: t(`notify.event_${item.kind}`), body: `${messageName(item)}${status}` };
  }
  const counted = MESSAGE_EVENT_KINDS.flatMap((kind) => {
    const count = display.counts[kind];
    return count === undefined ? [] : [t(`notify.counted_${kind}`, { count })];
  });
  const latest = display.latest.map((item) => `${messageName(item)} — ${t(`notify.event_${item.kind}`)}`);
  const more = display.count > display.latest.length ? ['…'] : [];
  return {
    title: t('notify.summary', { count: display.count }),
    body: [counted.join(', '), ...latest, ...more].join('\n'),
  };
}
