import {
  AuthError,
  NotFoundError,
  RateLimitedError,
  SmsbatError,
  WrongBaseUrlError,
  isConnectivityError,
} from '../errors';
import type { CredentialsState } from './global-holds';

/** How the scheduler treats a failed check. */
export type FailureHandling =
  | { readonly kind: 'blocker'; readonly credentials: CredentialsState }
  | { readonly kind: 'rate_limited'; readonly retryAfterMs: number | null }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'connectivity' }
  | { readonly kind: 'other' };

/**
 * Sorts a failure: rejected credentials and a wrong base URL block every check until the client changes; a 429
 * pauses every request; a 404 counts against the id; a connection failure may mean offline; anything else backs
 * off the id alone.
 */
export function handlingOf(error: SmsbatError): FailureHandling {
  if (error instanceof WrongBaseUrlError) {
    return {
      kind: 'blocker',
      credentials: { kind: 'wrong_base_url', baseUrl: error.baseUrl, message: error.message },
    };
  }
  if (error instanceof AuthError) {
    return { kind: 'blocker', credentials: { kind: 'credentials_rejected', message: error.message } };
  }
  if (error instanceof RateLimitedError) return { kind: 'rate_limited', retryAfterMs: error.retryAfterMs };
  if (error instanceof NotFoundError) return { kind: 'not_found' };
  if (isConnectivityError(error)) return { kind: 'connectivity' };
  return { kind: 'other' };
}

/** Anything thrown by a client that is not an SmsbatError (a bug, an abort) becomes one, backing off the id. */
export function asSmsbatError(error: unknown): SmsbatError {
  if (error instanceof SmsbatError) return error;
  return new UnexpectedFailure(error instanceof Error ? error.message : String(error), { cause: error });
}

class UnexpectedFailure extends SmsbatError {
  readonly kind = 'network' as const;
}
