import type { AuthMethod, Credentials } from '../../../shared/credentials';
import type { EngineSettings } from '../../../shared/engine-api';
import { baseUrlProblem, DEFAULT_ENGINE_SETTINGS } from '../../../shared/engine-settings';
import type { ErrorSink } from '../call-safely';
import type { PollSchedulerOptions, RuntimeOptions } from '../poll-scheduler';
import type { StatusClient } from '../status-client';
import type { WatchListStore } from '../watch-list-store';
import type { ClientFactory, ConnectionSource } from './connection';

/**
 * Options of the engine: where its client comes from (`createClient` with `credentials`, or one `client` that
 * signs in itself), where to keep the list, and the scheduler's tuning.
 */
export interface MonitorEngineOptions extends Omit<PollSchedulerOptions, 'client' | 'observer'> {
  /** Builds the client from the base URL and credentials; called again whenever either changes. */
  readonly createClient?: ClientFactory;
  /** The credentials to start with (with `createClient`); null holds every check until `setCredentials`. @default null */
  readonly credentials?: Credentials | null;
  /** One client used as is (tests, the CLI, benchmarks); `setCredentials` passes new credentials to it. */
  readonly client?: StatusClient;
  /** SMSBAT's address. @default 'https://restapi.smsbat.com' */
  readonly baseUrl?: string;
  /** How credentials are sent, when none are given yet. @default 'api-key-header' */
  readonly authMethod?: AuthMethod;
  /** @default an in-memory store */
  readonly store?: WatchListStore;
  /** Changes within this long of each other are saved and published as one batch. @default 50 */
  readonly batchWindowMs?: number;
  /** Called when saving the list fails (the list stays in memory and saving is tried again until `stop()`). */
  readonly onStoreError?: (error: unknown) => void;
  /** Where errors thrown by listeners go. @default printed to stderr */
  readonly onListenerError?: ErrorSink;
}

/** Where the client comes from, checked: exactly one of `client` and `createClient`. */
export function connectionSource(options: MonitorEngineOptions): ConnectionSource {
  const { client, createClient } = options;
  if ((client === undefined) === (createClient === undefined)) {
    throw new TypeError(
      'Expected exactly one of `client` and `createClient`, got ' + (client ? 'both' : 'neither'),
    );
  }
  if (client !== undefined) return { client };
  return { createClient: createClient as ClientFactory, credentials: options.credentials ?? null };
}

/** The settings the engine starts with, from its options. */
export function initialSettings(options: MonitorEngineOptions): EngineSettings {
  const baseUrl = options.baseUrl ?? DEFAULT_ENGINE_SETTINGS.baseUrl;
  const problem = baseUrlProblem(baseUrl);
  if (problem !== null) throw new TypeError(`Expected \`baseUrl\`: ${problem}`);
  return {
    rateCapPerSecond: options.maxRequestsPerSecond ?? DEFAULT_ENGINE_SETTINGS.rateCapPerSecond,
    concurrency: options.concurrency ?? DEFAULT_ENGINE_SETTINGS.concurrency,
    watchWindowMs: options.watchWindowMs ?? DEFAULT_ENGINE_SETTINGS.watchWindowMs,
    firstIntervalMs: options.initialIntervalMs ?? DEFAULT_ENGINE_SETTINGS.firstIntervalMs,
    baseUrl,
    authMethod: options.credentials?.method ?? options.authMethod ?? DEFAULT_ENGINE_SETTINGS.authMethod,
  };
}

/** The scheduler's names for the tuning settings. */
export function schedulerTuning(settings: Partial<EngineSettings>): Partial<RuntimeOptions> {
  return {
    ...(settings.rateCapPerSecond === undefined ? {} : { maxRequestsPerSecond: settings.rateCapPerSecond }),
    ...(settings.concurrency === undefined ? {} : { concurrency: settings.concurrency }),
    ...(settings.watchWindowMs === undefined ? {} : { watchWindowMs: settings.watchWindowMs }),
    ...(settings.firstIntervalMs === undefined ? {} : { initialIntervalMs: settings.firstIntervalMs }),
  };
}
