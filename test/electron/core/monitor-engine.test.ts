import { describe, expect, it } from 'vitest';
import { MonitorEngine } from '../../../electron/core/monitor-engine';
import { VirtualClock } from '../../../electron/core/virtual-clock';
import { InMemoryWatchListStore, type WatchListChange } from '../../../electron/core/watch-list-store';
import { ScriptedStatusClient, type Script } from '../../fakes/scripted-status-client';

const lifecycle: Script = (_id, call) => (call === 0 ? 'scheduled' : call < 3 ? 'processing' : 'delivered');

function engineOn(clock: VirtualClock, store: InMemoryWatchListStore, script: Script = lifecycle) {
  const client = new ScriptedStatusClient(clock, script, 50);
  const engine = new MonitorEngine({ client, clock, store, random: () => 0.5, checkPolicy: 'backoff' });
  return { client, engine };
}

describe('MonitorEngine', () => {
  it('watches pasted ids through their lifecycle to a final status', async () => {
    const clock = new VirtualClock();
    const { engine } = engineOn(clock, new InMemoryWatchListStore());
    await engine.start();
    engine.watch(['a', 'b'], { label: 'Orders' });
    await clock.advanceBy(5 * 60_000);
    expect(
      engine.messages().map((message) => [message.id, message.phase, message.snapshot?.rawStatus]),
    ).toEqual([
      ['a', 'final', 'delivered'],
      ['b', 'final', 'delivered'],
    ]);
    expect(engine.message('a')?.history.map((entry) => entry.rawStatus)).toEqual([
      'scheduled',
      'processing',
      'delivered',
    ]);
    expect(engine.health.mode).toBe('idle');
  });

  it('resumes every unfinished watch after a restart, losing nothing', async () => {
    const clock = new VirtualClock();
    const store = new InMemoryWatchListStore();
    const first = engineOn(clock, store, (id, call) =>
      id === 'done' ? 'delivered' : call === 0 ? 'scheduled' : 'processing',
    );
    await first.engine.start();
    first.engine.watch(['done', 'open-1', 'open-2'], { label: 'Campaign' });
    await clock.advanceBy(20_000);
    await first.engine.stop();

    const second = engineOn(clock, store, () => 'delivered');
    await second.engine.start();
    expect(second.engine.messages()).toHaveLength(3);
    await clock.advanceBy(10_000);
    // Only the unfinished ids are checked again; their history carries on from before the restart.
    expect(new Set(second.client.calls.map((call) => call.messageId))).toEqual(new Set(['open-1', 'open-2']));
    const resumed = second.engine.message('open-1');
    expect(resumed?.label).toBe('Campaign');
    expect(resumed?.history.map((entry) => entry.rawStatus)).toEqual([
      'scheduled',
      'processing',
      'delivered',
    ]);
    expect(second.engine.messages().every((message) => message.phase === 'final')).toBe(true);
  });

  it('emits one change event for everything a burst of results changed', async () => {
    const clock = new VirtualClock();
    const client = new ScriptedStatusClient(clock, () => 'delivered', 50);
    const engine = new MonitorEngine({
      client,
      clock,
      maxRequestsPerSecond: 50,
      concurrency: 50,
      batchWindowMs: 500,
      // A burst answered at once: the backoff checks every new id at once.
      checkPolicy: 'backoff',
    });
    const batches: WatchListChange[] = [];
    engine.onChange((change) => batches.push(change));
    await engine.start();
    engine.watch(Array.from({ length: 20 }, (_, i) => `otp-${i}`));
    await clock.advanceBy(5_000);
    const deliveredBatches = batches.filter((batch) =>
      batch.upserted.some((message) => message.snapshot?.rawStatus === 'delivered'),
    );
    expect(deliveredBatches).toHaveLength(1);
    expect(deliveredBatches[0]?.upserted).toHaveLength(20);
  });

  it('forgets removed ids and stops checking them', async () => {
    const clock = new VirtualClock();
    const { engine, client } = engineOn(clock, new InMemoryWatchListStore(), () => 'processing');
    await engine.start();
    engine.watch(['a', 'b']);
    await clock.advanceBy(1_000);
    expect(engine.unwatch(['a', 'zzz'])).toEqual(['a']);
    const callsForA = client.callsFor('a').length;
    await clock.advanceBy(10 * 60_000);
    expect(client.callsFor('a')).toHaveLength(callsForA);
    expect(engine.messages().map((message) => message.id)).toEqual(['b']);
  });

  it('keeps checking every id when a health listener throws', async () => {
    const clock = new VirtualClock();
    const client = new ScriptedStatusClient(clock, () => 'delivered', 50);
    const errors: unknown[] = [];
    const engine = new MonitorEngine({ client, clock, onListenerError: (error) => errors.push(error) });
    engine.onHealth(() => {
      throw new Error('window already closed');
    });
    await engine.start();
    engine.watch(['a', 'b', 'c']);
    await clock.advanceBy(5_000);
    expect(engine.messages().map((message) => message.phase)).toEqual(['final', 'final', 'final']);
    expect(errors.length).toBeGreaterThan(0);
  });
});
