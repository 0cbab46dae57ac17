import type { Protocol } from 'electron';
import { readStaticFile } from '../host/loopback/static-files';
import { windowContentSecurityPolicy } from '../host/window-csp';

/** The window's own scheme: the page is `app://monitor/`, one exact origin whatever folder the app is in. */
export const APP_SCHEME = 'app';

/** The one origin the window's page has (what the sender check and the permission check compare). */
export const APP_ORIGIN = `${APP_SCHEME}://monitor`;

/** The window's page. */
export const APP_PAGE_URL = `${APP_ORIGIN}/`;

/** The headers every answer of the scheme carries: the same strict policy the browser host sends, minus its socket. */
export const APP_SCHEME_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': windowContentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Declares the scheme as standard (relative URLs and an origin of its own), secure (like https), able to use
 * `fetch`, and not bypassing the CSP. Electron only takes this before the app is ready.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The path inside the built window a URL asks for, or null when it is not the window's origin. */
export function appSchemePath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'monitor') return null;
  return parsed.pathname;
}

function text(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...APP_SCHEME_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Answers one request of the scheme: a file of the built window (`rendererDir`), with the window's headers;
 * anything outside that folder, another host, or a method other than GET/HEAD gets an error and no file.
 */
export async function appSchemeResponse(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return text(405, 'Only GET and HEAD are served.');
  const path = appSchemePath(request.url);
  if (path === null) return text(404, 'Not found.');
  const file = await readStaticFile(rendererDir, path);
  if (file === null) return text(404, 'Not found.');
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: { ...APP_SCHEME_HEADERS, 'content-type': file.contentType },
  });
}

/** Serves the built window on the scheme (after the app is ready); returns the function that stops serving it. */
export function serveAppScheme(
  protocol: Pick<Protocol, 'handle' | 'unhandle'>,
  rendererDir: string,
): () => void {
  protocol.handle(APP_SCHEME, (request) => appSchemeResponse(request, rendererDir));
  return () => {
    protocol.unhandle(APP_SCHEME);
  };
}
