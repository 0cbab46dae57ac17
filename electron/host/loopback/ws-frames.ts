import type { ContractResult, RequestName } from '../../../shared/contract';

/** A request frame from the window: `{id, name, payload}`. */
export interface RequestFrame {
  readonly id: string | number;
  readonly name: unknown;
  readonly payload: unknown;
}

/** The answer to one request frame. */
export interface ResponseFrame {
  readonly id: string | number | null;
  readonly result: ContractResult<RequestName>;
}

/** Reads one text frame: a request, or the error to send back (with the frame's id when it had one). */
export function parseRequestFrame(
  text: string,
): { ok: true; frame: RequestFrame } | { ok: false; response: ResponseFrame } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: invalidFrame(null, 'The frame is not JSON.') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, response: invalidFrame(null, 'The frame is not a {id, name, payload} object.') };
  }
  const { id, name, payload } = value as Record<string, unknown>;
  if ((typeof id !== 'string' || id.length > 64) && (typeof id !== 'number' || !Number.isSafeInteger(id))) {
    return {
      ok: false,
      response: invalidFrame(null, 'The frame has no id (a number, or a string of up to 64 characters).'),
    };
  }
  return { ok: true, frame: { id, name, payload } };
}

function invalidFrame(id: string | number | null, message: string): ResponseFrame {
  return { id, result: { ok: false, error: { kind: 'invalid_request', message } } };
}
