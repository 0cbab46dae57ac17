import type { AsyncEntry } from '@napi-rs/keyring';
import type { Credentials } from '../../shared/credentials';
import { validateCredentials } from '../core/client';
import { InMemorySecretStore, type SecretStore } from './secret-store';

/**
 * The keychain service names: released builds and development or test runs keep their credentials apart, so a
 * test run can never read or overwrite what a person saved with the released app.
 */
export const KEYCHAIN_SERVICES = {
  release: 'SMSBAT Delivery Monitor',
  development: 'SMSBAT Delivery Monitor (development)',
} as const;

/** What the keychain store is built with. */
export interface KeychainSecretStoreOptions {
  /** The keychain service: `KEYCHAIN_SERVICES.release` in a packaged app, `.development` otherwise. */
  readonly service: string;
  /** Where the one line saying that no keychain answered goes. @default console.error */
  readonly onProblem?: (message: string) => void;
}

/** The keychain entry's value for credentials: JSON with the method and its fields, nothing else. */
export function encodeCredentials(credentials: Credentials): string {
  switch (credentials.method) {
    case 'basic':
      return JSON.stringify({
        method: credentials.method,
        username: credentials.username,
        password: credentials.password,
      });
    case 'api-key-header':
    case 'basic-api-key':
      return JSON.stringify({ method: credentials.method, apiKey: credentials.apiKey });
  }
}

/** Credentials read back from a keychain entry, or null when the entry holds anything else. */
export function decodeCredentials(text: string): Credentials | null {
  try {
    return validateCredentials(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * The one line saying that no keychain answered: what the keychain said (its first line, at most 200 characters,
 * with every given secret masked) and what follows.
 */
export function noKeychainMessage(error: unknown, secrets: readonly string[] = []): string {
  let detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() ?? '';
  for (const secret of secrets) if (secret !== '') detail = detail.split(secret).join('***');
  if (detail.length > 200) detail = `${detail.slice(0, 199)}…`;
  return `No OS keychain answered (${detail === '' ? 'no reason given' : detail}): credentials are kept for this session only.`;
}

function secretsOf(credentials: Credentials, encoded: string): string[] {
  return credentials.method === 'basic' ? [encoded, credentials.password] : [encoded, credentials.apiKey];
}

type KeyringModule = typeof import('@napi-rs/keyring');

/**
 * Credentials in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux) through
 * `@napi-rs/keyring`: one entry per base-URL origin (account = origin, value = the credentials as JSON). Where no
 * keychain answers (none installed, no D-Bus session, a locked keyring), it says so once and keeps credentials in
 * memory for the rest of the session; it never writes a secret to a file and never throws for a missing keychain.
 */
export class KeychainSecretStore implements SecretStore {
  readonly #service: string;
  readonly #onProblem: (message: string) => void;
  #keyring: Promise<KeyringModule> | null = null;
  #fallback: InMemorySecretStore | null = null;

  constructor(options: KeychainSecretStoreOptions) {
    if (typeof options.service !== 'string' || options.service === '')
      throw new TypeError(
        `Expected \`service\` to be a non-empty string, got ${JSON.stringify(options.service)}`,
      );
    this.#service = options.service;
    this.#onProblem =
      options.onProblem ??
      ((message) => {
        console.error(message);
      });
  }

  /** False once no keychain answered: from then on credentials live in memory until the app quits. */
  get persistent(): boolean {
    return this.#fallback === null;
  }

  /** The credentials saved for an origin, or null (an unreadable entry is reported and treated as none). */
  async load(origin: string): Promise<Credentials | null> {
    if (this.#fallback !== null) return this.#fallback.load(origin);
    let text: string | null;
    try {
      text = await (await this.#entry(origin)).getPassword();
    } catch (error) {
      return this.#fallBack(error, []).load(origin);
    }
    if (text === null) return null;
    const credentials = decodeCredentials(text);
    if (credentials === null)
      this.#onProblem(
        `The credentials saved in the OS keychain for ${origin} are not readable; connect again to replace them.`,
      );
    return credentials;
  }

  /** Saves (or replaces) the credentials for an origin. */
  async save(origin: string, credentials: Credentials): Promise<void> {
    if (this.#fallback !== null) return this.#fallback.save(origin, credentials);
    const encoded = encodeCredentials(credentials);
    try {
      await (await this.#entry(origin)).setPassword(encoded);
    } catch (error) {
      await this.#fallBack(error, secretsOf(credentials, encoded)).save(origin, credentials);
    }
  }

  /** Forgets the credentials saved for an origin. */
  async delete(origin: string): Promise<void> {
    if (this.#fallback !== null) return this.#fallback.delete(origin);
    try {
      await (await this.#entry(origin)).deleteCredential();
    } catch (error) {
      await this.#fallBack(error, []).delete(origin);
    }
  }

  async #entry(origin: string): Promise<AsyncEntry> {
    // Loaded on first use, so a platform without the native module falls back like one without a keychain.
    this.#keyring ??= import('@napi-rs/keyring');
    const { AsyncEntry } = await this.#keyring;
    // Pinned to the Secret Service on Linux: its silent fallback, the kernel keyring, forgets everything at logout.
    return new AsyncEntry(this.#service, origin, { linux: { store: 'secret-service' } });
  }

  #fallBack(error: unknown, secrets: readonly string[]): InMemorySecretStore {
    if (this.#fallback === null) {
      this.#fallback = new InMemorySecretStore();
      this.#onProblem(noKeychainMessage(error, secrets));
    }
    return this.#fallback;
  }
}

/** The secret store both hosts use: the OS keychain, or memory for the session where none answers. */
export function createKeychainSecretStore(options: KeychainSecretStoreOptions): SecretStore {
  return new KeychainSecretStore(options);
}
