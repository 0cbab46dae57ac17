import type { Clock } from '../clock';
import { KeyedQueues } from './keyed-queues';
import { TimerSlot } from './timer-slot';

/** What happens to an id at a set time, whether or not it is being checked: its deadline, its watch window's end. */
export type AlarmKind = 'overdue' | 'give_up';

/** The alarm times of one id (monotonic ms); null when it has none of that kind. */
export interface AlarmTimes {
  readonly id: string;
  readonly overdueAt: number | null;
  readonly giveUpAt: number;
}

/**
 * The deadlines and watch-window ends of every id, on one timer of their own: they fire on time while checks are
 * paused, rate limited, offline or blocked. Stale times (moved or removed) are skipped: the caller says which stand.
 */
export class Alarms {
  readonly #queues: KeyedQueues<AlarmKind>;
  readonly #timer: TimerSlot;

  /**
   * @param isCurrent whether an alarm still stands
   * @param onAlarm called for each alarm that is due, overdue ones first, in time order
   */
  constructor(
    private readonly clock: Clock,
    isCurrent: (id: string, kind: AlarmKind, at: number) => boolean,
    onAlarm: (kind: AlarmKind, id: string, at: number) => void,
    afterAlarms: () => void,
  ) {
    this.#queues = new KeyedQueues<AlarmKind>(['overdue', 'give_up'], isCurrent);
    this.#timer = new TimerSlot(clock, () => {
      const now = this.clock.monotonicNow();
      for (const kind of ['overdue', 'give_up'] as const) {
        for (let due = this.#queues.peek(kind); due && due.at <= now; due = this.#queues.peek(kind)) {
          this.#queues.pop(kind);
          onAlarm(kind, due.id, due.at);
        }
      }
      this.arm();
      afterAlarms();
    });
  }

  /** Sets the alarms of one id (its earlier times become stale when they change). */
  set(times: AlarmTimes): void {
    this.#queues.push(times.id, 'give_up', times.giveUpAt);
    if (times.overdueAt !== null) this.#queues.push(times.id, 'overdue', times.overdueAt);
  }

  /** Replaces every alarm (after the watch window changed). */
  rebuild(all: Iterable<AlarmTimes>): void {
    this.#queues.rebuild([]);
    for (const times of all) this.set(times);
  }

  /** Arms the timer for the earliest alarm that stands, or disarms it when there is none. */
  arm(): void {
    this.#timer.arm(this.#queues.earliest());
  }

  /** Disarms for good (until `arm`). */
  stop(): void {
    this.#timer.disarm();
  }
}
