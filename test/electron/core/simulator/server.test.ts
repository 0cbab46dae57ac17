import { Agent, get as httpGet } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../electron/core/simulator';
import { AUTH } from './sim-test-kit';

let running: RunningSimulator | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(options: Parameters<typeof startSimulator>[0] = {}): Promise<RunningSimulator> {
  running = await startSimulator(options);
  return running;
}

describe('simulator over HTTP', () => {
  it('listens on loopback with an ephemeral port and a URL without a trailing slash', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(Object.entries(AUTH))('answers a status request authenticated with %s', async (method, headers) => {
    const { url, simulator } = await start();
    const response = await fetch(`${url}/bat/message/abc123def456`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toMatchObject({ messageId: 'abc123def456', deliverystatus: 'scheduled' });
    expect(simulator.requests()).toMatchObject([{ auth: method, authorized: true, status: 200 }]);
  });

  it('answers 401 with a JSON body to wrong credentials', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/bat/message/abc`, { headers: { 'X-Authorization-Key': 'wrong' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toBeTruthy();
  });

  it('decodes an encoded id such as a%3Ab', async () => {
    const { url, simulator } = await start();
    const response = await fetch(`${url}/bat/message/a%3Ab`, { headers: AUTH['api-key-header'] });
    expect(await response.json()).toMatchObject({ messageId: 'a:b' });
    expect(simulator.requests()[0]).toMatchObject({ messageId: 'a:b', path: '/bat/message/a%3Ab' });
  });

  it('keeps connections alive between requests', async () => {
    const { url } = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (id: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request = httpGet(`${url}/bat/message/${id}`, { agent, headers: AUTH.basic }, (response) => {
          response.resume();
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket });
          });
        });
        request.on('error', reject);
      });
    try {
      expect(await get('ka-1')).toEqual({ status: 200, reused: false });
      expect(await get('ka-2')).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });

  it('serves concurrent requests', async () => {
    const { url, simulator } = await start();
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const response = await fetch(`${url}/bat/message/k-${i}`, { headers: AUTH.basic });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(simulator.requests()).toHaveLength(20);
  });

  it('makes fetch fail on a reset connection', async () => {
    const { url, simulator } = await start({ faults: { resetRate: 1 } });
    await expect(fetch(`${url}/bat/message/r1`, { headers: AUTH.basic })).rejects.toThrow();
    expect(simulator.requests().at(-1)).toMatchObject({ fault: 'reset', status: null });
  });

  it('closes promptly even while a request hangs', async () => {
    const { url, simulator } = await start({ faults: { hangRate: 1 } });
    const pending = fetch(`${url}/bat/message/h1`, { headers: AUTH.basic }).then(
      () => 'answered',
      () => 'failed',
    );
    await waitFor(() => simulator.requests().length === 1);
    const started = performance.now();
    await running?.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('failed');
  });

  it('closes promptly while a slow response is pending, and delays it with real timers otherwise', async () => {
    const { url, simulator } = await start({ faults: { slowRate: 1, slowMs: 150 } });
    const started = performance.now();
    const response = await fetch(`${url}/bat/message/s1`, { headers: AUTH.basic });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);

    simulator.setFaults({ slowRate: 1, slowMs: 60_000 });
    const pending = fetch(`${url}/bat/message/s2`, { headers: AUTH.basic }).catch(() => 'failed');
    await waitFor(() => simulator.requests().length === 2);
    const closing = performance.now();
    await running?.close();
    expect(performance.now() - closing).toBeLessThan(1000);
    expect(await pending).toBe('failed');
  });

  it('sends malformed JSON as a 200 with a body that does not parse', async () => {
    const { url } = await start({ faults: { malformedRate: 1 }, seed: 2 });
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${url}/bat/message/m${i}`, { headers: AUTH.basic });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(() => JSON.parse(text) as unknown).toThrow();
    }
  });

  it('sends a real 429 once over the rate limit', async () => {
    const { url } = await start({ rateLimit: { perSecond: 1, burst: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${url}/bat/message/x`, { headers: AUTH.basic });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('can be closed twice', async () => {
    const server = await start();
    await server.close();
    await server.close();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
