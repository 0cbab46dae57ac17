/**
 * When a value that changes often should next be taken up by a view that shows it at most once per `intervalMs`:
 * 'after-paint' for the first (so that the window's first frame does not wait for it), else the time left until
 * `intervalMs` after the last one (0: now).
 */
export function sampleDelayMs(
  lastSampleAt: number | null,
  now: number,
  intervalMs: number,
): number | 'after-paint' {
  if (lastSampleAt === null) return 'after-paint';
  return Math.max(0, lastSampleAt + intervalMs - now);
}
