import type { EngineHealth } from '../../../shared/engine-health';
import type { LegacyHealth } from '../../../shared/legacy-health';
import { callSafely, type ErrorSink } from '../call-safely';
import { toLegacyHealth } from './legacy-health';

/** Tells listeners of the older one-state health when that state changes, always from a microtask. */
export class LegacyHealthNotifier {
  readonly #listeners = new Set<(health: LegacyHealth) => void>();
  readonly #onListenerError: ErrorSink;
  #last: string | null = null;

  constructor(onListenerError: ErrorSink) {
    this.#onListenerError = onListenerError;
  }

  /** The one-state form of `health`. */
  current(health: EngineHealth): LegacyHealth {
    return toLegacyHealth(health);
  }

  /** Adds a listener; returns the function that removes it. */
  add(listener: (health: LegacyHealth) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reports `health` if its one-state form changed. */
  publish(health: EngineHealth): void {
    const legacy = toLegacyHealth(health);
    const key = JSON.stringify(legacy);
    if (key === this.#last) return;
    this.#last = key;
    queueMicrotask(() => {
      for (const listener of this.#listeners) callSafely(listener, legacy, this.#onListenerError);
    });
  }
}
