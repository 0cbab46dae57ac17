import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ERROR_CHARS, MAX_STATUS_CHARS, MAX_STATUS_ENTRIES } from '../../../shared/record-bounds';
import { SmsbatClient } from '../../../electron/core/client';
import type { Credentials } from '../../../electron/core/credentials';
import { MonitorEngine } from '../../../electron/core/monitor-engine';
import { InMemoryWatchListStore } from '../../../electron/core/watch-list-store';

const KEY = 'Zq7-live-Key-4tRv8sYbHx2c';
const PASSWORD = 'Pa55-w0rd-Secret';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** A gateway on 127.0.0.1 answering every status check with `answer(messageId)`. */
async function gateway(answer: (messageId: string) => { status: number; body: string }): Promise<string> {
  const server: Server = createServer((request, response) => {
    const id = decodeURIComponent((request.url ?? '').split('/').pop() ?? '');
    const { status, body } = answer(id);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A running engine checking `ids` against the gateway, and its store, once each id has been checked. */
async function checkOnce(
  baseUrl: string,
  credentials: Credentials,
  ids: readonly string[],
): Promise<{ engine: MonitorEngine; store: InMemoryWatchListStore }> {
  const store = new InMemoryWatchListStore();
  const engine = new MonitorEngine({
    client: new SmsbatClient({ baseUrl, credentials, timeoutMs: 5_000 }),
    store,
  });
  cleanups.push(() => engine.stop());
  await engine.start();
  engine.watch(ids);
  const deadline = Date.now() + 10_000;
  while (ids.some((id) => engine.message(id)?.lastCheckedAt == null)) {
    if (Date.now() > deadline) throw new Error('the gateway was not asked in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await engine.flush();
  return { engine, store };
}

describe('what a gateway can make the monitor keep', () => {
  it.each<[string, Credentials, readonly string[]]>([
    [
      'the API key',
      { method: 'api-key-header', apiKey: KEY },
      [
        KEY.toUpperCase(),
        KEY.toLowerCase(),
        base64(KEY),
        base64(`@:${KEY}`),
        base64(`@:${KEY}`).toLowerCase(),
      ],
    ],
    [
      'the Basic @:key',
      { method: 'basic-api-key', apiKey: KEY },
      [`Basic ${base64(`@:${KEY}`).toUpperCase()}`, base64(KEY).replace(/=+$/, '')],
    ],
    [
      'the password',
      { method: 'basic', username: 'jane', password: PASSWORD },
      [
        PASSWORD.toUpperCase(),
        base64(`jane:${PASSWORD}`),
        base64(PASSWORD),
        `JANE:${PASSWORD.toUpperCase()}`,
      ],
    ],
  ])('never keeps %s echoed by a 500, in any case or base64', async (_name, credentials, echoes) => {
    const url = await gateway(() => ({
      status: 500,
      body: JSON.stringify({ message: `Internal error for ${echoes.join(' and ')}` }),
    }));
    const { engine, store } = await checkOnce(url, credentials, ['echo-1']);
    const error = engine.message('echo-1')?.lastError;
    expect(error?.kind).toBe('server');
    expect(error?.message).toMatch(/Internal error for .*\*\*\*/);
    const kept = `${JSON.stringify(await store.load())}${JSON.stringify(engine.snapshot())}`.toLowerCase();
    const secret = credentials.method === 'basic' ? credentials.password : credentials.apiKey;
    for (const echo of [...echoes, secret]) expect(kept).not.toContain(echo.toLowerCase().slice(-12));
  });

  it('never keeps the API key echoed in a successful status, and still reads the status', async () => {
    const url = await gateway(() => ({
      status: 200,
      body: JSON.stringify({
        deliverystatus: 'delivered',
        messageId: KEY.toUpperCase(),
        extendedStatuses: { [base64(`@:${KEY}`)]: KEY },
        fallbacks: [{ type: 'sms', status: KEY.toLowerCase() }],
      }),
    }));
    const { engine, store } = await checkOnce(url, { method: 'api-key-header', apiKey: KEY }, ['ok-1']);
    expect(engine.message('ok-1')?.snapshot).toMatchObject({
      rawStatus: 'delivered',
      kind: 'delivered',
      channels: [{ channel: '***', status: '***' }],
      fallbacks: [{ type: 'sms', status: '***' }],
    });
    const kept = `${JSON.stringify(await store.load())}${JSON.stringify(engine.snapshot())}`.toLowerCase();
    expect(kept).not.toContain(KEY.toLowerCase().slice(-12));
  });

  it('cuts a very long status word and keeps a bounded number of channel statuses', async () => {
    const long = 's'.repeat(20_000);
    const channels = Object.fromEntries(
      Array.from({ length: 800 }, (_, index) => [`channel-${index}`, index === 0 ? long : 'delivered']),
    );
    const url = await gateway(() => ({
      status: 200,
      body: JSON.stringify({ deliverystatus: long, extendedStatuses: channels, fallbacks: [] }),
    }));
    const { engine, store } = await checkOnce(url, { method: 'api-key-header', apiKey: KEY }, ['long-1']);
    const message = engine.message('long-1');
    const cut = `${'s'.repeat(MAX_STATUS_CHARS - 1)}…`;
    expect(message?.snapshot?.rawStatus).toBe(cut);
    expect(message?.history.map((entry) => entry.rawStatus)).toEqual([cut]);
    expect(message?.snapshot?.channels).toHaveLength(MAX_STATUS_ENTRIES);
    expect(message?.snapshot?.channels[0]).toEqual({ channel: 'channel-0', status: cut });
    expect(JSON.stringify(await store.load()).length).toBeLessThan(10_000);
  });

  it('keeps an error text no longer than its bound', async () => {
    const url = await gateway(() => ({ status: 503, body: JSON.stringify({ message: 'e'.repeat(50_000) }) }));
    const { engine } = await checkOnce(url, { method: 'api-key-header', apiKey: KEY }, ['slow-1']);
    const error = engine.message('slow-1')?.lastError;
    expect(error?.kind).toBe('server');
    expect(error?.message.length).toBeLessThanOrEqual(MAX_ERROR_CHARS);
  });
});
