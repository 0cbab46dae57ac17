import { callSafely, printError } from '../call-safely';

/**
 * Observer calls waiting to be delivered, so no listener ever runs inside the dispatch loop: the scheduler records
 * what happened, and delivers it in a microtask turn of its own (where a listener may pause, watch or unwatch).
 * Ids whose scheduling facts changed are collected into one batch per delivery.
 */
export class Outbox {
  #calls: (() => void)[] = [];
  #changed = new Set<string>();
  #allChanged = false;

  /** Queues one observer call. */
  add(call: () => void): void {
    this.#calls.push(call);
  }

  /** Notes that the facts of `messageId` changed. */
  changed(messageId: string): void {
    this.#changed.add(messageId);
  }

  /** Notes that the facts of every id changed (a global hold started or ended). */
  allChanged(): void {
    this.#allChanged = true;
  }

  /** Whether anything waits for delivery. */
  get isEmpty(): boolean {
    return this.#calls.length === 0 && this.#changed.size === 0 && !this.#allChanged;
  }

  /**
   * Delivers the queued calls in order, then one batch of changed ids (with `allIds` when every id changed). Calls queued
   * by listeners meanwhile are delivered too. A listener that throws is reported and does not stop the others.
   */
  deliver(onScheduleChanged: (ids: readonly string[]) => void, allIds: () => readonly string[]): void {
    while (this.#calls.length > 0) {
      const calls = this.#calls;
      this.#calls = [];
      for (const call of calls) callSafely(run, call, printError);
    }
    if (this.#changed.size === 0 && !this.#allChanged) return;
    const ids = this.#allChanged ? [...new Set([...allIds(), ...this.#changed])] : [...this.#changed];
    this.#changed = new Set();
    this.#allChanged = false;
    if (ids.length > 0) callSafely(onScheduleChanged, ids, printError);
  }
}

function run(call: () => void): void {
  call();
}
