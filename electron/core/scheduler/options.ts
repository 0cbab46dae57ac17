import type { Clock } from '../clock';
import { numberOption } from '../option-checks';
import type { StatusClient } from '../status-client';
import type { CheckPolicy } from './check-policy';
import type { PollObserver } from './observer';

/** No message id is ever requested more often than this, whatever else asks for it. */
export const MIN_PER_ID_GAP_MS = 1000;

/** SMSBAT's documented limit for the status endpoint; the scheduler's rate cap may not exceed it. */
export const SMSBAT_STATUS_RATE_LIMIT = 50;

/** Tuning of the scheduler. Every field but `client` and `observer` is optional; defaults follow SMSBAT's guidance. */
export interface PollSchedulerOptions {
  /** Where statuses come from; null when there are no credentials yet (nothing is sent). */
  readonly client: StatusClient | null;
  readonly observer: PollObserver;
  /** @default systemClock */
  readonly clock?: Clock;
  /** Random source in [0, 1) for jitter. @default Math.random */
  readonly random?: () => number;
  /** Decides each id's next delay. @default backoffPolicy built from the interval options below */
  readonly policy?: CheckPolicy;
  /** The most requests started in any one second, across all ids (SMSBAT allows 50). @default 10 */
  readonly maxRequestsPerSecond?: number;
  /** The most requests in flight at once. @default 4 */
  readonly concurrency?: number;
  /** Delay before the second check of an id, and after each status change. @default 5_000 */
  readonly initialIntervalMs?: number;
  /** The longest delay between two checks of a pending id during the first `lateAfterMs` of its watch. @default 60_000 */
  readonly maxIntervalMs?: number;
  /** Age of a watch after which its checks may grow further apart, up to `lateMaxIntervalMs`. @default 3_600_000 */
  readonly lateAfterMs?: number;
  /** The longest delay between two checks of a pending id older than `lateAfterMs`. @default 600_000 */
  readonly lateMaxIntervalMs?: number;
  /** How much the delay grows after each check that saw no change. @default 1.4 */
  readonly backoffFactor?: number;
  /** Random spread of each delay, as a fraction of it. @default 0.1 */
  readonly jitterRatio?: number;
  /** How long after being added an id is given to reach a final status before the monitor gives up. @default 86_400_000 */
  readonly watchWindowMs?: number;
  /** How many 404s a just-sent id is forgiven before it is reported not found. @default 3 */
  readonly notFoundRetries?: number;
  /** How long a fetched status is reused for repeated adds and refreshes. @default 30_000 */
  readonly cacheTtlMs?: number;
  /** Connection failures in a row (with no success between) after which the engine reports offline. @default 3 */
  readonly offlineAfterFailures?: number;
  /** The longest pause after 429s or while offline, when the server gives no `Retry-After`. @default 60_000 */
  readonly maxGlobalBackoffMs?: number;
  /**
   * When both are waiting, routine re-checks get at least one of every this many request slots; first checks and
   * checks of ids with a deadline get the rest. @default 4
   */
  readonly routineShareEvery?: number;
}

/** The options that can change while the scheduler runs (`updateOptions`). */
export type RuntimeOptionName =
  'maxRequestsPerSecond' | 'concurrency' | 'watchWindowMs' | 'initialIntervalMs';

/** Current values of the options that can change at run time. */
export type RuntimeOptions = { readonly [K in RuntimeOptionName]: number };

/** Every option after defaults and checks. */
export interface ResolvedOptions extends RuntimeOptions {
  readonly maxIntervalMs: number;
  readonly lateAfterMs: number;
  readonly lateMaxIntervalMs: number;
  readonly backoffFactor: number;
  readonly jitterRatio: number;
  readonly notFoundRetries: number;
  readonly cacheTtlMs: number;
  readonly offlineAfterFailures: number;
  readonly maxGlobalBackoffMs: number;
  readonly routineShareEvery: number;
}

type TuningInput = Partial<Record<keyof ResolvedOptions, unknown>>;

/** Applies defaults and checks every numeric option; throws a TypeError naming the first bad one. */
export function resolveOptions(input: TuningInput): ResolvedOptions {
  const initialIntervalMs = numberOption('initialIntervalMs', input.initialIntervalMs, 5_000, {
    min: MIN_PER_ID_GAP_MS,
  });
  const maxIntervalMs = numberOption('maxIntervalMs', input.maxIntervalMs, 60_000, {
    min: initialIntervalMs,
  });
  return {
    ...checkRuntime(input, { initialIntervalMs, maxIntervalMs }),
    initialIntervalMs,
    maxIntervalMs,
    lateAfterMs: numberOption('lateAfterMs', input.lateAfterMs, 3_600_000, { min: 0 }),
    lateMaxIntervalMs: numberOption('lateMaxIntervalMs', input.lateMaxIntervalMs, 600_000, {
      min: maxIntervalMs,
    }),
    backoffFactor: numberOption('backoffFactor', input.backoffFactor, 1.4, { min: 1 }),
    jitterRatio: numberOption('jitterRatio', input.jitterRatio, 0.1, { min: 0, max: 0.5 }),
    notFoundRetries: numberOption('notFoundRetries', input.notFoundRetries, 3, { min: 0, integer: true }),
    cacheTtlMs: numberOption('cacheTtlMs', input.cacheTtlMs, 30_000, { min: 0 }),
    offlineAfterFailures: numberOption('offlineAfterFailures', input.offlineAfterFailures, 3, {
      min: 1,
      integer: true,
    }),
    maxGlobalBackoffMs: numberOption('maxGlobalBackoffMs', input.maxGlobalBackoffMs, 60_000, { min: 1000 }),
    routineShareEvery: numberOption('routineShareEvery', input.routineShareEvery, 4, {
      min: 1,
      integer: true,
    }),
  };
}

/**
 * Checks a run-time change against the current options and returns the options after it; throws a TypeError
 * naming the bad option (and changes nothing) when any value is wrong.
 */
export function applyRuntimeOptions(current: ResolvedOptions, partial: TuningInput): ResolvedOptions {
  const unknown = Object.keys(partial).find(
    (key) => !RUNTIME_OPTION_NAMES.includes(key as RuntimeOptionName),
  );
  if (unknown !== undefined) {
    throw new TypeError(
      `Expected only ${RUNTIME_OPTION_NAMES.map((name) => `\`${name}\``).join(', ')} to change at run time, got \`${unknown}\``,
    );
  }
  const initialIntervalMs = numberOption(
    'initialIntervalMs',
    partial.initialIntervalMs,
    current.initialIntervalMs,
    { min: MIN_PER_ID_GAP_MS, max: current.maxIntervalMs },
  );
  return { ...current, ...checkRuntime({ ...current, ...partial }, current), initialIntervalMs };
}

const RUNTIME_OPTION_NAMES: readonly RuntimeOptionName[] = [
  'maxRequestsPerSecond',
  'concurrency',
  'watchWindowMs',
  'initialIntervalMs',
];

function checkRuntime(
  input: TuningInput,
  intervals: { readonly initialIntervalMs: number; readonly maxIntervalMs: number },
): RuntimeOptions {
  return {
    maxRequestsPerSecond: numberOption('maxRequestsPerSecond', input.maxRequestsPerSecond, 10, {
      min: 0,
      minInclusive: false,
      max: SMSBAT_STATUS_RATE_LIMIT,
    }),
    concurrency: numberOption('concurrency', input.concurrency, 4, { min: 1, integer: true }),
    watchWindowMs: numberOption('watchWindowMs', input.watchWindowMs, 86_400_000, {
      min: 0,
      minInclusive: false,
    }),
    initialIntervalMs: intervals.initialIntervalMs,
  };
}
