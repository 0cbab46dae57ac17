import { describe, expect, it } from 'vitest';
import { EngineStoppedError } from '../../../electron/core/monitor-engine';
import { InMemoryWatchListStore, type WatchListStore } from '../../../electron/core/watch-list-store';
import { FeedRecorder, engineKit } from './engine/engine-test-kit';

describe('MonitorEngine lifecycle', () => {
  it('start() can be tried again after the store failed to load', async () => {
    const saved = new InMemoryWatchListStore();
    const seed = engineKit(() => 'processing', { store: saved });
    seed.engine.watch(['kept']);
    await seed.engine.stop();
    let failLoad = true;
    const store: WatchListStore = {
      load: () => (failLoad ? Promise.reject(new Error('settings file locked')) : saved.load()),
      save: (change) => saved.save(change),
    };
    const { engine, client, clock } = engineKit(() => 'processing', { store });
    await expect(engine.start()).rejects.toThrow('settings file locked');
    failLoad = false;
    await engine.start();
    await clock.advanceBy(2_000);
    expect(engine.snapshot().messages.map((message) => message.id)).toEqual(['kept']);
    expect(client.callsFor('kept').length).toBeGreaterThan(0);
  });

  it('an id unwatched while the list loads stays unwatched', async () => {
    const saved = new InMemoryWatchListStore();
    const seed = engineKit(() => 'processing', { store: saved });
    seed.engine.watch(['a', 'b']);
    await seed.engine.stop();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store: WatchListStore = {
      load: async () => {
        await gate;
        return saved.load();
      },
      save: (change) => saved.save(change),
    };
    const { engine, client, clock } = engineKit(() => 'processing', { store });
    const starting = engine.start();
    expect(engine.unwatch(['a'])).toEqual([]);
    release();
    await starting;
    await clock.advanceBy(60_000);
    expect(engine.snapshot().messages.map((message) => message.id)).toEqual(['b']);
    expect(client.callsFor('a')).toHaveLength(0);
  });

  it('watch() after stop() throws, and refreshNow() does nothing', async () => {
    const { engine } = engineKit();
    await engine.start();
    await engine.stop();
    expect(() => engine.watch(['a'])).toThrow(EngineStoppedError);
    expect(engine.refreshNow()).toEqual([]);
    await expect(engine.start()).rejects.toThrow(EngineStoppedError);
    expect(engine.snapshot().health.mode).toBe('stopped');
  });

  it('stop() ends the retries of a failed save and rejects when the final save fails', async () => {
    let saves = 0;
    const store: WatchListStore = {
      load: () => Promise.resolve([]),
      save: () => {
        saves += 1;
        return Promise.reject(new Error('disk full'));
      },
    };
    const storeErrors: unknown[] = [];
    const { engine, clock } = engineKit(() => 'processing', {
      store,
      onStoreError: (e) => storeErrors.push(e),
    });
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(3_000);
    expect(storeErrors.length).toBeGreaterThan(0);
    await expect(engine.stop()).rejects.toThrow('disk full');
    const after = saves;
    await clock.advanceBy(10 * 60_000);
    expect(saves).toBe(after);
  });

  it('a subscribed window learns that the engine stopped', async () => {
    const { engine } = engineKit();
    await engine.start();
    const window = new FeedRecorder();
    engine.subscribe(window.listener);
    engine.watch(['a']);
    await engine.stop();
    expect(window.state?.health.mode).toBe('stopped');
    expect(window.state?.messages.map((message) => message.id)).toEqual(['a']);
  });

  it('stop() resolves once the list is saved', async () => {
    const store = new InMemoryWatchListStore();
    const { engine, clock } = engineKit(() => 'delivered', { store });
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    await engine.stop();
    expect((await store.load()).map((message) => message.phase)).toEqual(['final']);
  });
});
