import { join } from 'node:path';
import type { SavedRecord, WatchListChange, WatchListStore } from '../core/watch-list-store';
import { sortSavedRecords } from '../core/saved-records';
import { LatestWriteQueue, readJsonFile, writeJsonFileAtomic } from './json-file';

/** Where a problem with the data directory is reported (a corrupt file moved aside, a failed write). */
export type ProblemSink = (message: string) => void;

const FORMAT_VERSION = 1;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSavedList(value: unknown): value is { version: number; messages: unknown[] } {
  return isObject(value) && value['version'] === FORMAT_VERSION && Array.isArray(value['messages']);
}

/**
 * The watch list kept as `watch-list.json` in the data directory, rewritten atomically after each batch: how the
 * monitor kept it before `LmdbWatchListStore` (kept to compare the two in the storage benchmark).
 */
export class JsonFileWatchListStore implements WatchListStore {
  readonly #path: string;
  readonly #onProblem: ProblemSink;
  readonly #messages = new Map<string, SavedRecord>();
  readonly #writes: LatestWriteQueue;
  #loaded = false;

  /** @param minWriteGapMs the least time between two rewrites of the file. @default 1000 */
  constructor(dataDir: string, onProblem: ProblemSink, minWriteGapMs = 1000) {
    this.#path = join(dataDir, 'watch-list.json');
    this.#onProblem = onProblem;
    this.#writes = new LatestWriteQueue(minWriteGapMs);
  }

  /** Every saved message (read from the file once); a corrupt file is moved aside and reported, and the list starts empty. */
  async load(): Promise<readonly SavedRecord[]> {
    if (this.#loaded) return [...this.#messages.values()];
    this.#loaded = true;
    const read = await readJsonFile(this.#path, isSavedList);
    this.#messages.clear();
    if (read.kind === 'corrupt') this.#onProblem(read.message);
    if (read.kind === 'ok' && isSavedList(read.value)) {
      const sorted = sortSavedRecords(read.value.messages, this.#path);
      for (const message of sorted.records) this.#messages.set(message.id, message);
      if (sorted.problem !== null) await this.#setAside(sorted.refused, sorted.problem);
    }
    return [...this.#messages.values()];
  }

  /** Keeps records that could not be read in a file of their own, and says where. */
  async #setAside(refused: readonly unknown[], problem: string): Promise<void> {
    const stamp = new Date().toISOString().replaceAll(':', '-');
    const path = `${this.#path}.refused-${stamp}`;
    try {
      await writeJsonFileAtomic(path, { version: FORMAT_VERSION, messages: refused });
      this.#onProblem(`${problem} They are kept in ${path}.`);
    } catch (error) {
      this.#onProblem(`${problem} They could not be kept aside: ${String(error)}`);
    }
  }

  /** Applies one batch and rewrites the file. */
  save(change: WatchListChange): Promise<void> {
    for (const id of change.removed) this.#messages.delete(id);
    for (const message of change.upserted) this.#messages.set(message.id, message);
    return this.#writes.enqueue(() =>
      writeJsonFileAtomic(this.#path, { version: FORMAT_VERSION, messages: [...this.#messages.values()] }),
    );
  }
}
