import type { App, Session, Shell, WebContents } from 'electron';

/** The hosts whose https pages the app opens in the person's browser: SMSBAT's own site and its subdomains. */
export const EXTERNAL_HOSTS: readonly string[] = ['smsbat.com'];

/** True for a link the app may hand to the person's browser: https, on SMSBAT's own site, no credentials in it. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** The one permission the window uses: writing plain text to the clipboard ("Copy id"). */
const WINDOW_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Whether web content may have a permission: only the clipboard write the window's "Copy id" needs, and only for
 * the window's own page; everything else (notifications included: the app shows those itself) is refused.
 */
export function permissionAllowed(
  permission: string,
  requestingUrl: string,
  isOwnWindowUrl: (url: string) => boolean,
): boolean {
  return WINDOW_PERMISSIONS.has(permission) && isOwnWindowUrl(requestingUrl);
}

/** Answers every permission request and check of the session with {@link permissionAllowed}. */
export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  isOwnWindowUrl: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl || contents.getURL(), isOwnWindowUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, isOwnWindowUrl),
  );
}

/** Locks down one web contents: no navigation away, no new windows, no webviews; allowed links go to the browser. */
export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch(() => undefined);
    }
    return { action: 'deny' };
  });
}

/** Guards every web contents the app ever creates (windows, and anything a page might try to open). */
export function guardAllWebContents(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, shell);
  });
}
