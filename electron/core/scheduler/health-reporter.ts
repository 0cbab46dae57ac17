import { sameHealth, type EngineHealth } from '../../../shared/engine-health';
import type { Clock } from '../clock';
import type { HoldState } from './global-holds';
import { blockerOf, buildHealth, healthKey, keyOf, MinuteCounter, modeOf } from './health';
import type { TimeBase } from './time-base';
import { TimerSlot } from './timer-slot';

/** How often the busy counts of health (in flight, backlog, requests in the last minute) are refreshed. */
export const HEALTH_SAMPLE_MS = 5_000;

/** What health is computed from: functions that read the scheduler's state when health is built. */
export interface HealthSource {
  readonly stopped: () => boolean;
  readonly holds: () => HoldState;
  readonly watching: () => number;
  readonly inFlight: () => number;
  readonly rateCapPerSecond: () => number;
  /** Ids waiting for a check that is due at `now` (monotonic ms). */
  readonly backlog: (now: number) => number;
}

/**
 * Builds the engine's health and decides when to emit it: at once when its mode, blocker or rate cap changes (cheap
 * to tell, checked at every delivery), and every `HEALTH_SAMPLE_MS` when anything else in it changed (the counts,
 * the last success). A steady stream of requests therefore emits at most one health per sample period, and the
 * backlog (a walk over the ids) is counted only when health is built.
 */
export class HealthReporter {
  readonly #minute = new MinuteCounter();
  readonly #sampler: TimerSlot;
  #lastSuccessAt: number | null = null;
  #last: EngineHealth;

  constructor(
    private readonly clock: Clock,
    private readonly time: TimeBase,
    private readonly source: HealthSource,
    private readonly emit: (health: EngineHealth) => void,
  ) {
    this.#sampler = new TimerSlot(clock, () => {
      this.update(true);
    });
    this.#last = this.current();
  }

  /** Records a request starting at `at` (monotonic ms). */
  recordRequest(at: number): void {
    this.#minute.record(at);
  }

  /** Records an answer from SMSBAT at `at` (monotonic ms). */
  recordSuccess(at: number): void {
    this.#lastSuccessAt = at;
  }

  /** The health right now, with exact counts. */
  current(): EngineHealth {
    const { source } = this;
    const now = this.clock.monotonicNow();
    return buildHealth({
      stopped: source.stopped(),
      holds: source.holds(),
      counts: {
        watching: source.watching(),
        inFlight: source.inFlight(),
        backlog: source.backlog(now),
        requestsLastMinute: this.#minute.count(now),
        rateCapPerSecond: source.rateCapPerSecond(),
      },
      lastSuccessAt: this.#lastSuccessAt,
      now,
      toEpoch: (monotonicMs) => this.time.toEpoch(monotonicMs),
    });
  }

  /** Emits health if it changed: its key only, or (when `sampled`) anything in it. */
  update(sampled: boolean): void {
    if (!sampled && keyOf(this.#last) === this.#keyNow()) return;
    const health = this.current();
    if (sampled && sameHealth(this.#last, health)) {
      this.#armSampler();
      return;
    }
    this.#last = health;
    this.#armSampler();
    this.emit(health);
  }

  #keyNow(): string {
    const { source } = this;
    const stopped = source.stopped();
    const holds = source.holds();
    const blocker = stopped ? null : blockerOf(holds, this.clock.monotonicNow(), (ms) => ms);
    return healthKey(
      modeOf(stopped, holds.paused, source.watching()),
      blocker?.kind ?? null,
      source.rateCapPerSecond(),
    );
  }

  /** Samples while anything is watched or counted; an idle or stopped engine keeps no timer. */
  #armSampler(): void {
    const { counts, mode } = this.#last;
    const busy = counts.watching > 0 || counts.requestsLastMinute > 0 || counts.inFlight > 0;
    if (mode === 'stopped' || !busy) this.#sampler.disarm();
    else if (!this.#sampler.armed) this.#sampler.arm(this.clock.monotonicNow() + HEALTH_SAMPLE_MS);
  }
}
