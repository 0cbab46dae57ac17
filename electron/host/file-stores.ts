import { join } from 'node:path';
import type { UiPreferences } from '../../shared/contract';
import { AUTH_METHODS } from '../../shared/credentials';
import type { EngineSettings } from '../../shared/engine-api';
import type { SavedRecord, WatchListChange, WatchListStore } from '../core/watch-list-store';
import { LatestWriteQueue, readJsonFile, writeJsonFileAtomic } from './json-file';
import { DEFAULT_PREFERENCES, mergePreferences } from './preferences';

/** Where a problem with the data directory is reported (a corrupt file moved aside, a failed write). */
export type ProblemSink = (message: string) => void;

const FORMAT_VERSION = 1;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSavedList(value: unknown): value is { version: number; messages: SavedRecord[] } {
  return (
    isObject(value) &&
    value['version'] === FORMAT_VERSION &&
    Array.isArray(value['messages']) &&
    value['messages'].every((message) => isObject(message) && typeof message['id'] === 'string')
  );
}

/**
 * The watch list kept as `watch-list.json` in the data directory, rewritten atomically after each batch: how the
 * monitor kept it before `LmdbWatchListStore` (kept to compare the two in the storage benchmark).
 */
export class JsonFileWatchListStore implements WatchListStore {
  readonly #path: string;
  readonly #onProblem: ProblemSink;
  readonly #messages = new Map<string, SavedRecord>();
  readonly #writes: LatestWriteQueue;
  #loaded = false;

  /** @param minWriteGapMs the least time between two rewrites of the file. @default 1000 */
  constructor(dataDir: string, onProblem: ProblemSink, minWriteGapMs = 1000) {
    this.#path = join(dataDir, 'watch-list.json');
    this.#onProblem = onProblem;
    this.#writes = new LatestWriteQueue(minWriteGapMs);
  }

  /** Every saved message (read from the file once); a corrupt file is moved aside and reported, and the list starts empty. */
  async load(): Promise<readonly SavedRecord[]> {
    if (this.#loaded) return [...this.#messages.values()];
    this.#loaded = true;
    const read = await readJsonFile(this.#path, isSavedList);
    this.#messages.clear();
    if (read.kind === 'corrupt') this.#onProblem(read.message);
    if (read.kind === 'ok' && isSavedList(read.value)) {
      for (const message of read.value.messages) this.#messages.set(message.id, message);
    }
    return [...this.#messages.values()];
  }

  /** Applies one batch and rewrites the file. */
  save(change: WatchListChange): Promise<void> {
    for (const id of change.removed) this.#messages.delete(id);
    for (const message of change.upserted) this.#messages.set(message.id, message);
    return this.#writes.enqueue(() =>
      writeJsonFileAtomic(this.#path, { version: FORMAT_VERSION, messages: [...this.#messages.values()] }),
    );
  }
}

/** Settings the host keeps: the engine's (as last changed by a person) and the window's preferences. */
export interface SavedSettings {
  readonly engine: Partial<EngineSettings>;
  readonly preferences: UiPreferences;
}

function isSavedSettings(
  value: unknown,
): value is { version: number; engine: Record<string, unknown>; preferences: Record<string, unknown> } {
  return (
    isObject(value) &&
    value['version'] === FORMAT_VERSION &&
    isObject(value['engine']) &&
    isObject(value['preferences'])
  );
}

const NUMBER_SETTINGS = ['rateCapPerSecond', 'concurrency', 'watchWindowMs', 'firstIntervalMs'] as const;

/** Keeps the saved engine settings that have the right type; the engine still validates their values. */
function engineSettingsFrom(saved: Record<string, unknown>): Partial<EngineSettings> {
  const result: Record<string, unknown> = {};
  for (const key of NUMBER_SETTINGS) if (typeof saved[key] === 'number') result[key] = saved[key];
  if (typeof saved['baseUrl'] === 'string') result['baseUrl'] = saved['baseUrl'];
  const method = saved['authMethod'];
  if (typeof method === 'string' && (AUTH_METHODS as readonly string[]).includes(method))
    result['authMethod'] = method;
  return result;
}

/** Reads what a saved `preferences` object holds, keeping only known values (a hand-edited file cannot break it). */
function preferencesFrom(saved: Record<string, unknown>): UiPreferences {
  const theme = saved['theme'];
  const language = saved['language'];
  const notify = isObject(saved['notify']) ? saved['notify'] : {};
  const flag = (key: 'delivered' | 'failed' | 'overdue'): boolean =>
    typeof notify[key] === 'boolean' ? notify[key] : DEFAULT_PREFERENCES.notify[key];
  return mergePreferences(DEFAULT_PREFERENCES, {
    theme: theme === 'light' || theme === 'dark' || theme === 'system' ? theme : undefined,
    language: language === 'en' || language === 'uk' || language === 'system' ? language : undefined,
    notify: { delivered: flag('delivered'), failed: flag('failed'), overdue: flag('overdue') },
  });
}

/** Engine settings and window preferences kept as `settings.json` in the data directory. */
export class JsonFileSettingsStore {
  readonly #path: string;
  readonly #onProblem: ProblemSink;
  readonly #writes = new LatestWriteQueue();
  #current: SavedSettings = { engine: {}, preferences: DEFAULT_PREFERENCES };

  constructor(dataDir: string, onProblem: ProblemSink) {
    this.#path = join(dataDir, 'settings.json');
    this.#onProblem = onProblem;
  }

  /** What was saved, or the defaults; a corrupt file is moved aside and reported. */
  async load(): Promise<SavedSettings> {
    const read = await readJsonFile(this.#path, isSavedSettings);
    if (read.kind === 'corrupt') this.#onProblem(read.message);
    if (read.kind === 'ok' && isSavedSettings(read.value)) {
      this.#current = {
        engine: engineSettingsFrom(read.value.engine),
        preferences: preferencesFrom(read.value.preferences),
      };
    }
    return this.#current;
  }

  /** The settings as last loaded or saved. */
  get current(): SavedSettings {
    return this.#current;
  }

  /** Saves engine settings (merged over what was saved) and/or preferences. */
  save(update: {
    readonly engine?: Partial<EngineSettings>;
    readonly preferences?: UiPreferences;
  }): Promise<void> {
    this.#current = {
      engine: { ...this.#current.engine, ...update.engine },
      preferences: update.preferences ?? this.#current.preferences,
    };
    const snapshot = this.#current;
    return this.#writes.enqueue(() =>
      writeJsonFileAtomic(this.#path, { version: FORMAT_VERSION, ...snapshot }),
    );
  }
}
