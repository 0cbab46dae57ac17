import { Pool } from 'undici';
import type { StatusSnapshot } from '../../../shared/message';
import { authHeaders, type Credentials } from '../credentials';
import { InvalidResponseError, NetworkError, SmsbatError, TimeoutError } from '../errors';
import type { StatusClient } from '../status-client';
import { interpretResponse } from './interpret-response';
import {
  resolveClientOptions,
  validateCredentials,
  describeValue,
  type ResolvedClientOptions,
  type SmsbatClientOptions,
} from './options';
import { maskSecrets, secretsOf } from '../secret-mask';
import { describeTransportFailure } from './transport-errors';

/** This client's version, sent in the user agent; kept equal to package.json's version by a test. */
export const CLIENT_VERSION = '0.1.0';

/** The `user-agent` every request carries. */
export const USER_AGENT = `smsbat-delivery-monitor/${CLIENT_VERSION}`;

/**
 * Encodes a message id as exactly one path segment: `encodeURIComponent`, plus `.` so that `.` and `..` can never
 * be read as path navigation.
 */
export function encodeMessageIdSegment(messageId: string): string {
  return encodeURIComponent(messageId).replace(/\./g, '%2E');
}

/**
 * Fetches message statuses from SMSBAT over HTTP with one keep-alive connection pool. Failures reject with a
 * subclass of `SmsbatError`; a caller's abort rejects with the signal's reason.
 */
export class SmsbatClient implements StatusClient {
  readonly #options: ResolvedClientOptions;
  readonly #pool: Pool;
  #credentials: Credentials;
  #closing: Promise<void> | null = null;

  constructor(options: SmsbatClientOptions) {
    this.#options = resolveClientOptions(options);
    this.#credentials = this.#options.credentials;
    this.#pool = new Pool(this.#options.origin, {
      connections: this.#options.connections,
      connectTimeout: this.#options.timeoutMs,
      headersTimeout: this.#options.timeoutMs,
      bodyTimeout: this.#options.timeoutMs,
    });
  }

  /** The origin requests go to, e.g. `https://restapi.smsbat.com`. */
  get origin(): string {
    return this.#options.origin;
  }

  /** The base URL as configured (origin and path prefix, never credentials), e.g. `https://restapi.smsbat.com`. */
  get baseUrl(): string {
    return `${this.#options.origin}${this.#options.pathPrefix}`;
  }

  /** Replaces the credentials used by requests started from now on. */
  setCredentials(credentials: Credentials): void {
    this.#credentials = validateCredentials(credentials);
  }

  /** Fetches the current status of one message: `GET {prefix}/bat/message/{id}`. */
  async getStatus(messageId: string, signal?: AbortSignal): Promise<StatusSnapshot> {
    const path = this.#pathFor(messageId);
    signal?.throwIfAborted();
    if (this.#closing !== null)
      throw new Error('SmsbatClient was closed; create a new one to check statuses');

    // The credentials this request sends: an error must mask these even if setCredentials replaces them meanwhile.
    const sent = this.#credentials;
    const { timeoutMs } = this.#options;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const onCallerAbort = (): void => {
      controller.abort(signal?.reason);
    };
    signal?.addEventListener('abort', onCallerAbort, { once: true });

    try {
      const response = await this.#pool.request({
        method: 'GET',
        path,
        headers: { accept: 'application/json', 'user-agent': USER_AGENT, ...authHeaders(sent) },
        signal: controller.signal,
      });
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      const bodyText = await readBody(response.body, this.#options.maxResponseBytes, ok, response.statusCode);
      return interpretResponse(
        messageId,
        response.statusCode,
        response.headers,
        bodyText,
        Date.now(),
        secretsFor(sent, this.#credentials),
        this.baseUrl,
      );
    } catch (error) {
      if (signal?.aborted === true) throw signal.reason;
      if (error instanceof SmsbatError) throw withoutSecrets(error, secretsFor(sent, this.#credentials));
      // The caller did not abort, so an aborted controller means our timer fired.
      if (controller.signal.aborted || isUndiciTimeout(error)) {
        throw new TimeoutError(`SMSBAT at ${this.#options.origin} did not answer within ${timeoutMs} ms`, {
          cause: error,
        });
      }
      throw new NetworkError(describeTransportFailure(error, this.#options.origin), { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Waits for requests in flight, then closes the connections. Later `getStatus` calls fail. */
  close(): Promise<void> {
    this.#closing ??= this.#pool.close();
    return this.#closing;
  }

  #pathFor(messageId: string): string {
    if (typeof messageId !== 'string' || messageId.trim() === '') {
      throw new TypeError(`Expected \`messageId\` to be a non-empty string, got ${describeValue(messageId)}`);
    }
    let segment: string;
    try {
      segment = encodeMessageIdSegment(messageId);
    } catch {
      throw new TypeError(
        `Expected \`messageId\` to be well-formed text, got ${describeValue(messageId)} (it has a lone surrogate)`,
      );
    }
    return `${this.#options.pathPrefix}/bat/message/${segment}`;
  }
}

/** The forms of each set of credentials, worked out once (every response is masked with them). */
const secretForms = new WeakMap<Credentials, readonly string[]>();

/** Every form of the secrets of the credentials a request sent and of the current ones. */
function secretsFor(sent: Credentials, current: Credentials): string[] {
  const forms = (credentials: Credentials): readonly string[] => {
    let found = secretForms.get(credentials);
    if (found === undefined) {
      found = secretsOf(credentials);
      secretForms.set(credentials, found);
    }
    return found;
  };
  if (sent === current) return [...forms(sent)];
  return [...new Set([...forms(sent), ...forms(current)])].sort((a, b) => b.length - a.length);
}

/** The body of a response, as undici gives it. */
type Body = AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown };

/**
 * Reads at most `maxBytes` of a body as UTF-8. A larger successful response fails with `InvalidResponseError`; a
 * larger error response is cut short, since only its first bytes can hold a useful message.
 */
async function readBody(
  body: Body,
  maxBytes: number,
  mustBeComplete: boolean,
  httpStatus: number,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    if (total + chunk.byteLength > maxBytes) {
      body.destroy();
      if (mustBeComplete) {
        throw new InvalidResponseError(
          `SMSBAT sent a status response larger than ${maxBytes} bytes (HTTP ${httpStatus}); stopped reading`,
          { httpStatus },
        );
      }
      chunks.push(chunk.subarray(0, maxBytes - total));
      break;
    }
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Masks the credentials' secrets in a finished error message: a last safeguard, since error bodies and headers
 * are already masked before they are read and shortened.
 */
function withoutSecrets(error: SmsbatError, secrets: readonly string[]): SmsbatError {
  error.message = maskSecrets(error.message, secrets);
  return error;
}

const UNDICI_TIMEOUTS = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function isUndiciTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    UNDICI_TIMEOUTS.has(error.code)
  );
}
