import { AUTH_METHODS, type Credentials } from './credentials';
import { validateCredentials } from './client';

/**
 * Credentials in the environment that are missing or unusable. `message` names the variable and the fix; it never
 * contains a secret. The CLI reports it as a usage mistake, the hosts show it next to the connection.
 */
export class EnvCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvCredentialsError';
  }
}

/** The environment variables the CLI and the hosts read credentials from. */
export const CREDENTIAL_ENV_VARS = [
  'SMSBAT_API_KEY',
  'SMSBAT_AUTH',
  'SMSBAT_USERNAME',
  'SMSBAT_PASSWORD',
] as const;

/** Credentials read from the environment, with words about them that are safe to print (no secret, no login). */
export interface EnvCredentials {
  readonly credentials: Credentials;
  /** Where the credentials came from and how they are sent, e.g. "the API key in SMSBAT_API_KEY (...)". */
  readonly source: string;
  /** What to do when SMSBAT rejects them. */
  readonly fix: string;
}

type AuthMethod = (typeof AUTH_METHODS)[number];

const MISSING_CREDENTIALS =
  'No SMSBAT credentials found. Set SMSBAT_API_KEY to your API key (made in the SMSBAT cabinet under User Profile), ' +
  'or set SMSBAT_USERNAME and SMSBAT_PASSWORD to your cabinet login, e.g. `export SMSBAT_API_KEY=...`. ' +
  'Credentials are never taken as arguments. To try the monitor without an account, run `smsbat-monitor demo`, ' +
  'or `smsbat-monitor simulate` and use the URL and demo key it prints.';

function nonEmpty(value: string | undefined, trim: boolean): string | null {
  if (value === undefined) return null;
  const result = trim ? value.trim() : value;
  return result === '' ? null : result;
}

function isAuthMethod(value: string): value is AuthMethod {
  return (AUTH_METHODS as readonly string[]).includes(value);
}

/**
 * Reads credentials from the environment: `SMSBAT_API_KEY` (sent in the `X-Authorization-Key` header, or as HTTP
 * Basic `@:key` when `SMSBAT_AUTH=basic-api-key`), or `SMSBAT_USERNAME` + `SMSBAT_PASSWORD` (HTTP Basic). The API
 * key wins when both are set, unless `SMSBAT_AUTH=basic`. Throws an `EnvCredentialsError` (never containing a secret) when
 * they are missing or unusable.
 */
export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): EnvCredentials {
  const authRaw = nonEmpty(env.SMSBAT_AUTH, true);
  const apiKey = nonEmpty(env.SMSBAT_API_KEY, true);
  const username = nonEmpty(env.SMSBAT_USERNAME, true);
  const password = nonEmpty(env.SMSBAT_PASSWORD, false);

  let method: AuthMethod;
  if (authRaw !== null) {
    const normalised = authRaw.toLowerCase();
    if (!isAuthMethod(normalised)) {
      throw new EnvCredentialsError(
        `SMSBAT_AUTH=${JSON.stringify(authRaw)} is not an auth method; use one of ${AUTH_METHODS.join(', ')} ` +
          '(or leave it unset: an API key goes in the X-Authorization-Key header).',
      );
    }
    method = normalised;
  } else if (apiKey !== null) {
    method = 'api-key-header';
  } else if (username !== null || password !== null) {
    method = 'basic';
  } else {
    throw new EnvCredentialsError(MISSING_CREDENTIALS);
  }

  if (method === 'basic') {
    if (username === null || password === null) {
      const missing = username === null ? 'SMSBAT_USERNAME' : 'SMSBAT_PASSWORD';
      throw new EnvCredentialsError(
        `${missing} is not set: HTTP Basic sign-in needs both SMSBAT_USERNAME and SMSBAT_PASSWORD ` +
          '(or use an API key in SMSBAT_API_KEY instead).',
      );
    }
    if (username.includes(':')) {
      throw new EnvCredentialsError(
        'SMSBAT_USERNAME contains ":", which HTTP Basic sign-in cannot carry; check the login.',
      );
    }
    return {
      credentials: checked({ method, username, password }),
      source: 'the login in SMSBAT_USERNAME and SMSBAT_PASSWORD (HTTP Basic)',
      fix:
        'Check SMSBAT_USERNAME and SMSBAT_PASSWORD (your SMSBAT cabinet login), or use an API key in ' +
        'SMSBAT_API_KEY instead, then run again.',
    };
  }

  if (apiKey === null) {
    throw new EnvCredentialsError(`SMSBAT_AUTH=${method} needs an API key: set SMSBAT_API_KEY to your key.`);
  }
  if (method === 'basic-api-key') {
    return {
      credentials: checked({ method, apiKey }),
      source: 'the API key in SMSBAT_API_KEY, sent as HTTP Basic "@:<key>" (SMSBAT_AUTH=basic-api-key)',
      fix:
        'Check the key in the SMSBAT cabinet (User Profile), set SMSBAT_API_KEY to it and run again; or unset ' +
        'SMSBAT_AUTH to send the key in the X-Authorization-Key header instead.',
    };
  }
  return {
    credentials: checked({ method, apiKey }),
    source: 'the API key in SMSBAT_API_KEY, sent in the X-Authorization-Key header',
    fix:
      'Check the key in the SMSBAT cabinet (User Profile), set SMSBAT_API_KEY to it and run again. If your ' +
      'account expects the key as HTTP Basic, also set SMSBAT_AUTH=basic-api-key.',
  };
}

/** Runs the client's own validation, turning its errors (which never show a secret) into env-variable words. */
function checked(credentials: Credentials): Credentials {
  try {
    return validateCredentials(credentials);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const variable = detail.includes('apiKey')
      ? 'SMSBAT_API_KEY'
      : detail.includes('password')
        ? 'SMSBAT_PASSWORD'
        : 'SMSBAT_USERNAME';
    throw new EnvCredentialsError(
      `${variable} cannot be used: it contains characters that cannot be sent in an HTTP header (such as a line ` +
        'break or control character). Copy it again without them.',
    );
  }
}
