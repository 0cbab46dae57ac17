import { afterEach, describe, expect, it } from 'vitest';
import { peakPerSecond } from '../../../bench/stats';
import type { EngineHealth } from '../../../shared/engine-health';
import type { StatusSnapshot } from '../../../shared/message';
import { SmsbatClient } from '../../../electron/core/client';
import { RateLimitedError } from '../../../electron/core/errors';
import { MonitorEngine, type MonitorEngineOptions } from '../../../electron/core/monitor-engine';
import {
  UNKNOWN_STATUSES,
  startSimulator,
  type RunningSimulator,
  type StartSimulatorOptions,
} from '../../../electron/core/simulator';
import type { StatusClient } from '../../../electron/core/status-client';

/** Wraps the real client to see, from the engine's side, when each request started and when 429s came back. */
class ObservedClient implements StatusClient {
  readonly starts: { id: string; at: number }[] = [];
  readonly rateLimitedAt: number[] = [];
  constructor(readonly inner: SmsbatClient) {}

  async getStatus(messageId: string, signal?: AbortSignal): Promise<StatusSnapshot> {
    this.starts.push({ id: messageId, at: Date.now() });
    try {
      return await this.inner.getStatus(messageId, signal);
    } catch (error) {
      if (error instanceof RateLimitedError) this.rateLimitedAt.push(Date.now());
      throw error;
    }
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(options: StartSimulatorOptions): Promise<RunningSimulator> {
  const running = await startSimulator(options);
  cleanups.push(() => running.close());
  return running;
}

function engineFor(url: string, apiKey: string, options: Partial<MonitorEngineOptions> = {}) {
  const inner = new SmsbatClient({
    baseUrl: url,
    credentials: { method: 'api-key-header', apiKey },
    timeoutMs: 1500,
  });
  const client = new ObservedClient(inner);
  const health: EngineHealth[] = [];
  const engine = new MonitorEngine({
    client,
    initialIntervalMs: 1000,
    maxIntervalMs: 2000,
    maxGlobalBackoffMs: 2000,
    ...options,
  });
  engine.onHealth((state) => health.push(state));
  cleanups.push(async () => {
    await engine.stop();
    await inner.close();
  });
  return { engine, client, health };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('engine against the simulator over HTTP', () => {
  it('brings every id to its final status through errors, resets, garbage and 429s, within its rate caps', async () => {
    const sim = await simulator({
      seed: 11,
      timeScale: 0.05,
      faults: {
        errorRates: { 503: 0.08, 500: 0.04 },
        rateLimitedRate: 0.05,
        retryAfterSeconds: 1,
        resetRate: 0.04,
        malformedRate: 0.04,
        wrongTypesRate: 0.03,
        slowRate: 0.05,
        slowMs: 400,
      },
    });
    const { engine, client } = engineFor(sim.url, sim.simulator.credentials.apiKey, {
      maxRequestsPerSecond: 20,
      concurrency: 4,
    });
    await engine.start();
    const ids = [
      ...Array.from({ length: 30 }, (_, i) => `fast-${i}`),
      ...Array.from({ length: 5 }, (_, i) => `undeliverable-${i}`),
    ];
    engine.watch(ids, { label: 'faults' });
    await until(() => engine.messages().every((message) => message.phase === 'final'), 40_000);

    const messages = engine.messages();
    expect(messages).toHaveLength(35);
    expect(messages.filter((message) => message.snapshot?.kind === 'delivered')).toHaveLength(30);
    expect(messages.filter((message) => message.snapshot?.kind === 'failed')).toHaveLength(5);
    // The faults really happened, and the engine rode through them.
    const faults = new Set(sim.simulator.requests().map((request) => request.fault));
    expect(faults).toContain('reset');
    expect(peakPerSecond(client.starts.map((start) => start.at))).toBeLessThanOrEqual(20);
    for (const id of ids) {
      const starts = client.starts.filter((start) => start.id === id).map((start) => start.at);
      for (let i = 1; i < starts.length; i += 1) {
        expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(999);
      }
    }
    // After each 429 (Retry-After: 1) no request starts for a second.
    for (const limitedAt of client.rateLimitedAt) {
      const tooSoon = client.starts.filter((start) => start.at > limitedAt && start.at < limitedAt + 990);
      expect(tooSoon).toEqual([]);
    }
  });

  it('rides through hangs, 429s without Retry-After and undocumented statuses, losing no id', async () => {
    const sim = await simulator({
      seed: 14,
      timeScale: 0.05,
      faults: { hangRate: 0.05, rateLimitedRate: 0.05, retryAfterSeconds: null, unknownStatusRate: 0.3 },
    });
    const { engine, client } = engineFor(sim.url, sim.simulator.credentials.apiKey, {
      maxRequestsPerSecond: 20,
      concurrency: 6,
    });
    await engine.start();
    const ids = Array.from({ length: 30 }, (_, i) => `fast-${i}`);
    engine.watch(ids);
    await until(() => engine.messages().every((message) => message.phase === 'final'), 45_000);

    expect(engine.messages().map((message) => message.id)).toEqual(ids);
    // Each message settled on the real delivery, not on an undocumented status mistaken for a final one.
    expect(engine.messages().map((message) => message.snapshot?.rawStatus)).toEqual(
      ids.map(() => 'delivered'),
    );
    const faults = sim.simulator.requests().map((request) => request.fault);
    expect(faults).toContain('hang');
    expect(faults).toContain('unknown-status');
    // An undocumented status is kept as SMSBAT sent it and shown as unknown.
    const undocumented = engine
      .messages()
      .flatMap((message) => message.history)
      .filter((entry) => (UNKNOWN_STATUSES as readonly string[]).includes(entry.rawStatus));
    expect(undocumented.length).toBeGreaterThan(0);
    expect(undocumented.every((entry) => entry.kind === 'unknown')).toBe(true);
    expect(peakPerSecond(client.starts.map((start) => start.at))).toBeLessThanOrEqual(20);
  });

  it('stops asking when credentials are rejected, says so, and carries on once they change', async () => {
    const sim = await simulator({ seed: 12, timeScale: 0.05, faults: { rejectAllAuth: true } });
    const { engine, client, health } = engineFor(sim.url, sim.simulator.credentials.apiKey);
    await engine.start();
    engine.watch(Array.from({ length: 20 }, (_, i) => `fast-${i}`));
    await until(() => health.some((state) => state.blocker?.kind === 'credentials_rejected'), 5_000);
    const requestsWhenRejected = client.starts.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(client.starts.length).toBe(requestsWhenRejected);
    expect(requestsWhenRejected).toBeLessThanOrEqual(4);
    expect(engine.health.blocker).toMatchObject({ kind: 'credentials_rejected' });

    sim.simulator.setFaults({});
    engine.credentialsChanged();
    await until(() => engine.messages().every((message) => message.phase === 'final'), 20_000);
    expect(engine.messages()).toHaveLength(20);
  });

  it('reports offline when SMSBAT cannot be reached and resumes by itself when it comes back', async () => {
    const first = await startSimulator({ seed: 13 });
    const port = Number(new URL(first.url).port);
    const { engine, health } = engineFor(first.url, first.simulator.credentials.apiKey, {
      offlineAfterFailures: 2,
    });
    await engine.start();
    const ids = Array.from({ length: 6 }, (_, i) => `stuck-${i}`);
    engine.watch(ids);
    await until(() => engine.messages().every((message) => message.snapshot !== null), 5_000);

    await first.close();
    await until(() => engine.health.blocker?.kind === 'offline', 10_000);
    const offline = health.find((state) => state.blocker?.kind === 'offline')?.blocker;
    expect(offline?.kind === 'offline' ? offline.message : '').toMatch(/refused|ECONNREFUSED|connect/i);

    const second = await simulator({ seed: 13, port });
    await until(() => engine.health.mode === 'running' && engine.health.blocker === null, 10_000);
    await until(() => ids.every((id) => second.simulator.firstSeenAt(id) !== null), 10_000);
    expect(engine.messages().map((message) => message.id)).toEqual(ids);
  });
});
