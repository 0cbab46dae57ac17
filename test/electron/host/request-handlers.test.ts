import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractEventMessage } from '../../../shared/contract';
import { dispatch } from '../../../electron/host/dispatch';
import { freshMessage, messageView } from '../../fakes/message-views';
import { startServicesKit, type ServicesKit } from './host-test-kit';

let kit: ServicesKit;
let pushed: ContractEventMessage[];

beforeEach(async () => {
  kit = await startServicesKit();
  pushed = [];
  kit.services.subscribe((message) => pushed.push(message));
});

afterEach(async () => {
  await kit.close();
});

describe('the request handlers', () => {
  it("push the window's feed without histories (with each message's first final status), and answer a message's history on request", async () => {
    const message = messageView({
      id: 'otp-1',
      statuses: ['accepted', 'delivered', 'read'],
      addedAt: 1_700_000_000_000,
    });
    kit.engine.emitChange([message], []);
    const feed = pushed.flatMap((m) => (m.event === 'feed' ? [m.payload] : []));
    const last = feed.at(-1);
    if (last?.type !== 'change') throw new Error('no change pushed');
    const [listed] = last.change.upserted;
    expect(listed).not.toHaveProperty('history');
    expect(listed?.firstFinal).toEqual(message.history[1]);
    expect(
      feed.every(
        (item) => item.type !== 'snapshot' || item.snapshot.messages.every((m) => !('history' in m)),
      ),
    ).toBe(true);
    const snapshot = await dispatch(kit.services.handlers, 'snapshot', {});
    expect(snapshot.ok && snapshot.value.messages.some((m) => 'history' in m)).toBe(false);

    expect(await dispatch(kit.services.handlers, 'messageHistory', { messageId: 'otp-1' })).toEqual({
      ok: true,
      value: message.history,
    });
    expect(await dispatch(kit.services.handlers, 'messageHistory', { messageId: 'nobody' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('watches pasted text: ids parsed with the shared parser, repeats counted, bad tokens explained', async () => {
    const result = await dispatch(kit.services.handlers, 'watchText', {
      text: 'abc-1, abc-2\n"abc-1"; bad/id',
      label: 'paste',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        added: ['abc-1', 'abc-2'],
        alreadyWatched: [],
        duplicates: 1,
        rejected: [{ token: 'bad/id' }],
      },
    });
    expect(kit.engine.snapshot().messages.map((m) => m.label)).toEqual(['paste', 'paste']);
  });

  it('lists the first 100 rejected tokens of a paste and counts the rest, so a huge paste gets a small answer', async () => {
    const count = 4_000_000;
    const result = await dispatch(kit.services.handlers, 'watchText', { text: '!,'.repeat(count) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rejected).toHaveLength(100);
    expect(result.value.moreRejected).toBe(count - 100);
    expect(JSON.stringify(result).length).toBeLessThan(100_000);
    for (const [listed, more] of [
      [99, 0],
      [100, 0],
      [101, 1],
    ] as const) {
      const answer = await dispatch(kit.services.handlers, 'watchText', {
        text: 'ok-1 ' + '! '.repeat(listed),
      });
      expect(answer.ok && [answer.value.rejected.length, answer.value.moreRejected]).toEqual([
        Math.min(listed, 100),
        more,
      ]);
    }
  });

  it('refuses a paste of more than 200,000 ids with a clear error and watches none of it', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`).join('\n');
    const over = await dispatch(kit.services.handlers, 'watchText', { text: ids(200_001) });
    expect(over).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(!over.ok && over.error.message).toMatch(/200,000/);
    expect(kit.engine.snapshot().messages).toHaveLength(0);
    const at = await dispatch(kit.services.handlers, 'watchText', { text: ids(200_000) });
    expect(at.ok && at.value.added.length).toBe(200_000);
  });

  it('pushes a notification when messages settle, following the notify preferences', async () => {
    const at = 1_700_000_000_000;
    const settle = (id: string): void => {
      kit.engine.emitChange(
        [{ ...freshMessage(id, at), phase: 'final' }],
        [
          {
            kind: 'delivered',
            messageId: id,
            at,
            label: null,
            rawStatus: 'delivered',
            previousRawStatus: 'processing',
          },
        ],
      );
    };
    settle('a');
    expect(pushed.filter((m) => m.event === 'notification').map((m) => m.payload)).toEqual([
      {
        title: 'Delivered',
        body: 'a — delivered',
        severity: 'success',
        messageIds: ['a'],
        kind: 'delivered',
        items: [{ messageId: 'a', label: null, kind: 'delivered', rawStatus: 'delivered' }],
        counts: { delivered: 1 },
      },
    ]);
    const updated = await dispatch(kit.services.handlers, 'updatePreferences', {
      preferences: { notify: { delivered: false } },
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { notify: { delivered: false, failed: true, overdue: true } },
    });
    expect(pushed.at(-1)).toMatchObject({ event: 'preferences', payload: { notify: { delivered: false } } });
    settle('b');
    expect(pushed.filter((m) => m.event === 'notification')).toHaveLength(1);
  });

  it('exports the chosen ids, or everything', async () => {
    kit.engine.watch(['a', 'b', 'c']);
    const some = await dispatch(kit.services.handlers, 'exportView', {
      format: 'csv',
      messageIds: ['c', 'a'],
    });
    expect(some.ok && some.value.content.split('\r\n').map((line) => line.split(',')[0])).toEqual([
      'id',
      'a',
      'c',
      '',
    ]);
    const all = await dispatch(kit.services.handlers, 'exportView', { format: 'json' });
    expect(all.ok && (JSON.parse(all.value.content) as { messages: unknown[] }).messages).toHaveLength(3);
  });

  it('reports ids an import skips because they are already watched', async () => {
    kit.engine.watch(['a']);
    const exported = await dispatch(kit.services.handlers, 'exportView', { format: 'json' });
    if (!exported.ok) throw new Error('export failed');
    const result = await dispatch(kit.services.handlers, 'importMessages', { json: exported.value.content });
    expect(result).toEqual({
      ok: true,
      value: { imported: 0, skipped: 1, problems: ['1 already watched, left as they are: a.'] },
    });
    const garbage = await dispatch(kit.services.handlers, 'importMessages', { json: '{"nope": 1}' });
    expect(garbage).toMatchObject({
      ok: false,
      error: { kind: 'failed', message: expect.stringMatching(/not a monitor export/) as unknown },
    });
  });
});
