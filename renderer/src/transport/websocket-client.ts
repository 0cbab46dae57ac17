import {
  REQUEST_NAMES,
  type ContractEventMessage,
  type ContractResult,
  type MonitorClient,
  type RequestName,
} from '../../../shared/contract';
import { ContractEventLog } from '../../../shared/contract-event-log';
import { decodeEventFrame } from './event-frame-decoder';

/** The part of the browser's WebSocket the client uses (the `ws` package's WebSocket fits too, for tests). */
export interface WebSocketLike {
  readonly readyState: number;
  /** Set to 'arraybuffer': pushed events come as binary frames. */
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Where the link to the host stands, for a "reconnecting…" line in the window. */
export type LinkStatus = 'connecting' | 'open' | 'closed';

/** Options of the WebSocket client. */
export interface WebSocketClientOptions {
  /** e.g. `ws://127.0.0.1:4000/ws`; the token travels in the page's cookie. */
  readonly url: string;
  /** @default `new WebSocket(url)` */
  readonly createSocket?: (url: string) => WebSocketLike;
  /** How long to wait before reconnecting after the link drops. @default 1000 */
  readonly reconnectDelayMs?: number;
  readonly onStatus?: (status: LinkStatus) => void;
}

/** A `MonitorClient` over the browser host's WebSocket, with `close()` to end it. */
export type WebSocketMonitorClient = MonitorClient & { close(): void };

const OPEN = 1;

function linkClosed(): ContractResult<RequestName> {
  return {
    ok: false,
    error: { kind: 'failed', message: 'The link to the monitor closed before it answered; try again.' },
  };
}

function isEventMessage(value: unknown): value is ContractEventMessage {
  return (
    typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string'
  );
}

/** A frame's value: a pushed event comes as a binary MessagePack frame, a response as JSON text. */
function readFrame(data: unknown): unknown {
  if (data instanceof ArrayBuffer) return decodeEventFrame(data);
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

function isResponse(value: unknown): value is { id: number; result: ContractResult<RequestName> } {
  return typeof value === 'object' && value !== null && 'id' in value && 'result' in value;
}

/**
 * The window's client for the browser host: one WebSocket for every request (`{id, name, payload}` answered by
 * `{id, result}`, JSON text frames) and every pushed event (`{event, payload}`, a binary MessagePack frame).
 * Requests made before the link opens wait for it; when it drops, pending requests end in a `failed` result and the
 * link reopens (the host then sends a fresh snapshot).
 */
export function createWebSocketClient(options: WebSocketClientOptions): WebSocketMonitorClient {
  const createSocket =
    options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const reconnectDelayMs = options.reconnectDelayMs ?? 1000;
  const listeners = new ContractEventLog();
  const pending = new Map<number, (result: ContractResult<RequestName>) => void>();
  const outbox: string[] = [];
  let nextId = 1;
  let closed = false;
  let socket: WebSocketLike;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  function open(): void {
    options.onStatus?.('connecting');
    socket = createSocket(options.url);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      options.onStatus?.('open');
      for (const frame of outbox.splice(0)) socket.send(frame);
    };
    socket.onmessage = ({ data }) => {
      const value = readFrame(data);
      if (isEventMessage(value)) {
        listeners.emit(value);
      } else if (isResponse(value)) {
        const resolve = pending.get(value.id);
        pending.delete(value.id);
        resolve?.(value.result);
      }
    };
    socket.onerror = () => undefined;
    socket.onclose = () => {
      options.onStatus?.('closed');
      for (const resolve of pending.values()) resolve(linkClosed());
      pending.clear();
      outbox.length = 0;
      if (!closed) {
        reconnectTimer = setTimeout(() => {
          reconnectTimer = null;
          open();
        }, reconnectDelayMs);
      }
    };
  }

  function request(name: RequestName, payload: unknown): Promise<ContractResult<RequestName>> {
    if (closed) return Promise.resolve(linkClosed());
    const id = nextId++;
    const frame = JSON.stringify({ id, name, payload });
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (socket.readyState === OPEN) socket.send(frame);
      else outbox.push(frame);
    });
  }

  open();
  const requests = Object.fromEntries(
    REQUEST_NAMES.map((name) => [name, (payload: unknown) => request(name, payload)]),
  ) as unknown as Omit<MonitorClient, 'on'>;
  return {
    ...requests,
    on: (event, listener) => listeners.on(event, listener),
    close() {
      closed = true;
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      socket.close();
    },
  };
}

/** The browser host's WebSocket address for the page being shown (same host and port; the cookie has the token). */
export function webSocketUrlFor(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}
