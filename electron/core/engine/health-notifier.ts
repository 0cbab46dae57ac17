import { sameHealth, type EngineHealth } from '../../../shared/engine-health';
import { callSafely, type ErrorSink } from '../call-safely';

/** Tells health listeners about each new health, always from a microtask (never inside a scheduler report). */
export class HealthNotifier {
  readonly #listeners = new Set<(health: EngineHealth) => void>();
  readonly #onListenerError: ErrorSink;
  #last: EngineHealth | null = null;

  constructor(onListenerError: ErrorSink) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener; returns the function that removes it. */
  add(listener: (health: EngineHealth) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reports `health` when it differs from the last one reported. */
  publish(health: EngineHealth): void {
    if (this.#last !== null && sameHealth(this.#last, health)) return;
    this.#last = health;
    queueMicrotask(() => {
      for (const listener of this.#listeners) callSafely(listener, health, this.#onListenerError);
    });
  }
}
