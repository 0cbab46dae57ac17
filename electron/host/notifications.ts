import type { NotificationEvent, NotificationItem, UiPreferences } from '../../shared/contract';
import type { MessageEvent } from '../../shared/engine-api';
import type { MessageEventKind } from '../../shared/glossary';

type Severity = NotificationEvent['severity'];
type NotifyPreference = keyof UiPreferences['notify'];

interface Notable {
  readonly preference: NotifyPreference;
  readonly severity: Severity;
  /** How one message is described, e.g. "Delivered". */
  readonly title: string;
  /** How several are counted in a summary, e.g. "delivered". */
  readonly counted: string;
}

/** Which message events are worth a notification, under which preference, and how they read. */
const NOTABLE: Partial<Record<MessageEventKind, Notable>> = {
  delivered: { preference: 'delivered', severity: 'success', title: 'Delivered', counted: 'delivered' },
  delivered_late: {
    preference: 'delivered',
    severity: 'warning',
    title: 'Delivered late',
    counted: 'delivered late',
  },
  failed: { preference: 'failed', severity: 'error', title: 'Failed', counted: 'failed' },
  not_found: { preference: 'failed', severity: 'error', title: 'Not found', counted: 'not found' },
  gave_up: { preference: 'failed', severity: 'warning', title: 'Gave up', counted: 'gave up' },
  overdue: { preference: 'overdue', severity: 'warning', title: 'Overdue', counted: 'overdue' },
};

const SEVERITY_RANK: Record<Severity, number> = { info: 0, success: 1, warning: 2, error: 3 };

/** Options of `decideNotifications`. */
export interface NotificationOptions {
  /** More messages than this in one change make one summary instead of one notification each. @default 3 */
  readonly maxSingleNotifications?: number;
}

function describeOne(event: MessageEvent, notable: Notable): NotificationEvent {
  const status = event.rawStatus === null ? '' : ` — ${event.rawStatus}`;
  const label = event.label === null ? '' : ` (${event.label})`;
  return {
    title: notable.title,
    body: `${event.messageId}${label}${status}`,
    severity: notable.severity,
    messageIds: [event.messageId],
    kind: event.kind,
    items: [itemOf(event)],
    counts: { [event.kind]: 1 },
  };
}

function itemOf(event: MessageEvent): NotificationItem {
  return { messageId: event.messageId, label: event.label, kind: event.kind, rawStatus: event.rawStatus };
}

/**
 * Which notifications one engine change deserves, given the person's notify preferences: one per message when a
 * few change, or a single summary ("12 messages: 9 delivered, 3 failed") when many change at once. Status changes
 * along the way and failed checks never notify. Pure: the host shows what it returns.
 */
export function decideNotifications(
  events: readonly MessageEvent[],
  notify: UiPreferences['notify'],
  options: NotificationOptions = {},
): NotificationEvent[] {
  const maxSingle = options.maxSingleNotifications ?? 3;
  const latest = new Map<string, { event: MessageEvent; notable: Notable }>();
  for (const event of events) {
    const notable = NOTABLE[event.kind];
    if (notable === undefined || !notify[notable.preference]) continue;
    latest.delete(event.messageId); // Keep the last event per message, in the order they last happened.
    latest.set(event.messageId, { event, notable });
  }
  const picked = [...latest.values()];
  if (picked.length === 0) return [];
  if (picked.length <= maxSingle) return picked.map(({ event, notable }) => describeOne(event, notable));

  const counted = new Map<string, number>();
  const counts: Partial<Record<MessageEventKind, number>> = {};
  let severity: Severity = 'info';
  for (const { event, notable } of picked) {
    counted.set(notable.counted, (counted.get(notable.counted) ?? 0) + 1);
    counts[event.kind] = (counts[event.kind] ?? 0) + 1;
    if (SEVERITY_RANK[notable.severity] > SEVERITY_RANK[severity]) severity = notable.severity;
  }
  return [
    {
      title: `${picked.length} messages changed`,
      body: [...counted].map(([words, count]) => `${count} ${words}`).join(', '),
      severity,
      messageIds: picked.map(({ event }) => event.messageId),
      kind: 'summary',
      items: picked.map(({ event }) => itemOf(event)),
      counts,
    },
  ];
}
