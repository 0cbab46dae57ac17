import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../bench/webhook-bench';
import type { SimOutcome, SimWorkload } from '../../bench/event-sim';

const id = (arrivalMs: number, finalAgeMs: number | null) => ({
  arrivalMs,
  deadlineAgeMs: null,
  finalAgeMs,
  processingAgeMs: null,
  mix: 'sms' as const,
});

describe('the webhook benchmark figures', () => {
  it('counts finals within the run, requests per final and the lag from each final to when it was known', () => {
    const workload: SimWorkload = {
      rateCap: 10,
      durationMs: 10_000,
      latencyMs: 0,
      ids: [id(0, 1_000), id(0, 2_000), id(0, null), id(5_000, 5_000)],
    };
    const outcome: SimOutcome = {
      requests: 6,
      detectedAtMs: Float64Array.from([1_500, Number.NaN, Number.NaN, Number.NaN]),
      firstCheckAtMs: new Float64Array(4),
      peakPerSecond: 1,
      minPerIdGapMs: 1_000,
      watchedMs: 0,
    };
    expect(figuresOf([{ workload, outcome }])).toMatchObject({
      finals: 2,
      detected: 1,
      requestsPerFinal: 3,
      meanLagMs: 500,
    });
  });
});
