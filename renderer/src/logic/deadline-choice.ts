/** The "expect delivery within" choices of the add panel, in minutes (0: no deadline). */
export const DEADLINE_CHOICES_MINUTES: readonly number[] = [0, 1, 2, 5, 15, 60, 240, 1440];

/** Converts a chosen number of minutes to the contract's deadline in ms (null: none). */
export function deadlineMsOf(minutes: number): number | null {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new TypeError(`Expected minutes to be a finite number of at least 0, got ${String(minutes)}`);
  }
  return minutes === 0 ? null : Math.round(minutes * 60_000);
}
