import type { StatusSnapshot } from '../../../shared/message';
import {
  AuthError,
  InvalidResponseError,
  NotFoundError,
  RateLimitedError,
  RequestRejectedError,
  ServerError,
  WrongBaseUrlError,
  type SmsbatErrorDetails,
} from '../errors';
import { describeForeignBody, httpStatusText, isSmsbatNotFoundBody, parseErrorBody } from './error-body';
import { DEFAULT_BASE_URL } from './options';
import { describeSchemaError, statusResponseSchema, toSnapshot } from './response-schema';
import { parseRetryAfter } from './retry-after';
import { maskSecrets } from '../secret-mask';

/** Response headers as undici or node:http give them (names in any case). */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Turns one HTTP response to `GET /bat/message/{id}` into a snapshot, or throws the matching `SmsbatError`:
 * 401/403 `AuthError`, 404 `NotFoundError` (or `WrongBaseUrlError` when the 404 is not SMSBAT's: see
 * `isSmsbatNotFoundBody`), 429 `RateLimitedError` (with `Retry-After`), 5xx `ServerError`,
 * other 4xx `RequestRejectedError`, and `InvalidResponseError` for a 2xx that is not the status JSON.
 * Pure apart from `nowMs`, which only matters for a `Retry-After` given as a date.
 *
 * `secrets` (see `secretsOf`) are masked in an error response's body and headers before anything is read from
 * them, and in every text of a successful status after its kind is read (so the kind never changes).
 * `baseUrl` is the address the request went to, named by `WrongBaseUrlError`.
 */
export function interpretResponse(
  messageId: string,
  httpStatus: number,
  headers: ResponseHeaders,
  bodyText: string,
  nowMs: number = Date.now(),
  secrets: readonly string[] = [],
  baseUrl: string = DEFAULT_BASE_URL,
): StatusSnapshot {
  if (httpStatus >= 200 && httpStatus < 300) return parseStatusBody(messageId, httpStatus, bodyText, secrets);
  if (httpStatus === 404 && !isSmsbatNotFoundBody(bodyText)) {
    // The message leaves the address out: the error carries it as `baseUrl`, and every report names it.
    throw new WrongBaseUrlError(
      `HTTP 404 with ${describeForeignBody(bodyText)} instead of SMSBAT's JSON, so the address is wrong, not ` +
        'the message id.',
      { httpStatus, baseUrl },
    );
  }

  const said = parseErrorBody(httpStatus, bodyText, secrets);
  const details: SmsbatErrorDetails = { httpStatus, apiCode: said.apiCode };
  const words = `${said.message} (HTTP ${httpStatus}${said.apiCode === null ? '' : `, code ${said.apiCode}`})`;

  if (httpStatus === 401) throw new AuthError(`SMSBAT rejected the credentials: ${words}`, details);
  if (httpStatus === 403) {
    throw new AuthError(
      `SMSBAT refused access (no permission, or the account is suspended): ${words}`,
      details,
    );
  }
  if (httpStatus === 404)
    throw new NotFoundError(`SMSBAT does not know message ${quote(messageId)}: ${words}`, details);
  if (httpStatus === 429) {
    const retryAfter = headerValue(headers, 'retry-after');
    const retryAfterMs = parseRetryAfter(
      retryAfter === undefined ? undefined : maskSecrets(retryAfter, secrets),
      nowMs,
    );
    const when = retryAfterMs === null ? '' : `; retry after ${formatSeconds(retryAfterMs)}`;
    throw new RateLimitedError(`SMSBAT is limiting the request rate${when}: ${words}`, {
      ...details,
      retryAfterMs,
    });
  }
  if (httpStatus >= 500 && httpStatus < 600)
    throw new ServerError(`SMSBAT failed to answer: ${words}`, details);
  if (httpStatus >= 400 && httpStatus < 500)
    throw new RequestRejectedError(`SMSBAT rejected the request: ${words}`, details);
  throw new InvalidResponseError(
    `SMSBAT answered with an unexpected HTTP ${httpStatus} ${httpStatusText(httpStatus)}; check the base URL`,
    details,
  );
}

/**
 * Validates a successful status body (text) and normalises it; throws `InvalidResponseError` saying, in one line,
 * what was wrong. Throws nothing else, whatever the input.
 */
export function parseStatusBody(
  messageId: string,
  httpStatus: number,
  bodyText: string,
  secrets: readonly string[] = [],
): StatusSnapshot {
  const details: SmsbatErrorDetails = { httpStatus, apiCode: null };
  const text = bodyText.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new InvalidResponseError(`SMSBAT sent an empty status response (HTTP ${httpStatus})`, details);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // The SyntaxError is not kept as the cause: its message quotes the body, which may echo credentials.
    throw new InvalidResponseError(
      `SMSBAT sent a status response that is not JSON (HTTP ${httpStatus})`,
      details,
    );
  }
  return validateStatusBody(messageId, httpStatus, body, secrets);
}

/**
 * Validates an already decoded status body and normalises it; throws `InvalidResponseError` saying what was
 * wrong. Throws nothing else, whatever the input.
 */
export function validateStatusBody(
  messageId: string,
  httpStatus: number,
  body: unknown,
  secrets: readonly string[] = [],
): StatusSnapshot {
  const details: SmsbatErrorDetails = { httpStatus, apiCode: null };
  let problem: string;
  try {
    const result = statusResponseSchema.safeParse(body);
    if (result.success) return toSnapshot(messageId, result.data, secrets);
    problem = describeSchemaError(result.error);
  } catch (error) {
    // Exotic inputs (not from JSON.parse) could make validation itself fail; report them the same way.
    throw new InvalidResponseError(
      `SMSBAT sent a status response that could not be read (HTTP ${httpStatus})`,
      {
        ...details,
        cause: error,
      },
    );
  }
  throw new InvalidResponseError(
    `SMSBAT sent an unexpected status response: ${problem} (HTTP ${httpStatus})`,
    details,
  );
}

/** The first value of a header, whatever the case of its name. */
function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function formatSeconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

function quote(messageId: string): string {
  const shown = messageId.length > 80 ? `${messageId.slice(0, 79)}…` : messageId;
  return JSON.stringify(shown);
}
