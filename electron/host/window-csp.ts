/**
 * The window's Content-Security-Policy, one builder for every way the window is served: the browser host adds its
 * WebSocket to `connect-src`, the desktop app's custom scheme needs nothing beyond its own origin, and the dev
 * server needs what Vite injects (inline module preambles and styles, its hot-reload socket).
 */
const FIXED_DIRECTIVES = [
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** The strict policy of the built window; `connectSources` are added to `connect-src` beside `'self'`. */
export function windowContentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    FIXED_DIRECTIVES[0],
    ["connect-src 'self'", ...connectSources].join(' '),
    ...FIXED_DIRECTIVES.slice(1),
  ].join('; ');
}

/**
 * The policy while `electron-vite dev` serves the window (never in a build): Vite's inline React-refresh preamble
 * and the styles it injects need `'unsafe-inline'`, and hot reload talks to the dev server over a WebSocket.
 */
export function devWindowContentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    FIXED_DIRECTIVES[0],
    "connect-src 'self' ws://localhost:* ws://127.0.0.1:* http://localhost:* http://127.0.0.1:*",
    ...FIXED_DIRECTIVES.slice(1),
  ].join('; ');
}

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

/** The window's policy as `index.html` declares it in its meta tag, or null when there is none. */
export function declaredPolicy(html: string): string | null {
  return CSP_META.exec(html)?.[2] ?? null;
}

/** `index.html` with the dev-server policy in its meta tag (for `electron-vite dev` only). */
export function withDevPolicy(html: string): string {
  return html.replace(CSP_META, (_match, start: string, _policy: string, end: string) => {
    return `${start}${devWindowContentSecurityPolicy()}${end}`;
  });
}
