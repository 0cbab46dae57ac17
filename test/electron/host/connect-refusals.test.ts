import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../shared/credentials';
import { ConnectionManager, ConnectRefusedError } from '../../../electron/host/connection-manager';
import { dispatch } from '../../../electron/host/dispatch';
import { InMemorySecretStore } from '../../../electron/host/secret-store';
import { FakeHostEngine } from '../../fakes/fake-host-engine';
import { startServicesKit } from './host-test-kit';

const SAVED_AT = 'http://127.0.0.1:4010';
const SAVED: Credentials = { method: 'api-key-header', apiKey: 'saved-key-1234' };

/** A store that refuses to save when told to (a keychain that fails half way). */
class FlakyStore extends InMemorySecretStore {
  failSaves = false;

  override save(origin: string, credentials: Credentials): Promise<void> {
    if (this.failSaves) return Promise.reject(new Error('The store refused to save.'));
    return super.save(origin, credentials);
  }
}

async function demoKit() {
  const closed: string[] = [];
  const store = new FlakyStore();
  const kit = await startServicesKit({
    secretStore: store,
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
  expect(
    await dispatch(kit.services.handlers, 'connect', { baseUrl: SAVED_AT, credentials: SAVED }),
  ).toMatchObject({ ok: true });
  await dispatch(kit.services.handlers, 'startDemo', {});
  return { kit, store, closed };
}

describe('a refused connect changes nothing', () => {
  const refusals: readonly {
    readonly kind: string;
    readonly payload: { baseUrl: string; credentials: Credentials };
    readonly setUp?: (kit: Awaited<ReturnType<typeof demoKit>>) => void;
    readonly errorKind: string;
    readonly message: RegExp;
  }[] = [
    {
      kind: 'a user name and password in the base URL',
      payload: {
        baseUrl: 'http://user:pass-secret@127.0.0.1:4020',
        credentials: { method: 'api-key-header', apiKey: 'new-key-5678' },
      },
      errorKind: 'invalid_request',
      message: /without a user name, password/,
    },
    {
      kind: 'an address that is not http or https',
      payload: {
        baseUrl: 'ftp://127.0.0.1:4020',
        credentials: { method: 'api-key-header', apiKey: 'new-key-5678' },
      },
      errorKind: 'invalid_request',
      message: /http or https address/,
    },
    {
      kind: 'a base URL with a query',
      payload: {
        baseUrl: 'http://127.0.0.1:4020/?key=pass-secret',
        credentials: { method: 'api-key-header', apiKey: 'new-key-5678' },
      },
      errorKind: 'invalid_request',
      message: /query or fragment/,
    },
    {
      kind: 'a user name the engine cannot send',
      payload: {
        baseUrl: 'http://127.0.0.1:4020',
        credentials: { method: 'basic', username: 'a:b', password: 'pass-secret' },
      },
      errorKind: 'failed',
      message: /credentials\.username/,
    },
    {
      kind: 'the engine refusing the connection',
      payload: {
        baseUrl: 'http://127.0.0.1:4020',
        credentials: { method: 'api-key-header', apiKey: 'pass-secret' },
      },
      setUp: ({ kit }) => {
        kit.engine.refuseConnections = new Error('The engine refused the address.');
      },
      errorKind: 'failed',
      message: /engine refused/,
    },
    {
      kind: 'the secret store failing to save',
      payload: {
        baseUrl: 'http://127.0.0.1:4020',
        credentials: { method: 'api-key-header', apiKey: 'pass-secret' },
      },
      setUp: ({ store }) => {
        store.failSaves = true;
      },
      errorKind: 'failed',
      message: /refused to save/,
    },
  ];

  for (const refusal of refusals) {
    it(`with ${refusal.kind}: store, demo, engine and connection info as they were`, async () => {
      const running = await demoKit();
      const { kit, store, closed } = running;
      const before = kit.services.handlers.getConnection({});
      const engineConnection = kit.engine.connections.at(-1);
      const messages = kit.engine.snapshot().messages.length;
      const settingsBefore = JSON.stringify(await dispatch(kit.services.handlers, 'getSettings', {}));
      refusal.setUp?.(running);

      const result = await dispatch(kit.services.handlers, 'connect', refusal.payload);

      expect(result).toMatchObject({ ok: false, error: { kind: refusal.errorKind } });
      expect(JSON.stringify(result)).toMatch(refusal.message);
      expect(JSON.stringify(result)).not.toContain('pass-secret');
      expect(kit.services.handlers.getConnection({})).toEqual(before);
      expect(JSON.stringify(kit.services.handlers.getConnection({}))).not.toContain('pass-secret');
      expect(kit.engine.connections.at(-1)).toEqual(engineConnection);
      expect(kit.engine.snapshot().messages).toHaveLength(messages);
      expect(closed).toEqual([]);
      expect(await store.load(SAVED_AT)).toEqual(SAVED);
      expect(await store.load('http://127.0.0.1:4020')).toBeNull();
      expect(JSON.stringify(await dispatch(kit.services.handlers, 'getSettings', {}))).toBe(settingsBefore);
      await kit.close();
    });
  }
});

describe('the base URL setting', () => {
  it('refuses a user name and password in the address, without repeating it', async () => {
    const kit = await startServicesKit();
    const result = await dispatch(kit.services.handlers, 'updateSettings', {
      settings: { baseUrl: 'https://user:pass-secret@api.example.test' },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(JSON.stringify(result)).toMatch(/without a user name, password/);
    expect(JSON.stringify(result)).not.toContain('pass-secret');
    await kit.close();
  });
});

describe('the connection manager on its own (a host that skips the contract schema)', () => {
  it('refuses an address with a user name and password before touching the engine or the store', async () => {
    const engine = new FakeHostEngine();
    const store = new InMemorySecretStore();
    const infos: unknown[] = [];
    const manager = new ConnectionManager({
      engine,
      secretStore: store,
      environment: null,
      startDemoSimulator: () => Promise.reject(new Error('no demo here')),
      testConnection: () => Promise.reject(new Error('no tests here')),
      onChange: (info) => infos.push(info),
    });
    await manager.init();
    const before = manager.info();
    const calls = engine.connections.length;
    await expect(
      manager.connect({ baseUrl: 'http://user:pass-secret@127.0.0.1:4020', credentials: SAVED }),
    ).rejects.toThrow(ConnectRefusedError);
    await expect(
      manager.connect({ baseUrl: 'http://user:pass-secret@127.0.0.1:4020', credentials: SAVED }),
    ).rejects.not.toThrow(/pass-secret/);
    expect(manager.info()).toEqual(before);
    expect(engine.connections).toHaveLength(calls);
    expect(infos).toHaveLength(1);
    expect(await store.load('http://127.0.0.1:4020')).toBeNull();
  });
});
