import { describe, expect, it } from 'vitest';
import { Connection, type ClientConfig } from '../../../../electron/core/engine/connection';
import type { StatusClient } from '../../../../electron/core/status-client';
import { snapshotOf } from '../../../fakes/scripted-status-client';

class ClosableClient implements StatusClient {
  closed = false;
  constructor(readonly config: ClientConfig) {}
  getStatus(messageId: string) {
    return Promise.resolve(snapshotOf(messageId, 'delivered'));
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

function connection() {
  const built: ClosableClient[] = [];
  const source = {
    createClient: (config: ClientConfig) => {
      const client = new ClosableClient(config);
      built.push(client);
      return client;
    },
    credentials: { method: 'api-key-header', apiKey: 'key-1' } as const,
  };
  return { built, connection: new Connection(source, 'https://restapi.smsbat.com') };
}

describe('Connection', () => {
  it('closes each client it replaces, and the last one when closed', () => {
    const { built, connection: conn } = connection();
    conn.connect();
    conn.setCredentials({ method: 'api-key-header', apiKey: 'key-2' });
    expect(built.map((client) => client.closed)).toEqual([true, false]);
    conn.close();
    expect(built.map((client) => client.closed)).toEqual([true, true]);
  });

  it('a prepared change is not used until committed, and discarding it closes its client', () => {
    const { built, connection: conn } = connection();
    conn.connect();
    const pending = conn.prepare('http://127.0.0.1:9', 'basic-api-key');
    expect(built[1]?.config).toEqual({
      baseUrl: 'http://127.0.0.1:9',
      credentials: { method: 'basic-api-key', apiKey: 'key-1' },
    });
    pending.discard();
    expect(built.map((client) => client.closed)).toEqual([false, true]);
    conn.setCredentials({ method: 'api-key-header', apiKey: 'key-3' });
    expect(built[2]?.config.baseUrl).toBe('https://restapi.smsbat.com');
  });

  it('cannot turn an API key into a user name and password', () => {
    const { connection: conn } = connection();
    expect(conn.authMethodProblem('basic')?.setting).toBe('authMethod');
    expect(conn.authMethodProblem('basic-api-key')).toBeNull();
    conn.setCredentials(null);
    expect(conn.authMethodProblem('basic')).toBeNull();
    expect(conn.connect()).toBeNull();
  });
});
