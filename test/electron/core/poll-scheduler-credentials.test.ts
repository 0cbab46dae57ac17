import { describe, expect, it } from 'vitest';
import { AuthError, WrongBaseUrlError } from '../../../electron/core/errors';
import { PollScheduler } from '../../../electron/core/poll-scheduler';
import { VirtualClock } from '../../../electron/core/virtual-clock';
import { ScriptedStatusClient } from '../../fakes/scripted-status-client';
import { emptyReports, recordingObserver, setup } from './scheduler/harness';

const BASE_URL = 'https://example.test';

describe('PollScheduler credentials and base URL', () => {
  it('sends nothing without credentials, says so, and starts checking once a client is set', async () => {
    const clock = new VirtualClock();
    const client = new ScriptedStatusClient(clock, () => 'processing', 50);
    const reports = emptyReports();
    const scheduler = new PollScheduler({ client: null, clock, observer: recordingObserver(reports) });
    expect(scheduler.health.blocker).toEqual({ kind: 'no_credentials' });
    scheduler.watch({ messageId: 'a', addedAt: clock.now() });
    await clock.advanceBy(60_000);
    expect(scheduler.facts('a')?.heldBy).toEqual({ reason: 'no_credentials', until: null });
    expect(scheduler.refreshNow(['a'])).toEqual([
      { messageId: 'a', outcome: 'held', heldBy: { reason: 'no_credentials', until: null } },
    ]);
    scheduler.setClient(client);
    await clock.advanceBy(100);
    expect(client.calls).toHaveLength(1);
    expect(reports.health.at(-1)).toMatchObject({ mode: 'running', blocker: null });
    scheduler.setClient(null);
    await clock.advanceBy(60_000);
    expect(client.calls).toHaveLength(1);
    expect(reports.health.at(-1)?.blocker).toEqual({ kind: 'no_credentials' });
    scheduler.stop();
  });

  it('replaces rejected credentials in one call: blocker lifted, cache cleared, held ids checked at once', async () => {
    const clock = new VirtualClock();
    const oldClient = new ScriptedStatusClient(
      clock,
      () => new AuthError('Invalid API key', { httpStatus: 401 }),
      50,
    );
    const newClient = new ScriptedStatusClient(clock, () => 'processing', 50);
    const reports = emptyReports();
    const scheduler = new PollScheduler({ client: oldClient, clock, observer: recordingObserver(reports) });
    for (const id of ['a', 'b', 'c']) scheduler.watch({ messageId: id, addedAt: clock.now() });
    await clock.advanceBy(5 * 60_000);
    expect(scheduler.health.blocker).toEqual({ kind: 'credentials_rejected', message: 'Invalid API key' });
    expect(oldClient.calls.length).toBeLessThanOrEqual(3);
    scheduler.setClient(newClient);
    expect(scheduler.health.blocker).toBeNull();
    await clock.advanceBy(1_000);
    expect(new Set(newClient.calls.map((call) => call.messageId))).toEqual(new Set(['a', 'b', 'c']));
    expect(reports.snapshots).toHaveLength(3);
    scheduler.stop();
  });

  it('ignores a 401 to a request sent with the old client', async () => {
    const clock = new VirtualClock();
    const oldClient = new ScriptedStatusClient(
      clock,
      () => new AuthError('Invalid API key', { httpStatus: 401 }),
      2_000,
    );
    const newClient = new ScriptedStatusClient(clock, () => 'processing', 50);
    const reports = emptyReports();
    const scheduler = new PollScheduler({ client: oldClient, clock, observer: recordingObserver(reports) });
    scheduler.watch({ messageId: 'a', addedAt: clock.now() });
    await clock.advanceBy(500);
    scheduler.setClient(newClient);
    await clock.advanceBy(10_000);
    expect(reports.health.some((health) => health.blocker?.kind === 'credentials_rejected')).toBe(false);
    expect(newClient.callsFor('a').length).toBeGreaterThan(0);
    scheduler.stop();
  });

  it('holds every check on a wrong base URL, never calling the ids not found, until the client changes', async () => {
    let wrongUrl = true;
    const { clock, client, scheduler, watch, reports } = setup(
      () =>
        wrongUrl
          ? new WrongBaseUrlError('The answer to a status request was an HTML page.', {
              httpStatus: 404,
              baseUrl: BASE_URL,
            })
          : 'processing',
      { notFoundRetries: 0 },
    );
    watch('a', 'b', 'c', 'd', 'e', 'f');
    await clock.advanceBy(10 * 60_000);
    expect(scheduler.health.blocker).toEqual({
      kind: 'wrong_base_url',
      baseUrl: BASE_URL,
      message: 'The answer to a status request was an HTML page.',
    });
    expect(client.calls.length).toBeLessThanOrEqual(4);
    expect(reports.notFound).toEqual([]);
    expect(scheduler.size).toBe(6);
    expect(scheduler.facts('f')?.heldBy).toEqual({ reason: 'wrong_base_url', until: null });
    wrongUrl = false;
    scheduler.setClient(client);
    await clock.advanceBy(2_000);
    expect(new Set(reports.snapshots.map((report) => report.id)).size).toBe(6);
    scheduler.stop();
  });

  it('still shows the blocker while paused', async () => {
    const { clock, scheduler, watch, reports } = setup(
      () => new AuthError('Invalid API key', { httpStatus: 401 }),
    );
    watch('a');
    await clock.advanceBy(1_000);
    scheduler.pause();
    await clock.advanceBy(0);
    expect(reports.health.at(-1)).toMatchObject({
      mode: 'paused',
      blocker: { kind: 'credentials_rejected', message: 'Invalid API key' },
    });
    scheduler.stop();
  });
});
