import type { MessageView } from './engine-api';
import { bucketOf, MESSAGE_BUCKETS, type MessageBucket } from './totals';

/** A message as far as the counts go (the feed's listed messages and the engine's views both fit). */
export type CountedMessage = Omit<MessageView, 'history' | 'schedule'>;

/**
 * What the tray, the tab title and the favicon need to know about the watch list, kept as counts so that none of
 * them walks the list on each change.
 */
export interface WatchCounts {
  readonly total: number;
  /** How many messages are in each bucket. */
  readonly buckets: Readonly<Record<MessageBucket, number>>;
  /** Failed or not-found messages no person has acknowledged yet. */
  readonly unacknowledgedFailures: number;
  /** Unacknowledged messages past their deadline while still watched, or whose watch ended without a final status. */
  readonly overdue: number;
  /** Messages still being checked. */
  readonly watching: number;
}

/** A feed item as far as the counts go: the engine's and the window's (without histories) both fit. */
export type CountedFeedItem =
  | { readonly type: 'snapshot'; readonly snapshot: { readonly messages: readonly CountedMessage[] } }
  | {
      readonly type: 'change';
      readonly change: { readonly upserted: readonly CountedMessage[]; readonly removed: readonly string[] };
    };

/** What one message adds to the counts. */
export interface MessageTally {
  readonly bucket: MessageBucket;
  readonly unacknowledgedFailure: boolean;
  readonly overdue: boolean;
  readonly watching: boolean;
}

const NO_BUCKETS = Object.fromEntries(MESSAGE_BUCKETS.map((bucket) => [bucket, 0])) as Record<
  MessageBucket,
  number
>;

/** The counts of an empty watch list. */
export const NO_COUNTS: WatchCounts = {
  total: 0,
  buckets: NO_BUCKETS,
  unacknowledgedFailures: 0,
  overdue: 0,
  watching: 0,
};

/**
 * What one message adds: a failure (failed, or not known to SMSBAT) counts until a person acknowledges it; a
 * message counts as overdue while watched past its deadline, or when its watch ended without a final status.
 */
export function tallyOf(message: CountedMessage): MessageTally {
  const bucket = bucketOf(message);
  const unacknowledgedFailure = !message.acknowledged && (bucket === 'failed' || bucket === 'not_found');
  const overdue =
    !message.acknowledged &&
    !unacknowledgedFailure &&
    (bucket === 'gave_up' || (message.overdue && message.phase === 'watching'));
  return { bucket, unacknowledgedFailure, overdue, watching: message.phase === 'watching' };
}

/** Adds (`sign` 1) or takes away (`sign` -1) one message's tally. Pure. */
export function addTally(counts: WatchCounts, tally: MessageTally, sign: 1 | -1): WatchCounts {
  return {
    total: counts.total + sign,
    buckets: { ...counts.buckets, [tally.bucket]: counts.buckets[tally.bucket] + sign },
    unacknowledgedFailures: counts.unacknowledgedFailures + (tally.unacknowledgedFailure ? sign : 0),
    overdue: counts.overdue + (tally.overdue ? sign : 0),
    watching: counts.watching + (tally.watching ? sign : 0),
  };
}

/** Counts a whole list in one pass (the window does this at most once a second). */
export function countMessages(messages: Iterable<CountedMessage>): WatchCounts {
  const buckets = { ...NO_BUCKETS };
  let total = 0;
  let unacknowledgedFailures = 0;
  let overdue = 0;
  let watching = 0;
  for (const message of messages) {
    const tally = tallyOf(message);
    total += 1;
    buckets[tally.bucket] += 1;
    if (tally.unacknowledgedFailure) unacknowledgedFailures += 1;
    if (tally.overdue) overdue += 1;
    if (tally.watching) watching += 1;
  }
  return { total, buckets, unacknowledgedFailures, overdue, watching };
}

/**
 * Keeps the counts of the engine's feed up to date: a snapshot is counted once, and each change costs only its own
 * messages (each message's last tally is kept, so an update takes the old one away before adding the new one).
 */
export class FeedCounter {
  readonly #tallies = new Map<string, MessageTally>();
  #counts: WatchCounts = NO_COUNTS;

  /** The counts so far. */
  get counts(): WatchCounts {
    return this.#counts;
  }

  /** Applies one feed item and returns the counts after it. */
  apply(item: CountedFeedItem): WatchCounts {
    if (item.type === 'snapshot') {
      this.#tallies.clear();
      for (const message of item.snapshot.messages) this.#tallies.set(message.id, tallyOf(message));
      this.#counts = countMessages(item.snapshot.messages);
      return this.#counts;
    }
    let counts = this.#counts;
    for (const id of item.change.removed) {
      const old = this.#tallies.get(id);
      if (old === undefined) continue;
      counts = addTally(counts, old, -1);
      this.#tallies.delete(id);
    }
    for (const message of item.change.upserted) {
      const old = this.#tallies.get(message.id);
      if (old !== undefined) counts = addTally(counts, old, -1);
      const tally = tallyOf(message);
      counts = addTally(counts, tally, 1);
      this.#tallies.set(message.id, tally);
    }
    this.#counts = counts;
    return counts;
  }
}
