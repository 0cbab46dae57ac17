/**
 * Spaces request starts evenly so that no window of one second ever holds more than `perSecond` of them.
 * Hand-written rather than taken from p-queue or bottleneck because it must run on the engine's injected clock
 * (virtual time in tests and benchmarks) and share the scheduler's single timer. Times are monotonic ms.
 */
export class RatePacer {
  #gapMs: number;
  #nextAt = Number.NEGATIVE_INFINITY;

  /** @param perSecond the most request starts in any one-second window. */
  constructor(perSecond: number) {
    this.#gapMs = 1000 / perSecond;
  }

  /** Changes the rate from the next request on. */
  setRate(perSecond: number): void {
    const gapMs = 1000 / perSecond;
    if (this.#nextAt !== Number.NEGATIVE_INFINITY) this.#nextAt += gapMs - this.#gapMs;
    this.#gapMs = gapMs;
  }

  /** The earliest time (ms) at or after `now` when a request may start. */
  nextSlot(now: number): number {
    return Math.max(now, this.#nextAt);
  }

  /** Records a request starting at `now`; call only when `nextSlot(now) <= now`. */
  take(now: number): void {
    this.#nextAt = Math.max(now, this.#nextAt) + this.#gapMs;
  }
}
