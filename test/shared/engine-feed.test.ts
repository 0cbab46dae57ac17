import { describe, expect, it } from 'vitest';
import { freshMessage } from '../fakes/message-views';
import type { EngineChange, EngineFeedItem, EngineSnapshot, MessageView } from '../../shared/engine-api';
import { applyFeedItem } from '../../shared/engine-feed';
import { DEFAULT_ENGINE_SETTINGS } from '../../shared/engine-settings';
import { summarize } from '../../shared/totals';

/** A fresh watch of `id`, added at time 0. */
const view = (id: string, label: string | null = null): MessageView => freshMessage(id, 0, label);

function snapshot(version: number, messages: MessageView[]): EngineFeedItem {
  const value: EngineSnapshot = {
    version,
    messages,
    health: {
      mode: 'running',
      blocker: null,
      counts: {
        watching: messages.length,
        inFlight: 0,
        backlog: 0,
        requestsLastMinute: 0,
        rateCapPerSecond: 10,
      },
      lastSuccessAt: null,
    },
    totals: summarize(messages),
    settings: DEFAULT_ENGINE_SETTINGS,
  };
  return { type: 'snapshot', snapshot: value };
}

function change(version: number, partial: Partial<EngineChange> = {}): EngineFeedItem {
  return { type: 'change', change: { version, upserted: [], removed: [], events: [], ...partial } };
}

describe('applyFeedItem', () => {
  it('applies a change only to the version just before it, keeping message order', () => {
    const start = applyFeedItem(null, snapshot(4, [view('a'), view('b')]));
    const next = applyFeedItem(
      start.state,
      change(5, { upserted: [view('c'), view('a', 'Renamed')], removed: ['b'] }),
    );
    expect(next.outcome).toBe('applied');
    expect(next.state?.version).toBe(5);
    expect(next.state?.messages.map((message) => [message.id, message.label])).toEqual([
      ['a', 'Renamed'],
      ['c', null],
    ]);
  });

  it('ignores a change it already has and asks for a resync after a gap', () => {
    const start = applyFeedItem(null, snapshot(4, [view('a')])).state;
    expect(applyFeedItem(start, change(4, { removed: ['a'] }))).toEqual({ outcome: 'ignored', state: start });
    expect(applyFeedItem(start, change(6, { removed: ['a'] }))).toEqual({ outcome: 'resync', state: start });
    expect(applyFeedItem(null, change(1)).outcome).toBe('resync');
  });

  it('after a reconnect, a fresh snapshot replaces the state and older changes are not applied twice', () => {
    let state = applyFeedItem(null, snapshot(1, [view('a')])).state;
    state = applyFeedItem(state, change(2, { upserted: [view('b')] })).state;
    // Disconnected while versions 3 and 4 happened; the new subscription starts with a snapshot at 4.
    state = applyFeedItem(state, snapshot(4, [view('b'), view('c')])).state;
    // A late delivery of the old connection's change 3 is ignored; the next change applies.
    expect(applyFeedItem(state, change(3, { upserted: [view('zombie')] })).outcome).toBe('ignored');
    const step = applyFeedItem(state, change(5, { removed: ['b'] }));
    expect(step.state?.messages.map((message) => message.id)).toEqual(['c']);
  });

  it('never mutates the state it is given', () => {
    const start = applyFeedItem(null, snapshot(1, [view('a')])).state;
    const frozen = JSON.stringify(start);
    applyFeedItem(start, change(2, { upserted: [view('a', 'x'), view('b')] }));
    expect(JSON.stringify(start)).toBe(frozen);
  });
});
