import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostServices, type HostServices } from '../../../electron/host/host-services';
import { createRestartableHostEngine } from '../../../electron/host/restartable-engine';
import type { WebhookInfo } from '../../../shared/webhook-settings';
import { tempDir, waitFor } from './host-test-kit';
import { freePort } from '../../fakes/free-port';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHost(
  dataDir?: string,
): Promise<{ services: HostServices; dataDir: string; problems: string[] }> {
  const dir = dataDir ?? (await tempDir());
  if (dataDir === undefined) cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const problems: string[] = [];
  const services = await startHostServices({
    dataDir: dir,
    env: {},
    createEngine: createRestartableHostEngine,
    onProblem: (message) => problems.push(message),
  });
  let stopped = false;
  cleanups.push(async () => {
    if (!stopped) await services.stop();
  });
  const stop = async () => {
    stopped = true;
    await services.stop();
  };
  return { services: { ...services, stop }, dataDir: dir, problems };
}

async function turnOn(services: HostServices, extra: Partial<WebhookInfo> = {}): Promise<WebhookInfo> {
  const port = await freePort();
  return services.handlers.updateWebhooks({ webhooks: { enabled: true, port, ...extra } });
}

function post(url: string, body: unknown, contentType = 'application/json') {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const delivered = (messageId: string, at = new Date()) => ({
  messageId,
  deliverystatus: 'delivered',
  timestamp: at.toISOString(),
  cost: 0.05,
});

describe('the webhook receiver in the host', () => {
  it('is off by default, with a URL that carries a secret and listens on this computer only', async () => {
    const { services } = await startHost();
    const info = await services.handlers.getWebhooks({});
    expect(info).toMatchObject({ enabled: false, host: '127.0.0.1', port: 8789, state: { kind: 'off' } });
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:8789\/webhook\/[A-Za-z0-9_-]{32}$/);
  });

  it('applies a webhook to a watched message without a poll (no credentials: nothing is checked)', async () => {
    const { services } = await startHost();
    const info = await turnOn(services);
    expect(info.state).toEqual({ kind: 'listening' });
    services.engine.watch(['msg-1']);
    const answer = await post(info.url, delivered('msg-1'));
    expect(answer.statusCode).toBe(204);
    await waitFor(() => services.engine.message('msg-1')?.phase === 'final');
    const message = services.engine.message('msg-1');
    expect(message?.snapshot?.charge).toEqual({ amount: 0.05, currency: null });
    expect(message?.lastCheckedAt).toBeNull();
    expect(message?.history.at(-1)?.source).toBe('webhook');
  });

  it('watches an unknown id labelled "From webhook" only when asked to', async () => {
    const { services } = await startHost();
    const info = await turnOn(services);
    await (await post(info.url, delivered('unknown-1'))).body.text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(services.engine.message('unknown-1')).toBeUndefined();
    await services.handlers.updateWebhooks({ webhooks: { watchUnknown: true } });
    await (await post(info.url, delivered('unknown-2'))).body.text();
    await waitFor(() => services.engine.message('unknown-2') !== undefined);
    expect(services.engine.message('unknown-2')).toMatchObject({ label: 'From webhook', phase: 'final' });
  });

  it('refuses what SMSBAT never sends, counts it by reason, and keeps working', async () => {
    const { services } = await startHost();
    const info = await turnOn(services);
    services.engine.watch(['msg-2']);
    const base = new URL(info.url);
    const statuses = [
      (await post(`${base.origin}/webhook/wrong`, delivered('msg-2'))).statusCode,
      (await request(info.url, { method: 'GET' })).statusCode,
      (await post(info.url, 'not json at all')).statusCode,
      (await post(info.url, delivered('msg-2'), 'text/plain')).statusCode,
      (await post(info.url, { pad: 'x'.repeat(70 * 1024) })).statusCode,
      (await post(info.url, { messageId: 'msg-2' })).statusCode,
    ];
    expect(statuses).toEqual([404, 405, 400, 415, 413, 400]);
    const refused = await services.handlers.getWebhooks({});
    expect(refused.refusals).toMatchObject({
      wrong_path: 1,
      wrong_method: 1,
      not_json: 1,
      not_json_type: 1,
      too_large: 1,
      bad_shape: 1,
    });
    expect(services.engine.message('msg-2')?.snapshot).toBeNull();
    expect((await post(info.url, delivered('msg-2'))).statusCode).toBe(204);
    await waitFor(() => services.engine.message('msg-2')?.phase === 'final');
  });

  it('a new secret refuses the old URL; the secret and settings survive a restart', async () => {
    const { services, dataDir } = await startHost();
    const before = await turnOn(services);
    const after = await services.handlers.newWebhookSecret({});
    expect(after.url).not.toBe(before.url);
    expect((await post(before.url, delivered('x'))).statusCode).toBe(404);
    expect((await post(after.url, delivered('x'))).statusCode).toBe(204);
    await services.stop();
    await expect(request(after.url, { method: 'POST' })).rejects.toThrow();
    const again = await startHost(dataDir);
    const reloaded = await again.services.handlers.getWebhooks({});
    expect(reloaded).toMatchObject({ enabled: true, url: after.url, state: { kind: 'listening' } });
  });

  it('says when it cannot listen, and turns off cleanly', async () => {
    const { services, problems } = await startHost();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise((resolve) =>
          blocker.close(() => {
            resolve();
          }),
        ),
    );
    const address = blocker.address();
    const port = address !== null && typeof address !== 'string' ? address.port : 0;
    const info = await services.handlers.updateWebhooks({ webhooks: { enabled: true, port } });
    expect(info.state.kind).toBe('failed');
    expect(problems.join('\n')).toMatch(/could not listen on 127\.0\.0\.1:\d+/);
    const off = await services.handlers.updateWebhooks({ webhooks: { enabled: false } });
    expect(off.state).toEqual({ kind: 'off' });
  });

  it('gives the public address in the URL when SMSBAT reaches the receiver through a proxy or tunnel', async () => {
    const { services } = await startHost();
    const info = await services.handlers.updateWebhooks({
      webhooks: { publicBaseUrl: 'https://hooks.example.com/smsbat/' },
    });
    expect(info.url).toMatch(/^https:\/\/hooks\.example\.com\/smsbat\/webhook\/[A-Za-z0-9_-]{32}$/);
  });
});
