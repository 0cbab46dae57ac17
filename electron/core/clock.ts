/** The longest delay a Node timer supports (about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** An opaque handle returned by {@link Clock.setTimeout}. */
export type TimerHandle = object | number;

/**
 * The time sources and timers the engine uses, injected so tests and benchmarks can run in virtual time.
 * Scheduling uses `monotonicNow()` (never steps when the wall clock is changed); `now()` is only for what people
 * see and what is saved.
 */
export interface Clock {
  /** Milliseconds since the epoch (wall-clock time: may step back or forward). */
  now(): number;
  /** Milliseconds on a clock that only moves forward, from an arbitrary origin. */
  monotonicNow(): number;
  /** Runs `callback` after `delayMs` of monotonic time. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The real clock: `Date.now`, `performance.now` and the host's timers. Timers are unref'd so they never keep a
 * process alive alone.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonicNow: () => performance.now(),
  setTimeout: (callback, delayMs) => {
    return setTimeout(callback, delayMs).unref();
  },
  clearTimeout: (handle) => {
    clearTimeout(handle as Parameters<typeof clearTimeout>[0]);
  },
};
