import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/contract';
import { engineView } from '../../../renderer/src/logic/engine-view';
import { TEST_SETTINGS, runningHealth } from '../../fakes/message-views';

const demo: ConnectionInfo = {
  source: 'demo',
  signedInAs: 'user demo',
  baseUrl: '',
  authMethod: null,
  noCredentialsReason: null,
  demo: true,
  persistent: true,
};

describe('engineView', () => {
  it('gives every blocker its fix', () => {
    const fixes = {
      credentials_rejected: runningHealth(1, { blocker: { kind: 'credentials_rejected', message: '401' } }),
      wrong_base_url: runningHealth(1, {
        blocker: { kind: 'wrong_base_url', baseUrl: 'x', message: 'html' },
      }),
      no_credentials: runningHealth(1, { blocker: { kind: 'no_credentials' } }),
      offline: runningHealth(1, { blocker: { kind: 'offline', since: 0, nextProbeAt: 9, message: 'down' } }),
    };
    expect(engineView(fixes.credentials_rejected, null).fix).toBe('credentials');
    expect(engineView(fixes.wrong_base_url, null).fix).toBe('base_url');
    expect(engineView(fixes.no_credentials, null).fix).toBe('connect');
    expect(engineView(fixes.offline, null)).toMatchObject({ kind: 'offline', fix: 'retry', until: 9 });
  });

  it('says the link to the monitor is lost or refused before anything the last report said', () => {
    const health = runningHealth(1, { blocker: { kind: 'no_credentials' } });
    expect(engineView(health, demo, null, 'lost')).toMatchObject({
      kind: 'link_lost',
      tone: 'error',
      fix: null,
    });
    expect(engineView(null, null, null, 'lost')).toMatchObject({ kind: 'link_lost' });
    expect(engineView(health, demo, null, 'refused')).toMatchObject({ kind: 'link_refused', tone: 'error' });
    expect(engineView(health, demo, null, 'open').kind).toBe('no_credentials');
    expect(engineView(runningHealth(1), demo, null, 'connecting').kind).toBe('running');
  });

  it('shows a blocker even while paused, and a rate limit with its end', () => {
    const health = runningHealth(1, {
      mode: 'paused',
      blocker: { kind: 'rate_limited', until: 42, message: '429' },
    });
    expect(engineView(health, null)).toMatchObject({ kind: 'rate_limited', until: 42, tone: 'warning' });
  });

  it('takes the rate cap from the settings as soon as they change', () => {
    expect(
      engineView(runningHealth(1), null, { ...TEST_SETTINGS, rateCapPerSecond: 40 }).rateCapPerSecond,
    ).toBe(40);
  });

  it('offers resume while paused, and reports the request rate per second against the cap', () => {
    const view = engineView(runningHealth(1, { mode: 'paused' }), demo);
    expect(view).toMatchObject({
      kind: 'paused',
      fix: 'resume',
      demo: true,
      requestsPerSecond: 2,
      rateCapPerSecond: 10,
    });
  });

  it('says it is loading, with no fix and no rate, until the engine first reports', () => {
    expect(engineView(null, demo)).toMatchObject({
      kind: 'loading',
      fix: null,
      tone: 'busy',
      demo: true,
      requestsPerSecond: 0,
      lastSuccessAt: null,
    });
  });

  it('shows a watch list that cannot be saved in red, above rejected credentials, with the reason to translate', () => {
    const health = runningHealth(1, {
      blocker: {
        kind: 'save_failed',
        reason: 'disk_full',
        message: 'Cannot save the watch list: disk full.',
      },
    });
    expect(engineView(health, demo)).toMatchObject({
      kind: 'save_failed',
      tone: 'error',
      fix: null,
      saveFailure: 'disk_full',
      detail: null,
    });
    expect(engineView(runningHealth(1), demo).saveFailure).toBeNull();
  });
});

describe('when the status dot moves', () => {
  const inFlight = (count: number, mode: 'running' | 'paused' | 'idle' = 'running') => {
    const health = runningHealth(5, { mode });
    return { ...health, counts: { ...health.counts, inFlight: count } };
  };

  it('moves only while checks are in flight: still at 0, moving from 1', () => {
    expect(engineView(inFlight(0), demo).checking).toBe(false);
    expect(engineView(inFlight(1), demo).checking).toBe(true);
    expect(engineView(inFlight(2), demo).checking).toBe(true);
  });

  it('is still while paused or idle, and before the engine has reported', () => {
    expect(engineView(inFlight(1, 'paused'), demo).checking).toBe(false);
    expect(engineView(inFlight(1, 'idle'), demo).checking).toBe(false);
    expect(engineView(null, demo).checking).toBe(false);
  });
});
