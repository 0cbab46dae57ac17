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
