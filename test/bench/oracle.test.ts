import { describe, expect, it } from 'vitest';
import { oracleBound } from '../../bench/oracle';

/** Mean and p95 lag of checks every `everyS` seconds for finals uniform on [0, spanS], all within the horizon. */
function fixedUniform(everyS: number, spanS: number): { mean: number; p95: number; checks: number } {
  let checks = 0;
  for (let at = everyS; at - everyS < spanS; at += everyS) checks += Math.max(0, 1 - (at - everyS) / spanS);
  return { mean: everyS / 2, p95: 0.95 * everyS, checks };
}

describe('oracle bound', () => {
  const uniform = (ageS: number) => Math.min(1, Math.max(0, ageS / 60));

  it('is never worse than fixed polling at the same number of checks, and improves with budget', () => {
    const fixed = fixedUniform(10, 60);
    const bound = oracleBound({
      finalShareBy: uniform,
      groups: [{ horizonS: 600, weight: 1 }],
      checksPerId: fixed.checks,
    });
    expect(bound.mean).toBeLessThanOrEqual(fixed.mean + 0.2);
    expect(bound.p95).toBeLessThanOrEqual(fixed.p95 + 0.3);
    const richer = oracleBound({
      finalShareBy: uniform,
      groups: [{ horizonS: 600, weight: 1 }],
      checksPerId: fixed.checks * 2,
    });
    expect(richer.mean).toBeLessThan(bound.mean);
    expect(richer.p95).toBeLessThan(bound.p95);
  });

  it('checks right after a known delivery time: one check finds every final at once', () => {
    const atTen = (ageS: number) => (ageS >= 10 ? 0.9 : 0);
    const bound = oracleBound({
      finalShareBy: atTen,
      groups: [{ horizonS: 300, weight: 1 }],
      checksPerId: 1,
    });
    expect(bound.mean).toBeLessThan(0.3);
    expect(bound.p95).toBeLessThan(0.3);
  });

  it('counts a final no check finds with its lag to the end of the run', () => {
    const atTen = (ageS: number) => (ageS >= 10 ? 1 : 0);
    const bound = oracleBound({
      finalShareBy: atTen,
      groups: [{ horizonS: 100, weight: 1 }],
      checksPerId: 0,
    });
    expect(bound.mean).toBeCloseTo(90, 0);
  });

  it('adds the latency of a request to every lag', () => {
    const input = { finalShareBy: uniform, groups: [{ horizonS: 600, weight: 1 }], checksPerId: 4 };
    const without = oracleBound(input);
    const withLatency = oracleBound({ ...input, latencyS: 0.08 });
    expect(withLatency.mean - without.mean).toBeCloseTo(0.08, 5);
  });
});
