import { describe, expect, it } from 'vitest';
import { peakPerSecond } from '../../../bench/stats';
import { gaps, setup } from './scheduler/harness';

const OTP_DELIVERED_AFTER_MS = 20_000;

describe('PollScheduler under load', () => {
  it('checks a new id with a deadline within 2 s behind 10,000 due ids, and keeps its own pace until final', async () => {
    let otpAddedAt = Number.POSITIVE_INFINITY;
    const { clock, client, scheduler, watch, reports } = setup(
      (id, _call, now) =>
        id === 'otp' && now - otpAddedAt >= OTP_DELIVERED_AFTER_MS ? 'delivered' : 'processing',
      { maxRequestsPerSecond: 10 },
    );
    watch(...Array.from({ length: 10_000 }, (_, i) => `campaign-${i}`));
    // A minute in: about 600 first checks done, their re-checks due, 9,400 first checks still waiting.
    await clock.advanceBy(60_000);
    expect(scheduler.health.counts.backlog).toBeGreaterThan(9_000);
    otpAddedAt = clock.now();
    scheduler.watch({ messageId: 'otp', addedAt: otpAddedAt, deadlineAt: otpAddedAt + 30_000 });
    await clock.advanceBy(40_000);

    const otpChecks = client.callsFor('otp').map((call) => call.at - otpAddedAt);
    expect(otpChecks[0]).toBeLessThanOrEqual(2_000);
    // Its own pace (5 s, then ×1.4: 7 s, 9.8 s), each within a second of plan despite the backlog.
    const planned = [5_000, 7_000, 9_800];
    gaps(otpChecks).forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(planned[index] ?? 0);
      expect(gap).toBeLessThanOrEqual((planned[index] ?? 0) + 1_000);
    });
    expect(otpChecks).toHaveLength(4);
    const final = reports.snapshots.find(
      (report) => report.id === 'otp' && report.snapshot.kind === 'delivered',
    );
    expect((final?.at ?? Number.POSITIVE_INFINITY) - otpAddedAt).toBeLessThan(23_000);
    expect(reports.overdue).toEqual([]);
    expect(peakPerSecond(client.calls.map((call) => call.at))).toBeLessThanOrEqual(10);
    scheduler.stop();
  });

  it('keeps routine re-checks going while a flood of new ids waits for first checks', async () => {
    const { clock, client, scheduler, watch } = setup(() => 'processing', { maxRequestsPerSecond: 10 });
    const early = Array.from({ length: 50 }, (_, i) => `early-${i}`);
    watch(...early);
    await clock.advanceBy(10_000);
    watch(...Array.from({ length: 5_000 }, (_, i) => `flood-${i}`));
    const since = clock.now();
    await clock.advanceBy(60_000);
    const seen = new Set<string>();
    let rechecks = 0;
    let firstChecks = 0;
    for (const call of client.calls) {
      if (call.at >= since) {
        if (seen.has(call.messageId)) rechecks += 1;
        else firstChecks += 1;
      }
      seen.add(call.messageId);
    }
    // Without a share, the flood's 5,000 first checks (500 s at 10/s) would hold every re-check back. With it,
    // re-checks get one slot in four, and first checks the rest.
    expect(rechecks / (rechecks + firstChecks)).toBeGreaterThanOrEqual(0.24);
    expect(firstChecks / (rechecks + firstChecks)).toBeGreaterThanOrEqual(0.74);
    for (const id of early) {
      expect(client.callsFor(id).filter((call) => call.at >= since).length).toBeGreaterThanOrEqual(1);
    }
    scheduler.stop();
  });

  it('checks a new id with a deadline within 2 s while hundreds of ids with deadlines saturate the rate cap', async () => {
    const { clock, client, scheduler } = setup(() => 'processing', { maxRequestsPerSecond: 10 });
    const withDeadline = (messageId: string): void => {
      scheduler.watch({ messageId, addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    };
    // 300 ids that never settle, each with a 30 s deadline, written 10 a second: with their re-checks that is
    // about four times what 10 requests a second can serve.
    for (let i = 0; i < 300; i += 1) {
      withDeadline(`stuck-${i}`);
      await clock.advanceBy(100);
    }
    expect(scheduler.health.counts.backlog).toBeGreaterThan(50);
    const writtenAt = clock.now();
    withDeadline('new');
    await clock.advanceBy(40_000);

    const checks = client.callsFor('new').map((call) => call.at - writtenAt);
    expect(checks[0]).toBeLessThanOrEqual(2_000);
    // Its re-checks go on: it is not pushed behind the backlog for good.
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(peakPerSecond(client.calls.map((call) => call.at))).toBeLessThanOrEqual(10);
    scheduler.stop();
  });

  it('checks a new id with a deadline within 2 s and at its own pace while 300 ids stay pending', async () => {
    const { clock, client, scheduler } = setup(() => 'processing', { maxRequestsPerSecond: 10 });
    for (let i = 0; i < 300; i += 1) {
      scheduler.watch({ messageId: `stuck-${i}`, addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    }
    await clock.advanceBy(60_000);
    expect(scheduler.health.counts.backlog).toBeGreaterThan(50);
    const writtenAt = clock.now();
    scheduler.watch({ messageId: 'new', addedAt: writtenAt, deadlineAt: writtenAt + 30_000 });
    await clock.advanceBy(30_000);

    const checks = client.callsFor('new').map((call) => call.at - writtenAt);
    expect(checks[0]).toBeLessThanOrEqual(2_000);
    const planned = [5_000, 7_000, 9_800];
    gaps(checks).forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(planned[index] ?? 0);
      expect(gap).toBeLessThanOrEqual((planned[index] ?? 0) + 1_000);
    });
    expect(checks).toHaveLength(4);
    scheduler.stop();
  });
});
