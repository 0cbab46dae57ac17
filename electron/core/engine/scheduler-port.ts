import type { EngineHealth } from '../../../shared/engine-health';
import type { RefreshOutcome, ScheduleFacts } from '../../../shared/engine-api';
import type { StatusSnapshot } from '../../../shared/message';
import type { SmsbatError } from '../errors';
import type { WatchRequest } from '../poll-scheduler';
import type { StatusClient } from '../status-client';

/** What the scheduler tells the engine. Calls are synchronous and must not throw. */
export interface SchedulerObserver {
  onSnapshot(messageId: string, snapshot: StatusSnapshot, at: number): void;
  onCheckFailed(messageId: string, error: SmsbatError, at: number): void;
  onNotFound(messageId: string, at: number): void;
  onGaveUp(messageId: string, at: number): void;
  onOverdue(messageId: string, at: number): void;
  onHealth(health: EngineHealth): void;
  /** The scheduling facts of these ids changed (next check, in flight, failures, hold). */
  onScheduleChanged(messageIds: readonly string[]): void;
}

/** The scheduler's tuning that can change at run time. */
export interface SchedulerTuning {
  readonly maxRequestsPerSecond?: number;
  readonly concurrency?: number;
  readonly watchWindowMs?: number;
  readonly initialIntervalMs?: number;
}

/** What the engine needs from the poll scheduler. */
export interface SchedulerPort {
  watch(request: WatchRequest): void;
  unwatch(messageId: string): void;
  refreshNow(messageIds?: readonly string[]): RefreshOutcome[];
  pause(): void;
  resume(): void;
  stop(): void;
  /** Replaces the client (new credentials, base URL or auth method); null holds every check for credentials. */
  setClient(client: StatusClient | null): void;
  setDeadline(messageId: string, deadlineAt: number | null): void;
  updateOptions(tuning: SchedulerTuning): void;
  facts(messageId: string): ScheduleFacts | null;
  readonly health: EngineHealth;
}
