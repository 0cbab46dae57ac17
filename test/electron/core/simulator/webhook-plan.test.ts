import { describe, expect, it } from 'vitest';
import { timelineFor } from '../../../../electron/core/simulator';
import { mulberry32 } from '../../../../electron/core/simulator/random';
import { planWebhooks, REORDER_GAP_MS } from '../../../../electron/core/simulator/webhook-plan';

const START = Date.UTC(2026, 11, 8, 9, 0, 0);
const always = (): number => 0;
const never = (): number => 0.999_999;

describe("the simulator's webhook plan for one message", () => {
  const timeline = timelineFor(1, 'fast-sms-1');

  it('posts each status change after the first, stamped with its time, the final one with its cost', () => {
    const plan = planWebhooks(timeline, START, 1, {}, never);
    const changes = timeline.steps.slice(1);
    expect(plan.map((post) => post.body.deliverystatus)).toEqual(changes.map((step) => step.status));
    plan.forEach((post, index) => {
      const at = START + (changes[index]?.afterMs ?? NaN);
      expect(post.sendAt).toBe(at);
      expect(Date.parse(post.body.timestamp)).toBe(at);
    });
    expect(plan.at(-1)?.body).toMatchObject({ deliverystatus: 'delivered', cost: timeline.finalCost });
    expect(plan.slice(0, -1).every((post) => post.body.cost === undefined)).toBe(true);
  });

  it('loses every post at a loss rate of 1 and none at 0', () => {
    expect(planWebhooks(timeline, START, 1, { lossRate: 1 }, always)).toEqual([]);
    expect(planWebhooks(timeline, START, 1, { lossRate: 0 }, always)).toHaveLength(timeline.steps.length - 1);
  });

  it('doubles every post at a duplicate rate of 1', () => {
    const plan = planWebhooks(timeline, START, 1, { duplicateRate: 1 }, always);
    expect(plan).toHaveLength(2 * (timeline.steps.length - 1));
  });

  it('sends a reordered post after the next change, so a later status arrives first', () => {
    const twoChanges = { ...timeline, steps: timeline.steps.slice(0, 3) };
    expect(twoChanges.steps.length).toBe(3);
    const plan = planWebhooks(twoChanges, START, 1, { reorderRate: 1 }, always);
    const [first, second] = plan;
    expect(first?.body.deliverystatus).toBe(twoChanges.steps[2]?.status);
    expect(second?.body.deliverystatus).toBe(twoChanges.steps[1]?.status);
    expect(second?.sendAt).toBe(START + (twoChanges.steps[2]?.afterMs ?? NaN) + REORDER_GAP_MS);
  });

  it('delays posts by up to maxDelayMs, scaled with simulated time, and keeps the timestamps true', () => {
    const plan = planWebhooks(timeline, START, 0.5, { maxDelayMs: 2000 }, () => 0.5);
    const change = timeline.steps[1];
    const at = Math.round(START + (change?.afterMs ?? NaN) * 0.5);
    expect(plan[0]?.sendAt).toBe(at + 500);
    expect(Date.parse(plan[0]?.body.timestamp ?? '')).toBe(at);
  });

  it('is the same for the same draws', () => {
    const faults = { lossRate: 0.3, duplicateRate: 0.3, maxDelayMs: 1500, reorderRate: 0.3 };
    expect(planWebhooks(timeline, START, 1, faults, mulberry32(7))).toEqual(
      planWebhooks(timeline, START, 1, faults, mulberry32(7)),
    );
  });
});
