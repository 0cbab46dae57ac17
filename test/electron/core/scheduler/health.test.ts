import { describe, expect, it } from 'vitest';
import { describeHealth, describeWebhooks, type EngineHealth } from '../../../../shared/engine-health';
import {
  credentialsFailed,
  initialHolds,
  rateLimited,
  setPaused,
} from '../../../../electron/core/scheduler/global-holds';
import { buildHealth, keyOf, MinuteCounter } from '../../../../electron/core/scheduler/health';

const counts = { watching: 3, inFlight: 1, backlog: 0, requestsLastMinute: 12, rateCapPerSecond: 10 };
const EPOCH = 1_767_225_600_000;
const base = { stopped: false, counts, lastSuccessAt: null, now: 5_000, toEpoch: (ms: number) => EPOCH + ms };

describe('buildHealth', () => {
  it('says running, idle, paused or stopped', () => {
    expect(buildHealth({ ...base, holds: initialHolds(true) }).mode).toBe('running');
    expect(buildHealth({ ...base, holds: initialHolds(true), counts: { ...counts, watching: 0 } }).mode).toBe(
      'idle',
    );
    expect(buildHealth({ ...base, holds: setPaused(initialHolds(true), true) }).mode).toBe('paused');
    expect(buildHealth({ ...base, holds: initialHolds(true), stopped: true })).toMatchObject({
      mode: 'stopped',
      blocker: null,
    });
  });

  it('keeps the blocker while paused, with times in epoch ms', () => {
    const holds = setPaused(
      rateLimited(initialHolds(true), 4_000, 30_000, { offlineAfterFailures: 3, maxGlobalBackoffMs: 60_000 }),
      true,
    );
    expect(buildHealth({ ...base, holds, lastSuccessAt: 3_000 })).toEqual({
      mode: 'paused',
      blocker: {
        kind: 'rate_limited',
        until: EPOCH + 34_000,
        message: 'SMSBAT answered 429 Too Many Requests.',
      },
      counts,
      lastSuccessAt: EPOCH + 3_000,
    });
  });

  it('puts rejected credentials before a 429', () => {
    const limited = rateLimited(initialHolds(true), 0, 30_000, {
      offlineAfterFailures: 3,
      maxGlobalBackoffMs: 60_000,
    });
    const holds = credentialsFailed(limited, { kind: 'credentials_rejected', message: 'Invalid API key' });
    expect(buildHealth({ ...base, holds }).blocker?.kind).toBe('credentials_rejected');
  });

  it('keys health by mode, blocker kind and rate cap, which change only on events', () => {
    const health = buildHealth({ ...base, holds: initialHolds(true) });
    const busier = { ...counts, watching: 4, inFlight: 4, requestsLastMinute: 99 };
    expect(keyOf(health)).toBe(keyOf({ ...health, counts: busier }));
    expect(keyOf(health)).not.toBe(keyOf({ ...health, mode: 'paused' }));
    expect(keyOf(health)).not.toBe(keyOf({ ...health, counts: { ...counts, rateCapPerSecond: 20 } }));
  });
});

describe('MinuteCounter', () => {
  it('counts request starts over the last minute', () => {
    const counter = new MinuteCounter();
    for (let at = 0; at < 10_000; at += 100) counter.record(at);
    expect(counter.count(10_000)).toBe(100);
    // At 65 s the window holds whole seconds 6 to 65.
    expect(counter.count(65_000)).toBe(40);
    expect(counter.count(70_000)).toBe(0);
    counter.record(500_000);
    expect(counter.count(500_100)).toBe(1);
  });
});

describe('describeWebhooks', () => {
  const base: EngineHealth = { mode: 'running', blocker: null, counts, lastSuccessAt: null };
  it('says whether webhooks carry the statuses, and nothing while the receiver is off', () => {
    expect(describeWebhooks(base)).toBeNull();
    expect(
      describeWebhooks({ ...base, webhooks: { mode: 'flowing', lastAt: 1, silentAfterMs: 600_000 } }),
    ).toBe('Webhooks arriving: polling only as a safety net.');
    expect(
      describeWebhooks({ ...base, webhooks: { mode: 'silent', lastAt: 1, silentAfterMs: 600_000 } }),
    ).toBe('No webhooks for 10 min: polling as usual.');
    expect(
      describeWebhooks({ ...base, webhooks: { mode: 'silent', lastAt: null, silentAfterMs: 600_000 } }),
    ).toBe('No webhook yet: polling as usual.');
  });
});

describe('describeHealth', () => {
  const health = (overrides: Partial<EngineHealth>): EngineHealth => ({
    mode: 'running',
    blocker: null,
    counts,
    lastSuccessAt: null,
    ...overrides,
  });

  it('says in one line what the engine does and what to do when blocked', () => {
    expect(describeHealth(health({}), 0)).toBe('Watching.');
    expect(describeHealth(health({ mode: 'idle' }), 0)).toBe('Nothing to watch.');
    expect(describeHealth(health({ mode: 'stopped' }), 0)).toBe('Stopped.');
    expect(describeHealth(health({ blocker: { kind: 'rate_limited', until: 4_500, message: '' } }), 0)).toBe(
      'SMSBAT asked us to slow down; resuming in 5 s.',
    );
    expect(
      describeHealth(
        health({ mode: 'paused', blocker: { kind: 'credentials_rejected', message: 'Invalid API key.' } }),
        0,
      ),
    ).toBe('Paused. Credentials rejected: Invalid API key. Check the API key or login, then try again.');
    expect(
      describeHealth(
        health({
          blocker: { kind: 'wrong_base_url', baseUrl: 'https://example.test', message: 'Not SMSBAT.' },
        }),
        0,
      ),
    ).toMatch(/^https:\/\/example\.test does not answer like SMSBAT/);
    expect(
      describeHealth(
        health({ blocker: { kind: 'offline', since: 0, nextProbeAt: 2_000, message: 'ECONNREFUSED.' } }),
        0,
      ),
    ).toBe('Offline: ECONNREFUSED. Retrying in 2 s.');
    expect(describeHealth(health({ blocker: { kind: 'no_credentials' } }), 0)).toMatch(/No credentials/);
  });
});
