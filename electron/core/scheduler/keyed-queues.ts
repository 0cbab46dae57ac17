import FlatQueue from 'flatqueue';

/** A queued id and the time (monotonic ms) it is queued for. */
export interface Queued {
  readonly id: string;
  readonly at: number;
}

/** Says whether a queue item still stands (the id may have been rescheduled, moved or unwatched since). */
export type IsCurrent<K extends string> = (id: string, key: K, at: number) => boolean;

/**
 * One priority queue of times per key (the lanes of due checks, or the kinds of alarms). Rescheduled or removed
 * ids are skipped lazily (the caller says what is current), so rescheduling costs one push and a peek does not
 * grow with the number of ids.
 */
export class KeyedQueues<K extends string> {
  readonly #queues: Map<K, FlatQueue<string>>;

  constructor(
    keys: readonly K[],
    readonly isCurrent: IsCurrent<K>,
  ) {
    this.#queues = new Map(keys.map((key) => [key, new FlatQueue<string>()]));
  }

  /** Queues `id` under `key` at `at`. */
  push(id: string, key: K, at: number): void {
    this.#queue(key).push(id, at);
  }

  /** The earliest current item under `key`, dropping stale items on the way. */
  peek(key: K): Queued | undefined {
    const queue = this.#queue(key);
    while (queue.length > 0) {
      const id = queue.peek();
      const at = queue.peekValue();
      if (id !== undefined && at !== undefined && this.isCurrent(id, key, at)) return { id, at };
      queue.pop();
    }
    return undefined;
  }

  /** The earliest current time over every key, or +Infinity. */
  earliest(): number {
    let earliest = Number.POSITIVE_INFINITY;
    for (const key of this.#queues.keys()) earliest = Math.min(earliest, this.peek(key)?.at ?? earliest);
    return earliest;
  }

  /** Removes the head under `key` (after `peek`). */
  pop(key: K): void {
    this.#queue(key).pop();
  }

  /** Items held, stale ones included. */
  get length(): number {
    let total = 0;
    for (const queue of this.#queues.values()) total += queue.length;
    return total;
  }

  /** Replaces everything with only the given items (when stale items dominate, or every time changed). */
  rebuild(items: Iterable<{ readonly id: string; readonly key: K; readonly at: number }>): void {
    for (const queue of this.#queues.values()) queue.clear();
    for (const item of items) this.push(item.id, item.key, item.at);
  }

  #queue(key: K): FlatQueue<string> {
    const queue = this.#queues.get(key);
    if (!queue) throw new Error(`Unknown queue ${key}`);
    return queue;
  }
}
