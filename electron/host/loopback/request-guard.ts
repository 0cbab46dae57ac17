import { timingSafeEqual } from 'node:crypto';

/** The parts of an HTTP request the guard looks at. */
export interface GuardedRequest {
  /** The request target, e.g. `/?token=abc` or `/assets/index.js`. */
  readonly url: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly cookie: string | undefined;
}

/** What the browser host knows: its port and this run's token. */
export interface GuardConfig {
  readonly port: number;
  readonly token: string;
}

/** What to do with a request. */
export type GuardDecision =
  | { readonly kind: 'allow' }
  /** A valid token in the URL: set the cookie and send the browser to `location`, which no longer carries it. */
  | { readonly kind: 'exchange_token'; readonly location: string }
  | { readonly kind: 'deny'; readonly status: 401 | 403; readonly reason: string };

/** The cookie that carries the token after the first visit; one per port, as cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `smsbat_monitor_${port}`;
}

/** The origins the window may be served from: the loopback address (as printed) and `localhost`. */
export function allowedOrigins(port: number): readonly string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

/**
 * Decides whether the browser host answers a request. In order: the Host header must name the loopback address
 * and our port (a DNS-rebinding page sends its own host name); an Origin, when sent, must be ours (`requireOrigin`
 * for WebSockets, which browsers always send it on); then the run's token, from the URL's `token` parameter (swapped
 * for an HttpOnly cookie) or from that cookie.
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
  const url = new URL(request.url, `http://127.0.0.1:${config.port}`);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    if (!sameSecret(fromUrl, config.token)) {
      return { kind: 'deny', status: 403, reason: 'The token in this address is not this run’s token.' };
    }
    url.searchParams.delete('token');
    return { kind: 'exchange_token', location: `${url.pathname}${url.search}` };
  }
  const fromCookie = cookieValue(request.cookie, tokenCookieName(config.port));
  if (fromCookie !== null && sameSecret(fromCookie, config.token)) return { kind: 'allow' };
  return {
    kind: 'deny',
    status: 401,
    reason: 'Open the address the monitor printed when it started: it carries this run’s token.',
  };
}
