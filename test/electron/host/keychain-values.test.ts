import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../shared/credentials';
import {
  decodeCredentials,
  encodeCredentials,
  KEYCHAIN_SERVICES,
  KeychainSecretStore,
  noKeychainMessage,
} from '../../../electron/host/keychain-secret-store';

describe('what a keychain entry holds', () => {
  const every: readonly Credentials[] = [
    { method: 'api-key-header', apiKey: 'k-1234' },
    { method: 'basic-api-key', apiKey: 'k-5678' },
    { method: 'basic', username: 'ops', password: 'p@ss "quoted" ✓' },
  ];

  it('round-trips each auth method as JSON', () => {
    for (const credentials of every)
      expect(decodeCredentials(encodeCredentials(credentials))).toEqual(credentials);
  });

  it('keeps only the fields of the method', () => {
    const extra = { method: 'api-key-header', apiKey: 'k-1', password: 'stray' } as unknown as Credentials;
    expect(JSON.parse(encodeCredentials(extra))).toEqual({ method: 'api-key-header', apiKey: 'k-1' });
  });

  it('reads anything else as nothing saved', () => {
    for (const text of [
      '',
      'not json',
      'null',
      '[]',
      '{"method":"telepathy"}',
      '{"method":"basic","username":"a"}',
    ])
      expect(decodeCredentials(text)).toBeNull();
  });
});

describe('the no-keychain line', () => {
  it('names what the keychain said and what follows, on one line', () => {
    const line = noKeychainMessage(new Error('DBus error: no bus\nmore detail'));
    expect(line).toBe(
      'No OS keychain answered (DBus error: no bus): credentials are kept for this session only.',
    );
  });

  it('masks every secret it is given, and says something when the error says nothing', () => {
    expect(noKeychainMessage(new Error('refused {"apiKey":"k-9"} k-9'), ['{"apiKey":"k-9"}', 'k-9'])).toBe(
      'No OS keychain answered (refused *** ***): credentials are kept for this session only.',
    );
    expect(noKeychainMessage(new Error(''))).toContain('(no reason given)');
  });

  it('cuts a long reason at 200 characters: 200 stays, 201 is cut', () => {
    const reasonOf = (line: string) => /\((.*)\):/.exec(line)?.[1] ?? '';
    expect(reasonOf(noKeychainMessage(new Error('x'.repeat(200))))).toHaveLength(200);
    expect(reasonOf(noKeychainMessage(new Error('x'.repeat(201))))).toBe(`${'x'.repeat(199)}…`);
  });
});

describe('the keychain service names', () => {
  it('keep released and development credentials apart', () => {
    expect(KEYCHAIN_SERVICES.release).not.toBe(KEYCHAIN_SERVICES.development);
  });

  it('refuses an empty service name, naming the option', () => {
    expect(() => new KeychainSecretStore({ service: '' })).toThrow(/`service`/);
  });
});
