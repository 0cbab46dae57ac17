import type { EngineHealth } from '../../../shared/engine-health';
import type { StatusSnapshot } from '../../../shared/message';
import type { SmsbatError } from '../errors';
import type { IdReport } from './after-check';

/**
 * What the scheduler reports. Calls are synchronous, never made from inside the dispatch loop (a listener may
 * pause, watch or unwatch freely), and must not throw. `at` is epoch milliseconds.
 */
export interface PollObserver {
  /** A check succeeded (or a cached result was reused). */
  onSnapshot(messageId: string, snapshot: StatusSnapshot, at: number): void;
  /** A check failed and will be retried later; `error` is one of the SmsbatError kinds. */
  onCheckFailed(messageId: string, error: SmsbatError, at: number): void;
  /** SMSBAT kept answering 404 after the retries a just-sent id gets: the id is no longer checked. */
  onNotFound(messageId: string, at: number): void;
  /** The watch window ended before a final status: the id is no longer checked. */
  onGaveUp(messageId: string, at: number): void;
  /**
   * The id's deadline passed without a final status: called at the deadline whatever holds the checks, and also
   * just before the snapshot of a final status that arrived at or after the deadline (delivered late).
   */
  onOverdue(messageId: string, at: number): void;
  /** The engine as a whole changed (mode, blocker, counts); called only when it changed. */
  onHealth(health: EngineHealth): void;
  /** The scheduling facts (`PollScheduler.facts`) of these ids changed. */
  onScheduleChanged(messageIds: readonly string[]): void;
}

/** An id to watch and what is already known of it (when resuming after a restart). Times are epoch ms. */
export interface WatchRequest {
  readonly messageId: string;
  /** When the watch began; the watch window counts from here. */
  readonly addedAt: number;
  /** When a final status is expected by, or null. */
  readonly deadlineAt?: number | null;
  /** Whether the deadline was already reported missed. */
  readonly overdueReported?: boolean;
  /** The last status seen, so a change after a restart still counts as a change. */
  readonly lastRawStatus?: string | null;
  readonly lastCheckedAt?: number | null;
}

/** The watch window of an id ended (at `at`, monotonic ms). */
export interface GaveUpReport {
  readonly kind: 'gave_up';
  readonly at: number;
}

/** Makes the observer call for one report about `id`; `at` is the report's time in epoch ms. */
export function tellObserver(
  observer: PollObserver,
  id: string,
  report: IdReport | GaveUpReport,
  at: number,
): void {
  switch (report.kind) {
    case 'snapshot':
      observer.onSnapshot(id, report.snapshot, at);
      break;
    case 'check_failed':
      observer.onCheckFailed(id, report.error, at);
      break;
    case 'not_found':
      observer.onNotFound(id, at);
      break;
    case 'overdue':
      observer.onOverdue(id, at);
      break;
    case 'gave_up':
      observer.onGaveUp(id, at);
  }
}
