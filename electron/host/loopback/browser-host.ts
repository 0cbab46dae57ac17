import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ContractEventMessage, RequestHandlers } from '../../../shared/contract';
import { dispatchUnknown, type HandlerErrorSink } from '../dispatch';
import { createEventFramePacker } from './event-frames';
import { guardRequest, tokenCookieName, type GuardDecision } from './request-guard';
import { readStaticFile } from './static-files';
import { parseRequestFrame, type ResponseFrame } from './ws-frames';

/** The path of the WebSocket that carries requests and pushed events. */
export const WEBSOCKET_PATH = '/ws';

/** What the browser host serves. */
export interface BrowserHostOptions {
  readonly handlers: RequestHandlers;
  /** Sends the current state, then every pushed event; returns the unsubscribe function. */
  readonly subscribe: (listener: (message: ContractEventMessage) => void) => () => void;
  /** The built window (`out/renderer`). */
  readonly rendererDir: string;
  /** @default 0, a free port */
  readonly port?: number;
  /** @default 32 random bytes, base64url */
  readonly token?: string;
  /** Told about errors thrown by handlers (the window gets a typed `failed` result). */
  readonly onHandlerError?: HandlerErrorSink;
  /** The largest request frame accepted, in bytes (an import carries a whole export). @default 80 MB */
  readonly maxFrameBytes?: number;
}

/** A running browser host. */
export interface RunningBrowserHost {
  /** The address to open: the loopback origin with this run's token. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(port),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

function guardOf(
  request: IncomingMessage,
  port: number,
  token: string,
  requireOrigin: boolean,
): GuardDecision {
  return guardRequest(
    {
      url: request.url ?? '/',
      host: request.headers.host,
      origin: request.headers.origin,
      cookie: request.headers.cookie,
    },
    { port, token },
    { requireOrigin },
  );
}

/** A `failed` answer to request `id`, for when its real answer could not be made or written. */
function failedFrame(id: ResponseFrame['id'], error: unknown): ResponseFrame {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    id,
    result: {
      ok: false,
      error: { kind: 'failed', message: `The monitor could not send its answer: ${reason}` },
    },
  };
}

/** A response as JSON text; an answer that cannot be written (too large, not JSON) becomes a typed error. */
function responseText(frame: ResponseFrame): string {
  try {
    return JSON.stringify(frame);
  } catch (error) {
    return JSON.stringify(failedFrame(frame.id, error));
  }
}

function sendText(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
): void {
  response.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

/**
 * Serves the built window and the host contract on 127.0.0.1 only: static files over HTTP, requests and pushed
 * events over one WebSocket (`{id, name, payload}` -> `{id, result}` as JSON text, and `{event, payload}` as binary
 * MessagePack frames, see event-frames.ts). Every request needs this run's token (from the printed URL, then an
 * HttpOnly SameSite=Strict cookie), a loopback Host header, and no foreign Origin.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const sockets = new Set<Socket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? 80 * 1024 * 1024 });
  let port = 0;

  const server = createServer((request, response) => {
    void serveHttp(request, response);
  });

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = securityHeaders(port);
    const decision = guardOf(request, port, token, false);
    if (decision.kind === 'deny') {
      sendText(response, decision.status, headers, decision.reason);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, { ...headers, allow: 'GET, HEAD' }, 'Only GET and HEAD are served here.');
      return;
    }
    if (decision.kind === 'exchange_token') {
      response.writeHead(303, {
        ...headers,
        location: decision.location,
        'set-cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      response.end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = await readStaticFile(options.rendererDir, pathname);
    if (file === null) {
      const missingWindow = pathname === '/' || !pathname.includes('.');
      sendText(
        response,
        missingWindow ? 503 : 404,
        headers,
        missingWindow
          ? 'The window is not built yet: run `npm run build`, then start the host again.'
          : 'Not found.',
      );
      return;
    }
    response.writeHead(200, {
      ...headers,
      'content-type': file.contentType,
      'content-length': String(file.body.length),
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const decision = guardOf(request, port, token, true);
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (decision.kind === 'deny' || pathname !== WEBSOCKET_PATH) {
      const status = decision.kind === 'deny' ? decision.status : 404;
      const text = decision.kind === 'deny' ? decision.reason : 'Not found.';
      socket.end(
        `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found'}\r\n` +
          `Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${text}\n`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      serveWebSocket(ws);
    });
  });

  const packEvent = createEventFramePacker();

  function serveWebSocket(ws: WebSocket): void {
    const send = (frame: ResponseFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(responseText(frame));
    };
    const push = (message: ContractEventMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(packEvent(message), { binary: true });
    };
    const unsubscribe = options.subscribe(push);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const text = isBinary
        ? ''
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.concat(data as Buffer[]).toString('utf8');
      const parsed = parseRequestFrame(text);
      if (!parsed.ok) {
        send(parsed.response);
        return;
      }
      const { id, name, payload } = parsed.frame;
      dispatchUnknown(options.handlers, name, payload, options.onHandlerError)
        .then((result) => {
          send({ id, result });
        })
        .catch((error: unknown) => {
          send(failedFrame(id, error));
        });
    });
    ws.on('close', unsubscribe);
    ws.on('error', () => {
      ws.terminate();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new TypeError('the browser host did not get a TCP port');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
