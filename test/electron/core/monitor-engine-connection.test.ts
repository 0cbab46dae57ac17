import { describe, expect, it } from 'vitest';
import { MonitorEngine, SettingsError } from '../../../electron/core/monitor-engine';
import { VirtualClock } from '../../../electron/core/virtual-clock';
import { apiKey, keyedFactory } from './engine/engine-test-kit';

function engineWith(credentials: Parameters<typeof apiKey>[0] | null, random = () => 0.5) {
  const clock = new VirtualClock();
  const factory = keyedFactory(clock, 'good-key-1234');
  const engine = new MonitorEngine({
    createClient: factory.createClient,
    credentials: credentials === null ? null : apiKey(credentials),
    clock,
    random,
  });
  return { clock, factory, engine };
}

describe('MonitorEngine credentials and settings', () => {
  it('setCredentials() replaces rejected credentials and lifts the hold in one call', async () => {
    const { clock, factory, engine } = engineWith('wrong-key-0000');
    await engine.start();
    engine.watch(['a', 'b']);
    await clock.advanceBy(5_000);
    expect(engine.snapshot().health.blocker?.kind).toBe('credentials_rejected');
    engine.setCredentials(apiKey('good-key-1234'));
    await clock.advanceBy(5_000);
    expect(engine.snapshot().messages.map((message) => message.phase)).toEqual(['final', 'final']);
    expect(engine.snapshot().health.blocker).toBeNull();
    expect(factory.configs.map((config) => config.credentials)).toEqual([
      apiKey('wrong-key-0000'),
      apiKey('good-key-1234'),
    ]);
  });

  it('a new base URL or auth method rebuilds the client with the same key', async () => {
    const { factory, engine } = engineWith('good-key-1234');
    await engine.start();
    const settings = engine.updateSettings({
      baseUrl: 'http://127.0.0.1:9/api',
      authMethod: 'basic-api-key',
    });
    expect(settings).toMatchObject({ baseUrl: 'http://127.0.0.1:9/api', authMethod: 'basic-api-key' });
    expect(factory.configs.at(-1)).toEqual({
      baseUrl: 'http://127.0.0.1:9/api',
      credentials: { method: 'basic-api-key', apiKey: 'good-key-1234' },
    });
    expect(engine.snapshot().settings).toEqual(settings);
  });

  it('refuses invalid settings naming each one, and changes nothing', async () => {
    const { factory, engine } = engineWith('good-key-1234');
    await engine.start();
    const before = engine.snapshot().settings;
    let error: unknown;
    try {
      engine.updateSettings({
        rateCapPerSecond: 500,
        concurrency: 0,
        baseUrl: 'http://127.0.0.1:9',
        authMethod: 'basic',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).problems.map((problem) => problem.setting)).toEqual([
      'rateCapPerSecond',
      'concurrency',
      'authMethod',
    ]);
    expect(JSON.stringify(error)).not.toContain('good-key');
    expect((error as Error).message).not.toContain('good-key');
    expect(engine.snapshot().settings).toEqual(before);
    expect(factory.configs).toHaveLength(1);
  });

  it('publishes settings changes on the feed', async () => {
    const { engine, clock } = engineWith('good-key-1234');
    await engine.start();
    const changes: unknown[] = [];
    engine.subscribe((item) => {
      if (item.type === 'change' && item.change.settings) changes.push(item.change.settings);
    });
    engine.updateSettings({ rateCapPerSecond: 20 });
    await clock.advanceBy(100);
    expect(changes).toEqual([expect.objectContaining({ rateCapPerSecond: 20 })]);
  });
});

describe('MonitorEngine credentials in flight', () => {
  it('ignores a 401 to a request sent with the old credentials', async () => {
    const { clock, engine } = engineWith('wrong-key-0000');
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(10);
    // The check with the wrong key is in flight; the right key arrives before its 401 does.
    engine.setCredentials(apiKey('good-key-1234'));
    await clock.advanceBy(5_000);
    expect(engine.snapshot().health.blocker).toBeNull();
    expect(engine.message('a')?.phase).toBe('final');
  });
});

describe('MonitorEngine without credentials', () => {
  it('sends nothing and says so until credentials arrive; null takes them away again', async () => {
    const { clock, factory, engine } = engineWith(null);
    await engine.start();
    engine.watch(['a']);
    await clock.advanceBy(30_000);
    expect(factory.configs).toHaveLength(0);
    expect(engine.snapshot().health.blocker).toEqual({ kind: 'no_credentials' });
    expect(engine.message('a')?.schedule?.heldBy?.reason).toBe('no_credentials');
    engine.setCredentials(apiKey('good-key-1234'));
    await clock.advanceBy(5_000);
    expect(engine.message('a')?.phase).toBe('final');
    engine.setCredentials(null);
    engine.watch(['b']);
    await clock.advanceBy(30_000);
    expect(factory.clients.flatMap((client) => client.callsFor('b'))).toHaveLength(0);
    expect(engine.snapshot().health.blocker?.kind).toBe('no_credentials');
  });

  it('a lower rate cap applies at once', async () => {
    const { clock, factory, engine } = engineWith('good-key-1234');
    await engine.start();
    engine.updateSettings({ rateCapPerSecond: 2 });
    engine.watch(Array.from({ length: 30 }, (_, i) => `id-${i}`));
    await clock.advanceBy(5_000);
    const calls = factory.clients.flatMap((client) => client.calls).length;
    expect(calls).toBeGreaterThanOrEqual(9);
    expect(calls).toBeLessThanOrEqual(11);
  });
});

describe('MonitorEngine settings the scheduler refuses', () => {
  it('a first interval longer than the longest interval is refused by name, and nothing changes', async () => {
    const clock = new VirtualClock();
    const factory = keyedFactory(clock, 'good-key-1234');
    const engine = new MonitorEngine({
      createClient: factory.createClient,
      credentials: apiKey('good-key-1234'),
      clock,
      maxIntervalMs: 10_000,
    });
    await engine.start();
    const before = engine.snapshot().settings;
    expect(() => engine.updateSettings({ rateCapPerSecond: 20, firstIntervalMs: 20_000 })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ setting: 'firstIntervalMs' })] }),
    );
    expect(engine.snapshot().settings).toEqual(before);
  });
});

describe('MonitorEngine settings whose client cannot be built', () => {
  it('refuses the base URL by name and keeps the old client and tuning', async () => {
    const clock = new VirtualClock();
    const factory = keyedFactory(clock, 'good-key-1234');
    const engine = new MonitorEngine({
      createClient: (config) => {
        if (config.baseUrl.includes('refused.test'))
          throw new TypeError('Expected `baseUrl` to be reachable');
        return factory.createClient(config);
      },
      credentials: apiKey('good-key-1234'),
      clock,
      random: () => 0,
    });
    await engine.start();
    const before = engine.snapshot().settings;
    expect(() => engine.updateSettings({ baseUrl: 'https://refused.test', rateCapPerSecond: 20 })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ setting: 'baseUrl' })] }),
    );
    expect(engine.snapshot().settings).toEqual(before);
    engine.watch(['a']);
    await clock.advanceBy(5_000);
    expect(engine.message('a')?.phase).toBe('final');
    expect(factory.configs.map((config) => config.baseUrl)).toEqual([before.baseUrl]);
  });
});

describe('MonitorEngine random source', () => {
  it('spreads the first checks of a pasted batch with the random source it is given', async () => {
    const firstCheckAt = async (random: () => number) => {
      const { clock, engine } = engineWith('good-key-1234', random);
      await engine.start();
      engine.watch(['a']);
      let waitedMs = 0;
      while (engine.message('a')?.phase !== 'final') {
        await clock.advanceBy(100);
        waitedMs += 100;
      }
      return waitedMs;
    };
    const earliest = await firstCheckAt(() => 0.999);
    const latest = await firstCheckAt(() => 0);
    expect(earliest).toBeLessThanOrEqual(200);
    expect(latest).toBeGreaterThan(earliest + 1_000);
    expect(await firstCheckAt(() => 0)).toBe(latest);
  });
});
