import { describe, expect, it } from 'vitest';
import { freshMessage } from '../../../fakes/message-views';
import type { EngineFeedItem, MessageView } from '../../../../shared/engine-api';
import type { EngineHealth } from '../../../../shared/engine-health';
import { DEFAULT_ENGINE_SETTINGS } from '../../../../shared/engine-settings';
import { summarize } from '../../../../shared/totals';
import { FeedPublisher } from '../../../../electron/core/engine/feed-publisher';
import { VirtualClock } from '../../../../electron/core/virtual-clock';

/** A fresh watch of `id`, added at time 0. */
const view = (id: string, label: string | null = null): MessageView => freshMessage(id, 0, label);

function setup() {
  const clock = new VirtualClock();
  const messages = new Map<string, MessageView>();
  let health: EngineHealth = {
    mode: 'idle',
    blocker: null,
    counts: { watching: 0, inFlight: 0, backlog: 0, requestsLastMinute: 0, rateCapPerSecond: 10 },
    lastSuccessAt: null,
  };
  const errors: unknown[] = [];
  const feed = new FeedPublisher({
    clock,
    batchWindowMs: 50,
    onListenerError: (error) => errors.push(error),
    source: {
      messages: () => [...messages.values()],
      message: (id) => messages.get(id),
      health: () => health,
      settings: () => DEFAULT_ENGINE_SETTINGS,
      totals: () => summarize([...messages.values()]),
    },
  });
  const put = (message: MessageView) => {
    const isNew = !messages.has(message.id);
    messages.set(message.id, message);
    feed.upserted([message.id]);
    if (isNew) feed.totalsMayHaveChanged();
  };
  const setHealth = (next: EngineHealth) => {
    health = next;
    feed.healthChanged(next);
  };
  return { clock, feed, put, messages, errors, setHealth, health: () => health };
}

const versions = (items: EngineFeedItem[]) =>
  items.map((item) => (item.type === 'snapshot' ? `s${item.snapshot.version}` : `c${item.change.version}`));

describe('FeedPublisher', () => {
  it('batches changes within the window into one change with the next version', async () => {
    const { clock, feed, put } = setup();
    const items: EngineFeedItem[] = [];
    feed.subscribe((item) => items.push(item));
    put(view('a'));
    put(view('b'));
    await clock.advanceBy(10);
    put(view('a', 'x'));
    await clock.advanceBy(100);
    expect(versions(items)).toEqual(['s0', 'c1']);
    const change = items[1]?.type === 'change' ? items[1].change : null;
    expect(change?.upserted.map((message) => [message.id, message.label])).toEqual([
      ['a', 'x'],
      ['b', null],
    ]);
    expect(change?.totals?.total).toBe(2);
  });

  it('publishes nothing when nothing changed, and health only when it differs', async () => {
    const { clock, feed, setHealth, health } = setup();
    const items: EngineFeedItem[] = [];
    feed.subscribe((item) => items.push(item));
    setHealth({ ...health() });
    await clock.advanceBy(100);
    expect(versions(items)).toEqual(['s0']);
    setHealth({ ...health(), mode: 'paused' });
    await clock.advanceBy(100);
    expect(items[1]?.type === 'change' ? items[1].change.health?.mode : null).toBe('paused');
  });

  it('keeps delivering to the others when a listener throws or unsubscribes while being called', async () => {
    const { clock, feed, put, errors } = setup();
    const seen: string[] = [];
    feed.subscribe(() => {
      throw new Error('window gone');
    });
    const off = feed.subscribe((item) => {
      seen.push(`first ${item.type}`);
      if (item.type === 'change') off();
    });
    feed.subscribe((item) => seen.push(`second ${item.type}`));
    put(view('a'));
    feed.publish();
    put(view('b'));
    await clock.advanceBy(100);
    expect(seen).toEqual([
      'first snapshot',
      'first change',
      'second snapshot',
      'second change',
      'second change',
    ]);
    expect(errors.length).toBe(3);
  });

  it('a snapshot taken while changes are pending includes them and moves the version on', async () => {
    const { clock, feed, put } = setup();
    const early: EngineFeedItem[] = [];
    feed.subscribe((item) => early.push(item));
    put(view('a'));
    const snapshot = feed.snapshot();
    expect(snapshot.version).toBe(1);
    expect(snapshot.messages.map((message) => message.id)).toEqual(['a']);
    await clock.advanceBy(100);
    expect(versions(early)).toEqual(['s0', 'c1']);
  });

  it('with nobody listening, counts changes without building them, and a later subscriber starts in step', async () => {
    const { clock, feed, put } = setup();
    put(view('a'));
    await clock.advanceBy(100);
    put(view('b'));
    await clock.advanceBy(100);
    const items: EngineFeedItem[] = [];
    feed.subscribe((item) => items.push(item));
    put(view('c'));
    await clock.advanceBy(100);
    expect(versions(items)).toEqual(['s2', 'c3']);
    const change = items[1]?.type === 'change' ? items[1].change : null;
    expect(change?.totals?.total).toBe(3);
  });

  it('counts the totals at most every half second, and the last change always brings them up to date', async () => {
    const { clock, feed, put, messages } = setup();
    const state = { totals: 0, withTotals: 0 };
    feed.subscribe((item) => {
      if (item.type === 'change' && item.change.totals) {
        state.totals = item.change.totals.total;
        state.withTotals += 1;
      }
    });
    for (let i = 0; i < 40; i += 1) {
      put(view(`m${i}`));
      await clock.advanceBy(60);
    }
    await clock.advanceBy(1_000);
    expect(state.totals).toBe(messages.size);
    expect(state.withTotals).toBeLessThanOrEqual(6);
  });
});

describe('FeedPublisher timing', () => {
  it('a change waiting for the totals does not hold back the next message change', async () => {
    const { clock, feed, put } = setup();
    const at: number[] = [];
    const start = clock.now();
    feed.subscribe((item) => {
      if (item.type === 'change') at.push(clock.now() - start);
    });
    put(view('a'));
    await clock.advanceBy(60);
    put(view('b'));
    await clock.advanceBy(60);
    put(view('a', 'renamed'));
    await clock.advanceBy(60);
    expect(at).toEqual([50, 110, 170]);
  });
});
