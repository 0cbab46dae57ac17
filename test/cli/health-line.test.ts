import { describe, expect, it } from 'vitest';
import type { EngineHealth } from '../../shared/engine-health';
import { healthLine, type HealthSeen } from '../../electron/cli/health-line';

const NOW = 1_700_000_000_000;
const counts = { watching: 2, inFlight: 0, backlog: 0, requestsLastMinute: 0, rateCapPerSecond: 5 };
const offline: EngineHealth = {
  mode: 'running',
  blocker: { kind: 'offline', since: NOW - 5_000, nextProbeAt: NOW + 1_000, message: 'connection refused' },
  counts,
  lastSuccessAt: null,
};
const running = (lastSuccessAt: number | null): EngineHealth => ({
  mode: 'running',
  blocker: null,
  counts,
  lastSuccessAt,
});

describe('healthLine', () => {
  it('reports going offline, once', () => {
    const first = healthLine(null, offline, NOW);
    expect(first.line).toMatch(/^Offline: connection refused/);
    expect(healthLine(first.seen, offline, NOW).line).toBeNull();
  });

  it('says SMSBAT is answering again only after an answer newer than the last one before the outage', () => {
    const seen: HealthSeen = healthLine(null, offline, NOW).seen;
    expect(healthLine(seen, running(null), NOW).line).toBeNull();
    const answeredBefore: HealthSeen = { ...seen, lastSuccessAt: NOW - 10_000 };
    expect(healthLine(answeredBefore, running(NOW - 10_000), NOW).line).toBeNull();
    expect(healthLine(answeredBefore, running(NOW - 9_999), NOW).line).toBe(
      'SMSBAT is answering again; watching.',
    );
    expect(healthLine(seen, running(NOW), NOW).line).toBe('SMSBAT is answering again; watching.');
  });

  it('says nothing about answering when the watch stops while SMSBAT was unreachable', () => {
    const seen = healthLine(null, offline, NOW).seen;
    expect(healthLine(seen, { ...running(null), mode: 'stopped' }, NOW).line).toBeNull();
  });
});
