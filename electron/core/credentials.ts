/**
 * How to authenticate with SMSBAT, one of the three documented methods:
 * the `X-Authorization-Key` header, HTTP Basic with the cabinet login, or HTTP Basic with `@` and the API key.
 */
export type Credentials =
  | { readonly method: 'api-key-header'; readonly apiKey: string }
  | { readonly method: 'basic'; readonly username: string; readonly password: string }
  | { readonly method: 'basic-api-key'; readonly apiKey: string };

/** The auth methods, for menus and validation. */
export const AUTH_METHODS = ['api-key-header', 'basic', 'basic-api-key'] as const;

/** The request headers that carry the credentials. The values are secrets: never log them. */
export function authHeaders(credentials: Credentials): Record<string, string> {
  switch (credentials.method) {
    case 'api-key-header':
      return { 'x-authorization-key': credentials.apiKey };
    case 'basic':
      return { authorization: basic(credentials.username, credentials.password) };
    case 'basic-api-key':
      return { authorization: basic('@', credentials.apiKey) };
  }
}

/** Who the credentials sign in as, safe to show: the user name, or the last four characters of a key. */
export function describeCredentials(credentials: Credentials): string {
  switch (credentials.method) {
    case 'basic':
      return `user ${credentials.username}`;
    case 'api-key-header':
    case 'basic-api-key':
      return `API key ending ${credentials.apiKey.slice(-4)}`;
  }
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
