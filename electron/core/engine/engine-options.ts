import type { WebhookEngineOptions } from './webhook-intake';
import type { AuthMethod, Credentials } from '../../../shared/credentials';
import type { EngineSettings } from '../../../shared/engine-api';
import { baseUrlProblem, DEFAULT_ENGINE_SETTINGS, SettingsError } from '../../../shared/engine-settings';
import type { ErrorSink } from '../call-safely';
import type { DeliveryProfileStore } from '../learning/profile-store';
import type { PollScheduler, PollSchedulerOptions, RuntimeOptions } from '../poll-scheduler';
import type { StatusClient } from '../status-client';
import type { WatchListStore } from '../watch-list-store';
import type { ClientFactory, Connection, ConnectionSource, PendingConnection } from './connection';

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
  /**
   * How each id's next check is chosen when no `policy` is given: `learning` learns when deliveries happen and
   * checks where finals are likely; `backoff` is the exponential backoff of `PollScheduler`. @default 'learning'
   */
  readonly checkPolicy?: CheckPolicyName;
  /** Where the learned delivery profile is restored from at start and saved to at stop. @default in memory */
  readonly profileStore?: DeliveryProfileStore;
  /** Webhooks from SMSBAT: while they flow, polling backs off to a safety net. @default none (polling only) */
  readonly webhooks?: WebhookEngineOptions;
}

/** The engine's check policies by name. */
export const CHECK_POLICY_NAMES = ['learning', 'backoff'] as const;

/** A check policy by name. */
export type CheckPolicyName = (typeof CHECK_POLICY_NAMES)[number];

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

/** The scheduler's names for the tuning settings that `changed` says changed. */
export function schedulerTuning(
  settings: EngineSettings,
  changed: (key: keyof EngineSettings) => boolean,
): Partial<RuntimeOptions> {
  return {
    ...(changed('rateCapPerSecond') ? { maxRequestsPerSecond: settings.rateCapPerSecond } : {}),
    ...(changed('concurrency') ? { concurrency: settings.concurrency } : {}),
    ...(changed('watchWindowMs') ? { watchWindowMs: settings.watchWindowMs } : {}),
    ...(changed('firstIntervalMs') ? { initialIntervalMs: settings.firstIntervalMs } : {}),
  };
}

const SETTING_OF_OPTION: Readonly<Record<keyof RuntimeOptions, keyof EngineSettings>> = {
  maxRequestsPerSecond: 'rateCapPerSecond',
  concurrency: 'concurrency',
  watchWindowMs: 'watchWindowMs',
  initialIntervalMs: 'firstIntervalMs',
};

/** Applies tuning to the scheduler; a value it refuses becomes a `SettingsError` naming the setting. */
export function applyTuning(scheduler: PollScheduler, tuning: Partial<RuntimeOptions>): void {
  if (Object.keys(tuning).length === 0) return;
  try {
    scheduler.updateOptions(tuning);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const option = (Object.keys(SETTING_OF_OPTION) as (keyof RuntimeOptions)[]).find((name) =>
      error.message.includes(`\`${name}\``),
    );
    const setting = option === undefined ? 'firstIntervalMs' : SETTING_OF_OPTION[option];
    throw new SettingsError([{ setting, message: error.message }]);
  }
}

/** Builds the client for new connection settings; a client that cannot be built is a `SettingsError` on `setting`. */
export function prepareConnection(
  connection: Connection,
  settings: EngineSettings,
  setting: 'baseUrl' | 'authMethod',
): PendingConnection {
  try {
    return connection.prepare(settings.baseUrl, settings.authMethod);
  } catch (error) {
    // Option errors name the option and never a secret; anything else is not shown.
    const reason = error instanceof TypeError ? error.message : 'the client could not be built';
    throw new SettingsError([{ setting, message: `These settings cannot be used: ${reason}` }]);
  }
}
