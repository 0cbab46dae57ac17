import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSimulator } from '../../../electron/core/simulator';
import { testConnection } from '../../../electron/host/connection-test';
import { dispatch } from '../../../electron/host/dispatch';
import { connectionFromEnvironment } from '../../../electron/host/environment-credentials';
import { rm } from 'node:fs/promises';
import type { ConnectionInfo } from '../../../shared/contract';
import { InMemorySecretStore } from '../../../electron/host/secret-store';
import { startServicesKit, tempDir } from './host-test-kit';

type Running = Awaited<ReturnType<typeof startSimulator>>;
let simulator: Running;

beforeAll(async () => {
  simulator = await startSimulator({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await simulator.close();
});

describe('Test connection, against the simulator over HTTP', () => {
  it('reports success and who the credentials sign in as', async () => {
    const result = await testConnection({
      baseUrl: simulator.url,
      credentials: { method: 'api-key-header', apiKey: DEMO_CREDENTIALS.apiKey },
    });
    expect(result).toEqual({ ok: true, signedInAs: 'API key ending 0000' });
    const basic = await testConnection({
      baseUrl: simulator.url,
      credentials: {
        method: 'basic',
        username: DEMO_CREDENTIALS.username,
        password: DEMO_CREDENTIALS.password,
      },
    });
    expect(basic).toEqual({ ok: true, signedInAs: 'user demo' });
  });

  it('reports rejected credentials, never echoing the secret', async () => {
    const result = await testConnection({
      baseUrl: simulator.url,
      credentials: { method: 'api-key-header', apiKey: 'wrong-key-123456' },
    });
    expect(result).toMatchObject({ ok: false, kind: 'credentials_rejected' });
    expect(JSON.stringify(result)).not.toContain('wrong-key-123456');
  });

  it('reports an address where nothing answers', async () => {
    const closed = await startSimulator({ host: '127.0.0.1', port: 0 });
    await closed.close();
    const result = await testConnection(
      { baseUrl: closed.url, credentials: { method: 'api-key-header', apiKey: DEMO_CREDENTIALS.apiKey } },
      2_000,
    );
    expect(result).toMatchObject({ ok: false, kind: 'offline' });
  });
});

describe('where the credentials come from', () => {
  it('reads the environment like the CLI, and says when it cannot use it', () => {
    expect(connectionFromEnvironment({})).toEqual({ kind: 'none' });
    expect(
      connectionFromEnvironment({ SMSBAT_API_KEY: 'k-1234', SMSBAT_BASE_URL: 'http://127.0.0.1:9' }),
    ).toEqual({
      kind: 'ok',
      connection: {
        baseUrl: 'http://127.0.0.1:9',
        credentials: { method: 'api-key-header', apiKey: 'k-1234' },
      },
    });
    const unusable = connectionFromEnvironment({ SMSBAT_USERNAME: 'me' });
    expect(unusable.kind).toBe('unusable');
    expect(unusable.kind === 'unusable' && unusable.message).toMatch(/SMSBAT_PASSWORD/);
  });

  it('lets the environment win, says so, and will not disconnect it', async () => {
    const kit = await startServicesKit({
      env: { SMSBAT_API_KEY: 'env-key-9876', SMSBAT_BASE_URL: simulator.url },
    });
    expect(await dispatch(kit.services.handlers, 'getConnection', {})).toEqual({
      ok: true,
      value: {
        source: 'environment',
        signedInAs: 'API key ending 9876',
        baseUrl: simulator.url,
        authMethod: 'api-key-header',
        noCredentialsReason: null,
        demo: false,
        persistent: true,
      },
    });
    expect(kit.engine.connections.at(-1)?.credentials).toEqual({
      method: 'api-key-header',
      apiKey: 'env-key-9876',
    });
    expect(await dispatch(kit.services.handlers, 'disconnect', {})).toMatchObject({
      ok: false,
      error: { kind: 'not_allowed' },
    });
    expect(await dispatch(kit.services.handlers, 'startDemo', {})).toMatchObject({
      ok: false,
      error: { kind: 'not_allowed' },
    });
    await kit.close();
  });

  it('keeps typed-in credentials in memory, says they will not survive a restart, and forgets them', async () => {
    const kit = await startServicesKit();
    const connections: unknown[] = [];
    kit.services.subscribe((message) => {
      if (message.event === 'connection') connections.push(message.payload);
    });
    const connected = await dispatch(kit.services.handlers, 'connect', {
      baseUrl: simulator.url,
      credentials: { method: 'basic', username: 'demo', password: 'demo-password' },
    });
    expect(connected).toEqual({
      ok: true,
      value: {
        source: 'memory',
        signedInAs: 'user demo',
        baseUrl: simulator.url,
        authMethod: 'basic',
        noCredentialsReason: null,
        demo: false,
        persistent: false,
      },
    });
    expect(JSON.stringify(connected)).not.toContain('demo-password');
    expect(kit.engine.connections.at(-1)?.baseUrl).toBe(simulator.url);
    const gone = await dispatch(kit.services.handlers, 'disconnect', {});
    expect(gone).toMatchObject({ ok: true, value: { source: 'none', signedInAs: null } });
    expect(kit.engine.connections.at(-1)).toBeNull();
    expect(connections).toHaveLength(3); // on subscribe, after connect, after disconnect
    await kit.close();
  });

  it('leaves the demo when the person connects, forgetting the demo messages', async () => {
    const closed: string[] = [];
    const kit = await startServicesKit({
      startDemoSimulator: () =>
        Promise.resolve({
          url: 'http://127.0.0.1:1',
          apiKey: 'demo-key-0000',
          close: () => {
            closed.push('demo');
            return Promise.resolve();
          },
        }),
    });
    const demo = await dispatch(kit.services.handlers, 'startDemo', {});
    expect(demo).toMatchObject({
      ok: true,
      value: { source: 'demo', demo: true, baseUrl: 'http://127.0.0.1:1' },
    });
    expect(kit.engine.snapshot().messages.length).toBeGreaterThan(5);
    expect(kit.engine.snapshot().messages.every((m) => m.label === 'demo')).toBe(true);
    await dispatch(kit.services.handlers, 'connect', {
      baseUrl: simulator.url,
      credentials: { method: 'api-key-header', apiKey: DEMO_CREDENTIALS.apiKey },
    });
    expect(kit.engine.snapshot().messages).toEqual([]);
    expect(closed).toEqual(['demo']);
    await kit.close();
  });
});

describe('problems at start', () => {
  it('reports unusable environment credentials and starts without them', async () => {
    const kit = await startServicesKit({ env: { SMSBAT_AUTH: 'telepathy', SMSBAT_API_KEY: 'k-1' } });
    expect(kit.problems).toEqual([
      expect.stringMatching(/^Ignoring SMSBAT credentials in the environment: SMSBAT_AUTH/),
    ]);
    expect(kit.problems[0]).not.toContain('k-1');
    expect(kit.services.handlers.getConnection({})).toMatchObject({ source: 'none' });
    await kit.close();
  });
});

describe('changing the base URL in the settings', () => {
  const OTHER = 'https://api.example.test';

  it('never sends saved credentials to a new address: the window is asked for credentials for it', async () => {
    const store = new InMemorySecretStore();
    const kit = await startServicesKit({ secretStore: store });
    await dispatch(kit.services.handlers, 'connect', {
      baseUrl: simulator.url,
      credentials: { method: 'api-key-header', apiKey: DEMO_CREDENTIALS.apiKey },
    });
    const infos: ConnectionInfo[] = [];
    kit.services.subscribe((message) => {
      if (message.event === 'connection') infos.push(message.payload);
    });
    const sentWith = kit.engine.connections.length;
    await dispatch(kit.services.handlers, 'updateSettings', { settings: { baseUrl: OTHER } });

    // No connection with the key was ever handed to the engine for the new address.
    const after = kit.engine.connections.slice(sentWith);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((connection) => connection === null)).toBe(true);
    expect(infos.at(-1)).toMatchObject({
      source: 'none',
      signedInAs: null,
      baseUrl: OTHER,
      authMethod: 'api-key-header',
      noCredentialsReason: 'new-address',
    });
    expect(await store.load(OTHER)).toBeNull();
    await kit.close();
  });

  it('uses the credentials saved for an address again when the base URL goes back to it', async () => {
    const store = new InMemorySecretStore();
    const kit = await startServicesKit({ secretStore: store });
    const key = { method: 'api-key-header', apiKey: DEMO_CREDENTIALS.apiKey } as const;
    await dispatch(kit.services.handlers, 'connect', { baseUrl: simulator.url, credentials: key });
    await dispatch(kit.services.handlers, 'updateSettings', { settings: { baseUrl: OTHER } });
    await dispatch(kit.services.handlers, 'connect', {
      baseUrl: OTHER,
      credentials: { method: 'basic', username: 'other', password: 'other-password' },
    });
    await dispatch(kit.services.handlers, 'updateSettings', { settings: { baseUrl: simulator.url } });

    expect(kit.engine.connections.at(-1)).toEqual({ baseUrl: simulator.url, credentials: key });
    expect(await dispatch(kit.services.handlers, 'getConnection', {})).toMatchObject({
      value: { source: 'memory', signedInAs: `API key ending ${key.apiKey.slice(-4)}` },
    });
    await kit.close();
  });

  it('keeps the credentials for another path on the same origin', async () => {
    const kit = await startServicesKit();
    await dispatch(kit.services.handlers, 'connect', {
      baseUrl: simulator.url,
      credentials: { method: 'api-key-header', apiKey: DEMO_CREDENTIALS.apiKey },
    });
    await dispatch(kit.services.handlers, 'updateSettings', {
      settings: { baseUrl: `${simulator.url}/smsbat` },
    });
    expect(kit.engine.connections.at(-1)?.baseUrl).toBe(`${simulator.url}/smsbat`);
    expect(kit.services.handlers.getConnection({})).toMatchObject({
      source: 'memory',
      baseUrl: `${simulator.url}/smsbat`,
    });
    await kit.close();
  });

  it('keeps the credentials where they were when the engine refuses the new settings', async () => {
    const kit = await startServicesKit();
    const key = { method: 'api-key-header', apiKey: DEMO_CREDENTIALS.apiKey } as const;
    await dispatch(kit.services.handlers, 'connect', { baseUrl: simulator.url, credentials: key });
    const before = kit.services.handlers.getConnection({});
    const refused = await dispatch(kit.services.handlers, 'updateSettings', {
      settings: { baseUrl: OTHER, rateCapPerSecond: 1000 },
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_settings' } });
    expect(kit.services.handlers.getConnection({})).toEqual(before);
    expect(kit.engine.connections.at(-1)).toEqual({ baseUrl: simulator.url, credentials: key });
    await kit.close();
  });
});

describe('after a restart', () => {
  it('resumes with the credentials saved for the saved base URL, and tells the window the address and method', async () => {
    const store = new InMemorySecretStore();
    const dataDir = await tempDir();
    const first = await startServicesKit({ secretStore: store, dataDir });
    await dispatch(first.services.handlers, 'connect', {
      baseUrl: simulator.url,
      credentials: { method: 'basic', username: 'demo', password: 'demo-password' },
    });
    await first.close();

    const second = await startServicesKit({ secretStore: store, dataDir });
    expect(second.engine.connections.at(-1)).toEqual({
      baseUrl: simulator.url,
      credentials: { method: 'basic', username: 'demo', password: 'demo-password' },
    });
    expect(second.services.handlers.getConnection({})).toMatchObject({
      source: 'memory',
      baseUrl: simulator.url,
      authMethod: 'basic',
    });
    await second.close();

    await store.delete(new URL(simulator.url).origin);
    const third = await startServicesKit({ secretStore: store, dataDir });
    expect(third.engine.connections.at(-1)).toBeNull();
    expect(third.services.handlers.getConnection({})).toEqual({
      source: 'none',
      signedInAs: null,
      baseUrl: simulator.url,
      authMethod: 'basic',
      noCredentialsReason: 'not-connected',
      demo: false,
      persistent: false,
    });
    await third.close();
    await rm(dataDir, { recursive: true, force: true });
  });
});
