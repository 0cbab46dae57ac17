import { STATUS_CODES } from 'node:http';

const MESSAGES: Readonly<Record<number, string>> = {
  400: 'The request is malformed.',
  401: 'Missing or invalid credentials.',
  403: 'Access denied: no permission, or the account is suspended.',
  404: 'Message not found.',
  405: 'Method not allowed: use GET.',
  415: 'Unsupported media type.',
  422: 'The request could not be processed.',
  429: 'Rate limit exceeded. Please slow down and retry later.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable.',
  504: 'Gateway timeout.',
};

const NUMERIC_CODES: Readonly<Record<number, number>> = {
  400: 1001,
  401: 1002,
  403: 1003,
  404: 1004,
  405: 1005,
  415: 1006,
  422: 1007,
  429: 1008,
  500: 2001,
  502: 2002,
  503: 2003,
  504: 2004,
};

const STRING_CODES: Readonly<Record<number, string>> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'MESSAGE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMIT_EXCEEDED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** The number of error body shapes SMSBAT documents. */
export const ERROR_SHAPE_COUNT = 3;

/**
 * The JSON text of an error body for an HTTP status, in one of SMSBAT's three documented shapes
 * (`shape` modulo 3): `{status, error, message, code}`, `{error: {code, message}}`, `{error, message, status}`.
 */
export function errorBody(status: number, shape: number): string {
  const text = STATUS_CODES[status] ?? 'Error';
  const message = MESSAGES[status] ?? `${text}.`;
  switch (shape % ERROR_SHAPE_COUNT) {
    case 0:
      return JSON.stringify({ status, error: text, message, code: NUMERIC_CODES[status] ?? status * 10 });
    case 1:
      return JSON.stringify({ error: { code: STRING_CODES[status] ?? `HTTP_${status}`, message } });
    default:
      return JSON.stringify({ error: text, message, status });
  }
}
