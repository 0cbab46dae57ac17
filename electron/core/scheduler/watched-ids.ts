import type { Clock } from '../clock';
import { Alarms, type AlarmKind, type AlarmTimes } from './alarms';
import { DueQueue, type NextCheck } from './due-queue';
import type { Entry } from './entry';
import { laneOf } from './lanes';
import { MIN_PER_ID_GAP_MS } from './options';

/** What the table of watched ids reports back to the scheduler. */
export interface WatchedIdsEvents {
  /** An id's deadline or watch window came (called only for ids still watched). */
  onAlarm(kind: AlarmKind, entry: Entry, at: number): void;
  /** After the alarms due at one time were handled. */
  afterAlarms(): void;
  /** The scheduling facts of an id changed. */
  onChanged(messageId: string): void;
}

/**
 * Every watched id with its next check (in its lane of the due queue) and its alarms (deadline, end of the watch
 * window). Keeps the three consistent: a rescheduled or removed id leaves only stale queue items behind, which the
 * queues skip. Times are monotonic ms.
 */
export class WatchedIds {
  readonly #entries = new Map<string, Entry>();
  readonly #due: DueQueue;
  readonly #alarms: Alarms;

  constructor(
    clock: Clock,
    tuning: { readonly maxRequestsPerSecond: number; readonly routineShareEvery: number },
    private readonly events: WatchedIdsEvents,
  ) {
    this.#due = new DueQueue(
      (id, lane, dueAt) => {
        const entry = this.#entries.get(id);
        return entry?.request === null && entry.lane === lane && entry.dueAt === dueAt;
      },
      (id, lane, addedAt) => {
        const entry = this.#entries.get(id);
        const waiting =
          entry?.request === null &&
          entry.lane === lane &&
          entry.addedAt === addedAt &&
          entry.lastRequestAt === Number.NEGATIVE_INFINITY;
        return waiting ? entry.dueAt : null;
      },
      () => [...this.#entries.values()].filter((entry) => entry.request === null),
      tuning.maxRequestsPerSecond,
      tuning.routineShareEvery,
    );
    this.#alarms = new Alarms(
      clock,
      (id, kind, at) => {
        const entry = this.#entries.get(id);
        if (!entry) return false;
        return kind === 'give_up' ? entry.giveUpAt === at : !entry.overdueReported && entry.deadlineAt === at;
      },
      (kind, id, at) => {
        const entry = this.#entries.get(id);
        if (entry) events.onAlarm(kind, entry, at);
      },
      () => {
        events.afterAlarms();
      },
    );
  }

  /** How many ids are watched. */
  get size(): number {
    return this.#entries.size;
  }

  /** The entry of a watched id. */
  get(messageId: string): Entry | undefined {
    return this.#entries.get(messageId);
  }

  /** Every watched id. */
  ids(): string[] {
    return [...this.#entries.keys()];
  }

  /** Adds an id and its alarms (the caller then schedules its first check, unless a request is in flight). */
  add(entry: Entry): void {
    this.#entries.set(entry.id, entry);
    this.alarmsChanged(entry);
    this.events.onChanged(entry.id);
  }

  /** Removes an id; returns whether it was watched. */
  remove(messageId: string): boolean {
    if (!this.#entries.delete(messageId)) return false;
    this.events.onChanged(messageId);
    if (this.#entries.size === 0) this.#alarms.arm();
    return true;
  }

  /** Queues the next check of `entry` at `dueAt`, never within the per-id gap of its last request, in its lane. */
  schedule(entry: Entry, dueAt: number): void {
    entry.dueAt = Math.max(dueAt, entry.lastRequestAt + MIN_PER_ID_GAP_MS);
    entry.lane = laneOf(entry);
    this.#due.push(entry, this.#entries.size);
    this.events.onChanged(entry.id);
  }

  /** Re-reads the deadline of `entry` for its alarm. */
  alarmsChanged(entry: Entry): void {
    this.#alarms.set(alarmTimes(entry));
    this.#alarms.arm();
  }

  /** Gives every id a new watch window, counted from when it was added. */
  setWatchWindow(watchWindowMs: number): void {
    for (const entry of this.#entries.values()) entry.giveUpAt = entry.addedAt + watchWindowMs;
    this.#alarms.rebuild(Array.from(this.#entries.values(), alarmTimes));
    this.#alarms.arm();
  }

  /** Changes the rate cap from the next request on. */
  setRate(perSecond: number): void {
    this.#due.setRate(perSecond);
  }

  /** The check to start now (its rate slot taken), or when to look again. */
  nextDue(now: number): NextCheck {
    return this.#due.next(now);
  }

  /** Ids whose check is due at `now` and waiting. */
  backlog(now: number): number {
    let count = 0;
    for (const entry of this.#entries.values()) if (entry.request === null && entry.dueAt <= now) count += 1;
    return count;
  }

  /** Stops the alarms for good. */
  stop(): void {
    this.#alarms.stop();
  }
}

function alarmTimes(entry: Entry): AlarmTimes {
  const overdue = entry.deadlineAt !== null && !entry.overdueReported;
  return { id: entry.id, giveUpAt: entry.giveUpAt, overdueAt: overdue ? entry.deadlineAt : null };
}
