/** Timers as the main process's adapters use them: injected, so tests run them on a virtual clock. */
export interface TimerPort {
  /** Monotonic milliseconds (`performance.now()`), for spacing updates. */
  monotonicNow(): number;
  /** Epoch milliseconds (`Date.now()`), for times people read (a snooze's end). */
  epochNow(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real timers. */
export const SYSTEM_TIMERS: TimerPort = {
  monotonicNow: () => performance.now(),
  epochNow: () => Date.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
