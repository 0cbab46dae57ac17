import { RatePacer } from '../rate-pacer';
import { KeyedQueues, type Queued } from './keyed-queues';
import { FIRST_CHECK_WITHIN_MS, pickFresh } from './fresh-first';
import { LANES, pickLane, type Lane } from './lanes';

/** The lanes of first checks, which also wait in the queue of fresh arrivals. */
const FIRST_LANES: readonly Lane[] = ['deadline-first', 'first'];

/** A check waiting in a lane. */
export interface DueCheck {
  readonly id: string;
  readonly lane: Lane;
  readonly dueAt: number;
  /** When the id was last asked about (monotonic ms); -Infinity for an id never asked. */
  readonly lastRequestAt: number;
  /** When the id was watched (monotonic ms). */
  readonly addedAt: number;
}

/** What to do next: start the check of `id` now, or wake at `wakeAt` (+Infinity: nothing queued). */
export type NextCheck = { readonly id: string } | { readonly wakeAt: number };

/**
 * The due checks of every id, in their lanes, released no faster than the rate cap: the earliest due check of the
 * lane `pickLane` chooses, so first checks and deadline checks go ahead of routine re-checks while routine keeps its
 * share. Under overload a first check still within its promise goes ahead of a head that has missed it (see
 * `pickFresh`). Times are monotonic ms.
 */
export class DueQueue {
  readonly #lanes: KeyedQueues<Lane>;
  /** The ids never asked about, by when they were watched, dropped once too old to be fresh; the oldest leads. */
  readonly #fresh: KeyedQueues<Lane>;
  readonly #pacer: RatePacer;
  #urgentInRow = 0;
  #freshInRow = 0;

  /**
   * @param isCurrent whether a queued item still stands (the id may have been rescheduled since)
   * @param newArrivalDueAt when the first check is due of an id queued as new at `addedAt` in `lane`; null once it
   *   is no longer waiting for that first check
   * @param current every check that stands, to rebuild the queues when stale items dominate
   */
  constructor(
    isCurrent: (id: string, lane: Lane, dueAt: number) => boolean,
    private readonly newArrivalDueAt: (id: string, lane: Lane, addedAt: number) => number | null,
    private readonly current: () => Iterable<DueCheck>,
    perSecond: number,
    private readonly routineShareEvery: number,
  ) {
    this.#lanes = new KeyedQueues(LANES, isCurrent);
    this.#fresh = new KeyedQueues(
      FIRST_LANES,
      (id, lane, addedAt) => newArrivalDueAt(id, lane, addedAt) !== null,
    );
    this.#pacer = new RatePacer(perSecond);
  }

  /** Queues a check; the previous one of the same id becomes stale. `size` is how many ids are watched. */
  push(check: DueCheck, size: number): void {
    this.#lanes.push(check.id, check.lane, check.dueAt);
    if (isNewArrival(check)) this.#fresh.push(check.id, check.lane, check.addedAt);
    if (this.#lanes.length + this.#fresh.length > 4 * size + 1024) {
      const current = Array.from(this.current());
      this.#lanes.rebuild(current.map((check) => ({ id: check.id, key: check.lane, at: check.dueAt })));
      this.#fresh.rebuild(
        current.filter(isNewArrival).map((check) => ({ id: check.id, key: check.lane, at: check.addedAt })),
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
    const fresh = this.#oldestFresh(now);
    const choice = pickFresh(
      {
        headDueAt: head.at,
        headUrgent: pick.lane !== 'routine',
        freshAddedAt: fresh?.at ?? null,
        freshInRow: this.#freshInRow,
      },
      now,
    );
    this.#freshInRow = choice.freshInRow;
    this.#pacer.take(now);
    if (choice.fresh && fresh !== undefined) {
      this.#fresh.pop(fresh.lane);
      return { id: fresh.id };
    }
    this.#lanes.pop(pick.lane);
    return { id: head.id };
  }

  /**
   * The earliest watched id still fresh at `now`, if its first check is due (older ones leave the fresh queue; they
   * stay in their lane). Its `at` is when it was watched.
   */
  #oldestFresh(now: number): (Queued & { readonly lane: Lane }) | undefined {
    let oldest: (Queued & { readonly lane: Lane }) | undefined;
    for (const lane of FIRST_LANES) {
      let item = this.#fresh.peek(lane);
      while (item !== undefined && item.at < now - FIRST_CHECK_WITHIN_MS) {
        this.#fresh.pop(lane);
        item = this.#fresh.peek(lane);
      }
      if (item === undefined || (oldest !== undefined && item.at >= oldest.at)) continue;
      if ((this.newArrivalDueAt(item.id, lane, item.at) ?? Number.POSITIVE_INFINITY) <= now) {
        oldest = { ...item, lane };
      }
    }
    return oldest;
  }
}

/** The first check of an id never asked about, placed within the promise (a 404's re-check is not one). */
function isNewArrival(check: DueCheck): boolean {
  return (
    FIRST_LANES.includes(check.lane) &&
    check.lastRequestAt === Number.NEGATIVE_INFINITY &&
    check.dueAt - check.addedAt <= FIRST_CHECK_WITHIN_MS
  );
}

function isDue(head: Queued | undefined, now: number): boolean {
  return head !== undefined && head.at <= now;
}
