import type { SavedDeliveryProfile } from './delivery-learner';

/** Where the learned delivery profile is kept between runs (the engine restores it at start, saves it at stop). */
export interface DeliveryProfileStore {
  /** The saved profile, or null when nothing was learned yet. */
  load(): Promise<SavedDeliveryProfile | null>;
  save(profile: SavedDeliveryProfile): Promise<void>;
}

/** A profile store in memory: the CLI's default and the tests'. */
export class MemoryProfileStore implements DeliveryProfileStore {
  #profile: SavedDeliveryProfile | null;

  constructor(profile: SavedDeliveryProfile | null = null) {
    this.#profile = profile;
  }

  /** What was saved last. */
  get profile(): SavedDeliveryProfile | null {
    return this.#profile;
  }

  load(): Promise<SavedDeliveryProfile | null> {
    return Promise.resolve(this.#profile);
  }

  save(profile: SavedDeliveryProfile): Promise<void> {
    this.#profile = profile;
    return Promise.resolve();
  }
}
