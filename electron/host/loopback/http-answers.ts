import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { windowContentSecurityPolicy } from '../window-csp';
import type { ResponseFrame } from './ws-frames';

/** The headers on every HTTP answer: a strict CSP, no framing, no referrer, no caching. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    // The window's one policy, with this host's WebSocket (by either loopback name) as what it may connect to.
    'content-security-policy': windowContentSecurityPolicy([
      `ws://127.0.0.1:${port}`,
      `ws://localhost:${port}`,
    ]),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

/** Answers with a line of plain text. */
export function sendText(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
): void {
  response.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

/** Refuses a WebSocket upgrade with an HTTP status and a line of text, and closes the connection. */
export function refuseUpgrade(socket: Socket, status: number, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${text}\n`,
  );
}

/** A `failed` answer to request `id`, for when its real answer could not be made or written. */
export function failedFrame(id: ResponseFrame['id'], error: unknown): ResponseFrame {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    id,
    result: {
      ok: false,
      error: { kind: 'failed', message: `The monitor could not send its answer: ${reason}` },
    },
  };
}

/** A `busy` answer to request `id`: the window has too many requests unanswered. */
export function busyFrame(id: ResponseFrame['id']): ResponseFrame {
  return {
    id,
    result: {
      ok: false,
      error: {
        kind: 'busy',
        message: 'The monitor is still answering this window’s earlier requests; try again in a moment.',
      },
    },
  };
}

/** A response as JSON text; an answer that cannot be written (too large, not JSON) becomes a typed error. */
export function responseText(frame: ResponseFrame): string {
  try {
    return JSON.stringify(frame);
  } catch (error) {
    return JSON.stringify(failedFrame(frame.id, error));
  }
}
