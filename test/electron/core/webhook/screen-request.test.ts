import { describe, expect, it } from 'vitest';
import { isJsonMediaType, screenWebhookRequest } from '../../../../electron/core/webhook/screen-request';
import {
  isSecretPath,
  newWebhookSecret,
  webhookPath,
} from '../../../../electron/core/webhook/webhook-secret';

const secret = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4';
const screen = { secret, maxBodyBytes: 64 * 1024, withinRate: true };
const post = {
  method: 'POST',
  pathname: webhookPath(secret),
  contentType: 'application/json',
  contentLength: 100,
};

describe('which webhook requests are read', () => {
  it('reads a JSON POST to the secret path within the limits', () => {
    expect(screenWebhookRequest(post, screen)).toEqual({ kind: 'read' });
    expect(screenWebhookRequest({ ...post, contentLength: null }, screen)).toEqual({ kind: 'read' });
  });

  it('answers 404 to any other path whatever the method, before anything else', () => {
    for (const pathname of [
      '/',
      '/webhook',
      `/webhook/${secret}x`,
      `/webhook/${secret.slice(0, -1)}`,
      `/${secret}`,
    ]) {
      expect(
        screenWebhookRequest({ ...post, pathname, method: 'GET' }, { ...screen, withinRate: false }),
      ).toEqual({
        kind: 'refuse',
        reason: 'wrong_path',
      });
    }
  });

  it('refuses over the rate limit, then other methods, then other media types', () => {
    expect(screenWebhookRequest({ ...post, method: 'GET' }, { ...screen, withinRate: false })).toMatchObject({
      reason: 'rate_limited',
    });
    expect(screenWebhookRequest({ ...post, method: 'PUT', contentType: 'text/plain' }, screen)).toMatchObject(
      {
        reason: 'wrong_method',
      },
    );
    expect(screenWebhookRequest({ ...post, contentType: 'text/plain' }, screen)).toMatchObject({
      reason: 'not_json_type',
    });
  });

  it('takes a declared body of exactly the limit and refuses one byte more', () => {
    expect(screenWebhookRequest({ ...post, contentLength: 64 * 1024 - 1 }, screen)).toEqual({ kind: 'read' });
    expect(screenWebhookRequest({ ...post, contentLength: 64 * 1024 }, screen)).toEqual({ kind: 'read' });
    expect(screenWebhookRequest({ ...post, contentLength: 64 * 1024 + 1 }, screen)).toMatchObject({
      reason: 'too_large',
    });
  });

  it('knows JSON media types', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonMediaType('application/vnd.smsbat+json')).toBe(true);
    expect(isJsonMediaType('text/json')).toBe(false);
    expect(isJsonMediaType('application/x-www-form-urlencoded')).toBe(false);
    expect(isJsonMediaType(undefined)).toBe(false);
  });
});

describe('the webhook secret', () => {
  it('is at least 128 bits of URL-safe randomness, new each time', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(a, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('matches only its own path', () => {
    expect(isSecretPath(webhookPath(secret), secret)).toBe(true);
    expect(isSecretPath(webhookPath(secret.toLowerCase()), secret)).toBe(false);
    expect(isSecretPath(`${webhookPath(secret)}/`, secret)).toBe(false);
  });
});
