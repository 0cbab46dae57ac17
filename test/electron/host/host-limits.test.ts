import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOST_LIMITS,
  admitRequest,
  admitSocket,
  isTooFarBehind,
  resolveHostLimits,
} from '../../../electron/host/loopback/host-limits';

const limits = resolveHostLimits({
  maxRequestsInFlight: 4,
  maxBufferedBytes: 1000,
  maxSockets: 3,
});

describe("the browser host's limits", () => {
  it('runs a request while fewer than the limit are in flight on its socket, and answers busy from the limit on', () => {
    expect(admitRequest(0, limits)).toBe('run');
    expect(admitRequest(3, limits)).toBe('run');
    expect(admitRequest(4, limits)).toBe('busy');
    expect(admitRequest(5, limits)).toBe('busy');
  });

  it('drops a window once more than the bound is waiting unread, not at the bound', () => {
    expect(isTooFarBehind(999, limits)).toBe(false);
    expect(isTooFarBehind(1000, limits)).toBe(false);
    expect(isTooFarBehind(1001, limits)).toBe(true);
  });

  it('accepts a WebSocket while fewer than the limit are open, and refuses from the limit on', () => {
    expect(admitSocket(2, limits)).toBe(true);
    expect(admitSocket(3, limits)).toBe(false);
    expect(admitSocket(4, limits)).toBe(false);
  });

  it('has defaults that serve a window with a full watch list and a burst of requests', () => {
    expect(resolveHostLimits({})).toEqual(DEFAULT_HOST_LIMITS);
    expect(DEFAULT_HOST_LIMITS.maxBufferedBytes).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(DEFAULT_HOST_LIMITS.maxRequestsInFlight).toBeGreaterThanOrEqual(8);
    expect(DEFAULT_HOST_LIMITS.handshakeTimeoutMs).toBeLessThanOrEqual(10_000);
  });

  it('refuses a bad limit with a TypeError naming it, what it expects and what it got', () => {
    expect(() => resolveHostLimits({ maxSockets: 0 })).toThrow(/maxSockets.*positive whole number.*0/);
    expect(() => resolveHostLimits({ heartbeatIntervalMs: Number.NaN })).toThrow(TypeError);
    expect(() => resolveHostLimits({ maxBufferedBytes: 1.5 })).toThrow(/maxBufferedBytes/);
  });
});
