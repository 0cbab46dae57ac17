import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsbatClient, type SmsbatClientOptions } from '../../../../electron/core/client';
import type { Credentials } from '../../../../electron/core/credentials';
import {
  AuthError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from '../../../../electron/core/errors';
import { UNKNOWN_STATUSES, startSimulator } from '../../../../electron/core/simulator';
import type { RunningSimulator } from '../../../../electron/core/simulator';

let running: RunningSimulator;
const clients: SmsbatClient[] = [];

beforeAll(async () => {
  running = await startSimulator({ seed: 7, rateLimit: null });
});

afterEach(async () => {
  running.simulator.setFaults({});
  running.simulator.clearRequests();
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

afterAll(async () => {
  await running.close();
});

function apiKey(): Credentials {
  return { method: 'api-key-header', apiKey: running.simulator.credentials.apiKey };
}

function clientFor(options: Partial<SmsbatClientOptions> = {}): SmsbatClient {
  const client = new SmsbatClient({ baseUrl: running.url, credentials: apiKey(), ...options });
  clients.push(client);
  return client;
}

describe('SmsbatClient against the simulator', () => {
  it.each([
    ['api-key-header', (): Credentials => apiKey()],
    [
      'basic',
      (): Credentials => ({
        method: 'basic',
        username: running.simulator.credentials.username,
        password: running.simulator.credentials.password,
      }),
    ],
    [
      'basic-api-key',
      (): Credentials => ({ method: 'basic-api-key', apiKey: running.simulator.credentials.apiKey }),
    ],
  ] as const)('signs in with %s and gets a status', async (method, credentials) => {
    const snapshot = await clientFor({ credentials: credentials() }).getStatus('abc123def456');
    expect(snapshot.messageId).toBe('abc123def456');
    expect(snapshot.rawStatus).not.toBe('');
    expect(running.simulator.requests()).toMatchObject([
      { method: 'GET', path: '/bat/message/abc123def456', auth: method, authorized: true, status: 200 },
    ]);
  });

  it('fails with AuthError for a wrong key, without revealing the key', async () => {
    const client = clientFor({ credentials: { method: 'api-key-header', apiKey: 'wrong-key-1234' } });
    const error = await client.getStatus('abc123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ httpStatus: 401 });
    expect(String(error)).not.toContain('wrong-key-1234');
  });

  it('uses new credentials after setCredentials', async () => {
    const client = clientFor({ credentials: { method: 'api-key-header', apiKey: 'wrong-key-1234' } });
    await expect(client.getStatus('abc123')).rejects.toBeInstanceOf(AuthError);
    client.setCredentials(apiKey());
    await expect(client.getStatus('abc123')).resolves.toMatchObject({ messageId: 'abc123' });
  });

  it('fails with AuthError when SMSBAT rejects every key', async () => {
    running.simulator.setFaults({ rejectAllAuth: true });
    await expect(clientFor().getStatus('abc123')).rejects.toMatchObject({ kind: 'auth', httpStatus: 401 });
  });

  it('fails with NotFoundError for an id SMSBAT does not know', async () => {
    const error = await clientFor()
      .getStatus('missing-42')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ httpStatus: 404 });
    expect((error as Error).message).toContain('missing-42');
  });

  it('fails with ServerError on a 503', async () => {
    running.simulator.setFaults({ errorRates: { 503: 1 } });
    await expect(clientFor().getStatus('abc123')).rejects.toSatisfy(
      (error) => error instanceof ServerError && error.httpStatus === 503,
    );
  });

  it('fails with RateLimitedError carrying Retry-After when sent', async () => {
    running.simulator.setFaults({ rateLimitedRate: 1, retryAfterSeconds: 3 });
    const error = await clientFor()
      .getStatus('abc123')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(3000);
  });

  it('fails with RateLimitedError without retryAfterMs when no Retry-After is sent', async () => {
    running.simulator.setFaults({ rateLimitedRate: 1 });
    const error = await clientFor()
      .getStatus('abc123')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeNull();
  });

  it('fails with InvalidResponseError for every kind of malformed body', async () => {
    running.simulator.setFaults({ malformedRate: 1 });
    const client = clientFor();
    // The simulator varies the fault per request (truncated JSON, HTML, empty, plain text).
    for (let i = 0; i < 8; i++) {
      await expect(client.getStatus(`abc${i}`)).rejects.toBeInstanceOf(InvalidResponseError);
    }
  });

  it('fails with InvalidResponseError for wrong types, but reads counts sent as numeric strings', async () => {
    running.simulator.setFaults({ wrongTypesRate: 1 });
    const client = clientFor();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 15 }, (_, i) => client.getStatus(`abc${i}`)),
    );
    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const outcome of rejected) expect(outcome.reason).toBeInstanceOf(InvalidResponseError);
    // One simulator variant only turns partscount into a string ("1"), which SMSBAT may legitimately send.
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') expect(typeof outcome.value.partsCount).toBe('number');
    }
  });

  it('keeps an undocumented status raw, with kind unknown', async () => {
    running.simulator.setFaults({ unknownStatusRate: 1 });
    const client = clientFor();
    const snapshots = await Promise.all(Array.from({ length: 12 }, (_, i) => client.getStatus(`abc${i}`)));
    expect(new Set(snapshots.map((snapshot) => snapshot.rawStatus))).toEqual(new Set(UNKNOWN_STATUSES));
    for (const snapshot of snapshots) expect(snapshot.kind).toBe('unknown');
  });

  it('fails with NetworkError when the connection is reset', async () => {
    running.simulator.setFaults({ resetRate: 1 });
    const error = await clientFor()
      .getStatus('abc123')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeDefined();
    expect((error as NetworkError).httpStatus).toBeNull();
  });

  it('fails with TimeoutError when SMSBAT never answers', async () => {
    running.simulator.setFaults({ hangRate: 1 });
    const started = Date.now();
    const error = await clientFor({ timeoutMs: 300 })
      .getStatus('abc123')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects with the abort reason, not a NetworkError, when the caller aborts', async () => {
    running.simulator.setFaults({ hangRate: 1 });
    const controller = new AbortController();
    const pending = clientFor().getStatus('abc123', controller.signal);
    setTimeout(() => {
      controller.abort();
    }, 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects at once for a signal that is already aborted, sending nothing', async () => {
    const reason = new Error('stopped');
    await expect(clientFor().getStatus('abc123', AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(running.simulator.requests()).toEqual([]);
  });

  it.each(['a:b.c', '..', '.', 'x;y', 'id-with_underscore.1:2'])(
    'sends the id %j as one intact path segment',
    async (id) => {
      const snapshot = await clientFor().getStatus(id);
      expect(snapshot.messageId).toBe(id);
      const [request] = running.simulator.requests();
      expect(request?.messageId).toBe(id);
      expect(request?.path).not.toContain('/.');
    },
  );

  it('sends an id with slashes, spaces and non-ASCII as one segment (SMSBAT then says not found)', async () => {
    await expect(clientFor().getStatus('../../etc/passwd ü')).rejects.toBeInstanceOf(NotFoundError);
    expect(running.simulator.requests()).toMatchObject([
      { path: '/bat/message/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd%20%C3%BC', messageId: '../../etc/passwd ü' },
    ]);
  });

  it('answers 50 sequential checks quickly over reused connections', async () => {
    const client = clientFor();
    const started = performance.now();
    for (let i = 0; i < 50; i++) await client.getStatus(`seq-${i}`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(running.simulator.requests()).toHaveLength(50);
  });

  it('runs concurrent checks', async () => {
    const client = clientFor({ connections: 4 });
    const ids = Array.from({ length: 20 }, (_, i) => `par-${i}`);
    const snapshots = await Promise.all(ids.map((id) => client.getStatus(id)));
    expect(snapshots.map((s) => s.messageId)).toEqual(ids);
  });
});

describe('SmsbatClient when nothing listens', () => {
  it('fails with NetworkError: connection refused', async () => {
    const closed = await startSimulator();
    const url = closed.url;
    await closed.close();
    const client = new SmsbatClient({
      baseUrl: url,
      credentials: { method: 'api-key-header', apiKey: 'k-1234' },
    });
    try {
      const error = await client.getStatus('abc123').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as Error).message).toMatch(/connection refused/);
      expect((error as Error).message).not.toContain('k-1234');
    } finally {
      await client.close();
    }
  });
});
