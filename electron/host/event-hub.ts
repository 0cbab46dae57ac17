import type { ContractEventMessage, ContractEvents, EventName } from '../../shared/contract';

/** Listener for every pushed event. */
export type ContractEventListener = (message: ContractEventMessage) => void;

/** Fans pushed events out to every connected window; a listener that throws does not stop the others. */
export class EventHub {
  readonly #listeners = new Set<ContractEventListener>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Sends one event to every listener. */
  emit<E extends EventName>(event: E, payload: ContractEvents[E]): void {
    const message = { event, payload } as ContractEventMessage;
    for (const listener of [...this.#listeners]) {
      try {
        listener(message);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  /** Adds a listener; returns the function that removes it. */
  on(listener: ContractEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
