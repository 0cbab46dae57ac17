import { describe, expect, it } from 'vitest';
import type { WatchedMessage } from '../../../shared/message';
import { ServerError } from '../../../electron/core/errors';
import { VirtualClock } from '../../../electron/core/virtual-clock';
import { WatchList } from '../../../electron/core/watch-list';
import {
  InMemoryWatchListStore,
  type WatchListChange,
  type WatchListStore,
} from '../../../electron/core/watch-list-store';
import { snapshotOf } from '../../fakes/scripted-status-client';

function setup(store: WatchListStore = new InMemoryWatchListStore()) {
  const clock = new VirtualClock();
  const storeErrors: unknown[] = [];
  const list = new WatchList({ clock, store, onStoreError: (error) => storeErrors.push(error) });
  const batches: WatchListChange[] = [];
  list.onChange((change) => batches.push(change));
  return { clock, list, batches, storeErrors };
}

describe('WatchList', () => {
  it('adds new ids with their label and deadline, and leaves ids already watched alone', () => {
    const { clock, list } = setup();
    const first = list.add(['a', 'b'], { label: '  Order confirmations ', deadlineMs: 30_000 });
    expect(first.added.map((message) => message.id)).toEqual(['a', 'b']);
    expect(list.get('a')).toMatchObject({
      label: 'Order confirmations',
      phase: 'watching',
      deadlineAt: clock.now() + 30_000,
      snapshot: null,
    });
    const second = list.add(['b', 'c'], { label: 'Other' });
    expect(second.added.map((message) => message.id)).toEqual(['c']);
    expect(second.alreadyWatched).toEqual(['b']);
    expect(list.get('b')?.label).toBe('Order confirmations');
  });

  it('rejects a label that is too long or a deadline that is not positive', () => {
    const { list } = setup();
    expect(() => list.add(['a'], { label: 'x'.repeat(101) })).toThrow(/label.*100/);
    expect(() => list.add(['a'], { deadlineMs: 0 })).toThrow(/deadlineMs/);
    expect(list.size).toBe(0);
  });

  it('keeps a history of status changes with the time each was first seen', () => {
    const { clock, list } = setup();
    list.add(['a']);
    const t0 = clock.now();
    list.recordSnapshot('a', snapshotOf('a', 'scheduled'), t0);
    list.recordSnapshot('a', snapshotOf('a', 'scheduled'), t0 + 5_000);
    list.recordSnapshot('a', snapshotOf('a', 'processing'), t0 + 13_000);
    list.recordSnapshot('a', snapshotOf('a', 'delivered', 0.05), t0 + 21_000);
    const message = list.get('a');
    expect(message?.history.map((entry) => [entry.rawStatus, entry.at - t0])).toEqual([
      ['scheduled', 0],
      ['processing', 13_000],
      ['delivered', 21_000],
    ]);
    expect(message).toMatchObject({ phase: 'final', lastCheckedAt: t0 + 21_000, lastChangedAt: t0 + 21_000 });
    expect(message?.snapshot?.charge).toEqual({ amount: 0.05, currency: null });
  });

  it('never lets a late, non-final answer replace a final status', () => {
    const { clock, list } = setup();
    list.add(['a']);
    list.recordSnapshot('a', snapshotOf('a', 'undeliverable'), clock.now());
    list.recordSnapshot('a', snapshotOf('a', 'processing'), clock.now() + 1_000);
    expect(list.get('a')?.snapshot?.rawStatus).toBe('undeliverable');
    expect(list.get('a')?.phase).toBe('final');
    expect(list.get('a')?.history).toHaveLength(1);
  });

  it('keeps the last status when a check fails, and shows the error', () => {
    const { clock, list } = setup();
    list.add(['a']);
    list.recordSnapshot('a', snapshotOf('a', 'processing'), clock.now());
    list.recordError('a', new ServerError('Service Unavailable', { httpStatus: 503 }), clock.now() + 5_000);
    expect(list.get('a')).toMatchObject({
      snapshot: { rawStatus: 'processing' },
      lastError: { kind: 'server', message: 'Service Unavailable', httpStatus: 503 },
    });
    list.recordSnapshot('a', snapshotOf('a', 'processing'), clock.now() + 10_000);
    expect(list.get('a')?.lastError).toBeNull();
  });

  it('reports everything that changed within a tick as one batch', async () => {
    const { clock, list, batches } = setup();
    list.add(Array.from({ length: 500 }, (_, i) => `id-${i}`));
    for (let i = 0; i < 500; i += 1)
      list.recordSnapshot(`id-${i}`, snapshotOf(`id-${i}`, 'delivered'), clock.now());
    list.remove(['id-0']);
    await clock.advanceBy(100);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.upserted).toHaveLength(499);
    expect(batches[0]?.upserted[0]?.snapshot?.rawStatus).toBe('delivered');
    expect(batches[0]?.removed).toEqual(['id-0']);
  });

  it('starts a new watch when an id that gave up or was not found is added again', () => {
    const { clock, list } = setup();
    list.add(['a', 'b']);
    list.recordSnapshot('a', snapshotOf('a', 'processing'), clock.now());
    list.markGaveUp('a', clock.now());
    list.markNotFound('b', clock.now());
    const again = list.add(['a', 'b']);
    expect(again.added.map((message) => message.id)).toEqual(['a', 'b']);
    expect(list.get('a')).toMatchObject({ phase: 'watching', snapshot: { rawStatus: 'processing' } });
    expect(list.get('a')?.history).toHaveLength(1);
  });

  it('saves every batch to its store, so a new list over the same store has everything', async () => {
    const store = new InMemoryWatchListStore();
    const { clock, list } = setup(store);
    list.add(['a', 'b'], { label: 'Campaign' });
    list.recordSnapshot('a', snapshotOf('a', 'delivered'), clock.now());
    list.remove(['b']);
    await list.flush();
    const reloaded = await setup(store).list.load();
    expect(reloaded.map((message: WatchedMessage) => [message.id, message.label, message.phase])).toEqual([
      ['a', 'Campaign', 'final'],
    ]);
  });

  it('keeps changes in memory when saving fails, says so, and saves them with the next batch', async () => {
    const inner = new InMemoryWatchListStore();
    let failing = true;
    const flaky: WatchListStore = {
      load: () => inner.load(),
      save: (change) => (failing ? Promise.reject(new Error('disk full')) : inner.save(change)),
    };
    const { clock, list, storeErrors } = setup(flaky);
    list.add(['a']);
    await list.flush();
    expect(storeErrors).toHaveLength(1);
    expect(list.get('a')).toBeDefined();
    failing = false;
    list.add(['b']);
    await list.flush();
    await clock.advanceBy(100);
    expect((await inner.load()).map((message) => message.id).sort()).toEqual(['a', 'b']);
  });

  it('tries a failed save again by itself, with backoff, even when nothing else changes', async () => {
    const inner = new InMemoryWatchListStore();
    let failures = 2;
    const attempts: number[] = [];
    const clock = new VirtualClock();
    const list = new WatchList({
      clock,
      store: {
        load: () => inner.load(),
        save: (change) => {
          attempts.push(clock.now());
          if (failures > 0) {
            failures -= 1;
            return Promise.reject(new Error('disk full'));
          }
          return inner.save(change);
        },
      },
    });
    list.add(['a']);
    list.recordSnapshot('a', snapshotOf('a', 'delivered'), clock.now());
    await clock.advanceBy(10_000);
    expect(attempts).toHaveLength(3);
    expect((await inner.load()).map((message) => message.phase)).toEqual(['final']);
  });

  it('keeps saving and notifying when a listener or the store-error callback throws', async () => {
    const inner = new InMemoryWatchListStore();
    let failing = true;
    const clock = new VirtualClock();
    const seen: number[] = [];
    const listenerErrors: unknown[] = [];
    const list = new WatchList({
      clock,
      store: {
        load: () => inner.load(),
        save: (change) => (failing ? Promise.reject(new Error('disk full')) : inner.save(change)),
      },
      onStoreError: () => {
        throw new Error('callback broke');
      },
      onListenerError: (error) => listenerErrors.push(error),
    });
    list.onChange(() => {
      throw new Error('listener broke');
    });
    list.onChange((change) => seen.push(change.upserted.length));
    list.add(['a']);
    await list.flush();
    failing = false;
    list.add(['b']);
    await list.flush();
    await clock.advanceBy(5_000);
    expect(seen).toEqual([1, 1]);
    expect(listenerErrors.length).toBeGreaterThanOrEqual(2);
    expect((await inner.load()).map((message) => message.id).sort()).toEqual(['a', 'b']);
  });

  it('does not bring back an id removed while the saved list was loading', async () => {
    const saved = new InMemoryWatchListStore();
    await saved.save({ upserted: [], removed: [] });
    const seed = new WatchList({ store: saved });
    seed.add(['keep', 'drop']);
    await seed.flush();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: WatchListStore = {
      load: async () => {
        await gate;
        return saved.load();
      },
      save: (change) => saved.save(change),
    };
    const list = new WatchList({ store: slow });
    const loading = list.load();
    list.remove(['drop']);
    release();
    const loaded = await loading;
    expect(loaded.map((message) => message.id)).toEqual(['keep']);
    expect(list.all().map((message) => message.id)).toEqual(['keep']);
  });

  it('loads records saved without an acknowledgement as unacknowledged, and keeps acknowledgements', async () => {
    const [added] = new WatchList().add(['old']).added;
    if (!added) throw new Error('not added');
    const { acknowledged: _dropped, ...old } = added;
    const store = new InMemoryWatchListStore([old]);
    const first = new WatchList({ store });
    expect((await first.load())[0]?.acknowledged).toBe(false);
    expect(first.setAcknowledged(['old', 'missing'], true)).toEqual(['old']);
    await first.close();
    const second = new WatchList({ store });
    await second.load();
    expect(second.get('old')?.acknowledged).toBe(true);
  });

  it('sets labels and deadlines on ids already watched, and clears finished messages', () => {
    const { clock, list } = setup();
    list.add(['a', 'b', 'c']);
    list.recordSnapshot('c', snapshotOf('c', 'delivered'), clock.now());
    expect(list.setLabel(['a', 'b', 'zzz'], '  Campaign ')).toEqual(['a', 'b']);
    expect(list.get('a')?.label).toBe('Campaign');
    expect(list.setLabel(['a'], 'Campaign')).toEqual([]);
    expect(list.setDeadline(['a', 'c'], clock.now() + 60_000)).toEqual(['a']);
    expect(list.get('a')?.deadlineAt).toBe(clock.now() + 60_000);
    expect(list.removeFinished()).toEqual(['c']);
    expect(list.all().map((message) => message.id)).toEqual(['a', 'b']);
  });

  it('stops retrying a failed save at close(), which rejects when the last attempt fails', async () => {
    const attempts: number[] = [];
    const clock = new VirtualClock();
    const list = new WatchList({
      clock,
      store: {
        load: () => Promise.resolve([]),
        save: () => {
          attempts.push(clock.now());
          return Promise.reject(new Error('disk full'));
        },
      },
    });
    list.add(['a']);
    await list.flush();
    expect(attempts).toHaveLength(1);
    await expect(list.close()).rejects.toThrow('disk full');
    expect(attempts).toHaveLength(2);
    await clock.advanceBy(10 * 60_000);
    expect(attempts).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('WatchList history bound on saved and imported records', () => {
  const longHistory = (count: number): WatchedMessage['history'] =>
    Array.from({ length: count }, (_, index) => ({ at: index, rawStatus: `s${index}`, kind: 'pending' }));
  const saved = (id: string, count: number): WatchedMessage => ({
    id,
    label: null,
    phase: 'watching',
    snapshot: null,
    history: longHistory(count),
    addedAt: 0,
    lastCheckedAt: null,
    lastChangedAt: null,
    deadlineAt: null,
    overdue: false,
    lastError: null,
  });

  it.each([
    [4, 4],
    [5, 5],
    [6, 5],
    [600_000, 5],
  ])('keeps %i saved entries as %i, the first and the newest, like a live check', async (count, kept) => {
    const list = new WatchList({
      store: new InMemoryWatchListStore([saved('a', count)]),
      maxHistoryEntries: 5,
    });
    await list.load();
    list.restore([saved('b', count)]);
    for (const id of ['a', 'b']) {
      const history = list.get(id)?.history ?? [];
      expect(history).toHaveLength(kept);
      expect(history[0]?.at).toBe(0);
      expect(history.at(-1)?.at).toBe(count - 1);
    }
    await list.close();
  });
});
