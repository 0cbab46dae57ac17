import type { AuthMethod, Credentials } from '../../../shared/credentials';
import type { SettingsProblem } from '../../../shared/engine-api';
import type { StatusClient } from '../status-client';

/** What a client is built from. `credentials` are secret: a factory must not log them. */
export interface ClientConfig {
  readonly baseUrl: string;
  readonly credentials: Credentials;
}

/** Builds the status client for a base URL and credentials (a `SmsbatClient` in production). */
export type ClientFactory = (config: ClientConfig) => StatusClient;

/** A client the engine may close once it replaced it. */
interface ClosableClient extends StatusClient {
  close?: () => Promise<void>;
}

/** A connection change built but not in use yet. */
export interface PendingConnection {
  /** Switches to it; returns its client (null without credentials). */
  commit(): StatusClient | null;
  /** Drops it, closing the client built for it. */
  discard(): void;
}

/** How the engine gets its client: built from settings and credentials, or one given client that signs in itself. */
export type ConnectionSource =
  | { readonly createClient: ClientFactory; readonly credentials: Credentials | null }
  | { readonly client: StatusClient & { setCredentials?: (credentials: Credentials) => void } };

/**
 * The engine's connection to SMSBAT: the base URL, the credentials (kept here and nowhere else in the engine) and
 * the client built from them. Any change builds a new client; the old one is closed when it can be.
 */
export class Connection {
  readonly #createClient: ClientFactory;
  #credentials: Credentials | null;
  /** A given client that carries its own credentials, used until credentials are set. */
  #ownClient: StatusClient | null;
  #baseUrl: string;
  #client: ClosableClient | null = null;

  constructor(source: ConnectionSource, baseUrl: string) {
    if ('client' in source) {
      const { client } = source;
      this.#createClient = ({ credentials }) => {
        client.setCredentials?.(credentials);
        return client;
      };
      this.#credentials = null;
      this.#ownClient = client;
    } else {
      this.#createClient = source.createClient;
      this.#credentials = source.credentials;
      this.#ownClient = null;
    }
    this.#baseUrl = baseUrl;
  }

  /** The auth method of the credentials in use, or null without credentials. */
  get authMethod(): AuthMethod | null {
    return this.#credentials?.method ?? null;
  }

  /** The problem with switching the credentials in use to `method`, or null when it can be done. */
  authMethodProblem(method: AuthMethod): SettingsProblem | null {
    const current = this.#credentials;
    if (current === null || convertCredentials(current, method) !== null) return null;
    const message =
      method === 'basic'
        ? 'The credentials in use are an API key; enter a user name and password to sign in with Basic.'
        : 'The credentials in use are a user name and password; enter an API key to sign in with a key.';
    return { setting: 'authMethod', message };
  }

  /**
   * Replaces the credentials (null: none) and returns the new client (null without credentials). If building the
   * client throws, nothing changes.
   */
  setCredentials(credentials: Credentials | null): StatusClient | null {
    return this.#prepare(this.#baseUrl, credentials, null).commit();
  }

  /**
   * Builds the client for a new base URL and auth method (already checked with `authMethodProblem`) without using
   * it yet: an API key moves between the two ways of sending a key. If building throws, nothing changes.
   */
  prepare(baseUrl: string, authMethod: AuthMethod): PendingConnection {
    const credentials = this.#credentials === null ? null : convertCredentials(this.#credentials, authMethod);
    return this.#prepare(baseUrl, credentials, this.#ownClient);
  }

  /** Builds the first client. */
  connect(): StatusClient | null {
    return this.#prepare(this.#baseUrl, this.#credentials, this.#ownClient).commit();
  }

  /** Closes the client in use. */
  close(): void {
    this.#retire(this.#client);
    this.#client = null;
  }

  #prepare(
    baseUrl: string,
    credentials: Credentials | null,
    ownClient: StatusClient | null,
  ): PendingConnection {
    const client: ClosableClient | null =
      credentials === null ? ownClient : this.#createClient({ baseUrl, credentials });
    return {
      commit: () => {
        const previous = this.#client;
        this.#baseUrl = baseUrl;
        this.#credentials = credentials;
        this.#ownClient = ownClient;
        this.#client = client;
        if (previous !== client) this.#retire(previous);
        return client;
      },
      discard: () => {
        if (client !== this.#client && client !== ownClient) this.#retire(client);
      },
    };
  }

  #retire(client: ClosableClient | null): void {
    // Requests in flight finish first; their failure, if any, reaches the scheduler as a normal check failure.
    client?.close?.().catch(() => undefined);
  }
}

/** The same credentials sent another way, or null when they cannot be (a key is not a user name and password). */
function convertCredentials(credentials: Credentials, method: AuthMethod): Credentials | null {
  if (credentials.method === method) return credentials;
  if (credentials.method === 'basic' || method === 'basic') return null;
  return { method, apiKey: credentials.apiKey };
}
