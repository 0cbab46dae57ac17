import { describe, expect, it } from 'vitest';
import { applyRuntimeOptions, resolveOptions } from '../../../../electron/core/scheduler/options';

describe('scheduler options', () => {
  it('fills in the defaults', () => {
    expect(resolveOptions({})).toMatchObject({
      maxRequestsPerSecond: 10,
      concurrency: 4,
      initialIntervalMs: 5_000,
      maxIntervalMs: 60_000,
      watchWindowMs: 86_400_000,
      routineShareEvery: 4,
    });
  });

  it('names the bad option, what it expects and what it got', () => {
    expect(() => resolveOptions({ maxRequestsPerSecond: '10' })).toThrow(
      new TypeError('Expected `maxRequestsPerSecond` to be a number above 0 and up to 50, got "10" (string)'),
    );
    expect(() => resolveOptions({ maxIntervalMs: 1_000 })).toThrow(/maxIntervalMs.*from 5000/);
  });

  it('changes only run-time options, checks them all first, and keeps the first interval within the cap', () => {
    const current = resolveOptions({});
    expect(applyRuntimeOptions(current, { concurrency: 2 })).toEqual({ ...current, concurrency: 2 });
    expect(() => applyRuntimeOptions(current, { jitterRatio: 0.2 })).toThrow(/`jitterRatio`/);
    expect(() => applyRuntimeOptions(current, { initialIntervalMs: 90_000 })).toThrow(
      /initialIntervalMs.*from 1000 to 60000.*`90000`/,
    );
    expect(() => applyRuntimeOptions(current, { concurrency: 2, watchWindowMs: -1 })).toThrow(
      /watchWindowMs/,
    );
  });
});
