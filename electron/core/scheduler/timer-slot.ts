import { MAX_TIMER_DELAY_MS, type Clock, type TimerHandle } from '../clock';

/** One re-armable timer on the clock's monotonic time: arming again replaces the previous one. */
export class TimerSlot {
  #handle: TimerHandle | null = null;
  #at = Number.POSITIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly onFire: () => void,
  ) {}

  /** Fires at monotonic time `at` (at once if it has passed); +Infinity disarms. */
  arm(at: number): void {
    if (at === Number.POSITIVE_INFINITY) {
      this.disarm();
      return;
    }
    if (this.#handle !== null && this.#at === at) return;
    this.disarm();
    this.#at = at;
    this.#handle = this.clock.setTimeout(
      () => {
        this.#handle = null;
        this.#at = Number.POSITIVE_INFINITY;
        this.onFire();
      },
      Math.min(Math.max(0, at - this.clock.monotonicNow()), MAX_TIMER_DELAY_MS),
    );
  }

  /** Whether the timer is armed. */
  get armed(): boolean {
    return this.#handle !== null;
  }

  /** Cancels the timer, if armed. */
  disarm(): void {
    if (this.#handle === null) return;
    this.clock.clearTimeout(this.#handle);
    this.#handle = null;
    this.#at = Number.POSITIVE_INFINITY;
  }
}
