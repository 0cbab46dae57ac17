import type { Translate } from '../../../shared/i18n/translate';
import { MESSAGE_EVENT_KINDS } from '../../../shared/glossary';
import type { NotificationDisplay } from '../../../shared/notification-batch';
import type { NotificationItem } from '../../../shared/contract';

/** An operating system notification's words. */
export interface NotificationWords {
  readonly title: string;
  readonly body: string;
}

function messageName(item: NotificationItem): string {
  return item.label === null ? item.messageId : `${item.messageId} (${item.label})`;
}

/**
 * Puts a notification into words from the shared catalogs: one message reads "Failed / a-1 (Campaign A) —
 * undeliverable"; a burst reads "14 messages changed / 12 delivered, 2 failed in Campaign A" (the label when they
 * all share one). Pure.
 */
export function notificationWords(display: NotificationDisplay, t: Translate): NotificationWords {
  if (display.kind === 'single') {
    const { item } = display;
    const status = item.rawStatus === null ? '' : ` — ${item.rawStatus}`;
    return { title: t(`notify.event_${item.kind}`), body: `${messageName(item)}${status}` };
  }
  const counted = MESSAGE_EVENT_KINDS.flatMap((kind) => {
    const count = display.counts[kind];
    return count === undefined ? [] : [t(`notify.counted_${kind}`, { count })];
  }).join(', ');
  const labels = new Set(display.items.map((item) => item.label));
  const [label] = labels;
  return {
    title: t('notify.summary', { count: display.count }),
    body:
      labels.size === 1 && typeof label === 'string'
        ? t('notify.summary_in', { counts: counted, label })
        : counted,
  };
}
