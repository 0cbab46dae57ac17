import type { ContractEventMessage, ContractEvents, EventName } from '../../../shared/contract';

/** Listeners per pushed event, for the window-side clients. */
export class EventListeners {
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>();

  /** Adds a listener for one event; returns the function that removes it. */
  on<E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    const stored = listener as (payload: never) => void;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  /** Calls every listener of the message's event; one that throws is reported and the others still run. */
  emit(message: ContractEventMessage): void {
    const set = this.#listeners.get(message.event);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        (listener as (payload: ContractEventMessage['payload']) => void)(message.payload);
      } catch (error) {
        console.error(`A ${message.event} listener failed:`, error);
      }
    }
  }
}
