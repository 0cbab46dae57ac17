import type { ConnectionInfo, ConnectionTestResult, CredentialSource } from '../../shared/contract';
import { describeCredentials } from '../../shared/credentials';
import { DEMO_IDS } from '../cli/demo-ids';
import { DEFAULT_BASE_URL, validateCredentials } from '../core/client';
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
  readonly startDemoSimulator: () => Promise<DemoSimulator>;
  readonly testConnection: (connection: EngineConnection) => Promise<ConnectionTestResult>;
  /** Told every time the connection changes. */
  readonly onChange: (info: ConnectionInfo) => void;
  /** The label demo messages get. @default 'demo' */
  readonly demoLabel?: string;
}

interface Current {
  readonly source: CredentialSource;
  readonly connection: EngineConnection | null;
}

/**
 * Where checks go and with which credentials: the environment, saved credentials, the built-in demo simulator, or
 * none. Secrets stay here and in the secret store; the window only ever gets a `ConnectionInfo`.
 */
export class ConnectionManager {
  readonly #options: ConnectionManagerOptions;
  #current: Current = { source: 'none', connection: null };
  #demo: DemoSimulator | null = null;

  constructor(options: ConnectionManagerOptions) {
    this.#options = options;
  }

  /** Picks the credentials to start with: the environment's, else saved ones, else none. */
  async init(): Promise<ConnectionInfo> {
    const { environment, secretStore } = this.#options;
    if (environment !== null) return this.#use({ source: 'environment', connection: environment });
    const saved = await secretStore.load();
    if (saved !== null) return this.#use({ source: this.#savedSource(), connection: saved });
    return this.#use({ source: 'none', connection: null });
  }

  /** What the window may know about the connection. */
  info(): ConnectionInfo {
    const { source, connection } = this.#current;
    return {
      source,
      signedInAs: connection === null ? null : describeCredentials(connection.credentials),
      baseUrl: connection?.baseUrl ?? DEFAULT_BASE_URL,
      demo: source === 'demo',
      persistent:
        source === 'memory' ? false : source === 'none' ? this.#options.secretStore.persistent : true,
    };
  }

  /** Saves the credentials and checks with them from now on (leaving the demo if it runs). */
  async connect(connection: EngineConnection): Promise<ConnectionInfo> {
    validateCredentials(connection.credentials);
    await this.#options.secretStore.save(connection);
    await this.#leaveDemo();
    return this.#use({ source: this.#savedSource(), connection });
  }

  /** The base URL was changed in the settings: saved credentials now go there (and are saved with it). */
  async baseUrlChanged(baseUrl: string): Promise<void> {
    const { source, connection } = this.#current;
    if (
      (source !== 'memory' && source !== 'keychain') ||
      connection === null ||
      connection.baseUrl === baseUrl
    )
      return;
    const moved = { ...connection, baseUrl };
    await this.#options.secretStore.save(moved);
    this.#current = { source, connection: moved };
    this.#options.onChange(this.info());
  }

  /** Tries credentials without saving them. */
  test(connection: EngineConnection): Promise<ConnectionTestResult> {
    return this.#options.testConnection(connection);
  }

  /** Forgets saved credentials (or leaves the demo); checks wait until the next connect. */
  async disconnect(): Promise<ConnectionInfo> {
    if (this.#current.source === 'environment') {
      throw new NotAllowedError(
        'The credentials come from the environment (SMSBAT_API_KEY or SMSBAT_USERNAME/SMSBAT_PASSWORD); unset ' +
          'them and restart to disconnect.',
      );
    }
    await this.#leaveDemo();
    await this.#options.secretStore.clear();
    return this.#use({ source: 'none', connection: null });
  }

  /** Starts the built-in simulator and watches the demo messages on it; the whole app is badged DEMO. */
  async startDemo(): Promise<ConnectionInfo> {
    if (this.#current.source === 'environment') {
      throw new NotAllowedError(
        'The credentials come from the environment; unset SMSBAT_API_KEY / SMSBAT_USERNAME and restart to try ' +
          'the demo.',
      );
    }
    if (this.#demo !== null) return this.info();
    const demo = await this.#options.startDemoSimulator();
    this.#demo = demo;
    const info = this.#use({
      source: 'demo',
      connection: { baseUrl: demo.url, credentials: { method: 'api-key-header', apiKey: demo.apiKey } },
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

  #savedSource(): CredentialSource {
    return this.#options.secretStore.persistent ? 'keychain' : 'memory';
  }

  async #leaveDemo(): Promise<void> {
    if (this.#demo === null) return;
    this.#options.engine.unwatch(DEMO_IDS);
    await this.close();
  }

  #use(next: Current): ConnectionInfo {
    this.#current = next;
    this.#options.engine.useConnection(next.connection);
    const info = this.info();
    this.#options.onChange(info);
    return info;
  }
}
