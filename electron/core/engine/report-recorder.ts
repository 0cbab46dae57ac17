import type { EngineHealth } from '../../../shared/engine-health';
import type { WatchedMessage } from '../../../shared/message';
import { ATTENTION_EVENT_KINDS, messageEvents } from '../../../shared/message-events';
import { bucketOf } from '../../../shared/totals';
import type { PollObserver } from '../poll-scheduler';
import type { WatchList } from '../watch-list';
import type { FeedPublisher } from './feed-publisher';

/** What the recorder writes to. */
export interface ReportRecorderTargets {
  readonly list: WatchList;
  readonly feed: FeedPublisher;
  /** The scheduler's new health (the owner adds its own blockers and publishes it). */
  readonly onHealth: (health: EngineHealth) => void;
}

/**
 * The scheduler's observer: applies each report to the watch list, decides the message events from the record
 * before and after (withdrawing an acknowledgement when something new goes wrong), and queues both for the feed.
 * Reports about ids no longer on the list (unwatched while a check was in flight) change nothing.
 */
export function reportRecorder(targets: ReportRecorderTargets): PollObserver {
  const { list, feed, onHealth } = targets;
  const record = (messageId: string, at: number, apply: () => void): void => {
    recordChange(list, feed, messageId, at, apply);
  };
  return {
    onSnapshot: (id, snapshot, at) => {
      record(id, at, () => {
        list.recordSnapshot(id, snapshot, at);
      });
    },
    onCheckFailed: (id, error, at) => {
      record(id, at, () => {
        list.recordError(id, error, at);
      });
    },
    onNotFound: (id, at) => {
      record(id, at, () => {
        list.markNotFound(id, at);
      });
    },
    onGaveUp: (id, at) => {
      record(id, at, () => {
        list.markGaveUp(id, at);
      });
    },
    onOverdue: (id, at) => {
      record(id, at, () => {
        list.markOverdue(id);
      });
    },
    onHealth: (health) => {
      onHealth(health);
    },
    onScheduleChanged: (ids) => {
      feed.upserted(ids.filter((id) => list.get(id) !== undefined));
    },
  };
}

/**
 * Applies a change to one message on the list and queues what it means for the feed: the message events from the
 * record before and after (an acknowledgement withdrawn when something new goes wrong), the row and the totals.
 * An id not on the list changes nothing.
 */
export function recordChange(
  list: WatchList,
  feed: FeedPublisher,
  messageId: string,
  at: number,
  apply: () => void,
): void {
  const before = list.get(messageId);
  if (!before) return;
  apply();
  const after = list.get(messageId);
  if (!after || after === before) return;
  const events = messageEvents(before, after, at);
  if (after.acknowledged && events.some((event) => ATTENTION_EVENT_KINDS.has(event.kind))) {
    list.setAcknowledged([messageId], false);
  }
  feed.events(events);
  feed.upserted([messageId]);
  if (countedDifferently(before, after)) feed.totalsMayHaveChanged();
}

/** Whether the totals may count a message differently after a change: its bucket, cost or overdue flag. */
function countedDifferently(before: WatchedMessage, after: WatchedMessage): boolean {
  return (
    bucketOf(before) !== bucketOf(after) ||
    before.overdue !== after.overdue ||
    before.snapshot?.charge !== after.snapshot?.charge
  );
}
