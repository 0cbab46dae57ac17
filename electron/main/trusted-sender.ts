import type { IpcMainInvokeEvent, WebContents } from 'electron';

/**
 * True when a frame's URL is the monitor's own window: the built `index.html` (as a file URL), or the dev server's
 * origin during `electron-vite dev`.
 */
export function isOwnWindowUrl(
  url: string,
  allowed: { readonly fileUrl: string; readonly devUrl: string | null },
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') return `file://${parsed.host}${parsed.pathname}` === allowed.fileUrl;
  return allowed.devUrl !== null && parsed.origin === new URL(allowed.devUrl).origin;
}

/** A sender check for `registerContractIpc`: the top frame of one of the given windows, showing our page. */
export function trustedSenderCheck(
  windows: () => readonly WebContents[],
  allowed: { readonly fileUrl: string; readonly devUrl: string | null },
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    if (!windows().some((contents) => contents.id === event.sender.id)) return false;
    return isOwnWindowUrl(frame.url, allowed);
  };
}
