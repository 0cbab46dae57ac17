import type {
  CheckError,
  HistoryEntry,
  StatusSnapshot,
  StatusSource,
  WatchPhase,
} from '../../shared/message';
import { MAX_ERROR_CHARS, MAX_HISTORY_ENTRIES, boundHistory, boundText } from '../../shared/record-bounds';
import { isFinalKind, mayReplaceStatus } from '../../shared/status';
import type { SmsbatError } from './errors';
import type { SavedRecord, WatchRecord } from './watch-list-store';

/** Longest label kept. */
export const MAX_LABEL_LENGTH = 100;

/** A label trimmed, or null when blank; throws a TypeError when longer than `MAX_LABEL_LENGTH`. */
export function normaliseLabel(label: string | null | undefined): string | null {
  if (label == null) return null;
  const trimmed = label.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > MAX_LABEL_LENGTH) {
    throw new TypeError(
      `Expected \`label\` to be at most ${MAX_LABEL_LENGTH} characters, got ${trimmed.length}`,
    );
  }
  return trimmed;
}

/**
 * A new watch of `id` from `now`: a fresh record, or one that keeps an earlier watch's status, history and label
 * (an id that gave up or was not found, watched again) but not its deadline, error or acknowledgement.
 */
export function newWatch(
  id: string,
  existing: WatchRecord | undefined,
  now: number,
  label: string | null,
  deadlineAt: number | null,
): WatchRecord {
  return {
    id,
    label: label ?? existing?.label ?? null,
    phase: 'watching',
    snapshot: existing?.snapshot ?? null,
    history: existing?.history ?? [],
    addedAt: now,
    lastCheckedAt: existing?.lastCheckedAt ?? null,
    lastChangedAt: existing?.lastChangedAt ?? null,
    deadlineAt,
    overdue: false,
    lastError: null,
    acknowledged: false,
  };
}

/**
 * The record after a successful check. A final status is never replaced by a non-final one (answers can arrive
 * out of order); a new status is appended to the history, which keeps its first and newest `maxHistory` entries.
 */
export function withSnapshot(
  message: WatchRecord,
  snapshot: StatusSnapshot,
  at: number,
  maxHistory: number,
): WatchRecord {
  const current = message.snapshot;
  if (current && !mayReplaceStatus(current.kind, snapshot.kind)) {
    return { ...message, lastCheckedAt: at, lastError: null };
  }
  const statusChanged = current?.rawStatus !== snapshot.rawStatus;
  const phase: WatchPhase = isFinalKind(snapshot.kind) ? 'final' : 'watching';
  return {
    ...message,
    phase,
    snapshot,
    history: statusChanged ? appendHistory(message.history, snapshot, at, maxHistory) : message.history,
    lastCheckedAt: at,
    lastChangedAt: statusChanged ? at : message.lastChangedAt,
    lastError: null,
  };
}

/** The record after a failed check: it keeps its last known status; the error text is cut at `MAX_ERROR_CHARS`. */
export function withError(message: WatchRecord, error: SmsbatError, at: number): WatchRecord {
  const lastError: CheckError = {
    kind: error.kind,
    message: boundText(error.message, MAX_ERROR_CHARS),
    httpStatus: error.httpStatus,
    at,
  };
  return { ...message, lastError, lastCheckedAt: at };
}

/** The history with a new entry, keeping its first and newest `maxHistory` entries; a webhook's entry says so. */
export function appendHistory(
  history: readonly HistoryEntry[],
  snapshot: Pick<StatusSnapshot, 'rawStatus' | 'kind'>,
  at: number,
  maxHistory: number,
  source?: StatusSource,
): readonly HistoryEntry[] {
  const entry: HistoryEntry = {
    at,
    rawStatus: snapshot.rawStatus,
    kind: snapshot.kind,
    ...(source === undefined ? {} : { source }),
  };
  return boundHistory([...history, entry], maxHistory);
}

/**
 * A saved or imported record as the list keeps it: only the record's own fields (a view's scheduling facts or any
 * other extra is dropped), its history cut to the first and newest `maxHistory` entries, unacknowledged when saved
 * before acknowledgements existed.
 */
export function fromSaved(saved: SavedRecord, maxHistory: number = MAX_HISTORY_ENTRIES): WatchRecord {
  return {
    id: saved.id,
    label: saved.label,
    phase: saved.phase,
    snapshot: saved.snapshot,
    history: boundHistory(saved.history, maxHistory),
    addedAt: saved.addedAt,
    lastCheckedAt: saved.lastCheckedAt,
    lastChangedAt: saved.lastChangedAt,
    deadlineAt: saved.deadlineAt,
    overdue: saved.overdue,
    lastError: saved.lastError,
    acknowledged: saved.acknowledged === true,
  };
}
