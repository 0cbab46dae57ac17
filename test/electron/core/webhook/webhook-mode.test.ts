import { describe, expect, it } from 'vitest';
import { backoffPolicy, type CheckState } from '../../../../electron/core/scheduler/check-policy';
import { webhookAwarePolicy } from '../../../../electron/core/webhook/webhook-aware-policy';
import {
  confirmPushedFinal,
  safetyNetDelayMs,
  silentFrom,
  webhookMode,
  type WebhookMode,
  type WebhookModeInput,
} from '../../../../electron/core/webhook/webhook-mode';

const base: WebhookModeInput = {
  enabled: true,
  lastWebhookAt: 1_000,
  pendingSince: 0,
  now: 1_000,
  silentAfterMs: 600_000,
};

describe('the webhook mode', () => {
  it('is off while the receiver is off, and silent until a first webhook', () => {
    expect(webhookMode({ ...base, enabled: false })).toBe('off');
    expect(webhookMode({ ...base, lastWebhookAt: null })).toBe('silent');
  });

  it('turns silent exactly silentAfterMs after the last webhook while messages are pending', () => {
    expect(webhookMode({ ...base, now: 1_000 + 599_999 })).toBe('flowing');
    expect(webhookMode({ ...base, now: 1_000 + 600_000 })).toBe('silent');
    expect(webhookMode({ ...base, now: 1_000 + 600_001 })).toBe('silent');
    expect(silentFrom(base)).toBe(601_000);
  });

  it('does not count quiet time while nothing was pending', () => {
    expect(webhookMode({ ...base, pendingSince: null, now: 10_000_000 })).toBe('flowing');
    const idleEvening = { ...base, pendingSince: 5_000_000, now: 5_000_000 + 599_999 };
    expect(webhookMode(idleEvening)).toBe('flowing');
    expect(webhookMode({ ...idleEvening, now: 5_600_000 })).toBe('silent');
    expect(silentFrom({ ...base, pendingSince: null })).toBeNull();
  });
});

describe('the safety net while webhooks flow', () => {
  const net = { pollingDelayMs: 5_000, mostFinalByAgeMs: 60_000, unknownFinalByAgeMs: 120_000 };

  it('waits until the age by which most messages are final, then checks each time the age doubles', () => {
    expect(safetyNetDelayMs({ ...net, ageMs: 10_000 })).toBe(50_000);
    expect(safetyNetDelayMs({ ...net, ageMs: 29_999 })).toBe(30_001);
    expect(safetyNetDelayMs({ ...net, ageMs: 30_000 })).toBe(30_000);
    expect(safetyNetDelayMs({ ...net, ageMs: 30_001 })).toBe(30_001);
    expect(safetyNetDelayMs({ ...net, ageMs: 59_999 })).toBe(59_999);
    expect(safetyNetDelayMs({ ...net, ageMs: 60_000 })).toBe(60_000);
    expect(safetyNetDelayMs({ ...net, ageMs: 60_001 })).toBe(60_001);
    expect(safetyNetDelayMs({ ...net, ageMs: 240_000 })).toBe(240_000);
  });

  it('never checks more often than polling alone, and waits the default span when nothing is learned', () => {
    expect(safetyNetDelayMs({ ...net, ageMs: 200_000, pollingDelayMs: 300_000 })).toBe(300_000);
    expect(safetyNetDelayMs({ ...net, mostFinalByAgeMs: null, ageMs: 20_000 })).toBe(100_000);
    expect(safetyNetDelayMs({ ...net, ageMs: 1_000, pollingDelayMs: 90_000 })).toBe(90_000);
  });

  it('confirms a pushed final with a check only when its charge is unknown', () => {
    expect(confirmPushedFinal(null)).toBe(true);
    expect(confirmPushedFinal({ amount: 0.05, currency: null })).toBe(false);
  });
});

describe('the webhook-aware policy', () => {
  const polling = backoffPolicy({
    maxIntervalMs: 60_000,
    lateAfterMs: 3_600_000,
    lateMaxIntervalMs: 600_000,
    backoffFactor: 1.4,
  });
  const state: CheckState = {
    outcome: 'unchanged',
    previousDelayMs: 5_000,
    ageMs: 10_000,
    consecutiveFailures: 0,
    notFoundCount: 0,
    initialIntervalMs: 5_000,
    rawStatus: 'sent',
  };
  const policyIn = (mode: WebhookMode) =>
    webhookAwarePolicy(polling, { mode: () => mode, mostFinalByAgeMs: () => 60_000 });

  it('keeps polling delays while webhooks are off or silent', () => {
    expect(policyIn('off').nextDelayMs(state)).toBe(7_000);
    expect(policyIn('silent').nextDelayMs(state)).toBe(7_000);
  });

  it('waits for the webhook while they flow, but not after a failure or before a first status', () => {
    const flowing = policyIn('flowing');
    expect(flowing.nextDelayMs(state)).toBe(50_000);
    expect(flowing.nextDelayMs({ ...state, outcome: 'failed', consecutiveFailures: 1 })).toBe(5_000);
    expect(flowing.nextDelayMs({ ...state, rawStatus: null })).toBe(7_000);
  });
});
