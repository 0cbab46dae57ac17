import { describe, it, expect } from 'vitest';
import { createClient, resolveBaseUrl } from '../../electron/cli/connection';
import { maskSecrets } from '../../electron/core/client';
import { redactingIo, secretsFromEnv } from '../../electron/cli/redact';
import { UsageError } from '../../electron/cli/usage-error';
import { fakeIo } from './fake-io';

const KEY = 'key-0123456789-secret';

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
