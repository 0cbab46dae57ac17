import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListedChange, ListedSnapshot, ListedMessage } from '../../../shared/contract';
import { summarize } from '../../../shared/totals';
import { COLUMNS } from '../../../renderer/src/logic/columns';
import { applyFeedItems, type FeedState } from '../../../renderer/src/logic/feed-state';
import { filterMessages, NO_FILTER, onlyBucket } from '../../../renderer/src/logic/message-filter';
import { sortMessages, type SortOrder } from '../../../renderer/src/logic/message-sort';
import { sortFeed } from '../../../renderer/src/logic/sorted-feed';
import { TEST_SETTINGS, listedView, runningHealth } from '../../fakes/message-views';

const STATUSES = [[], ['scheduled'], ['processing'], ['delivered'], ['undeliverable']] as const;
const LABELS = ['Codes', 'Campaign', null] as const;

function sketch(id: number, variant: number): ListedMessage {
  return listedView({
    id: `m-${String(id)}`,
    label: LABELS[variant % LABELS.length] ?? null,
    statuses: [...(STATUSES[variant % STATUSES.length] ?? [])],
    addedAt: 1_000 + (variant % 7) * 1_000,
    parts: variant % 4 === 0 ? null : variant % 4,
  });
}

function snapshotOf(count: number): FeedState {
  const messages = Array.from({ length: count }, (_, id) => sketch(id, id));
  const snapshot: ListedSnapshot = {
    version: 1,
    messages,
    health: runningHealth(count),
    totals: summarize(messages),
    settings: TEST_SETTINGS,
  };
  const state = applyFeedItems(null, [{ type: 'snapshot', snapshot }]).state;
  if (state === null) throw new Error('no state');
  return state;
}

const change = (version: number, upserted: ListedMessage[], removed: string[] = []): ListedChange => ({
  version,
  upserted,
  removed,
  events: [],
});
const ids = (list: readonly ListedMessage[]) => list.map((message) => message.id);
const orders: SortOrder[] = COLUMNS.flatMap((column) => [
  { column, direction: 'ascending' as const },
  { column, direction: 'descending' as const },
]);

describe('sortFeed', () => {
  it('puts a message whose status changed where a full sort would, in every column and direction', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...orders),
        fc.array(
          fc.record({
            updates: fc.array(fc.tuple(fc.nat(39), fc.nat(20)), { maxLength: 6 }),
            removals: fc.array(fc.nat(45), { maxLength: 2 }),
            added: fc.array(fc.tuple(fc.integer({ min: 40, max: 45 }), fc.nat(20)), { maxLength: 2 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (order, batches) => {
          let feed = snapshotOf(40);
          let sorted = sortFeed(null, feed, order);
          batches.forEach((batch, step) => {
            const upserted = [...batch.updates, ...batch.added].map(([id, variant]) => sketch(id, variant));
            const removed = batch.removals.map((id) => `m-${String(id)}`);
            const next = applyFeedItems(feed, [
              { type: 'change', change: change(feed.version + 1, upserted, removed) },
            ]).state;
            if (next === null) throw new Error('no state');
            feed = next;
            sorted = sortFeed(sorted, feed, order);
            expect(ids(sorted.messages), `after batch ${String(step)}`).toEqual(
              ids(sortMessages(feed.messages, order)),
            );
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('moves a message that changes in the middle of the list to its new place and keeps the others in order', () => {
    const order: SortOrder = { column: 'lastChange', direction: 'descending' };
    const feed = snapshotOf(30);
    const before = sortFeed(null, feed, order);
    const middle = before.messages[15];
    if (middle === undefined) throw new Error('no message');
    const moved = listedView({ id: middle.id, statuses: ['delivered'], addedAt: 99_000 });
    const next = applyFeedItems(feed, [{ type: 'change', change: change(2, [moved]) }]).state;
    if (next === null) throw new Error('no state');
    const after = sortFeed(before, next, order);
    expect(after.messages[0]).toBe(moved);
    expect(ids(after.messages.slice(1))).toEqual(ids(before.messages.filter((m) => m.id !== middle.id)));
  });

  it('sorts whole again after a skipped version or a new order', () => {
    const order: SortOrder = { column: 'id', direction: 'ascending' };
    const feed = snapshotOf(10);
    const sorted = sortFeed(null, feed, order);
    const v2 = applyFeedItems(feed, [{ type: 'change', change: change(2, [sketch(3, 4)]) }]).state;
    const v3 = v2 && applyFeedItems(v2, [{ type: 'change', change: change(3, [sketch(4, 3)]) }]).state;
    if (v3 === null) throw new Error('no state');
    expect(ids(sortFeed(sorted, v3, order).messages)).toEqual(ids(sortMessages(v3.messages, order)));
    const flipped: SortOrder = { column: 'id', direction: 'descending' };
    expect(ids(sortFeed(sorted, v3, flipped).messages)).toEqual(ids(sortMessages(v3.messages, flipped)));
  });

  it("shows a new engine's messages when its snapshot carries the version the list already had", () => {
    // Connecting or switching to the demo replaces the engine; its versions start again.
    const order: SortOrder = { column: 'id', direction: 'ascending' };
    const sorted = sortFeed(null, snapshotOf(0), order);
    const fresh = snapshotOf(12);
    expect(sortFeed(sorted, fresh, order).messages).toHaveLength(12);
  });

  it("shows every message when a new engine's snapshot and its first change arrive in one frame", () => {
    const order: SortOrder = { column: 'id', direction: 'ascending' };
    const sorted = sortFeed(null, snapshotOf(12), order);
    const messages = Array.from({ length: 8 }, (_, id) => sketch(id, id));
    const snapshot: ListedSnapshot = {
      version: 1,
      messages,
      health: runningHealth(8),
      totals: summarize(messages),
      settings: TEST_SETTINGS,
    };
    const next = applyFeedItems(null, [
      { type: 'snapshot', snapshot },
      { type: 'change', change: change(2, [sketch(8, 3)]) },
    ]).state;
    if (next === null) throw new Error('no state');
    expect(ids(sortFeed(sorted, next, order).messages)).toEqual(ids(sortMessages(next.messages, order)));
    expect(sortFeed(sorted, next, order).messages).toHaveLength(9);
  });

  it('lets the filter see changed messages: one that turns failed shows in the failed view', () => {
    const order: SortOrder = { column: 'lastChange', direction: 'descending' };
    const feed = snapshotOf(10);
    const failedOnly = onlyBucket(NO_FILTER, 'failed');
    const sorted = sortFeed(null, feed, order);
    const failedBefore = ids(filterMessages(sorted.messages, failedOnly));
    const turned = listedView({ id: 'm-1', statuses: ['undeliverable'] });
    const next = applyFeedItems(feed, [{ type: 'change', change: change(2, [turned]) }]).state;
    if (next === null) throw new Error('no state');
    const failedAfter = ids(filterMessages(sortFeed(sorted, next, order).messages, failedOnly));
    expect(failedBefore).not.toContain('m-1');
    expect(failedAfter).toContain('m-1');
    expect(failedAfter).toHaveLength(failedBefore.length + 1);
  });
});
