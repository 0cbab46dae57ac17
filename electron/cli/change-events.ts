import type { WatchedMessage } from '../../shared/message';

/** What happened to a watched message: a new status, the end of its watch, a missed deadline, or a failed check. */
export type ChangeEventKind = 'status' | 'not_found' | 'gave_up' | 'overdue' | 'check_failed';

/** One change worth telling people about, with the message as it is after the change. */
export interface ChangeEvent {
  readonly event: ChangeEventKind;
  /** When it happened (epoch ms). */
  readonly at: number;
  readonly message: WatchedMessage;
}

interface Seen {
  readonly rawStatus: string | null;
  readonly phase: WatchedMessage['phase'];
  readonly overdue: boolean;
  readonly errorKey: string | null;
}

/**
 * Turns the engine's batches of updated messages into the changes people care about. The engine re-sends a
 * message after every check; this remembers what was already reported, so each change is reported once and a
 * check that saw nothing new reports nothing.
 */
export class ChangeTracker {
  readonly #seen = new Map<string, Seen>();

  /** The changes since the last call for this message, oldest first. */
  changes(message: WatchedMessage, now: number): ChangeEvent[] {
    const before = this.#seen.get(message.id) ?? {
      rawStatus: null,
      phase: 'watching',
      overdue: false,
      errorKey: null,
    };
    const rawStatus = message.snapshot?.rawStatus ?? null;
    const error = message.lastError;
    const errorKey = error === null ? null : `${error.kind}:${error.httpStatus ?? ''}`;
    const events: ChangeEvent[] = [];

    if (rawStatus !== null && rawStatus !== before.rawStatus) {
      events.push({ event: 'status', at: message.lastChangedAt ?? message.lastCheckedAt ?? now, message });
    }
    if (errorKey !== null && errorKey !== before.errorKey) {
      events.push({ event: 'check_failed', at: error?.at ?? now, message });
    }
    if (message.overdue && !before.overdue) {
      events.push({ event: 'overdue', at: message.deadlineAt ?? now, message });
    }
    if (message.phase !== before.phase && (message.phase === 'not_found' || message.phase === 'gave_up')) {
      events.push({ event: message.phase, at: message.lastChangedAt ?? now, message });
    }

    this.#seen.set(message.id, { rawStatus, phase: message.phase, overdue: message.overdue, errorKey });
    return events;
  }
}
