import type { CheckErrorKind } from '../../shared/message';

/** Details every SMSBAT failure carries: the HTTP status (when there was a response) and SMSBAT's own words. */
export interface SmsbatErrorDetails {
  readonly httpStatus?: number | null;
  /** The `code` from SMSBAT's error body, when it sent one. */
  readonly apiCode?: string | number | null;
  readonly cause?: unknown;
}

/** Base class of every failure of a status check. `kind` says which subclass without `instanceof`. */
export abstract class SmsbatError extends Error {
  abstract readonly kind: CheckErrorKind;
  readonly httpStatus: number | null;
  readonly apiCode: string | number | null;

  constructor(message: string, details: SmsbatErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.httpStatus = details.httpStatus ?? null;
    this.apiCode = details.apiCode ?? null;
  }
}

/** 401 or 403: the credentials are missing, wrong, lack permission, or the account is suspended. Never retried. */
export class AuthError extends SmsbatError {
  readonly kind = 'auth' as const;
}

/** 404: SMSBAT does not know this message id (yet: a just-sent id may take a moment to appear). */
export class NotFoundError extends SmsbatError {
  readonly kind = 'not_found' as const;
}

/** 429: too many requests. `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export class RateLimitedError extends SmsbatError {
  readonly kind = 'rate_limited' as const;
  readonly retryAfterMs: number | null;

  constructor(message: string, details: SmsbatErrorDetails & { readonly retryAfterMs?: number | null } = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

/** 5xx: SMSBAT failed to answer; worth retrying later. */
export class ServerError extends SmsbatError {
  readonly kind = 'server' as const;
}

/** Other 4xx (400, 415, 422...): SMSBAT refused the request itself; retrying the same request will not help. */
export class RequestRejectedError extends SmsbatError {
  readonly kind = 'request_rejected' as const;
}

/** No response at all: DNS, refused or reset connection, TLS failure. */
export class NetworkError extends SmsbatError {
  readonly kind = 'network' as const;
}

/** The request took longer than the client's timeout. */
export class TimeoutError extends SmsbatError {
  readonly kind = 'timeout' as const;
}

/** A 2xx response that is not the status JSON we expect: not JSON, wrong types, too large. */
export class InvalidResponseError extends SmsbatError {
  readonly kind = 'invalid_response' as const;
}

/**
 * The base URL answered, but not like SMSBAT (a 404 with an HTML page, say): the address is wrong, not the ids.
 * Holds every check until the base URL changes, like rejected credentials.
 */
export class WrongBaseUrlError extends SmsbatError {
  readonly kind = 'wrong_base_url' as const;
  /** The base URL that answered, safe to show (it never carries credentials). */
  readonly baseUrl: string;

  constructor(message: string, details: SmsbatErrorDetails & { readonly baseUrl: string }) {
    super(message, details);
    this.baseUrl = details.baseUrl;
  }
}

/** True for the failures that mean "we could not reach SMSBAT", as opposed to SMSBAT answering with an error. */
export function isConnectivityError(error: unknown): error is NetworkError | TimeoutError {
  return error instanceof NetworkError || error instanceof TimeoutError;
}
