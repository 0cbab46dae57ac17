import type { WatchedMessage } from '../../shared/message';
import { isFinalKind } from '../../shared/status';
import { isDeliveredLate, type WatchEvent } from './watch-event';

interface Seen {
  readonly rawStatus: string | null;
  readonly phase: WatchedMessage['phase'];
  readonly overdue: boolean;
  readonly errorKey: string | null;
}

/**
 * Turns the engine's batches of updated messages into the message events people care about. The engine re-sends
 * a message after every check; this remembers what was already reported, so each change is reported once and a
 * check that saw nothing new reports nothing.
 */
export class ChangeTracker {
  readonly #seen = new Map<string, Seen>();

  /** The events since the last call for this message, oldest first. */
  changes(message: WatchedMessage, now: number): WatchEvent[] {
    const before = this.#seen.get(message.id) ?? {
      rawStatus: null,
      phase: 'watching',
      overdue: false,
      errorKey: null,
    };
    const snapshot = message.snapshot;
    const error = message.lastError;
    const errorKey = error === null ? null : `${error.kind}:${error.httpStatus ?? ''}`;
    const events: WatchEvent[] = [];

    // The deadline passed before whatever status came with it (a late delivery says so itself).
    if (message.overdue && !before.overdue && message.snapshot?.kind !== 'delivered') {
      events.push({ kind: 'overdue', at: message.deadlineAt ?? now, message });
    }
    if (snapshot !== null && snapshot.rawStatus !== before.rawStatus) {
      const at = message.lastChangedAt ?? message.lastCheckedAt ?? now;
      const kind = !isFinalKind(snapshot.kind)
        ? 'status_changed'
        : snapshot.kind === 'failed'
          ? 'failed'
          : isDeliveredLate(message)
            ? 'delivered_late'
            : 'delivered';
      events.push({ kind, at, message });
    }
    if (errorKey !== null && errorKey !== before.errorKey) {
      events.push({ kind: 'check_failed', at: error?.at ?? now, message });
    }
    if (message.phase !== before.phase && (message.phase === 'not_found' || message.phase === 'gave_up')) {
      events.push({ kind: message.phase, at: message.lastChangedAt ?? now, message });
    }

    this.#seen.set(message.id, {
      rawStatus: snapshot?.rawStatus ?? null,
      phase: message.phase,
      overdue: message.overdue,
      errorKey,
    });
    return events;
  }
}
