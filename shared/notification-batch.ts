import type { NotificationEvent, NotificationItem } from './contract';
import type { MessageEventKind } from './glossary';

/** What to show for notifications that arrived together: one message as it is, several as one summary. */
export type NotificationDisplay =
  | {
      readonly kind: 'single';
      readonly item: NotificationItem;
      readonly severity: NotificationEvent['severity'];
    }
  | {
      readonly kind: 'summary';
      /** How many messages, each counted once by its latest event. */
      readonly count: number;
      readonly severity: NotificationEvent['severity'];
      /** How many of those messages had each kind of event. */
      readonly counts: Partial<Readonly<Record<MessageEventKind, number>>>;
      /** The latest few messages, for the summary's text. */
      readonly latest: readonly NotificationItem[];
      /** Every message it covers, each by its latest event (for a click to show them). */
      readonly items: readonly NotificationItem[];
    };

const SEVERITY_ORDER: readonly NotificationEvent['severity'][] = ['info', 'success', 'warning', 'error'];

/**
 * Folds recent notifications into one display with the worst severity, the counts per kind and the latest
 * messages, so that 200 deliveries are one toast. A message that changed twice counts once, by its last event.
 */
export function batchNotifications(
  events: readonly NotificationEvent[],
  shownLines = 3,
): NotificationDisplay | null {
  const first = events[0];
  if (first === undefined) return null;
  const severity = events.reduce(
    (worst, event) =>
      SEVERITY_ORDER.indexOf(event.severity) > SEVERITY_ORDER.indexOf(worst) ? event.severity : worst,
    first.severity,
  );
  const byMessage = new Map<string, NotificationItem>();
  for (const item of events.flatMap((event) => event.items)) {
    byMessage.delete(item.messageId); // Keep each message's last item, in the order they last happened.
    byMessage.set(item.messageId, item);
  }
  const items = [...byMessage.values()];
  const only = items[0];
  if (items.length === 1 && only !== undefined) return { kind: 'single', item: only, severity };
  const counts: Partial<Record<MessageEventKind, number>> = {};
  for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return { kind: 'summary', count: items.length, severity, counts, latest: items.slice(-shownLines), items };
}
