import type { MessageEvent } from './engine-api';
import type { MessageEventKind } from './glossary';
import type { WatchedMessage } from './message';
import { isFinalKind } from './status';

/**
 * Decides what happened to one message between two records of it: the events people may want to hear about (see
 * `MessageEventKind` in the glossary). `before` is null for a message just put on the list; `at` is when the change
 * was made (used for overdue and when a record does not say). A change that says nothing new emits nothing.
 */
export function messageEvents(
  before: WatchedMessage | null,
  after: WatchedMessage,
  at: number,
): MessageEvent[] {
  const events: MessageEvent[] = [];
  const previousRawStatus = before?.snapshot?.rawStatus ?? null;
  const rawStatus = after.snapshot?.rawStatus ?? null;
  const event = (kind: MessageEventKind, when: number): MessageEvent => ({
    kind,
    messageId: after.id,
    at: when,
    label: after.label,
    rawStatus,
    previousRawStatus,
  });

  if (after.snapshot !== null && rawStatus !== previousRawStatus) {
    const changedAt = after.lastChangedAt ?? after.lastCheckedAt ?? at;
    events.push(event(statusEventKind(after, changedAt), changedAt));
  }
  if (after.overdue && before?.overdue !== true) events.push(event('overdue', at));
  if (after.phase !== before?.phase && (after.phase === 'not_found' || after.phase === 'gave_up')) {
    events.push(event(after.phase, after.lastChangedAt ?? at));
  }
  const error = after.lastError;
  if (error !== null && error.kind !== before?.lastError?.kind) events.push(event('check_failed', error.at));
  return events;
}

/** The event kind a new status makes: delivered (on time or late), failed, or a plain status change. */
function statusEventKind(after: WatchedMessage, changedAt: number): MessageEventKind {
  const snapshot = after.snapshot;
  if (snapshot === null || !isFinalKind(snapshot.kind)) return 'status_changed';
  if (snapshot.kind === 'failed') return 'failed';
  return after.deadlineAt !== null && changedAt > after.deadlineAt ? 'delivered_late' : 'delivered';
}

/** Events after which a message needs a person's attention again (its acknowledgement is withdrawn). */
export const ATTENTION_EVENT_KINDS: ReadonlySet<MessageEventKind> = new Set<MessageEventKind>([
  'failed',
  'delivered_late',
  'overdue',
  'not_found',
  'gave_up',
]);
