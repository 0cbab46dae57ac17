import { RatePacer } from '../rate-pacer';
import { KeyedQueues, type Queued } from './keyed-queues';
import { LANES, pickLane, type Lane } from './lanes';

/** A check waiting in a lane. */
export interface DueCheck {
  readonly id: string;
  readonly lane: Lane;
  readonly dueAt: number;
}

/** What to do next: start the check of `id` now, or wake at `wakeAt` (+Infinity: nothing queued). */
export type NextCheck = { readonly id: string } | { readonly wakeAt: number };

/**
 * The due checks of every id, in their lanes, released no faster than the rate cap: the earliest due check of the
 * lane `pickLane` chooses, so first checks and deadline checks go ahead of routine re-checks while routine keeps its
 * share. Times are monotonic ms.
 */
export class DueQueue {
  readonly #lanes: KeyedQueues<Lane>;
  readonly #pacer: RatePacer;
  #urgentInRow = 0;

  /**
   * @param isCurrent whether a queued item still stands (the id may have been rescheduled since)
   * @param current every check that stands, to rebuild the queues when stale items dominate
   */
  constructor(
    isCurrent: (id: string, lane: Lane, dueAt: number) => boolean,
    private readonly current: () => Iterable<DueCheck>,
    perSecond: number,
    private readonly routineShareEvery: number,
  ) {
    this.#lanes = new KeyedQueues(LANES, isCurrent);
    this.#pacer = new RatePacer(perSecond);
  }

  /** Queues a check; the previous one of the same id becomes stale. `size` is how many ids are watched. */
  push(check: DueCheck, size: number): void {
    this.#lanes.push(check.id, check.lane, check.dueAt);
    if (this.#lanes.length > 4 * size + 1024) {
      this.#lanes.rebuild(
        Array.from(this.current(), (item) => ({ id: item.id, key: item.lane, at: item.dueAt })),
      );
    }
  }

  /** Changes the rate cap from the next request on. */
  setRate(perSecond: number): void {
    this.#pacer.setRate(perSecond);
  }

  /** The check to start now (taking its rate slot), or when to look again. */
  next(now: number): NextCheck {
    const heads = new Map(LANES.map((lane) => [lane, this.#lanes.peek(lane)]));
    let dueAt = Number.POSITIVE_INFINITY;
    for (const head of heads.values()) dueAt = Math.min(dueAt, head?.at ?? dueAt);
    const startAt = Math.max(dueAt, this.#pacer.nextSlot(now));
    if (startAt > now) return { wakeAt: startAt };
    const ready = Object.fromEntries(LANES.map((lane) => [lane, isDue(heads.get(lane), now)])) as Record<
      Lane,
      boolean
    >;
    const pick = pickLane(ready, this.#urgentInRow, this.routineShareEvery);
    const head = pick.lane === null ? undefined : heads.get(pick.lane);
    if (pick.lane === null || head === undefined) return { wakeAt: Number.POSITIVE_INFINITY };
    this.#urgentInRow = pick.urgentInRow;
    this.#lanes.pop(pick.lane);
    this.#pacer.take(now);
    return { id: head.id };
  }
}

function isDue(head: Queued | undefined, now: number): boolean {
  return head !== undefined && head.at <= now;
}
