import type { ConnectionInfo } from '../../../shared/contract';

/**
 * What the window shows: `connecting` until the host has said enough; `monitor-loading`, the monitor drawn before
 * its watch list arrives (so the list is all that is left to draw when it does); `first-run`; or `monitor`.
 */
export type WindowScreen = 'connecting' | 'monitor-loading' | 'first-run' | 'monitor';

/**
 * Decides the screen from the connection and the watch list (`null` while either is on its way). Without
 * credentials or the demo it is first run only when nothing is watched: a list kept after the credentials were
 * removed is still shown, so until the list is here it cannot tell.
 */
export function windowScreen(
  connection: ConnectionInfo | null,
  feed: { readonly messageCount: number } | null,
): WindowScreen {
  if (connection === null) return 'connecting';
  const connected = connection.source !== 'none' || connection.demo;
  if (feed === null) return connected ? 'monitor-loading' : 'connecting';
  return !connected && feed.messageCount === 0 ? 'first-run' : 'monitor';
}
