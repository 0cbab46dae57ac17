import { describe, it, expect } from 'vitest';
import { createClient, resolveBaseUrl } from '../../electron/cli/connection';
import { credentialsFromEnv } from '../../electron/cli/credentials-from-env';
import { maskSecrets } from '../../electron/core/client';
import { redactingIo, secretsFromEnv } from '../../electron/cli/redact';
import { UsageError } from '../../electron/cli/usage-error';
import { fakeIo } from './fake-io';

const KEY = 'key-0123456789-secret';

function envError(env: Record<string, string>): string {
  try {
    credentialsFromEnv(env);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('credentialsFromEnv', () => {
  it('reads an API key for the X-Authorization-Key header, trimming stray whitespace', () => {
    const result = credentialsFromEnv({ SMSBAT_API_KEY: ` ${KEY}\n` });
    expect(result.credentials).toEqual({ method: 'api-key-header', apiKey: KEY });
    expect(result.source).toMatch(/SMSBAT_API_KEY.*X-Authorization-Key/);
    expect(`${result.source} ${result.fix}`).not.toContain(KEY);
  });

  it('switches to Basic @:key with SMSBAT_AUTH=basic-api-key', () => {
    expect(credentialsFromEnv({ SMSBAT_API_KEY: KEY, SMSBAT_AUTH: 'basic-api-key' }).credentials).toEqual({
      method: 'basic-api-key',
      apiKey: KEY,
    });
  });

  it('reads a login for HTTP Basic, and prefers the API key when both are set', () => {
    const env = { SMSBAT_USERNAME: 'me', SMSBAT_PASSWORD: 'pass word' };
    expect(credentialsFromEnv(env).credentials).toEqual({
      method: 'basic',
      username: 'me',
      password: 'pass word',
    });
    expect(credentialsFromEnv({ ...env, SMSBAT_API_KEY: KEY }).credentials.method).toBe('api-key-header');
    expect(credentialsFromEnv({ ...env, SMSBAT_API_KEY: KEY, SMSBAT_AUTH: 'basic' }).credentials.method).toBe(
      'basic',
    );
  });

  it('explains missing or unusable credentials without showing them', () => {
    expect(envError({})).toMatch(/No SMSBAT credentials found\. Set SMSBAT_API_KEY.*smsbat-monitor demo/);
    expect(envError({ SMSBAT_API_KEY: '   ' })).toMatch(/No SMSBAT credentials/);
    expect(envError({ SMSBAT_USERNAME: 'me' })).toMatch(/SMSBAT_PASSWORD is not set/);
    expect(envError({ SMSBAT_PASSWORD: KEY })).toMatch(/SMSBAT_USERNAME is not set/);
    expect(envError({ SMSBAT_AUTH: 'oauth', SMSBAT_API_KEY: KEY })).toMatch(
      /SMSBAT_AUTH="oauth" is not an auth method/,
    );
    expect(envError({ SMSBAT_AUTH: 'basic-api-key' })).toMatch(/needs an API key/);
    const control = envError({ SMSBAT_API_KEY: `${KEY}\u0007x` });
    expect(control).toMatch(/SMSBAT_API_KEY cannot be used/);
    expect(control).not.toContain(KEY);
  });
});

describe('base URL', () => {
  it('prefers --base-url, then SMSBAT_BASE_URL, then SMSBAT default', () => {
    expect(resolveBaseUrl('http://a', { SMSBAT_BASE_URL: 'http://b' })).toEqual({
      url: 'http://a',
      source: '--base-url',
    });
    expect(resolveBaseUrl(null, { SMSBAT_BASE_URL: ' http://b ' })).toEqual({
      url: 'http://b',
      source: 'SMSBAT_BASE_URL',
    });
    expect(resolveBaseUrl(null, {})).toEqual({ url: 'https://restapi.smsbat.com', source: 'default' });
  });

  it('turns a bad URL into a usage error that hides a password typed into it', async () => {
    let message = '';
    try {
      const client = createClient(
        { url: 'https://user:hunter22@example.com', source: 'SMSBAT_BASE_URL' },
        {
          method: 'api-key-header',
          apiKey: KEY,
        },
      );
      await client.close();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      message = (error as UsageError).message;
    }
    expect(message).toMatch(/^SMSBAT_BASE_URL is not a usable address/);
    expect(message).not.toContain('hunter22');
  });
});

describe('redaction', () => {
  it('replaces the key and password from the environment in everything written', () => {
    const secrets = secretsFromEnv({ SMSBAT_API_KEY: KEY, SMSBAT_PASSWORD: 'pw' });
    expect(secrets).toContain(KEY);
    expect(secrets).not.toContain('pw'); // too-short secrets are left alone
    const basic = Buffer.from(`@:${KEY}`).toString('base64');
    expect(maskSecrets(`a ${KEY} b ${KEY.toUpperCase()} c ${basic}`, secrets)).toBe('a *** b *** c ***');
    const io = fakeIo({ env: { SMSBAT_API_KEY: KEY } });
    const safe = redactingIo(io);
    safe.stdout.write(`out ${KEY}`);
    safe.stderr.write(`err ${KEY}`);
    expect(io.out()).toBe('out ***');
    expect(io.err()).toBe('err ***');
  });
});
