/** The three documented ways to authenticate with SMSBAT. */
export const AUTH_METHODS = ['api-key-header', 'basic', 'basic-api-key'] as const;

/** One of the documented auth methods: `X-Authorization-Key` header, Basic user:password, or Basic `@:key`. */
export type AuthMethod = (typeof AUTH_METHODS)[number];

/**
 * How to authenticate with SMSBAT. Secret: these travel only from a form to the main process and the keychain,
 * never back to a window, a log or a file.
 */
export type Credentials =
  | { readonly method: 'api-key-header'; readonly apiKey: string }
  | { readonly method: 'basic'; readonly username: string; readonly password: string }
  | { readonly method: 'basic-api-key'; readonly apiKey: string };

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
