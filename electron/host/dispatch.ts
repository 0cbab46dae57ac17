import {
  isRequestName,
  parseRequest,
  type ContractResult,
  type RequestHandlers,
  type RequestName,
} from '../../shared/contract';
import { toContractError } from './contract-errors';

/** Called with what a handler threw, for the host's log (the caller still gets a typed `failed` result). */
export type HandlerErrorSink = (name: RequestName, error: unknown) => void;

/**
 * Runs one request: validates the payload with the contract's schema, calls the handler, and returns a
 * `ContractResult`. Never throws: a bad payload is `invalid_request`, a handler's error is a typed error.
 */
export async function dispatch<N extends RequestName>(
  handlers: RequestHandlers,
  name: N,
  payload: unknown,
  onHandlerError?: HandlerErrorSink,
): Promise<ContractResult<N>> {
  const parsed = parseRequest(name, payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    const handler: RequestHandlers[N] = handlers[name];
    return { ok: true, value: await handler(parsed.payload) };
  } catch (error) {
    onHandlerError?.(name, error);
    return { ok: false, error: toContractError(error) };
  }
}

/** Like `dispatch`, for a name that came off the wire: an unknown name is an `invalid_request` result. */
export function dispatchUnknown(
  handlers: RequestHandlers,
  name: unknown,
  payload: unknown,
  onHandlerError?: HandlerErrorSink,
): Promise<ContractResult<RequestName>> {
  if (!isRequestName(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 60)) : typeof name;
    return Promise.resolve({
      ok: false,
      error: { kind: 'invalid_request', message: `Unknown request ${shown}.` },
    });
  }
  return dispatch(handlers, name, payload, onHandlerError);
}
