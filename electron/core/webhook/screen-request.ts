import type { WebhookRefusal } from './refusal-tally';
import { isSecretPath } from './webhook-secret';

/** What the receiver knows of a request before reading its body. */
export interface WebhookRequestHead {
  readonly method: string;
  readonly pathname: string;
  readonly contentType: string | undefined;
  /** The declared `Content-Length`, or null when the body is chunked. */
  readonly contentLength: number | null;
}

/** What the receiver is set to take. */
export interface WebhookScreen {
  readonly secret: string;
  readonly maxBodyBytes: number;
  /** Whether the rate limit has room for one more request now. */
  readonly withinRate: boolean;
}

/** `application/json`, with or without parameters, or a `+json` type. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

/**
 * Decides, from a request's head alone, whether to read its body or refuse it. In order: the secret path (else
 * 404, whatever the method, so the path is not revealed), the rate limit (429), `POST` (405), a JSON media type
 * (415), a declared length within the limit (413).
 */
export function screenWebhookRequest(
  head: WebhookRequestHead,
  screen: WebhookScreen,
): { readonly kind: 'read' } | { readonly kind: 'refuse'; readonly reason: WebhookRefusal } {
  if (!isSecretPath(head.pathname, screen.secret)) return { kind: 'refuse', reason: 'wrong_path' };
  if (!screen.withinRate) return { kind: 'refuse', reason: 'rate_limited' };
  if (head.method !== 'POST') return { kind: 'refuse', reason: 'wrong_method' };
  if (!isJsonMediaType(head.contentType)) return { kind: 'refuse', reason: 'not_json_type' };
  if (head.contentLength !== null && head.contentLength > screen.maxBodyBytes)
    return { kind: 'refuse', reason: 'too_large' };
  return { kind: 'read' };
}
