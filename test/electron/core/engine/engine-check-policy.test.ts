import { describe, expect, it } from 'vitest';
import { InProcessSimulatorClient } from '../../../../bench/in-process-client';
import { MemoryProfileStore } from '../../../../electron/core/learning';
import { MonitorEngine } from '../../../../electron/core/monitor-engine';
import { createSimulator } from '../../../../electron/core/simulator';
import { VirtualClock } from '../../../../electron/core/virtual-clock';

async function runOnce(store: MemoryProfileStore, ids: readonly string[]) {
  const clock = new VirtualClock();
  const simulator = createSimulator({ clock, seed: 11, rateLimit: null });
  const engine = new MonitorEngine({
    client: new InProcessSimulatorClient(simulator, clock, 80),
    clock,
    profileStore: store,
    maxRequestsPerSecond: 10,
  });
  await engine.start();
  const restored = engine.learnedProfile();
  for (const id of ids) {
    simulator.markSent(id, clock.now());
    engine.watch([id]);
  }
  await clock.advanceBy(30 * 60_000);
  const finals = engine.messages().filter((message) => message.phase === 'final').length;
  await engine.stop();
  return { restored, finals, requests: simulator.requests().length };
}

describe('the engine check policy', () => {
  it('learns by default, saves the profile at stop and starts the next run from it', async () => {
    const store = new MemoryProfileStore();
    const first = await runOnce(
      store,
      Array.from({ length: 100 }, (_, i) => `run1-${i}`),
    );
    expect(first.finals).toBeGreaterThan(80);
    const saved = store.profile;
    expect(saved).not.toBeNull();
    const events = (saved?.mixes.sms.events ?? []).reduce((a, b) => a + b, 0);
    const viberEvents = (saved?.mixes['viber-fallback'].events ?? []).reduce((a, b) => a + b, 0);
    expect(events + viberEvents).toBeGreaterThan(80);

    const second = await runOnce(store, ['run2-0']);
    // The second run started warm: what it learned before was there before its first check.
    const restoredEvents = (second.restored?.mixes.sms.events ?? []).reduce((a, b) => a + b, 0);
    expect(restoredEvents).toBeGreaterThan(0);
  });

  it('starts cold when the saved profile cannot be read, and a failed save does not fail the stop', async () => {
    const clock = new VirtualClock();
    const simulator = createSimulator({ clock, seed: 2, rateLimit: null });
    const errors: unknown[] = [];
    const engine = new MonitorEngine({
      client: new InProcessSimulatorClient(simulator, clock, 80),
      clock,
      profileStore: {
        load: () => Promise.reject(new Error('unreadable')),
        save: () => Promise.reject(new Error('disk full')),
      },
      onStoreError: (error) => errors.push(error),
    });
    await engine.start();
    simulator.markSent('one', clock.now());
    engine.watch(['one']);
    await clock.advanceBy(5 * 60_000);
    await expect(engine.stop()).resolves.toBeUndefined();
    expect(errors.map((error) => (error as Error).message)).toEqual(['unreadable', 'disk full']);
  });

  it('keeps the backoff as an option, and refuses a policy it does not know', () => {
    const clock = new VirtualClock();
    const client = { getStatus: () => Promise.reject(new Error('unused')) };
    const backoff = new MonitorEngine({ client, clock, checkPolicy: 'backoff' });
    expect(backoff.learnedProfile()).toBeNull();
    expect(
      () => new MonitorEngine({ client, clock, checkPolicy: 'psychic' as unknown as 'backoff' }),
    ).toThrow(/checkPolicy/);
  });
});
