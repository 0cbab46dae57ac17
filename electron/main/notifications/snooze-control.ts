import type { TimerPort } from '../timer-port';
import {
  currentSnooze,
  isSnoozed,
  startSnooze,
  systemOffsetAt,
  type OffsetAt,
  type Snooze,
  type SnoozeChoice,
} from './snooze';

/** The one snooze the tray sets and the notifications obey; listeners hear when it starts, ends or runs out. */
export interface SnoozeControl {
  /** When snoozed notifications come back (epoch ms), or null when not snoozed. */
  until(): number | null;
  /** True while notifications are snoozed. */
  isSnoozed(): boolean;
  snooze(choice: SnoozeChoice): void;
  /** Shows notifications again. */
  resume(): void;
  /** Calls `listener` whenever the snooze changes (also when it runs out); returns the function that stops it. */
  subscribe(listener: () => void): () => void;
  /** Stops the timer that ends the snooze. */
  dispose(): void;
}

/** Holds the snooze state (decided by the pure functions in `snooze.ts`) and tells its listeners when it ends. */
export function createSnoozeControl(timers: TimerPort, offsetAt: OffsetAt = systemOffsetAt): SnoozeControl {
  let state: Snooze = null;
  let timer: unknown = null;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };
  const set = (next: Snooze) => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    state = next;
    if (next !== null) {
      timer = timers.setTimeout(
        () => {
          timer = null;
          state = currentSnooze(state, timers.epochNow());
          changed();
        },
        Math.max(0, next.until - timers.epochNow()),
      );
    }
    changed();
  };
  return {
    until: () => currentSnooze(state, timers.epochNow())?.until ?? null,
    isSnoozed: () => isSnoozed(state, timers.epochNow()),
    snooze: (choice) => {
      set(startSnooze(choice, timers.epochNow(), offsetAt));
    },
    resume: () => {
      set(null);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
