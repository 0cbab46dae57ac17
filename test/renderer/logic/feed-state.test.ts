import { describe, expect, it } from 'vitest';
import type { EngineChange, EngineSnapshot } from '../../../shared/engine-api';
import { summarize } from '../../../shared/totals';
import { applyFeedItem } from '../../../renderer/src/logic/feed-state';
import { TEST_SETTINGS, messageView, runningHealth } from '../../fakes/message-views';

const a = messageView({ id: 'a', statuses: ['processing'] });
const b = messageView({ id: 'b' });
const snapshot: EngineSnapshot = {
  version: 5,
  messages: [a, b],
  health: runningHealth(2),
  totals: summarize([a, b]),
  settings: TEST_SETTINGS,
};
const change = (version: number, partial: Partial<EngineChange> = {}): EngineChange => ({
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

  it('applies the next change: updates in place, appends new ids, removes', () => {
    const delivered = messageView({ id: 'a', statuses: ['delivered'] });
    const c = messageView({ id: 'c' });
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
