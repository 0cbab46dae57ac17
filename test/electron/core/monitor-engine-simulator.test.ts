import { afterEach, describe, expect, it } from 'vitest';
import { SmsbatClient } from '../../../electron/core/client';
import { MonitorEngine } from '../../../electron/core/monitor-engine';
import { startSimulator, type RunningSimulator } from '../../../electron/core/simulator';
import type { EngineFeedItem } from '../../../shared/engine-api';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(): Promise<RunningSimulator> {
  const running = await startSimulator({ seed: 3, timeScale: 0.05 });
  cleanups.push(() => running.close());
  return running;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An engine building real SmsbatClients, as the desktop app does. */
function engineOver(baseUrl: string) {
  const clients: SmsbatClient[] = [];
  const engine = new MonitorEngine({
    createClient: (config) => {
      const client = new SmsbatClient({ ...config, timeoutMs: 1500 });
      clients.push(client);
      return client;
    },
    baseUrl,
    initialIntervalMs: 1000,
    maxIntervalMs: 2000,
  });
  cleanups.push(async () => {
    await engine.stop().catch(() => undefined);
    await Promise.all(clients.map((client) => client.close()));
  });
  return engine;
}

describe('MonitorEngine over HTTP with real clients', () => {
  it('waits for credentials, holds on rejected ones, and finishes once the right ones arrive', async () => {
    const sim = await simulator();
    const engine = engineOver(sim.url);
    const feed: EngineFeedItem[] = [];
    engine.subscribe((item) => feed.push(item));
    await engine.start();
    const ids = Array.from({ length: 6 }, (_, i) => `fast-${i}`);
    engine.watch(ids);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.simulator.requests()).toHaveLength(0);
    expect(engine.snapshot().health.blocker?.kind).toBe('no_credentials');

    engine.setCredentials({ method: 'api-key-header', apiKey: 'wrong-key-9999' });
    await until(() => engine.snapshot().health.blocker?.kind === 'credentials_rejected', 5_000);

    const { apiKey } = sim.simulator.credentials;
    engine.setCredentials({ method: 'api-key-header', apiKey });
    engine.updateSettings({ authMethod: 'basic-api-key' });
    await until(() => engine.snapshot().messages.every((message) => message.phase === 'final'), 20_000);
    expect(engine.snapshot().health.blocker).toBeNull();
    const authorized = sim.simulator.requests().filter((request) => request.authorized);
    expect(authorized.length).toBeGreaterThan(0);
    expect(authorized.every((request) => request.auth === 'basic-api-key')).toBe(true);
    await engine.stop();
    expect(JSON.stringify([engine.snapshot(), feed])).not.toContain(apiKey);
    expect(JSON.stringify(feed)).not.toContain('wrong-key-9999');
  });
});
