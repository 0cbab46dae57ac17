import { join } from 'node:path';
import { isSavedDeliveryProfile, type SavedDeliveryProfile } from '../core/learning/delivery-learner';
import type { DeliveryProfileStore } from '../core/learning/profile-store';
import type { ProblemSink } from './file-stores';
import { LatestWriteQueue, readJsonFile, writeJsonFileAtomic } from './json-file';

/** The file name of the learned delivery profile in the data directory. */
export const PROFILE_FILE_NAME = 'delivery-profile.json';

/** Reading or saving the learned delivery profile failed; the message names the profile and its file. */
export class ProfileFileError extends Error {
  constructor(action: 'read' | 'save', path: string, cause: unknown) {
    const doing = action === 'read' ? 'Reading' : 'Saving';
    super(`${doing} the learned delivery profile (${path}) failed: ${String(cause)}`, { cause });
    this.name = 'ProfileFileError';
  }
}

/**
 * The learned delivery profile kept as `delivery-profile.json` in the data directory, rewritten atomically; a
 * corrupt file is moved aside and reported, and the engine starts cold.
 */
export class JsonFileProfileStore implements DeliveryProfileStore {
  readonly #path: string;
  readonly #onProblem: ProblemSink;
  readonly #writes = new LatestWriteQueue();

  constructor(dataDir: string, onProblem: ProblemSink) {
    this.#path = join(dataDir, PROFILE_FILE_NAME);
    this.#onProblem = onProblem;
  }

  /** Where the profile is kept. */
  get path(): string {
    return this.#path;
  }

  async load(): Promise<SavedDeliveryProfile | null> {
    let read;
    try {
      read = await readJsonFile(this.#path, isSavedDeliveryProfile);
    } catch (error) {
      throw new ProfileFileError('read', this.#path, error);
    }
    if (read.kind === 'corrupt') this.#onProblem(read.message);
    return read.kind === 'ok' && isSavedDeliveryProfile(read.value) ? read.value : null;
  }

  save(profile: SavedDeliveryProfile): Promise<void> {
    return this.#writes.enqueue(async () => {
      try {
        await writeJsonFileAtomic(this.#path, profile);
      } catch (error) {
        throw new ProfileFileError('save', this.#path, error);
      }
    });
  }
}
