import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSimulator } from '../../../electron/core/simulator';
import { testConnection } from '../../../electron/host/connection-test';
import { dispatch } from '../../../electron/host/dispatch';
import { connectionFromEnvironment } from '../../../electron/host/environment-credentials';
import { startServicesKit } from './host-test-kit';

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
  it('moves saved credentials to the new address, and the window hears of it', async () => {
    const kit = await startServicesKit();
    await dispatch(kit.services.handlers, 'connect', {
      baseUrl: simulator.url,
      credentials: { method: 'api-key-header', apiKey: DEMO_CREDENTIALS.apiKey },
    });
    const infos: string[] = [];
    kit.services.subscribe((message) => {
      if (message.event === 'connection') infos.push(message.payload.baseUrl);
    });
    await dispatch(kit.services.handlers, 'updateSettings', {
      settings: { baseUrl: 'https://api.example.test' },
    });
    expect(infos).toEqual([simulator.url, 'https://api.example.test']);
    expect(await dispatch(kit.services.handlers, 'getConnection', {})).toMatchObject({
      value: { source: 'memory', baseUrl: 'https://api.example.test' },
    });
    await kit.close();
  });
});
