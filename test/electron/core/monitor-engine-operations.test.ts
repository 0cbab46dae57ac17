import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../electron/core/errors';
import { InMemoryWatchListStore } from '../../../electron/core/watch-list-store';
import { FeedRecorder, engineKit } from './engine/engine-test-kit';

describe('MonitorEngine operations', () => {
  it('rejects ids that are empty, too long or have forbidden characters, with reasons, and never checks them', async () => {
    const { engine, client, clock } = engineKit(() => 'delivered');
    await engine.start();
    const result = engine.watch(['ok-1', '', 'a/b', 'x'.repeat(129), 'ok-1', '../x']);
    expect(result.added).toEqual(['ok-1']);
    expect(result.rejected.map((rejection) => rejection.reason)).toEqual([
      'empty',
      'invalid_characters',
      'too_long',
      'invalid_characters',
    ]);
    await clock.advanceBy(10_000);
    expect(new Set(client.calls.map((call) => call.messageId))).toEqual(new Set(['ok-1']));
  });

  it('pause() holds every check and resume() checks again at once', async () => {
    const { engine, client, clock } = engineKit(() => 'processing');
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    engine.pause();
    const calls = client.calls.length;
    await clock.advanceBy(10 * 60_000);
    expect(client.calls).toHaveLength(calls);
    expect(engine.snapshot().health.mode).toBe('paused');
    engine.resume();
    await clock.advanceBy(100);
    expect(client.calls.length).toBeGreaterThan(calls);
    expect(engine.snapshot().health.mode).toBe('running');
  });

  it('wake() re-checks every watched message at once without lifting a pause the person set', async () => {
    const { engine, client, clock } = engineKit(() => 'processing');
    await engine.start();
    engine.watch(['a', 'b']);
    await clock.advanceBy(20_000);
    const settled = client.calls.length;
    engine.wake();
    await clock.advanceBy(1_500);
    expect(client.calls.length - settled).toBe(2);
    engine.pause();
    const paused = client.calls.length;
    engine.wake();
    await clock.advanceBy(10 * 60_000);
    expect(client.calls).toHaveLength(paused);
    expect(engine.snapshot().health.mode).toBe('paused');
    engine.resume();
    await clock.advanceBy(1_500);
    expect(client.calls.length - paused).toBe(2);
  });

  it('refreshNow() says what it did with each id', async () => {
    const { engine, clock } = engineKit(() => 'processing');
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    const outcomes = (ids?: string[]) => engine.refreshNow(ids).map((o) => [o.messageId, o.outcome]);
    expect(outcomes(['a', 'nope', '../bad'])).toEqual([
      ['a', 'cached'],
      ['nope', 'not_watched'],
      ['../bad', 'not_watched'],
    ]);
    const fresh = engineKit(() => 'processing', { cacheTtlMs: 0 });
    await fresh.engine.start();
    fresh.engine.watch(['b']);
    await fresh.clock.advanceBy(1_000);
    expect(fresh.engine.refreshNow().map((o) => [o.messageId, o.outcome])).toEqual([['b', 'queued']]);
  });

  it('ignores a result that arrives for an id unwatched while its check was in flight', async () => {
    const { engine, client, clock } = engineKit(() => 'delivered');
    await engine.start();
    const feed = new FeedRecorder();
    engine.subscribe(feed.listener);
    engine.watch(['a', 'b']);
    await clock.advanceBy(10);
    expect(client.callsFor('a')).toHaveLength(1);
    engine.unwatch(['a']);
    await clock.advanceBy(5_000);
    expect(engine.snapshot().messages.map((message) => message.id)).toEqual(['b']);
    expect(feed.events()).toEqual(['delivered b']);
    expect(feed.state?.messages.map((message) => message.id)).toEqual(['b']);
  });

  it('clears finished messages and sets labels and deadlines on existing ids', async () => {
    const { engine, clock } = engineKit((id) => (id === 'done' ? 'delivered' : 'processing'));
    await engine.start();
    engine.watch(['done', 'open']);
    await clock.advanceBy(2_000);
    expect(engine.setLabel(['open', 'done', 'zzz'], 'Campaign')).toEqual(['open', 'done']);
    expect(engine.setDeadline(['open', 'done'], 60_000)).toEqual(['open']);
    expect(engine.message('open')).toMatchObject({ label: 'Campaign', deadlineAt: clock.now() + 60_000 });
    expect(engine.clearFinished()).toEqual(['done']);
    expect(engine.snapshot().messages.map((message) => message.id)).toEqual(['open']);
  });

  it('keeps acknowledgements across restarts and withdraws one when something new goes wrong', async () => {
    const store = new InMemoryWatchListStore();
    const first = engineKit((id) => (id === 'lost' ? new NotFoundError('404') : 'failed'), {
      store,
      notFoundRetries: 1,
    });
    await first.engine.start();
    first.engine.watch(['bad', 'lost']);
    await first.clock.advanceBy(1_000);
    expect(first.engine.acknowledge(['bad', 'lost', 'zzz'])).toEqual(['bad', 'lost']);
    await first.clock.advanceBy(60_000);
    expect(first.engine.message('bad')?.acknowledged).toBe(true);
    // 'lost' was acknowledged while still checked; becoming not found is news again.
    expect(first.engine.message('lost')).toMatchObject({ phase: 'not_found', acknowledged: false });
    await first.engine.stop();
    const second = engineKit(() => 'failed', { store });
    await second.engine.start();
    expect(second.engine.message('bad')?.acknowledged).toBe(true);
  });
});

describe('MonitorEngine settings that change the pace', () => {
  it('a shorter watch window gives up on pending messages, and concurrency caps requests at once', async () => {
    const { engine, client, clock } = engineKit(() => 'processing');
    await engine.start();
    engine.updateSettings({ concurrency: 2, rateCapPerSecond: 50, watchWindowMs: 120_000 });
    engine.watch(Array.from({ length: 10 }, (_, i) => `id-${i}`));
    await clock.advanceBy(3 * 60_000);
    expect(client.maxInFlight).toBeLessThanOrEqual(2);
    expect(new Set(engine.snapshot().messages.map((message) => message.phase))).toEqual(new Set(['gave_up']));
  });

  it('clears a deadline with null', async () => {
    const { engine, clock } = engineKit(() => 'processing');
    await engine.start();
    engine.watch(['a'], { deadlineMs: 30_000 });
    expect(engine.setDeadline(['a'], null)).toEqual(['a']);
    await clock.advanceBy(60_000);
    expect(engine.message('a')).toMatchObject({ deadlineAt: null, overdue: false });
  });
});

describe('MonitorEngine restore', () => {
  it('puts exported messages back as they were and checks those still pending', async () => {
    const source = engineKit((id) => (id === 'done' ? 'failed' : 'processing'));
    await source.engine.start();
    source.engine.watch(['done', 'open'], { label: 'Campaign' });
    await source.clock.advanceBy(2_000);
    source.engine.acknowledge(['done']);
    const exported = source.engine.snapshot().messages;

    const store = new InMemoryWatchListStore();
    const target = engineKit(() => 'delivered', { store });
    await target.engine.start();
    target.engine.watch(['open']);
    const [first] = exported;
    if (!first) throw new Error('nothing exported');
    const result = target.engine.restore([...exported, { ...first, id: 'bad/id' }]);
    expect(result.restored).toEqual(['done']);
    expect(result.alreadyWatched).toEqual(['open']);
    expect(result.rejected.map((rejection) => rejection.token)).toEqual(['bad/id']);
    expect(target.engine.message('done')).toMatchObject({
      phase: 'final',
      label: 'Campaign',
      acknowledged: true,
      snapshot: { rawStatus: 'failed' },
    });
    await target.engine.stop();
    const saved = await store.load();
    expect(saved.map((message) => message.id).sort()).toEqual(['done', 'open']);
    expect(saved.every((message) => !('schedule' in message))).toBe(true);
  });

  it('resumes checking a restored message that was still pending', async () => {
    const source = engineKit(() => 'processing');
    await source.engine.start();
    source.engine.watch(['pending']);
    await source.clock.advanceBy(2_000);
    const exported = source.engine.snapshot().messages;
    const target = engineKit(() => 'delivered');
    await target.engine.start();
    expect(target.engine.restore(exported).restored).toEqual(['pending']);
    await target.clock.advanceBy(5_000);
    expect(target.engine.message('pending')?.history.map((entry) => entry.rawStatus)).toEqual([
      'processing',
      'delivered',
    ]);
  });
});
