/** When to apply a tray update: now, or at a later monotonic time (ms). */
export type ThrottleDecision = { readonly kind: 'now' } | { readonly kind: 'later'; readonly atMs: number };

/** The shortest time between two tray updates. Linux trays redraw slowly and flicker when updated faster. */
export const TRAY_UPDATE_GAP_MS = 1000;

/**
 * Whether an update may be applied at `nowMs`, given when the last one was applied (null: never): at most one per
 * `gapMs`, the waiting one applied as soon as the gap is over. Pure; monotonic times.
 */
export function throttleDecision(
  lastAppliedAtMs: number | null,
  nowMs: number,
  gapMs = TRAY_UPDATE_GAP_MS,
): ThrottleDecision {
  if (lastAppliedAtMs === null || nowMs - lastAppliedAtMs >= gapMs) return { kind: 'now' };
  return { kind: 'later', atMs: lastAppliedAtMs + gapMs };
}
