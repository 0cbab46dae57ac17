import { checkWatchRecords } from '../../shared/watch-record-schema';
import type { WatchRecord } from './watch-list-store';

/** What a store found when it read its saved records: those the list can take, and those it cannot. */
export interface SortedSavedRecords {
  /** Every record that fits, checked and bounded as the list keeps it. */
  readonly records: readonly WatchRecord[];
  /** The values that do not fit, as they were read, for the store to keep aside. */
  readonly refused: readonly unknown[];
  /** One line for people when some were refused ("2 saved messages could not be read ..."), else null. */
  readonly problem: string | null;
}

/**
 * Checks every record a watch-list store read back (any store: a JSON file, LMDB) with the one schema of a watched
 * message. Never throws: records that fit load, the others are counted and named by their first reason.
 */
export function sortSavedRecords(values: readonly unknown[], where: string): SortedSavedRecords {
  const checked = checkWatchRecords(values, 1);
  const count = checked.refused.length;
  const problem =
    count === 0
      ? null
      : `${count} saved ${count === 1 ? 'message' : 'messages'} in ${where} could not be read and ` +
        `${count === 1 ? 'was' : 'were'} set aside (${checked.reasons[0] ?? 'unreadable'}); the others loaded.`;
  return { records: checked.records, refused: checked.refused, problem };
}
