import { describe, expect, it } from 'vitest';
import type { EngineFeedItem, EngineSnapshot, MessageView } from '../../shared/engine-api';
import { summarize } from '../../shared/totals';
import { countMessages, FeedCounter, tallyOf } from '../../shared/watch-counts';
import { messageView, runningHealth, TEST_SETTINGS } from '../fakes/message-views';

function snapshot(messages: readonly MessageView[]): EngineFeedItem {
  const snap: EngineSnapshot = {
    version: 1,
    messages,
    health: runningHealth(1),
    totals: summarize(messages),
    settings: TEST_SETTINGS,
  };
  return { type: 'snapshot', snapshot: snap };
}

function change(
  version: number,
  upserted: readonly MessageView[],
  removed: readonly string[] = [],
): EngineFeedItem {
  return { type: 'change', change: { version, upserted, removed, events: [] } };
}

describe('watch counts', () => {
  it('counts a failure until it is acknowledged, and not-found as a failure', () => {
    expect(tallyOf(messageView({ id: 'a', statuses: ['undeliverable'] })).unacknowledgedFailure).toBe(true);
    expect(tallyOf(messageView({ id: 'a', phase: 'not_found' })).unacknowledgedFailure).toBe(true);
    expect(
      tallyOf(messageView({ id: 'a', statuses: ['undeliverable'], acknowledged: true }))
        .unacknowledgedFailure,
    ).toBe(false);
  });

  it('counts overdue only while watched, and a given-up watch as overdue', () => {
    expect(tallyOf(messageView({ id: 'a', statuses: ['processing'], overdue: true })).overdue).toBe(true);
    expect(tallyOf(messageView({ id: 'a', statuses: ['delivered'], overdue: true })).overdue).toBe(false);
    expect(tallyOf(messageView({ id: 'a', phase: 'gave_up' })).overdue).toBe(true);
  });

  it('keeps the same counts change by change as counting the whole list again', () => {
    const a = messageView({ id: 'a', statuses: ['processing'] });
    const b = messageView({ id: 'b', statuses: ['processing'] });
    const counter = new FeedCounter();
    expect(counter.apply(snapshot([a, b]))).toEqual(countMessages([a, b]));
    const bFailed = messageView({ id: 'b', statuses: ['processing', 'undeliverable'] });
    const c = messageView({ id: 'c' });
    expect(counter.apply(change(2, [bFailed, c]))).toEqual(countMessages([a, bFailed, c]));
    const bSeen = { ...bFailed, acknowledged: true };
    expect(counter.apply(change(3, [bSeen], ['a']))).toEqual(countMessages([bSeen, c]));
    expect(counter.apply(change(4, [], ['missing']))).toEqual(countMessages([bSeen, c]));
    expect(counter.counts).toMatchObject({ total: 2, unacknowledgedFailures: 0, watching: 1 });
  });

  it('starts again from a new snapshot', () => {
    const counter = new FeedCounter();
    counter.apply(snapshot([messageView({ id: 'a' })]));
    expect(counter.apply(snapshot([])).total).toBe(0);
  });
});
