import type { RefreshOutcome, ScheduleFacts } from '../../../shared/engine-api';
import type { EngineHealth } from '../../../shared/engine-health';
import type { LegacyHealth } from '../../../shared/legacy-health';
import { AuthError } from '../errors';
import { PollScheduler, type PollSchedulerOptions, type WatchRequest } from '../poll-scheduler';
import type { StatusClient } from '../status-client';
import type { SchedulerObserver, SchedulerPort } from './scheduler-port';

/** Options of the scheduler as the engine builds it. */
export type SchedulerOptions = Omit<PollSchedulerOptions, 'client' | 'observer'> & {
  readonly client: StatusClient | null;
  readonly observer: SchedulerObserver;
};

/** Builds the engine's poll scheduler. */
export function createScheduler(options: SchedulerOptions): SchedulerPort {
  return new LegacySchedulerAdapter(options);
}

/** Runs today's scheduler behind the surface the engine uses (no per-message facts or live tuning yet). */
class LegacySchedulerAdapter implements SchedulerPort {
  readonly #scheduler: PollScheduler;
  #client: StatusClient | null;

  constructor(options: SchedulerOptions) {
    this.#client = options.client;
    const { observer } = options;
    const client: StatusClient = {
      getStatus: (messageId, signal) =>
        this.#client === null
          ? Promise.reject(new AuthError('No credentials.'))
          : this.#client.getStatus(messageId, signal),
    };
    this.#scheduler = new PollScheduler({
      ...options,
      client,
      observer: {
        onSnapshot: (...args) => {
          observer.onSnapshot(...args);
        },
        onCheckFailed: (...args) => {
          observer.onCheckFailed(...args);
        },
        onNotFound: (...args) => {
          observer.onNotFound(...args);
        },
        onGaveUp: (...args) => {
          observer.onGaveUp(...args);
        },
        onOverdue: (...args) => {
          observer.onOverdue(...args);
        },
        onHealth: (health) => {
          observer.onHealth(this.#convert(health));
        },
      },
    });
  }

  watch(request: WatchRequest): void {
    this.#scheduler.watch(request);
  }

  unwatch(messageId: string): void {
    this.#scheduler.unwatch(messageId);
  }

  refreshNow(messageIds?: readonly string[]): RefreshOutcome[] {
    const now = Date.now();
    const outcomes = (messageIds ?? []).map((messageId): RefreshOutcome =>
      this.#scheduler.isWatching(messageId)
        ? { messageId, outcome: 'queued', at: now }
        : { messageId, outcome: 'not_watched' },
    );
    this.#scheduler.refreshNow(messageIds);
    return outcomes;
  }

  pause(): void {
    this.#scheduler.pause();
  }

  resume(): void {
    this.#scheduler.resume();
  }

  stop(): void {
    this.#scheduler.stop();
  }

  setClient(client: StatusClient | null): void {
    this.#client = client;
    this.#scheduler.credentialsChanged();
  }

  setDeadline(): void {
    // Today's scheduler keeps the deadline it was given at watch time.
  }

  updateOptions(): void {
    // Today's scheduler cannot change its tuning while it runs.
  }

  facts(): ScheduleFacts | null {
    return null;
  }

  get health(): EngineHealth {
    return this.#convert(this.#scheduler.health);
  }

  #convert(health: LegacyHealth): EngineHealth {
    const counts = {
      watching: this.#scheduler.size,
      inFlight: 0,
      backlog: 0,
      requestsLastMinute: 0,
      rateCapPerSecond: 0,
    };
    const base = { counts, lastSuccessAt: null };
    switch (health.state) {
      case 'idle':
      case 'running':
      case 'paused':
      case 'stopped':
        return { ...base, mode: health.state, blocker: null };
      case 'rate_limited':
        return {
          ...base,
          mode: 'running',
          blocker: { kind: 'rate_limited', until: health.resumesAt, message: health.message },
        };
      case 'auth_failed':
        return {
          ...base,
          mode: 'running',
          blocker: { kind: 'credentials_rejected', message: health.message },
        };
      case 'offline':
        return {
          ...base,
          mode: 'running',
          blocker: {
            kind: 'offline',
            since: health.since,
            nextProbeAt: health.retryAt,
            message: health.message,
          },
        };
    }
  }
}
