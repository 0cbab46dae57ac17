/**
 * How the window and the browser host find each other over the WebSocket: the names both sides use, kept in one
 * place. The run's token travels only in the WebSocket handshake (`Sec-WebSocket-Protocol`), never in a cookie,
 * so no other site or port ever receives it.
 */

/** The subprotocol the host answers with; the window offers it first. */
export const LINK_PROTOCOL = 'smsbat-monitor.v1';

/** The window offers its token as a second subprotocol, `token.<token>`; the host never echoes it. */
export const TOKEN_PROTOCOL_PREFIX = 'token.';

/** The close code the host uses when the token is missing or not this run's (the monitor was restarted). */
export const CLOSE_TOKEN_REFUSED = 4401;

/** The text frame the host sends every few seconds so the window can tell a live link from a silent dead one. */
export const HEARTBEAT_FRAME = '{"heartbeat":true}';

/** The subprotocols a window offers for `token`: ours, then the token (none when the window has no token). */
export function linkProtocols(token: string | null): string[] {
  return token === null || token === ''
    ? [LINK_PROTOCOL]
    : [LINK_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`];
}

/** The token offered in a `Sec-WebSocket-Protocol` header, or null when none is offered. */
export function tokenFromProtocols(header: string | undefined): string | null {
  if (header === undefined) return null;
  for (const part of header.split(',')) {
    const protocol = part.trim();
    if (protocol.startsWith(TOKEN_PROTOCOL_PREFIX)) return protocol.slice(TOKEN_PROTOCOL_PREFIX.length);
  }
  return null;
}
