import {
  REQUEST_NAMES,
  type ContractEventMessage,
  type ContractResult,
  type MonitorClient,
  type RequestName,
} from '../../../shared/contract';
import { linkProtocols } from '../../../shared/browser-link';
import { ContractEventLog } from '../../../shared/contract-event-log';
import { decodeEventFrame } from './event-frame-decoder';
import {
  DEFAULT_RECONNECT_POLICY,
  isLinkSilent,
  reconnectDelayMs,
  shouldReconnect,
  statusAfterClose,
  type LinkStatus,
  type ReconnectPolicy,
} from './link-state';

export type { LinkStatus } from './link-state';

/** The part of the browser's WebSocket the client uses (the `ws` package's WebSocket fits too, for tests). */
export interface WebSocketLike {
  readonly readyState: number;
  /** Set to 'arraybuffer': pushed events come as binary frames. */
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  /** The browser gives the close code; a missing one counts as a dropped link. */
  onclose: ((event: { readonly code?: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Options of the WebSocket client. */
export interface WebSocketClientOptions {
  /** e.g. `ws://127.0.0.1:4000/ws`. */
  readonly url: string;
  /** This run's token, asked for at each attempt (it is offered in the handshake, see shared/browser-link.ts). */
  readonly token: () => string | null;
  /** @default `new WebSocket(url, protocols)` */
  readonly createSocket?: (url: string, protocols: string[]) => WebSocketLike;
  /** How the client retries and how long a silent link is trusted. @default DEFAULT_RECONNECT_POLICY */
  readonly policy?: Partial<ReconnectPolicy>;
  /** Told each time the link's status changes. */
  readonly onStatus?: (status: LinkStatus) => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/** A `MonitorClient` over the browser host's WebSocket, with `close()` to end it. */
export type WebSocketMonitorClient = MonitorClient & {
  close(): void;
  /** Opens the link again at once (after the window was given a new token). */
  reconnect(): void;
};

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
 * Requests made before the link opens wait for it; when it drops or goes silent past the policy's limit (the host
 * sends a heartbeat every few seconds), pending requests end in a `failed` result, the status turns `lost` and the
 * link reopens with growing waits (the host then sends a fresh snapshot). A host that refuses the token turns the
 * status `refused`, and the client waits for `reconnect()`.
 */
export function createWebSocketClient(options: WebSocketClientOptions): WebSocketMonitorClient {
  const createSocket =
    options.createSocket ??
    ((url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown as WebSocketLike);
  const policy: ReconnectPolicy = { ...DEFAULT_RECONNECT_POLICY, ...options.policy };
  const now = options.now ?? Date.now;
  const listeners = new ContractEventLog();
  const pending = new Map<number, (result: ContractResult<RequestName>) => void>();
  const outbox: string[] = [];
  let nextId = 1;
  let closed = false;
  let socket: WebSocketLike | null = null;
  let status: LinkStatus | null = null;
  let failedAttempts = 0;
  let lastFrameAt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let silenceTimer: ReturnType<typeof setTimeout> | null = null;

  function setStatus(next: LinkStatus): void {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  }

  function clearTimers(): void {
    if (reconnectTimer !== null) clearTimeout(reconnectTimer);
    if (silenceTimer !== null) clearTimeout(silenceTimer);
    reconnectTimer = null;
    silenceTimer = null;
  }

  function watchSilence(): void {
    silenceTimer = setTimeout(
      () => {
        silenceTimer = null;
        if (isLinkSilent(lastFrameAt, now(), policy)) linkEnded(1006);
        else watchSilence();
      },
      Math.max(250, Math.floor(policy.silenceLimitMs / 3)),
    );
  }

  /** Ends the current socket (whatever it still does is ignored) and decides what comes next. */
  function linkEnded(closeCode: number): void {
    const ended = socket;
    socket = null;
    if (ended !== null) {
      ended.onopen = null;
      ended.onmessage = null;
      ended.onclose = null;
      ended.close();
    }
    clearTimers();
    for (const resolve of pending.values()) resolve(linkClosed());
    pending.clear();
    outbox.length = 0;
    if (closed) return;
    const next = statusAfterClose(closeCode);
    setStatus(next);
    if (!shouldReconnect(next)) return;
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = null;
        open();
      },
      reconnectDelayMs(failedAttempts, policy),
    );
    failedAttempts += 1;
  }

  function open(): void {
    if (status === null) setStatus('connecting');
    const current = createSocket(options.url, linkProtocols(options.token()));
    socket = current;
    current.binaryType = 'arraybuffer';
    current.onopen = () => {
      failedAttempts = 0;
      lastFrameAt = now();
      watchSilence();
      setStatus('open');
      for (const frame of outbox.splice(0)) current.send(frame);
    };
    current.onmessage = ({ data }) => {
      lastFrameAt = now();
      const value = readFrame(data);
      if (isEventMessage(value)) {
        listeners.emit(value);
      } else if (isResponse(value)) {
        const resolve = pending.get(value.id);
        pending.delete(value.id);
        resolve?.(value.result);
      }
    };
    current.onerror = () => undefined;
    current.onclose = (event) => {
      if (socket === current) linkEnded(event.code ?? 1006);
    };
  }

  function request(name: RequestName, payload: unknown): Promise<ContractResult<RequestName>> {
    if (closed) return Promise.resolve(linkClosed());
    const id = nextId++;
    const frame = JSON.stringify({ id, name, payload });
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (socket !== null && socket.readyState === OPEN) socket.send(frame);
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
      clearTimers();
      socket?.close();
    },
    reconnect() {
      if (closed) return;
      clearTimers();
      if (socket !== null) {
        const ended = socket;
        socket = null;
        ended.onclose = null;
        ended.close();
      }
      failedAttempts = 0;
      open();
    },
  };
}

/** The browser host's WebSocket address for the page being shown (same host and port). */
export function webSocketUrlFor(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}
