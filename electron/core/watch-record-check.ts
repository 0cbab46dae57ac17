import { parseWatchRecord, recordName } from '../../shared/watch-record-schema';
import type { SavedRecord } from './watch-list-store';

/** Saved records split into those that can be used and those set aside, with how many and the first reason. */
export interface CheckedRecords {
  readonly records: SavedRecord[];
  /** The values that failed the check, as read (kept so nothing is lost). */
  readonly setAside: { readonly key: string; readonly value: unknown }[];
  /** The first reason a record was set aside, or null when none was. */
  readonly firstReason: string | null;
}

/**
 * Splits values a store read back (each with the key it was saved under) into records the list can take, checked
 * and bounded by the one schema of a watched message (`shared/watch-record-schema.ts`, which imports use too), and
 * those set aside: records that do not fit, and records saved under another id than their own.
 */
export function checkWatchRecords(entries: Iterable<{ key: string; value: unknown }>): CheckedRecords {
  const records: SavedRecord[] = [];
  const setAside: { key: string; value: unknown }[] = [];
  let firstReason: string | null = null;
  let index = 0;
  for (const entry of entries) {
    const checked = parseWatchRecord(entry.value);
    if (checked.ok && checked.record.id === entry.key) records.push(checked.record);
    else {
      setAside.push(entry);
      firstReason ??= `${recordName(entry.value, index)}: ${checked.ok ? 'saved under another id' : checked.reason}`;
    }
    index += 1;
  }
  return { records, setAside, firstReason };
}
