import { timingSafeEqual } from 'node:crypto';

/** The parts of an HTTP request the guard looks at. */
export interface GuardedRequest {
  readonly host: string | undefined;
  readonly origin: string | undefined;
}

/** What the browser host knows: its port. */
export interface GuardConfig {
  readonly port: number;
}

/** What to do with a request. */
export type GuardDecision =
  { readonly kind: 'allow' } | { readonly kind: 'deny'; readonly status: 403; readonly reason: string };

/** The origins the window may be served from: the loopback address (as printed) and `localhost`. */
export function allowedOrigins(port: number): readonly string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Decides whether the browser host answers a request at all: the Host header must name the loopback address and
 * our port (a DNS-rebinding page sends its own host name), and an Origin, when sent, must be ours (`requireOrigin`
 * for WebSockets, which browsers always send it on). Pages and scripts carry no data, so they need no token; the
 * WebSocket, which carries everything, also needs the run's token (`isRunToken`).
 */
export function guardRequest(
  request: GuardedRequest,
  config: GuardConfig,
  options: { readonly requireOrigin?: boolean } = {},
): GuardDecision {
  const hosts = allowedOrigins(config.port).map((origin) => origin.slice('http://'.length));
  if (request.host === undefined || !hosts.includes(request.host.toLowerCase())) {
    return { kind: 'deny', status: 403, reason: 'This address only answers requests for 127.0.0.1.' };
  }
  if (
    request.origin === undefined
      ? options.requireOrigin === true
      : !allowedOrigins(config.port).includes(request.origin)
  ) {
    return { kind: 'deny', status: 403, reason: 'Requests from other sites are refused.' };
  }
  return { kind: 'allow' };
}

/** True when `given` is exactly this run's token (compared in constant time). */
export function isRunToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
