import { stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import { saveFailureReason, WatchListSaveError } from '../core/save-failure';
import { checkWatchRecords } from '../core/watch-record-check';
import type { SavedRecord, WatchListChange, WatchListStore } from '../core/watch-list-store';
import type { ProblemSink } from './file-stores';
import { importJsonWatchList } from './watch-list-json-import';

/** The database's file name in the data directory (LMDB keeps its lock beside it, in `watch-list.lmdb-lock`). */
export const WATCH_LIST_DB_NAME = 'watch-list.lmdb';

/** The database's parts: one record per message, records that could not be read, and the store's own facts. */
export interface WatchListTables {
  readonly root: RootDatabase;
  readonly messages: Database<unknown, string>;
  readonly setAside: Database<unknown, string>;
  readonly meta: Database<unknown, string>;
}

/** Writes one batch of changes in one transaction and resolves once it is committed and flushed. */
export type BatchWriter = (tables: WatchListTables, change: WatchListChange) => Promise<void>;

/** Options of the LMDB watch-list store. */
export interface LmdbWatchListStoreOptions {
  readonly dataDir: string;
  /** Where problems people should know about go (records set aside, the old file imported). */
  readonly onProblem: ProblemSink;
  /** @default Date.now */
  readonly now?: () => number;
  /** How a batch is written; tests replace it to make writes fail. @default one transaction, then a flush */
  readonly writeBatch?: BatchWriter;
}

/**
 * The real writer: removals and upserts of one batch in one transaction (written on lmdb's own thread), resolved once
 * flushed to disk. A failed commit rejects with the file system's error (e.g. ENOSPC), not lmdb's wrapper.
 */
export const writeBatch: BatchWriter = async ({ root, messages }, change) => {
  try {
    await root.transaction(() => {
      for (const id of change.removed) messages.removeSync(id);
      for (const record of change.upserted) messages.putSync(record.id, record);
    });
  } catch (error) {
    throw await commitErrorOf(error);
  }
  await root.flushed;
};

/** lmdb rejects a failed commit with "see commitError": the rejected promise holding the real error. */
async function commitErrorOf(error: unknown): Promise<unknown> {
  const inner = (error as { commitError?: unknown } | null)?.commitError;
  if (!(inner instanceof Promise)) return error;
  return inner.then(
    () => error,
    (cause: unknown) => cause,
  );
}

const STRUCTURES_KEY = Symbol.for('watch-list-structures');

function openTables(path: string, readOnly: boolean): WatchListTables {
  // Without event-turn batching lmdb leaves no promise of its own unobserved when a commit fails (a full disk
  // would otherwise end the process with an unhandled rejection); each batch is one explicit transaction anyway.
  // No write map: a full disk then fails a write instead of faulting the process.
  const root = open({
    path,
    noSubdir: true,
    maxDbs: 4,
    readOnly,
    useWritemap: false,
    eventTurnBatching: false,
  });
  return {
    root,
    // Records share their msgpack structures (kept under a key of their own, hidden from ranges): smaller values
    // and a load several times faster than decoding each record's field names.
    messages: root.openDB<unknown, string>({ name: 'messages', sharedStructuresKey: STRUCTURES_KEY }),
    setAside: root.openDB<unknown, string>({ name: 'set-aside' }),
    meta: root.openDB<unknown, string>({ name: 'meta' }),
  };
}

/** Free bytes on the disk holding `path`, or null when the system cannot say. */
async function freeBytes(path: string): Promise<number | null> {
  try {
    const stats = await statfs(path);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The watch list in an LMDB database (`watch-list.lmdb` in the data directory): one record per message, each
 * batch of changes one transaction holding only what changed, a save resolving once its transaction is on disk.
 * At first start the old `watch-list.json` is imported and moved aside. Records that fail the check are moved to
 * a set-aside table and reported; the list starts with the rest. A database that cannot be opened for writing
 * (a read-only folder) is read if it can be, and every save then fails with the reason.
 */
export class LmdbWatchListStore implements WatchListStore {
  readonly #path: string;
  readonly #dataDir: string;
  readonly #onProblem: ProblemSink;
  readonly #now: () => number;
  readonly #write: BatchWriter;
  #tables: WatchListTables | null = null;
  /** Why the database cannot be written, when it was opened read-only or not at all. */
  #openError: unknown = null;
  #ready: Promise<void> | null = null;
  /** Records of the old file that could not be written to the database (kept in memory only). */
  #notImported: readonly SavedRecord[] = [];

  constructor(options: LmdbWatchListStoreOptions) {
    this.#dataDir = options.dataDir;
    this.#path = join(options.dataDir, WATCH_LIST_DB_NAME);
    this.#onProblem = options.onProblem;
    this.#now = options.now ?? Date.now;
    this.#write = options.writeBatch ?? writeBatch;
  }

  /** Every saved message, oldest first (the database is opened, and the old JSON file imported, the first time). */
  async load(): Promise<readonly SavedRecord[]> {
    this.#ready ??= this.#prepare().catch((error: unknown) => {
      this.#ready = null;
      throw error;
    });
    await this.#ready;
    const fromDb = this.#tables === null ? [] : this.#readRecords(this.#tables);
    const known = new Set(fromDb.map((record) => record.id));
    const all = [...fromDb, ...this.#notImported.filter((record) => !known.has(record.id))];
    return all.sort((a, b) => a.addedAt - b.addedAt);
  }

  /** Applies one batch in one transaction; resolves once it is on disk, rejects with a `WatchListSaveError`. */
  async save(change: WatchListChange): Promise<void> {
    this.#ready ??= this.#prepare();
    await this.#ready;
    const tables = await this.#writableTables();
    try {
      await this.#write(tables, change);
    } catch (error) {
      throw new WatchListSaveError(saveFailureReason(error, await freeBytes(this.#dataDir)), error);
    }
  }

  /** Closes the database (after the last save). */
  async close(): Promise<void> {
    const tables = this.#tables;
    this.#tables = null;
    this.#ready = null;
    if (tables !== null) await tables.root.close();
  }

  /** The tables, opened for writing: a database that could not be, is tried again (the folder may be writable now). */
  async #writableTables(): Promise<WatchListTables> {
    if (this.#openError !== null) {
      try {
        const writable = openTables(this.#path, false);
        const readOnly = this.#tables;
        this.#tables = writable;
        this.#openError = null;
        if (readOnly !== null) await readOnly.root.close();
      } catch (error) {
        this.#openError = error;
      }
    }
    if (this.#tables !== null && this.#openError === null) return this.#tables;
    const cause = this.#openError ?? new Error('the watch list is closed');
    throw new WatchListSaveError(saveFailureReason(cause, await freeBytes(this.#dataDir)), cause);
  }

  /** Opens the database and imports the old JSON file (once). */
  async #prepare(): Promise<void> {
    this.#tables = await this.#open();
    const imported = await importJsonWatchList({
      dataDir: this.#dataDir,
      now: this.#now,
      onProblem: this.#onProblem,
      alreadyImported: () => this.#tables?.meta.get('importedFrom') !== undefined,
      write: (records, from) => this.#importRecords(records, from),
    });
    this.#notImported = imported.filter((record) => this.#tables?.messages.get(record.id) === undefined);
  }

  /** Opens for writing, or, when that is refused, for reading (the reason is kept for the saves). */
  async #open(): Promise<WatchListTables | null> {
    try {
      return openTables(this.#path, false);
    } catch (error) {
      this.#openError = error;
    }
    if (!(await exists(this.#path))) return null;
    try {
      return openTables(this.#path, true);
    } catch {
      return null;
    }
  }

  /** Reads every record; those that fail the check move to the set-aside table and are reported. */
  #readRecords(tables: WatchListTables): SavedRecord[] {
    const entries = [...tables.messages.getRange()].map(({ key, value }) => ({ key, value }));
    const checked = checkWatchRecords(entries);
    if (checked.setAside.length > 0) {
      if (this.#openError === null) {
        void tables.root
          .transaction(() => {
            for (const { key, value } of checked.setAside) {
              void tables.setAside.put(key, value);
              void tables.messages.remove(key);
            }
          })
          .catch(() => undefined);
      }
      this.#onProblem(
        `${checked.setAside.length} saved ${checked.setAside.length === 1 ? 'message was' : 'messages were'} ` +
          `not whole and ${checked.setAside.length === 1 ? 'was' : 'were'} set aside (first: ${checked.firstReason ?? ''}); ` +
          `the monitor starts with the other ${checked.records.length}.`,
      );
    }
    return checked.records;
  }

  /** Writes imported records (ids already in the database keep the database's) with the mark that they were. */
  async #importRecords(records: readonly SavedRecord[], from: string): Promise<void> {
    const tables = await this.#writableTables();
    await tables.root.transaction(() => {
      for (const record of records)
        if (tables.messages.get(record.id) === undefined) void tables.messages.put(record.id, record);
      void tables.meta.put('importedFrom', from);
    });
    await tables.root.flushed;
  }
}
