import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ConnectionInfo, EngineFeedItemAlias } from './window-client-types';
import {
  createWebSocketClient,
  type WebSocketLike,
  type WebSocketMonitorClient,
} from '../../../renderer/src/transport/websocket-client';
import { startBrowserKit, waitFor, type BrowserKit } from './host-test-kit';

let kit: BrowserKit;
let client: WebSocketMonitorClient;

function browserLikeSocket(url: string, protocols: string[]): WebSocketLike {
  // What a browser sends on its own: the page's Origin; the window adds its token as a subprotocol.
  return new WebSocket(url, protocols, { headers: { origin: kit.host.origin } }) as unknown as WebSocketLike;
}

beforeEach(async () => {
  kit = await startBrowserKit();
  client = createWebSocketClient({
    url: `ws://127.0.0.1:${kit.host.port}/ws`,
    token: () => kit.host.token,
    createSocket: browserLikeSocket,
    policy: { firstDelayMs: 20 },
  });
});

afterEach(async () => {
  client.close();
  await kit.close();
});

describe("the window's WebSocket client against the browser host", () => {
  it('gets the state pushed at once, then the changes its own requests cause', async () => {
    const feed: EngineFeedItemAlias[] = [];
    const connections: ConnectionInfo[] = [];
    client.on('feed', (item) => feed.push(item));
    client.on('connection', (info) => connections.push(info));
    const result = await client.watch({ messageIds: ['abc-1', 'bad id'] });
    expect(result).toEqual({
      ok: true,
      value: {
        added: ['abc-1'],
        alreadyWatched: [],
        rejected: [expect.objectContaining({ token: 'bad id' })],
      },
    });
    await waitFor(() => feed.length === 2);
    expect(feed[0]?.type).toBe('snapshot');
    expect(feed[1]?.type === 'change' && feed[1].change.upserted.map((m) => m.id)).toEqual(['abc-1']);
    expect(connections[0]).toMatchObject({ source: 'none', demo: false });
  });

  it('returns typed errors for bad payloads', async () => {
    // @ts-expect-error -- a payload the contract does not allow, as a buggy or hostile window could send
    const result = await client.unwatch({ messageIds: 'abc-1' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
  });

  it('ends requests in flight with a failed result when the host goes away', async () => {
    await client.getConnection({});
    const pending = client.snapshot({});
    await kit.host.close();
    const result = await pending;
    // Either the host answered before closing, or the client reports the dropped link; never a hang or a throw.
    expect(result.ok ? 'answered' : result.error.kind).toMatch(/answered|failed/);
  });
});
