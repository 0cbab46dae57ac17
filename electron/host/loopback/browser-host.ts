import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_TOKEN_REFUSED, LINK_PROTOCOL, tokenFromProtocols } from '../../../shared/browser-link';
import type { ContractEventMessage, RequestHandlers } from '../../../shared/contract';
import type { HandlerErrorSink } from '../dispatch';
import { createEventFramePacker } from './event-frames';
import { admitSocket, resolveHostLimits, type BrowserHostLimits } from './host-limits';
import { refuseUpgrade, securityHeaders, sendText } from './http-answers';
import { guardRequest, isRunToken } from './request-guard';
import { readStaticFile } from './static-files';
import { serveWindowSocket } from './window-socket';

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
  /** What any one window, and all of them together, may use; see `DEFAULT_HOST_LIMITS`. */
  readonly limits?: Partial<BrowserHostLimits>;
}

/** A running browser host. */
export interface RunningBrowserHost {
  /** The address to open: the loopback origin with this run's token in the fragment (`#token=`). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function guardOf(request: IncomingMessage, port: number, requireOrigin: boolean) {
  return guardRequest(
    { host: request.headers.host, origin: request.headers.origin },
    { port },
    { requireOrigin },
  );
}

/**
 * Serves the built window and the host contract on 127.0.0.1 only: static files over HTTP (no data in them, so no
 * token, but only for a loopback Host and under a strict CSP), requests and pushed events over one WebSocket
 * (`{id, name, payload}` -> `{id, result}` as JSON text, and `{event, payload}` as binary MessagePack frames, see
 * event-frames.ts). The WebSocket needs a loopback Host, our Origin, and this run's token offered as a subprotocol
 * (see shared/browser-link.ts); a wrong or missing token closes it with `CLOSE_TOKEN_REFUSED`. No cookie is set or
 * read and nothing is redirected, so the token never reaches another origin.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const limits = resolveHostLimits(options.limits ?? {});
  const sockets = new Set<Socket>();
  const windows = new Set<WebSocket>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes ?? 80 * 1024 * 1024,
    // The host answers with the link protocol only: the token the window offers beside it is never echoed.
    handleProtocols: (protocols) => (protocols.has(LINK_PROTOCOL) ? LINK_PROTOCOL : false),
  });
  let port = 0;

  const server = createServer(
    {
      // Connections that have not sent their request within the deadline are closed, checked this often.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.handshakeTimeoutMs / 4))),
      headersTimeout: limits.handshakeTimeoutMs,
      requestTimeout: limits.handshakeTimeoutMs,
    },
    (request, response) => {
      void serveHttp(request, response);
    },
  );
  server.maxConnections = limits.maxConnections;

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = securityHeaders(port);
    const decision = guardOf(request, port, false);
    if (decision.kind === 'deny') {
      sendText(response, decision.status, headers, decision.reason);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, { ...headers, allow: 'GET, HEAD' }, 'Only GET and HEAD are served here.');
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

  const packEvent = createEventFramePacker();

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const decision = guardOf(request, port, true);
    if (decision.kind === 'deny') {
      refuseUpgrade(socket, decision.status, decision.reason);
      return;
    }
    if (pathname !== WEBSOCKET_PATH) {
      refuseUpgrade(socket, 404, 'Not found.');
      return;
    }
    if (!admitSocket(windows.size, limits)) {
      refuseUpgrade(socket, 503, 'Too many windows are open on the monitor; close one and reload.');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      windows.add(ws);
      ws.on('close', () => windows.delete(ws));
      if (!isRunToken(tokenFromProtocols(request.headers['sec-websocket-protocol']), token)) {
        // Said after the handshake so the window can tell "open the new address" from "the host is gone".
        ws.close(CLOSE_TOKEN_REFUSED, 'Not this run’s token: open the address the monitor printed.');
        setTimeout(() => {
          ws.terminate();
        }, limits.handshakeTimeoutMs).unref();
        return;
      }
      serveWindowSocket(ws, {
        handlers: options.handlers,
        subscribe: options.subscribe,
        packEvent,
        limits,
        onHandlerError: options.onHandlerError,
      });
    });
  });

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
    url: `${origin}/#token=${token}`,
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
