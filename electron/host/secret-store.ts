import type { Credentials } from '../../shared/credentials';

/** Credentials saved by "Connect", with the address they are for. Secret: never sent to a window or a log. */
export interface SavedConnection {
  readonly baseUrl: string;
  readonly credentials: Credentials;
}

/** Where saved credentials live: the OS keychain, or memory where there is none. */
export interface SecretStore {
  /** False when what is saved will not survive a restart; the window says so. */
  readonly persistent: boolean;
  load(): Promise<SavedConnection | null>;
  save(connection: SavedConnection): Promise<void>;
  clear(): Promise<void>;
}

/** A secret store that lives as long as the process (until the keychain lands). */
export class InMemorySecretStore implements SecretStore {
  readonly persistent = false;
  #saved: SavedConnection | null = null;

  /** What was saved, or null. */
  load(): Promise<SavedConnection | null> {
    return Promise.resolve(this.#saved);
  }

  /** Replaces what was saved. */
  save(connection: SavedConnection): Promise<void> {
    this.#saved = connection;
    return Promise.resolve();
  }

  /** Forgets what was saved. */
  clear(): Promise<void> {
    this.#saved = null;
    return Promise.resolve();
  }
}
