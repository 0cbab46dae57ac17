import type { ListedMessage } from '../../../shared/contract';
import type { FeedState } from './feed-state';
import { sortedIndex, sortMessages, type SortOrder } from './message-sort';

/** Every watched message in the list's order, for one feed version. */
export interface SortedFeed {
  /** The feed state sorted. */
  readonly source: FeedState;
  readonly order: SortOrder;
  readonly messages: readonly ListedMessage[];
}

/** Past this share of changed messages, sorting everything again is cheaper than moving each one. */
const RESORT_SHARE = 0.25;

const sameOrder = (a: SortOrder, b: SortOrder): boolean =>
  a.column === b.column && a.direction === b.direction;

/**
 * The feed's messages in `order`, updated from the previous result when the feed says which messages changed
 * since it (each changed message is taken out and put back where it now belongs); sorted whole after a snapshot,
 * a new order, a skipped version or a change to many messages. Either way the result equals `sortMessages`.
 */
export function sortFeed(previous: SortedFeed | null, feed: FeedState, order: SortOrder): SortedFeed {
  if (previous !== null && previous.source === feed && sameOrder(previous.order, order)) return previous;
  const delta = feed.delta;
  const incremental =
    previous !== null &&
    delta !== null &&
    delta.fromSerial === previous.source.serial &&
    sameOrder(previous.order, order) &&
    delta.upserted.size + delta.removed.size <= feed.messages.length * RESORT_SHARE;
  if (!incremental) return { source: feed, order, messages: sortMessages(feed.messages, order) };
  const messages = previous.messages.filter(
    (message) => !delta.upserted.has(message.id) && !delta.removed.has(message.id),
  );
  for (const id of delta.upserted) {
    const message = feed.byId.get(id);
    if (message !== undefined) messages.splice(sortedIndex(messages, message, order), 0, message);
  }
  return { source: feed, order, messages };
}
