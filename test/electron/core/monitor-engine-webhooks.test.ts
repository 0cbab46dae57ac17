import { describe, expect, it } from 'vitest';
import { classifyStatus } from '../../../shared/status';
import type { WebhookStatus } from '../../../electron/core/webhook/webhook-payload';
import { FeedRecorder, engineKit } from './engine/engine-test-kit';

function push(id: string, rawStatus: string, at: number, cost: number | null = 0.05): WebhookStatus {
  return { messageId: id, rawStatus, kind: classifyStatus(rawStatus), at, cost };
}

function webhookKit(enabled = true, silentAfterMs = 600_000) {
  const state = { enabled };
  const kit = engineKit(() => 'sent', { webhooks: { enabled: () => state.enabled, silentAfterMs } });
  return { ...kit, state };
}

describe('MonitorEngine and webhooks', () => {
  it('shows a final status a webhook brings without a poll, with its time and cost, and stops checking it', async () => {
    const { engine, clock, client } = webhookKit();
    await engine.start();
    const feed = new FeedRecorder();
    engine.subscribe(feed.listener);
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    const polls = client.callsFor('a').length;
    expect(polls).toBe(1);
    const deliveredAt = clock.now() - 200;
    expect(engine.applyPushed(push('a', 'delivered', deliveredAt))).toEqual({
      outcome: 'applied',
      added: false,
    });
    await clock.advanceBy(60 * 60_000);
    expect(client.callsFor('a')).toHaveLength(polls);
    const view = engine.message('a');
    expect(view).toMatchObject({ phase: 'final', schedule: null, snapshot: { charge: { amount: 0.05 } } });
    expect(view?.history.at(-1)).toEqual({
      at: deliveredAt,
      rawStatus: 'delivered',
      kind: 'delivered',
      source: 'webhook',
    });
    expect(feed.events()).toContain('status_changed a');
  });

  it('confirms a final status that came without a cost with one check', async () => {
    const { engine, clock, client } = engineKit((_id, call) => (call === 0 ? 'sent' : 'delivered'), {
      webhooks: { enabled: () => true },
    });
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    engine.applyPushed(push('a', 'delivered', clock.now(), null));
    await clock.advanceBy(10_000);
    expect(client.callsFor('a')).toHaveLength(2);
    await clock.advanceBy(60 * 60_000);
    expect(client.callsFor('a')).toHaveLength(2);
    expect(engine.message('a')?.phase).toBe('final');
  });

  it('ignores a webhook for an id not watched, or watches it labelled "From webhook" when asked to', async () => {
    const { engine, clock } = webhookKit();
    await engine.start();
    expect(engine.applyPushed(push('x', 'delivered', clock.now()))).toEqual({
      outcome: 'not_watched',
      added: false,
    });
    expect(engine.message('x')).toBeUndefined();
    expect(engine.applyPushed(push('x', 'sent', clock.now()), { watchUnknown: true })).toEqual({
      outcome: 'applied',
      added: true,
    });
    expect(engine.message('x')).toMatchObject({
      label: 'From webhook',
      phase: 'watching',
      snapshot: { rawStatus: 'sent' },
    });
  });

  it('a duplicate or an out-of-order webhook changes nothing', async () => {
    const { engine, clock } = webhookKit();
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(1_000);
    const t = clock.now();
    engine.applyPushed(push('a', 'delivered', t));
    const before = engine.message('a');
    expect(engine.applyPushed(push('a', 'delivered', t)).outcome).toBe('duplicate');
    expect(engine.applyPushed(push('a', 'sent', t - 500)).outcome).toBe('final_kept');
    expect(engine.message('a')?.history).toEqual(before?.history);
  });

  it('backs polling off while webhooks flow, and polls as usual once they fall silent, saying so', async () => {
    const { engine, clock, client } = webhookKit(true, 600_000);
    await engine.start();
    engine.watch(['a', 'b']);
    await clock.advanceBy(1_000);
    expect(engine.health.webhooks?.mode).toBe('silent');
    engine.applyPushed(push('a', 'sent', clock.now()));
    expect(engine.health.webhooks?.mode).toBe('flowing');
    await clock.advanceBy(30_000);
    const flowingStart = client.callsFor('b').length;
    await clock.advanceBy(80_000);
    const whileFlowing = client.callsFor('b').length - flowingStart;
    await clock.advanceBy(600_000 - 110_000 - 1);
    expect(engine.health.webhooks?.mode).toBe('flowing');
    await clock.advanceBy(1);
    expect(engine.health.webhooks?.mode).toBe('silent');
    await clock.advanceBy(60_000);
    const silentStart = client.callsFor('b').length;
    await clock.advanceBy(80_000);
    const whileSilent = client.callsFor('b').length - silentStart;
    expect(whileFlowing).toBe(0);
    expect(whileSilent).toBeGreaterThan(0);
  });

  it('says nothing of webhooks while the receiver is off', async () => {
    const { engine, state } = webhookKit(false);
    await engine.start();
    expect(engine.health.webhooks).toBeUndefined();
    state.enabled = true;
    expect(engine.health.webhooks?.mode).toBe('silent');
  });
});
