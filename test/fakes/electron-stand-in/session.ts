import { record } from './recorder';

type RequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type CheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { requestingUrl?: string; isMainFrame: boolean; embeddingOrigin?: string },
) => boolean;

/** A session with the permission handlers as Electron documents them. Without handlers, Electron grants. */
export class StandInSession {
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    record('session.setPermissionRequestHandler', { set: handler !== null });
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    record('session.setPermissionCheckHandler', { set: handler !== null });
    this.checkHandler = handler;
  }

  /** Stand-in only: a page at `url` asks for a permission; resolves with the answer. */
  requestPermission(webContents: unknown, permission: string, url: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (handler === null) return Promise.resolve(true);
    return new Promise((resolve) => {
      handler(webContents, permission, resolve, { requestingUrl: url, isMainFrame: true });
    });
  }

  /** Stand-in only: a page at `url` checks a permission. */
  checkPermission(webContents: unknown, permission: string, url: string): boolean {
    if (this.checkHandler === null) return true;
    return this.checkHandler(
      webContents,
      permission,
      new URL(url).origin === 'null' ? originOf(url) : new URL(url).origin,
      {
        requestingUrl: url,
        isMainFrame: true,
      },
    );
  }
}

/** The origin Chromium gives a standard custom scheme (Node's URL says "null" for those). */
function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** Electron's `session` module. */
export const session = { defaultSession: new StandInSession() };
