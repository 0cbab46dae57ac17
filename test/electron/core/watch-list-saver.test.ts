import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../electron/core/virtual-clock';
import { WatchListSaver } from '../../../electron/core/watch-list-saver';
import type { WatchListChange, WatchListStore, WatchRecord } from '../../../electron/core/watch-list-store';

/** A store whose every save takes `saveMs` of virtual time, like a file rewritten at most once a second. */
class SlowStore implements WatchListStore {
  readonly saved = new Map<string, WatchRecord>();
  saves = 0;
  constructor(
    private readonly clock: VirtualClock,
    private readonly saveMs: number,
  ) {}
  load(): Promise<readonly WatchRecord[]> {
    return Promise.resolve([...this.saved.values()]);
  }
  async save(change: WatchListChange): Promise<void> {
    this.saves += 1;
    await this.clock.sleep(this.saveMs);
    for (const id of change.removed) this.saved.delete(id);
    for (const record of change.upserted) this.saved.set(record.id, record);
  }
}

function record(id: string, version: number): WatchRecord {
  return { id, label: `v${version}` } as unknown as WatchRecord;
}

function saverOn(store: WatchListStore, clock: VirtualClock): WatchListSaver {
  return new WatchListSaver({
    store,
    clock,
    current: () => undefined,
    onStoreError: () => undefined,
    onListenerError: () => undefined,
    onRetryDue: () => undefined,
  });
}

describe('WatchListSaver', () => {
  it('folds batches that arrive during a slow save into one save, so closing never waits behind a backlog', async () => {
    const clock = new VirtualClock();
    const store = new SlowStore(clock, 1000);
    const saver = saverOn(store, clock);
    // 400 batches, one every 50 ms (20 s of checks), each saving the newest state of a few ids.
    for (let batch = 0; batch < 400; batch += 1) {
      void saver.save({ upserted: [record(`id-${batch % 7}`, batch)], removed: [] });
      await clock.advanceBy(50);
    }
    let closed = false;
    const closing = saver.close({ upserted: [record('id-last', 400)], removed: [] }).then(() => {
      closed = true;
    });
    await clock.advanceBy(3000);
    expect(closed).toBe(true);
    await closing;
    // About one save per second of batches, not one per batch.
    expect(store.saves).toBeLessThan(30);
    expect(store.saved.get('id-last')?.label).toBe('v400');
    for (let id = 0; id < 7; id += 1) {
      const newest = 399 - ((399 - id) % 7);
      expect(store.saved.get(`id-${id}`)?.label).toBe(`v${newest}`);
    }
  });

  it('answers each batch once its own save commits, and with the error when that save fails', async () => {
    const clock = new VirtualClock();
    const store = new SlowStore(clock, 100);
    let failing = false;
    const flaky: WatchListStore = {
      load: () => store.load(),
      save: (change) => (failing ? Promise.reject(new Error('ENOSPC')) : store.save(change)),
    };
    const saver = saverOn(flaky, clock);
    const settled: string[] = [];
    const track = (name: string, promise: Promise<void>) =>
      promise.then(
        () => settled.push(`${name} saved`),
        (error: unknown) => settled.push(`${name} failed: ${String(error)}`),
      );
    const first = track('a', saver.save({ upserted: [record('a', 1)], removed: [] }));
    await clock.advanceBy(50);
    const second = track('b', saver.save({ upserted: [record('b', 1)], removed: [] }));
    expect(settled).toEqual([]);
    await clock.advanceBy(50);
    await first;
    expect(settled).toEqual(['a saved']);
    expect(store.saved.has('b')).toBe(false);
    await clock.advanceBy(100);
    await second;
    expect(settled).toEqual(['a saved', 'b saved']);

    failing = true;
    await track('c', saver.save({ upserted: [record('c', 1)], removed: [] }));
    expect(settled.at(-1)).toBe('c failed: Error: ENOSPC');
    expect(await saver.save({ upserted: [], removed: [] }).then(() => 'nothing pending')).toBe(
      'nothing pending',
    );
  });

  it('answers a batch queued behind a save that fails without waiting for the retry', async () => {
    const clock = new VirtualClock();
    let calls = 0;
    const failingSlowly: WatchListStore = {
      load: () => Promise.resolve([]),
      save: async () => {
        calls += 1;
        await clock.sleep(100);
        throw new Error('EROFS');
      },
    };
    const saver = saverOn(failingSlowly, clock);
    void saver.save({ upserted: [record('a', 1)], removed: [] });
    let answer = '';
    const queued = saver.save({ upserted: [record('b', 1)], removed: [] }).catch((error: unknown) => {
      answer = String(error);
    });
    await clock.advanceBy(250);
    await queued;
    expect(answer).toBe('Error: EROFS');
    expect(calls).toBe(2);
  });
});
