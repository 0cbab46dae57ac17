import { MAX_TIMER_DELAY_MS } from '../clock';
import { AUTH_METHODS, type Credentials } from '../credentials';
import { describeValue, numberOption } from '../option-checks';

export { describeValue };

/** SMSBAT's documented API address. */
export const DEFAULT_BASE_URL = 'https://restapi.smsbat.com';
/** How long one status request may take, body included, before it fails with `TimeoutError`. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** The largest status response read before giving up with `InvalidResponseError`. */
export const DEFAULT_MAX_RESPONSE_BYTES = 65_536;
/** How many keep-alive connections the client may open to SMSBAT at once. */
export const DEFAULT_CONNECTIONS = 10;

/** Options of `SmsbatClient`. */
export interface SmsbatClientOptions {
  /**
   * SMSBAT's address: an http or https URL, optionally with a path prefix (`https://host/prefix`).
   * @default 'https://restapi.smsbat.com'
   */
  readonly baseUrl?: string;
  /** How to sign in; replaceable later with `setCredentials`. */
  readonly credentials: Credentials;
  /**
   * Time allowed for one request, from sending it to the last byte of the body.
   * @default 10_000
   */
  readonly timeoutMs?: number;
  /**
   * The largest response body read; a larger status response fails with `InvalidResponseError`.
   * @default 65_536
   */
  readonly maxResponseBytes?: number;
  /**
   * The most keep-alive connections open to SMSBAT at once.
   * @default 10
   */
  readonly connections?: number;
}

/** Options after validation, with defaults applied. */
export interface ResolvedClientOptions {
  readonly origin: string;
  /** The base URL's path without a trailing slash: '' or '/prefix'. */
  readonly pathPrefix: string;
  readonly credentials: Credentials;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly connections: number;
}

/** Validates client options, throwing a `TypeError` that names the option, the expectation and the value received. */
export function resolveClientOptions(options: SmsbatClientOptions): ResolvedClientOptions {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
  }
  const url = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  return {
    origin: url.origin,
    pathPrefix: url.pathname.replace(/\/+$/, ''),
    credentials: validateCredentials(options.credentials),
    timeoutMs: numberOption('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS, {
      min: 1,
      max: MAX_TIMER_DELAY_MS,
    }),
    maxResponseBytes: numberOption('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, {
      min: 1,
      integer: true,
    }),
    connections: numberOption('connections', options.connections, DEFAULT_CONNECTIONS, {
      min: 1,
      integer: true,
    }),
  };
}

function parseBaseUrl(value: unknown): URL {
  const expectation = 'Expected `baseUrl` to be an http or https URL without credentials, query or fragment';
  if (typeof value !== 'string') throw new TypeError(`${expectation}, got ${describeValue(value)}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${expectation}, got ${describeValue(redactUserInfo(value))}`);
  }
  const acceptable =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    !value.includes('?') &&
    !value.includes('#');
  if (!acceptable) throw new TypeError(`${expectation}, got ${describeValue(redactUserInfo(value))}`);
  return url;
}

/** Hides anything between `://` and `@` so a password typed into the URL never reaches an error message. */
function redactUserInfo(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}

/** Header values undici accepts: tab, printable ASCII and bytes 0x80-0xFF. */
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Validates credentials without ever echoing a secret: errors name the field and what is wrong with it, not its
 * value.
 */
export function validateCredentials(credentials: unknown): Credentials {
  const expectation = `Expected \`credentials\` to be an object with \`method\` one of ${AUTH_METHODS.join(', ')}`;
  if (typeof credentials !== 'object' || credentials === null) {
    throw new TypeError(`${expectation}, got ${describeValue(credentials)}`);
  }
  const given = credentials as Partial<Record<'method' | 'apiKey' | 'username' | 'password', unknown>>;
  switch (given.method) {
    case 'api-key-header':
      requireSecret('credentials.apiKey', given.apiKey);
      if (!HEADER_SAFE.test(given.apiKey as string)) {
        throw new TypeError(
          'Expected `credentials.apiKey` to be sendable in a header, got a key containing control characters (value not shown)',
        );
      }
      return { method: 'api-key-header', apiKey: given.apiKey as string };
    case 'basic-api-key':
      requireSecret('credentials.apiKey', given.apiKey);
      return { method: 'basic-api-key', apiKey: given.apiKey as string };
    case 'basic':
      if (typeof given.username !== 'string' || given.username === '' || given.username.includes(':')) {
        throw new TypeError(
          `Expected \`credentials.username\` to be a non-empty string without ":", got ${describeValue(given.username)}`,
        );
      }
      requireSecret('credentials.password', given.password);
      return { method: 'basic', username: given.username, password: given.password as string };
    default:
      throw new TypeError(`${expectation}, got method ${describeValue(given.method)}`);
  }
}

function requireSecret(name: string, value: unknown): void {
  if (typeof value !== 'string' || value === '') {
    const got = typeof value === 'string' ? 'an empty string' : `a value of type ${typeof value}`;
    throw new TypeError(`Expected \`${name}\` to be a non-empty string, got ${got}`);
  }
}
