import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The bytes of randomness in a webhook secret: 192 bits, well over the 128 a guess must not find. */
export const WEBHOOK_SECRET_BYTES = 24;

/** A new secret for the webhook's path: URL-safe, 32 characters. */
export function newWebhookSecret(): string {
  return randomBytes(WEBHOOK_SECRET_BYTES).toString('base64url');
}

/** The path SMSBAT posts to for a secret. */
export function webhookPath(secret: string): string {
  return `/webhook/${secret}`;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether a request's path is the secret path, compared in constant time: both are hashed first, so neither the
 * length nor the first differing character of the secret shows in how long the answer takes.
 */
export function isSecretPath(pathname: string, secret: string): boolean {
  return timingSafeEqual(digest(pathname), digest(webhookPath(secret)));
}
