import { describe, expect, it } from 'vitest';
import {
  isLinkSilent,
  reconnectDelayMs,
  shouldReconnect,
  statusAfterClose,
  type ReconnectPolicy,
} from '../../../renderer/src/transport/link-state';

const policy: ReconnectPolicy = { firstDelayMs: 500, maxDelayMs: 8_000, silenceLimitMs: 15_000 };

describe("the window's link to the host", () => {
  it('waits twice as long after each failed retry, up to the longest wait', () => {
    expect([0, 1, 2, 3, 4].map((attempts) => reconnectDelayMs(attempts, policy))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000,
    ]);
    expect(reconnectDelayMs(5, policy)).toBe(8_000);
    expect(reconnectDelayMs(1_000, policy)).toBe(8_000);
  });

  it('reads the "token refused" close as refused and every other close as lost', () => {
    expect(statusAfterClose(4401)).toBe('refused');
    for (const code of [1000, 1001, 1006, 4400, 4402]) expect(statusAfterClose(code)).toBe('lost');
  });

  it('keeps retrying a lost link, not a refused one', () => {
    expect(shouldReconnect('lost')).toBe(true);
    expect(shouldReconnect('refused')).toBe(false);
  });

  it('takes a link for dead only after more than the silence limit without a frame', () => {
    expect(isLinkSilent(1_000, 1_000 + 14_999, policy)).toBe(false);
    expect(isLinkSilent(1_000, 1_000 + 15_000, policy)).toBe(false);
    expect(isLinkSilent(1_000, 1_000 + 15_001, policy)).toBe(true);
  });
});
