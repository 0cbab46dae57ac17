import type { ConnectionInfo, CredentialSource, NoCredentialsReason } from '../../shared/contract';
import { describeCredentials, type AuthMethod, type Credentials } from '../../shared/credentials';
import type { EngineConnection } from './engine-port';

/** Where checks go and why, as the connection manager holds it (the credentials are secret: never sent as they are). */
export interface ConnectionState {
  readonly source: CredentialSource;
  /** The address and credentials checks use; null: every check waits for credentials. */
  readonly connection: EngineConnection | null;
  /** The base URL people chose (saved in the settings): saved credentials are looked up by its origin. */
  readonly baseUrl: string;
  /** The auth method last connected with, for the connect form; null when there never was one. */
  readonly authMethod: AuthMethod | null;
  /** Why there are no credentials, with `source: 'none'`. */
  readonly reason: NoCredentialsReason | null;
}

/**
 * The origin credentials are saved and bound to (`https://host[:port]`, lower-case, default port dropped), or
 * null for an address that is not an http(s) URL.
 */
export function credentialOrigin(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
}

/** True when both addresses have the same origin, so credentials given for one may go to the other. */
export function sameOrigin(a: string, b: string): boolean {
  const origin = credentialOrigin(a);
  return origin !== null && origin === credentialOrigin(b);
}

/** What a source of saved credentials is called: the keychain, or memory where no keychain answers. */
export function savedSource(persistent: boolean): CredentialSource {
  return persistent ? 'keychain' : 'memory';
}

/** The state at start: the environment's credentials win, else those saved for the saved base URL, else none. */
export function startingState(input: {
  readonly environment: EngineConnection | null;
  readonly baseUrl: string;
  readonly authMethod: AuthMethod | null;
  /** What the secret store holds for the origin of `baseUrl`. */
  readonly saved: Credentials | null;
  readonly persistent: boolean;
}): ConnectionState {
  const { environment, baseUrl, authMethod, saved, persistent } = input;
  if (environment !== null)
    return { source: 'environment', connection: environment, baseUrl, authMethod, reason: null };
  if (saved !== null) {
    return {
      source: savedSource(persistent),
      connection: { baseUrl, credentials: saved },
      baseUrl,
      authMethod: saved.method,
      reason: null,
    };
  }
  return { source: 'none', connection: null, baseUrl, authMethod, reason: 'not-connected' };
}

/**
 * The base URL was changed in the settings. Within the same origin the credentials follow; to another origin they
 * never do: the credentials saved for the new origin apply (`savedForNew`), or none, and the window is told why.
 * The environment's credentials and the demo stay as they are.
 */
export function afterBaseUrlChange(
  state: ConnectionState,
  baseUrl: string,
  savedForNew: Credentials | null,
  persistent: boolean,
): ConnectionState {
  if (state.source === 'environment' || state.source === 'demo') return { ...state, baseUrl };
  const { connection } = state;
  if (connection !== null && sameOrigin(connection.baseUrl, baseUrl)) {
    return { ...state, baseUrl, connection: { ...connection, baseUrl } };
  }
  if (savedForNew !== null) {
    return {
      source: savedSource(persistent),
      connection: { baseUrl, credentials: savedForNew },
      baseUrl,
      authMethod: savedForNew.method,
      reason: null,
    };
  }
  const hadCredentials = connection !== null || state.reason === 'new-address';
  return {
    source: 'none',
    connection: null,
    baseUrl,
    authMethod: state.authMethod,
    reason: hadCredentials ? 'new-address' : 'not-connected',
  };
}

/** What the window may know about a state: who is signed in and where, never the secret. */
export function connectionInfo(state: ConnectionState, storePersistent: boolean): ConnectionInfo {
  const { source, connection } = state;
  return {
    source,
    signedInAs: connection === null ? null : describeCredentials(connection.credentials),
    baseUrl: connection?.baseUrl ?? state.baseUrl,
    authMethod: source === 'demo' ? state.authMethod : (connection?.credentials.method ?? state.authMethod),
    noCredentialsReason: source === 'none' ? (state.reason ?? 'not-connected') : null,
    demo: source === 'demo',
    persistent: source === 'memory' ? false : source === 'none' ? storePersistent : true,
  };
}
