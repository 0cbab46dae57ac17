import { rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkWatchRecords } from '../core/watch-record-check';
import type { SavedRecord } from '../core/watch-list-store';
import type { ProblemSink } from './file-stores';
import { readJsonFile } from './json-file';

/** The file the watch list was kept in before the database. */
export const OLD_WATCH_LIST_FILE = 'watch-list.json';

/** What importing the old file needs from the store. */
export interface JsonImportOptions {
  readonly dataDir: string;
  readonly now: () => number;
  readonly onProblem: ProblemSink;
  /** True when an earlier start imported the file already (and stopped before moving it aside). */
  readonly alreadyImported: () => boolean;
  /** Writes the imported records, with the name the file is moved to, in one transaction. */
  readonly write: (records: readonly SavedRecord[], movedTo: string) => Promise<void>;
}

function isSavedList(value: unknown): value is { version: 1; messages: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { version?: unknown }).version === 1 &&
    Array.isArray((value as { messages?: unknown }).messages)
  );
}

function keyOf(value: unknown): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

/**
 * Imports `watch-list.json` once: its whole records go into the database and the file is renamed
 * `watch-list.json.imported-<time>` (kept, never deleted), with a message saying so. Records that fail the check are
 * left out and counted. When the database cannot be written the file stays where it is and its records are returned
 * to be watched from memory. Returns the records read from the file (none when there is no file to import).
 */
export async function importJsonWatchList(options: JsonImportOptions): Promise<readonly SavedRecord[]> {
  const path = join(options.dataDir, OLD_WATCH_LIST_FILE);
  const stamp = new Date(options.now()).toISOString().replaceAll(':', '-');
  const movedTo = `${path}.imported-${stamp}`;
  if (options.alreadyImported()) {
    if (await moveAside(path, movedTo))
      options.onProblem(`${path} was imported before; it was moved to ${movedTo}.`);
    return [];
  }
  const read = await readJsonFile(path, isSavedList, options.now);
  if (read.kind === 'missing') return [];
  if (read.kind === 'corrupt') {
    options.onProblem(read.message);
    return [];
  }
  const messages = isSavedList(read.value) ? read.value.messages : [];
  const checked = checkWatchRecords(messages.map((value) => ({ key: keyOf(value), value })));
  const leftOut =
    checked.setAside.length === 0
      ? ''
      : ` ${checked.setAside.length} ${checked.setAside.length === 1 ? 'record was' : 'records were'} not whole and left out (first: ${checked.firstReason ?? ''}); they stay in the old file.`;
  try {
    await options.write(checked.records, basename(movedTo));
  } catch (error) {
    options.onProblem(
      `The watch list in ${path} could not be moved into the database (${String(error)}); the file stays where it ` +
        `is and its ${checked.records.length} messages are watched from memory until the database can be written.${leftOut}`,
    );
    return checked.records;
  }
  await moveAside(path, movedTo);
  options.onProblem(
    `The watch list is now kept in a database: ${checked.records.length === 1 ? '1 message was' : `${checked.records.length} messages were`} imported from ${path}, ` +
      `which was moved to ${movedTo}.${leftOut}`,
  );
  return checked.records;
}

/** Renames the old file; false when it was already gone. */
async function moveAside(path: string, movedTo: string): Promise<boolean> {
  try {
    await rename(path, movedTo);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
