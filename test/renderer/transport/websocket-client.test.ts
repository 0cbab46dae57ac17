import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Packr } from 'msgpackr';
import type { ContractEventMessage, ContractEvents } from '../../../shared/contract';
import {
  createWebSocketClient,
  webSocketUrlFor,
  type WebSocketLike,
} from '../../../renderer/src/transport/websocket-client';
import type { LinkStatus } from '../../../renderer/src/transport/link-state';

/** A socket the test drives: it records what the client sends and delivers what the host would. */
class ScriptedSocket implements WebSocketLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  binaryType = 'blob';
  readonly sent: { id: number; name: string; payload: unknown }[] = [];

  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; name: string; payload: unknown });
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  /** As the host sends them: a pushed event as a binary frame (an ArrayBuffer, as the window asks), else JSON text. */
  deliver(value: unknown): void {
    if (typeof value === 'object' && value !== null && 'event' in value) {
      const bytes = pack(value as ContractEventMessage);
      this.onmessage?.({ data: bytes.buffer });
    } else {
      this.onmessage?.({ data: JSON.stringify(value) });
    }
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const snapshotItem: ContractEvents['feed'] = {
  type: 'snapshot',
  snapshot: {
    version: 1,
    messages: [],
    health: {
      mode: 'idle',
      blocker: null,
      counts: { watching: 0, inFlight: 0, backlog: 0, requestsLastMinute: 0, rateCapPerSecond: 10 },
      lastSuccessAt: null,
    },
    totals: {
      total: 0,
      counts: { unchecked: 0, pending: 0, delivered: 0, failed: 0, unknown: 0, not_found: 0, gave_up: 0 },
      overdue: 0,
      deliveryRate: null,
      costs: [],
    },
    settings: {
      rateCapPerSecond: 10,
      concurrency: 10,
      watchWindowMs: 1,
      firstIntervalMs: 1,
      baseUrl: 'https://restapi.smsbat.com',
      authMethod: 'api-key-header',
    },
  },
};

/** Packs a pushed event as the browser host does: a head naming it, then the payload with records and bundled strings. */
const headPackr = new Packr({ useRecords: false });
const bodyPackr = new Packr({ useRecords: true, bundleStrings: true });
function pack(message: ContractEventMessage): Uint8Array {
  const head = headPackr.pack(
    message.event === 'feed' ? [message.event, message.payload.type] : [message.event],
  ) as Uint8Array;
  const body = bodyPackr.pack(message.payload) as Uint8Array;
  const bytes = new Uint8Array(head.byteLength + body.byteLength);
  bytes.set(head);
  bytes.set(body, head.byteLength);
  return bytes;
}

let sockets: ScriptedSocket[];
let offered: string[][];
let statuses: LinkStatus[];

function socketAt(index: number): ScriptedSocket {
  const socket = sockets[index];
  if (socket === undefined) throw new Error(`no socket ${index}`);
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  offered = [];
  statuses = [];
});

afterEach(() => {
  vi.useRealTimers();
});

function client(token: () => string | null = () => 'run-token') {
  return createWebSocketClient({
    url: 'ws://127.0.0.1:1/ws',
    token,
    policy: { firstDelayMs: 1000, maxDelayMs: 4000, silenceLimitMs: 15_000 },
    onStatus: (status) => statuses.push(status),
    createSocket: (_url, protocols) => {
      const socket = new ScriptedSocket();
      sockets.push(socket);
      offered.push(protocols);
      return socket;
    },
  });
}

describe("the window's WebSocket client", () => {
  it('holds requests until the link opens, then matches each answer to its request', async () => {
    const monitor = client();
    const paused = monitor.pause({});
    const connection = monitor.getConnection({});
    const socket = socketAt(0);
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent.map((frame) => frame.name)).toEqual(['pause', 'getConnection']);
    const [pauseFrame, connectionFrame] = socket.sent;
    socket.deliver({
      id: connectionFrame?.id,
      result: { ok: false, error: { kind: 'failed', message: 'x' } },
    });
    socket.deliver({ id: pauseFrame?.id, result: { ok: true, value: null } });
    expect(await paused).toEqual({ ok: true, value: null });
    expect(await connection).toEqual({ ok: false, error: { kind: 'failed', message: 'x' } });
    monitor.close();
  });

  it('gives a late listener the current state, then every change', () => {
    const monitor = client();
    socketAt(0).open();
    socketAt(0).deliver({ event: 'feed', payload: snapshotItem });
    const feed: ContractEvents['feed'][] = [];
    monitor.on('feed', (item) => feed.push(item));
    expect(feed).toEqual([snapshotItem]);
    const change: ContractEvents['feed'] = {
      type: 'change',
      change: { version: 2, upserted: [], removed: ['a'], events: [] },
    };
    socketAt(0).deliver({ event: 'feed', payload: change });
    expect(feed).toEqual([snapshotItem, change]);
    monitor.close();
  });

  it('ends pending requests with a failed result when the link drops, then reconnects', async () => {
    const monitor = client();
    socketAt(0).open();
    const pending = monitor.snapshot({});
    socketAt(0).drop();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'failed' } });
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
    monitor.close();
    vi.advanceTimersByTime(5000);
    expect(sockets).toHaveLength(2);
    expect(await monitor.snapshot({})).toMatchObject({ ok: false });
  });

  it('ignores frames it does not understand', () => {
    const monitor = client();
    socketAt(0).open();
    const listener = vi.fn();
    monitor.on('notification', listener);
    socketAt(0).onmessage?.({ data: 'not json' });
    socketAt(0).onmessage?.({ data: new ArrayBuffer(2) });
    socketAt(0).deliver({ id: 999, result: { ok: true, value: null } });
    expect(listener).not.toHaveBeenCalled();
    monitor.close();
  });

  it('reads pushed events from binary frames, and a garbage binary frame does not break the link', async () => {
    const monitor = client();
    const socket = socketAt(0);
    expect(socket.binaryType).toBe('arraybuffer');
    socket.open();
    const feed: ContractEvents['feed'][] = [];
    monitor.on('feed', (item) => feed.push(item));
    socket.onmessage?.({ data: new Uint8Array([0xd4, 0x72, 0x40, 0xc1, 0xff]).buffer });
    socket.onmessage?.({ data: new Uint8Array([0x92, 0xa4, 0x66, 0x65, 0x65, 0x64]).buffer });
    socket.deliver({ event: 'feed', payload: snapshotItem });
    expect(feed).toEqual([snapshotItem]);
    const answered = monitor.pause({});
    socket.deliver({ id: socket.sent.at(-1)?.id, result: { ok: true, value: null } });
    expect(await answered).toEqual({ ok: true, value: null });
    expect(sockets).toHaveLength(1);
    monitor.close();
  });

  it("offers the run's token as a subprotocol after the link protocol, and nothing when it has none", () => {
    client().close();
    client(() => null).close();
    expect(offered).toEqual([['smsbat-monitor.v1', 'token.run-token'], ['smsbat-monitor.v1']]);
  });

  it('says the link is lost when it closes, retries with growing waits, and says open when it is back', () => {
    const monitor = client();
    socketAt(0).open();
    socketAt(0).drop(1006);
    expect(statuses).toEqual(['connecting', 'open', 'lost']);
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    socketAt(1).drop(1006);
    vi.advanceTimersByTime(1999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    expect(statuses).toEqual(['connecting', 'open', 'lost']);
    socketAt(2).open();
    expect(statuses.at(-1)).toBe('open');
    socketAt(2).drop(1006);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(4); // a link that opened starts again from the first wait
    monitor.close();
  });

  it('says refused and stops retrying when the host refuses the token, and tries again when told of a new one', () => {
    let token = 'old';
    const monitor = client(() => token);
    socketAt(0).open();
    socketAt(0).drop(4401);
    expect(statuses.at(-1)).toBe('refused');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    token = 'new';
    monitor.reconnect();
    expect(sockets).toHaveLength(2);
    expect(offered[1]).toEqual(['smsbat-monitor.v1', 'token.new']);
    socketAt(1).open();
    expect(statuses.at(-1)).toBe('open');
    monitor.close();
  });

  it('takes a link that brings nothing, not even a heartbeat, for too long as lost, and reconnects', () => {
    const monitor = client();
    socketAt(0).open();
    vi.advanceTimersByTime(10_000);
    socketAt(0).onmessage?.({ data: '{"heartbeat":true}' });
    vi.advanceTimersByTime(14_000);
    expect(statuses.at(-1)).toBe('open');
    vi.advanceTimersByTime(7_000);
    expect(statuses.at(-1)).toBe('lost');
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
    monitor.close();
  });

  it('connects to the page’s own host', () => {
    expect(webSocketUrlFor({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/ws');
  });
});
