import type { Clock, TimerHandle } from './clock';

interface VirtualTimer {
  readonly id: number;
  /** Monotonic time the timer fires at. */
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock whose time moves only when told to, so tests and benchmarks can run hours of polling in moments.
 * Between timers it lets pending promise callbacks run, so async code behaves as it would in real time.
 * It keeps a monotonic time (timers run on it) and a wall-clock time, which `stepWallClock` can move on its own,
 * as when someone changes the system clock.
 */
export class VirtualClock implements Clock {
  #monotonic = 0;
  /** Wall-clock time minus monotonic time. */
  #wallOffset: number;
  #nextId = 1;
  readonly #timers = new Map<number, VirtualTimer>();

  /** @param startMs the epoch time the clock starts at. */
  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.#wallOffset = startMs;
  }

  /** The virtual wall-clock time in epoch milliseconds. */
  now(): number {
    return this.#monotonic + this.#wallOffset;
  }

  /** The virtual monotonic time in milliseconds (starts at 0). */
  monotonicNow(): number {
    return this.#monotonic;
  }

  /** Moves only the wall clock by `deltaMs` (negative: back), as a user or NTP changing the system time would. */
  stepWallClock(deltaMs: number): void {
    this.#wallOffset += deltaMs;
  }

  /** Schedules `callback` after `delayMs` of virtual time. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { id, at: this.#monotonic + Math.max(0, delayMs), callback });
    return id;
  }

  /** Cancels a timer; unknown handles are ignored. */
  clearTimeout(handle: TimerHandle): void {
    if (typeof handle === 'number') this.#timers.delete(handle);
  }

  /** Resolves after `delayMs` of virtual time. */
  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, delayMs));
  }

  /** How many timers are waiting. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Advances to the wall-clock time `untilMs` (epoch), running the timers on the way. */
  advanceTo(untilMs: number): Promise<void> {
    return this.advanceBy(untilMs - this.now());
  }

  /** Advances the time by `deltaMs`, running every timer due on the way in time order, settling promises after each. */
  async advanceBy(deltaMs: number): Promise<void> {
    const until = this.#monotonic + Math.max(0, deltaMs);
    await settle();
    for (;;) {
      const next = this.#earliest();
      if (!next || next.at > until) break;
      this.#timers.delete(next.id);
      this.#monotonic = Math.max(this.#monotonic, next.at);
      next.callback();
      await settle();
    }
    this.#monotonic = Math.max(this.#monotonic, until);
  }

  #earliest(): VirtualTimer | undefined {
    let earliest: VirtualTimer | undefined;
    for (const timer of this.#timers.values()) {
      if (!earliest || timer.at < earliest.at || (timer.at === earliest.at && timer.id < earliest.id)) {
        earliest = timer;
      }
    }
    return earliest;
  }
}

/** Lets every already-queued promise callback run (a macrotask turn). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
