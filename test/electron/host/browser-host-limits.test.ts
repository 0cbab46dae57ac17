import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HEARTBEAT_FRAME } from '../../../shared/browser-link';
import type { RequestHandlers } from '../../../shared/contract';
import {
  openSocket,
  openWindowSocket,
  request,
  startBrowserKit,
  waitFor,
  type BrowserKit,
} from './host-test-kit';

let kit: BrowserKit | null = null;

afterEach(async () => {
  await kit?.close();
  kit = null;
});

/** Resolves when the raw TCP connection is closed by the host. */
function closedByHost(port: number, send: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      if (send !== '') socket.write(send);
    });
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      resolve();
    });
  });
}

describe('what the browser host gives any one window', () => {
  it('answers busy past the requests one window may have in flight, and serves it again once answers go out', async () => {
    const releases: (() => void)[] = [];
    kit = await startBrowserKit({
      handlers: (real): RequestHandlers => ({
        ...real,
        snapshot: (payload) =>
          new Promise((resolve) => {
            releases.push(() => {
              resolve(real.snapshot(payload));
            });
          }),
      }),
      host: { limits: { maxRequestsInFlight: 2 } },
    });
    const { socket } = await openWindowSocket(kit.host);
    const first = request(socket, { id: 1, name: 'snapshot', payload: {} });
    const second = request(socket, { id: 2, name: 'snapshot', payload: {} });
    expect(await request(socket, { id: 3, name: 'getConnection', payload: {} })).toMatchObject({
      id: 3,
      result: { ok: false, error: { kind: 'busy' } },
    });
    await waitFor(() => releases.length === 2);
    for (const release of releases) release();
    expect(await first).toMatchObject({ id: 1, result: { ok: true } });
    expect(await second).toMatchObject({ id: 2, result: { ok: true } });
    expect(await request(socket, { id: 4, name: 'getConnection', payload: {} })).toMatchObject({
      id: 4,
      result: { ok: true },
    });
    socket.close();
  });

  it('drops a window that stops reading while asking for snapshots of 10,000 ids, and keeps serving the others', async () => {
    // No heartbeat within the test: only the unread bytes can drop the stalled window.
    kit = await startBrowserKit({
      host: { limits: { maxBufferedBytes: 8 * 1024 * 1024, heartbeatIntervalMs: 600_000 } },
    });
    const other = await openWindowSocket(kit.host);
    const ids = Array.from({ length: 10_000 }, (_, i) => `campaign-${i}`);
    expect(await request(other.socket, { id: 1, name: 'watch', payload: { messageIds: ids } })).toMatchObject(
      {
        result: { ok: true },
      },
    );
    const stalled = await openWindowSocket(kit.host);
    stalled.socket.pause();
    for (let id = 1; id <= 400; id += 1) {
      stalled.socket.send(JSON.stringify({ id, name: 'snapshot', payload: {} }));
    }
    await waitFor(() => kit?.engine.subscriberCount === 2, 30_000); // the stalled window's feed is gone
    stalled.socket.resume();
    expect(await stalled.closed).toBe(1006);
    expect(await request(other.socket, { id: 2, name: 'getConnection', payload: {} })).toMatchObject({
      result: { ok: true },
    });
    other.socket.close();
  }, 60_000);

  it('closes connections that have not sent their request (and so no token) in time', async () => {
    kit = await startBrowserKit({ host: { limits: { handshakeTimeoutMs: 300 } } });
    const port = kit.host.port;
    const started = Date.now();
    await Promise.all([
      closedByHost(port, ''),
      closedByHost(port, `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n`),
    ]);
    // Node's own default would keep them for a minute or more.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('refuses a WebSocket past the number open at once with 503, and accepts again when one closes', async () => {
    kit = await startBrowserKit({ host: { limits: { maxSockets: 2 } } });
    const first = await openWindowSocket(kit.host);
    const second = await openWindowSocket(kit.host);
    expect(await openSocket(kit.host, { origin: kit.host.origin, token: kit.host.token })).toEqual({
      ok: false,
      status: 503,
    });
    first.socket.close();
    await first.closed;
    await waitFor(() => kit?.engine.subscriberCount === 2);
    const third = await openWindowSocket(kit.host);
    second.socket.close();
    third.socket.close();
  });

  it('closes TCP connections past the number open at once', async () => {
    // A minute to send a request: only the connection limit can close the third one within the test.
    kit = await startBrowserKit({ host: { limits: { maxConnections: 2, handshakeTimeoutMs: 60_000 } } });
    const port = kit.host.port;
    const held = [connect(port, '127.0.0.1'), connect(port, '127.0.0.1')];
    await Promise.all(held.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
    await closedByHost(port, '');
    for (const socket of held) socket.destroy();
  });

  it('sends a heartbeat the window can watch for, and drops a window that no longer answers pings', async () => {
    kit = await startBrowserKit({ host: { limits: { heartbeatIntervalMs: 100 } } });
    const opened = await openWindowSocket(kit.host);
    const heartbeat = new Promise<string>((resolve) => {
      opened.socket.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary) resolve(data.toString('utf8'));
      });
    });
    expect(await heartbeat).toBe(HEARTBEAT_FRAME);
    opened.socket.pause(); // reads nothing more, so answers no ping
    await waitFor(() => kit?.engine.subscriberCount === 1, 10_000);
    opened.socket.resume();
    expect(await opened.closed).toBe(1006);
  });
});
