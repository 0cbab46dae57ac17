import { RatePacer } from '../core/rate-pacer';

/** How `forEachPaced` spreads its tasks. */
export interface PacingOptions {
  /** The most task starts in any one second. */
  readonly perSecond: number;
  /** The most tasks running at once. */
  readonly concurrency: number;
  /** Stops starting tasks once aborted (running ones are the task's business). */
  readonly signal: AbortSignal;
}

/**
 * Runs `task` for every item, starting at most `perSecond` per second (evenly spaced) and `concurrency` at once, in
 * order. Resolves when every started task has finished; items not started before the abort are skipped.
 */
export async function forEachPaced<T>(
  items: readonly T[],
  options: PacingOptions,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const pacer = new RatePacer(options.perSecond);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !options.signal.aborted) {
      const index = next;
      next += 1;
      const now = Date.now();
      const slot = pacer.nextSlot(now);
      pacer.take(slot);
      if (!(await sleep(slot - now, options.signal))) return;
      await task(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker);
  await Promise.all(workers);
}

/** Waits `ms` (at once when not positive); resolves false if the signal aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
