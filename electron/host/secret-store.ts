import type { Credentials } from '../../shared/credentials';

/**
 * Where credentials are saved: one entry per base-URL origin (`https://restapi.smsbat.com`), so credentials given
 * for one address are never sent to another. Secret: what it holds never reaches a window, a log or a file.
 */
export interface SecretStore {
  /** False when what is saved will not survive a restart (no OS keychain answered); the window says so. */
  readonly persistent: boolean;
  /** The credentials saved for an origin, or null. */
  load(origin: string): Promise<Credentials | null>;
  /** Saves (or replaces) the credentials for an origin. */
  save(origin: string, credentials: Credentials): Promise<void>;
  /** Forgets the credentials saved for an origin (nothing happens when there are none). */
  delete(origin: string): Promise<void>;
}

/** A secret store that lives as long as the process: tests, and the fallback where no OS keychain answers. */
export class InMemorySecretStore implements SecretStore {
  readonly persistent = false;
  readonly #saved = new Map<string, Credentials>();

  /** What was saved for the origin, or null. */
  load(origin: string): Promise<Credentials | null> {
    return Promise.resolve(this.#saved.get(origin) ?? null);
  }

  /** Replaces what was saved for the origin. */
  save(origin: string, credentials: Credentials): Promise<void> {
    this.#saved.set(origin, credentials);
    return Promise.resolve();
  }

  /** Forgets what was saved for the origin. */
  delete(origin: string): Promise<void> {
    this.#saved.delete(origin);
    return Promise.resolve();
  }
}
