import type { ContractEventMessage, ContractEvents, EventName } from './contract';

type AnyListener = (payload: never) => void;

/**
 * Listeners per pushed event, on the window's side of either host, that replay the current state to a late
 * listener: the last `connection`, `preferences` and `capabilities`, and the feed from its last snapshot on (so a
 * component that subscribes after the first events still starts from a snapshot). A `reveal` that came while nobody
 * listened (the window was still loading after a click on a notification) goes to the first listener, once.
 * Notifications are never replayed.
 */
export class ContractEventLog {
  readonly #listeners = new Map<EventName, Set<AnyListener>>();
  readonly #maxChanges: number;
  #connection: ContractEvents['connection'] | null = null;
  #preferences: ContractEvents['preferences'] | null = null;
  #capabilities: ContractEvents['capabilities'] | null = null;
  /** A reveal no listener has had yet. */
  #pendingReveal: ContractEvents['reveal'] | null = null;
  /** The last snapshot and every change since, or null before one / after too many changes to keep. */
  #feed: ContractEvents['feed'][] | null = null;

  /** @param maxChanges changes kept after a snapshot for late listeners (beyond it they call `snapshot`). */
  constructor(maxChanges = 1000) {
    this.#maxChanges = maxChanges;
  }

  /** Keeps what a late listener needs, then calls every listener of the event. */
  emit(message: ContractEventMessage): void {
    switch (message.event) {
      case 'connection':
        this.#connection = message.payload;
        break;
      case 'preferences':
        this.#preferences = message.payload;
        break;
      case 'feed':
        if (message.payload.type === 'snapshot') this.#feed = [message.payload];
        else if (this.#feed !== null && this.#feed.length <= this.#maxChanges)
          this.#feed.push(message.payload);
        else this.#feed = null;
        break;
      case 'capabilities':
        this.#capabilities = message.payload;
        break;
      case 'reveal':
        if ((this.#listeners.get('reveal')?.size ?? 0) === 0) this.#pendingReveal = message.payload;
        break;
      case 'notification':
        break;
    }
    for (const listener of [...(this.#listeners.get(message.event) ?? [])]) {
      this.#call(listener, message.event, message.payload);
    }
  }

  /** Adds a listener, replaying the current state of its event first; returns the function that removes it. */
  on<E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void): () => void {
    const stored = listener as AnyListener;
    const replay = this.#replayFor(event);
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(stored);
    for (const payload of replay) this.#call(stored, event, payload);
    return () => {
      set.delete(stored);
    };
  }

  #replayFor(event: EventName): unknown[] {
    switch (event) {
      case 'connection':
        return [this.#connection].filter((value) => value !== null);
      case 'preferences':
        return [this.#preferences].filter((value) => value !== null);
      case 'capabilities':
        return [this.#capabilities].filter((value) => value !== null);
      case 'feed':
        return [...(this.#feed ?? [])];
      case 'reveal': {
        const pending = this.#pendingReveal;
        this.#pendingReveal = null;
        return pending === null ? [] : [pending];
      }
      case 'notification':
        return [];
    }
  }

  #call(listener: AnyListener, event: EventName, payload: unknown): void {
    try {
      (listener as (payload: unknown) => void)(payload);
    } catch (error) {
      console.error(`A ${event} listener failed:`, error);
    }
  }
}
