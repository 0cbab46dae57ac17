/** Runs a callback once, later (the next animation frame, or a timer when frames are paused). */
export type ScheduleOnce = (callback: () => void) => void;

/**
 * Gathers items that arrive close together and hands them over as one batch: the first item schedules a flush,
 * later ones join it, and the flush delivers everything gathered in arrival order. With the next animation frame as
 * the schedule, the window draws feed changes once per frame however many arrive.
 */
export class FrameBatch<T> {
  readonly #schedule: ScheduleOnce;
  readonly #deliver: (items: readonly T[]) => void;
  readonly #urgent: (item: T) => boolean;
  #items: T[] = [];
  #scheduled = false;
  #closed = false;

  /** `urgent` items are delivered at once, with everything gathered before them. */
  constructor(
    schedule: ScheduleOnce,
    deliver: (items: readonly T[]) => void,
    urgent: (item: T) => boolean = () => false,
  ) {
    this.#schedule = schedule;
    this.#deliver = deliver;
    this.#urgent = urgent;
  }

  /** Adds an item to the coming batch (scheduling it when it is the first). */
  push(item: T): void {
    if (this.#closed) return;
    this.#items.push(item);
    if (this.#urgent(item)) {
      this.flush();
      return;
    }
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      this.flush();
    });
  }

  /** Delivers what was gathered now (nothing when empty). */
  flush(): void {
    if (this.#closed || this.#items.length === 0) return;
    const items = this.#items;
    this.#items = [];
    this.#deliver(items);
  }

  /** Drops what was gathered and ignores later items. */
  close(): void {
    this.#closed = true;
    this.#items = [];
  }
}

/**
 * The window's schedule: the next animation frame, or `fallbackMs` later if no frame comes first (a hidden window
 * gets no frames, and its title and notifications must still follow the feed).
 */
export function nextFrameOrTimeout(fallbackMs = 100): ScheduleOnce {
  return (callback) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      callback();
    };
    const frame = requestAnimationFrame(run);
    const timer = setTimeout(run, fallbackMs);
  };
}

/**
 * Runs `callback` in a task after the next frame is painted (a frame's callbacks run before its paint), or after
 * the timer when no frame comes; returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void, fallbackMs = 100): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  nextFrameOrTimeout(fallbackMs)(() => {
    if (!cancelled) timer = setTimeout(callback, 0);
  });
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
