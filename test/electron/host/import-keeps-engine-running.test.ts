import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/engine-api';
import { toMessageColumns } from '../../../shared/message-columns';
import { dispatch } from '../../../electron/host/dispatch';
import { messagesToJson } from '../../../electron/host/export-view';
import { startHostServices, type HostServices } from '../../../electron/host/host-services';
import { createRestartableHostEngine } from '../../../electron/host/restartable-engine';
import {
  InMemoryWatchListStore,
  type WatchListChange,
  type WatchListStore,
} from '../../../electron/core/watch-list-store';
import { freshMessage } from '../../fakes/message-views';
import { tempDir } from './host-test-kit';

const NOW = Date.UTC(2026, 10, 28, 9, 30, 0);
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startOnEngine(): Promise<HostServices> {
  const dir = await tempDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const services = await startHostServices({
    dataDir: dir,
    env: {},
    createEngine: createRestartableHostEngine,
    onProblem: () => undefined,
  });
  cleanups.push(() => services.stop());
  return services;
}

/** An export of `count` settled messages, as another monitor would have written it. */
function exportOf(count: number, prefix: string): string {
  const messages: MessageView[] = [];
  for (let index = 0; index < count; index += 1) {
    messages.push({ ...freshMessage(`${prefix}-${index}`, NOW), phase: 'gave_up' });
  }
  return messagesToJson(messages, NOW);
}

/** A store whose saves fail while `failing` is set. */
class FlakyStore implements WatchListStore {
  readonly inner = new InMemoryWatchListStore();
  failing = false;

  load(): ReturnType<WatchListStore['load']> {
    return this.inner.load();
  }

  save(change: WatchListChange): Promise<void> {
    if (this.failing) return Promise.reject(new Error('disk full'));
    return this.inner.save(change);
  }
}

describe('importing while the monitor runs', () => {
  it('answers every add another window makes during a large import, and keeps them all', async () => {
    const services = await startOnEngine();
    const importing = dispatch(services.handlers, 'importMessages', { json: exportOf(20_000, 'imp') });
    const state = { done: false };
    void importing.finally(() => {
      state.done = true;
    });
    const adds: Promise<unknown>[] = [];
    const added: string[] = [];
    while (!state.done || adds.length < 10) {
      const id = `during-${adds.length}`;
      added.push(id);
      adds.push(dispatch(services.handlers, 'watch', { messageIds: [id] }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const answers = await Promise.all(adds);
    expect(answers.filter((answer) => (answer as { ok: boolean }).ok)).toHaveLength(answers.length);
    expect(await importing).toMatchObject({ ok: true, value: { imported: 20_000, skipped: 0 } });
    const snapshot = services.engine.snapshot();
    const ids = new Set(snapshot.messages.map((message) => message.id));
    expect(added.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.size).toBe(20_000 + added.length);
    expect(snapshot.health.mode).not.toBe('stopped');
  });

  it('leaves the monitor running with its old list when saving the import fails', async () => {
    const store = new FlakyStore();
    const engine = createRestartableHostEngine({
      store,
      settings: {},
      onStoreError: () => undefined,
      onProblem: () => undefined,
    });
    cleanups.push(async () => {
      store.failing = false;
      await engine.stop();
    });
    await engine.start();
    engine.watch(['old-1']);
    engine.pause();
    store.failing = true;
    await expect(engine.restore([freshMessage('imported-1', NOW)])).rejects.toThrow(/disk full/);
    store.failing = false;
    expect(engine.snapshot().health.mode).toBe('paused');
    expect(engine.watch(['new-1']).added).toEqual(['new-1']);
    expect(engine.snapshot().messages.map((message) => message.id)).toEqual(['old-1', 'new-1']);
  });

  it('saves every imported record whole before it shows', async () => {
    const store = new FlakyStore();
    const batches: WatchListChange[] = [];
    const saveBefore = store.save.bind(store);
    store.save = (change) => {
      batches.push(change);
      return saveBefore(change);
    };
    const engine = createRestartableHostEngine({
      store,
      settings: {},
      onStoreError: () => undefined,
      onProblem: () => undefined,
    });
    cleanups.push(() => engine.stop());
    await engine.start();
    const history = [
      { at: NOW, rawStatus: 'scheduled', kind: 'pending' as const },
      { at: NOW + 1, rawStatus: 'processing', kind: 'pending' as const },
    ];
    const records = ['imp-1', 'imp-2', 'imp-3'].map((id) => ({ ...freshMessage(id, NOW), history }));
    await engine.restore(records);
    expect(batches[0]?.upserted.map((record) => record.history)).toEqual([history, history, history]);
  });

  it('imports after a refused connection, and the monitor goes on', async () => {
    const services = await startOnEngine();
    const refused = await dispatch(services.handlers, 'connect', {
      baseUrl: 'http://someone:secret@127.0.0.1:9',
      credentials: { method: 'api-key-header', apiKey: 'not-a-real-key' },
    });
    expect(refused.ok).toBe(false);
    const imported = await dispatch(services.handlers, 'importMessages', { json: exportOf(3, 'after') });
    expect(imported).toMatchObject({ ok: true, value: { imported: 3 } });
    expect(await dispatch(services.handlers, 'watch', { messageIds: ['later-1'] })).toMatchObject({
      ok: true,
      value: { added: ['later-1'] },
    });
  });

  it('refuses a status without a charge and drops a deeply nested extra, and every window still reads its list', async () => {
    const services = await startOnEngine();
    const good: MessageView = {
      ...freshMessage('good-1', NOW),
      phase: 'final',
      snapshot: {
        messageId: 'good-1',
        messagelistId: null,
        rawStatus: 'delivered',
        kind: 'delivered',
        partsCount: 1,
        charge: { amount: 0.05, currency: 'UAH' },
        rate: null,
        channels: [],
        fallbacks: [],
      },
    };
    const { charge: _charge, ...noCharge } = good.snapshot ?? {};
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const records = [
      JSON.stringify({ ...good, id: 'no-charge', snapshot: noCharge }),
      JSON.stringify(good).replace(/}$/, `,"extra":${deep}}`),
    ];
    const json = `{"format":"smsbat-monitor-export","version":1,"messages":[${records.join(',')}]}`;
    const imported = await dispatch(services.handlers, 'importMessages', { json });
    expect(imported).toEqual({
      ok: true,
      value: {
        imported: 1,
        skipped: 1,
        problems: [
          '1 message was left out: the reasons follow.',
          'Message 1 ("no-charge"): snapshot.charge: missing (expected object).',
        ],
      },
    });
    const snapshot = await dispatch(services.handlers, 'snapshot', {});
    if (!snapshot.ok) throw new Error('snapshot failed');
    expect(snapshot.value.messages.map((message) => message.id)).toEqual(['good-1']);
    expect(toMessageColumns(snapshot.value.messages).count).toBe(1);
    expect(services.engine.snapshot().health.mode).not.toBe('stopped');
  });
});
