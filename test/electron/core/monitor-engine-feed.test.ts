import { describe, expect, it } from 'vitest';
import { InvalidResponseError, ServerError } from '../../../electron/core/errors';
import { InMemoryWatchListStore } from '../../../electron/core/watch-list-store';
import { FeedRecorder, engineKit, lifecycle } from './engine/engine-test-kit';

describe('MonitorEngine snapshot and feed', () => {
  it('delivers a snapshot first, then changes one version apart, never synchronously', async () => {
    const { clock, engine } = engineKit();
    await engine.start();
    const feed = new FeedRecorder();
    engine.subscribe(feed.listener);
    expect(feed.items).toHaveLength(0);
    engine.watch(['a', 'b'], { label: 'Orders' });
    await clock.advanceBy(5 * 60_000);
    expect(feed.items[0]?.type).toBe('snapshot');
    const versions = feed.items.map((item) =>
      item.type === 'snapshot' ? item.snapshot.version : item.change.version,
    );
    versions.forEach((version, index) => {
      if (index > 0) expect(version).toBe((versions[index - 1] ?? 0) + 1);
    });
    expect(feed.resyncs).toBe(0);
    expect(feed.state).toEqual(JSON.parse(JSON.stringify(engine.snapshot())));
    expect(feed.state?.messages.map((message) => message.phase)).toEqual(['final', 'final']);
    expect(feed.state?.totals.counts.delivered).toBe(2);
  });

  it('a window that reconnects continues from a fresh snapshot without missing or repeating a change', async () => {
    const { clock, engine } = engineKit(lifecycle);
    await engine.start();
    const window = new FeedRecorder();
    const first = engine.subscribe(window.listener);
    engine.watch(['a']);
    await clock.advanceBy(3_000);
    first();
    engine.watch(['b']);
    await clock.advanceBy(20_000);
    engine.subscribe(window.listener);
    engine.watch(['c']);
    await clock.advanceBy(5 * 60_000);
    expect(window.resyncs).toBe(0);
    expect(window.state).toEqual(JSON.parse(JSON.stringify(engine.snapshot())));
    expect(window.state?.messages.map((message) => message.id)).toEqual(['a', 'b', 'c']);
  });

  it('emits events that mean something, and nothing for a check that changes nothing', async () => {
    const { clock, engine } = engineKit((id, call) =>
      id === 'slow' ? 'processing' : call === 0 ? 'scheduled' : 'delivered',
    );
    await engine.start();
    const feed = new FeedRecorder();
    engine.subscribe(feed.listener);
    engine.watch(['fast', 'slow']);
    await clock.advanceBy(10 * 60_000);
    expect(feed.events()).toEqual(['status_changed fast', 'status_changed slow', 'delivered fast']);
  });

  it('reports a failing check once per kind of failure, not once per retry', async () => {
    const { clock, engine } = engineKit((_id, call) =>
      call < 4
        ? new ServerError('SMSBAT answered 503', { httpStatus: 503 })
        : call < 6
          ? new InvalidResponseError('not JSON')
          : 'delivered',
    );
    await engine.start();
    const feed = new FeedRecorder();
    engine.subscribe(feed.listener);
    engine.watch(['x']);
    await clock.advanceBy(30 * 60_000);
    expect(feed.events()).toEqual(['check_failed x', 'check_failed x', 'delivered x']);
    expect(
      feed.items.flatMap((item) =>
        item.type === 'change' ? item.change.events.map((event) => event.at) : [],
      ),
    ).toHaveLength(3);
  });

  it('snapshots are plain JSON and never contain the credentials', async () => {
    const { clock, engine } = engineKit(lifecycle);
    engine.setCredentials({ method: 'basic', username: 'ops', password: 'hunter2-secret' });
    await engine.start();
    const feed = new FeedRecorder();
    engine.subscribe(feed.listener);
    engine.watch(['a']);
    await clock.advanceBy(60_000);
    const snapshot = engine.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(JSON.stringify([snapshot, feed.items])).not.toContain('hunter2');
    expect(snapshot.settings.authMethod).toBe('basic');
  });

  it('a listener that pauses or unwatches from inside the feed is safe', async () => {
    const { clock, engine, client, listenerErrors } = engineKit(() => 'processing');
    await engine.start();
    let reacted = false;
    engine.subscribe((item) => {
      if (item.type === 'change' && item.change.events.length > 0 && !reacted) {
        reacted = true;
        engine.unwatch(['a']);
        engine.pause();
      }
    });
    engine.watch(['a', 'b']);
    await clock.advanceBy(2_000);
    const calls = client.calls.length;
    await clock.advanceBy(10 * 60_000);
    expect(listenerErrors).toEqual([]);
    expect(client.calls).toHaveLength(calls);
    expect(engine.snapshot().messages.map((message) => message.id)).toEqual(['b']);
    expect(engine.snapshot().health.mode).toBe('paused');
  });

  it('loads saved messages into the first snapshot', async () => {
    const store = new InMemoryWatchListStore();
    const first = engineKit(lifecycle, { store });
    await first.engine.start();
    first.engine.watch(['a']);
    await first.engine.stop();
    const second = engineKit(lifecycle, { store });
    await second.engine.start();
    expect(second.engine.snapshot().messages.map((message) => message.id)).toEqual(['a']);
  });
});
