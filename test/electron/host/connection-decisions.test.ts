import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../shared/credentials';
import {
  afterBaseUrlChange,
  connectionInfo,
  credentialOrigin,
  sameOrigin,
  startingState,
  type ConnectionState,
} from '../../../electron/host/connection-decisions';

const KEY: Credentials = { method: 'api-key-header', apiKey: 'secret-key-1234' };
const OTHER_KEY: Credentials = { method: 'basic', username: 'ops', password: 'secret-password' };
const SMSBAT = 'https://restapi.smsbat.com';

const saved = (baseUrl: string, credentials: Credentials = KEY): ConnectionState => ({
  source: 'keychain',
  connection: { baseUrl, credentials },
  baseUrl,
  authMethod: credentials.method,
  reason: null,
});

describe('credentialOrigin: what credentials are bound to', () => {
  it('is scheme, host and port, whatever the path', () => {
    expect(credentialOrigin('https://restapi.smsbat.com')).toBe(SMSBAT);
    expect(credentialOrigin('https://restapi.smsbat.com/')).toBe(SMSBAT);
    expect(credentialOrigin('https://restapi.smsbat.com/v2/bat')).toBe(SMSBAT);
    expect(credentialOrigin('HTTPS://RestApi.SMSBAT.com')).toBe(SMSBAT);
  });

  it('drops the default port only: 443 is the same origin, 444 and 442 are not', () => {
    expect(credentialOrigin('https://restapi.smsbat.com:443')).toBe(SMSBAT);
    expect(credentialOrigin('https://restapi.smsbat.com:444')).toBe('https://restapi.smsbat.com:444');
    expect(credentialOrigin('https://restapi.smsbat.com:442')).toBe('https://restapi.smsbat.com:442');
    expect(credentialOrigin('http://127.0.0.1:80')).toBe('http://127.0.0.1');
  });

  it('tells http from https, and a subdomain from its parent', () => {
    expect(sameOrigin('http://restapi.smsbat.com', SMSBAT)).toBe(false);
    expect(sameOrigin('https://evil.restapi.smsbat.com', SMSBAT)).toBe(false);
    expect(sameOrigin('https://restapi.smsbat.com.evil.test', SMSBAT)).toBe(false);
    expect(sameOrigin(`${SMSBAT}/a`, `${SMSBAT}/b`)).toBe(true);
  });

  it('is null for what is not an http(s) URL, which then matches nothing', () => {
    expect(credentialOrigin('not a url')).toBeNull();
    expect(credentialOrigin('ftp://restapi.smsbat.com')).toBeNull();
    expect(credentialOrigin('file:///etc/passwd')).toBeNull();
    expect(sameOrigin('not a url', 'not a url')).toBe(false);
  });
});

describe('startingState', () => {
  const base = { baseUrl: SMSBAT, authMethod: null, persistent: true } as const;

  it('lets the environment win over saved credentials', () => {
    const environment = { baseUrl: 'http://127.0.0.1:9', credentials: OTHER_KEY };
    expect(startingState({ ...base, environment, saved: KEY })).toMatchObject({
      source: 'environment',
      connection: environment,
    });
  });

  it('uses what is saved for the base URL, from the keychain or memory', () => {
    expect(startingState({ ...base, environment: null, saved: KEY })).toEqual(saved(SMSBAT));
    expect(startingState({ ...base, persistent: false, environment: null, saved: KEY }).source).toBe(
      'memory',
    );
  });

  it('without saved credentials waits, keeping the saved method for the form', () => {
    expect(startingState({ ...base, authMethod: 'basic', environment: null, saved: null })).toEqual({
      source: 'none',
      connection: null,
      baseUrl: SMSBAT,
      authMethod: 'basic',
      reason: 'not-connected',
    });
  });
});

describe('afterBaseUrlChange', () => {
  it('lets the credentials follow within the same origin', () => {
    expect(afterBaseUrlChange(saved(SMSBAT), `${SMSBAT}/v2`, null, true)).toEqual(saved(`${SMSBAT}/v2`));
  });

  it('never takes them to another origin: no credentials, and the reason says why', () => {
    const next = afterBaseUrlChange(saved(SMSBAT), 'https://api.example.test', null, true);
    expect(next).toEqual({
      source: 'none',
      connection: null,
      baseUrl: 'https://api.example.test',
      authMethod: 'api-key-header',
      reason: 'new-address',
    });
    expect(JSON.stringify(next)).not.toContain('secret-key-1234');
  });

  it('not even to the same host on another port or scheme', () => {
    expect(
      afterBaseUrlChange(saved(SMSBAT), 'https://restapi.smsbat.com:8443', null, true).connection,
    ).toBeNull();
    expect(afterBaseUrlChange(saved(SMSBAT), 'http://restapi.smsbat.com', null, true).connection).toBeNull();
  });

  it('uses the credentials saved for the new origin', () => {
    const next = afterBaseUrlChange(saved(SMSBAT), 'http://127.0.0.1:4010', OTHER_KEY, false);
    expect(next).toEqual({
      source: 'memory',
      connection: { baseUrl: 'http://127.0.0.1:4010', credentials: OTHER_KEY },
      baseUrl: 'http://127.0.0.1:4010',
      authMethod: 'basic',
      reason: null,
    });
  });

  it('keeps saying "new address" while moving on without credentials, and "not connected" when there never were any', () => {
    const moved = afterBaseUrlChange(saved(SMSBAT), 'https://a.example.test', null, true);
    expect(afterBaseUrlChange(moved, 'https://b.example.test', null, true).reason).toBe('new-address');
    const never = startingState({
      environment: null,
      baseUrl: SMSBAT,
      authMethod: null,
      saved: null,
      persistent: true,
    });
    expect(afterBaseUrlChange(never, 'https://b.example.test', null, true).reason).toBe('not-connected');
  });

  it('leaves the environment and the demo where they are', () => {
    const environment: ConnectionState = { ...saved('http://127.0.0.1:9'), source: 'environment' };
    expect(afterBaseUrlChange(environment, 'https://a.example.test', null, true)).toEqual({
      ...environment,
      baseUrl: 'https://a.example.test',
    });
    const demo: ConnectionState = { ...saved('http://127.0.0.1:1'), source: 'demo' };
    expect(afterBaseUrlChange(demo, 'https://a.example.test', KEY, true).connection).toEqual(demo.connection);
  });
});

describe('connectionInfo: what the window learns', () => {
  it('says who and where, the method, never the secret', () => {
    const info = connectionInfo(saved(SMSBAT, OTHER_KEY), true);
    expect(info).toEqual({
      source: 'keychain',
      signedInAs: 'user ops',
      baseUrl: SMSBAT,
      authMethod: 'basic',
      noCredentialsReason: null,
      demo: false,
      persistent: true,
    });
    expect(JSON.stringify(info)).not.toContain('secret-password');
  });

  it('without credentials gives the saved base URL and method for the form, the reason, and whether a keychain answers', () => {
    const none = afterBaseUrlChange(saved(SMSBAT), 'https://a.example.test', null, true);
    expect(connectionInfo(none, true)).toMatchObject({
      source: 'none',
      signedInAs: null,
      baseUrl: 'https://a.example.test',
      authMethod: 'api-key-header',
      noCredentialsReason: 'new-address',
      persistent: true,
    });
    expect(connectionInfo(none, false).persistent).toBe(false);
  });

  it('calls memory not persistent even while a keychain answers, and the demo persistent', () => {
    expect(connectionInfo({ ...saved(SMSBAT), source: 'memory' }, true).persistent).toBe(false);
    const demo: ConnectionState = { ...saved('http://127.0.0.1:1'), source: 'demo', authMethod: 'basic' };
    expect(connectionInfo(demo, false)).toMatchObject({ demo: true, persistent: true, authMethod: 'basic' });
  });
});
