import { describe, expect, it } from 'vitest';
import type { ListedChange, ListedSnapshot } from '../../../shared/contract';
import { summarize } from '../../../shared/totals';
import { applyFeedItem, applyFeedItems } from '../../../renderer/src/logic/feed-state';
import { TEST_SETTINGS, listedView, runningHealth } from '../../fakes/message-views';

const a = listedView({ id: 'a', statuses: ['processing'] });
const b = listedView({ id: 'b' });
const snapshot: ListedSnapshot = {
  version: 5,
  messages: [a, b],
  health: runningHealth(2),
  totals: summarize([a, b]),
  settings: TEST_SETTINGS,
};
const change = (version: number, partial: Partial<ListedChange> = {}): ListedChange => ({
  version,
  upserted: [],
  removed: [],
  events: [],
  ...partial,
});
const start = applyFeedItem(null, { type: 'snapshot', snapshot }).state;

describe('applyFeedItem', () => {
  it('takes a snapshot whole', () => {
    expect(start?.version).toBe(5);
    expect(start?.messages.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it("keeps one message per id when a snapshot lists an id twice: the later one, in the first one's place", () => {
    const later = listedView({ id: 'a', statuses: ['delivered'] });
    const state = applyFeedItem(null, {
      type: 'snapshot',
      snapshot: { ...snapshot, messages: [a, b, later] },
    }).state;
    expect(state?.messages.map((m) => `${m.id} ${m.snapshot?.kind ?? ''}`)).toEqual(['a delivered', 'b ']);
    expect(state?.byId.get('a')).toBe(later);
    expect(state?.byId.size).toBe(2);
    expect(state?.labels).toEqual(start?.labels);
  });

  it('applies the next change: updates in place, appends new ids, removes', () => {
    const delivered = listedView({ id: 'a', statuses: ['delivered'] });
    const c = listedView({ id: 'c' });
    const result = applyFeedItem(start, {
      type: 'change',
      change: change(6, { upserted: [delivered, c], removed: ['b'] }),
    });
    expect(result.gap).toBe(false);
    expect(result.state?.messages.map((m) => m.id)).toEqual(['a', 'c']);
    expect(result.state?.byId.get('a')?.snapshot?.kind).toBe('delivered');
  });

  it('ignores a change it already has and reports a gap for a missed one', () => {
    expect(applyFeedItem(start, { type: 'change', change: change(5) })).toEqual({ state: start, gap: false });
    expect(applyFeedItem(start, { type: 'change', change: change(7) })).toEqual({ state: start, gap: true });
    expect(applyFeedItem(null, { type: 'change', change: change(1) }).gap).toBe(true);
  });

  it('keeps health, totals and settings unless the change carries them', () => {
    const paused = runningHealth(2, { mode: 'paused' });
    const next = applyFeedItem(start, { type: 'change', change: change(6, { health: paused }) }).state;
    expect(next?.health.mode).toBe('paused');
    expect(next?.totals).toBe(start?.totals);
  });
});

describe('applyFeedItems (one update per batch of feed items)', () => {
  const c = listedView({ id: 'c', label: 'Codes' });

  it('applies several changes at once, in order, with every event and what changed since the state it started from', () => {
    const first = listedView({ id: 'a', statuses: ['processing', 'delivered'] });
    const result = applyFeedItems(start, [
      { type: 'change', change: change(6, { upserted: [c], events: [] }) },
      { type: 'change', change: change(7, { upserted: [first], removed: ['b'] }) },
    ]);
    expect(result.gap).toBe(false);
    expect(result.state?.version).toBe(7);
    expect(result.state?.messages.map((m) => m.id)).toEqual(['a', 'c']);
    expect(result.state?.byId.get('a')).toBe(first);
    expect(result.state?.byId.has('b')).toBe(false);
    expect(start?.version).toBe(5);
    expect(result.state?.delta).toEqual({
      fromSerial: start?.serial,
      upserted: new Set(['c', 'a']),
      removed: new Set(['b']),
    });
  });

  it('leaves the state it started from as it was', () => {
    const before = start?.messages;
    applyFeedItems(start, [
      {
        type: 'change',
        change: change(6, { upserted: [c, listedView({ id: 'a', statuses: ['delivered'] })] }),
      },
    ]);
    expect(start?.messages).toBe(before);
    expect(start?.messages.map((m) => m.id)).toEqual(['a', 'b']);
    expect(start?.byId.has('c')).toBe(false);
    expect(start?.byId.get('a')).toBe(a);
  });

  it('keeps what came before a missed change and reports the gap; a snapshot later in the batch mends it', () => {
    const missed = applyFeedItems(start, [
      { type: 'change', change: change(6, { upserted: [c] }) },
      { type: 'change', change: change(8, { removed: ['a'] }) },
      { type: 'change', change: change(9, { removed: ['c'] }) },
    ]);
    expect(missed.gap).toBe(true);
    expect(missed.state?.version).toBe(6);
    expect(missed.state?.messages.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    const mended = applyFeedItems(start, [
      { type: 'change', change: change(8) },
      { type: 'snapshot', snapshot: { ...snapshot, version: 9, messages: [b] } },
      { type: 'change', change: change(10, { upserted: [c] }) },
    ]);
    expect(mended.gap).toBe(false);
    expect(mended.state?.version).toBe(10);
    expect(mended.state?.messages.map((m) => m.id)).toEqual(['b', 'c']);
  });

  it('keeps the labels current as messages come, change label and go', () => {
    expect(start?.labels).toEqual([null]);
    const labelled = applyFeedItems(start, [
      { type: 'change', change: change(6, { upserted: [c, listedView({ id: 'a', label: 'Alpha' })] }) },
    ]).state;
    expect(labelled?.labels).toEqual(['Alpha', 'Codes', null]);
    const gone = applyFeedItems(labelled, [
      { type: 'change', change: change(7, { removed: ['c', 'b'] }) },
    ]).state;
    expect(gone?.labels).toEqual(['Alpha']);
  });
});
