import type { PowerMonitor } from 'electron';

/** Wakes closer together than this are one (waking from sleep often unlocks the screen at once). @default 10 s */
export const MIN_WAKE_GAP_MS = 10_000;

/** How often the network state is looked at, to notice it coming back. @default 10 s */
export const ONLINE_POLL_MS = 10_000;

/** Whether a wake at `now` re-checks: the first one, or one at least `minGapMs` after the last. */
export function shouldWake(
  lastWakeAt: number | null,
  now: number,
  minGapMs: number = MIN_WAKE_GAP_MS,
): boolean {
  return lastWakeAt === null || now - lastWakeAt >= minGapMs;
}

/** True when the network was down at the last look and is up now. */
export function cameOnline(wasOnline: boolean, isOnline: boolean): boolean {
  return !wasOnline && isOnline;
}

/** What wake checks listen to and drive. */
export interface WakeCheckOptions {
  readonly powerMonitor: Pick<PowerMonitor, 'on' | 'off'>;
  /** `net.isOnline()`. */
  readonly isOnline: () => boolean;
  /** The engine's wake: re-checks at once, keeping a pause. */
  readonly wake: () => void;
  /** Monotonic milliseconds. @default performance.now */
  readonly now?: () => number;
}

/**
 * Re-checks at once when the computer wakes from sleep, the screen is unlocked or the network comes back, without
 * lifting a pause. Returns the function that stops listening.
 */
export function installWakeChecks(options: WakeCheckOptions): () => void {
  const now = options.now ?? (() => performance.now());
  let lastWakeAt: number | null = null;
  const wake = (): void => {
    const at = now();
    if (!shouldWake(lastWakeAt, at)) return;
    lastWakeAt = at;
    options.wake();
  };
  options.powerMonitor.on('resume', wake);
  options.powerMonitor.on('unlock-screen', wake);
  let online = options.isOnline();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const look = (): void => {
    const next = options.isOnline();
    if (cameOnline(online, next)) wake();
    online = next;
    timer = setTimeout(look, ONLINE_POLL_MS).unref();
  };
  timer = setTimeout(look, ONLINE_POLL_MS).unref();
  return () => {
    options.powerMonitor.off('resume', wake);
    options.powerMonitor.off('unlock-screen', wake);
    if (timer !== null) clearTimeout(timer);
  };
}
