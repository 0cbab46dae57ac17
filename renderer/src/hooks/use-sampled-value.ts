import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from '../logic/frame-batch';
import { sampleDelayMs } from '../logic/sample-delay';

/**
 * Follows `value` at most once per `intervalMs`, starting after the first frame is painted (`initial` until then);
 * each new sample renders as a transition, which React can split and interrupt. For views nobody can read faster
 * (a chart, per-label summaries, the window title) that would otherwise redo work over every message per change.
 */
export function useSampledValue<T>(value: T, intervalMs: number, initial: T): T {
  const [sample, setSample] = useState<{ readonly value: T; readonly at: number } | null>(null);
  useEffect(() => {
    if (sample !== null && Object.is(sample.value, value)) return;
    const take = () => {
      startTransition(() => {
        setSample({ value, at: performance.now() });
      });
    };
    const delay = sampleDelayMs(sample?.at ?? null, performance.now(), intervalMs);
    if (delay === 'after-paint') return afterNextPaint(take);
    const timer = setTimeout(take, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [value, sample, intervalMs]);
  return sample === null ? initial : sample.value;
}
