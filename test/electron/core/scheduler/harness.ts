import type { EngineHealth } from '../../../../shared/engine-health';
import type { StatusSnapshot } from '../../../../shared/message';
import type { SmsbatError } from '../../../../electron/core/errors';
import {
  PollScheduler,
  type PollObserver,
  type PollSchedulerOptions,
} from '../../../../electron/core/poll-scheduler';
import { VirtualClock } from '../../../../electron/core/virtual-clock';
import { ScriptedStatusClient, type Script } from '../../../fakes/scripted-status-client';

/** Everything a scheduler reported, in separate lists and as one ordered log. */
export interface Reports {
  snapshots: { id: string; snapshot: StatusSnapshot; at: number }[];
  failures: { id: string; error: SmsbatError; at: number }[];
  notFound: string[];
  gaveUp: { id: string; at: number }[];
  overdue: { id: string; at: number }[];
  health: EngineHealth[];
  scheduleChanged: (readonly string[])[];
  /** `kind:id` for every per-id report, in the order it was made. */
  log: string[];
}

/** An observer that ignores everything. */
export const silentObserver: PollObserver = {
  onSnapshot: () => undefined,
  onCheckFailed: () => undefined,
  onNotFound: () => undefined,
  onGaveUp: () => undefined,
  onOverdue: () => undefined,
  onHealth: () => undefined,
  onScheduleChanged: () => undefined,
};

/** An observer that records every report into `reports`. */
export function recordingObserver(reports: Reports): PollObserver {
  return {
    onSnapshot: (id, snapshot, at) => {
      reports.snapshots.push({ id, snapshot, at });
      reports.log.push(`snapshot:${id}:${snapshot.rawStatus}`);
    },
    onCheckFailed: (id, error, at) => {
      reports.failures.push({ id, error, at });
      reports.log.push(`failed:${id}`);
    },
    onNotFound: (id) => {
      reports.notFound.push(id);
      reports.log.push(`not_found:${id}`);
    },
    onGaveUp: (id, at) => {
      reports.gaveUp.push({ id, at });
      reports.log.push(`gave_up:${id}`);
    },
    onOverdue: (id, at) => {
      reports.overdue.push({ id, at });
      reports.log.push(`overdue:${id}`);
    },
    onHealth: (health) => reports.health.push(health),
    onScheduleChanged: (ids) => reports.scheduleChanged.push(ids),
  };
}

/** Empty report lists. */
export function emptyReports(): Reports {
  return {
    snapshots: [],
    failures: [],
    notFound: [],
    gaveUp: [],
    overdue: [],
    health: [],
    scheduleChanged: [],
    log: [],
  };
}

/** A scheduler on a virtual clock with a scripted client (50 ms per request unless told) and no jitter. */
export function setup(
  script: Script,
  options: Partial<Omit<PollSchedulerOptions, 'client' | 'clock'>> = {},
  latencyMs = 50,
) {
  const clock = new VirtualClock();
  const start = clock.now();
  const client = new ScriptedStatusClient(clock, script, latencyMs);
  const reports = emptyReports();
  const scheduler = new PollScheduler({
    client,
    clock,
    random: () => 0.5,
    observer: recordingObserver(reports),
    ...options,
  });
  const watch = (...ids: string[]): void => {
    for (const messageId of ids) scheduler.watch({ messageId, addedAt: clock.now() });
  };
  const elapsed = (at: number): number => at - start;
  return { clock, client, scheduler, reports, watch, start, elapsed };
}

/** Differences between consecutive times. */
export function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((time, index) => time - (times[index] ?? 0));
}
