import type { WatchedMessage } from '../../shared/message';

/** A message as the watch list keeps it: the record hosts see, plus whether a person acknowledged its failure. */
export interface WatchRecord extends WatchedMessage {
  /** A person saw this failure; withdrawn when something new goes wrong. */
  readonly acknowledged: boolean;
}

/** A record as saved by any version of the monitor: records saved before acknowledgements existed lack the flag. */
export type SavedRecord = WatchedMessage & { readonly acknowledged?: boolean };

/** What changed in the watch list in one batch: messages added or updated, and ids removed. */
export interface WatchListChange {
  readonly upserted: readonly WatchRecord[];
  readonly removed: readonly string[];
}

/**
 * Where the watch list is kept between runs. The desktop app keeps it in a database in its data directory; tests
 * and the CLI keep it in memory.
 */
export interface WatchListStore {
  /** Every message saved so far. */
  load(): Promise<readonly SavedRecord[]>;
  /** Applies one batch of changes; resolves once it is on disk (rejects when it could not be saved). */
  save(change: WatchListChange): Promise<void>;
  /** Lets go of the files (after the last save), when the store holds any. */
  close?(): Promise<void>;
}

/** A store that lives as long as the process: for the CLI, tests and benchmarks. */
export class InMemoryWatchListStore implements WatchListStore {
  readonly #messages = new Map<string, SavedRecord>();

  constructor(initial: readonly SavedRecord[] = []) {
    for (const message of initial) this.#messages.set(message.id, message);
  }

  /** Every message saved so far, in the order first saved. */
  load(): Promise<readonly SavedRecord[]> {
    return Promise.resolve([...this.#messages.values()]);
  }

  /** Applies one batch of changes. */
  save(change: WatchListChange): Promise<void> {
    for (const id of change.removed) this.#messages.delete(id);
    for (const message of change.upserted) this.#messages.set(message.id, message);
    return Promise.resolve();
  }
}
