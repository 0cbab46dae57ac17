/** Lag statistics, and the matched-budget comparison against the fixed-interval curve. */
import { quantile } from './stats';

/** Lag summary in seconds. */
export interface LagSummary {
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Mean, p50, p95, p99 and max of lags given in ms, reported in seconds. */
export function summarizeLags(lagsMs: readonly number[]): LagSummary {
  const sorted = Float64Array.from(lagsMs).sort();
  let sum = 0;
  for (const lag of sorted) sum += lag;
  const seconds = (ms: number) => ms / 1000;
  return {
    mean: sorted.length === 0 ? Number.NaN : seconds(sum / sorted.length),
    p50: seconds(quantile(sorted, 0.5)),
    p95: seconds(quantile(sorted, 0.95)),
    p99: seconds(quantile(sorted, 0.99)),
    max: seconds(sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN)),
  };
}

/** One point of a curve: requests spent and the lag reached. */
export interface CurvePoint {
  readonly requests: number;
  readonly lag: number;
}

/**
 * The curve's lag at `requests`, interpolated linearly in log(requests) and log(lag) between the neighbouring
 * points (and extrapolated along the end segments). Points with equal requests are averaged.
 */
export function logLogAt(points: readonly CurvePoint[], requests: number): number {
  const valid = points.filter((p) => p.requests > 0 && p.lag > 0 && Number.isFinite(p.lag));
  const merged = new Map<number, number[]>();
  for (const point of valid)
    merged.set(point.requests, [...(merged.get(point.requests) ?? []), Math.log(point.lag)]);
  const curve = [...merged]
    .map(([x, logs]) => ({ x: Math.log(x), y: logs.reduce((a, b) => a + b, 0) / logs.length }))
    .sort((a, b) => a.x - b.x);
  if (curve.length === 0 || !(requests > 0)) return Number.NaN;
  const first = curve[0];
  if (curve.length === 1 || first === undefined) return Math.exp(first?.y ?? Number.NaN);
  const x = Math.log(requests);
  let segment = 0;
  while (segment < curve.length - 2 && x > (curve[segment + 1]?.x ?? 0)) segment += 1;
  const a = curve[segment];
  const b = curve[segment + 1];
  if (a === undefined || b === undefined) return Number.NaN;
  return Math.exp(a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x));
}

/** `value` divided by the curve's value at the same requests; NaN when either is missing. */
export function matchedRatio(points: readonly CurvePoint[], requests: number, value: number): number {
  const reference = logLogAt(points, requests);
  return Number.isFinite(reference) && reference > 0 ? value / reference : Number.NaN;
}
