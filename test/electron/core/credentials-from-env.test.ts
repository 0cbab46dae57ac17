import { describe, it, expect } from 'vitest';
import { credentialsFromEnv, EnvCredentialsError } from '../../../electron/core/credentials-from-env';

const KEY = 'key-0123456789-secret';

function envError(env: Record<string, string>): string {
  try {
    credentialsFromEnv(env);
  } catch (error) {
    if (error instanceof EnvCredentialsError) return error.message;
    throw error;
  }
  throw new Error('expected an EnvCredentialsError');
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
