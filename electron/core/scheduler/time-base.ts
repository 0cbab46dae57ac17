import type { Clock } from '../clock';

/**
 * Converts between the epoch times people see and save and the monotonic times the scheduler runs on, at the
 * current offset between the two clocks. Saved times are converted once, when an id is watched; a later step of the
 * wall clock then changes nothing in the schedule.
 */
export interface TimeBase {
  /** Monotonic ms for an epoch time. */
  toMonotonic(epochMs: number): number;
  /** Epoch ms for a monotonic time, whole (the monotonic clock has fractions people and saved files do not need). */
  toEpoch(monotonicMs: number): number;
}

/** The time base of `clock`, read afresh at each conversion. */
export function timeBaseOf(clock: Clock): TimeBase {
  return {
    toMonotonic: (epochMs) => epochMs - clock.now() + clock.monotonicNow(),
    toEpoch: (monotonicMs) => Math.round(monotonicMs - clock.monotonicNow() + clock.now()),
  };
}
