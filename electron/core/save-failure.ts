import type { BlockerOf, SaveFailureReason } from '../../shared/engine-health';

/** A watch-list save that failed, with why in a word and what a person can do about it. */
export class WatchListSaveError extends Error {
  override readonly name = 'WatchListSaveError';
  readonly reason: SaveFailureReason;

  constructor(reason: SaveFailureReason, cause: unknown) {
    super(saveFailureMessage(reason, cause), { cause });
    this.reason = reason;
  }
}

const CODES: Readonly<Record<string, SaveFailureReason>> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  MDB_MAP_FULL: 'disk_full',
  EROFS: 'read_only',
  EACCES: 'read_only',
  EPERM: 'read_only',
  EAGAIN: 'locked',
  EBUSY: 'locked',
  EWOULDBLOCK: 'locked',
};

/** The numbers some native layers report instead of a code (Linux errno values). */
const ERRNOS: Readonly<Record<number, SaveFailureReason>> = {
  28: 'disk_full',
  122: 'disk_full',
  30: 'read_only',
  13: 'read_only',
  1: 'read_only',
  11: 'locked',
  16: 'locked',
};

/** Below this many free bytes an unexplained write failure is taken for a full disk (LMDB may say only EIO). */
export const NEARLY_FULL_BYTES = 1024 * 1024;

/**
 * Why a save failed, in a word, from the error the file system or the database gave, and the free space on the
 * data folder's disk when known (an unexplained failure with less than {@link NEARLY_FULL_BYTES} free is a full disk).
 */
export function saveFailureReason(error: unknown, freeBytes: number | null = null): SaveFailureReason {
  const reason = reasonOfError(error);
  return reason === 'other' && freeBytes !== null && freeBytes < NEARLY_FULL_BYTES ? 'disk_full' : reason;
}

function reasonOfError(error: unknown): SaveFailureReason {
  if (error instanceof WatchListSaveError) return error.reason;
  if (typeof error !== 'object' || error === null) return 'other';
  const { code, errno, message } = error as { code?: unknown; errno?: unknown; message?: unknown };
  if (typeof code === 'string' && CODES[code]) return CODES[code];
  if (typeof errno === 'number' && ERRNOS[Math.abs(errno)]) return ERRNOS[Math.abs(errno)] ?? 'other';
  const text = typeof message === 'string' ? message : '';
  for (const [name, reason] of Object.entries(CODES)) if (text.includes(name)) return reason;
  if (/no space left|disk full/i.test(text)) return 'disk_full';
  if (/read-only|permission denied/i.test(text)) return 'read_only';
  return 'other';
}

const WHAT_TO_DO: Readonly<Record<SaveFailureReason, string>> = {
  disk_full:
    'disk full. Free some space on the disk that holds the data folder; the monitor saves again by itself.',
  read_only:
    'the data folder is read-only. Give this user write access to it (or move it to a writable disk); the monitor saves again by itself.',
  locked:
    'another program holds the watch list. Close the other copy of the monitor; the monitor saves again by itself.',
  other: 'the data folder could not be written. Check the disk; the monitor saves again by itself.',
};

/** "Cannot save the watch list: disk full. Free some space…", with the underlying error at the end. */
export function saveFailureMessage(reason: SaveFailureReason, cause: unknown): string {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return `Cannot save the watch list: ${WHAT_TO_DO[reason]} (${detail})`;
}

/** The engine-health blocker for a failed save. */
export function saveFailedBlocker(error: unknown): BlockerOf<'save_failed'> {
  const reason = saveFailureReason(error);
  const message = error instanceof WatchListSaveError ? error.message : saveFailureMessage(reason, error);
  return { kind: 'save_failed', reason, message };
}
