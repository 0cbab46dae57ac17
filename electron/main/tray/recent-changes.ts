import type { MessageEvent } from '../../../shared/engine-api';
import type { MessageEventKind } from '../../../shared/glossary';

/** One change the tray's menu lists: which message, what happened to it, and when (epoch ms). */
export interface RecentChange {
  readonly messageId: string;
  readonly label: string | null;
  readonly kind: MessageEventKind;
  readonly at: number;
}

/** The events the tray lists: a message settled, failed or ran late. Status steps and failed checks are not listed. */
const LISTED: ReadonlySet<MessageEventKind> = new Set([
  'delivered',
  'delivered_late',
  'failed',
  'not_found',
  'gave_up',
  'overdue',
]);

/** How many changes the tray's menu lists. */
export const RECENT_CHANGES = 5;

/**
 * The newest changes first, one per message (its latest), at most `max`, after one change's events. Pure: returns
 * the same array when no event is listed, so the menu is not rebuilt for nothing.
 */
export function withRecentChanges(
  recent: readonly RecentChange[],
  events: readonly MessageEvent[],
  max = RECENT_CHANGES,
): readonly RecentChange[] {
  const listed = events.filter((event) => LISTED.has(event.kind));
  if (listed.length === 0) return recent;
  const newest = listed.toReversed().map((event): RecentChange => ({
    messageId: event.messageId,
    label: event.label,
    kind: event.kind,
    at: event.at,
  }));
  const seen = new Set<string>();
  const merged: RecentChange[] = [];
  for (const change of [...newest, ...recent]) {
    if (seen.has(change.messageId)) continue;
    seen.add(change.messageId);
    merged.push(change);
    if (merged.length === max) break;
  }
  return merged;
}

/** Drops the changes of messages no longer watched. */
export function withoutRemoved(
  recent: readonly RecentChange[],
  removed: readonly string[],
): readonly RecentChange[] {
  if (removed.length === 0) return recent;
  const gone = new Set(removed);
  const kept = recent.filter((change) => !gone.has(change.messageId));
  return kept.length === recent.length ? recent : kept;
}
