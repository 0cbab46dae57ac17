import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type RunningWebhookReceiver,
} from '../../../../electron/core/webhook/webhook-receiver';
import type { WebhookStatus } from '../../../../electron/core/webhook/webhook-payload';
import { NO_REFUSALS } from '../../../../electron/core/webhook/refusal-tally';

const SECRET = 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0';
const GOOD = JSON.stringify({
  messageId: 'abc123def456',
  deliverystatus: 'delivered',
  timestamp: '2025-01-23T10:30:00Z',
  cost: 0.05,
});

describe('the webhook receiver over real HTTP on 127.0.0.1', () => {
  let receiver: RunningWebhookReceiver | null = null;
  afterEach(async () => {
    await receiver?.close();
    receiver = null;
  });

  async function start(options: { ratePerSecond?: number; burst?: number } = {}) {
    const statuses: WebhookStatus[] = [];
    receiver = await startWebhookReceiver({
      secret: SECRET,
      onStatus: (status) => statuses.push(status),
      ...options,
    });
    const base = `http://127.0.0.1:${receiver.port}`;
    const post = async (
      path: string,
      body: string | Buffer,
      headers: Record<string, string> = { 'content-type': 'application/json' },
      method: 'POST' | 'GET' | 'PUT' = 'POST',
    ) => {
      const response = await request(`${base}${path}`, {
        method,
        body: method === 'GET' ? null : body,
        headers,
      });
      const text = await response.body.text();
      return { status: response.statusCode, text, allow: response.headers['allow'] };
    };
    return { statuses, post, receiver };
  }

  it('answers 204 to a good webhook on the secret path and hands the status on', async () => {
    const { statuses, post, receiver: running } = await start();
    expect(running.host).toBe('127.0.0.1');
    expect(await post(running.path(), GOOD)).toMatchObject({ status: 204, text: '' });
    await expect.poll(() => statuses.length).toBe(1);
    expect(statuses[0]).toMatchObject({ messageId: 'abc123def456', kind: 'delivered', cost: 0.05 });
  });

  it('refuses everything else with a short answer, changes nothing, and counts each reason', async () => {
    const { statuses, post, receiver: running } = await start();
    const path = running.path();
    expect((await post('/webhook/guess', GOOD)).status).toBe(404);
    expect((await post(path, '', {}, 'GET')).status).toBe(405);
    expect((await post(path, GOOD, { 'content-type': 'application/json' }, 'PUT')).allow).toBe('POST');
    expect((await post(path, GOOD, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(path, 'not json')).status).toBe(400);
    expect((await post(path, '{"messageId":"x"}')).status).toBe(400);
    expect((await post(path, Buffer.alloc(64 * 1024 + 1, 32))).status).toBe(413);
    expect((await post('/', GOOD)).text).toBe('');
    expect(statuses).toEqual([]);
    expect(running.refusals()).toEqual({
      ...NO_REFUSALS,
      wrong_path: 2,
      wrong_method: 2,
      not_json_type: 1,
      not_json: 1,
      bad_shape: 1,
      too_large: 1,
    });
  });

  it('stops reading a chunked body past 64 KB', async () => {
    const { statuses, receiver: running } = await start();
    const chunks = Readable.from(Array.from({ length: 100 }, () => Buffer.alloc(1024, 32)));
    const response = await request(`http://127.0.0.1:${running.port}${running.path()}`, {
      method: 'POST',
      body: chunks,
      headers: { 'content-type': 'application/json' },
    }).then(
      (answer) => answer.statusCode,
      () => 'reset',
    );
    // The receiver answers 413 and closes; the client may see the answer or, still sending, the reset.
    expect([413, 'reset']).toContain(response);
    expect(running.refusals().too_large).toBe(1);
    expect(statuses).toEqual([]);
  });

  it('answers a refused request whose sender is still writing its body, instead of resetting the connection', async () => {
    const { post, receiver: running } = await start();
    const answers = [];
    for (let i = 0; i < 25; i += 1) {
      answers.push(
        await post(running.path(), Buffer.alloc(256 * 1024, 32)).then(
          (answer) => answer.status,
          () => 'reset',
        ),
      );
      answers.push(
        await post('/elsewhere', Buffer.alloc(256 * 1024, 32)).then(
          (answer) => answer.status,
          () => 'reset',
        ),
      );
    }
    expect(new Set(answers)).toEqual(new Set([413, 404]));
  });

  it('takes a body of exactly 64 KB', async () => {
    const { post, receiver: running } = await start();
    const padded = GOOD.slice(0, -1) + `,"pad":"${'x'.repeat(64 * 1024 - GOOD.length - 9)}"}`;
    expect(Buffer.byteLength(padded)).toBe(64 * 1024);
    expect((await post(running.path(), padded)).status).toBe(204);
  });

  it('answers 429 past its burst, and only on the secret path', async () => {
    const { post, receiver: running } = await start({ ratePerSecond: 0.001, burst: 3 });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await post(running.path(), GOOD)).status);
    expect(answers).toEqual([204, 204, 204, 429, 429]);
    expect((await post('/elsewhere', GOOD)).status).toBe(404);
  });

  it('moves to a new secret: the old path answers 404', async () => {
    const { post, receiver: running } = await start();
    const old = running.path();
    running.setSecret('bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldy1zZWNy');
    expect((await post(old, GOOD)).status).toBe(404);
    expect((await post(running.path(), GOOD)).status).toBe(204);
  });
});
