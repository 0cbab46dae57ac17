import { describe, expect, it } from 'vitest';
import { InProcessSimulatorClient } from '../../../../bench/in-process-client';
import { peakPerSecond } from '../../../../bench/stats';
import { DEFAULT_EVEN_GAP_RULE, learningCheckPolicy } from '../../../../electron/core/learning';
import { learnerWithTail } from './learned-profiles';
import { PollScheduler, backoffPolicy, type CheckState } from '../../../../electron/core/poll-scheduler';
import { createSimulator } from '../../../../electron/core/simulator';
import { mulberry32 } from '../../../../electron/core/simulator/random';
import { VirtualClock } from '../../../../electron/core/virtual-clock';
import { isFinalKind } from '../../../../shared/status';

const BACKOFF = backoffPolicy({
  maxIntervalMs: 60_000,
  lateAfterMs: 3_600_000,
  lateMaxIntervalMs: 600_000,
  backoffFactor: 1.4,
});

function state(overrides: Partial<CheckState>): CheckState {
  return {
    outcome: 'unchanged',
    previousDelayMs: 5_000,
    ageMs: 10_000,
    consecutiveFailures: 0,
    notFoundCount: 0,
    initialIntervalMs: 5_000,
    rawStatus: 'processing',
    messageId: 'a',
    nowMs: 10_000,
    pendingCount: 1,
    maxRequestsPerSecond: 10,
    deadlineInMs: null,
    ...overrides,
  };
}

describe('learning check policy', () => {
  it('keeps the backoff for failures and 404s, and checks a code with a deadline within a second', () => {
    const policy = learningCheckPolicy({ fallback: BACKOFF, now: () => 0 });
    expect(policy.nextDelayMs(state({ outcome: 'failed', consecutiveFailures: 2 }))).toBe(
      BACKOFF.nextDelayMs(state({ outcome: 'failed', consecutiveFailures: 2 })),
    );
    const first = policy.firstDelayMs?.(
      state({ messageId: 'otp', ageMs: 0, nowMs: 0, deadlineInMs: 30_000 }),
    );
    expect(first).toBeLessThanOrEqual(1000);
    // A check never skips past the deadline.
    expect(
      policy.nextDelayMs(state({ messageId: 'otp', ageMs: 29_000, nowMs: 29_000, deadlineInMs: 1_000 })),
    ).toBe(1_000);
  });

  it('checks an id SMSBAT was never asked about at once when it was sent long ago (an import), not minutes later', () => {
    const learner = learnerWithTail();
    const policy = learningCheckPolicy({ fallback: BACKOFF, learner, now: () => 0, random: () => 0 });
    const twoHours = 2 * 3_600_000;
    // Known pending only when it was sent: by two hours it is as good as final, and nobody has looked.
    expect(
      policy.firstDelayMs?.(
        state({ messageId: 'imported', ageMs: twoHours, nowMs: twoHours, rawStatus: null }),
      ),
    ).toBe(0);
    // An id checked before (watched again after a restart) is still placed from where it was last seen pending.
    expect(
      policy.firstDelayMs?.(state({ messageId: 'restored', ageMs: twoHours, nowMs: twoHours })),
    ).toBeGreaterThan(10_000);
    // A new id is placed where the learned profile puts a first check, as before.
    const fresh = policy.firstDelayMs?.(state({ messageId: 'new', ageMs: 0, nowMs: 0, rawStatus: null }));
    expect(fresh).toBeGreaterThan(0);
  });

  it('keeps placing a code as a code after its deadline was reported overdue', () => {
    const learner = learnerWithTail();
    const policy = learningCheckPolicy({ fallback: BACKOFF, learner, now: () => 0, random: () => 0.5 });
    const at600 = { ageMs: 600_000, nowMs: 600_000, pendingCount: 2, deadlineInMs: null };
    policy.firstDelayMs?.(state({ messageId: 'otp', ageMs: 0, nowMs: 0, deadlineInMs: 30_000 }));
    policy.firstDelayMs?.(state({ messageId: 'plain', ageMs: 0, nowMs: 0 }));
    // Past its deadline the scheduler no longer passes one; the code is still checked at the even gap.
    const code = policy.nextDelayMs(state({ ...at600, messageId: 'otp' }));
    const plain = policy.nextDelayMs(state({ ...at600, messageId: 'plain' }));
    expect(code).toBeCloseTo(DEFAULT_EVEN_GAP_RULE.gapS * 1000, 3);
    expect(plain).toBeGreaterThan(code + 2000);
  });

  it('runs in the scheduler: learns the profile, finds every final, keeps the cap and the per-id gap', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const simulator = createSimulator({ clock, seed: 3, rateLimit: null });
    const client = new InProcessSimulatorClient(simulator, clock, 80);
    const policy = learningCheckPolicy({ fallback: BACKOFF, now: () => clock.now(), random: mulberry32(5) });
    const finals = new Map<string, number>();
    const scheduler = new PollScheduler({
      client,
      clock,
      maxRequestsPerSecond: 10,
      concurrency: 8,
      random: mulberry32(42),
      policy,
      observer: {
        onSnapshot: (id, snapshot, at) => {
          if (isFinalKind(snapshot.kind) && !finals.has(id)) finals.set(id, at);
        },
        onCheckFailed: () => undefined,
        onNotFound: () => undefined,
        onGaveUp: () => undefined,
        onOverdue: () => undefined,
        onHealth: () => undefined,
        onScheduleChanged: () => undefined,
      },
    });
    const ids = Array.from({ length: 200 }, (_, i) => `learn-${i}`);
    const codes = Array.from({ length: 10 }, (_, i) => `code-${i}`);
    for (const id of ids) {
      simulator.markSent(id, clock.now());
      scheduler.watch({ messageId: id, addedAt: clock.now() });
    }
    await clock.advanceBy(60_000);
    for (const id of codes) {
      simulator.markSent(id, clock.now());
      scheduler.watch({ messageId: id, addedAt: clock.now(), deadlineAt: clock.now() + 30_000 });
    }
    const end = start + 45 * 60_000;
    await clock.advanceTo(end);
    scheduler.stop();

    for (const id of [...ids, ...codes]) {
      const finalAt = simulator.finalStatusAt(id);
      if (finalAt !== null && finalAt <= end - 10 * 60_000) expect(finals.has(id), id).toBe(true);
    }
    const requests = simulator.requests();
    expect(peakPerSecond(requests.map((request) => request.at))).toBeLessThanOrEqual(10);
    const lastAt = new Map<string, number>();
    for (const request of requests) {
      const id = request.messageId ?? '';
      const previous = lastAt.get(id);
      if (previous !== undefined) expect(request.at - previous, id).toBeGreaterThanOrEqual(1000);
      lastAt.set(id, request.at);
    }
    for (const code of codes) {
      const sentAt = simulator.firstSeenAt(code) ?? 0;
      const firstCheck =
        requests.find((request) => request.messageId === code)?.at ?? Number.POSITIVE_INFINITY;
      expect(firstCheck - sentAt, code).toBeLessThanOrEqual(2_000);
    }
    const summary = policy.learner.summary();
    expect(summary.events).toBeGreaterThan(150);
    // The default profile: three quarters delivered within 30 s, a few more failing by then.
    expect(summary.shareFinalBy[1]?.share).toBeGreaterThan(0.6);
  });
});
