import { STATUS_CODES } from 'node:http';
import { maskSecrets } from '../secret-mask';

/** What an error response said, in SMSBAT's words when its body could be read. */
export interface ErrorBodyInfo {
  /** SMSBAT's message, or the HTTP status text when the body said nothing usable. */
  readonly message: string;
  /** The `code` from the body (e.g. 1001 or "INVALID_RECIPIENT"), when there was one. */
  readonly apiCode: string | number | null;
  /** True when `message` came from the body rather than from the HTTP status text. */
  readonly fromBody: boolean;
}

const MAX_MESSAGE_CHARS = 300;

/** The standard text for an HTTP status ("Service Unavailable"), or `HTTP 599` for codes without one. */
export function httpStatusText(httpStatus: number): string {
  return STATUS_CODES[httpStatus] ?? `HTTP ${httpStatus}`;
}

/**
 * Reads any of SMSBAT's three documented error bodies: `{status, error, message, code}`,
 * `{error: {code, message}}` and `{error, message, status}`. Falls back to the HTTP status text when the body is
 * empty, not JSON or unrecognised. Never throws.
 *
 * `secrets` (see `secretsOf`) are masked in the raw text and again in each decoded string, before the message is
 * shortened: a secret cut in half by the shortening could no longer be recognised.
 */
export function parseErrorBody(
  httpStatus: number,
  bodyText: string,
  secrets: readonly string[] = [],
): ErrorBodyInfo {
  const fallback: ErrorBodyInfo = { message: httpStatusText(httpStatus), apiCode: null, fromBody: false };
  let body: unknown;
  try {
    body = JSON.parse(maskSecrets(bodyText, secrets).replace(/^\uFEFF/, ''));
  } catch {
    return fallback;
  }
  if (!isRecord(body)) return fallback;

  const text = (value: unknown): string | null =>
    cleanText(typeof value === 'string' ? maskSecrets(value, secrets) : value);
  const nested = isRecord(body.error) ? body.error : null;
  const message =
    text(nested?.message) ??
    text(body.message) ??
    text(typeof body.error === 'string' ? body.error : undefined);
  const apiCode = codeOf(nested?.code, text) ?? codeOf(body.code, text);
  if (message === null) return { ...fallback, apiCode };
  return { message, apiCode, fromBody: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed single line of at most MAX_MESSAGE_CHARS, or null when there is no text. */
function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Server text ends up in a one-line UI field: no control characters, no runs of whitespace.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const text = value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  if (text === '') return null;
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

function codeOf(value: unknown, text: (value: unknown) => string | null): string | number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') return text(value);
  return null;
}

/**
 * Whether a 404 came from SMSBAT itself ("no such message") rather than from some other server at the base URL.
 * SMSBAT's error bodies are JSON objects carrying `error` (a string, or an object with a `code` or `message`) in
 * one of its three documented shapes; a 404 with such a body is SMSBAT's. So is a 404 with an empty body: that
 * is no evidence of another server, and holding every check because one id drew an empty 404 would be worse
 * than reporting that id not found. Anything else (an HTML page, plain text, JSON of another shape) means the
 * address is not SMSBAT's API.
 */
export function isSmsbatNotFoundBody(bodyText: string): boolean {
  const text = bodyText.replace(/^\uFEFF/, '').trim();
  if (text === '') return true;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isRecord(body)) return false;
  const { error } = body;
  if (typeof error === 'string') return error.trim() !== '';
  if (!isRecord(error)) return false;
  return (
    (typeof error.message === 'string' && error.message.trim() !== '') ||
    (typeof error.code === 'string' && error.code.trim() !== '') ||
    (typeof error.code === 'number' && Number.isFinite(error.code))
  );
}

/** A few words on what a body that is not SMSBAT's JSON looks like: "an HTML page", "JSON of another API"... */
export function describeForeignBody(bodyText: string): string {
  const text = bodyText.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('<')) return 'an HTML page';
  try {
    JSON.parse(text);
    return 'JSON that is not an SMSBAT error';
  } catch {
    return 'text that is not JSON';
  }
}
