import type { SimulatorAuthMethod, SimulatorCredentials } from './types';

/** What the simulator made of a request's credentials. Holds no credential values. */
export interface AuthCheck {
  readonly method: SimulatorAuthMethod;
  readonly authorized: boolean;
}

/**
 * Checks the three documented auth methods against the configured credentials: `X-Authorization-Key: <key>`
 * (which wins when both headers are sent), `Authorization: Basic base64(username:password)` and
 * `Authorization: Basic base64(@:<key>)`. Header names are expected in lower case.
 */
export function checkAuth(
  headers: Readonly<Record<string, string | undefined>>,
  credentials: SimulatorCredentials,
): AuthCheck {
  const apiKey = headers['x-authorization-key'];
  if (apiKey !== undefined && apiKey !== '') {
    return { method: 'api-key-header', authorized: apiKey.trim() === credentials.apiKey };
  }
  const basic = decodeBasic(headers.authorization);
  if (basic === null) return { method: 'none', authorized: false };
  if (basic.user === '@') {
    return { method: 'basic-api-key', authorized: basic.password === credentials.apiKey };
  }
  return {
    method: 'basic',
    authorized: basic.user === credentials.username && basic.password === credentials.password,
  };
}

function decodeBasic(header: string | undefined): { user: string; password: string } | null {
  const match = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  const encoded = match?.[1];
  if (encoded === undefined) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
