import type { Clock, TimerHandle } from './clock';

interface VirtualTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock whose time moves only when told to, so tests and benchmarks can run hours of polling in moments.
 * Between timers it lets pending promise callbacks run, so async code behaves as it would in real time.
 */
export class VirtualClock implements Clock {
  #now: number;
  #nextId = 1;
  readonly #timers = new Map<number, VirtualTimer>();

  /** @param startMs the epoch time the clock starts at. */
  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.#now = startMs;
  }

  /** The virtual time in epoch milliseconds. */
  now(): number {
    return this.#now;
  }

  /** Schedules `callback` after `delayMs` of virtual time. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { id, at: this.#now + Math.max(0, delayMs), callback });
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

  /** Runs every timer due up to `untilMs` in time order, settling promises after each, then sets the time to it. */
  async advanceTo(untilMs: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.#earliest();
      if (!next || next.at > untilMs) break;
      this.#timers.delete(next.id);
      this.#now = Math.max(this.#now, next.at);
      next.callback();
      await settle();
    }
    this.#now = Math.max(this.#now, untilMs);
  }

  /** Advances the time by `deltaMs`, running the timers on the way. */
  advanceBy(deltaMs: number): Promise<void> {
    return this.advanceTo(this.#now + deltaMs);
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
