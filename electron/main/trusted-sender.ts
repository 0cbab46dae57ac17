import type { IpcMainInvokeEvent, WebContents } from 'electron';

/** Which pages count as the monitor's own window. */
export interface OwnWindowOrigins {
  /** The custom scheme's origin, e.g. `app://monitor`. */
  readonly appOrigin: string;
  /** The dev server's URL during `electron-vite dev`, else null. */
  readonly devUrl: string | null;
}

/** The scheme and host of a URL, compared as Chromium serializes a standard scheme's origin (lower case). */
function originOf(parsed: URL): string {
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * True when a frame's URL is the monitor's own window: exactly the custom scheme's origin, or the dev server's
 * origin during `electron-vite dev`. No file path is compared, so the folder the app sits in cannot matter.
 */
export function isOwnWindowUrl(url: string, allowed: OwnWindowOrigins): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (originOf(parsed) === allowed.appOrigin) return true;
  return allowed.devUrl !== null && parsed.origin === new URL(allowed.devUrl).origin;
}

/** A sender check for `registerContractIpc`: the top frame of one of the given windows, showing our page. */
export function trustedSenderCheck(
  windows: () => readonly WebContents[],
  allowed: OwnWindowOrigins,
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    if (!windows().some((contents) => contents.id === event.sender.id)) return false;
    return isOwnWindowUrl(frame.url, allowed);
  };
}
