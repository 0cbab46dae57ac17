import { describe, expect, it } from 'vitest';
import { classifyStatus } from '../../../../shared/status';
import {
  MAX_LOGGED_REQUESTS,
  UNKNOWN_STATUSES,
  createSimulator,
  type Simulator,
  type SimulatorFaults,
  type SimulatorReply,
} from '../../../../electron/core/simulator';
import { asResponse, getStatus, jsonOf, manualClock } from './sim-test-kit';

describe('simulator rate limit', () => {
  it('answers 429 beyond the burst of 75, without Retry-After, and recovers at 50/s', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock });
    const statuses = Array.from({ length: 80 }, (_, i) => asResponse(getStatus(simulator, `rl-${i}`)).status);
    expect(statuses.slice(0, 75).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(75).every((s) => s === 429)).toBe(true);
    const limited = asResponse(getStatus(simulator, 'rl-x'));
    expect(limited.headers).not.toHaveProperty('retry-after');
    expect(JSON.stringify(jsonOf(limited))).toMatch(/Too Many Requests|RATE_LIMIT/);

    clock.advance(20); // one token at 50/s
    expect(asResponse(getStatus(simulator, 'rl-1')).status).toBe(200);
    expect(asResponse(getStatus(simulator, 'rl-1')).status).toBe(429);

    clock.advance(1000);
    const afterASecond = Array.from({ length: 51 }, () => asResponse(getStatus(simulator, 'rl-1')).status);
    expect(afterASecond.filter((s) => s === 200)).toHaveLength(50);

    const log = simulator.requests().filter((r) => r.status === 429);
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((r) => r.fault === null)).toBe(true);
  });

  it('lets a client pacing at 50/s through untouched, and can be disabled', () => {
    const clock = manualClock();
    const paced = createSimulator({ clock });
    for (let i = 0; i < 500; i++) {
      expect(asResponse(getStatus(paced, `p-${i}`)).status).toBe(200);
      clock.advance(20);
    }
    const unlimited = createSimulator({ clock, rateLimit: null });
    for (let i = 0; i < 500; i++) expect(asResponse(getStatus(unlimited, `u-${i}`)).status).toBe(200);
  });

  it('honours a custom limit', () => {
    const simulator = createSimulator({ clock: manualClock(), rateLimit: { perSecond: 1, burst: 2 } });
    const statuses = [0, 1, 2].map(() => asResponse(getStatus(simulator, 'c')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

const N = 2000;

function run(faults: SimulatorFaults, seed = 3): { simulator: Simulator; replies: SimulatorReply[] } {
  const clock = manualClock();
  const simulator = createSimulator({ clock, faults, seed, rateLimit: null });
  const replies = Array.from({ length: N }, (_, i) => getStatus(simulator, `f-${i % 50}`));
  return { simulator, replies };
}

function faultShare(simulator: Simulator, name: string): number {
  return simulator.requests().filter((r) => r.fault === name).length / N;
}

describe('simulator faults', () => {
  it('injects nothing when no fault is switched on', () => {
    const { simulator, replies } = run({});
    expect(simulator.requests().every((r) => r.fault === null && r.status === 200)).toBe(true);
    for (const reply of replies.slice(0, 200)) {
      const body = jsonOf(reply);
      expect(['scheduled', 'processing', 'delivered', 'undeliverable', 'permanenterror']).toContain(
        body.deliverystatus,
      );
      expect(typeof body.partscount).toBe('number');
      expect(asResponse(reply).delayMs).toBe(0);
    }
  });

  it('answers error statuses at their configured rates, with documented error bodies', () => {
    const { simulator, replies } = run({ errorRates: { 500: 0.1, 503: 0.05, 403: 0.05 } });
    expect(faultShare(simulator, 'error-500')).toBeCloseTo(0.1, 1);
    expect(faultShare(simulator, 'error-503')).toBeCloseTo(0.05, 1);
    expect(faultShare(simulator, 'error-403')).toBeCloseTo(0.05, 1);
    const errors = replies.map(asResponse).filter((r) => r.status !== 200);
    expect(new Set(errors.map((r) => r.status))).toEqual(new Set([500, 503, 403]));
    for (const reply of errors) expect(jsonOf(reply)).toBeTruthy();
  });

  it.each([400, 404, 422, 502, 504])('can inject %i', (status) => {
    const { simulator } = run({ errorRates: { [status]: 0.2 } });
    const share = simulator.requests().filter((r) => r.status === status).length / N;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
  });

  it('injects 429 with Retry-After when asked, and without it otherwise', () => {
    const withHeader = run({ rateLimitedRate: 0.2, retryAfterSeconds: 3 });
    const limited = withHeader.replies.map(asResponse).filter((r) => r.status === 429);
    expect(limited.length / N).toBeGreaterThan(0.17);
    expect(limited.length / N).toBeLessThan(0.23);
    expect(limited.every((r) => r.headers['retry-after'] === '3')).toBe(true);
    expect(faultShare(withHeader.simulator, 'rate-limited')).toBe(limited.length / N);

    const without = run({ rateLimitedRate: 0.2 })
      .replies.map(asResponse)
      .filter((r) => r.status === 429);
    expect(without.length).toBeGreaterThan(0);
    expect(without.every((r) => !('retry-after' in r.headers))).toBe(true);
  });

  it('slows responses by slowMs (2000 by default)', () => {
    const { simulator, replies } = run({ slowRate: 0.2, slowMs: 750 });
    const slow = replies.map(asResponse).filter((r) => r.delayMs > 0);
    expect(slow.length / N).toBeCloseTo(0.2, 1);
    expect(slow.every((r) => r.delayMs === 750 && r.status === 200)).toBe(true);
    expect(faultShare(simulator, 'slow')).toBe(slow.length / N);
    const byDefault = run({ slowRate: 1 }).replies[0];
    expect(byDefault && asResponse(byDefault).delayMs).toBe(2000);
  });

  it('adds latencyMs to every response, on top of a slow fault', () => {
    const simulator = createSimulator({ clock: manualClock(), latencyMs: 40 });
    expect(asResponse(getStatus(simulator, 'l')).delayMs).toBe(40);
    simulator.setFaults({ slowRate: 1, slowMs: 100 });
    expect(asResponse(getStatus(simulator, 'l')).delayMs).toBe(140);
  });

  it('hangs and resets connections at their rates, logging no status', () => {
    const { simulator, replies } = run({ hangRate: 0.1, resetRate: 0.15 });
    const hangs = replies.filter((r) => r.kind === 'hang').length / N;
    const resets = replies.filter((r) => r.kind === 'reset').length / N;
    expect(hangs).toBeCloseTo(0.1, 1);
    expect(resets).toBeCloseTo(0.15, 1);
    expect(faultShare(simulator, 'hang')).toBe(hangs);
    expect(
      simulator
        .requests()
        .filter((r) => r.fault === 'reset')
        .every((r) => r.status === null),
    ).toBe(true);
  });

  it('sends 200s with a body that is not JSON at malformedRate', () => {
    const { replies } = run({ malformedRate: 0.2 });
    const broken = replies.map(asResponse).filter((r) => {
      try {
        JSON.parse(r.body);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.length / N).toBeCloseTo(0.2, 1);
    expect(
      broken.every((r) => r.status === 200 && r.headers['content-type']?.startsWith('application/json')),
    ).toBe(true);
  });

  it('sends 200s whose JSON has wrong types at wrongTypesRate', () => {
    const { simulator, replies } = run({ wrongTypesRate: 0.2 });
    const wellTyped = (body: unknown): boolean => {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
      const b = body as Record<string, unknown>;
      return (
        typeof b.deliverystatus === 'string' &&
        typeof b.partscount === 'number' &&
        typeof b.messageId === 'string' &&
        typeof b.messagelistId === 'number' &&
        (b.cost === undefined || typeof b.cost === 'number')
      );
    };
    const wrong = replies.map(asResponse).filter((r) => !wellTyped(JSON.parse(r.body)));
    expect(wrong.length / N).toBeCloseTo(0.2, 1);
    expect(wrong.every((r) => r.status === 200)).toBe(true);
    expect(faultShare(simulator, 'wrong-types')).toBe(wrong.length / N);
  });

  it('sends undocumented status strings at unknownStatusRate, each one truly unknown to the monitor', () => {
    const { simulator, replies } = run({ unknownStatusRate: 0.2 });
    const log = simulator.requests();
    const faulted = replies.filter((_reply, i) => log[i]?.fault === 'unknown-status');
    expect(faulted.length / N).toBeCloseTo(0.2, 1);
    const sent = faulted.map((r) => jsonOf(r).deliverystatus);
    expect(new Set(sent)).toEqual(new Set(UNKNOWN_STATUSES));
    // Not one of them may read as pending or, worse, as a final status.
    for (const status of sent) expect([status, classifyStatus(String(status))]).toEqual([status, 'unknown']);
    // Every other reply carries a documented status.
    const others = replies.filter((_reply, i) => log[i]?.fault !== 'unknown-status');
    for (const reply of others)
      expect(classifyStatus(String(jsonOf(reply).deliverystatus))).not.toBe('unknown');
  });

  it('draws the same faults for the same seed, different ones for another seed', () => {
    const faults = { errorRates: { 503: 0.1 }, hangRate: 0.1, malformedRate: 0.1 };
    const outcomes = (seed: number) =>
      run(faults, seed)
        .simulator.requests()
        .map((r) => r.fault);
    expect(outcomes(5)).toEqual(outcomes(5));
    expect(outcomes(5)).not.toEqual(outcomes(6));
  });

  it('switches faults on and off with setFaults, validating them', () => {
    const simulator = createSimulator({ clock: manualClock(), rateLimit: null });
    expect(asResponse(getStatus(simulator, 'a')).status).toBe(200);
    simulator.setFaults({ errorRates: { 502: 1 } });
    expect(asResponse(getStatus(simulator, 'a')).status).toBe(502);
    simulator.setFaults({});
    expect(asResponse(getStatus(simulator, 'a')).status).toBe(200);
    expect(() => {
      simulator.setFaults({ slowRate: -0.1 });
    }).toThrow(/faults.slowRate/);
    expect(() => {
      simulator.setFaults({ rateLimitedRate: 0.1, retryAfterSeconds: 1.5 });
    }).toThrow(/retryAfterSeconds/);
  });
});

describe('request log', () => {
  it('keeps only the newest records once a long-running simulator has served very many requests', () => {
    const simulator = createSimulator({ clock: manualClock(), rateLimit: null });
    const total = 2 * MAX_LOGGED_REQUESTS + 1;
    for (let i = 0; i < total; i += 1) getStatus(simulator, `id-${i}`);
    const log = simulator.requests();
    expect(log.length).toBeGreaterThanOrEqual(MAX_LOGGED_REQUESTS);
    expect(log.length).toBeLessThanOrEqual(2 * MAX_LOGGED_REQUESTS);
    expect(log.at(-1)?.messageId).toBe(`id-${total - 1}`);
  });
});
