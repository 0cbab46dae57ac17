import type { ConnectionInfo, ConnectionTestResult } from '../../shared/contract';
import type { AuthMethod, Credentials } from '../../shared/credentials';
import { baseUrlProblem } from '../../shared/engine-settings';
import { DEMO_IDS } from '../cli/demo-ids';
import { DEFAULT_BASE_URL, validateCredentials } from '../core/client';
import {
  afterBaseUrlChange,
  connectionInfo,
  credentialOrigin,
  savedSource,
  sameOrigin,
  startingState,
  type ConnectionState,
} from './connection-decisions';
import type { EngineConnection, HostEngine } from './engine-port';
import { NotAllowedError } from './contract-errors';
import type { SecretStore } from './secret-store';

/** A running demo simulator. */
export interface DemoSimulator {
  readonly url: string;
  /** Credentials the simulator accepts (not secrets: they only open the local simulator). */
  readonly apiKey: string;
  close(): Promise<void>;
}

/** What the connection manager works with. */
export interface ConnectionManagerOptions {
  readonly engine: HostEngine;
  readonly secretStore: SecretStore;
  /** Credentials from the environment; they take precedence over saved ones. */
  readonly environment: EngineConnection | null;
  /** The base URL saved in the settings (saved credentials are looked up by its origin). @default SMSBAT's */
  readonly savedBaseUrl?: string;
  /** The auth method saved in the settings, for the connect form. @default none */
  readonly savedAuthMethod?: AuthMethod;
  readonly startDemoSimulator: () => Promise<DemoSimulator>;
  readonly testConnection: (connection: EngineConnection) => Promise<ConnectionTestResult>;
  /** Told every time the connection changes. */
  readonly onChange: (info: ConnectionInfo) => void;
  /** The label demo messages get. @default 'demo' */
  readonly demoLabel?: string;
}

/** A connect the host refuses before anything changes (an address credentials must never be sent to). */
export class ConnectRefusedError extends Error {
  override readonly name = 'ConnectRefusedError';
}

/**
 * Where checks go and with which credentials: the environment, credentials saved for the base URL's origin, the
 * built-in demo simulator, or none. Credentials are bound to the origin they were given for: a new base URL never
 * gets them. Secrets stay here and in the secret store; the window only ever gets a `ConnectionInfo`.
 */
export class ConnectionManager {
  readonly #options: ConnectionManagerOptions;
  #state: ConnectionState;
  #demo: DemoSimulator | null = null;

  constructor(options: ConnectionManagerOptions) {
    this.#options = options;
    const baseUrl = options.savedBaseUrl ?? DEFAULT_BASE_URL;
    this.#state = {
      source: 'none',
      connection: null,
      baseUrl,
      authMethod: options.savedAuthMethod ?? null,
      reason: 'not-connected',
    };
  }

  /** Picks the credentials to start with: the environment's, else those saved for the saved base URL, else none. */
  async init(): Promise<ConnectionInfo> {
    const { environment, secretStore } = this.#options;
    const { baseUrl, authMethod } = this.#state;
    const saved = environment === null ? await this.#load(baseUrl) : null;
    return this.#use(
      startingState({ environment, baseUrl, authMethod, saved, persistent: secretStore.persistent }),
    );
  }

  /** What the window may know about the connection. */
  info(): ConnectionInfo {
    return connectionInfo(this.#state, this.#options.secretStore.persistent);
  }

  /**
   * Checks with these credentials from now on, saves them for the base URL's origin and leaves the demo if it
   * runs. Everything is checked first: a refused connect changes nothing.
   */
  async connect(connection: EngineConnection): Promise<ConnectionInfo> {
    const problem = baseUrlProblem(connection.baseUrl);
    const origin = credentialOrigin(connection.baseUrl);
    if (problem !== null || origin === null) throw new ConnectRefusedError(problem ?? 'Invalid base URL.');
    const credentials = validateCredentials(connection.credentials);
    const checked = { baseUrl: connection.baseUrl, credentials };
    const { engine, secretStore } = this.#options;
    const previous = this.#state.connection;
    engine.useConnection(checked);
    try {
      await secretStore.save(origin, credentials);
    } catch (error) {
      engine.useConnection(previous);
      throw error;
    }
    await this.#leaveDemo();
    return this.#use(
      {
        source: savedSource(secretStore.persistent),
        connection: checked,
        baseUrl: checked.baseUrl,
        authMethod: credentials.method,
        reason: null,
      },
      { engineHasIt: true },
    );
  }

  /**
   * The base URL was changed in the settings. Within the same origin the credentials follow; another origin gets
   * the credentials saved for it, or none (the window asks for them): saved credentials never go to a new address.
   */
  async baseUrlChanged(baseUrl: string): Promise<void> {
    const state = this.#state;
    if (state.source === 'environment' || state.source === 'demo') {
      this.#state = afterBaseUrlChange(state, baseUrl, null, this.#options.secretStore.persistent);
      return;
    }
    if (baseUrl === state.baseUrl && (state.connection === null || state.connection.baseUrl === baseUrl))
      return;
    const follows = state.connection !== null && sameOrigin(state.connection.baseUrl, baseUrl);
    const saved = follows ? null : await this.#load(baseUrl);
    this.#use(afterBaseUrlChange(state, baseUrl, saved, this.#options.secretStore.persistent));
  }

  /**
   * Applies a settings change that sets the base URL (`apply` changes the engine and saves the settings). Credentials
   * that would not follow to the new origin come off the engine first, so no check reaches the new address with
   * them; then the new address gets the credentials saved for it, or none. A refused change restores what was.
   */
  async changeBaseUrl<T>(baseUrl: string, apply: () => Promise<T>): Promise<T> {
    const state = this.#state;
    const { engine } = this.#options;
    const detach =
      (state.source === 'keychain' || state.source === 'memory') &&
      state.connection !== null &&
      !sameOrigin(state.connection.baseUrl, baseUrl);
    if (detach) engine.useConnection(null);
    const unchanged = engine.snapshot().settings.baseUrl;
    let result: T;
    try {
      result = await apply();
    } catch (error) {
      const now = engine.snapshot().settings.baseUrl;
      if (now !== unchanged) await this.baseUrlChanged(now);
      else if (detach) engine.useConnection(state.connection);
      throw error;
    }
    await this.baseUrlChanged(baseUrl);
    return result;
  }

  /** Tries credentials without saving them. */
  test(connection: EngineConnection): Promise<ConnectionTestResult> {
    return this.#options.testConnection(connection);
  }

  /** Forgets the credentials saved for the base URL (or leaves the demo); checks wait until the next connect. */
  async disconnect(): Promise<ConnectionInfo> {
    if (this.#state.source === 'environment') {
      throw new NotAllowedError(
        'The credentials come from the environment (SMSBAT_API_KEY or SMSBAT_USERNAME/SMSBAT_PASSWORD); unset ' +
          'them and restart to disconnect.',
      );
    }
    await this.#leaveDemo();
    const origin = credentialOrigin(this.#state.baseUrl);
    if (origin !== null) await this.#options.secretStore.delete(origin);
    return this.#use({ ...this.#state, source: 'none', connection: null, reason: 'not-connected' });
  }

  /** Starts the built-in simulator and watches the demo messages on it; the whole app is badged DEMO. */
  async startDemo(): Promise<ConnectionInfo> {
    if (this.#state.source === 'environment') {
      throw new NotAllowedError(
        'The credentials come from the environment; unset SMSBAT_API_KEY / SMSBAT_USERNAME and restart to try ' +
          'the demo.',
      );
    }
    if (this.#demo !== null) return this.info();
    const demo = await this.#options.startDemoSimulator();
    this.#demo = demo;
    const info = this.#use({
      ...this.#state,
      source: 'demo',
      connection: { baseUrl: demo.url, credentials: { method: 'api-key-header', apiKey: demo.apiKey } },
      reason: null,
    });
    this.#options.engine.watch(DEMO_IDS, { label: this.#options.demoLabel ?? 'demo' });
    return info;
  }

  /** Stops the demo simulator if it runs. */
  async close(): Promise<void> {
    const demo = this.#demo;
    this.#demo = null;
    await demo?.close();
  }

  async #load(baseUrl: string): Promise<Credentials | null> {
    const origin = credentialOrigin(baseUrl);
    return origin === null ? null : this.#options.secretStore.load(origin);
  }

  async #leaveDemo(): Promise<void> {
    if (this.#demo === null) return;
    this.#options.engine.unwatch(DEMO_IDS);
    await this.close();
  }

  #use(next: ConnectionState, { engineHasIt = false } = {}): ConnectionInfo {
    if (!engineHasIt) this.#options.engine.useConnection(next.connection);
    this.#state = next;
    const info = this.info();
    this.#options.onChange(info);
    return info;
  }
}
